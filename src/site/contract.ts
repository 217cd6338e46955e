// What the site's page and the code that drives it share: the page's configuration (site.json), the
// boot parameters a URL may carry, and the state the page publishes on `window.c2wBoot` for a test or
// the smoke boot to read. No DOM and no Node here: the page bundle and the action both import it.

/** The site's own configuration, `c2w/site.json`, written by writeSite. */
export interface SiteConfig {
  target: 'js' | 'wasi';
  /** Folder of the output, relative to index.html, ending in `/` (`container/`). */
  container: string;
  /** wasi: the module's file name inside `container`. */
  wasm?: string;
  /** The guest command (argv); empty runs the image's own CMD. */
  command: string[];
  /** The container's environment (js: `env:` lines of /pack/info; wasi: the WASI environment). */
  env: { key: string; value: string }[];
  /** Shown as the page's heading. */
  title: string;
  /**
   * The large files of the output (wasi: the module; js: the QEMU `.wasm` and the `.data` package),
   * stored gzip-compressed in chunks beside the rest (packed.ts): the file's name inside `container`
   * → how to put it back together. A file named here is not in `container` itself.
   */
  packed?: Record<string, PackedFile>;
}

/** The chunk files are gzip members (RFC 1952), which the page decompresses itself (DecompressionStream). */
export const PACK_VERSION = 1;

/** One output file, as chunks. */
export interface PackedFile {
  version: typeof PACK_VERSION;
  /** Bytes of the file itself. */
  size: number;
  /** Bytes of its chunk files, all together: what a visit transfers. */
  bytes: number;
  /** sha256 (hex) of the whole file. */
  sha256: string;
  chunks: PackedChunk[];
}

export interface PackedChunk {
  /** The chunk file, relative to `container` (`chunks/<sha256>.gz`: named by content). */
  file: string;
  /** Bytes of this part of the file (decompressed). */
  size: number;
  /** Bytes of the chunk file (compressed). */
  bytes: number;
  /** sha256 (hex) of this part of the file, decompressed. */
  sha256: string;
}

/** The query parameter that overrides the command and environment of one visit (the smoke boot's). */
export const BOOT_PARAM = 'boot';

export interface BootOverride {
  command?: string[];
  env?: { key: string; value: string }[];
}

/** Encodes a BootOverride for the URL (base64url of its JSON). */
export function encodeBoot(o: BootOverride): string {
  const bytes = new TextEncoder().encode(JSON.stringify(o));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeBoot(s: string): BootOverride {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as BootOverride;
}

/** How the guest ended, when it did (js outputs never end on their own). */
export type BootEnd = { code: number } | { trap: string } | { error: string };

/** What the page publishes as `window.c2wBoot`. */
export interface BootState {
  /** loading → (isolating →) running → ended; `isolating` waits for the service worker's reload. */
  phase: 'loading' | 'isolating' | 'running' | 'ended';
  crossOriginIsolated: boolean;
  end?: BootEnd;
  /** Bytes of guest output written to the terminal so far. */
  outputBytes: number;
  /** While the output loads, and after: what was fetched, from where. */
  load?: LoadState;
}

/** What the page's loader did (loader.ts). */
export interface LoadState {
  /** Bytes of chunk files to have, all together. */
  total: number;
  /** Bytes of them had so far (network and storage). */
  done: number;
  /** Bytes of them taken from this browser's storage (Cache API). */
  fromStorage: number;
  /** Bytes of them fetched from the host. */
  fromNetwork: number;
  /** Why the storage was not used or not written, when it was not. */
  storageNote?: string;
  /** Every part loaded from the network is written into storage (the page writes them once the boot has begun). */
  stored?: boolean;
}

/** Bytes of guest output the page keeps for take() between two reads (the rest is counted, not kept). */
export const TRANSCRIPT_MAX = 1024 * 1024;

/** The functions beside the state on `window.c2wBoot`. */
export interface BootApi extends BootState {
  /** The guest output written since the last take(), decoded as UTF-8; `dropped` bytes did not fit. */
  take(): { text: string; dropped: number };
  /** The terminal's whole text (scrollback and screen), one line per row, wrapped rows joined. */
  text(): string;
  /** The rows on screen now. */
  screen(): string;
}
