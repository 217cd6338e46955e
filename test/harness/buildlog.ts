// Reading BuildKit's plain progress output (`docker buildx build --progress=plain`, which c2w uses).

/** Whether the step named `[stage n/m]` was answered from the cache (`#N CACHED`). */
export function stepCached(log: string, step: string): boolean {
  const header = new RegExp(`^#(\\d+) \\[${step.replace(/[[\]/]/g, '\\$&')}\\]`, 'm').exec(log);
  if (!header) throw new Error(`no step [${step}] in the build log:\n${log}`);
  return new RegExp(`^#${header[1]} CACHED$`, 'm').test(log);
}

/**
 * Whether the step named `[stage n/m]` ran its command: its RUN printed output, which BuildKit
 * logs as `#N <seconds> <line>`. A step reused from a remote cache (gha, registry) is not `CACHED`
 * when a later step needs its files: BuildKit then downloads and extracts its layer, and prints no
 * output of the command.
 */
export function stepRan(log: string, step: string): boolean {
  const header = new RegExp(`^#(\\d+) \\[${step.replace(/[[\]/]/g, '\\$&')}\\]`, 'm').exec(log);
  if (!header) throw new Error(`no step [${step}] in the build log:\n${log}`);
  return new RegExp(`^#${header[1]} \\d+\\.\\d+ `, 'm').test(log);
}
