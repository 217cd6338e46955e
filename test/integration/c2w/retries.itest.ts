// A cold build that meets a network blip, through the bundled action: a step of the build fetches
// from a server on this machine that resets the first connection (as a flaky mirror or GitHub clone
// does), so the first run of the build fails there; the action runs the same build again on the
// same builder, BuildKit answers the stages that finished from its store, and the build passes.
// A failure of another kind is never retried.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepCached } from '../../harness/buildlog.js';
import { STANDIN_DIR } from '../../harness/c2w-release.js';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { metadataOf } from '../../harness/metadata.js';

const h = useHarness({ name: 'retries' });

const TOOLCHAIN = 'toolchain 2/2';
const FETCH = 'fetch 2/2';

/** A server that resets the first `drop` connections (RST, as "Connection reset by peer") and answers the rest. */
class FlakyServer {
  connections = 0;
  private readonly server: net.Server;
  constructor(private drop: number) {
    this.server = net.createServer((socket) => {
      const n = ++this.connections;
      socket.once('data', () => {
        if (n <= this.drop) socket.resetAndDestroy();
        else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nfetched\n');
      });
      socket.on('error', () => undefined);
    });
  }
  reset(drop: number): void {
    this.drop = drop;
    this.connections = 0;
  }
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const server = new FlakyServer(1);
let port: number;

beforeAll(async () => {
  port = await server.listen();
});
afterAll(() => server.close());

/**
 * The stand-in's Dockerfile with one more stage before the output, after the toolchain: `step`
 * (a RUN on the host's network, so it reaches the server on 127.0.0.1). A nonce in the toolchain
 * makes its first run cold.
 */
function dockerfile(step: string): { file: string; workspace: string } {
  const nonce = randomUUID();
  const text = readFileSync(path.join(STANDIN_DIR, 'Dockerfile'), 'utf8')
    .replace(
      'echo "toolchain: ${TOOLCHAIN_SECONDS}s of work"',
      `echo "toolchain: \${TOOLCHAIN_SECONDS}s of work (${nonce})"`,
    )
    .replace(
      'FROM tools AS wasi-build\n',
      `FROM toolchain AS fetch\nARG FETCH_URL\nRUN --network=none mkdir -p /fetch\nRUN ${step}\n\nFROM tools AS wasi-build\n`,
    )
    .replace(
      'COPY standin/base.wasm /standin/base.wasm\n',
      'COPY standin/base.wasm /standin/base.wasm\nCOPY --from=fetch /fetch/ /fetch/\n',
    );
  // In a workspace of its own: the action refuses a Dockerfile outside the workspace.
  const workspace = path.join(h.dir, `ws-${nonce}`);
  mkdirSync(workspace, { recursive: true });
  const file = path.join(workspace, 'Dockerfile');
  writeFileSync(file, text);
  return { file, workspace };
}

const FETCH_STEP = '--network=host wget -q -O /fetch/file "$FETCH_URL" && cat /fetch/file';

async function build(step: string, inputs: Record<string, string> = {}) {
  const { file, workspace } = dockerfile(step);
  const r = await h.job(
    {
      image: TEST_IMAGE,
      dockerfile: file,
      'build-args': `FETCH_URL=http://127.0.0.1:${port}/file`,
      cache: 'none',
      smoke: 'false',
      'upload-artifact': 'false',
      ...inputs,
    },
    { standin: { C2W_STANDIN_ALLOW: 'network.host' }, workspace },
  );
  // One segment of the log per run of the build: c2w logs its buildx argv before each.
  const runs = r.main.log.split(/^.*buildx args: \[.*$/m).slice(1);
  return { r, runs };
}

describe('build-retries', () => {
  it('a reset connection: the build runs again, the stages before it are CACHED, and it passes', async () => {
    server.reset(1);
    const { r, runs } = await build(FETCH_STEP);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(runs).toHaveLength(2);
    expect(server.connections).toBe(2);
    // The first run built the toolchain and failed in the fetch step; the second reused the toolchain.
    expect(stepCached(runs[0]!, TOOLCHAIN)).toBe(false);
    expect(runs[0]).toMatch(/wget: error getting response: Connection reset by peer/);
    expect(stepCached(runs[1]!, TOOLCHAIN)).toBe(true);
    expect(stepCached(runs[1]!, FETCH)).toBe(false);
    expect(r.main.log).toMatch(
      /::warning::The build failed with transient network trouble in \[fetch 2\/2\] RUN --network=host wget .*: the connection was reset \(wget: error getting response: Connection reset by peer\)\. Retrying the same build on the same builder in 10 s \(attempt 2 of 3\)/,
    );
    expect(metadataOf(r.main.outputs).build.attempts).toBe(2);
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('build-retries: 0 fails at the first reset', async () => {
    server.reset(1);
    const { r, runs } = await build(FETCH_STEP, { 'build-retries': '0' });
    expect(r.main.exitCode).not.toBe(0);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/wget: error getting response: Connection reset by peer/);
    expect(r.main.log).not.toMatch(/Retrying the same build/);
    expect(metadataOf(r.main.outputs).build.attempts).toBe(1);
  });

  it('a failure of another kind fails at once', async () => {
    server.reset(0);
    const { r, runs } = await build('--network=none echo "make: *** [all] Error 2" && exit 2');
    expect(r.main.exitCode).not.toBe(0);
    expect(runs).toHaveLength(1);
    expect(r.main.log).not.toMatch(/Retrying the same build/);
    expect(metadataOf(r.main.outputs).build.attempts).toBe(1);
    expect(runs[0]).toMatch(/#\d+ \d+\.\d+ make: \*\*\* \[all\] Error 2/);
    expect(r.main.outputs.error).toMatch(/c2w failed \(exit 1\)/);
  });
});
