// The GitHub workflows: they parse, use the action only with inputs it has, pin every third-party
// action to a commit, give every job its own permissions, and run the e2e matrix the README
// promises.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
// @ts-expect-error plain JS script without types
import { docPages } from '../../scripts/lib/docs-pages.mjs';

type Step = {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: unknown;
  if?: string;
};
type Job = {
  uses?: string;
  permissions?: Record<string, string> | string;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  needs?: string | string[];
  steps?: Step[];
};
type Workflow = {
  on: Record<string, unknown>;
  permissions?: unknown;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
};

const root = new URL('../../', import.meta.url);
const dir = new URL('.github/workflows/', root);
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const texts = Object.fromEntries(files.map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
const workflows: Record<string, Workflow> = Object.fromEntries(files.map((f) => [f, parse(texts[f]!) as Workflow]));
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
};

// The first major of each action whose action.yml says `runs.using: node24`; every earlier major
// runs on node20 or older (read in each repository's action.yml at its tags). GitHub runs Node 20
// actions on Node 24 and is removing Node 20 from its runners.
const FIRST_NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'docker/login-action': 4,
  'docker/setup-buildx-action': 4,
};

/** Why `uses` (`owner/repo@ref` and its version) names an action that runs on node20 or older, or undefined. */
function oldNode(action: string, version: string): string | undefined {
  const first = FIRST_NODE24_MAJOR[action];
  const major = /^v(\d+)/.exec(version)?.[1];
  if (first === undefined || major === undefined) return undefined;
  return Number(major) < first ? `${action}@${version} runs on node20 or older; use v${first} or later` : undefined;
}

/**
 * Jobs whose permissions go beyond contents, each exactly: the toolchain cache's publisher pushes
 * packages and nothing else; its attestation job signs and stores attestations and nothing else.
 */
const EXACT_PERMISSIONS: Record<string, Record<string, string>> = {
  'toolchain-cache.yml publish': { contents: 'read', packages: 'write' },
  'toolchain-cache.yml attest': { 'id-token': 'write', attestations: 'write' },
};

function* steps(): Generator<{ file: string; job: string; step: Step }> {
  for (const [file, wf] of Object.entries(workflows)) {
    for (const [job, j] of Object.entries(wf.jobs)) for (const step of j.steps ?? []) yield { file, job, step };
  }
}

describe('workflows', () => {
  it('has ci, e2e and release', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'e2e.yml', 'release.yml']));
  });

  it.each(files)('%s parses as YAML without errors or warnings', (file) => {
    const doc = parseDocument(texts[file]!);
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    const wf = workflows[file]!;
    expect(wf.on).toBeTruthy();
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
  });

  it('uses the action (uses: ./) only with inputs of action.yml, and always with the required ones', () => {
    const inputs = Object.keys(action.inputs);
    const required = inputs.filter((k) => action.inputs[k]!.required);
    let checked = 0;
    for (const { file, job, step } of steps()) {
      if (step.uses !== './') continue;
      const keys = Object.keys(step.with ?? {});
      for (const key of keys) expect(inputs, `${file} ${job}: input '${key}'`).toContain(key);
      for (const key of required) expect(keys, `${file} ${job}: required input '${key}'`).toContain(key);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('pins every other action to a full commit SHA with its version in a trailing comment', () => {
    const uses: string[] = [];
    for (const wf of Object.values(workflows)) {
      for (const j of Object.values(wf.jobs)) {
        if (j.uses) uses.push(j.uses);
        for (const s of j.steps ?? []) if (s.uses) uses.push(s.uses);
      }
    }
    const remote = uses.filter((u) => !u.startsWith('./'));
    expect(remote.length).toBeGreaterThan(0);
    for (const u of remote) expect(u).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/);
    // The comment is invisible to the YAML parser: check the text.
    for (const [file, text] of Object.entries(texts)) {
      for (const line of text.split('\n')) {
        const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m || m[1]!.startsWith('./')) continue;
        expect(m[2], `${file}: ${line.trim()}`).toMatch(/^\s+#\s+v\d+(\.\d+){0,2}\b/);
      }
    }
  });

  it('pins only majors that run on node24', () => {
    let checked = 0;
    for (const [file, text] of Object.entries(texts)) {
      for (const m of text.matchAll(/^\s*(?:-\s+)?uses:\s*([^@\s]+)@[0-9a-f]{40}\s+#\s+(v[\d.]+)/gm)) {
        expect(oldNode(m[1]!, m[2]!), `${file}: ${m[0].trim()}`).toBeUndefined();
        if (FIRST_NODE24_MAJOR[m[1]!] !== undefined) checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    // The table itself: it refuses what the workflows were pinned to before.
    expect(oldNode('actions/upload-artifact', 'v5.0.0')).toMatch(/node20/);
    expect(oldNode('actions/checkout', 'v4.2.2')).toMatch(/node20/);
    expect(oldNode('actions/checkout', 'v7.0.1')).toBeUndefined();
  });

  it('names only node24 majors of other actions in the examples of the README and the pages beside it', () => {
    // The examples moved from the README into docs/ and the pages beside it: read them all.
    const readme = (docPages(fileURLToPath(root)) as string[])
      .map((page) => readFileSync(new URL(page, root), 'utf8'))
      .join('\n');
    const named = [...readme.matchAll(/uses:\s*([a-z0-9-]+\/[a-z0-9-]+)@(v\d[\w.]*)/g)].filter(
      (m) => FIRST_NODE24_MAJOR[m[1]!] !== undefined,
    );
    expect(named.map((m) => m[1])).toEqual(
      expect.arrayContaining(['docker/login-action', 'docker/setup-buildx-action']),
    );
    for (const m of named) expect(oldNode(m[1]!, m[2]!), m[0]).toBeUndefined();
  });

  it('gives every job its own permissions, contents: read unless it writes a tag or a release, and nothing else', () => {
    for (const [file, wf] of Object.entries(workflows)) {
      expect(wf.permissions, `${file}: workflow-level permissions`).toEqual({ contents: 'read' });
      for (const [name, job] of Object.entries(wf.jobs)) {
        expect(typeof job.permissions, `${file} ${name}`).toBe('object');
        const exact = EXACT_PERMISSIONS[`${file} ${name}`];
        if (exact) {
          expect(job.permissions, `${file} ${name}`).toEqual(exact);
          continue;
        }
        const p = job.permissions as Record<string, string>;
        const pushesTag = (job.steps ?? []).some((s) => /git push\b.*refs\/tags\//.test(s.run ?? ''));
        const writesRelease = (job.steps ?? []).some(
          (s) => (s.uses === './' && s.with?.['release-tag']) || /gh api -X DELETE .*releases/.test(s.run ?? ''),
        );
        expect(p.contents, `${file} ${name}: contents`).toBe(pushesTag || writesRelease ? 'write' : 'read');
        // The cache and artifact services take the runner's ACTIONS_RUNTIME_TOKEN, not GITHUB_TOKEN:
        // saving the build cache needs no actions: write.
        expect(Object.keys(p), `${file} ${name}`).toEqual(['contents']);
      }
    }
  });

  it('publishes the toolchain cache only on its own events, for every combination users convert', () => {
    const wf = workflows['toolchain-cache.yml']!;
    expect(Object.keys(wf.on).sort()).toEqual(['release', 'schedule', 'workflow_dispatch']);
    for (const [name, job] of Object.entries(wf.jobs)) {
      // A fork's schedule or dispatch would publish into the fork's own packages.
      expect((job as { if?: string }).if, name).toMatch(/github\.event\.repository\.fork == false/);
    }
    const publish = wf.jobs.publish!;
    const step = publish.steps!.find((s) => s.uses === './')!;
    expect(step.with).toMatchObject({ 'toolchain-cache-push': true, cache: 'none' });
    expect(step.with).not.toHaveProperty('dockerfile');
    expect(step.with).not.toHaveProperty('build-args');
    const matrix = publish.strategy!.matrix as { target: string[]; allocator: string[]; 'target-arch': string[] };
    expect(matrix.target.sort()).toEqual(['js', 'wasi']);
    expect(matrix['target-arch']).toContain('amd64');
    expect(matrix.allocator).toEqual(expect.arrayContaining(['emmalloc', 'dlmalloc', 'mimalloc']));
    expect(publish['strategy']!['fail-fast']).toBe(false);
  });

  it('never interpolates an expression into a run: script (values go through env:)', () => {
    for (const { file, job, step } of steps()) {
      if (step.run !== undefined) expect(step.run, `${file} ${job}`).not.toContain('${{');
    }
  });

  it('runs CI on push and pull request, e2e weekly and on demand only, release on version tags', () => {
    expect(Object.keys(workflows['ci.yml']!.on).sort()).toEqual(['pull_request', 'push']);
    const e2e = workflows['e2e.yml']!.on as { schedule?: { cron: string }[] };
    expect(Object.keys(e2e).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(e2e.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* \d$/);
    expect(workflows['release.yml']!.on).toEqual({ push: { tags: ['v*.*.*'] } });
  });

  it('runs the e2e matrix as one wasi cell and three js cells without fail-fast, after freeing disk', () => {
    const wf = workflows['e2e.yml']!;
    const matrixJobs = Object.values(wf.jobs).filter((j) => j.strategy?.matrix);
    expect(matrixJobs).toHaveLength(1);
    const job = matrixJobs[0]!;
    expect(job.strategy!['fail-fast']).toBe(false);
    // WASI does not depend on the allocator: one wasi cell (an include), three js cells.
    expect(job.strategy!.matrix).toEqual({
      target: ['js'],
      allocator: ['dlmalloc', 'emmalloc', 'mimalloc'],
      include: [{ target: 'wasi', allocator: 'emmalloc' }],
    });
    const runs = job.steps!.map((s) => s.run ?? '').join('\n');
    for (const p of [
      '/usr/share/dotnet',
      '/usr/local/lib/android',
      '/opt/ghc',
      '/opt/hostedtoolcache/CodeQL',
      'docker image prune',
    ]) {
      expect(runs).toContain(p);
    }
    const c2w = job.steps!.find((s) => s.uses === './')!;
    expect(c2w.with).toMatchObject({ allocator: '${{ matrix.allocator }}', target: '${{ matrix.target }}' });
    expect(c2w.with!['c2w-version']).toBeUndefined(); // the real c2w of the default version
  });

  it('keys the e2e cache on the run attempt and ends the matrix with a job that checks and deletes the one draft', () => {
    const wf = workflows['e2e.yml']!;
    const env = wf.env ?? {};
    expect(env.CACHE_KEY).toContain('${{ github.run_attempt }}');
    expect(env.RELEASE_TAG).toContain('${{ github.run_attempt }}');
    const [coldName, cold] = Object.entries(wf.jobs).find(([, j]) => j.strategy?.matrix)!;
    expect(cold.steps!.find((s) => s.uses === './')!.with).toMatchObject({ 'release-tag': '${{ env.RELEASE_TAG }}' });
    const check = Object.values(wf.jobs).find(
      (j) => [j.needs].flat().includes(coldName) && (j.steps ?? []).some((s) => /releases\/\$id/.test(s.run ?? '')),
    )!;
    expect(check).toBeDefined();
    const run = check.steps!.map((s) => s.run ?? '').join('\n');
    expect(run).toMatch(/-X DELETE/);
    expect(run).toMatch(/select\(\.draft and \.tag_name == env\.RELEASE_TAG\)/);
  });

  it('has an e2e warm-cache job fed by the cold cell through job outputs', () => {
    const wf = workflows['e2e.yml']!;
    const [coldName] = Object.entries(wf.jobs).find(([, j]) => j.strategy?.matrix)!;
    const warm = Object.values(wf.jobs).find(
      (j) => [j.needs].flat().includes(coldName) && (j.steps ?? []).some((s) => s.uses === './'),
    )!;
    expect(warm).toBeDefined();
    expect(Object.keys(wf.jobs[coldName]!.outputs ?? {})).toContain('cold-build-seconds');
    const check = warm.steps!.find((s) => /GITHUB_STEP_SUMMARY/.test(s.run ?? ''))!;
    expect(Object.values(check.env ?? {})).toEqual(
      expect.arrayContaining([
        '${{ needs.convert.outputs.cold-build-seconds }}',
        '${{ fromJSON(steps.c2w.outputs.metadata).build.seconds }}',
        '${{ steps.c2w.outputs.cache-hit }}',
      ]),
    );
  });

  it('has e2e failure jobs that continue on error and assert the failure and the input its message names', () => {
    const wf = workflows['e2e.yml']!;
    const failing = Object.values(wf.jobs).filter((j) =>
      (j.steps ?? []).some((s) => s.uses === './' && s['continue-on-error'] === true),
    );
    const withs = failing.map((j) => j.steps!.find((s) => s.uses === './')!.with!);
    expect(withs.some((w) => w.image === 'Not An Image')).toBe(true);
    expect(withs.some((w) => w['c2w-version'] === 'v0.0.0-does-not-exist')).toBe(true);
    for (const j of failing) {
      const step = j.steps!.find((s) => s.uses === './')!;
      const id = step.id!;
      // A broken dist/ fails too: the check must also read the action's own message and the input it names.
      const named = step.with!.image === 'Not An Image' ? "Input 'image'" : 'c2w-version';
      const check = j.steps!.find(
        (s) => Object.values(s.env ?? {}).includes(`\${{ steps.${id}.outcome }}`) && /= failure/.test(s.run ?? ''),
      );
      expect(check).toBeDefined();
      const errorVar = Object.entries(check!.env ?? {}).find(([, v]) => v === `\${{ steps.${id}.outputs.error }}`)?.[0];
      expect(errorVar, 'the error output in env').toBeDefined();
      expect(check!.run).toContain(`"$${errorVar}" == *`);
      expect(check!.run).toContain(named.includes("'") ? `*"${named}"*` : `*${named}*`);
    }
  });

  it('checks dist/ in CI and before moving the major tag on release', () => {
    const ci = workflows['ci.yml']!.jobs['check-dist']!;
    expect(ci.steps!.some((s) => s.run === 'npm run build')).toBe(true);
    const upload = ci.steps!.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toContain('failure()');
    expect(upload.with).toMatchObject({ path: 'dist/' });
    const rel = workflows['release.yml']!.jobs;
    const tagJob = Object.values(rel).find(
      (j) => j.permissions && (j.permissions as Record<string, string>).contents === 'write',
    )!;
    expect([tagJob.needs].flat()).toContain('check-dist');
    const script = tagJob.steps!.map((s) => s.run ?? '').join('\n');
    expect(script).toMatch(/git tag -f "\$major"/);
    expect(script).toMatch(/git push -f origin "refs\/tags\/\$major"/);
  });
});
