// `c2w-version: latest` through the bundled action when the releases API misbehaves: whatever the
// answer does, the step ends with an `::error::` naming the URL, the `error` output, the summary
// and the cell record (the stalled and dribbling bodies are in test/unit/c2w/install.test.ts, with
// the lookup's 30 s bound shrunk).
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';

const h = useHarness({ runtime: true, name: 'latest' });

const LATEST = '/api/v3/repos/container2wasm/container2wasm/releases/latest';
let server: Server;
let origin: string;
let answer: (res: ServerResponse) => void = (res) => res.writeHead(404).end();

beforeAll(async () => {
  server = createServer((req, res) => (req.url === LATEST ? answer(res) : res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The JSON of the record artifact `name`, downloaded with @actions/artifact from the runtime stand-in. */
async function recordOf(name: string): Promise<{ result: string; stage: string; error?: string }> {
  const artifact = h.runtime!.artifacts().find((a) => a.name === name && a.finalized);
  expect(artifact, `no artifact ${name}`).toBeDefined();
  const saved = { ...process.env };
  Object.assign(process.env, h.runtime!.env);
  try {
    const into = path.join(h.dir, `download-${artifact!.id}`);
    await new DefaultArtifactClient().downloadArtifact(artifact!.id, { path: into });
    return JSON.parse(readFileSync(path.join(into, 'c2w-record.json'), 'utf8')) as { result: string; stage: string };
  } finally {
    process.env = saved;
  }
}

describe('c2w-version latest', () => {
  it.each<[string, (res: ServerResponse) => void, RegExp]>([
    [
      'a 64 MiB answer',
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
        const chunk = Buffer.alloc(1024 * 1024, ' ');
        let sent = 0;
        const more = (): void => {
          while (sent++ < 64) if (!res.write(chunk)) return void res.once('drain', more);
          res.end();
        };
        res.on('close', () => res.off('drain', more));
        more();
      },
      /the answer is larger than 1048576 bytes/,
    ],
    [
      'an answer cut off in its body',
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"tag_name":', () => res.destroy());
      },
      /the connection closed before the answer was complete/,
    ],
  ])('%s ends the step with an error naming the URL, the output, the summary and the record', async (name, a, why) => {
    answer = a;
    const cell = `latest-${name.replace(/\W+/g, '-')}`;
    const r = await h.job({
      image: TEST_IMAGE,
      'c2w-version': 'latest',
      'c2w-download-url': `${origin}/container2wasm/container2wasm/releases/download`,
      smoke: 'false',
      'upload-artifact': 'false',
      'artifact-name': cell,
    });
    const url = `${origin}${LATEST}`;
    expect(r.main.exitCode, r.main.log).toBe(1);
    expect(r.main.log).toMatch(new RegExp(`^::error::Could not resolve c2w-version 'latest' from ${url}: `, 'm'));
    expect(r.main.outputs.error).toMatch(why);
    expect(r.main.outputs.error).toContain(url);
    expect(r.main.summary).toContain(url);
    const record = await recordOf(`c2w-record-${cell}`);
    expect(record).toMatchObject({ result: 'failed', stage: 'install' });
    expect(JSON.stringify(record)).toContain(url);
  });
});
