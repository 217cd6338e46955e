// The transport of a release asset's upload: node:http(s) through the agent the runner's proxy
// settings call for (@actions/http-client), the body piped into the request with backpressure.
// fetch (undici: Node's own and the npm package that @actions/github uses) does wait for the socket,
// but the action's memory grew by what it had sent of a streamed body until the request ended:
// uploading a 500 MiB file peaked at ~600 MiB, a 1000 MiB output at 1.1 GiB
// (bench/output.bench.mjs), where piping into http.request peaks at ~110 MiB whatever the size.
// It answers with a fetch Response, so Octokit reads it as any other.
import type { Agent } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

type Fetch = typeof globalThis.fetch;

/** Statuses whose answer has no body (a Response refuses one): fetch's null body statuses. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A fetch over node:http(s); `agentFor` gives the agent of a URL (the runner's proxy). */
export function streamingFetch(agentFor: (url: string) => Agent | undefined): Fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const method = init?.method ?? 'GET';
    const body = init?.body as unknown;
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, {
        method,
        headers,
        agent: agentFor(url.href),
        ...(init?.signal ? { signal: init.signal } : {}),
      });
      req.on('error', reject);
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const answer = new Headers();
        for (const [key, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) answer.append(key, v);
        }
        const empty = NULL_BODY.has(status) || method === 'HEAD';
        if (empty) res.resume();
        resolve(
          new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
            status,
            statusText: res.statusMessage ?? '',
            headers: answer,
          }),
        );
      });
      if (body === undefined || body === null) req.end();
      else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
      else pipeline(Readable.from(body as AsyncIterable<Uint8Array>), req).catch(reject);
    });
  };
}
