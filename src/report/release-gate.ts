// Closing a release pipeline: publish the draft release the matrix cells filled, only when every
// expected cell recorded itself and passed, no record was unreadable, and every cell's asset and its
// `.sha256` are on it. Otherwise say which cell is missing what, and leave the draft alone.
import { log } from '../lib/log.js';
import type { BadRecord, CellRecord } from '../record/record.js';
import { missingCells, type ExpectedCells } from '../record/expected-cells.js';
import { ReleaseApi } from '../github/releases.js';

/** What the gate knows besides the records: the cells the matrix should have, the unreadable records. */
export interface GateContext {
  expected?: ExpectedCells;
  bad?: readonly BadRecord[];
}

/**
 * What stops the draft from being published, one line per cell; empty when it can be.
 * `assetNames` are the names on the draft.
 */
export function releaseGaps(
  records: readonly CellRecord[],
  assetNames: readonly string[],
  context: GateContext = {},
): string[] {
  const on = new Set(assetNames);
  const gaps: string[] = [];
  // A record that could not be read may be a cell that failed: its state is unknown.
  for (const b of context.bad ?? []) gaps.push(`${b.artifact}: unreadable record (${b.reason})`);
  gaps.push(
    ...missingCells(
      context.expected,
      records.map((r) => r.cell),
    ),
  );
  for (const r of records) {
    if (r.result !== 'passed') {
      const what = r.result === 'failed' ? 'failed' : `was ${r.result}`;
      gaps.push(`${r.cell}: the cell ${what} at ${r.stage}${r.failure ? ` (${r.failure.class})` : ''}`);
      continue;
    }
    const assets = r.metadata.publish?.releaseAssets ?? [];
    if (assets.length === 0) {
      gaps.push(`${r.cell}: the cell uploaded no release asset (was release-tag set?)`);
      continue;
    }
    const missing = assets.filter((a) => !on.has(a));
    if (missing.length > 0) gaps.push(`${r.cell}: ${missing.join(', ')} not on the draft`);
  }
  return gaps;
}

export async function publishDraft(
  req: { tag: string; token: string; records: CellRecord[] } & GateContext,
): Promise<void> {
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  if (!/^[^/]+\/[^/]+$/.test(repository)) throw new Error('GITHUB_REPOSITORY is not set as owner/repo');
  // The same client as the cells' uploads: retries, rate limits and a time limit per call.
  const api = await ReleaseApi.connect({ token: req.token, repository });
  const draft = await api.oldestDraft(req.tag);
  if (!draft) throw new Error(`No draft release has the tag ${req.tag}: nothing to publish.`);
  const names = await api.assetNames(draft);
  const gaps = releaseGaps(req.records, names, req);
  if (gaps.length > 0) {
    throw new Error(
      `Not publishing release ${req.tag} (draft ${draft.id}); it is left as a draft:\n${gaps.map((g) => `- ${g}`).join('\n')}`,
    );
  }
  await api.publish(draft);
  log.info(`Published release ${req.tag} (id ${draft.id}) with ${names.length} asset(s).`);
}
