// The job summary, rendered from the run's metadata (record/metadata.ts) at the end of the step:
// the failure, a table of every figure the run learned (named by its path in the metadata, as a
// workflow reads it with fromJSON), and the sentences the run noted. The runner does not mask it,
// so what carries text from outside passes through lib/redact.ts (the metadata already did).
import * as core from '@actions/core';
import { escapeHtml } from '../lib/html.js';
import { redact } from '../lib/redact.js';
import type { Metadata } from '../record/metadata.js';

/** The metadata's leaves as `[path, text]` rows, in its order (`build.sha256`, `smoke.node.secondsMedian`). Pure. */
export function metadataRows(metadata: Metadata): [string, string][] {
  const rows: [string, string][] = [];
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      const lines = value.map((v) =>
        typeof v === 'object' && v !== null ? Object.values(v as object).join(': ') : String(v),
      );
      rows.push([at, lines.join('; ')]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
    } else if (value !== undefined && at !== 'schema') {
      rows.push([at, String(value)]);
    }
  };
  walk(metadata, '');
  return rows;
}

export class JobSummary {
  private readonly notes: string[] = [];

  /** A sentence under the table (e.g. why an allocator was rejected). */
  note(text: string): void {
    this.notes.push(redact(text));
  }

  /** The summary: `failed` is the failure's message, `failureClass` its class as the cell record has it. */
  async write(title: string, metadata: Metadata, failed?: string, failureClass?: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const s = core.summary.addHeading(title, 3);
    const cls = failureClass ? ` (${escapeHtml(failureClass)})` : '';
    if (failed) s.addRaw(`**Failed${cls}:** ${escapeHtml(redact(failed))}`, true);
    const rows = metadataRows(metadata);
    if (rows.length > 0) {
      s.addTable([
        [
          { data: 'metadata', header: true },
          { data: 'value', header: true },
        ],
        ...rows.map(([n, v]) => [
          `<code>${escapeHtml(n)}</code>`,
          escapeHtml(v.length > 200 ? `${v.slice(0, 200)}…` : v),
        ]),
      ]);
    }
    for (const n of this.notes) s.addRaw(escapeHtml(n), true);
    await s.write();
  }
}
