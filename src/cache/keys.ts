// The build cache's keys and buildx flags, pure: what goes into a cache key (so a restore key
// finds the nearest earlier build), and the --cache-from/--cache-to flags of a plan.
import { sha256Text } from '../lib/hash.js';
import type { CacheMode, KeyValue } from '../types/inputs.js';
// ---------------------------------------------------------------------------------------------
// Keys (pure)

export interface KeyParts {
  prefix: string;
  runnerOs: string;
  runnerArch: string;
  c2wVersion: string;
  target: string;
  targetArch: string;
  /** sha256 of the Dockerfile whose layers are built (see keyDockerfileSha256). */
  dockerfileSha256: string;
  /**
   * sha256 of c2w's Dockerfile before the allocator patch: the key of the entry every allocator
   * shares (the layers no allocator touches). Defaults to dockerfileSha256.
   */
  sharedDockerfileSha256?: string;
  buildArgs: KeyValue[];
  /** --debug-image changes the kernel and init layers, like a build arg. */
  debugImage: boolean;
  image: string;
}

/**
 * The Dockerfile hash that goes into the key: the patched Dockerfile for js, whose emscripten
 * stages the allocator changes; the unpatched one for wasi, which never builds those stages, so
 * a WASI allocator matrix shares one cache entry.
 */
export function keyDockerfileSha256(target: string, patched: string, source: string): string {
  return target === 'js' ? patched : source;
}

export interface CacheKeys {
  /** The allocator's entry (local: only what the shared entry lacks). */
  primary: string;
  /** Most specific first: another image, other build args, another Dockerfile. */
  restore: string[];
  /** The entry every allocator of the matrix shares (keyed on the unpatched Dockerfile). */
  shared: { primary: string; restore: string[] };
  /** buildx gha scope: shared by every image and build arg of one Dockerfile. */
  scope: string;
  /** buildx gha scope of the unpatched Dockerfile, imported and exported by every allocator. */
  sharedScope: string;
}

export const short = (text: string) => sha256Text(text).slice(0, 16);
export const safe = (text: string) => text.replace(/[^A-Za-z0-9._+-]/g, '_');

/**
 * The key holds what changes the cached layers, least specific first, so restore keys are
 * its prefixes: a changed image still restores the layers of the same build args, a changed
 * build arg those of the same Dockerfile, a changed allocator those of the same target.
 */
export function cacheKeys(p: KeyParts): CacheKeys {
  const base = [p.prefix, p.runnerOs, p.runnerArch, `c2w${p.c2wVersion}`, p.target, p.targetArch].map(safe).join('-');
  const argLines = p.buildArgs.map(({ key, value }) => `${key}=${value}`);
  if (p.debugImage) argLines.push('--debug-image');
  const chain = (base: string, kind: string, dockerfileSha256: string) => {
    const df = `${base}-${kind}df${dockerfileSha256.slice(0, 16)}`;
    const args = `${df}-args${short(argLines.join('\n'))}`;
    // The last restore key stops at `df`/`shareddf`, so neither chain restores the other's entries.
    return { primary: `${args}-img${short(p.image)}`, restore: [`${args}-`, `${df}-`, `${base}-${kind}df`], df };
  };
  const own = chain(base, '', p.dockerfileSha256);
  // Without the target: the kernel, the base images and the other stages neither output changes
  // are shared by the js and the wasi cells of a matrix as well.
  const sharedBase = [p.prefix, p.runnerOs, p.runnerArch, `c2w${p.c2wVersion}`, p.targetArch].map(safe).join('-');
  const shared = chain(sharedBase, 'shared', p.sharedDockerfileSha256 ?? p.dockerfileSha256);
  return {
    primary: own.primary,
    restore: own.restore,
    shared: { primary: shared.primary, restore: shared.restore },
    scope: own.df,
    sharedScope: shared.df,
  };
}

// ---------------------------------------------------------------------------------------------
// buildx flags (pure)

export interface CachePlan {
  mode: CacheMode;
  /** The folder restored into and saved from (local). */
  dir: string;
  /** The folder buildx exports into; swapped in for `dir` after a good build (local). */
  newDir: string;
  scope: string;
  /** gha: the scope every allocator imports and exports too. */
  sharedScope?: string;
  ref?: string;
  /** A cache was restored (any key). */
  restored: boolean;
  /** The exact primary key was restored: nothing to export or save. */
  exactHit: boolean;
  /** cache-save: false: import only; no --cache-to and no save. */
  readOnly?: boolean;
  /** local: the shared entry's key, and whether it was restored exactly (then it is not saved again). */
  shared?: { key: string; exactHit: boolean };
  /** local: restored from the hot entry only (hot-set.ts): import, no export, no save. */
  hot?: boolean;
  /** local: a whole restore whose build records which blobs it reads (hot-set.ts): no export. */
  learn?: boolean;
}

/** buildx quotes a CSV field that holds a comma or a quote. */
function csvField(field: string): string {
  return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function cacheFlags(plan: CachePlan): string[] {
  switch (plan.mode) {
    case 'none':
      return [];
    case 'local': {
      const flags: string[] = [];
      if (plan.restored) flags.push(`--cache-from=type=local,${csvField(`src=${plan.dir}`)}`);
      if (!plan.exactHit && !plan.readOnly && !plan.hot && !plan.learn)
        flags.push(`--cache-to=type=local,${csvField(`dest=${plan.newDir}`)},mode=max,ignore-error=true`);
      return flags;
    }
    // ignore-error: an export the service or registry refuses (a read-only token on a fork's pull
    // request, a 5xx, a denied push) must not fail a build that succeeded.
    // A second scope shared by every allocator: buildkit's gha backend stores each blob once under
    // its digest whatever the scope, and a scope is only the manifest naming them, so exporting to
    // both costs one small manifest, and a new allocator imports the allocator-free layers from it.
    case 'gha': {
      const scopes = [plan.scope, ...(plan.sharedScope && plan.sharedScope !== plan.scope ? [plan.sharedScope] : [])];
      return [
        ...scopes.map((scope) => `--cache-from=type=gha,scope=${scope}`),
        ...(plan.readOnly
          ? []
          : scopes.map((scope) => `--cache-to=type=gha,scope=${scope},mode=max,ignore-error=true`)),
      ];
    }
    case 'registry':
      return [
        `--cache-from=type=registry,ref=${plan.ref}`,
        ...(plan.readOnly ? [] : [`--cache-to=type=registry,ref=${plan.ref},mode=max,ignore-error=true`]),
      ];
  }
}
