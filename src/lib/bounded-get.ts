// A small GET (an API's JSON) whose whole answer, headers and body, is bounded in time and in size.
// @actions/http-client's socketTimeout bounds only the wait for the headers: once they have come,
// its timeout handler ends the socket without failing anything, and `readBody()` listens only for
// `data` and `end`, so a body that stalls leaves its promise pending forever; with nothing else to
// wait for, Node then exits with code 13 ("unsettled top-level await") and the step says nothing
// (https://github.com/actions/toolkit/blob/main/packages/http-client/src/index.ts, requestRawWithCallback
// and readBody). A body that dribbles a byte now and then, or never ends, has no bound there either.
// Here one timer (which holds the process, so the wait always ends) bounds the whole answer, and
// the body is read up to a size.
import type { IncomingMessage } from 'node:http';
import { HttpClient } from '@actions/http-client';

export interface Limits {
  /** The whole answer, headers and body, within this (ms). */
  timeoutMs: number;
  /** The body's bytes at most. */
  maxBytes: number;
}

export class BoundedGetError extends Error {
  override name = 'BoundedGetError';
  constructor(
    message: string,
    readonly reason: 'timeout' | 'too-large' | 'network',
  ) {
    super(message);
  }
}

/** `url`'s status and body (UTF-8), or a BoundedGetError that says which bound was passed. */
export async function boundedGet(
  url: string,
  headers: Record<string, string>,
  limits: Limits,
): Promise<{ status: number; body: string }> {
  const http = new HttpClient('c2w-action', [], { socketTimeout: limits.timeoutMs });
  let message: IncomingMessage | undefined;
  let timer: NodeJS.Timeout | undefined;
  const seconds = Math.round(limits.timeoutMs / 100) / 10;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new BoundedGetError(`no complete answer within ${seconds} s`, 'timeout');
      message?.destroy(error);
      reject(error);
    }, limits.timeoutMs);
  });
  const read = async (): Promise<{ status: number; body: string }> => {
    let res;
    try {
      res = await http.get(url, headers);
    } catch (e) {
      throw new BoundedGetError((e as Error).message, 'network');
    }
    message = res.message;
    // The deadline bounds the rest; the client's socket timeout would end the socket silently.
    message.socket?.setTimeout(0);
    const body = await readBody(message, limits.maxBytes);
    return { status: message.statusCode ?? 0, body };
  };
  try {
    return await Promise.race([read(), deadline]);
  } finally {
    clearTimeout(timer);
    // An answer abandoned at a bound holds no socket.
    message?.destroy();
  }
}

/** The body as text, at most `maxBytes`; a body that breaks off or grows past it fails. */
function readBody(message: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        const error = new BoundedGetError(`the answer is larger than ${maxBytes} bytes`, 'too-large');
        message.destroy(error);
        reject(error);
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // Node reports a body cut off by the server as an `aborted` error, or only as a `close`
    // without `end` (the socket was ended under it): either way the body is not whole.
    const cutOff = 'the connection closed before the answer was complete';
    message.on('error', (e) => {
      if (e instanceof BoundedGetError) reject(e);
      else reject(new BoundedGetError(message.complete ? e.message : `${cutOff} (${e.message})`, 'network'));
    });
    message.on('close', () => {
      if (!message.complete) reject(new BoundedGetError(cutOff, 'network'));
    });
  });
}
