// Which release the cells of a matrix upload to: one release per tag, whatever the cells' timing.
//
// GitHub's by-tag endpoint never returns a draft (GET /repos/{owner}/{repo}/releases/tags/{tag}
// answers 404 for one), and creating a draft never fails because another draft has the same tag:
// several drafts may share a tag name. So cells that look before any of them has created the draft
// each create one. Convergence: after creating its draft, a cell lists again and uploads to the
// OLDEST draft of the tag (lowest created_at, then lowest id); every cell that lists after its own
// create sees every draft created before its own, so all agree on the same one. A cell whose draft
// lost deletes it, but only while it is still empty (nobody uploaded to it).
// https://docs.github.com/en/rest/releases/releases
import { describeAnswer } from '../lib/answer.js';

/** The part of Octokit this needs: `octokit.request(route, params)`. */
export type RequestFn = (route: string, params?: Record<string, unknown>) => Promise<{ status: number; data: unknown }>;

export interface ReleaseRef {
  id: number;
  tag_name: string;
  draft: boolean;
  upload_url: string;
  created_at?: string;
  html_url?: string;
  immutable?: boolean;
  assets?: unknown[];
}

export interface ConvergeOptions {
  owner: string;
  repo: string;
  /** The release tag; may be empty when `releaseId` is given. */
  tag: string;
  /** Create a draft when the tag has no release. */
  create: boolean;
  /** An existing release to upload to (the `release-id` input): no lookup by tag, no create. */
  releaseId?: number;
  /** Pages of 100 releases searched for a draft (default 10: the newest 1000 releases). */
  maxPages?: number;
  log?: (line: string) => void;
}

export class ReleaseLookupError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ReleaseLookupError';
  }
}

/**
 * `data` as a release, or a ReleaseLookupError saying what the API answered instead: a proxy's or
 * a wrong GITHUB_API_URL's HTML page, `{}` or `null` with status 200 is no release to upload to.
 */
export function releaseOf(data: unknown, what: string): ReleaseRef {
  const r = data as Partial<ReleaseRef> | null;
  if (
    r !== null &&
    typeof r === 'object' &&
    !Array.isArray(r) &&
    Number.isSafeInteger(r.id) &&
    typeof r.tag_name === 'string' &&
    typeof r.draft === 'boolean' &&
    typeof r.upload_url === 'string'
  ) {
    return r as ReleaseRef;
  }
  throw new ReleaseLookupError(`${what}: the API answered ${describeAnswer(data)}, which is not a release`);
}

/** `data` as a list of releases (see releaseOf). */
function releasesOf(data: unknown, what: string): ReleaseRef[] {
  if (!Array.isArray(data)) {
    throw new ReleaseLookupError(`${what}: the API answered ${describeAnswer(data)}, which is not a list of releases`);
  }
  return data.map((r) => releaseOf(r, what));
}

const statusOf = (err: unknown): number | undefined => (err as { status?: number }).status;

/** The oldest draft of `tag` in `list`, or undefined (pure). */
export function oldestDraft(list: readonly ReleaseRef[], tag: string): ReleaseRef | undefined {
  return list
    .filter((r) => r.draft && r.tag_name === tag)
    .sort((a, b) => String(a.created_at ?? '').localeCompare(String(b.created_at ?? '')) || a.id - b.id)[0];
}

/** The release every cell of a matrix with this tag uploads to (see the module comment). */
export async function convergeOnRelease(request: RequestFn, o: ConvergeOptions): Promise<ReleaseRef> {
  const log = o.log ?? (() => {});
  const repo = { owner: o.owner, repo: o.repo };

  if (o.releaseId !== undefined) {
    let res;
    try {
      res = await request('GET /repos/{owner}/{repo}/releases/{release_id}', {
        ...repo,
        release_id: o.releaseId,
      });
    } catch (err) {
      throw new ReleaseLookupError(
        statusOf(err) === 404
          ? `release-id ${o.releaseId}: no such release in ${o.owner}/${o.repo} (or the token cannot see it)`
          : `Getting release ${o.releaseId}`,
        err,
      );
    }
    return releaseOf(res.data, `Getting release ${o.releaseId}`);
  }

  let byTag;
  try {
    byTag = await request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { ...repo, tag: o.tag });
  } catch (err) {
    if (statusOf(err) !== 404) throw new ReleaseLookupError(`Getting the release of tag ${o.tag}`, err);
  }
  if (byTag !== undefined) return releaseOf(byTag.data, `Getting the release of tag ${o.tag}`);

  const existing = await findOldestDraft(request, o);
  if (existing) return existing;
  if (!o.create) {
    throw new ReleaseLookupError(
      `No release has the tag ${o.tag}, and release-create is false: create the release first, or set release-create: true`,
    );
  }

  log(`Creating draft release ${o.tag}`);
  let created;
  try {
    created = await request('POST /repos/{owner}/{repo}/releases', {
      ...repo,
      tag_name: o.tag,
      name: o.tag,
      draft: true,
    });
  } catch (err) {
    throw new ReleaseLookupError(`Creating a draft release for tag ${o.tag}`, err);
  }
  const mine = releaseOf(created.data, `Creating a draft release for tag ${o.tag}`);

  // Another cell may have created a draft of the same tag meanwhile: the oldest one wins.
  const winner = (await findOldestDraft(request, o)) ?? mine;
  if (winner.id === mine.id) return mine;
  log(`Another job created draft release ${winner.id} for ${o.tag} first; uploading there.`);
  await deleteIfEmpty(request, o, mine, log);
  return winner;
}

/** The oldest draft of the tag among the newest `maxPages` pages of releases. */
export async function findOldestDraft(
  request: RequestFn,
  o: Pick<ConvergeOptions, 'owner' | 'repo' | 'tag' | 'maxPages'>,
): Promise<ReleaseRef | undefined> {
  const drafts: ReleaseRef[] = [];
  for (let page = 1; page <= (o.maxPages ?? 10); page++) {
    let res;
    try {
      res = await request('GET /repos/{owner}/{repo}/releases', {
        owner: o.owner,
        repo: o.repo,
        per_page: 100,
        page,
      });
    } catch (err) {
      throw new ReleaseLookupError('Listing releases', err);
    }
    const list = releasesOf(res.data, 'Listing releases');
    drafts.push(...list.filter((r) => r.draft && r.tag_name === o.tag));
    if (list.length < 100) break;
  }
  return oldestDraft(drafts, o.tag);
}

/** Deletes the draft this cell created and lost with, unless someone already uploaded to it. */
async function deleteIfEmpty(
  request: RequestFn,
  o: ConvergeOptions,
  mine: ReleaseRef,
  log: (line: string) => void,
): Promise<void> {
  const params = { owner: o.owner, repo: o.repo, release_id: mine.id };
  try {
    const assets = (await request('GET /repos/{owner}/{repo}/releases/{release_id}/assets', { ...params, per_page: 1 }))
      .data as unknown[];
    if (assets.length > 0) {
      log(`Draft release ${mine.id} already has assets; leaving it in place.`);
      return;
    }
    await request('DELETE /repos/{owner}/{repo}/releases/{release_id}', params);
    log(`Deleted the duplicate draft release ${mine.id}.`);
  } catch (err) {
    // The upload goes to the winner either way; an empty draft left behind is only clutter.
    log(`Could not delete the duplicate draft release ${mine.id}: ${(err as Error).message}`);
  }
}
