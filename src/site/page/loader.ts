// The page's loader: puts the output's packed files (site/packed.ts: gzip chunks named by the digest
// of their content, listed in site.json) back together.
// - Chunks are fetched PARALLEL at a time, in the order asked for (the module first), by a few workers
//   (unpack-worker.ts) that also check each against its SHA-256, decompress it and keep it, off the
//   page's main thread. A request holds its slot only while its body arrives: the CPU work happens
//   outside it, so a busy CPU never leaves the link idle. A module is handed on as an ordered stream,
//   so WebAssembly.compileStreaming compiles while the rest loads. A chunk listed twice (equal parts:
//   runs of zeros in a disk image) is fetched once.
// - Kept for the next visit: every chunk, checked and decompressed, goes into this browser's Cache API
//   storage, one cache per site folder (`c2w-site <path>`), keyed by the chunk's address, one write at
//   a time per worker once the boot has begun (startKeeping: the writes never compete with the load). Chunks are named by content,
//   so an entry is never stale while its name is listed; on each visit the entries the site no longer
//   lists (an older deploy's) are deleted, and only the entries kept are looked up (a first visit asks
//   the storage nothing per chunk). Chrome's HTTP cache does not keep responses of this size; the
//   Cache API keeps them within the origin's quota. Storage that is missing, refused or full is a note
//   (LoadState.storageNote), and the chunks come from the network as on a first visit.
// - A chunk whose bytes do not match its digest, or that the host does not serve, ends the load with
//   a LoadError naming it.
// - The steps leave marks (performance.mark, `c2w:` names) that the bench reads to say what waited for what.
import type { LoadState, PackedChunk, PackedFile } from '../contract.js';
import type { FromUnpacker, ToUnpacker } from './worker-protocol.js';

export class LoadError extends Error {
  override name = 'LoadError';
}

/** Requests in flight at once: browsers open 6 connections per host over HTTP/1.1. */
export const PARALLEL = 6;

/** Workers that fetch, check, decompress and keep: two, or more on a machine with more cores (at most 4). */
const workerCount = (): number => Math.max(2, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));

/** A mark on the page's performance timeline (read by bench/site.bench.mjs). */
export const mark = (name: string): void => {
  performance.mark(`c2w:${name}`);
};

/** This browser's storage for one site (and the addresses it holds), or a note saying why there is none. */
interface Store {
  name?: string;
  kept: Set<string>;
  note?: string;
}

interface Request {
  chunk: PackedChunk;
  what: string;
  resolve: (raw: Uint8Array) => void;
  reject: (e: unknown) => void;
  /** Holds a request slot (until the body has arrived). */
  slot: boolean;
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
  /** Each chunk address's part, once per load (a chunk listed twice is fetched once). */
  private readonly loading = new Map<string, Promise<Uint8Array>>();
  private readonly workers: Worker[] = [];
  private readonly requests = new Map<number, Request>();
  private nextId = 0;
  private left: number;
  /** Writes into storage not yet ended, per worker. */
  private readonly writing = new Map<Worker, number>();

  constructor(
    private readonly dir: URL,
    private readonly files: PackedFile[],
    private readonly onProgress: (s: LoadState, loader: Loader) => void,
    workerUrl: URL,
  ) {
    this.state = { total: 0, done: 0, fromStorage: 0, fromNetwork: 0 };
    for (const f of files) this.state.total += f.bytes;
    this.left = new Set(files.flatMap((f) => f.chunks.map((c) => c.file))).size;
    this.store = this.openStore();
    for (let i = 0; i < workerCount(); i++) {
      const w = new Worker(workerUrl);
      w.onmessage = (ev: MessageEvent<FromUnpacker>) => this.onWorker(w, ev.data);
      w.onerror = (ev) => this.fail(new LoadError(`the loader's worker failed: ${ev.message}`), false);
      this.workers.push(w);
    }
  }

  /**
   * Starts writing what was loaded into storage (the page calls it once the boot has begun, so the
   * writes never compete with the load for the CPU); LoadState.stored says when every write has ended.
   */
  startKeeping(): void {
    for (const w of this.workers) w.postMessage({ type: 'keep' } satisfies ToUnpacker);
  }

  /** Every part of `file` is in this browser's storage (a repeat visit): it all arrives at once. */
  async allKept(file: PackedFile): Promise<boolean> {
    const store = await this.store;
    return !store.note && file.chunks.every((c) => store.kept.has(new URL(c.file, this.dir).href));
  }

  /** Seconds left at the rate the network gave so far, or undefined before there is one. */
  secondsLeft(): number | undefined {
    if (!this.firstByteAt || this.state.fromNetwork === 0) return undefined;
    const rate = this.state.fromNetwork / ((performance.now() - this.firstByteAt) / 1000);
    return (this.state.total - this.state.done) / rate;
  }

  private async openStore(): Promise<Store> {
    if (!('caches' in self)) return { kept: new Set(), note: 'this browser offers no storage here (no Cache API)' };
    try {
      const name = `c2w-site ${new URL('..', this.dir).pathname}`;
      const cache = await caches.open(name);
      const listed = new Set(this.files.flatMap((f) => f.chunks.map((c) => new URL(c.file, this.dir).href)));
      const kept = new Set<string>();
      for (const req of await cache.keys()) {
        if (listed.has(req.url)) kept.add(req.url);
        else await cache.delete(req);
      }
      mark('store-open');
      return { name, kept };
    } catch (e) {
      return { kept: new Set(), note: `this browser's storage is not available (${(e as Error).message})` };
    }
  }

  private note(text: string): void {
    this.state.storageNote ??= text;
    this.onProgress(this.state, this);
  }

  /** Calls `run` when one of the PARALLEL request slots is free. */
  private slot(run: () => void): void {
    if (this.running < PARALLEL) {
      this.running++;
      run();
    } else this.queue.push(run);
  }

  private freeSlot(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }

  private fail(e: LoadError, raise = true): void {
    this.failure ??= e;
    for (const r of this.requests.values()) r.reject(this.failure);
    this.requests.clear();
    if (raise) throw this.failure;
  }

  /** `n` more bytes had: from storage, the network, or (neither) a part already had under another place in a file. */
  private progress(n: number, from?: 'storage' | 'network'): void {
    this.state.done += n;
    if (from === 'storage') this.state.fromStorage += n;
    else if (from === 'network') this.state.fromNetwork += n;
    this.onProgress(this.state, this);
  }

  private onWorker(w: Worker, m: FromUnpacker): void {
    if (m.type === 'kept' || m.type === 'keep-failed') {
      if (m.type === 'keep-failed')
        this.note(`this browser did not keep the container for the next visit (${m.message})`);
      else {
        this.writing.set(w, m.pending);
        if ([...this.writing.values()].every((n) => n === 0) && this.left === 0) {
          mark('stored');
          this.state.stored = true;
          this.onProgress(this.state, this);
        }
      }
      return;
    }
    const r = this.requests.get(m.id);
    if (!r) return;
    if (m.type === 'fetched') {
      if (!this.firstByteAt) {
        this.firstByteAt = this.startedAt;
        mark('first-chunk');
      }
      this.progress(r.chunk.bytes, 'network');
      if (r.slot) {
        r.slot = false;
        this.freeSlot();
      }
      return;
    }
    this.requests.delete(m.id);
    if (r.slot) {
      r.slot = false;
      this.freeSlot();
    }
    if (m.type === 'part') {
      if (m.from === 'storage') this.progress(r.chunk.bytes, 'storage');
      if (--this.left === 0) mark('all-chunks');
      r.resolve(new Uint8Array(m.raw));
      return;
    }
    const reason =
      m.kind === 'status'
        ? `the host answered ${m.detail} for ${r.what}: the site is incomplete, or a newer deploy replaced it (reload the page)`
        : m.kind === 'digest'
          ? `${r.what} does not match its sha256: the site's files are damaged or from two deploys (reload the page)`
          : `could not fetch ${r.what}: ${m.detail}`;
    this.fail(new LoadError(reason), false);
    r.reject(this.failure);
  }

  /** One part of a file, from storage or the network, checked; each address once per load. */
  private part(chunk: PackedChunk, name: string, index: number, count: number): Promise<Uint8Array> {
    const url = new URL(chunk.file, this.dir);
    let p = this.loading.get(url.href);
    if (p) {
      void p.then(
        () => this.progress(chunk.bytes),
        () => undefined,
      );
      return p;
    }
    const what = `${url.href.slice(new URL('..', this.dir).href.length)} (part ${index + 1} of ${count} of ${name})`;
    p = this.store.then(
      (store) =>
        new Promise<Uint8Array>((resolve, reject) => {
          if (store.note) this.note(store.note);
          this.slot(() => {
            if (this.failure) {
              this.freeSlot();
              return reject(this.failure);
            }
            const id = this.nextId++;
            this.requests.set(id, { chunk, what, resolve, reject, slot: true });
            const msg: ToUnpacker = {
              type: 'part',
              id,
              url: url.href,
              size: chunk.size,
              sha256: chunk.sha256,
              cache: store.note ? undefined : store.name,
              kept: store.kept.has(url.href),
            };
            this.workers[id % this.workers.length]!.postMessage(msg);
          });
        }),
    );
    this.loading.set(url.href, p);
    return p;
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

  /** The whole file in one ArrayBuffer, each part copied in as it arrives (file_packager's .data package takes nothing else). */
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

/**
 * Compiles a packed module as its bytes arrive; a failed load is named rather than the compile's TypeError.
 * A module wholly in storage (a repeat visit) has no download to overlap with, and is compiled from one
 * buffer: in Chromium 156, compileStreaming fed from a JavaScript stream cost the main thread about 3 s of
 * CPU for a 200 MB module where WebAssembly.compile of a buffer cost about 1 s (bench/site.bench.mjs,
 * per-thread CPU).
 */
export async function compilePacked(loader: Loader, file: PackedFile, name: string): Promise<WebAssembly.Module> {
  try {
    const module = (await loader.allKept(file))
      ? await WebAssembly.compile(await loader.whole(file, name))
      : await WebAssembly.compileStreaming(
          new Response(loader.stream(file, name), { headers: { 'content-type': 'application/wasm' } }),
        );
    mark('compiled');
    return module;
  } catch (e) {
    if (loader.failure) throw loader.failure;
    throw e;
  }
}
