import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bar, bytes, groupRecords, groupTable, pickBest } from '../../../src/report/matrix-report.js';
import { ClassifiedError } from '../../../src/types/errors.js';
import {
  buildRecord,
  failureOf,
  parseRecord,
  RECORD_SCHEMA_V2,
  upgradeRecord,
  type CellRecord,
  type RecordV2,
} from '../../../src/record/record.js';
import { newRunResult } from '../../../src/types/result.js';
import { releaseGaps } from '../../../src/report/release-gate.js';
import { parseReportInputs, ReportOutputs } from '../../../src/report/main.js';
import { median, smokeFigures } from '../../../src/smoke/figures.js';
import { classifyFailure } from '../../../src/c2w/failures.js';

// Written as a v2 record (its figures in the report's words) and read as every record is, as v3.
const cellRecord = (allocator: string, over: Partial<RecordV2> = {}, figures: RecordV2['figures'] = {}): CellRecord =>
  upgradeRecord({
    schema: RECORD_SCHEMA_V2,
    cell: `alpine-3.20-amd64-js-${allocator}`,
    image: 'alpine:3.20',
    target: 'js',
    targetArch: 'amd64',
    allocator,
    rejected: [],
    result: 'passed',
    stage: 'done',
    figures: { wasmSize: 30e6, smokeSecondsMedian: 2, smokePeakRss: 600 * 2 ** 20, ...figures },
    runner: { os: 'Linux', arch: 'X64' },
    ...over,
  });

describe('pickBest', () => {
  const records = [
    cellRecord('emmalloc', {}, { smokeSecondsMedian: 3, smokePeakRss: 500e6, wasmSize: 29e6 }),
    cellRecord('dlmalloc', {}, { smokeSecondsMedian: 2, smokePeakRss: 700e6, wasmSize: 31e6 }),
    cellRecord('mimalloc', { result: 'failed', stage: 'smoke' }, { smokeSecondsMedian: 1, wasmSize: 1 }),
  ];
  it.each([
    ['boot', 'dlmalloc'],
    ['memory', 'emmalloc'],
    ['size', 'emmalloc'],
  ] as const)('ranks by %s: %s (a failed cell never wins)', (rankBy, best) => {
    expect(pickBest(records, rankBy)?.allocator).toBe(best);
  });
  it('nothing passed: no best', () => {
    expect(pickBest([cellRecord('x', { result: 'failed' })], 'boot')).toBeUndefined();
  });
});

describe('groupRecords', () => {
  it('groups by image, target and arch, and says what to ship and what failed', () => {
    const groups = groupRecords(
      [
        cellRecord('emmalloc', {
          result: 'failed',
          stage: 'smoke',
          failure: { class: 'allocator', line: 'Assertion failed: emmalloc.c', message: 'm' },
        }),
        cellRecord('dlmalloc', {}, { smokeSecondsMedian: 1.5, smokeRuns: 3 }),
        cellRecord('dlmalloc', { target: 'wasi', cell: 'w' }),
      ],
      'boot',
    );
    expect(groups.map((g) => g.name)).toEqual(['alpine:3.20 · js · amd64', 'alpine:3.20 · wasi · amd64']);
    expect(groups[0]!.best?.allocator).toBe('dlmalloc');
    expect(groups[0]!.recommendation).toBe(
      'alpine:3.20 · js · amd64: ship dlmalloc: boots in 1.50 s, median of 3, peak 600.0 MiB, wasm 28.6 MiB. ' +
        'Emmalloc failed (allocator: Assertion failed: emmalloc.c).',
    );
  });
  it('says so when no allocator passed', () => {
    const [g] = groupRecords([cellRecord('emmalloc', { result: 'failed', stage: 'build' })], 'boot');
    expect(g!.recommendation).toBe('alpine:3.20 · js · amd64: no allocator passed: emmalloc failed (at build).');
  });
  it('renders a row per allocator with bars and the failure', () => {
    const [g] = groupRecords(
      [
        cellRecord('dlmalloc', {}, { smokeSecondsMedian: 4, smokeSecondsMax: 5, smokeRuns: 3 }),
        cellRecord('emmalloc', {}, { smokeSecondsMedian: 2 }),
        cellRecord('mimalloc', { result: 'failed', stage: 'smoke', failure: { class: 'smoke-timeout', message: '' } }),
      ],
      'boot',
    );
    const [header, ...rows] = groupTable(g!);
    expect(header).toContain('boot (median)');
    expect(rows.map((r) => r[0])).toEqual(['dlmalloc', 'emmalloc ★', 'mimalloc']);
    expect(rows[0]![3]).toBe(`${'█'.repeat(12)} 4.00 s (max 5.00 s)`);
    expect(rows[1]![3]).toBe(`${'█'.repeat(6)} 2.00 s`);
    expect(rows[2]![1]).toBe('❌ smoke-timeout at smoke');
    // A failed boot's time is the time to its failure: not shown as a boot figure.
    expect(rows[2]![3]).toBe('');
    expect(rows[2]![4]).toBe('');
  });
});

describe('allocators compared in the browser', () => {
  const page = (s: number, mib: number) => ({
    smokeRuns: 1,
    smokeSecondsMedian: s,
    smokeSecondsMax: s,
    smokePeakMemory: mib * 2 ** 20,
  });
  it('adds the browser boot and the page memory columns when a cell booted in a browser', () => {
    const [g] = groupRecords(
      [
        cellRecord('dlmalloc', {}, { browser: page(4, 300) }),
        cellRecord('emmalloc', {}, { browser: page(2, 150) }),
        cellRecord('mimalloc', { result: 'failed', stage: 'smoke', failure: { class: 'allocator', message: '' } }),
      ],
      'boot',
    );
    const [header, ...rows] = groupTable(g!);
    expect(header).toEqual([
      'allocator',
      'result',
      'wasm',
      'boot (median)',
      'peak memory',
      'browser boot (median)',
      'page peak memory',
      'build',
      'cache',
    ]);
    expect(rows[0]![5]).toBe(`${'█'.repeat(12)} 4.00 s`);
    expect(rows[1]![6]).toBe(`${'█'.repeat(6)} 150.0 MiB`);
    expect(rows[2]![5]).toBe('');
    expect(g!.recommendation).toMatch(/ship dlmalloc.*boots in the browser in 4\.00 s \(page peak 300\.0 MiB\)/);
  });

  it('ranks cells that booted only in the browser by their browser figures', () => {
    const only = (allocator: string, s: number, mib: number) => {
      const r = cellRecord(allocator, {}, { browser: page(s, mib) });
      delete r.metadata.smoke?.node;
      return r;
    };
    const records = [only('dlmalloc', 1, 400), only('emmalloc', 3, 100)];
    expect(pickBest(records, 'boot')?.allocator).toBe('dlmalloc');
    expect(pickBest(records, 'memory')?.allocator).toBe('emmalloc');
  });

  it('keeps the table as it was when no cell booted in a browser', () => {
    const [g] = groupRecords([cellRecord('dlmalloc')], 'boot');
    expect(groupTable(g!)[0]).not.toContain('page peak memory');
  });
});

describe('bar and bytes', () => {
  it.each([
    [0, 10, '▏'],
    [10, 10, '█'.repeat(12)],
    [5, 10, '█'.repeat(6)],
    [1, 8, '█▌'],
    [undefined, 10, ''],
    [3, 0, ''],
  ])('bar(%s, %s) = %j', (v, max, expected) => expect(bar(v, max)).toBe(expected));
  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [600 * 2 ** 20, '600.0 MiB'],
  ])('bytes(%s) = %s', (n, text) => expect(bytes(n)).toBe(text));
});

describe('records', () => {
  it('round-trip through JSON and refuse another schema', () => {
    const r = cellRecord('dlmalloc');
    expect(parseRecord(JSON.stringify(r), 'a')).toEqual(r);
    expect(() => parseRecord(JSON.stringify({ ...r, schema: 'c2w-action/record/v9' }), 'art')).toThrow(
      /art has schema "c2w-action\/record\/v9"/,
    );
    expect(() => parseRecord('{', 'art')).toThrow(/art is not JSON/);
    expect(() => parseRecord(JSON.stringify({ ...r, image: undefined }), 'art')).toThrow(
      /art is not a valid record: image: missing/,
    );
  });
  it.each<[string, Error, { class: string; line?: string }]>([
    [
      'a classified smoke failure',
      new ClassifiedError('x', 'allocator', 'Assertion failed'),
      { class: 'allocator', line: 'Assertion failed' },
    ],
    [
      'a known build signature',
      new Error('c2w failed (exit 1): write /x: no space left on device\nhint'),
      { class: 'disk', line: 'c2w failed (exit 1): write /x: no space left on device' },
    ],
    ['anything else', new Error('boom'), { class: 'build-error' }],
  ])('failureOf: %s', (_name, error, expected) => {
    expect(failureOf('build', error, classifyFailure)).toMatchObject(expected);
  });
  it('buildRecord: a failure keeps its stage; success is done', () => {
    const inputs = { image: 'a', target: 'js', targetArch: 'amd64', allocator: 'emmalloc' } as const;
    const run = { ...newRunResult(), stage: 'smoke' as const };
    run.build.allocator = 'dlmalloc';
    expect(buildRecord('c', inputs, run, undefined, { os: 'L', arch: 'X' })).toMatchObject({
      result: 'passed',
      stage: 'done',
    });
    expect(
      buildRecord('c', inputs, run, { class: 'smoke-timeout', message: 'm' }, { os: 'L', arch: 'X' }),
    ).toMatchObject({ result: 'failed', stage: 'smoke', metadata: { build: { allocator: 'dlmalloc' } } });
  });
});

describe('smoke figures', () => {
  it.each([
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 2, 3], 2.5],
  ])('median(%j) = %s', (values, m) => expect(median(values)).toBe(m));
  it('takes the median, the largest, and the peak resident set in bytes', () => {
    expect(smokeFigures([{ seconds: 1, peakRssKiB: 100 }, { seconds: 3, peakRssKiB: 300 }, { seconds: 2 }])).toEqual({
      smokeRuns: 3,
      smokeSecondsMedian: 2,
      smokeSecondsMax: 3,
      smokePeakRss: 300 * 1024,
    });
  });
});

describe('releaseGaps', () => {
  const withRelease = (a: string, over: Partial<RecordV2> = {}): CellRecord =>
    cellRecord(a, { release: { id: '7', assets: [`${a}.tar.gz`, `${a}.tar.gz.sha256`] }, ...over });
  it.each<[string, CellRecord[], string[], string[]]>([
    [
      'all there',
      [withRelease('e'), withRelease('d')],
      ['e.tar.gz', 'e.tar.gz.sha256', 'd.tar.gz', 'd.tar.gz.sha256'],
      [],
    ],
    [
      'a checksum missing',
      [withRelease('e')],
      ['e.tar.gz'],
      ['alpine-3.20-amd64-js-e: e.tar.gz.sha256 not on the draft'],
    ],
    [
      'a failed cell',
      [withRelease('e', { result: 'failed', stage: 'smoke', failure: { class: 'allocator', message: '' } })],
      [],
      ['alpine-3.20-amd64-js-e: the cell failed at smoke (allocator)'],
    ],
    [
      'no upload',
      [cellRecord('e')],
      [],
      ['alpine-3.20-amd64-js-e: the cell uploaded no release asset (was release-tag set?)'],
    ],
  ])('%s', (_name, records, names, gaps) => expect(releaseGaps(records, names)).toEqual(gaps));
});

describe('the report action', () => {
  const yml = parse(readFileSync(new URL('../../../report/action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    outputs: Record<string, unknown>;
    runs: { using: string; main: string };
  };
  it('declares exactly the outputs it sets, and runs the one bundle on node24', () => {
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(ReportOutputs).sort());
    expect(yml.runs).toEqual({ using: 'node24', main: '../dist/report.js' });
  });
  it('parses its defaults, and refuses a bad rank-by or a publish without a tag, naming the input', () => {
    const defaults = (name: string) => yml.inputs[name]?.default ?? '';
    expect(parseReportInputs((n) => (n === 'github-token' ? 't' : defaults(n)))).toEqual({
      rankBy: 'boot',
      keepRecords: false,
      failOnFailure: false,
      releaseTag: undefined,
      releasePublish: false,
      githubToken: 't',
    });
    expect(() => parseReportInputs((n) => (n === 'rank-by' ? 'speed' : defaults(n)))).toThrow(/Input 'rank-by'/);
    expect(() => parseReportInputs((n) => (n === 'release-publish' ? 'true' : defaults(n)))).toThrow(
      /Input 'release-tag'/,
    );
  });
});
