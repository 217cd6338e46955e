// The command's results, rendered from the run's result (types/result.ts) two ways: a short summary
// for a person, and `--json` for a program, which is the action's `metadata` output
// (record/metadata.ts, docs/metadata.md) with the failure beside it. Pure.
import { renderMetadata, type Metadata } from '../record/metadata.js';
import type { RunResult } from '../types/result.js';

/** Why a run failed: the message, and its failure class when it has one (as in a cell record). */
export type Failed = string | { message: string; class?: string };

const messageOf = (failed: Failed): string => (typeof failed === 'string' ? failed : failed.message);
const classOf = (failed: Failed | undefined): string | undefined =>
  failed === undefined || typeof failed === 'string' ? undefined : failed.class;

/** `--json`: the metadata; `error` when the run failed, and `failureClass` when the failure has one. */
export function renderJson(result: RunResult, failed?: Failed): string {
  const json: Metadata & { error?: string; failureClass?: string } = renderMetadata(result);
  if (failed !== undefined) json.error = messageOf(failed);
  const failureClass = classOf(failed);
  if (failureClass !== undefined) json.failureClass = failureClass;
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** `12.3 MiB`, `456 KiB`, `78 B`. */
export function bytes(n: number | undefined): string {
  if (typeof n !== 'number') return String(n ?? '');
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} B`;
}

const seconds = (s: number | undefined): string => (typeof s === 'number' ? s.toFixed(2) : String(s ?? ''));

/** A few lines: what was made, how long it took, how the boot went. */
export function renderSummary(result: RunResult, failed?: Failed): string {
  const lines: string[] = [];
  const { build, cache, smoke } = result;
  if (build.wasmPath !== undefined) {
    const about = [
      build.wasmSize !== undefined ? bytes(build.wasmSize) : undefined,
      build.sha256 !== undefined ? `sha256 ${build.sha256}` : undefined,
    ].filter((part) => part !== undefined);
    lines.push(`output     ${build.wasmPath}${about.length ? ` (${about.join(', ')})` : ''}`);
  }
  if (build.c2wVersion !== undefined) {
    const built = build.seconds !== undefined ? `, built in ${build.seconds} s` : '';
    lines.push(`c2w        ${build.c2wVersion}, allocator ${build.allocator ?? '?'}${built}`);
  }
  if (build.rejectedAllocators.length > 0) {
    const rejected = build.rejectedAllocators.map((r) => `${r.allocator}: ${r.line}`);
    lines.push(`rejected   ${rejected.join('\n           ')}`);
  }
  if (cache?.primaryKey !== undefined) {
    const hit = cache.hit ? 'exact hit' : cache.matchedKey ? `restored ${cache.matchedKey}` : undefined;
    lines.push(
      hit === undefined
        ? `cache      cold, key ${cache.primaryKey}`
        : `cache      ${hit} (${bytes(cache.restored?.bytes)}), key ${cache.primaryKey}`,
    );
  }
  if (smoke !== undefined) {
    const { node, browser } = smoke;
    const inNode = node
      ? ` in ${seconds(node.secondsMedian)} s` +
        (node.peakMemory !== undefined ? `, peak RSS ${bytes(node.peakMemory)}` : '')
      : '';
    const inBrowser = browser
      ? `; browser ${seconds(browser.secondsMedian)} s` +
        (browser.peakMemory !== undefined ? `, page peak ${bytes(browser.peakMemory)}` : '')
      : '';
    lines.push(`smoke      ${smoke.result}${inNode}${inBrowser}`);
  }
  if (result.site !== undefined) lines.push(`site       ${result.site.path}`);
  const failureClass = classOf(failed);
  lines.push(
    failed === undefined
      ? 'result     passed'
      : `result     failed${failureClass ? ` (${failureClass})` : ''}: ${messageOf(failed).split('\n').join('\n           ')}`,
  );
  return `${lines.join('\n')}\n`;
}
