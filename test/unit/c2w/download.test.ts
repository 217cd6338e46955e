// downloadFile against a local HTTP server standing in for the host of the c2w downloads
// (github.com's release downloads, which this machine cannot reach): one that sends its headers
// and part of the body and then nothing, one that never answers, one that answers 404.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadFile } from '../../../src/c2w/download.js';

let server: Server;
let base: string;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/whole') {
      res.writeHead(200, { 'content-length': '5' }).end('hello');
    } else if (req.url === '/stalls') {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('first bytes');
      held.push(res); // and then nothing
    } else if (req.url === '/silent') {
      held.push(res); // not even headers
    } else if (req.url === '/trickle') {
      res.writeHead(200, { 'content-length': '6' });
      let n = 0;
      const t = setInterval(() => {
        res.write('x');
        if (++n === 6) {
          clearInterval(t);
          res.end();
        }
      }, 150);
    } else if (req.url === '/dribbles') {
      // A byte every 100 ms, for ever: never silent long enough to stall.
      res.writeHead(200);
      const t = setInterval(() => res.write('x'), 100);
      res.on('close', () => clearInterval(t));
      held.push(res);
    } else if (req.url === '/huge') {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = (): void => {
        while (res.write(chunk));
        res.once('drain', more);
      };
      res.on('close', () => res.off('drain', more));
      more();
    } else {
      res.writeHead(404).end('Not Found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const dest = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'c2w-download-')), 'file');

describe('downloadFile', () => {
  it('downloads a file', async () => {
    const file = dest();
    await downloadFile(`${base}/whole`, file);
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });

  it('keeps going while data arrives, however slowly', async () => {
    const file = dest();
    await downloadFile(`${base}/trickle`, file, { stallMs: 600 });
    expect(readFileSync(file, 'utf8')).toBe('xxxxxx');
  });

  it.each([
    ['sends its headers and then stalls', '/stalls'],
    ['never answers', '/silent'],
  ])('fails when the server %s, naming the URL and what to try', async (_name, url) => {
    const file = dest();
    const started = Date.now();
    const error = await downloadFile(`${base}${url}`, file, { stallMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toBe(
      `no data from ${base}${url} for 0.5 s; the server or the network in between is stalling: re-run the job, or set c2w-download-url to a mirror that answers`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(existsSync(file)).toBe(false);
  });

  it('fails a body that dribbles on past the whole bound, naming the URL', async () => {
    const file = dest();
    const error = await downloadFile(`${base}/dribbles`, file, { stallMs: 600, totalMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toBe(
      `${base}/dribbles did not finish within 0.5 s; the server or the network in between is stalling: re-run the job, or set c2w-download-url to a mirror that answers`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('fails a body larger than a release file before it fills the disk, naming the URL', async () => {
    const file = dest();
    const error = await downloadFile(`${base}/huge`, file, { maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toBe(`${base}/huge sent more than 1048576 bytes, more than a c2w release file`);
    expect(existsSync(file)).toBe(false);
  });

  it('says what the server answered, and never prints the password of the URL', async () => {
    const error = await downloadFile(`http://user:hunter2hunter2@${base.slice(7)}/nope`, dest()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).status).toBe(404);
    expect((error as Error).message).toBe(`http://user:***@${base.slice(7)}/nope answered HTTP 404`);
  });
});
