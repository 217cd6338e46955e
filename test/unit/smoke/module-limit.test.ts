import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { V8_MODULE_LIMIT } from '../../../src/lib/limits.js';
import { moduleLimitProblem } from '../../../src/smoke/module-limit.js';
import { bootSmoke } from '../../../src/smoke/runtime.js';

// Sparse files (truncate): a module of any size for no disk.
const dir = mkdtempSync(join(tmpdir(), 'c2w-module-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sized = (name: string, bytes: number): string => {
  const file = join(dir, name);
  writeFileSync(file, '\0asm\x01\0\0\0');
  truncateSync(file, bytes);
  return file;
};

describe('moduleLimitProblem', () => {
  it('a module of exactly 1 GiB is within what V8 compiles; one byte more is not', async () => {
    expect(await moduleLimitProblem('wasi', sized('at.wasm', V8_MODULE_LIMIT), 'node')).toBeUndefined();
    expect(await moduleLimitProblem('wasi', sized('over.wasm', V8_MODULE_LIMIT + 1), 'node')).toBe(
      'the module over.wasm is 1.00 GiB (1073741825 bytes), past the largest wasm module V8 compiles ' +
        '(1.00 GiB, kV8MaxWasmModuleSize), so Node cannot boot it and the smoke boot cannot check it; it was ' +
        'not started. The output itself is not at fault: wasmtime and wasmer run modules of any size, and with ' +
        'smoke: false it is published unbooted (as a workflow artifact and a release asset)',
    );
  });

  it('past 2 GiB it says the release will not take it either; in a browser it names Chromium', async () => {
    const text = await moduleLimitProblem('wasi', sized('huge.wasm', 3 * V8_MODULE_LIMIT), 'browser');
    expect(text).toMatch(/so Chromium cannot boot it/);
    expect(text).toMatch(/as a workflow artifact, not a release asset \(GitHub takes files under 2\.00 GiB\)/);
  });

  it('a js output: its QEMU module is what V8 compiles; a large .data package is no module', async () => {
    const out = join(dir, 'js');
    mkdirSync(out);
    writeFileSync(join(out, 'out.js'), '');
    truncateSync(join(out, 'out.js'), 0);
    writeFileSync(join(out, 'qemu-system-x86_64.data'), '');
    truncateSync(join(out, 'qemu-system-x86_64.data'), 2 * V8_MODULE_LIMIT);
    writeFileSync(join(out, 'qemu-system-x86_64.wasm'), '');
    expect(await moduleLimitProblem('js', out, 'node')).toBeUndefined();
    truncateSync(join(out, 'qemu-system-x86_64.wasm'), V8_MODULE_LIMIT + 10);
    expect(await moduleLimitProblem('js', out, 'node')).toMatch(/^the module qemu-system-x86_64\.wasm is 1\.00 GiB/);
  });

  it('a path that cannot be read is left to the boot to report', async () => {
    expect(await moduleLimitProblem('wasi', join(dir, 'missing.wasm'), 'node')).toBeUndefined();
  });
});

describe('bootSmoke', () => {
  it('does not start a boot of a module past the limit: a failed result with the sentence, no child', async () => {
    const r = await bootSmoke({
      target: 'wasi',
      path: sized('boot.wasm', V8_MODULE_LIMIT + 1),
      command: [],
      expect: { source: 'x', flags: '' },
      timeoutSeconds: 5,
      env: [],
      allocator: 'dlmalloc',
      // A child that would fail at once if it were started.
      childEntry: join(dir, 'no-such-entry.js'),
    });
    expect(r).toMatchObject({ result: 'failed', seconds: 0, runtime: 'node' });
    expect(r.message).toMatch(/^The module could not be booted: the module boot\.wasm is 1\.00 GiB .*\.$/);
  });
});
