import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { convert } from '../../../src/c2w/convert.js';
import { prepareDockerfile } from '../../../src/c2w/dockerfile.js';
import { setRunner, type RunResult } from '../../../src/lib/exec.js';
import { attemptOrder, firstPassing, type Attempt } from '../../../src/pipeline/fallback.js';
import { parseInputs } from '../../../src/config/inputs.js';
import type { Allocator } from '../../../src/types/inputs.js';

describe('attemptOrder', () => {
  it.each<[string, 'wasi' | 'js', Allocator, Allocator[], Allocator[]]>([
    ['js: the asked allocator alone', 'js', 'emmalloc', [], ['emmalloc']],
    ['js: then the fallback list', 'js', 'emmalloc', ['dlmalloc', 'mimalloc'], ['emmalloc', 'dlmalloc', 'mimalloc']],
    ['js: the asked one is not tried twice', 'js', 'dlmalloc', ['emmalloc', 'dlmalloc'], ['dlmalloc', 'emmalloc']],
    ['js: repeats in the list are dropped', 'js', 'emmalloc', ['mimalloc', 'mimalloc'], ['emmalloc', 'mimalloc']],
    ['wasi: one attempt, whatever the list', 'wasi', 'emmalloc', ['dlmalloc'], ['emmalloc']],
  ])('%s', (_name, target, allocator, fallback, expected) => {
    expect(attemptOrder(target, allocator, fallback)).toEqual(expected);
  });
});

const pass = <T>(value: T): Attempt<T> => ({ passed: true, value });
const allocatorFailed = (line: string): Attempt<never> => ({
  passed: false,
  error: new Error(line),
  allocatorFailure: line,
});
const otherFailure = (message: string): Attempt<never> => ({ passed: false, error: new Error(message) });

describe('firstPassing', () => {
  it.each<
    [string, Allocator[], Record<string, Attempt<string>>, { allocator?: string; error?: string; tried: string[] }]
  >([
    [
      'the first passes',
      ['emmalloc', 'dlmalloc'],
      { emmalloc: pass('e') },
      { allocator: 'emmalloc', tried: ['emmalloc'] },
    ],
    [
      'an allocator failure moves on',
      ['emmalloc', 'dlmalloc'],
      { emmalloc: allocatorFailed('Assertion failed: emmalloc'), dlmalloc: pass('d') },
      { allocator: 'dlmalloc', tried: ['emmalloc', 'dlmalloc'] },
    ],
    [
      'another failure ends the run at once',
      ['emmalloc', 'dlmalloc'],
      { emmalloc: otherFailure('timeout') },
      { error: 'timeout', tried: ['emmalloc'] },
    ],
    [
      'the last allocator failing throws its own error',
      ['emmalloc', 'dlmalloc'],
      { emmalloc: allocatorFailed('a1'), dlmalloc: allocatorFailed('a2') },
      { error: 'a2', tried: ['emmalloc', 'dlmalloc'] },
    ],
  ])('%s', async (_name, order, results, expected) => {
    const tried: string[] = [];
    const run = firstPassing(order, async (a) => {
      tried.push(a);
      return results[a]!;
    });
    if (expected.error) await expect(run).rejects.toThrow(expected.error);
    else expect((await run).allocator).toBe(expected.allocator);
    expect(tried).toEqual(expected.tried);
  });

  it('reports every rejection so far and the next allocator', async () => {
    const seen: string[] = [];
    const result = await firstPassing(
      ['emmalloc', 'mimalloc', 'dlmalloc'],
      async (a) => (a === 'dlmalloc' ? pass(a) : allocatorFailed(`${a} asserted`)),
      (rejected, next) => seen.push(`${rejected.map((r) => r.allocator).join('+')} -> ${next}`),
    );
    expect(seen).toEqual(['emmalloc -> mimalloc', 'emmalloc+mimalloc -> dlmalloc']);
    expect(result.rejected).toEqual([
      { allocator: 'emmalloc', line: 'emmalloc asserted' },
      { allocator: 'mimalloc', line: 'mimalloc asserted' },
    ]);
  });
});

// The loop with the real Dockerfile patch and conversion, through the exec seam: the runner below
// stands in for the c2w binary (no Docker). It prints a Dockerfile with one -sMALLOC= setting and,
// asked to convert, writes a js output whose wasm records the allocator the Dockerfile carried.
describe('the fallback loop through the exec seam', () => {
  let dir: string;
  let restore: () => void;
  const calls: string[][] = [];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'c2w-fallback-'));
    calls.length = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    restore = setRunner(async (file, args): Promise<RunResult> => {
      calls.push([file, ...args]);
      if (args[0] === '--show-dockerfile') {
        return { exitCode: 0, stdout: 'FROM x\nRUN emcc -sMALLOC=dlmalloc -o qemu.js\n', stderr: '' };
      }
      const dockerfile = args.find((a) => a.startsWith('--dockerfile='))!.slice('--dockerfile='.length);
      const allocator = /-sMALLOC=(\S+)/.exec(await readFile(dockerfile, 'utf8'))![1]!;
      const out = args[args.length - 1]!;
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'out.js'), '// loader\n');
      await writeFile(path.join(out, 'qemu.wasm'), Buffer.concat([Buffer.from('\0asm'), Buffer.from(allocator)]));
      return { exitCode: 0, stdout: '', stderr: '' };
    });
  });
  afterEach(async () => {
    restore();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('rebuilds with each allocator in turn and keeps the build of the one that booted', async () => {
    const inputs = parseInputs(
      (name) =>
        ({
          image: 'alpine:3.20',
          target: 'js',
          allocator: 'emmalloc',
          'allocator-fallback': 'mimalloc\ndlmalloc',
          output: path.join(dir, 'out/'),
        })[name] ?? '',
    );
    // What the smoke boot would say of each build: emmalloc and mimalloc assert, dlmalloc boots.
    const boots: Record<string, boolean> = { emmalloc: false, mimalloc: false, dlmalloc: true };
    const result = await firstPassing(
      attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback),
      async (allocator) => {
        const attempt = { ...inputs, allocator };
        const df = await prepareDockerfile(attempt, '/opt/c2w', path.join(dir, 'work', allocator));
        const built = await convert('/opt/c2w', attempt, df.path);
        const wasm = (await readFile(path.join(built.path, 'qemu.wasm'))).subarray(4).toString();
        return boots[wasm] ? pass(wasm) : allocatorFailed(`Assertion failed: ${wasm}.c`);
      },
    );
    expect(result.allocator).toBe('dlmalloc');
    expect(result.value).toBe('dlmalloc');
    expect(result.rejected.map((r) => r.allocator)).toEqual(['emmalloc', 'mimalloc']);
    // One conversion per allocator, each with its own patched Dockerfile.
    const conversions = calls.filter((c) => c.includes('--to-js'));
    expect(conversions).toHaveLength(3);
    expect(
      conversions.map((c) =>
        c
          .find((a) => a.startsWith('--dockerfile='))!
          .split(path.sep)
          .at(-2),
      ),
    ).toEqual(['emmalloc', 'mimalloc', 'dlmalloc']);
  });
});
