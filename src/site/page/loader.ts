// The page's loader: puts the output's packed files (site/packed.ts: gzip chunks named by the digest
// of their content, listed in site.json) back together.
// - Chunks are fetched PARALLEL at a time, in the order asked for (the module first), each checked
//   against its sha256 (SubtleCrypto) and decompressed (DecompressionStream) as it arrives; a module
//   is handed on as an ordered stream, so WebAssembly.compileStreaming compiles while the rest loads.
// - Kept for the next visit: every chunk, checked and decompressed, goes into this browser's Cache API
//   storage, one cache per site folder (`c2w-site <path>`), keyed by the chunk's address. Chunks are named by content,
//   so an entry is never stale while its name is listed; on each visit the entries the site no longer
//   lists (an older deploy's) are deleted. Chrome's HTTP cache does not keep responses of this size;
//   the Cache API keeps them within the origin's quota. Storage that is missing, refused or full is a
//   note (LoadState.storageNote), and the chunks come from the network as on a first visit.
// - A chunk whose bytes do not match its digest, or that the host does not serve, ends the load with
//   a LoadError naming it.
import type { LoadState, PackedChunk, PackedFile } from '../contract.js';

export class LoadError extends Error {
  override name = 'LoadError';
}

/** Requests in flight at once: browsers open 6 connections per host over HTTP/1.1. */
export const PARALLEL = 6;

const hex = (buf: ArrayBuffer): string =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes: Uint8Array): Promise<string> =>
  hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // Not through a Blob: Chrome keeps blob bodies in its browser process, one more copy over IPC.
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes);
      c.close();
    },
  });
  const s = body.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(s).arrayBuffer());
}

/** The part a chunk file holds, checked: gzip as stored, or already decompressed by the host's Content-Encoding. */
async function unpack(bytes: Uint8Array, chunk: PackedChunk): Promise<Uint8Array | undefined> {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const raw = await gunzip(bytes).catch(() => undefined);
    if (raw && raw.length === chunk.size && (await sha256(raw)) === chunk.sha256) return raw;
  }
  if (bytes.length === chunk.size && (await sha256(bytes)) === chunk.sha256) return bytes;
  return undefined;
}

/** This browser's storage for one site, or a note saying why there is none. */
interface Store {
  cache?: Cache;
  note?: string;
}

export class Loader {
  readonly state: LoadState;
  /** The first failure; later ones are its consequences. */
  failure?: LoadError;
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private store: Promise<Store>;
  private firstByteAt = 0;
  private readonly startedAt = performance.now();

  constructor(
    private readonly dir: URL,
    private readonly files: PackedFile[],
    private readonly onProgress: (s: LoadState, loader: Loader) => void,
  ) {
    this.state = { total: 0, done: 0, fromStorage: 0, fromNetwork: 0 };
    for (const f of files) this.state.total += f.bytes;
    this.store = this.openStore();
  }

  /** Seconds left at the rate the network gave so far, or undefined before there is one. */
  secondsLeft(): number | undefined {
    if (!this.firstByteAt || this.state.fromNetwork === 0) return undefined;
    const rate = this.state.fromNetwork / ((performance.now() - this.firstByteAt) / 1000);
    return (this.state.total - this.state.done) / rate;
  }

  private async openStore(): Promise<Store> {
    if (!('caches' in self)) return { note: 'this browser offers no storage here (no Cache API)' };
    try {
      const cache = await caches.open(`c2w-site ${new URL('..', this.dir).pathname}`);
      const listed = new Set(this.files.flatMap((f) => f.chunks.map((c) => new URL(c.file, this.dir).href)));
      for (const req of await cache.keys()) if (!listed.has(req.url)) await cache.delete(req);
      return { cache };
    } catch (e) {
      return { note: `this browser's storage is not available (${(e as Error).message})` };
    }
  }

  private note(text: string): void {
    this.state.storageNote ??= text;
    this.onProgress(this.state, this);
  }

  private slot<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = (): void => {
        this.running++;
        (this.failure ? Promise.reject(this.failure) : task()).then(resolve, reject).finally(() => {
          this.running--;
          this.queue.shift()?.();
        });
      };
      if (this.running < PARALLEL) run();
      else this.queue.push(run);
    });
  }

  private fail(e: LoadError): never {
    this.failure ??= e;
    throw this.failure;
  }

  private progress(n: number, from: 'storage' | 'network'): void {
    this.state.done += n;
    if (from === 'storage') this.state.fromStorage += n;
    else this.state.fromNetwork += n;
    this.onProgress(this.state, this);
  }

  /** One part of a file, from storage or the network, checked. */
  private part(chunk: PackedChunk, name: string, index: number, count: number): Promise<Uint8Array> {
    return this.slot(async () => {
      const url = new URL(chunk.file, this.dir);
      const what = `${url.href.slice(new URL('..', this.dir).href.length)} (part ${index + 1} of ${count} of ${name})`;
      const store = await this.store;
      if (store.note) this.note(store.note);
      if (store.cache) {
        const hit = await store.cache.match(url).catch(() => undefined);
        if (hit) {
          // Kept decompressed and checked (below): a repeat visit spends no time on either.
          const raw = new Uint8Array(await hit.arrayBuffer());
          if (raw.length === chunk.size) {
            this.progress(chunk.bytes, 'storage');
            return raw;
          }
          await store.cache.delete(url).catch(() => false);
        }
      }
      let resp: Response;
      try {
        resp = await fetch(url, { credentials: 'same-origin' });
      } catch (e) {
        this.fail(new LoadError(`could not fetch ${what}: ${(e as Error).message}`));
      }
      if (!resp.ok || !resp.body) {
        this.fail(
          new LoadError(
            `the host answered ${resp.status} for ${what}: the site is incomplete, or a newer deploy replaced it (reload the page)`,
          ),
        );
      }
      // Read whole by the browser (no JavaScript per network read: on a busy machine that slowed the
      // load below the link's rate); the progress moves a chunk at a time.
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await resp.arrayBuffer());
      } catch (e) {
        this.fail(new LoadError(`could not fetch ${what}: ${(e as Error).message}`));
      }
      if (!this.firstByteAt) this.firstByteAt = this.startedAt;
      this.progress(chunk.bytes, 'network');
      const raw = await unpack(bytes, chunk);
      if (!raw) {
        this.fail(
          new LoadError(
            `${what} does not match its sha256: the site's files are damaged or from two deploys (reload the page)`,
          ),
        );
      }
      if (store.cache) this.keep(store.cache, url, raw);
      return raw;
    });
  }

  /**
   * Keeps a checked part for the next visit as soon as it is checked, without waiting for the write:
   * a tab closed right after the boot has kept what it loaded. (Deferring the writes to the end of
   * the load left most of them undone when the tab closed early.)
   */
  private keep(cache: Cache, url: URL, raw: Uint8Array): void {
    if (this.state.storageNote) return;
    void cache.put(url, new Response(raw as Uint8Array<ArrayBuffer>)).catch((e: Error) => {
      this.note(`this browser did not keep the container for the next visit (${e.name}: ${e.message})`);
    });
  }

  /** The parts of `file`, all asked for now (they load PARALLEL at a time, in order). */
  private parts(file: PackedFile, name: string): Promise<Uint8Array>[] {
    return file.chunks.map((c, i) => {
      const p = this.part(c, name, i, file.chunks.length);
      p.catch(() => undefined);
      return p;
    });
  }

  /** The file as an ordered stream of its bytes (for WebAssembly.compileStreaming). */
  stream(file: PackedFile, name: string): ReadableStream<Uint8Array> {
    const parts: (Promise<Uint8Array> | undefined)[] = this.parts(file, name);
    let i = 0;
    return new ReadableStream<Uint8Array>({
      pull: async (ctrl) => {
        if (i === parts.length) return ctrl.close();
        const p = parts[i]!;
        parts[i++] = undefined;
        try {
          ctrl.enqueue(await p);
        } catch (e) {
          ctrl.error(e);
        }
      },
    });
  }

  /** The whole file in one ArrayBuffer (file_packager's .data package takes nothing else). */
  async whole(file: PackedFile, name: string): Promise<ArrayBuffer> {
    const buf = new ArrayBuffer(file.size);
    const view = new Uint8Array(buf);
    let at = 0;
    const offsets = file.chunks.map((c) => {
      const o = at;
      at += c.size;
      return o;
    });
    await Promise.all(this.parts(file, name).map(async (p, i) => view.set(await p, offsets[i])));
    return buf;
  }
}

/** Compiles a packed module as its bytes arrive; a failed load is named rather than the compile's TypeError. */
export async function compilePacked(loader: Loader, file: PackedFile, name: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(
      new Response(loader.stream(file, name), { headers: { 'content-type': 'application/wasm' } }),
    );
  } catch (e) {
    if (loader.failure) throw loader.failure;
    throw e;
  }
}
