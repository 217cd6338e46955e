import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain JS script without types
import { asWorkflow, docExamples, docPages } from '../../scripts/lib/docs-pages.mjs';
// @ts-expect-error plain JS script without types
import { render } from '../../scripts/readme-tables.mjs';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const reportReadme = readFileSync(new URL('report/README.md', root), 'utf8');
// The examples live in the README and the pages beside it (docs/, report/README.md, …).
const pages = (docPages(fileURLToPath(root)) as string[]).map((page) => ({
  page,
  text: readFileSync(new URL(page, root), 'utf8'),
}));
const blocks = (docExamples(fileURLToPath(root)) as { body: string }[]).map((b) => b.body);
type ActionYml = {
  inputs: Record<string, unknown>;
  description: string;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as ActionYml;
const reportAction = parse(readFileSync(new URL('report/action.yml', root), 'utf8')) as ActionYml;

describe('README and action.yml', () => {
  it('has inputs and outputs tables that match action.yml exactly (the report action: in report/README.md)', () => {
    expect(render(readme, 'README.md')).toBe(readme);
    expect(render(reportReadme, 'report/README.md')).toBe(reportReadme);
    for (const [text, what, names] of [
      [readme, 'inputs', Object.keys(action.inputs)],
      [readme, 'outputs', Object.keys(action.outputs)],
      [reportReadme, 'inputs', Object.keys(reportAction.inputs)],
      [reportReadme, 'outputs', Object.keys(reportAction.outputs)],
    ] as const) {
      const table = new RegExp(`<!-- ${what}:start[^\\n]*-->\\n([\\s\\S]*?)\\n<!-- ${what}:end -->`).exec(text)![1]!;
      const rows = table.split('\n');
      // A header, a rule, then exactly one row per name, in action.yml's order; nothing else.
      expect(rows.slice(2).map((r) => /^\| `([a-z0-9-]+)` \|/.exec(r)?.[1])).toEqual(names);
    }
  });

  it('documents every input and output', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
    for (const name of [...Object.keys(reportAction.inputs), ...Object.keys(reportAction.outputs)]) {
      expect(reportReadme).toContain(`| \`${name}\` |`);
    }
  });

  it('is a manual under 20 KB, with the long material in the pages beside it', () => {
    // build-push-action's README is about 19 KB; the rest of ours is in docs/ and the pages beside it.
    expect(Buffer.byteLength(readme)).toBeLessThan(20 * 1024);
    for (const page of ['docs/caching.md', 'docs/smoke-boot.md', 'docs/publishing.md', 'docs/scale-out.md']) {
      expect(readme).toContain(`](${page}`);
    }
    for (const page of [
      'docs/command.md',
      'report/README.md',
      'RELEASES.md',
      'TROUBLESHOOTING.md',
      'CONTRIBUTING.md',
    ]) {
      expect(readme).toContain(`](${page}`);
    }
    // What changed between versions is in RELEASES.md, not in the README.
    expect(readme).not.toMatch(/^## What changed/m);
    expect(readFileSync(new URL('RELEASES.md', root), 'utf8')).toMatch(/What you may notice when you upgrade/);
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

  it('uses only inputs that exist, and the required ones, in every step of its examples, however indented', () => {
    type Step = { uses?: string; with?: Record<string, unknown> };
    const used = { action: 0, report: 0 };
    for (const { page, line, body } of docExamples(fileURLToPath(root)) as {
      page: string;
      line: number;
      body: string;
    }[]) {
      const wf = asWorkflow(body) as { content?: string };
      if (wf.content === undefined) continue;
      const jobs = (parse(wf.content) as { jobs: Record<string, { steps?: Step[] }> }).jobs;
      for (const step of Object.values(jobs).flatMap((j) => j.steps ?? [])) {
        const of = step.uses?.startsWith('org/c2w-action/report@')
          ? 'report'
          : step.uses?.startsWith('org/c2w-action@')
            ? 'action'
            : undefined;
        if (of === undefined) continue;
        const spec = of === 'report' ? reportAction : action;
        const keys = Object.keys(step.with ?? {});
        for (const key of keys) expect(Object.keys(spec.inputs), `${page}:${line}`).toContain(key);
        for (const [name, input] of Object.entries(spec.inputs as Record<string, { required?: boolean }>)) {
          if (input.required) expect(keys, `${page}:${line}: required '${name}'`).toContain(name);
        }
        used[of]++;
      }
    }
    expect(used.action).toBeGreaterThan(10);
    expect(used.report).toBeGreaterThanOrEqual(3);
  });

  it('asks in its examples for the permissions they use and no others', () => {
    // The cache and artifact services take the runner's ACTIONS_RUNTIME_TOKEN, not GITHUB_TOKEN.
    for (const { page, text } of pages) expect(text, page).not.toMatch(/actions: write\s*#/);
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
