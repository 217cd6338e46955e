import { describe, expect, it } from 'vitest';
import {
  admitRecords,
  buildRecord,
  parseRecord,
  RECORD_SCHEMA,
  RECORD_SCHEMA_V1,
  refusedRecord,
  type CellRecord,
} from '../../../src/record/record.js';
import { groupRecords, groupTable } from '../../../src/report/matrix-report.js';
import { escapeHtml } from '../../../src/lib/html.js';

const good = (over: Record<string, unknown> = {}, figures: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema: RECORD_SCHEMA,
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

describe('the record schema', () => {
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
    expect(parseRecord(JSON.stringify(record), 'x')).toEqual(record);
  });

  it('drops fields it does not know, and fills the optional lists', () => {
    const { rejected: _r, runner: _u, figures: _f, ...bare } = good();
    expect(parseRecord(JSON.stringify({ ...bare, extra: '<script>' }), 'x')).toEqual({
      ...bare,
      rejected: [],
      figures: {},
      runner: { os: '', arch: '' },
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
    const built = buildRecord(
      'y',
      { image: 'a', target: 'js', targetArch: 'amd64', allocator: 'emmalloc' },
      { stage: 'smoke', rejected: [{ allocator: 'mimalloc', line: 'line\nwith a break' }], figures: {} },
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
