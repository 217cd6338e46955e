import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain JS script without types
import { render } from '../../scripts/readme-tables.mjs';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
type ActionYml = {
  inputs: Record<string, unknown>;
  description: string;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};
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
    const report = blocks.flatMap((b) => [
      ...b.matchAll(/uses: org\/c2w-action\/report@v1[\s\S]*?with:\n((?:\s{8,}.*\n?)*)/g),
    ]);
    expect(report.length).toBeGreaterThan(0);
    for (const m of report) {
      for (const key of m[1]!.matchAll(/^\s+([a-z0-9-]+):/gm))
        expect(Object.keys(reportAction.inputs)).toContain(key[1]);
    }
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

  it("attests the release asset with actions/attest-build-provenance, pinned, with inputs of that version's action.yml", () => {
    const fixture = readFileSync(new URL('test/fixtures/attest-build-provenance/action.yml', root), 'utf8');
    const pinned = /at tag (v[\d.]+) \(commit ([0-9a-f]{40})\)/.exec(fixture)!;
    const attest = parse(fixture) as { inputs: Record<string, unknown> };
    type Step = { id?: string; uses?: string; with?: Record<string, string> };
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const block = blocks.find((b) => /uses: actions\/attest-build-provenance@/.test(b))!;
    expect(block).toContain(`uses: actions/attest-build-provenance@${pinned[2]} # ${pinned[1]}\n`);
    const job = Object.values(
      (parse(block) as { jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> }).jobs,
    )[0]!;
    expect(job.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write', contents: 'write' });
    const c2w = job.steps.find((s) => s.uses?.startsWith('org/c2w-action@'))!;
    const step = job.steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'))!;
    expect(job.steps.indexOf(step)).toBeGreaterThan(job.steps.indexOf(c2w));
    for (const key of Object.keys(step.with!)) expect(Object.keys(attest.inputs)).toContain(key);
    // The action wants exactly one way of naming the subject.
    const subjects = ['subject-path', 'subject-digest', 'subject-checksums'].filter((k) => k in step.with!);
    expect(subjects).toEqual(['subject-path']);
    expect(step.with!['subject-path']).toBe(`\${{ steps.${c2w.id}.outputs.asset-path }}`);
    expect(Object.keys(action.outputs)).toContain('asset-path');
  });

  it('gives the two commands that set up and test a fresh clone', () => {
    expect(readme).toMatch(/## Development[\s\S]*```sh\nnpm ci\nnpm test\n```/);
  });
});
