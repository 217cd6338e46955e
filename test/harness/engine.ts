// The project's private Docker engine for integration tests (scripts/engine.sh): starts it if it
// is not running (idempotent, shared by every test file) and returns the environment that points
// docker, buildx and c2w at it. The engine is left running for the next test file; stop it with
// `scripts/engine.sh stop`.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ENGINE_SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scripts',
  'engine.sh',
);
/** The offline test image that `engine.sh start` imports. */
export const TEST_IMAGE = 'c2w-test/busybox:1';

export interface EngineEnv {
  DOCKER_HOST: string;
  DOCKER_CONFIG: string;
  /** The unpacked docker client (and containerd) first, then the caller's PATH. */
  PATH: string;
}

/** Parses `engine.sh env` (`export NAME=value` lines; `"$PATH"` stands for the caller's PATH). */
export function parseEngineEnv(text: string, callerPath = process.env.PATH ?? ''): EngineEnv {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    let value = m[2]!;
    value = value.replace(/"\$PATH"|\$PATH/g, '\0PATH\0');
    // engine.sh quotes with printf %q: backslash escapes only (the cache path has no quotes).
    value = value.replace(/\\(.)/g, '$1').replace(/\0PATH\0/g, callerPath);
    env[m[1]!] = value;
  }
  for (const k of ['DOCKER_HOST', 'DOCKER_CONFIG', 'PATH'] as const) {
    if (!env[k]) throw new Error(`engine.sh env printed no ${k}:\n${text}`);
  }
  return { DOCKER_HOST: env.DOCKER_HOST!, DOCKER_CONFIG: env.DOCKER_CONFIG!, PATH: env.PATH! };
}

/** Starts the engine (returns at once when it is already up) and returns its environment. */
export async function startEngine(): Promise<EngineEnv> {
  try {
    await run('bash', [ENGINE_SCRIPT, 'start'], { maxBuffer: 1 << 24, timeout: 280_000 });
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`scripts/engine.sh start failed: ${err.message}\n${err.stderr ?? ''}`);
  }
  const { stdout } = await run('bash', [ENGINE_SCRIPT, 'env']);
  return parseEngineEnv(stdout);
}

/**
 * An environment for a child process that talks to the engine: the caller's environment without
 * any other Docker settings, plus the engine's.
 */
export function withEngine(engine: EngineEnv, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined) continue;
    if (k === 'DOCKER_CONTEXT' || k === 'DOCKER_TLS_VERIFY' || k === 'DOCKER_CERT_PATH' || k === 'BUILDX_BUILDER')
      continue;
    env[k] = v;
  }
  return { ...env, ...engine };
}
