import { describe, expect, it } from 'vitest';
import {
  admitRecords,
  buildRecord,
  parseRecord,
  RECORD_SCHEMA,
  RECORD_SCHEMA_V1,
  RECORD_SCHEMA_V2,
  refusedRecord,
  type CellRecord,
} from '../../../src/record/record.js';
import { METADATA_SCHEMA } from '../../../src/record/metadata.js';
import { newRunResult } from '../../../src/types/result.js';
import { groupRecords, groupTable } from '../../../src/report/matrix-report.js';
import { escapeHtml } from '../../../src/lib/html.js';

/** A v2 record, as cells of the previous version wrote them: the figures in the record's own words. */
const good = (over: Record<string, unknown> = {}, figures: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema: RECORD_SCHEMA_V2,
  cell: 'alpine-3.20-amd64-js-dlmalloc',
  image: 'alpine:3.20',
  target: 'js',
  targetArch: 'amd64',
  allocator: 'dlmalloc',
  rejected: [],
  result: 'passed',
  stage: 'done',
  figures: { wasmSize: 30_000_000, smokeSecondsMedian: 2.5, smokeSecondsMax: 3, smokeRuns: 3, ...figures },
  runner: { os: 'Linux', arch: 'X64' },
  ...over,
});
const failed = {
  result: 'failed',
  stage: 'smoke',
  failure: { class: 'allocator', line: 'Assertion failed', message: 'm' },
};

/** A v3 record: what the run learned is the metadata (record/metadata.ts). */
const goodV3 = (over: Record<string, unknown> = {}, build: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema: RECORD_SCHEMA,
  cell: 'alpine-3.20-amd64-js-dlmalloc',
  image: 'alpine:3.20',
  target: 'js',
  targetArch: 'amd64',
  allocator: 'dlmalloc',
  result: 'passed',
  stage: 'done',
  metadata: {
    schema: METADATA_SCHEMA,
    build: { wasmSize: 30_000_000, allocator: 'dlmalloc', rejectedAllocators: [], ...build },
    smoke: {
      result: 'passed',
      node: { result: 'passed', runs: 3, secondsMedian: 2.5, secondsMax: 3, output: 'c2w-smoke-ok\n' },
    },
  },
  runner: { os: 'Linux', arch: 'X64' },
  ...over,
});

describe('the v3 record: identity, outcome and the metadata', () => {
  it.each<[string, string, RegExp]>([
    [
      'a string where a number belongs',
      JSON.stringify(goodV3({}, { wasmSize: '<img src=x>' })),
      /metadata\.build\.wasmSize: expected number \(got "<img src=x>"\)/,
    ],
    [
      'a line break in a rejection',
      JSON.stringify(goodV3({}, { rejectedAllocators: [{ allocator: 'emmalloc', line: 'a\n::warning ::x' }] })),
      /metadata\.build\.rejectedAllocators\.0\.line: a line break or control character/,
    ],
    [
      'another metadata schema',
      JSON.stringify(goodV3({ metadata: { schema: 'c2w-action/metadata/v9', build: {} } })),
      /metadata\.schema: expected "c2w-action\/metadata\/v1"/,
    ],
    ['no metadata', JSON.stringify(goodV3({ metadata: undefined })), /metadata: missing/],
    ['passed, yet stopped at smoke', JSON.stringify(goodV3({ stage: 'smoke' })), /result and stage disagree/],
  ])('refuses %s, saying where', (_name, text, why) => {
    expect(() => parseRecord(text, 'artifact x')).toThrow(why);
  });

  it('reads a v3 record as it was written', () => {
    expect(parseRecord(JSON.stringify(goodV3()), 'x')).toEqual(goodV3());
  });

  it('reads a v2 record as v3: its figures, allocator used, rejections and release in the metadata', () => {
    const v2 = good(
      {
        allocatorUsed: 'dlmalloc',
        rejected: [{ allocator: 'emmalloc', line: 'Assertion failed' }],
        release: { id: '7', assets: ['a.wasm', 'a.wasm.sha256'] },
      },
      { smokeResult: 'passed', cacheHit: true, cacheBytes: 9, buildSeconds: 4.5, smokePeakRss: 1024 },
    );
    const r = parseRecord(JSON.stringify(v2), 'x');
    expect(r).toMatchObject({ schema: RECORD_SCHEMA, cell: v2.cell, allocator: 'dlmalloc', result: 'passed' });
    expect(r.metadata).toEqual({
      schema: METADATA_SCHEMA,
      build: {
        wasmSize: 30_000_000,
        allocator: 'dlmalloc',
        rejectedAllocators: [{ allocator: 'emmalloc', line: 'Assertion failed' }],
        seconds: 4.5,
      },
      cache: { hit: true, restored: { bytes: 9, shared: 0, allocator: 0 } },
      smoke: {
        result: 'passed',
        node: { result: 'passed', runs: 3, secondsMedian: 2.5, secondsMax: 3, peakMemory: 1024, output: '' },
      },
      publish: { releaseId: '7', releaseAssets: ['a.wasm', 'a.wasm.sha256'] },
    });
  });
});

describe('the v1 and v2 record schema', () => {
  it.each<[string, string, RegExp]>([
    [
      'a string where a number belongs',
      JSON.stringify(good({}, { wasmSize: '<img src=x>' })),
      /figures\.wasmSize: expected number \(got "<img src=x>"\)/,
    ],
    ['a negative size', JSON.stringify(good({}, { smokePeakRss: -1 })), /figures\.smokePeakRss: negative/],
    ['a fractional byte count', JSON.stringify(good({}, { wasmSize: 1.5 })), /figures\.wasmSize: not a whole number/],
    // JSON.parse reads 1e999 as Infinity.
    [
      'an infinite time',
      JSON.stringify(good()).replace('"smokeSecondsMedian":2.5', '"smokeSecondsMedian":1e999'),
      /smokeSecondsMedian: not a finite number/,
    ],
    [
      'a max below the median',
      JSON.stringify(good({}, { smokeSecondsMax: 1 })),
      /smokeSecondsMax is below smokeSecondsMedian/,
    ],
    ['a sha256 that is not hex', JSON.stringify(good({}, { sha256: 'xyz' })), /figures\.sha256: not 64 hex digits/],
    [
      'a line break in the image',
      JSON.stringify(good({ image: 'a\n::warning ::x' })),
      /image: a line break or control character/,
    ],
    ['an unknown result', JSON.stringify(good({ result: 'won' })), /result: expected/],
    ['passed, yet stopped at smoke', JSON.stringify(good({ stage: 'smoke' })), /result and stage disagree/],
    [
      'failed with no failure',
      JSON.stringify(good({ result: 'failed', stage: 'build' })),
      /did not pass has no failure/,
    ],
    ['refused past its inputs', JSON.stringify(good({ ...failed, result: 'refused' })), /result and stage disagree/],
    [
      'assets that are not a list',
      JSON.stringify(good({ release: { id: '1', assets: 'x' } })),
      /release\.assets: expected Array/,
    ],
    ['a missing field', JSON.stringify(good({ allocator: undefined })), /allocator: missing/],
    ['another schema', JSON.stringify(good({ schema: 'c2w-action/record/v9' })), /has schema "c2w-action\/record\/v9"/],
    ['an array', '[]', /is not a record object/],
    ['not JSON', '{', /is not JSON/],
  ])('refuses %s, saying where', (_name, text, why) => {
    expect(() => parseRecord(text, 'artifact x')).toThrow(why);
  });

  it('never quotes a long value whole in its reason', () => {
    const text = JSON.stringify(good({}, { wasmSize: `${'A'.repeat(5000)}` }));
    expect(() => parseRecord(text, 'x')).toThrow(/got "A{30,40}…\)$/);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a passed v2 record', good()],
    ['a failed v1 record', good({ schema: RECORD_SCHEMA_V1, ...failed })],
    [
      'a cancelled record',
      good({ result: 'cancelled', stage: 'build', failure: { class: 'cancelled', message: 'c' } }),
    ],
    [
      'a record of a cell whose site could not be written',
      good({ ...failed, stage: 'site', failure: { class: 'site', message: "The site folder '_site' …" } }),
    ],
    [
      'a refused record',
      good({
        result: 'refused',
        stage: 'inputs',
        target: 'jss',
        figures: {},
        failure: { class: 'inputs', message: "Input 'target' …" },
      }),
    ],
  ])('accepts %s', (_name, record) => {
    const { schema: _s, figures: _f, rejected: _r, ...rest } = record;
    expect(parseRecord(JSON.stringify(record), 'x')).toMatchObject({ ...rest, schema: RECORD_SCHEMA });
  });

  it('drops fields it does not know, and fills the optional lists', () => {
    const { rejected: _r, runner: _u, figures: _f, ...bare } = goodV3();
    expect(parseRecord(JSON.stringify({ ...bare, extra: '<script>' }), 'x')).toEqual({
      ...bare,
      runner: { os: '', arch: '' },
    });
    const v2 = good();
    const { rejected: _r2, runner: _u2, figures: _f2, ...bareV2 } = v2;
    expect(parseRecord(JSON.stringify({ ...bareV2, extra: '<script>' }), 'x')).toMatchObject({
      runner: { os: '', arch: '' },
      metadata: { build: { rejectedAllocators: [] } },
    });
  });

  it('writes records it reads back, whatever the cell was given or its failure printed', () => {
    const refused = refusedRecord(
      'x',
      { image: 'alpine\n::warning ::forged', target: 'js\r\n', targetArch: 'amd64', allocator: 'e'.repeat(500) },
      new Error(`Input 'target' must be js or wasi\n${'z'.repeat(9000)}`),
      { os: 'Linux', arch: 'X64' },
    );
    expect(parseRecord(JSON.stringify(refused), 'x')).toMatchObject({
      result: 'refused',
      image: 'alpine ::warning ::forged',
    });
    const run = { ...newRunResult(), stage: 'smoke' as const };
    run.build.rejectedAllocators = [{ allocator: 'mimalloc', line: 'line\nwith a break' }];
    const built = buildRecord(
      'y',
      { image: 'a', target: 'js', targetArch: 'amd64', allocator: 'emmalloc' },
      run,
      { class: 'allocator', line: 'x\ny', message: 'm' },
      { os: 'Linux', arch: 'X64' },
      true,
    );
    expect(parseRecord(JSON.stringify(built), 'y')).toMatchObject({ result: 'cancelled', stage: 'smoke' });
  });
});

describe('admitRecords', () => {
  it('skips each bad record with its reason and keeps comparing the rest', () => {
    const entry = (artifact: string, record: Record<string, unknown>) => ({ artifact, text: JSON.stringify(record) });
    const { records, bad } = admitRecords([
      entry('c2w-record-a', good({ cell: 'a' })),
      entry('c2w-record-b', good({ cell: 'b' }, { wasmSize: 'big' })),
      entry('c2w-record-c', good({ cell: 'a' })),
      entry('c2w-record-d', good({ cell: 'd', allocator: 'emmalloc' })),
    ]);
    expect(records.map((r) => r.cell)).toEqual(['a', 'd']);
    expect(bad).toEqual([
      { artifact: 'c2w-record-b', reason: expect.stringMatching(/figures\.wasmSize: expected number/) },
      { artifact: 'c2w-record-c', reason: expect.stringMatching(/holds the record of another cell, "a"/) },
    ]);
  });

  it('refuses a second record of one cell', () => {
    const text = JSON.stringify(good({ cell: 'a' }));
    const { bad } = admitRecords([
      { artifact: 'c2w-record-a', text },
      { artifact: 'c2w-record-a', text },
    ]);
    expect(bad).toEqual([{ artifact: 'c2w-record-a', reason: expect.stringMatching(/repeats the cell "a"/) }]);
  });
});

describe('writing record fields into the summary', () => {
  it('escapes every cell, and no field can put a blank line into the HTML', () => {
    const r = parseRecord(
      JSON.stringify(good({ allocator: '<img src=x onerror=alert(1)>', allocatorUsed: '<b>' })),
      'x',
    ) as CellRecord;
    const table = groupTable(groupRecords([r], 'boot')[0]!);
    for (const cell of table.slice(1).flat()) expect(cell).not.toMatch(/[<>\n]/);
    expect(table[1]![0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
  it.each([
    ['a\n\n## heading', 'a&#10;&#10;## heading'],
    ['<td>"&', '&lt;td&gt;&quot;&amp;'],
    ['cr\r\n', 'cr&#13;&#10;'],
  ])('escapeHtml(%j) = %j', (text, html) => expect(escapeHtml(text)).toBe(html));
});
