// The shape of src/ as a maintainer relies on it: no import cycle (a cycle makes the order modules
// initialise in depend on which one is loaded first, and ties the stages together), the leaf folder
// of shared types imports nothing of the project, only the entry reaches the report action, and
// only the front ends know the action's output names.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importsOf } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../../src');

/** Every module of src/ (the page's own tsconfig project included) and the modules it imports. */
function graph(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.split(path.sep).join('/'));
  return new Map(files.map((f) => [f, importsOf(f, readFileSync(path.join(SRC, f), 'utf8'))]));
}

describe('the import graph of src/', () => {
  const g = graph();

  it('reads the imports of a module: static, type-only, re-exports and dynamic', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      "import {\n  d,\n  e,\n} from './de.js';",
      "const f = await import('./f.js');",
      "import * as core from '@actions/core';",
      "import './g.js';",
    ].join('\n');
    expect(importsOf('x/m.ts', text).sort()).toEqual(['b/b.ts', 'x/a.ts', 'x/c.ts', 'x/de.ts', 'x/f.ts', 'x/g.ts']);
  });

  it('finds a cycle and names its modules in order', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has modules to check', () => {
    expect(g.size).toBeGreaterThan(50);
    expect(g.get('pipeline/attempt.ts')?.length).toBeGreaterThan(3);
  });

  it('has no import cycle', () => {
    const cycles = importCycles(g).map((c) => c.join(' → '));
    expect(cycles, 'import cycles in src/').toEqual([]);
  });

  it('keeps types/ a leaf: it imports nothing of the project outside itself', () => {
    const reaches = [...g]
      .filter(([f]) => f.startsWith('types/'))
      .flatMap(([f, deps]) => deps.filter((d) => !d.startsWith('types/')).map((d) => `${f} → ${d}`));
    expect(reaches).toEqual([]);
  });

  it('reaches the report action only from the entry: the pipeline writes its record through record/', () => {
    const reaches = [...g]
      .filter(([f]) => !f.startsWith('report/') && f !== 'index.ts')
      .flatMap(([f, deps]) => deps.filter((d) => d.startsWith('report/')).map((d) => `${f} → ${d}`));
    expect(reaches).toEqual([]);
  });

  it('keeps the output names in the front ends: no stage keys what it learned by an output name', () => {
    const frontEnd = (f: string): boolean => f.startsWith('action/') || f.startsWith('cli/') || f === 'index.ts';
    const reaches = [...g]
      .filter(([f]) => !frontEnd(f))
      .flatMap(([f, deps]) => deps.filter((d) => d === 'action/outputs.ts').map((d) => `${f} → ${d}`));
    expect(reaches).toEqual([]);
  });
});
