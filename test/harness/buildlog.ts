// Reading BuildKit's plain progress output (`docker buildx build --progress=plain`, which c2w uses).

/** Whether the step named `[stage n/m]` was answered from the cache (`#N CACHED`). */
export function stepCached(log: string, step: string): boolean {
  const header = new RegExp(`^#(\\d+) \\[${step.replace(/[[\]/]/g, '\\$&')}\\]`, 'm').exec(log);
  if (!header) throw new Error(`no step [${step}] in the build log:\n${log}`);
  return new RegExp(`^#${header[1]} CACHED$`, 'm').test(log);
}
