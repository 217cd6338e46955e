// Before a smoke boot: a wasm module that V8 will not compile is not booted. Node (and Chromium) answer
// one past kV8MaxWasmModuleSize with a CompileError after reading it whole; the user is better served
// by a sentence that names the limit and what still works than by a boot that cannot pass.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gib, RELEASE_ASSET_LIMIT, V8_MODULE_LIMIT } from '../lib/limits.js';
import type { Target } from '../types/inputs.js';

/** The wasm modules a boot compiles: the wasi output itself, or a js output's top-level `.wasm` files. */
async function modulesOf(target: Target, path: string): Promise<{ name: string; size: number }[]> {
  if (target === 'wasi') return [{ name: basename(path), size: (await stat(path)).size }];
  const out = [];
  for (const e of await readdir(path, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.wasm')) out.push({ name: e.name, size: (await stat(join(path, e.name))).size });
  }
  return out;
}

/**
 * Why the output cannot be booted in `runtime` (a module past V8's limit), or undefined. The output
 * is not judged here otherwise: a path that cannot be read is the boot's to report.
 */
export async function moduleLimitProblem(
  target: Target,
  path: string,
  runtime: 'node' | 'browser',
): Promise<string | undefined> {
  let modules;
  try {
    modules = await modulesOf(target, path);
  } catch {
    return undefined;
  }
  const big = modules.find((m) => m.size > V8_MODULE_LIMIT);
  if (!big) return undefined;
  const where = runtime === 'node' ? 'Node' : 'Chromium';
  const release =
    big.size >= RELEASE_ASSET_LIMIT
      ? `, not a release asset (GitHub takes files under ${gib(RELEASE_ASSET_LIMIT)})`
      : ' and a release asset';
  return (
    `the module ${big.name} is ${gib(big.size)} (${big.size} bytes), past the largest wasm module V8 compiles ` +
    `(${gib(V8_MODULE_LIMIT)}, kV8MaxWasmModuleSize), so ${where} cannot boot it and the smoke boot cannot check it; ` +
    `it was not started. The output itself is not at fault: wasmtime and wasmer run modules of any size, ` +
    `and with smoke: false it is published unbooted (as a workflow artifact${release})`
  );
}
