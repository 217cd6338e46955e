// The second and third engines of scripts/remote-engine.sh, for tests of builders that are not
// the runner's own: a remote engine in its own network namespace (its BuildKit reachable as
// `--driver remote tcp://…`, like a BuildKit farm), and an engine with the classic image store.
// Both are started if not running (idempotent) and left running, like the first engine.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REMOTE_SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scripts',
  'remote-engine.sh',
);

function parseExports(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
  }
  return env;
}

async function script(args: string[]): Promise<string> {
  try {
    return (await run('bash', [REMOTE_SCRIPT, ...args], { timeout: 280_000, maxBuffer: 1 << 24 })).stdout;
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`scripts/remote-engine.sh ${args.join(' ')} failed: ${err.message}\n${err.stderr ?? ''}`);
  }
}

export interface RemoteEngine {
  /** tcp://ADDR:2375: the engine's API, inside its namespace. */
  dockerHost: string;
  /** tcp://ADDR:1234: its BuildKit, for `docker buildx create --driver remote`. */
  buildkit: string;
  /** unix:// socket of the engine, to look at it from this side without going through a builder. */
  socket: string;
}

export async function startRemoteEngine(): Promise<RemoteEngine> {
  await script(['start']);
  const env = parseExports(await script(['env']));
  if (!env.C2W_REMOTE_DOCKER_HOST || !env.C2W_REMOTE_BUILDKIT || !env.C2W_REMOTE_SOCKET)
    throw new Error('remote-engine.sh env printed too little');
  return {
    dockerHost: env.C2W_REMOTE_DOCKER_HOST,
    buildkit: env.C2W_REMOTE_BUILDKIT,
    socket: env.C2W_REMOTE_SOCKET,
  };
}

/** The classic-image-store engine; returns its DOCKER_HOST. */
export async function startClassicEngine(): Promise<string> {
  await script(['classic', 'start']);
  const host = parseExports(await script(['classic', 'env'])).C2W_CLASSIC_DOCKER_HOST;
  if (!host) throw new Error('remote-engine.sh classic env printed no C2W_CLASSIC_DOCKER_HOST');
  return host;
}
