// Packs the c2w stand-in (test/fixtures/c2w-standin) the way container2wasm publishes a release:
// `container2wasm-<tag>-linux-<arch>.tar.gz` with `c2w` at the archive root, plus `SHA256SUMS`
// (`<sha256>  <file>` lines, as `sha256sum *` writes them). Serve the folder with release-server.ts.
//
// Archive root: c2w (the stand-in script), Dockerfile (what --show-dockerfile prints), package.json
// (marks the script as ESM wherever it is unpacked), VERSION (what --version prints, and whether
// `docker save` gets --platform as in v0.8.4), and the WASI/js stand-in outputs it wraps when the
// repository has them (wasi-standin/standin.wasm, js-standin/<allocator>/).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const STANDIN_DIR = path.join(FIXTURES, 'c2w-standin');
/** The stand-in script itself, to run directly (`c2w-version: system` or tests). */
export const STANDIN_C2W = path.join(STANDIN_DIR, 'c2w');

export interface PackedRelease {
  tag: string;
  /** Absolute path of the tarball. */
  tarball: string;
  /** Its file name, e.g. container2wasm-v0.8.4-linux-amd64.tar.gz. */
  asset: string;
  sha256: string;
  /** Absolute path of SHA256SUMS. */
  sums: string;
}

export interface PackOptions {
  /** Architecture in the asset name (default amd64); the stand-in itself is a Node script. */
  arch?: 'amd64' | 'arm64';
  /** Write this instead of the real checksum into SHA256SUMS (to test verification). */
  corruptSum?: boolean;
  /** The base image the packed Dockerfile builds from (its `ARG BASE_IMAGE` default), e.g. one in a registry. */
  baseImage?: string;
  /** Seconds of work in the packed Dockerfile's toolchain stage (its `ARG TOOLCHAIN_SECONDS` default). */
  toolchainSeconds?: number;
  /** The Dockerfile to pack instead of the stand-in's own (e.g. test/fixtures/c2w-scale's), as text. */
  dockerfile?: string;
}

/** Sets the default of `ARG name=…` in the Dockerfile staged in `stage`. */
function setArgDefault(stage: string, name: string, value: string): void {
  const dockerfile = path.join(stage, 'Dockerfile');
  const text = readFileSync(dockerfile, 'utf8');
  const line = new RegExp(`^ARG ${name}=.*$`, 'm');
  if (!line.test(text)) throw new Error(`the stand-in Dockerfile has no ARG ${name}`);
  writeFileSync(dockerfile, text.replace(line, `ARG ${name}=${value}`));
}

/** Packs the stand-in as release `tag` into `dir` (created if needed); appends to an existing SHA256SUMS. */
export function packStandinRelease(dir: string, tag: string, options: PackOptions = {}): PackedRelease {
  const arch = options.arch ?? 'amd64';
  const asset = `container2wasm-${tag}-linux-${arch}.tar.gz`;
  mkdirSync(dir, { recursive: true });
  const stage = mkdtempSync(path.join(os.tmpdir(), 'c2w-standin-pack-'));
  try {
    for (const f of ['c2w', 'Dockerfile', 'package.json']) cpSync(path.join(STANDIN_DIR, f), path.join(stage, f));
    if (options.dockerfile !== undefined) writeFileSync(path.join(stage, 'Dockerfile'), options.dockerfile);
    if (options.baseImage !== undefined) setArgDefault(stage, 'BASE_IMAGE', options.baseImage);
    if (options.toolchainSeconds !== undefined)
      setArgDefault(stage, 'TOOLCHAIN_SECONDS', String(options.toolchainSeconds));
    writeFileSync(path.join(stage, 'VERSION'), `${tag}\n`);
    const wasm = path.join(FIXTURES, 'wasi-standin', 'standin.wasm');
    if (existsSync(wasm)) {
      mkdirSync(path.join(stage, 'wasi-standin'));
      cpSync(wasm, path.join(stage, 'wasi-standin', 'standin.wasm'));
    }
    const js = path.join(FIXTURES, 'js-standin');
    if (existsSync(js)) {
      for (const e of readdirSync(js, { withFileTypes: true })) {
        if (e.isDirectory() && existsSync(path.join(js, e.name, 'out.js'))) {
          cpSync(path.join(js, e.name), path.join(stage, 'js-standin', e.name), { recursive: true });
        }
      }
    }
    const tarball = path.join(dir, asset);
    // Sorted names, fixed owner and mtime: the same stand-in packs to the same bytes.
    execFileSync('tar', [
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--mtime=2026-01-01 00:00Z',
      '--use-compress-program=gzip -n',
      '-cf',
      tarball,
      '-C',
      stage,
      ...readdirSync(stage).sort(),
    ]);
    const sha256 = createHash('sha256').update(readFileSync(tarball)).digest('hex');
    const sums = path.join(dir, 'SHA256SUMS');
    const kept = existsSync(sums)
      ? readFileSync(sums, 'utf8')
          .split('\n')
          .filter((l) => l.trim() && !l.trim().endsWith(` ${asset}`) && !l.trim().endsWith(`*${asset}`))
      : [];
    const written = options.corruptSum ? createHash('sha256').update('corrupt').digest('hex') : sha256;
    writeFileSync(sums, [...kept, `${written}  ${asset}`].join('\n') + '\n');
    return { tag, tarball, asset, sha256, sums };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
