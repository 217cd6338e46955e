// Can the builder run linux/amd64? c2w always builds with `--platform=linux/amd64` (container2wasm
// cmd/c2w/main.go): every RUN of its toolchain stages is an amd64 program. On an arm64 runner
// (ubuntu-24.04-arm, a self-hosted arm64 machine) the builder runs them only with amd64 emulation
// installed (binfmt/QEMU, as docker/setup-qemu-action installs it); without it the first RUN fails
// with `exec format error` deep in a cold build. This asks the builder first.
//
// `docker buildx inspect` prints one `Platforms:` line per node. BuildKit lists the worker's native
// platform first and the emulated ones after it (moby/buildkit util/archutil: the native platform,
// then each emulator that answers); buildx puts the platforms a user configured for the node
// (`docker buildx create --platform`) before those and marks them with `*`.
import { log } from '../lib/log.js';
import { run } from '../lib/exec.js';
import { parseBuildxInspect } from './builder.js';

/** The platform c2w builds for. */
export const C2W_PLATFORM = 'linux/amd64';

export interface NodePlatforms {
  /** What the node's BuildKit runs, configured (`*`) marks removed, in its order. */
  platforms: string[];
  /** The node's own platform: the first one buildx did not mark as configured. */
  native?: string;
}

/** Every node's `Platforms:` line of `docker buildx inspect`. Pure. */
export function parseNodePlatforms(text: string): NodePlatforms[] {
  const nodes: NodePlatforms[] = [];
  for (const m of text.matchAll(/^Platforms:[ \t]*(.*)$/gm)) {
    const items = m[1]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const platforms = items.map((p) => p.replace(/\*$/, ''));
    const native = items.find((p) => !p.endsWith('*'));
    nodes.push(native === undefined ? { platforms } : { platforms, native });
  }
  return nodes;
}

const isAmd64 = (platform: string) => platform === C2W_PLATFORM || platform.startsWith(`${C2W_PLATFORM}/`);

export type PlatformVerdict =
  | { kind: 'native' }
  | { kind: 'emulated'; native: string }
  | { kind: 'missing'; platforms: string[] }
  /** The inspect output showed no platforms (an old buildx, a node not started): nothing to judge by. */
  | { kind: 'unknown' };

/** Whether the builder's nodes run linux/amd64, and how. Pure. */
export function judgePlatforms(nodes: NodePlatforms[]): PlatformVerdict {
  const known = nodes.filter((n) => n.platforms.length > 0);
  if (known.length === 0) return { kind: 'unknown' };
  const amd64 = known.filter((n) => n.platforms.some(isAmd64));
  if (amd64.length === 0) return { kind: 'missing', platforms: [...new Set(known.flatMap((n) => n.platforms))] };
  if (amd64.some((n) => n.native === undefined || isAmd64(n.native))) return { kind: 'native' };
  return { kind: 'emulated', native: amd64[0]!.native! };
}

export class PlatformError extends Error {
  override name = 'PlatformError';
}

/** The error for a builder without linux/amd64: the cause and the two fixes. Pure. */
export function missingAmd64Message(builder: string, platforms: string[]): string {
  return (
    `The builder '${builder}' cannot build ${C2W_PLATFORM}: it runs ${platforms.join(', ')}. ` +
    `c2w always builds --platform=${C2W_PLATFORM} (its toolchain stages are amd64 programs), so the build ` +
    `would fail with 'exec format error'. Either add docker/setup-qemu-action before this step ` +
    `(amd64 emulation; the build is then slow), or run the job on an x64 runner (e.g. runs-on: ubuntu-24.04).`
  );
}

/** A docker query answers in a second on a healthy engine. */
const INSPECT_MS = 60_000;

/**
 * Asks the builder the build will run on (`name`, or the current one) whether it runs linux/amd64:
 * throws a PlatformError when it does not, warns when it does only under emulation.
 */
export async function checkBuilderPlatforms(name: string | undefined): Promise<void> {
  const inspect = await run('docker', ['buildx', 'inspect', ...(name ? [name] : [])], {
    echo: false,
    timeoutMs: INSPECT_MS,
  });
  const builder = name ?? parseBuildxInspect(inspect.stdout).name ?? 'current';
  if (inspect.exitCode !== 0) {
    log.info(`Could not ask the builder '${builder}' for its platforms: ${inspect.stderr.trim()}`);
    return;
  }
  const verdict = judgePlatforms(parseNodePlatforms(inspect.stdout));
  switch (verdict.kind) {
    case 'missing':
      throw new PlatformError(missingAmd64Message(builder, verdict.platforms));
    case 'emulated':
      log.warning(
        `The builder '${builder}' runs on ${verdict.native} and builds ${C2W_PLATFORM} under emulation (QEMU): ` +
          `a cold c2w build is many times slower than on an x64 runner.`,
      );
      return;
    case 'native':
      log.info(`The builder '${builder}' runs ${C2W_PLATFORM} natively.`);
      return;
    case 'unknown':
      log.info(`The builder '${builder}' did not list its platforms; building for ${C2W_PLATFORM} as c2w does.`);
  }
}
