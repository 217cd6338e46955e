// A static server that answers as GitHub Pages does, over a link of a given bit rate: what the site's
// page meets when it is deployed. Pages sends `Cache-Control: max-age=600` and an ETag (and answers
// If-None-Match with 304), sends no cross-origin-isolation headers, and types files by extension.
// Every body byte of every response goes through one shared budget of `bitsPerSecond` (one link that all
// connections share, not a per-connection limit), and is counted, in all and per path, so a test can say what a visit cost.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.png': 'image/png',
};

/** Bytes written at a time; each waits for its share of the link. */
const SLICE = 16 * 1024;
/**
 * How far behind the link's schedule the server may fall and still catch up: a timer that fires late
 * on a busy machine must not cost link time while a body is waiting to be sent (a real link is idle
 * only when nothing is queued for it). 50 ms is a router's buffer at these rates.
 */
const CATCH_UP_MS = 50;

export interface PagesServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Body bytes sent since the start or the last reset(). */
  sent(): number;
  /** Body bytes sent per request path since the start or the last reset(). */
  sentByPath(): Map<string, number>;
  /** When (performance.now()) the last body byte was written, or 0 when none since the start or the last reset(). */
  lastByteAt(): number;
  /** Requests answered with a status, since the start or the last reset(). */
  statuses(): Map<number, number>;
  reset(): void;
  close(): Promise<void>;
}

export interface PagesServerOptions {
  /** The link's rate; 0 or absent: unlimited. */
  bitsPerSecond?: number;
}

export async function servePages(root: string, opts: PagesServerOptions = {}): Promise<PagesServer> {
  const bps = opts.bitsPerSecond ?? 0;
  let total = 0;
  let byPath = new Map<string, number>();
  let statusCount = new Map<number, number>();
  let linkFreeAt = 0;
  let lastByteAt = 0;

  const count = (status: number): void => {
    statusCount.set(status, (statusCount.get(status) ?? 0) + 1);
  };

  /** Writes `buf` when the link has room for it. */
  const send = async (res: ServerResponse, path: string, buf: Buffer): Promise<void> => {
    for (let off = 0; off < buf.length; off += SLICE) {
      const slice = buf.subarray(off, off + SLICE);
      if (bps > 0) {
        const now = performance.now();
        linkFreeAt = Math.max(now - CATCH_UP_MS, linkFreeAt) + ((slice.length * 8) / bps) * 1000;
        const wait = linkFreeAt - now;
        if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
      }
      if (res.destroyed) return;
      total += slice.length;
      lastByteAt = performance.now();
      byPath.set(path, (byPath.get(path) ?? 0) + slice.length);
      if (!res.write(slice)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      const rel = normalize(path).replace(/^([/\\])+/, '');
      if (rel === '..' || rel.startsWith(`..${sep}`) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        count(404);
        res.writeHead(404).end();
        return;
      }
      let file = join(root, rel);
      let st;
      try {
        st = statSync(file);
        if (st.isDirectory()) {
          file = join(file, 'index.html');
          st = statSync(file);
        }
      } catch {
        count(404);
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
        return;
      }
      const etag = `"${createHash('sha1').update(`${file}:${st.size}:${st.mtimeMs}`).digest('hex').slice(0, 16)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'max-age=600',
        etag,
        'last-modified': st.mtime.toUTCString(),
      };
      if (req.headers['if-none-match'] === etag) {
        count(304);
        res.writeHead(304, headers).end();
        return;
      }
      count(200);
      res.writeHead(200, { ...headers, 'content-length': String(st.size) });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      for await (const buf of createReadStream(file, { highWaterMark: 256 * 1024 })) {
        await send(res, path, buf as Buffer);
        if (res.destroyed) return;
      }
      res.end();
    })().catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent: () => total,
    sentByPath: () => new Map(byPath),
    lastByteAt: () => lastByteAt,
    statuses: () => new Map(statusCount),
    reset: () => {
      total = 0;
      lastByteAt = 0;
      byPath = new Map();
      statusCount = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
