// The toolchain cache, pure: a BuildKit registry cache (mode=max) of c2w's image-independent
// stages (kernel, emulators, the Emscripten/QEMU chain), published once per combination of c2w
// version, target, architecture and (js) allocator, and read by any first conversion whose own cache
// misses. Beside each cache tag, a small record tag (`<tag>-bases`) names the exact digests of the
// base images the published build used, as manifest annotations (readable with
// `docker buildx imagetools inspect --raw`): a reader pins its build to those digests with
// `--build-context NAME=docker-image://NAME@DIGEST`, so its cache keys match the published ones
// whatever the base tags point to today.
import { parseImageReference } from '../c2w/image-ref.js';
import type { Allocator, Target, ToolchainSetting } from '../types/inputs.js';

export type { ToolchainSetting };

/** Annotation keys of a record. */
export const RECORD = {
  /** One per pinned base image: `org.c2w-action.base-image.<n>` = `NAME@sha256:…`. */
  basePrefix: 'org.c2w-action.base-image.',
  /** The cache tag the record describes. */
  cache: 'org.c2w-action.toolchain-cache',
  c2wVersion: 'org.c2w-action.c2w-version',
} as const;

/** At most this many base images in a record (c2w's Dockerfile has seven). */
const MAX_BASES = 64;

/** The tag of a combination: `v0.8.4-wasi-amd64`, `v0.8.4-js-amd64-emmalloc`. */
export function toolchainTag(p: {
  c2wVersion: string;
  target: Target;
  targetArch: string;
  allocator: Allocator;
}): string {
  const parts = [p.c2wVersion, p.target, p.targetArch, ...(p.target === 'js' ? [p.allocator] : [])];
  return parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_');
}

export const recordTag = (tag: string) => `${tag}-bases`;

/** `toolchain-cache`'s value checked: a registry repository without a tag or digest; `auto` or `none`. */
export function parseToolchainSetting(raw: string): ToolchainSetting | string {
  const value = raw.trim();
  if (value === '' || value === 'auto') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  const ref = parseImageReference(value);
  if (typeof ref === 'string') return `${ref}`;
  if (ref.tag !== undefined || ref.digest !== undefined)
    return 'names a tag or digest; give the repository only (the action adds the tag of each combination)';
  if (ref.domain === undefined) return 'names no registry host; give host/owner/name';
  return { kind: 'repository', repository: value };
}

/**
 * The repository `auto` means: the action's own repository's package on the GitHub Container
 * Registry, `<registry>/<owner>/<name>-toolchain` (GITHUB_ACTION_REPOSITORY is `owner/name` when
 * the step runs a published action, and empty for `uses: ./` from the workflow's own checkout: then
 * there is none). Package names are lower case.
 */
export function toolchainRepository(
  setting: ToolchainSetting,
  env: { actionRepository?: string; containerRegistry: string },
): string | undefined {
  if (setting.kind === 'none') return undefined;
  if (setting.kind === 'repository') return setting.repository;
  const repo = env.actionRepository?.trim();
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return undefined;
  return `${env.containerRegistry}/${repo.toLowerCase()}-toolchain`;
}

/** `NAME@DIGEST` for a build context: the name without its tag, pinned. */
export function pinnedReference(name: string, digest: string): string | undefined {
  const ref = parseImageReference(name);
  if (typeof ref === 'string' || ref.digest !== undefined) return undefined;
  return `${ref.domain ? `${ref.domain}/` : ''}${ref.path}@${digest}`;
}

/** The record's annotations for these base images (name as the Dockerfile writes it → digest). */
export function recordAnnotations(
  cacheRef: string,
  c2wVersion: string,
  bases: ReadonlyMap<string, string>,
): Record<string, string> {
  const annotations: Record<string, string> = { [RECORD.cache]: cacheRef, [RECORD.c2wVersion]: c2wVersion };
  [...bases].forEach(([name, digest], i) => (annotations[`${RECORD.basePrefix}${i}`] = `${name}@${digest}`));
  return annotations;
}

/**
 * The base images a record pins, from its manifest as the registry serves it; a string saying what
 * is wrong with it otherwise (then the record is not used at all).
 */
export function parseRecord(manifest: unknown, cacheRef: string): Map<string, string> | string {
  if (typeof manifest !== 'object' || manifest === null) return 'the record is not a manifest';
  const annotations = (manifest as { annotations?: unknown }).annotations;
  if (typeof annotations !== 'object' || annotations === null) return 'the record has no annotations';
  const entries = Object.entries(annotations as Record<string, unknown>);
  // The same tag: a record copied under another combination's tag does not describe this one. The
  // host may differ (a mirror, the authenticated and the public name of one registry).
  const described = (annotations as Record<string, unknown>)[RECORD.cache];
  if (typeof described !== 'string' || tagOf(described) !== tagOf(cacheRef))
    return `the record describes ${JSON.stringify(String(described)).slice(0, 200)}, not the tag of ${cacheRef}`;
  const bases = new Map<string, string>();
  for (const [key, value] of entries) {
    if (!key.startsWith(RECORD.basePrefix)) continue;
    if (bases.size >= MAX_BASES) return `the record names more than ${MAX_BASES} base images`;
    const m = typeof value === 'string' ? /^(.{1,400})@(sha256:[0-9a-f]{64})$/.exec(value) : null;
    const name = m?.[1];
    if (!m || !name || typeof parseImageReference(name) === 'string' || name.includes('@'))
      return `${key} is not NAME@sha256:<64 hex>: ${JSON.stringify(String(value)).slice(0, 200)}`;
    bases.set(name, m[2]!);
  }
  return bases;
}

const tagOf = (ref: string) => /:([\w][\w.-]{0,127})$/.exec(ref)?.[1];

/** The build flags that pin `bases` (name as the Dockerfile writes it → digest). */
export function pinFlags(bases: ReadonlyMap<string, string>): string[] {
  const flags: string[] = [];
  for (const [name, digest] of bases) {
    const pinned = pinnedReference(name, digest);
    if (pinned) flags.push(`--build-context=${name}=docker-image://${pinned}`);
  }
  return flags;
}
