// The c2w stand-in through the project's real Docker engine (scripts/engine.sh) and BuildKit:
// a buildx local cache exported by one conversion and imported by the next after
// `docker buildx prune -af` turns the slow toolchain stage into CACHED; c2w's CLI rules hold.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepCached } from '../../harness/buildlog.js';
import { STANDIN_C2W } from '../../harness/c2w-release.js';
import { startEngine, TEST_IMAGE, withEngine } from '../../harness/engine.js';

const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);

/** The part of the WebAssembly global used here (the project's lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: { new (bytes: Uint8Array): object; customSections(m: object, name: string): ArrayBuffer[] };
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const TOOLCHAIN_SECONDS = 8;

interface Ran {
  code: number;
  log: string;
  seconds: number;
}

let env: Record<string, string>;
let dir: string;

function run(file: string, args: string[], cwd = dir): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, log, seconds: (performance.now() - started) / 1000 }));
  });
}

const c2w = (...args: string[]) => run(STANDIN_C2W, args);

function expectOk(r: Ran): void {
  if (r.code !== 0) throw new Error(`exit ${r.code}:\n${r.log}`);
}

beforeAll(async () => {
  env = withEngine(await startEngine());
  dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-buildkit-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('c2w stand-in on the real engine', () => {
  it('the engine speaks API 1.48 or newer and has buildx and the test image', async () => {
    const v = await run('docker', ['version', '--format', '{{.Server.APIVersion}}']);
    expectOk(v);
    const [maj, min] = v.log.trim().split('.').map(Number);
    expect(maj! > 1 || min! >= 48).toBe(true);
    expectOk(await run('docker', ['buildx', 'version']));
    expectOk(await run('docker', ['image', 'inspect', TEST_IMAGE]));
  });

  it('a local buildx cache exported by one conversion makes the toolchain stage CACHED after a prune', async () => {
    const cache = path.join(dir, 'buildx-cache');
    expectOk(await run('docker', ['buildx', 'prune', '-af']));

    const cold = await c2w(
      `--build-arg=TOOLCHAIN_SECONDS=${TOOLCHAIN_SECONDS}`,
      `--extra-flag=--cache-to=type=local,dest=${cache},mode=max`,
      '--',
      TEST_IMAGE,
      'cold.wasm',
    );
    expectOk(cold);
    expect(cold.log).toMatch(/buildx args: \[buildx build --progress=plain .*--cache-to=type=local,dest=.*,mode=max /);
    expect(stepCached(cold.log, 'toolchain 2/2')).toBe(false);
    expect(readdirSync(cache)).toContain('index.json');

    expectOk(await run('docker', ['buildx', 'prune', '-af']));

    const warm = await c2w(
      `--build-arg=TOOLCHAIN_SECONDS=${TOOLCHAIN_SECONDS}`,
      `--extra-flag=--cache-from=type=local,src=${cache}`,
      '--',
      TEST_IMAGE,
      'warm.wasm',
    );
    expectOk(warm);
    expect(stepCached(warm.log, 'toolchain 2/2')).toBe(true);
    expect(warm.seconds).toBeLessThan(cold.seconds - TOOLCHAIN_SECONDS / 2);

    const out = readFileSync(path.join(dir, 'warm.wasm'));
    expect(out.subarray(0, 4)).toEqual(WASM_MAGIC);
    expect(WebAssembly.validate(out)).toBe(true);
    expect(out.equals(readFileSync(path.join(dir, 'cold.wasm')))).toBe(true);
    const sections = WebAssembly.Module.customSections(new WebAssembly.Module(out), 'c2w-image');
    expect(Buffer.from(sections[0]!).toString()).toMatch(/^image=sha256:[0-9a-f]{64}\narch=amd64\n$/);
    console.log(
      `stand-in conversion: cold ${cold.seconds.toFixed(1)} s, warm after prune ${warm.seconds.toFixed(1)} s`,
    );
  });

  it('ignores a flag placed after the image, as c2w does', async () => {
    const argvLog = path.join(dir, 'argv.jsonl');
    env = { ...env, C2W_STANDIN_ARGV_LOG: argvLog };
    const r = await c2w(TEST_IMAGE, 'late-flag.wasm', '--target-arch=riscv64');
    expectOk(r);
    expect(r.log).toContain('--build-arg TARGETARCH=amd64 ');
    expect(r.log).not.toContain('riscv64 ');
    const out = readFileSync(path.join(dir, 'late-flag.wasm'));
    const sections = WebAssembly.Module.customSections(new WebAssembly.Module(out), 'c2w-image');
    expect(Buffer.from(sections[0]!).toString()).toContain('arch=amd64');
    expect(
      readFileSync(argvLog, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as string[]),
    ).toContainEqual([TEST_IMAGE, 'late-flag.wasm', '--target-arch=riscv64']);
  });

  it('--to-js needs an output directory ending in /', async () => {
    const bad = await c2w('--to-js', TEST_IMAGE, 'js-out');
    expect(bad.code).not.toBe(0);
    expect(bad.log).toMatch(/slash-terminated directory/);
    expect(bad.log).not.toContain('buildx args');

    const good = await c2w('--build-arg=TOOLCHAIN_SECONDS=1', '--to-js', '--', TEST_IMAGE, 'js-out/');
    expectOk(good);
    expect(good.log).toContain('--target=js');
    const files = readdirSync(path.join(dir, 'js-out'));
    expect(files).toEqual(expect.arrayContaining(['out.js', 'arg-module.js', 'load.js']));
    const wasm = files.filter((f) => f.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith('.data'))).toBe(true);
    expect(WebAssembly.validate(readFileSync(path.join(dir, 'js-out', wasm[0]!)))).toBe(true);
  });

  it('a Dockerfile with another allocator rebuilds the toolchain stage and picks that allocator', async () => {
    const shown = await run(STANDIN_C2W, ['--show-dockerfile']);
    expectOk(shown);
    expect(shown.log.match(/-sMALLOC=emmalloc/g)).toHaveLength(2);
    const patched = path.join(dir, 'Dockerfile.dlmalloc');
    writeFileSync(patched, shown.log.replaceAll('-sMALLOC=emmalloc', '-sMALLOC=dlmalloc'));

    const original = path.join(dir, 'Dockerfile.emmalloc');
    writeFileSync(original, shown.log);

    // A clean BuildKit cache: the first emmalloc build runs the toolchain, the second reuses it,
    // the dlmalloc build (only the allocator differs) runs it again.
    expectOk(await run('docker', ['buildx', 'prune', '-af']));
    const convert = (dockerfile: string, out: string) =>
      c2w('--build-arg=TOOLCHAIN_SECONDS=1', `--dockerfile=${dockerfile}`, '--to-js', '--', TEST_IMAGE, out);
    const first = await convert(original, 'js-em1/');
    expectOk(first);
    expect(stepCached(first.log, 'toolchain 2/2')).toBe(false);
    expect(first.log).toContain('js: allocator emmalloc');
    const again = await convert(original, 'js-em2/');
    expectOk(again);
    expect(stepCached(again.log, 'toolchain 2/2')).toBe(true);

    const r = await convert(patched, 'js-dl/');
    expectOk(r);
    expect(stepCached(r.log, 'toolchain 2/2')).toBe(false);
    expect(r.log).toContain('js: allocator dlmalloc');
  });
});
