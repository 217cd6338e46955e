// Stage: the conversion itself. A pure function builds c2w's argv; `convert` runs it, keeps
// the tail of the log for the failure classifier, and checks what c2w wrote.
import { createHash } from 'node:crypto';
import { mkdir, open, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import { run, type RunResult } from '../lib/exec.js';
import { classifyFailure, Tail } from './failures.js';
import { sha256File } from '../lib/hash.js';
import { UnsafeLinkError, walkFolder } from '../lib/files.js';
import { CacheLogReader, type CacheTrouble } from '../buildx/cache-trouble.js';
import { StepTally, type StepCounts } from '../buildx/step-tally.js';
import type { Inputs } from '../types/inputs.js';

export type ConvertInputs = Pick<
  Inputs,
  'image' | 'target' | 'targetArch' | 'buildArgs' | 'debugImage' | 'output' | 'envPassthrough'
>;

/**
 * c2w's argv: every flag first, then `--`, the image and the output. c2w silently ignores a
 * flag placed after the image, so nothing may follow the positionals. `extraFlags` are items
 * for `docker buildx build` (cache import/export, builder), passed as `--extra-flag=ITEM`.
 */
export function buildC2wArgv(inputs: ConvertInputs, dockerfile: string, extraFlags: string[] = []): string[] {
  const argv = [`--dockerfile=${dockerfile}`, `--target-arch=${inputs.targetArch}`];
  if (inputs.target === 'js') argv.push('--to-js');
  for (const { key, value } of inputs.buildArgs) argv.push(`--build-arg=${key}=${value}`);
  if (inputs.debugImage) argv.push('--debug-image');
  for (const flag of extraFlags) argv.push(`--extra-flag=${flag}`);
  argv.push('--', inputs.image, inputs.output);
  return argv;
}

/** buildx's gha cache backend reads the Actions runtime variables itself; no other c2w run needs them. */
export function needsActionsCache(extraFlags: string[]): boolean {
  return extraFlags.some((flag) => /^--cache-(from|to)=type=gha(,|$)/.test(flag));
}

/** How c2w ended, for the error: its exit code, or the signal that ended it (then there is no exit code). */
export function describeEnd(result: Pick<RunResult, 'exitCode' | 'signal'>): string {
  return result.signal ? `ended by ${result.signal}` : `exit ${result.exitCode}`;
}

export interface BuiltOutput {
  /** The file (wasi) or directory (js) c2w wrote, as given in `output`. */
  path: string;
  /** Bytes of the wasm file; for js, of all `.wasm` files in the directory. */
  size: number;
  /** sha256 of the file; for js, of the sorted `<sha256>  <relative path>` listing of every file. */
  sha256: string;
  buildSeconds: number;
  /** What BuildKit reported as failed cache imports and exports (the build went on without them). */
  cacheTrouble: CacheTrouble[];
  /** The cache exports BuildKit finished without an error (`registry`, `client directory`, …). */
  cacheExports: string[];
  /** How many Dockerfile steps a cache answered and how many ran. */
  steps: StepCounts;
}

export class ConversionError extends Error {
  override name = 'ConversionError';
  constructor(
    message: string,
    /** The tail of c2w's log, when c2w ran and failed (what the retry reads). */
    readonly log?: string,
  ) {
    super(message);
  }
}

const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);

export async function convert(
  c2w: string,
  inputs: ConvertInputs,
  dockerfile: string,
  extraFlags: string[] = [],
): Promise<BuiltOutput> {
  const argv = buildC2wArgv(inputs, dockerfile, extraFlags);
  const outDir = inputs.target === 'js' ? inputs.output : path.dirname(inputs.output);
  await mkdir(outDir, { recursive: true });

  const tail = new Tail();
  const cacheLog = new CacheLogReader();
  const tally = new StepTally();
  const started = performance.now();
  const result = await log.group(`c2w ${argv.join(' ')}`, () =>
    log.untrusted(() =>
      run(c2w, argv, {
        // c2w runs docker and buildx, which start the registries' credential helpers.
        envNeeds: {
          actionsCache: needsActionsCache(extraFlags),
          registryCredentials: true,
          passthrough: inputs.envPassthrough,
        },
        onOutput: (chunk) => {
          tail.push(chunk);
          cacheLog.push(chunk);
          tally.push(chunk);
        },
      }),
    ),
  );
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  const logTail = tail.toString();

  if (result.exitCode !== 0 || result.signal) {
    const how = describeEnd(result);
    const failure = classifyFailure(logTail);
    const last = logTail.trim().split('\n').slice(-15).join('\n');
    throw new ConversionError(
      failure
        ? `c2w failed (${how}): ${failure.line}\n${failure.hint}`
        : `c2w failed (${how}). Last lines of its log:\n${last}`,
      result.signal ? undefined : logTail,
    );
  }
  const checked = inputs.target === 'js' ? await checkJsOutput(inputs.output) : await checkWasiOutput(inputs.output);
  return {
    path: inputs.output,
    ...checked,
    buildSeconds,
    cacheTrouble: cacheLog.end(),
    cacheExports: cacheLog.exported,
    steps: tally.end(),
  };
}

export async function checkWasiOutput(file: string): Promise<{ size: number; sha256: string }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ConversionError(`c2w exited 0 but wrote no output at ${file}.`);
  }
  if (size === 0) throw new ConversionError(`c2w wrote an empty file at ${file}.`);
  const head = Buffer.alloc(4);
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (!head.equals(WASM_MAGIC)) {
    throw new ConversionError(`${file} is not a WebAssembly module (it does not start with \\0asm).`);
  }
  return { size, sha256: await sha256File(file) };
}

/**
 * sha256 of the sorted `<sha256>  <path>` listing: stable for the same files, whatever the order
 * on disk. The files are the ones the artifact and the release tarball hold (walkFolder).
 */
export async function hashDirectory(dir: string): Promise<{ sha256: string; files: string[] }> {
  const files = (await walkFolder(dir)).filter((e) => e.type === 'file');
  const listing = [];
  for (const f of files) listing.push(`${await sha256File(f.abs)}  ${f.rel}\n`);
  return { sha256: createHash('sha256').update(listing.join('')).digest('hex'), files: files.map((f) => f.rel) };
}

export async function checkJsOutput(dir: string): Promise<{ size: number; sha256: string }> {
  let listing;
  try {
    listing = await hashDirectory(dir);
  } catch (err) {
    if (err instanceof UnsafeLinkError) throw new ConversionError(err.message);
    throw new ConversionError(`c2w exited 0 but wrote no output directory at ${dir}.`);
  }
  const wasm = listing.files.filter((f) => f.endsWith('.wasm'));
  if (!listing.files.includes('out.js') || wasm.length === 0) {
    throw new ConversionError(
      `${dir} is not a complete --to-js output: it needs out.js and a .wasm file; it has ${listing.files.join(', ') || 'nothing'}.`,
    );
  }
  let size = 0;
  for (const f of wasm) size += (await stat(path.join(dir, f))).size;
  return { size, sha256: listing.sha256 };
}
