import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Outputs } from '../../../src/action/outputs.js';

const root = new URL('../../../', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

describe('Outputs', () => {
  it('names exactly the outputs action.yml declares', () => {
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('is the only place in src/ that spells an output name', () => {
    // Names with a hyphen that are not also an input's name (`c2w-version` is both): `sha256` and
    // `allocator` are ordinary words in the code as well.
    const names = (Object.values(Outputs) as string[]).filter((n) => n.includes('-') && !(n in action.inputs));
    const files = readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    for (const file of files) {
      if (file === 'action/outputs.ts') continue;
      const text = readFileSync(new URL(`src/${file}`, root), 'utf8');
      const spelled = names.filter((n) => text.includes(`'${n}'`) || text.includes(`"${n}"`));
      expect(spelled, `src/${file}`).toEqual([]);
    }
  });
});
