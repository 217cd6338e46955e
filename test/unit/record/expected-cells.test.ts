import { describe, expect, it } from 'vitest';
import { cellNameOf, missingCells, parseExpectedCells } from '../../../src/record/expected-cells.js';
import { releaseGaps } from '../../../src/report/release-gate.js';
import { METADATA_SCHEMA } from '../../../src/record/metadata.js';
import { RECORD_SCHEMA, type CellRecord } from '../../../src/record/record.js';
import { defaultArtifactName } from '../../../src/publish/names.js';

describe('parseExpectedCells', () => {
  it.each<[string, string, ReturnType<typeof parseExpectedCells>]>([
    ['empty', ' ', undefined],
    ['a count (strategy.job-total)', '6', { count: 6 }],
    [
      "the matrix's include list, with the action's defaults",
      JSON.stringify([
        { image: 'alpine:3.20', allocator: 'dlmalloc' },
        { image: 'alpine:3.20', target: 'js', 'target-arch': 'riscv64', allocator: 'mimalloc' },
        { image: 'x', 'artifact-name': 'mine' },
      ]),
      { cells: ['alpine-3.20-amd64-wasi-dlmalloc', 'alpine-3.20-riscv64-js-mimalloc', 'mine'] },
    ],
    [
      'a matrix of include alone',
      JSON.stringify({ include: [{ image: 'app' }] }),
      { cells: ['app-amd64-wasi-emmalloc'] },
    ],
    ['artifact names', '["a-b", " c "]', { cells: ['a-b', 'c'] }],
  ])('%s', (_name, raw, expected) => expect(parseExpectedCells(raw)).toEqual(expected));

  it.each<[string, string, RegExp]>([
    ['zero', '0', /'expected-cells' is 0; a matrix has 1 to 256 cells/],
    ['not JSON', 'three', /'expected-cells' is neither a number of cells nor JSON/],
    ['a cross-product matrix', '{"allocator":["a","b"]}', /only a matrix of include alone/],
    ['an empty list', '[]', /a JSON list of 1 to 256 cells/],
    ['a cell with no image', '[{"allocator":"a"}]', /cell 1 has neither image nor artifact-name/],
    ['a cell twice', '[{"image":"a"},{"image":"a","target":"wasi"}]', /names the cell a-amd64-wasi-emmalloc twice/],
    ['a number in a list', '[1]', /cell 1 is 1/],
  ])('refuses %s, naming the input', (_name, raw, why) => expect(() => parseExpectedCells(raw)).toThrow(why));

  it('names a cell as the action names its artifact', () => {
    const inputs = { image: 'ghcr.io/org/app:1.0', target: 'js', targetArch: 'arm64', allocator: 'mimalloc' } as const;
    expect(cellNameOf({ image: inputs.image, target: 'js', 'target-arch': 'arm64', allocator: 'mimalloc' })).toBe(
      defaultArtifactName(inputs),
    );
    // Values the action refuses still make a name an artifact can have.
    expect(cellNameOf({ image: 'a', target: 'js\n::x', allocator: 'a/b' })).toBe('a-amd64-js-x-a-b');
  });
});

describe('the release gate and the expected cells', () => {
  const record = (cell: string, over: Partial<CellRecord> = {}): CellRecord => ({
    schema: RECORD_SCHEMA,
    cell,
    image: 'app',
    target: 'js',
    targetArch: 'amd64',
    allocator: 'emmalloc',
    result: 'passed',
    stage: 'done',
    metadata: {
      schema: METADATA_SCHEMA,
      build: { rejectedAllocators: [] },
      publish: { releaseId: '1', releaseAssets: [`${cell}.tar.gz`] },
    },
    runner: { os: 'Linux', arch: 'X64' },
    ...over,
  });
  const on = ['a.tar.gz', 'b.tar.gz'];

  it.each<[string, CellRecord[], Parameters<typeof releaseGaps>[2], string[]]>([
    ['every expected cell passed', [record('a'), record('b')], { expected: { cells: ['a', 'b'] } }, []],
    ['as many records as the count', [record('a'), record('b')], { expected: { count: 2 } }, []],
    [
      'a listed cell never recorded itself',
      [record('a')],
      { expected: { cells: ['a', 'b'] } },
      ['b: no record (the cell never ran, or its record was lost)'],
    ],
    [
      'fewer records than the count',
      [record('a')],
      { expected: { count: 3 } },
      ['3 cell(s) expected, 1 recorded: a cell that never started leaves no record'],
    ],
    [
      'a cancelled and a refused cell',
      [
        record('a', { result: 'cancelled', stage: 'build', failure: { class: 'cancelled', message: '' } }),
        record('b', { result: 'refused', stage: 'inputs', failure: { class: 'inputs', message: '' } }),
      ],
      {},
      ['a: the cell was cancelled at build (cancelled)', 'b: the cell was refused at inputs (inputs)'],
    ],
    [
      'an unreadable record',
      [record('a'), record('b')],
      { bad: [{ artifact: 'c2w-record-c', reason: 'figures.wasmSize: expected number' }] },
      ['c2w-record-c: unreadable record (figures.wasmSize: expected number)'],
    ],
  ])('%s', (_name, records, context, gaps) => expect(releaseGaps(records, on, context)).toEqual(gaps));

  it('missingCells is empty when nothing is expected', () => expect(missingCells(undefined, [])).toEqual([]));
});
