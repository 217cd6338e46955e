// The c2w-action command (dist/c2w-action.js under Node 24) against the harness: the project's Docker
// engine, the c2w stand-in served as release v0.8.4 by the local release server, a build cache
// folder and a tool cache of its own under XDG_CACHE_HOME.
import { spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { startHarness, type Harness } from '../../harness/harness.js';
import { NODE24, ROOT } from '../../harness/runner.js';
import type { Metadata } from '../../../src/record/metadata.js';

const exec = promisify(execFile);
const CLI = path.join(ROOT, 'dist/c2w-action.js');

let h: Harness;
let work: string;
let cacheDir: string;
let xdg: string;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the command in its own process group (as a shell runs a foreground job). */
function cli(
  args: string[],
  options: { onStdout?: (text: string, pid: number) => void; env?: Record<string, string> } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [CLI, ...args], {
      cwd: work,
      env: { ...withEngine(h.engine), XDG_CACHE_HOME: xdg, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout, child.pid!);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 280_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const convertArgs = (...more: string[]) => [
  'convert',
  TEST_IMAGE,
  '--c2w-download-url',
  h.releases.url,
  '--cache-dir',
  cacheDir,
  '--cache-key',
  'cli',
  ...more,
];

/** Processes whose command line names `text` (the test's own folders). */
function processesNaming(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(text) && Number(pid) !== process.pid) found.push(`${pid}: ${cmdline}`);
    } catch {
      // gone
    }
  }
  return found;
}

/** Members of process group `pgid` that have not ended (proc(5): `pid (comm) state ppid pgrp`). */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === pgid && state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

const entries = () => readdirSync(cacheDir).sort();
/** The entry every allocator of the first conversion's key shares. */
const sharedEntry = () => entries().find((e) => /^cli-linux-x64-c2wv0\.8\.4-amd64-shareddf/.test(e));

beforeAll(async () => {
  h = await startHarness({ name: 'cli' });
  work = path.join(h.dir, 'work');
  cacheDir = path.join(h.dir, 'buildx-cache');
  xdg = path.join(h.dir, 'xdg');
  mkdirSync(work, { recursive: true });
});

afterAll(async () => {
  await h?.stop();
});

describe('c2w-action command', () => {
  it('runs with npx from the clone (package.json bin)', async () => {
    const { stdout } = await exec('npx', ['--no-install', 'c2w-action', 'convert', '--help'], { cwd: ROOT });
    expect(stdout).toMatch(/^ {2}c2w-action convert IMAGE \[flags\]/m);
    expect(stdout).toMatch(/Publishing \(artifacts, releases\) is\s+not part of the command/);
  });

  let first: Metadata;

  it('converts an image with --json (the metadata the action outputs), then boots the result with smoke', async () => {
    await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });
    const ran = await cli(convertArgs('--json', '--output', 'app.wasm'));
    expect(ran.code, ran.stderr).toBe(0);
    first = JSON.parse(ran.stdout) as Metadata;
    expect(first).toMatchObject({
      schema: 'c2w-action/metadata/v1',
      build: { wasmPath: 'app.wasm', c2wVersion: 'v0.8.4', allocator: 'emmalloc' },
      cache: { hit: false },
      smoke: { result: 'passed' },
    });
    expect(first.cache?.matchedKey).toBeUndefined();
    expect(first.build.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.smoke?.node?.output).toMatch(/c2w-smoke-ok/);
    expect(first.cache?.primaryKey).toMatch(/^cli-linux-x64-c2wv0\.8\.4-wasi-amd64-/);
    // Progress went to stderr, stage by stage, with the build as steps rather than BuildKit's log.
    expect(ran.stderr).toMatch(/^==> Install c2w$/m);
    expect(ran.stderr).toMatch(/Verified container2wasm-v0\.8\.4-linux-amd64\.tar\.gz/);
    expect(ran.stderr).toMatch(/^ {4}step \d+ of \d+ · \[toolchain 2\/2\] RUN/m);
    expect(ran.stderr).not.toMatch(/^#\d+ /m);
    expect(ran.stderr).not.toMatch(/^::/m);
    // The local cache folder holds, as cache: local does, the entry every allocator shares and the
    // allocator's own, and nothing half-written; the command reports the same cache figures.
    expect(entries()).toEqual([sharedEntry(), first.cache?.primaryKey].sort());
    expect(existsSync(path.join(cacheDir, String(first.cache?.primaryKey), 'index.json'))).toBe(true);
    expect(first.cache?.restored).toMatchObject({ shared: 0, allocator: 0 });
    expect(first.cache?.saved?.shared).toBeGreaterThan(0);
    expect(first.cache?.saved?.allocator).toBeGreaterThan(0);

    const smoke = await cli(['smoke', 'app.wasm', '--json']);
    expect(smoke.code, smoke.stderr).toBe(0);
    expect(JSON.parse(smoke.stdout)).toMatchObject({
      build: { wasmPath: 'app.wasm', wasmSize: first.build.wasmSize, sha256: first.build.sha256 },
      smoke: { result: 'passed' },
    });
    const summary = await cli(['smoke', 'app.wasm']);
    expect(summary.stdout).toMatch(
      new RegExp(`^output {5}app\\.wasm \\(\\d+ KiB, sha256 ${String(first.build.sha256)}\\)$`, 'm'),
    );

    // The README's second command: a command after -- and what it must print.
    const given = await cli(['smoke', 'app.wasm', '--smoke-expect', '^hello there$', '--', 'echo', 'hello', 'there']);
    expect(given.code, given.stdout).toBe(0);
    expect(given.stdout).toMatch(/^==> Smoke boot: echo hello there$/m);
    expect(given.stdout).toMatch(/^smoke {6}passed in \d+\.\d\d s/m);

    const other = await cli(['smoke', 'app.wasm', '--smoke-expect', '^no such line$', '--smoke-timeout', '5']);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(
      /^result {5}failed \(smoke-failed\): Smoke boot failed: The module exited with code 0 without printing/m,
    );
  });

  it('--verbose shows what the guest prints as it prints it, and all of it when the boot fails', async () => {
    const shown = await cli([
      'smoke',
      'app.wasm',
      '--verbose',
      '--smoke-expect',
      '^hello there$',
      '--',
      'echo',
      'hello',
      'there',
    ]);
    expect(shown.code, shown.stdout).toBe(0);
    expect(shown.stdout).toMatch(/^hello there$/m);

    const failed = await cli([
      'smoke',
      'app.wasm',
      '--verbose',
      '--smoke-expect',
      '^no such line$',
      '--smoke-timeout',
      '5',
      '--',
      'echo',
      'the-guest-said-this',
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^the-guest-said-this$/m);
    // Without --verbose, a failed boot shows its last lines.
    const plain = await cli([
      'smoke',
      'app.wasm',
      '--smoke-expect',
      '^no such line$',
      '--smoke-timeout',
      '5',
      '--',
      'echo',
      'the-guest-said-this',
    ]);
    expect(plain.stdout).toMatch(/Last lines of the boot:\n {4}the-guest-said-this$/m);
  });

  it('a warm second run is an exact hit from the folder, with the tool cache and no download', async () => {
    await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });
    const downloads = h.releases.requests.length;
    // Run inside a workflow step, it writes none of the step's command files.
    const githubPath = path.join(h.dir, 'github-path');
    writeFileSync(githubPath, '');
    const ran = await cli(convertArgs('--output', 'app.wasm', '--verbose'), { env: { GITHUB_PATH: githubPath } });
    expect(ran.code, ran.stdout).toBe(0);
    expect(readFileSync(githubPath, 'utf8')).toBe('');
    expect(h.releases.requests.length).toBe(downloads);
    expect(ran.stdout).toMatch(/c2w v0\.8\.4 found in the tool cache/);
    expect(ran.stdout).toMatch(/^cache {6}exact hit .*, key cli-linux-x64-/m);
    // BuildKit's own cache was pruned: the toolchain layer came from the folder.
    expect(ran.stdout).toMatch(/^#(\d+) \[toolchain 2\/2\][^\n]*\n(?:[^\n]*\n)*?#\1 CACHED$/m);
    expect(ran.stdout).toContain(`sha256 ${String(first.build.sha256)}`);
    expect(ran.stdout).not.toMatch(/--cache-to/);
    expect(entries()).toEqual([sharedEntry(), first.cache?.primaryKey].sort());
  });

  it('an allocator sweep stores the layers no allocator touches once, in the shared entry', async () => {
    const sweep = ['--cache-key', 'sweep', '--target', 'js', '--json'];
    const emmalloc = await cli(convertArgs(...sweep, '--allocator', 'emmalloc', '--output', 'sweep-emmalloc/'));
    expect(emmalloc.code, emmalloc.stderr).toBe(0);
    const dlmalloc = await cli(convertArgs(...sweep, '--allocator', 'dlmalloc', '--output', 'sweep-dlmalloc/'));
    expect(dlmalloc.code, dlmalloc.stderr).toBe(0);
    const [a, b] = [emmalloc, dlmalloc].map((r) => (JSON.parse(r.stdout) as Metadata).cache!);
    expect(a!.saved?.shared).toBeGreaterThan(0);
    // The second allocator restores the first one's shared entry and saves only what it adds.
    expect(b!.restored?.shared).toBe(a!.saved?.shared);
    expect(b!.saved?.shared).toBe(0);
    expect(b!.saved?.allocator).toBeLessThan(a!.saved!.shared);
    expect(entries().filter((e) => e.startsWith('sweep-'))).toHaveLength(3);
  });

  it('a bad flag exits 2 naming the flag, before anything runs', async () => {
    const downloads = h.releases.requests.length;
    const ran = await cli(convertArgs('--smoke-runs', '0'));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe("c2w-action: --smoke-runs must be a whole number from 1 to 20; got '0'\n");
    const unknown = await cli(convertArgs('--smoke-run', '2'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--smoke-run\b/);
    const gha = await cli(convertArgs('--cache', 'gha'));
    expect(gha.code).toBe(2);
    expect(gha.stderr).toMatch(/--cache gha/);
    expect(h.releases.requests.length).toBe(downloads);
  });

  it('a failed conversion exits 1 with what c2w said, and leaves the cache folder as it was', async () => {
    const before = entries();
    const dockerfile = path.join(h.dir, 'failing.Dockerfile');
    writeFileSync(
      dockerfile,
      'FROM c2w-test/busybox:1\nRUN --network=none echo "-sMALLOC=emmalloc" && echo "no space left on device" && exit 3\n',
    );
    const ran = await cli(convertArgs('--json', '--dockerfile', dockerfile, '--output', 'failed.wasm'));
    expect(ran.code, ran.stderr).toBe(1);
    const json = JSON.parse(ran.stdout) as Metadata & { error: string; failureClass: string };
    expect(json.error).toMatch(/^c2w failed \(exit 1\): .*no space left on device.*\nThe runner ran out of disk/);
    // The failure class the action's cell record carries.
    expect(json.failureClass).toBe('disk');
    expect(json.smoke).toBeUndefined();
    expect(entries()).toEqual(before);
  });

  it('Ctrl-C ends every child and leaves the cache folder as it was; the next run is an exact hit', async () => {
    const before = entries();
    const index = readFileSync(path.join(cacheDir, before[0]!, 'index.json'), 'utf8');
    let interrupted = false;
    let pgid = 0;
    // Another build arg: another key, a long toolchain step, an export folder being written.
    const ran = await cli(convertArgs('--build-arg', 'TOOLCHAIN_SECONDS=120', '--output', 'slow.wasm'), {
      onStdout: (text, pid) => {
        if (!interrupted && /step \d+ of \d+ · \[toolchain 2\/2\]/.test(text)) {
          interrupted = true;
          pgid = pid;
          // What a terminal does on Ctrl-C: SIGINT to the foreground process group.
          setTimeout(() => process.kill(-pid, 'SIGINT'), 1000);
        }
      },
    });
    expect(interrupted, ran.stdout).toBe(true);
    expect(ran.code, ran.stdout + ran.stderr).toBe(130);
    expect(ran.stdout).toMatch(/Interrupted/);
    expect(groupMembers(pgid)).toEqual([]);
    expect(processesNaming(cacheDir)).toEqual([]);
    expect(entries()).toEqual(before);
    expect(readFileSync(path.join(cacheDir, before[0]!, 'index.json'), 'utf8')).toBe(index);
    expect(existsSync(path.join(work, 'slow.wasm'))).toBe(false);

    const again = await cli(convertArgs('--json', '--output', 'app.wasm'));
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ cache: { hit: true }, build: { sha256: first.build.sha256 } });
  });
});
