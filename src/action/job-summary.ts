// Stage: outputs and the job summary. Every fact is set as an output the moment it is known
// (so a later failure still leaves the earlier outputs), and the summary table repeats them.
// Neither is masked by the runner, so what carries text from outside passes through lib/redact.ts.
import * as core from '@actions/core';
import { escapeHtml } from '../lib/html.js';
import { redact } from '../lib/redact.js';
import { Outputs } from './outputs.js';

/**
 * The outputs that carry text from outside the action (what the build, the guest or a failure
 * said), and so may carry a secret echoed by a build step: redacted (lib/redact.ts). The others
 * are the action's own figures, checksums, keys and names, written as they are.
 */
const OUTSIDE_TEXT: ReadonlySet<Outputs> = new Set([Outputs.Error, Outputs.SmokeOutput, Outputs.RejectedAllocators]);

export class JobSummary {
  private readonly rows: [string, string][] = [];
  private readonly notes: string[] = [];

  /** Sets output `name` and remembers it for the summary. */
  set(name: Outputs, value: string | number | boolean): void {
    const text = OUTSIDE_TEXT.has(name) ? redact(String(value)) : String(value);
    core.setOutput(name, text);
    const existing = this.rows.find(([n]) => n === name);
    if (existing) existing[1] = text;
    else this.rows.push([name, text]);
  }

  /** A sentence under the table (e.g. why an allocator was rejected). */
  note(text: string): void {
    this.notes.push(redact(text));
  }

  /** The summary: `failed` is the failure's message, `failureClass` its class as the cell record has it. */
  async write(title: string, failed?: string, failureClass?: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const s = core.summary.addHeading(title, 3);
    const cls = failureClass ? ` (${escapeHtml(failureClass)})` : '';
    if (failed) s.addRaw(`**Failed${cls}:** ${escapeHtml(redact(failed))}`, true);
    s.addTable([
      [
        { data: 'output', header: true },
        { data: 'value', header: true },
      ],
      ...this.rows.map(([n, v]) => [`<code>${n}</code>`, escapeHtml(v.length > 200 ? `${v.slice(0, 200)}…` : v)]),
    ]);
    for (const n of this.notes) s.addRaw(escapeHtml(n), true);
    await s.write();
  }
}
