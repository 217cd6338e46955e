// Outputs of a real size from the small stand-ins, for the site's loading tests and the bench: the
// WASI stand-in with a custom section, and the js stand-in with its QEMU module given a custom section
// and its .data package padded, each filled half with random bytes and half with text like a packed
// root filesystem (paths, package lists, configuration), which compresses about as a rootfs does.
// A custom section is skipped by the runtime (WebAssembly core spec, 5.5.3 "Custom Section"); bytes
// after the files file_packager lists in a .data package are never read (load.js slices each file
// out of it by its start and end).
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BLOCK = 1024 * 1024;

const WORDS = (
  'usr lib share doc bin sbin etc var cache apt dpkg info list md5sums conffiles changelog Debian gz ' +
  'copyright libc6 libssl3 zlib1g coreutils bash busybox perl python3 systemd locale en_US UTF-8 ' +
  'Package Version Architecture amd64 Depends Description Maintainer Installed-Size Priority optional ' +
  'Section libs utils admin required Multi-Arch same Homepage https www org so 1 2 3 0 x86_64-linux-gnu ' +
  'include header config default network interfaces hosts passwd group shadow root nobody daemon sys'
).split(' ');

/** `bytes` of text like a packed rootfs, from a seeded generator (xorshift32). */
function text(bytes: number, seed: number): Buffer {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  let s = '';
  while (s.length < bytes) {
    const n = 3 + (next() % 6);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(WORDS[next() % WORDS.length]!);
    s += next() % 3 === 0 ? `/${parts.join('/')}\n` : `${parts[0]}: ${parts.slice(1).join(' ')} ${next() % 10000}\n`;
  }
  return Buffer.from(s.slice(0, bytes));
}

/** Appends `bytes` of filler (random, then text) to `file`, a block at a time. */
function appendFiller(file: string, bytes: number): void {
  const half = Math.floor(bytes / 2);
  for (let at = 0; at < half; at += BLOCK) appendFileSync(file, randomBytes(Math.min(BLOCK, half - at)));
  for (let at = 0, i = 1; at < bytes - half; at += BLOCK, i++)
    appendFileSync(file, text(Math.min(BLOCK, bytes - half - at), i));
}

const leb = (n: number): Buffer => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
};

/** Copies the module `from` to `to` with a custom section `c2w-filler` of `bytes` more. */
export function wasmWithFiller(from: string, to: string, bytes: number): void {
  const name = Buffer.from('c2w-filler');
  const body = name.length + leb(name.length).length + bytes;
  writeFileSync(to, Buffer.concat([readFileSync(from), Buffer.from([0]), leb(body), leb(name.length), name]));
  appendFiller(to, bytes);
}

/** Copies the module `from` to `to` with a custom section `c2w-zeros` of `bytes` zero bytes (a disk image's empty runs). */
export function wasmWithZeros(from: string, to: string, bytes: number): void {
  const name = Buffer.from('c2w-zeros');
  const body = name.length + leb(name.length).length + bytes;
  writeFileSync(to, Buffer.concat([readFileSync(from), Buffer.from([0]), leb(body), leb(name.length), name]));
  for (let at = 0; at < bytes; at += BLOCK) appendFileSync(to, Buffer.alloc(Math.min(BLOCK, bytes - at)));
}

/**
 * Copies the js output folder `from` to `to`, its QEMU module given `wasmBytes` and its .data
 * package `dataBytes` more.
 */
export function jsWithFiller(from: string, to: string, wasmBytes: number, dataBytes: number): void {
  cpSync(from, to, { recursive: true });
  const wasm = join(to, 'qemu-system-x86_64.wasm');
  wasmWithFiller(join(from, 'qemu-system-x86_64.wasm'), wasm, wasmBytes);
  appendFiller(join(to, 'qemu-system-x86_64.data'), dataBytes);
}
