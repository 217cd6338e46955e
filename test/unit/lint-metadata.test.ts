// scripts/lint-metadata.mjs (in `npm run lint`) parses action.yml, report/action.yml and every YAML
// example of the pages with GitHub's own schema (@actions/workflow-parser); an example GitHub would
// refuse must fail it, naming the page and the line.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error plain JS script without types
import { asWorkflow, NOT_A_WORKFLOW, yamlBlocks } from '../../scripts/lib/docs-pages.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/lint-metadata.mjs');

async function lint(dir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--root', dir], { timeout: 60_000 });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

let dir: string | undefined;
/** A repository with the real action.yml files and the given pages. */
function repo(pages: Record<string, string>, action?: string): string {
  dir = mkdtempSync(join(tmpdir(), 'c2w-lint-'));
  mkdirSync(join(dir, 'report'));
  mkdirSync(join(dir, 'docs'));
  if (action === undefined) copyFileSync(join(root, 'action.yml'), join(dir, 'action.yml'));
  else writeFileSync(join(dir, 'action.yml'), action);
  copyFileSync(join(root, 'report/action.yml'), join(dir, 'report/action.yml'));
  for (const [page, text] of Object.entries(pages)) writeFileSync(join(dir, page), text);
  return dir;
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const step = '```yaml\n- uses: org/c2w-action@v1\n  with:\n    image: alpine:3.20\n```\n';

describe('lint-metadata', () => {
  it("passes this repository's action.yml files and every example of its pages", async () => {
    const { code, out } = await lint(root);
    expect(out).toMatch(/2 action\.yml files, \d+ example workflow\(s\), 0 finding\(s\)/);
    expect(Number(/(\d+) example workflow/.exec(out)![1])).toBeGreaterThanOrEqual(12);
    expect(code).toBe(0);
  });

  it('fails an example job without runs-on, naming the page and the line of the job', async () => {
    const page = `# Docs\n\n${step}\n\`\`\`yaml\njobs:\n  wasm:\n    steps:\n      - run: echo\n\`\`\`\n`;
    const { code, out } = await lint(repo({ 'README.md': '# x\n', 'docs/a.md': page }));
    expect(out).toContain('docs/a.md:12:5: Required property is missing: runs-on');
    expect(out).toContain('1 finding(s)');
    expect(code).toBe(1);
  });

  it('fails an unknown trigger, a step with both uses and run, and needs of a job that is not there', async () => {
    const page = [
      '```yaml\non: pussh\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n```',
      '```yaml\n    steps:\n      - uses: org/c2w-action@v1\n        run: echo\n    runs-on: ubuntu-24.04\n```',
      '```yaml\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps: [{ run: echo }]\n  b:\n    needs: c\n    runs-on: ubuntu-24.04\n    steps: [{ run: echo }]\n```',
    ].join('\n\n');
    const { code, out } = await lint(repo({ 'README.md': page }));
    expect(out.split('\n').slice(0, 3)).toEqual([
      "README.md:2:5: Unexpected value 'pussh'",
      "README.md:13:9: Unexpected value 'run'",
      "README.md:23:12: Job 'b' depends on unknown job 'c'.",
    ]);
    expect(code).toBe(1);
  });

  it('fails an action.yml that the action template refuses', async () => {
    const broken = 'name: x\ndescription: y\nruns:\n  using: node99\n  main: dist/index.js\n';
    const { code, out } = await lint(repo({ 'README.md': step }, broken));
    expect(out).toMatch(/^action\.yml:4:\d+: Unexpected value 'node99'/m);
    expect(code).toBe(1);
  });

  it('fails a block that is no workflow, job or steps, unless the page marks it', async () => {
    const block = '```yaml\nname: just some YAML\n```\n';
    expect((await lint(repo({ 'README.md': block }))).code).toBe(1);
    rmSync(dir!, { recursive: true, force: true });
    const { code, out } = await lint(repo({ 'README.md': `${NOT_A_WORKFLOW}\n${block}` }));
    expect(out).toContain('0 example workflow(s), 0 finding(s)');
    expect(code).toBe(0);
  });
});

describe('asWorkflow: how an example is read as a workflow', () => {
  const jobsOf = (body: string) => Object.keys((parse(asWorkflow(body).content) as { jobs: object }).jobs);
  it.each([
    ['a workflow, as it is', 'on: push\njobs:\n  w:\n    runs-on: x\n    steps: []\n', 0, ['w']],
    ['jobs without on', 'jobs:\n  w:\n    runs-on: x\n', 1, ['w']],
    ['one job', 'runs-on: [self-hosted, linux]\nsteps: []\n', 3, ['example']],
    [
      'steps at their depth in a job',
      '      - uses: org/c2w-action@v1\n        with:\n          image: a\n',
      5,
      ['example'],
    ],
  ])('%s', (_name, body, header, jobs) => {
    expect(asWorkflow(body).header).toBe(header);
    expect(jobsOf(body)).toEqual(jobs);
  });

  it('keeps a block scalar of a step intact', () => {
    const body = '- run: |\n    a\n    b\n';
    const wf = parse(asWorkflow(body).content) as { jobs: { example: { steps: { run: string }[] } } };
    expect(wf.jobs.example.steps[0]!.run).toBe('a\nb\n');
  });

  it('finds the yaml blocks of a page with the line of their first line', () => {
    expect(yamlBlocks('# T\n\n```yaml\na: 1\n```\n\n```sh\nls\n```\n')).toEqual([
      { line: 4, body: 'a: 1\n', skip: false },
    ]);
  });
});
