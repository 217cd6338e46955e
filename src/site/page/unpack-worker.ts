// A worker of the page's loader (loader.ts): takes one chunk of a packed file from this browser's
// storage or the host, checks and decompresses it, keeps it, and hands the part back (transferred, not
// copied). The heavy steps run here, on their own threads, so the page's main thread, which compiles the
// module as it streams in and draws the terminal, never waits behind them:
// - the body is read whole by the browser (Response.arrayBuffer), then `fetched` frees its request slot
//   before the CPU work starts;
// - gzip (RFC 1952) through DecompressionStream, or the bytes as they came when the host already
//   decoded them (Content-Encoding), checked against the part's SHA-256 (SubtleCrypto);
// - kept in the Cache API, one write at a time, once the page says the boot has begun (`keep`): the
//   writes cost the browser about as much CPU as the rest of the load, and on a busy machine they
//   delayed the boot. Until then the part waits as a Response, which holds its own copy of the bytes
//   (https://fetch.spec.whatwg.org/#concept-bodyinit-extract), so the part itself is handed back at once.
import type { FromUnpacker, ToUnpacker } from './worker-protocol.js';

const post = (m: FromUnpacker, transfer: Transferable[] = []): void =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

const hex = (buf: ArrayBuffer): string =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes: Uint8Array): Promise<string> =>
  hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
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
async function unpack(bytes: Uint8Array, size: number, digest: string): Promise<Uint8Array | undefined> {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const raw = await gunzip(bytes).catch(() => undefined);
    if (raw && raw.length === size && (await sha256(raw)) === digest) return raw;
  }
  if (bytes.length === size && (await sha256(bytes)) === digest) return bytes;
  return undefined;
}

const caches_ = new Map<string, Promise<Cache>>();
const cacheOf = (name: string): Promise<Cache> => {
  let c = caches_.get(name);
  if (!c) caches_.set(name, (c = caches.open(name)));
  return c;
};
let writes: Promise<void> = Promise.resolve();
let pendingWrites = 0;
let refused = false;
/** The page has said the boot began: write what is held, and later parts at once. */
let keeping = false;
const held: (() => void)[] = [];

/** Keeps a checked part, one write at a time; the first refusal (a full quota) stops the rest. */
function keep(id: number, cacheName: string, url: string, raw: Uint8Array): void {
  const resp = new Response(raw as Uint8Array<ArrayBuffer>);
  pendingWrites++;
  const write = (): void => {
    writes = writes.then(async () => {
      try {
        if (!refused) await (await cacheOf(cacheName)).put(url, resp);
      } catch (e) {
        refused = true;
        post({ type: 'keep-failed', id, message: `${(e as Error).name}: ${(e as Error).message}` });
      } finally {
        pendingWrites--;
        post({ type: 'kept', id, pending: pendingWrites });
      }
    });
  };
  if (keeping) write();
  else held.push(write);
}

async function part(m: Extract<ToUnpacker, { type: 'part' }>): Promise<void> {
  const { id, url, size, sha256: digest } = m;
  if (m.kept && m.cache) {
    const raw = await (async () => {
      const hit = await (await cacheOf(m.cache!)).match(url);
      return hit ? new Uint8Array(await hit.arrayBuffer()) : undefined;
    })().catch(() => undefined);
    if (raw?.length === size) {
      post({ type: 'part', id, from: 'storage', raw: raw.buffer as ArrayBuffer }, [raw.buffer]);
      return;
    }
    await (await cacheOf(m.cache)).delete(url).catch(() => false);
  }
  let resp: Response;
  try {
    resp = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    post({ type: 'failed', id, kind: 'fetch', detail: (e as Error).message });
    return;
  }
  if (!resp.ok || !resp.body) {
    post({ type: 'failed', id, kind: 'status', detail: String(resp.status) });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await resp.arrayBuffer());
  } catch (e) {
    post({ type: 'failed', id, kind: 'fetch', detail: (e as Error).message });
    return;
  }
  post({ type: 'fetched', id });
  const raw = await unpack(bytes, size, digest);
  if (!raw) {
    post({ type: 'failed', id, kind: 'digest', detail: '' });
    return;
  }
  if (m.cache) keep(id, m.cache, url, raw);
  post({ type: 'part', id, from: 'network', raw: raw.buffer as ArrayBuffer }, [raw.buffer]);
}

self.onmessage = (ev: MessageEvent<ToUnpacker>) => {
  const m = ev.data;
  if (m.type === 'keep') {
    keeping = true;
    for (const write of held.splice(0)) write();
    return;
  }
  part(m).catch((e: unknown) =>
    post({ type: 'failed', id: m.id, kind: 'fetch', detail: e instanceof Error ? e.message : String(e) }),
  );
};
