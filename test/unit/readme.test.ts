import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain JS script without types
import { render } from '../../scripts/readme-tables.mjs';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
type ActionYml = { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: Record<string, string> };
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as ActionYml;
const reportAction = parse(readFileSync(new URL('report/action.yml', root), 'utf8')) as ActionYml;

describe('README and action.yml', () => {
  it('has inputs and outputs tables that match action.yml exactly', () => {
    expect(render(readme)).toBe(readme);
    for (const [what, names] of [
      ['inputs', Object.keys(action.inputs)],
      ['outputs', Object.keys(action.outputs)],
      ['report-inputs', Object.keys(reportAction.inputs)],
      ['report-outputs', Object.keys(reportAction.outputs)],
    ] as const) {
      const table = new RegExp(`<!-- ${what}:start[^\\n]*-->\\n([\\s\\S]*?)\\n<!-- ${what}:end -->`).exec(readme)![1]!;
      const rows = table.split('\n');
      // A header, a rule, then exactly one row per name, in action.yml's order; nothing else.
      expect(rows.slice(2).map((r) => /^\| `([a-z0-9-]+)` \|/.exec(r)?.[1])).toEqual(names);
    }
  });

  it('documents every input and output', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });

  it('runs on node24 with a post step from the same bundle', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' });
  });

  it('uses only inputs that exist in its examples', () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    let checked = 0;
    for (const block of blocks) {
      for (const m of block.matchAll(/uses: org\/c2w-action@v1[\s\S]*?with:\n((?:\s{8,}.*\n?)*)/g)) {
        for (const key of m[1]!.matchAll(/^\s+([a-z0-9-]+):/gm)) {
          expect(Object.keys(action.inputs)).toContain(key[1]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    const report = blocks.flatMap((b) => [
      ...b.matchAll(/uses: org\/c2w-action\/report@v1[\s\S]*?with:\n((?:\s{8,}.*\n?)*)/g),
    ]);
    expect(report.length).toBeGreaterThan(0);
    for (const m of report) {
      for (const key of m[1]!.matchAll(/^\s+([a-z0-9-]+):/gm))
        expect(Object.keys(reportAction.inputs)).toContain(key[1]);
    }
  });

  it('gives the two commands that set up and test a fresh clone', () => {
    expect(readme).toMatch(/## Development[\s\S]*```sh\nnpm ci\nnpm test\n```/);
  });
});
