// The project's private registry for integration tests (scripts/registry.sh): Debian's
// docker-registry on loopback with htpasswd authentication. Started if not running (idempotent,
// shared by every test file, left running like the engine). `loginConfig` makes a DOCKER_CONFIG
// holding the registry credentials, as docker/login-action leaves it on a runner.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EngineEnv } from './engine.js';

const run = promisify(execFile);

export const REGISTRY_SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scripts',
  'registry.sh',
);

export interface Registry {
  /** host:port on 127.0.0.1. */
  host: string;
  user: string;
  password: string;
  /**
   * host:port of the same storage served read-only without a login, as a public registry (ghcr.io's
   * public packages) serves anonymous pulls.
   */
  publicHost: string;
}

/** Parses `registry.sh env` (`export NAME=value` lines, printf %q quoting). */
export function parseRegistryEnv(text: string): Registry {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
  }
  const {
    C2W_REGISTRY: host,
    C2W_REGISTRY_USER: user,
    C2W_REGISTRY_PASSWORD: password,
    C2W_REGISTRY_PUBLIC: publicHost,
  } = env;
  if (!host || !user || !password || !publicHost)
    throw new Error(`registry.sh env printed too little:\n${text.replace(/PASSWORD=.*/, 'PASSWORD=***')}`);
  return { host, user, password, publicHost };
}

export async function startRegistry(): Promise<Registry> {
  try {
    await run('bash', [REGISTRY_SCRIPT, 'start'], { timeout: 280_000 });
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`scripts/registry.sh start failed: ${err.message}\n${err.stderr ?? ''}`);
  }
  const { stdout } = await run('bash', [REGISTRY_SCRIPT, 'env']);
  return parseRegistryEnv(stdout);
}

/**
 * A new DOCKER_CONFIG with the engine's buildx plugin and `docker login HOST` done with these
 * credentials (the password through stdin, as docker/login-action passes it). A wrong password
 * is written straight into config.json, since `docker login` refuses to store it.
 */
export async function loginConfig(
  engine: EngineEnv,
  dir: string,
  host: string,
  user: string,
  password: string,
  options: { verify?: boolean } = {},
): Promise<string> {
  const config = mkdtempSync(path.join(dir, 'docker-config-'));
  mkdirSync(path.join(config, 'cli-plugins'));
  symlinkSync(
    path.join(engine.DOCKER_CONFIG, 'cli-plugins', 'docker-buildx'),
    path.join(config, 'cli-plugins', 'docker-buildx'),
  );
  if (options.verify === false) {
    const auth = Buffer.from(`${user}:${password}`).toString('base64');
    writeFileSync(path.join(config, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
    return config;
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('docker', ['login', '--username', user, '--password-stdin', host], {
      env: { ...process.env, ...engine, DOCKER_CONFIG: config },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`docker login ${host} failed (${code}): ${err}`));
    });
    child.stdin.end(`${password}\n`);
  });
  return config;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The manifest `repo:tag` in the registry (its media type), or undefined when there is none. */
export async function manifest(registry: Registry, repo: string, tag: string): Promise<string | undefined> {
  const res = await fetch(`http://${registry.host}/v2/${repo}/manifests/${tag}`, {
    method: 'GET',
    headers: {
      Accept: MANIFEST_TYPES,
      Authorization: `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`,
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET manifest ${repo}:${tag}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return res.headers.get('content-type') ?? 'unknown';
}

/** The repositories the registry holds (its catalog). */
export async function catalog(registry: Registry): Promise<string[]> {
  const res = await fetch(`http://${registry.host}/v2/_catalog?n=1000`, {
    headers: { Authorization: `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`GET _catalog: ${res.status}`);
  return ((await res.json()) as { repositories: string[] | null }).repositories ?? [];
}
