// The command's results, named like the action's outputs (action/outputs.ts), and the two ways to print
// them: a short summary for a person, JSON for a program. Pure.
import { Outputs } from '../action/outputs.js';

export type Value = string | number | boolean;
export type Results = Partial<Record<Outputs, Value>>;
/** Why a run failed: the message, and its failure class when it has one (as in a cell record). */
export type Failed = string | { message: string; class?: string };

const messageOf = (failed: Failed): string => (typeof failed === 'string' ? failed : failed.message);
const classOf = (failed: Failed | undefined): string | undefined =>
  failed === undefined || typeof failed === 'string' ? undefined : failed.class;

/**
 * `--json`: every result known, in the order of the outputs list; `error` when the run failed, and
 * `failure-class` when the failure has one.
 */
export function renderJson(results: Results, failed?: Failed): string {
  const ordered: Record<string, Value> = {};
  for (const name of Object.values(Outputs)) {
    const v = results[name];
    if (v !== undefined) ordered[name] = v;
  }
  if (failed !== undefined) ordered.error = messageOf(failed);
  const failureClass = classOf(failed);
  if (failureClass !== undefined) ordered['failure-class'] = failureClass;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** `12.3 MiB`, `456 KiB`, `78 B`. */
export function bytes(n: Value | undefined): string {
  if (typeof n !== 'number') return String(n ?? '');
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} B`;
}

const seconds = (s: Value | undefined): string => (typeof s === 'number' ? s.toFixed(2) : String(s ?? ''));

/** A few lines: what was made, how long it took, how the boot went. */
export function renderSummary(results: Results, failed?: Failed): string {
  const lines: string[] = [];
  const r = results;
  if (r[Outputs.WasmPath] !== undefined) {
    const about = [
      r[Outputs.WasmSize] !== undefined ? bytes(r[Outputs.WasmSize]) : undefined,
      r[Outputs.Sha256] !== undefined ? `sha256 ${r[Outputs.Sha256]}` : undefined,
    ].filter((part) => part !== undefined);
    lines.push(`output     ${r[Outputs.WasmPath]}${about.length ? ` (${about.join(', ')})` : ''}`);
  }
  if (r[Outputs.C2wVersion] !== undefined) {
    const build = r[Outputs.BuildSeconds] !== undefined ? `, built in ${r[Outputs.BuildSeconds]} s` : '';
    lines.push(`c2w        ${r[Outputs.C2wVersion] ?? '?'}, allocator ${r[Outputs.Allocator] ?? '?'}${build}`);
  }
  if (r[Outputs.RejectedAllocators]) {
    lines.push(`rejected   ${String(r[Outputs.RejectedAllocators]).split('\n').join('\n           ')}`);
  }
  if (r[Outputs.CachePrimaryKey] !== undefined) {
    const hit = r[Outputs.CacheHit]
      ? 'exact hit'
      : r[Outputs.CacheMatchedKey]
        ? `restored ${r[Outputs.CacheMatchedKey]}`
        : undefined;
    lines.push(
      hit === undefined
        ? `cache      cold, key ${r[Outputs.CachePrimaryKey]}`
        : `cache      ${hit} (${bytes(r[Outputs.CacheSize])}), key ${r[Outputs.CachePrimaryKey]}`,
    );
  }
  if (r[Outputs.SmokeResult] !== undefined) {
    const secs =
      r[Outputs.SmokeResult] === 'skipped'
        ? ''
        : ` in ${seconds(r[Outputs.SmokeSeconds])} s` +
          (r[Outputs.SmokePeakRss] !== undefined ? `, peak RSS ${bytes(r[Outputs.SmokePeakRss])}` : '');
    const browser =
      r[Outputs.SmokeBrowserSeconds] !== undefined
        ? `; browser ${seconds(r[Outputs.SmokeBrowserSeconds])} s` +
          (r[Outputs.SmokeBrowserPeakMemory] !== undefined
            ? `, page peak ${bytes(r[Outputs.SmokeBrowserPeakMemory])}`
            : '')
        : '';
    const node = r[Outputs.SmokeSeconds] === undefined && browser ? '' : secs;
    lines.push(`smoke      ${r[Outputs.SmokeResult]}${node}${browser}`);
  }
  if (r[Outputs.SitePath] !== undefined) lines.push(`site       ${r[Outputs.SitePath]}`);
  const failureClass = classOf(failed);
  lines.push(
    failed === undefined
      ? 'result     passed'
      : `result     failed${failureClass ? ` (${failureClass})` : ''}: ${messageOf(failed).split('\n').join('\n           ')}`,
  );
  return `${lines.join('\n')}\n`;
}
