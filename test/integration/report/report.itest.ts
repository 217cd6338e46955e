// The allocator report across a matrix, through the bundled actions: three js cells of one workflow
// run (one of them asserts at its smoke boot) each upload their record, then the report action reads
// them all, writes one summary, recommends a passing allocator and deletes the records.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { runReport } from '../../harness/report-runner.js';
import { ROOT } from '../../harness/runner.js';
import { metadataOf } from '../../harness/metadata.js';

let service: Record<string, string>;

const h = useHarness({ runtime: true, name: 'report' });

beforeAll(async () => {
  const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...rest } = h.runtime!.env;
  service = rest;
});

const records = () => h.runtime!.artifacts().filter((a) => a.name.startsWith('c2w-record-') && a.finalized);

describe('the allocator report', () => {
  it('compares a three-cell matrix, names a passing allocator, and deletes the records', async () => {
    const cells: Record<string, string>[] = [
      { allocator: 'emmalloc', 'build-args': 'BROKEN_ALLOCATOR=emmalloc' },
      { allocator: 'dlmalloc', 'smoke-runs': '2' },
      { allocator: 'mimalloc', 'smoke-runs': '2' },
    ];
    for (const cell of cells) {
      const r = await h.job({
        image: TEST_IMAGE,
        target: 'js',
        'smoke-timeout': '60',
        'upload-artifact': 'false',
        ...cell,
      });
      expect(r.main.exitCode, r.main.log).toBe(cell.allocator === 'emmalloc' ? 1 : 0);
    }
    expect(
      records()
        .map((a) => a.name)
        .sort(),
    ).toEqual([
      'c2w-record-c2w-test_busybox-1-amd64-js-dlmalloc',
      'c2w-record-c2w-test_busybox-1-amd64-js-emmalloc',
      'c2w-record-c2w-test_busybox-1-amd64-js-mimalloc',
    ]);

    const report = await runReport({}, service);
    expect(report.exitCode, report.log).toBe(0);
    // scripts/render-report-summary.sh renders this run's summary into report/README.md's picture.
    if (process.env.C2W_SAVE_REPORT_SUMMARY) writeFileSync(process.env.C2W_SAVE_REPORT_SUMMARY, report.summary);
    expect(report.outputs.passed).toBe('2');
    expect(report.outputs.failed).toBe('1');
    expect(['dlmalloc', 'mimalloc']).toContain(report.outputs['best-allocator']);
    const all = JSON.parse(report.outputs.records!) as {
      allocator: string;
      result: string;
      failure?: { class: string };
    }[];
    expect(all.find((r) => r.allocator === 'emmalloc')).toMatchObject({
      result: 'failed',
      failure: { class: 'allocator' },
    });
    // One table with a row per allocator; the failed one shows its class and line; bars beside the figures.
    const rows = report.summary.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(4);
    expect(report.summary).toMatch(/❌ allocator: .*Assertion failed/);
    expect(report.summary).toMatch(/█+\S* \d+\.\d+ s/);
    expect(report.summary).toContain(`ship ${report.outputs['best-allocator']}`);
    expect(report.summary).toMatch(/Emmalloc failed \(allocator: .*Assertion failed/);
    // The records are gone, and a second report says there is nothing to compare.
    expect(records()).toHaveLength(0);
    const again = await runReport({}, service);
    expect(again.exitCode, again.log).toBe(0);
    expect(again.log).toMatch(/::warning::No c2w-record-\* artifacts in this workflow run/);
    expect(again.outputs['best-allocator']).toBe('');
  });

  it('smoke-runs: 3 on the WASI stand-in reports a median, a max and a plausible peak memory', async () => {
    const r = await h.job({ image: TEST_IMAGE, 'smoke-runs': '3', 'upload-artifact': 'false', record: 'false' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log.match(/Smoke boot \d of 3/g)).toHaveLength(3);
    const median = Number(metadataOf(r.main.outputs).smoke?.node?.secondsMedian);
    const max = Number(metadataOf(r.main.outputs).smoke?.node?.secondsMax);
    expect(median).toBeGreaterThan(0);
    expect(max).toBeGreaterThanOrEqual(median);
    // At least the module's own linear memory: the child holds it resident.
    const wasm = readFileSync(`${ROOT}/test/fixtures/wasi-standin/standin.wasm`);
    const memoryBytes = await initialMemoryBytes(wasm);
    expect(Number(metadataOf(r.main.outputs).smoke?.node?.peakMemory)).toBeGreaterThanOrEqual(memoryBytes);
    expect(records().filter((a) => a.name.includes('wasi'))).toHaveLength(0);
  });
});

/** The initial size of the module's exported memory, read by instantiating it with stub imports. */
async function initialMemoryBytes(bytes: Buffer): Promise<number> {
  // The project's lib has no DOM types: the part of the WebAssembly global used here.
  const W = (
    globalThis as unknown as {
      WebAssembly: {
        compile(b: Uint8Array): Promise<object>;
        instantiate(m: object, i: object): Promise<{ exports: { memory: { buffer: ArrayBuffer } } }>;
        Module: { imports(m: object): { module: string; name: string }[] };
      };
    }
  ).WebAssembly;
  const module = await W.compile(bytes);
  const imports: Record<string, Record<string, () => number>> = {};
  for (const i of W.Module.imports(module)) (imports[i.module] ??= {})[i.name] = () => 0;
  const instance = await W.instantiate(module, imports);
  return instance.exports.memory.buffer.byteLength;
}
