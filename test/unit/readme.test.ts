import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain JS script without types
import { render } from '../../scripts/readme-tables.mjs';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, unknown>;
  description: string;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};

describe('README and action.yml', () => {
  it('has inputs and outputs tables that match action.yml exactly', () => {
    expect(render(readme)).toBe(readme);
    for (const [what, names] of [
      ['inputs', Object.keys(action.inputs)],
      ['outputs', Object.keys(action.outputs)],
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

  it('has a Marketplace description under 125 characters, the README first paragraph saying the rest', () => {
    // The Marketplace refuses to publish an action whose description is 125 characters or more.
    expect(action.description.length).toBeLessThan(125);
    const first = /^# [^\n]*\n\n([\s\S]*?)\n\n/.exec(readme)![1]!.replace(/\s+/g, ' ');
    for (const fact of [
      'container2wasm',
      'pinned, checksum-verified c2w',
      'emscripten allocator',
      'cached build layers',
      'boots the result',
      'artifact',
      'release asset',
    ]) {
      expect(first).toContain(fact);
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
  });

  it('asks in its examples for the permissions they use and no others', () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    // The cache and artifact services take the runner's ACTIONS_RUNTIME_TOKEN, not GITHUB_TOKEN.
    expect(readme).not.toMatch(/actions: write\s*#/);
    for (const b of blocks) expect(b).not.toMatch(/^\s+actions: write/m);
    const release = blocks.filter((b) => /release-tag:/.test(b));
    expect(release.length).toBeGreaterThan(0);
    for (const b of release) expect(b).toMatch(/^\s+contents: write\b/m);
    const ghcrCache = blocks.filter((b) => /cache: registry/.test(b) && /cache-ref: ghcr\.io\//.test(b));
    expect(ghcrCache.length).toBeGreaterThan(0);
    for (const b of ghcrCache) expect(b).toMatch(/^\s+packages: write\b/m);
  });

  it('gives the two commands that set up and test a fresh clone', () => {
    expect(readme).toMatch(/## Development[\s\S]*```sh\nnpm ci\nnpm test\n```/);
  });
});
