// Publish stage (issue 6): upload the converted wasm as a workflow artifact and, when a
// release tag is given, as a release asset with a `sha256sum` checksum file.
//
// Only runs after the conversion and the smoke boot passed (the caller's job). The heavy
// clients (@actions/artifact, @actions/github) are loaded with dynamic import() on the paths
// that need them, so a run that publishes nothing never pays for them.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as core from '@actions/core';
import { Outputs } from './outputs.js';
import type { Inputs, Target } from './types.js';
import { publishReleaseAsset, type ReleaseDeps } from './release.js';

export interface Built {
  /** The wasm file (wasi) or the output directory (js). */
  path: string;
  target: Target;
  /** sha256 (hex) of the wasm file; for js, of the main wasm inside the directory. */
  sha256: string;
}

export interface PublishOutputs {
  artifactId?: string;
  artifactUrl?: string;
  artifactDigest?: string;
  releaseId?: string;
  releaseAssetUrl?: string;
  releaseChecksumUrl?: string;
}

/** Maps each PublishOutputs field to the action output it is published as. */
export const OUTPUT_NAMES: Record<keyof PublishOutputs, Outputs> = {
  artifactId: Outputs.ArtifactId,
  artifactUrl: Outputs.ArtifactUrl,
  artifactDigest: Outputs.ArtifactDigest,
  releaseId: Outputs.ReleaseId,
  releaseAssetUrl: Outputs.ReleaseAssetUrl,
  releaseChecksumUrl: Outputs.ReleaseChecksumUrl,
};
/**
 * Default zip compression level of the artifact. Chosen by bench/publish.bench.mjs (see
 * bench/RESULTS.md): level 1 stores a c2w-like 200 MB wasm within a few percent of level 6/9
 * at a fraction of the CPU time.
 */
export const DEFAULT_COMPRESSION_LEVEL = 1;

// ---------------------------------------------------------------------------------------
// Pure name derivations and validation

/** Characters the artifact service refuses in a name (as @actions/artifact checks them). */
const INVALID_ARTIFACT_NAME_CHARS: [string, string][] = [
  ['"', 'double quote "'],
  [':', 'colon :'],
  ['<', 'less than <'],
  ['>', 'greater than >'],
  ['|', 'vertical bar |'],
  ['*', 'asterisk *'],
  ['?', 'question mark ?'],
  ['\r', 'carriage return \\r'],
  ['\n', 'line feed \\n'],
  ['\\', 'backslash \\'],
  ['/', 'forward slash /'],
];

/** Error message for a user-given artifact name, or undefined when the service accepts it. */
export function validateArtifactName(name: string): string | undefined {
  if (name.trim() === '') return 'artifact-name is empty';
  const bad = INVALID_ARTIFACT_NAME_CHARS.filter(([ch]) => name.includes(ch)).map(([, label]) => label);
  if (bad.length > 0) {
    return (
      `artifact-name ${JSON.stringify(name)} contains ${bad.join(', ')}; artifact names cannot contain ` +
      `" : < > | * ? \\ / or CR/LF (the artifact service refuses them)`
    );
  }
  return undefined;
}

/**
 * Error message for a user-given release asset name, or undefined. GitHub silently renames
 * asset names with characters outside [A-Za-z0-9._+-] or a leading/trailing period; the
 * action then could not find its own asset again on a re-run, so such names are refused.
 */
export function validateAssetName(name: string): string | undefined {
  if (name === '') return 'asset-name is empty';
  const bad = [...new Set(name.replace(/[A-Za-z0-9._+-]/g, ''))];
  if (bad.length > 0) {
    return (
      `asset-name ${JSON.stringify(name)} contains ${bad.map((c) => JSON.stringify(c)).join(' ')}; ` +
      `use only letters, digits and . _ + - (GitHub renames other characters)`
    );
  }
  if (name.startsWith('.') || name.endsWith('.')) {
    return `asset-name ${JSON.stringify(name)} starts or ends with a period (GitHub renames such assets)`;
  }
  return undefined;
}

const MAX_IMAGE_PART = 80;

/** The image reference in safe characters: `ghcr.io/org/app:1.0` -> `ghcr.io_org_app-1.0`. */
export function safeImagePart(image: string): string {
  let ref = image.trim();
  let digest = '';
  const at = ref.indexOf('@');
  if (at >= 0) {
    const d = ref.slice(at + 1);
    ref = ref.slice(0, at);
    const m = /^([a-z0-9]+):([0-9a-f]+)$/i.exec(d);
    digest = m ? `${m[1]}-${m[2]!.slice(0, 12)}` : d;
  }
  // The registry default and the official-image namespace carry no information.
  ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  let s = ref.replaceAll('/', '_') + (digest ? `-${digest}` : '');
  s = sanitize(s);
  if (s.length > MAX_IMAGE_PART) {
    // Keep names distinct when long references share a prefix.
    const h = createHash('sha256').update(image).digest('hex').slice(0, 8);
    s = `${s.slice(0, MAX_IMAGE_PART - 9).replace(/[-_.]+$/, '')}-${h}`;
  }
  return s || 'image';
}

/** Only [A-Za-z0-9._-]: other runs become `-`; no leading/trailing separators. */
function sanitize(s: string): string {
  return s
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
}

type NameInputs = Pick<Inputs, 'image' | 'targetArch' | 'target' | 'allocator'>;

/**
 * Default artifact name: distinct for every matrix cell over image, target-arch, target and
 * allocator, with no configuration. `alpine:3.20` amd64 wasi emmalloc -> `alpine-3.20-amd64-wasi-emmalloc`.
 */
export function defaultArtifactName(inputs: NameInputs): string {
  const arch = sanitize(inputs.targetArch.replaceAll('/', '_')) || 'arch';
  return [safeImagePart(inputs.image), arch, inputs.target, inputs.allocator].join('-');
}

/** Default release asset name: the artifact name with `.wasm` (wasi) or `.tar.gz` (js). */
export function defaultAssetName(inputs: NameInputs): string {
  return defaultArtifactName(inputs) + assetExtension(inputs.target);
}

export function assetExtension(target: Target): string {
  return target === 'js' ? '.tar.gz' : '.wasm';
}

/** The artifact's web page, built the way actions/upload-artifact builds its `artifact-url`. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number | string): string | undefined {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const run = env.GITHUB_RUN_ID;
  if (!repo || !run) return undefined;
  return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`;
}

/** True when GITHUB_SERVER_URL is a GitHub Enterprise Server (same rule as @actions/artifact). */
export function isGhes(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
  } catch {
    return false;
  }
  return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}

/** The files of an artifact and their root: one wasm file, or every file under a js directory. */
export function artifactFiles(built: Pick<Built, 'path' | 'target'>): { files: string[]; root: string } {
  const p = path.resolve(built.path);
  if (built.target === 'wasi' && fs.statSync(p).isFile()) {
    return { files: [p], root: path.dirname(p) };
  }
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(full).isFile())) files.push(full);
    }
  };
  walk(p);
  return { files, root: p };
}

// ---------------------------------------------------------------------------------------
// The stage

/** What the artifact path needs from @actions/artifact (a test can hand in its own). */
export interface ArtifactClientLike {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number; compressionLevel?: number },
  ): Promise<{ id?: number; size?: number; digest?: string }>;
  deleteArtifact(name: string): Promise<{ id: number }>;
}

export interface PublishDeps extends ReleaseDeps {
  env?: NodeJS.ProcessEnv;
  artifactClient?: ArtifactClientLike;
  /** Receives each output as soon as it is known (default: core.setOutput). */
  onOutput?: (name: Outputs, value: string) => void;
}

/**
 * Uploads the artifact (when `upload-artifact`) and the release asset (when `release-tag`).
 * Each output is set with core.setOutput as soon as it is known, so a release failure still
 * leaves the artifact outputs in place; the same values are returned.
 */
export async function publish(inputs: Inputs, built: Built, deps: PublishDeps = {}): Promise<PublishOutputs> {
  const out: PublishOutputs = {};
  const set = <K extends keyof PublishOutputs>(key: K, value: string | undefined): void => {
    if (value === undefined) return;
    out[key] = value;
    (deps.onOutput ?? core.setOutput)(OUTPUT_NAMES[key], value);
  };

  if (inputs.uploadArtifact) {
    const a = await uploadWorkflowArtifact(inputs, built, deps);
    if (a) {
      set('artifactId', a.id);
      set('artifactUrl', a.url);
      set('artifactDigest', a.digest);
    }
  }

  if (inputs.releaseTag || inputs.releaseId !== undefined) {
    const r = await publishReleaseAsset(
      {
        token: inputs.githubToken,
        tag: inputs.releaseTag ?? '',
        ...(inputs.releaseId !== undefined ? { releaseId: inputs.releaseId } : {}),
        create: inputs.releaseCreate,
        overwrite: inputs.releaseOverwrite,
        assetName: inputs.assetName || defaultAssetName(inputs),
        path: built.path,
        target: built.target,
        sha256: built.sha256,
        repository: (deps.env ?? process.env).GITHUB_REPOSITORY,
      },
      deps,
    );
    set('releaseId', String(r.releaseId));
    set('releaseAssetUrl', r.assetUrl);
    set('releaseChecksumUrl', r.checksumUrl);
  }
  return out;
}

async function uploadWorkflowArtifact(
  inputs: Inputs,
  built: Built,
  deps: PublishDeps,
): Promise<{ id: string; url?: string; digest?: string } | undefined> {
  const env = deps.env ?? process.env;
  const name = inputs.artifactName || defaultArtifactName(inputs);
  const invalid = validateArtifactName(name);
  if (invalid) throw new Error(invalid);

  if (!deps.artifactClient && isGhes(env.GITHUB_SERVER_URL)) {
    core.warning(
      `Artifact upload skipped: ${env.GITHUB_SERVER_URL} is GitHub Enterprise Server, which has no artifact ` +
        `service for @actions/artifact v2+. The rest of the job goes on; use release-tag to publish instead.`,
    );
    return undefined;
  }

  const { files, root } = artifactFiles(built);
  if (files.length === 0) throw new Error(`Nothing to upload: ${built.path} holds no files`);

  let client = deps.artifactClient;
  if (!client) {
    const mod = await import('@actions/artifact');
    client = new mod.DefaultArtifactClient();
  }

  try {
    // A re-run (attempt 2 and later) would hit a 409 on the name its first attempt uploaded:
    // replace it, as upload-artifact's `overwrite: true` does. In a first attempt the name can
    // only be taken by another job or matrix cell of this run, whose artifact must not be deleted.
    if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1) {
      try {
        const del = await client.deleteArtifact(name);
        core.info(`Replaced artifact '${name}' from an earlier attempt (ID ${del.id})`);
      } catch (err) {
        if (errorName(err) !== 'ArtifactNotFoundError') throw err;
      }
    }
    const level = inputs.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL;
    core.info(
      `Uploading artifact '${name}': ${files.length} file(s), compression level ${level}` +
        (inputs.retentionDays ? `, retention ${inputs.retentionDays} days` : ''),
    );
    const res = await client.uploadArtifact(name, files, root, {
      compressionLevel: level,
      ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
    });
    if (res.id === undefined) throw new Error(`Artifact upload of '${name}' returned no artifact ID`);
    const url = artifactUrl(env, res.id);
    core.info(`Artifact '${name}' uploaded: ID ${res.id}, ${res.size ?? '?'} bytes${url ? `, ${url}` : ''}`);
    return { id: String(res.id), url, digest: res.digest };
  } catch (err) {
    if (errorName(err) === 'GHESNotSupportedError') {
      core.warning(`Artifact upload skipped: ${(err as Error).message} The rest of the job goes on.`);
      return undefined;
    }
    if (/\b409\b|already exists|conflict/i.test((err as Error).message)) {
      throw new Error(
        `An artifact named '${name}' already exists in this workflow run (another job or matrix cell uploaded it). ` +
          `Give each job its own artifact-name, or leave artifact-name empty to derive one per matrix cell. (${(err as Error).message})`,
      );
    }
    throw err;
  }
}

function errorName(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}
