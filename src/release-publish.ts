// Closing a release pipeline: publish the draft release the matrix cells filled, only when every
// cell passed and every cell's asset and its `.sha256` are on it. Otherwise say which cell is
// missing what, and leave the draft alone.
import * as core from '@actions/core';
import type { CellRecord } from './record.js';

/** Per-request bound: a REST call that does not answer in this time fails with a clear message. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * What stops the draft from being published, one line per cell; empty when it can be.
 * `assetNames` are the names on the draft.
 */
export function releaseGaps(records: readonly CellRecord[], assetNames: readonly string[]): string[] {
  const on = new Set(assetNames);
  const gaps: string[] = [];
  for (const r of records) {
    if (r.result !== 'passed') {
      gaps.push(`${r.cell}: the cell failed at ${r.stage}${r.failure ? ` (${r.failure.class})` : ''}`);
      continue;
    }
    const assets = r.release?.assets ?? [];
    if (assets.length === 0) {
      gaps.push(`${r.cell}: the cell uploaded no release asset (was release-tag set?)`);
      continue;
    }
    const missing = assets.filter((a) => !on.has(a));
    if (missing.length > 0) gaps.push(`${r.cell}: ${missing.join(', ')} not on the draft`);
  }
  return gaps;
}

interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  html_url?: string;
}

export async function publishDraft(req: { tag: string; token: string; records: CellRecord[] }): Promise<void> {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set as owner/repo');
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(req.token, {
    baseUrl: (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
  });
  const call = async <T>(what: string, route: string, params: Record<string, unknown>): Promise<T> => {
    try {
      const res = await octokit.request(route, {
        owner,
        repo,
        ...params,
        request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      });
      return res.data as T;
    } catch (e) {
      const err = e as { status?: number; name?: string; message?: string };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new Error(`${what}: no answer from the GitHub API within ${REQUEST_TIMEOUT_MS / 1000} s`);
      }
      throw new Error(`${what} failed: ${err.status ?? ''} ${err.message ?? String(e)}`.replace(/\s+/g, ' '));
    }
  };

  // The by-tag endpoint never returns drafts: list, and take the oldest draft of the tag (the one
  // the cells converge on when several were created at once).
  const drafts: Release[] = [];
  for (let page = 1; page <= 10; page++) {
    const list = await call<Release[]>('Listing releases', 'GET /repos/{owner}/{repo}/releases', {
      per_page: 100,
      page,
    });
    drafts.push(...list.filter((r) => r.draft && r.tag_name === req.tag));
    if (list.length < 100) break;
  }
  const draft = drafts.sort((a, b) => a.id - b.id)[0];
  if (!draft) throw new Error(`No draft release has the tag ${req.tag}: nothing to publish.`);

  const assets: { name: string }[] = [];
  for (let page = 1; page <= 10; page++) {
    const list = await call<{ name: string }[]>(
      'Listing the draft assets',
      'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
      { release_id: draft.id, per_page: 100, page },
    );
    assets.push(...list);
    if (list.length < 100) break;
  }
  const gaps = releaseGaps(
    req.records,
    assets.map((a) => a.name),
  );
  if (gaps.length > 0) {
    throw new Error(
      `Not publishing release ${req.tag} (draft ${draft.id}); it is left as a draft:\n${gaps.map((g) => `- ${g}`).join('\n')}`,
    );
  }
  await call('Publishing the release', 'PATCH /repos/{owner}/{repo}/releases/{release_id}', {
    release_id: draft.id,
    draft: false,
  });
  core.info(`Published release ${req.tag} (id ${draft.id}) with ${assets.length} asset(s).`);
}
