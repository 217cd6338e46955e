// One file of a c2w release, downloaded with a bound on silence: a server that sends its headers
// and then nothing holds a download by @actions/tool-cache (downloadTool) until the job's own time
// limit, since @actions/http-client's socketTimeout only ends the wait for the headers
// (https://github.com/actions/toolkit/blob/main/packages/http-client/src/index.ts, requestRaw:
// the timeout handler calls back only while no response has arrived). Here every chunk of the
// body re-arms a timer, and STALL_MS without one ends the download with the URL and what to try.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import { urlForDisplay } from '../lib/redact.js';

/** A download that receives nothing for this long fails (ms). */
export const STALL_MS = 60_000;

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
  let res;
  try {
    res = await http.get(url);
  } catch (e) {
    const message = (e as Error).message;
    throw new DownloadError(/timeout/i.test(message) ? `${silence}; ${advice}` : `${shown}: ${message}`);
  }
  const status = res.message.statusCode ?? 0;
  if (status !== 200) {
    res.message.resume();
    throw new DownloadError(`${shown} answered HTTP ${status}`, status);
  }
  const body = res.message;
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
  }
}
