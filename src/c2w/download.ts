// One file of a c2w release, downloaded with a bound on silence: a server that sends its headers
// and then nothing holds a download by @actions/tool-cache (downloadTool) until the job's own time
// limit, since @actions/http-client's socketTimeout only ends the wait for the headers
// (https://github.com/actions/toolkit/blob/main/packages/http-client/src/index.ts, requestRaw:
// the timeout handler calls back only while no response has arrived). Here every chunk of the
// body re-arms a timer, and STALL_MS without one ends the download with the URL and what to try;
// a body that trickles on for TOTAL_MS, or grows past MAX_BYTES, ends it too.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import { urlForDisplay } from '../lib/redact.js';

/** A download that receives nothing for this long fails (ms). */
export const STALL_MS = 60_000;

/**
 * A download that has not finished in this long fails, however steadily it trickles (ms): a c2w
 * release archive is a few tens of MB, which takes seconds on a runner's network; 15 minutes is
 * about 30 KB/s for 25 MB.
 */
export const TOTAL_MS = 15 * 60_000;

/** A body larger than this is not a c2w release file (bytes): it fails before it fills the disk. */
export const MAX_BYTES = 512 * 1024 * 1024;

export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    message: string,
    /** The HTTP status of a refusal, when the server gave one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface DownloadOptions {
  /** Longest silence in ms (default STALL_MS). */
  stallMs?: number;
  /** Longest download in ms, headers and body (default TOTAL_MS). */
  totalMs?: number;
  /** Most bytes of the body (default MAX_BYTES). */
  maxBytes?: number;
}

/** Downloads `url` to `dest`; on failure `dest` is removed and a DownloadError says why. */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<void> {
  const stallMs = options.stallMs ?? STALL_MS;
  const shown = urlForDisplay(url);
  const silence = `no data from ${shown} for ${stallMs / 1000} s`;
  const advice =
    'the server or the network in between is stalling: re-run the job, or set c2w-download-url to a mirror that answers';
  // GET is retried by the client on 502, 503 and 504 (its exponential backoff); socketTimeout
  // bounds the wait for the headers, and follows redirects (GitHub sends downloads to its CDN).
  const http = new HttpClient('c2w-action', [], { socketTimeout: stallMs, allowRetries: true, maxRetries: 2 });
  const totalMs = options.totalMs ?? TOTAL_MS;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const tooLong = `${shown} did not finish within ${totalMs / 1000} s; ${advice}`;
  // One timer for the whole download (it holds the process, so the wait always ends).
  let abandon: ((error: DownloadError) => void) | undefined;
  const total = setTimeout(() => abandon?.(new DownloadError(tooLong)), totalMs);
  let res;
  try {
    res = await Promise.race([
      http.get(url),
      new Promise<never>((_resolve, reject) => {
        abandon = reject;
      }),
    ]);
  } catch (e) {
    clearTimeout(total);
    if (e instanceof DownloadError) throw e;
    const message = (e as Error).message;
    throw new DownloadError(/timeout/i.test(message) ? `${silence}; ${advice}` : `${shown}: ${message}`);
  }
  const status = res.message.statusCode ?? 0;
  if (status !== 200) {
    clearTimeout(total);
    res.message.destroy();
    throw new DownloadError(`${shown} answered HTTP ${status}`, status);
  }
  const body = res.message;
  abandon = (error) => body.destroy(error);
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes)
      body.destroy(new DownloadError(`${shown} sent more than ${maxBytes} bytes, more than a c2w release file`));
  });
  // From here on the timer below bounds the silence; the client's socket timeout would end the
  // socket under a stalled body without saying so.
  body.socket?.setTimeout(0);
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => body.destroy(new DownloadError(`${silence}; ${advice}`)), stallMs);
  };
  arm();
  body.on('data', arm);
  try {
    await pipeline(body, createWriteStream(dest));
  } catch (e) {
    await rm(dest, { force: true });
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(`${shown}: the download broke off: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
    clearTimeout(total);
  }
}
