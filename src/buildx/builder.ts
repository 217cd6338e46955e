// The buildx builder of a build: the current one when it can export a cache, a builder the user
// named (inspected the same way), or a docker-container builder the action creates and removes.
import { log } from '../lib/log.js';
import { run } from '../lib/exec.js';
import { safe } from '../cache/keys.js';
import type { CacheMode, Inputs } from '../types/inputs.js';

export function builderFlags(builder: string | undefined): string[] {
  return builder ? [`--builder=${builder}`] : [];
}

/** A docker query (inspect, info, rm) answers in a second on a healthy engine; a stuck one fails the step. */
const DOCKER_QUERY_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Builder (detect the current one; create a docker-container builder when it cannot export)

/** The `Name:` and `Driver:` of `docker buildx inspect`'s first builder block, and its first node's `Endpoint:`. */
export function parseBuildxInspect(text: string): { name?: string; driver?: string; endpoint?: string } {
  const field = (label: string) => new RegExp(`^${label}:\\s*(\\S+)`, 'm').exec(text)?.[1];
  const result: { name?: string; driver?: string; endpoint?: string } = {};
  const name = field('Name');
  const driver = field('Driver');
  const endpoint = field('Endpoint');
  if (name) result.name = name;
  if (driver) result.driver = driver;
  if (endpoint) result.endpoint = endpoint;
  return result;
}

/** `docker info --format '{{json .DriverStatus}}'` names the containerd snapshotter when the image store is containerd. */
export function usesContainerdStore(driverStatusJson: string): boolean {
  try {
    const status = JSON.parse(driverStatusJson) as [string, string][] | null;
    return (status ?? []).some(([k, v]) => k === 'driver-type' && /io\.containerd\.snapshotter/.test(v));
  } catch {
    return false;
  }
}

/** Whether a builder with this driver (and image store) can export a build cache. */
export function canExportCache(driver: string | undefined, containerdStore: boolean): boolean {
  if (driver === undefined) return false;
  return driver !== 'docker' || containerdStore;
}

export interface BuilderChoice {
  /** Passed to c2w as --extra-flag=--builder=NAME; undefined keeps the current builder. */
  name?: string;
  /** The action made it and removes it in the post step. */
  created: boolean;
  /** false when no builder that can export a cache could be had: the build goes on uncached. */
  canExport: boolean;
}

export async function chooseBuilder(
  inputs: Pick<Inputs, 'builder' | 'cache'> & Partial<Pick<Inputs, 'toolchainCachePush'>>,
  runId: string,
): Promise<BuilderChoice> {
  // Publishing the toolchain cache is a cache export too, whatever `cache` says.
  const cache = inputs.cache === 'none' && inputs.toolchainCachePush ? 'registry' : inputs.cache;
  if (inputs.builder) return givenBuilder(inputs.builder, cache);
  if (cache === 'none') return { created: false, canExport: false };
  const inspect = await run('docker', ['buildx', 'inspect'], { echo: false, timeoutMs: DOCKER_QUERY_MS });
  const { name, driver } = parseBuildxInspect(inspect.stdout);
  let containerd = false;
  if (driver === 'docker') {
    const info = await run('docker', ['info', '--format', '{{json .DriverStatus}}'], {
      echo: false,
      timeoutMs: DOCKER_QUERY_MS,
    });
    containerd = usesContainerdStore(info.stdout.trim());
  }
  if (canExportCache(driver, containerd)) {
    log.info(
      `The current builder '${name}' (driver ${driver}${driver === 'docker' ? ', containerd image store' : ''}) can export a cache.`,
    );
    return { created: false, canExport: true };
  }
  const created = `c2w-action-${safe(runId)}-${process.pid}`;
  log.info(
    `The current builder '${name ?? '?'}' (driver ${driver ?? 'unknown'}) cannot export a build cache; creating the docker-container builder '${created}'.`,
  );
  // --bootstrap pulls BuildKit's image and starts its container.
  const made = await run(
    'docker',
    ['buildx', 'create', '--name', created, '--driver', 'docker-container', '--bootstrap'],
    {
      timeoutMs: 10 * DOCKER_QUERY_MS,
    },
  );
  if (made.exitCode !== 0) {
    // --bootstrap can fail after the builder was registered: do not leave it behind.
    await run('docker', ['buildx', 'rm', '--force', created], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    log.warning(`Could not create a docker-container builder (${made.stderr.trim()}); building without a cache.`);
    return { created: false, canExport: false };
  }
  return { name: created, created: true, canExport: true };
}

/**
 * A builder named in `builder`: used as given and never removed, but inspected like the current one
 * when a cache is asked for, since a docker-driver builder on an engine with the classic image
 * store fails any build given --cache-to ("Cache export is not supported for the docker driver").
 * A docker-driver builder's endpoint is its Docker context, so that engine's `docker info` decides.
 */
async function givenBuilder(builder: string, cache: CacheMode): Promise<BuilderChoice> {
  log.info(`Using the builder '${builder}' as given.`);
  if (cache === 'none') return { name: builder, created: false, canExport: true };
  const inspect = await run('docker', ['buildx', 'inspect', builder], { echo: false, timeoutMs: DOCKER_QUERY_MS });
  if (inspect.exitCode !== 0) {
    throw new Error(
      `builder: 'docker buildx inspect ${builder}' failed: ${inspect.stderr.trim() || inspect.stdout.trim()}`,
    );
  }
  const { driver, endpoint } = parseBuildxInspect(inspect.stdout);
  let containerd = false;
  if (driver === 'docker') {
    const context = endpoint ? ['--context', endpoint] : [];
    const info = await run('docker', [...context, 'info', '--format', '{{json .DriverStatus}}'], {
      echo: false,
      timeoutMs: DOCKER_QUERY_MS,
    });
    containerd = usesContainerdStore(info.stdout.trim());
  }
  if (canExportCache(driver, containerd)) {
    log.info(`The builder '${builder}' (driver ${driver}) can export a cache.`);
    return { name: builder, created: false, canExport: true };
  }
  log.warning(
    `The builder '${builder}' (driver ${driver ?? 'unknown'}${driver === 'docker' ? ', classic image store' : ''}) cannot export a build cache: ` +
      `BuildKit's docker driver exports caches only with the containerd image store. Building without a cache (cache: ${cache} is off this run); ` +
      `name a docker-container or remote builder, or turn on the containerd image store of that engine.`,
  );
  return { name: builder, created: false, canExport: false };
}

export async function removeBuilder(name: string): Promise<void> {
  const result = await run('docker', ['buildx', 'rm', '--force', name], { echo: false, timeoutMs: DOCKER_QUERY_MS });
  if (result.exitCode !== 0) log.warning(`Could not remove the builder '${name}': ${result.stderr.trim()}`);
  else log.info(`Removed the builder '${name}'.`);
}
