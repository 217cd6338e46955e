// Publish stage: upload the converted wasm as a workflow artifact and, when a
// release tag is given, as a release asset with a `sha256sum` checksum file.
//
// Only runs after the conversion and the smoke boot passed (the caller's job). The heavy
// clients (@actions/artifact, @actions/github) are loaded with dynamic import() on the paths
// that need them, so a run that publishes nothing never pays for them.
import { isGhes, serverUrl } from '../github/hosts.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import type { Inputs, Target } from '../types/inputs.js';
import type { PublishResult } from '../types/result.js';
import { walkFolder } from '../lib/files.js';
import { artifactNameProblem, defaultArtifactName, defaultAssetName } from './names.js';
import { publishReleaseAsset, type ReleaseDeps } from './release-asset.js';
import { withTimeout } from '../lib/timeout.js';
import { runnerTemp } from '../lib/runner.js';

export interface Built {
  /** The wasm file (wasi) or the output directory (js). */
  path: string;
  target: Target;
  /** sha256 (hex) of the wasm file; for js, of the main wasm inside the directory. */
  sha256: string;
}

/** What publish did (types/result.ts): the artifact's id, URL and digest, the release asset's. */
export type Published = PublishResult;

/**
 * The name of an artifact uploaded without a zip (artifact-archive: false). @actions/artifact names
 * such an artifact after its file (skipArchive in upload-artifact.js), so the name ends in .wasm,
 * and the file is uploaded under that name.
 */
export function bareArtifactName(name: string): string {
  return name.endsWith('.wasm') ? name : `${name}.wasm`;
}

/** The wasm under the artifact's name: itself when it already has it, else a link (or copy) under RUNNER_TEMP. */
async function bareArtifactFile(wasm: string, name: string, runnerTemp: string): Promise<string> {
  if (path.basename(wasm) === name) return wasm;
  const file = path.join(runnerTemp, 'c2w-action', 'artifact', name);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.rm(file, { force: true });
  await fs.promises.link(wasm, file).catch(() => fs.promises.copyFile(wasm, file));
  return file;
}

/** The artifact's web page, built the way actions/upload-artifact builds its `artifact-url`. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number | string): string | undefined {
  const server = serverUrl(env);
  const repo = env.GITHUB_REPOSITORY;
  const run = env.GITHUB_RUN_ID;
  if (!repo || !run) return undefined;
  return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`;
}

/** The files of an artifact and their root: one wasm file, or every file under a js directory (walkFolder). */
export async function artifactFiles(built: Pick<Built, 'path' | 'target'>): Promise<{ files: string[]; root: string }> {
  const p = path.resolve(built.path);
  if (built.target === 'wasi' && fs.statSync(p).isFile()) {
    return { files: [p], root: path.dirname(p) };
  }
  // walkFolder's paths are below the folder's real path; the artifact names files relative to root.
  const root = fs.realpathSync(p);
  const files = (await walkFolder(root)).filter((e) => e.type === 'file').map((e) => e.abs);
  return { files, root };
}

// ---------------------------------------------------------------------------------------
// The stage

/** What the artifact path needs from @actions/artifact (a test can hand in its own). */
export interface ArtifactClientLike {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number; compressionLevel?: number; skipArchive?: boolean },
  ): Promise<{ id?: number; size?: number; digest?: string }>;
  deleteArtifact(name: string): Promise<{ id: number }>;
}

export interface PublishDeps extends ReleaseDeps {
  env?: NodeJS.ProcessEnv;
  artifactClient?: ArtifactClientLike;
  /**
   * Time limit of the artifact upload in ms (default 5 min plus 1 s per MiB of files), and of
   * deleting an earlier attempt's artifact (5 min). @actions/artifact has no time limit of its own.
   */
  artifactTimeoutMs?: number;
}

/**
 * Uploads the artifact (when `upload-artifact`) and the release asset (when `release-tag`), and
 * returns what it published. Each fact goes into `out` as soon as it is known (the run's result,
 * when the caller hands it in), so a release failure still leaves the artifact's in place.
 */
export async function publish(
  inputs: Inputs,
  built: Built,
  deps: PublishDeps = {},
  out: Published = {},
): Promise<Published> {
  const set = <K extends Exclude<keyof Published, 'releaseAssets'>>(key: K, value: string | undefined): void => {
    if (value !== undefined) out[key] = value;
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
        // Named after the allocator the cell asked for, so a cell that fell back to another
        // allocator does not take the name of the cell that asked for that one.
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
    set('assetPath', r.assetPath);
    out.releaseAssets = r.assets;
  }
  return out;
}

async function uploadWorkflowArtifact(
  inputs: Inputs,
  built: Built,
  deps: PublishDeps,
): Promise<{ id: string; url?: string; digest?: string } | undefined> {
  const env = deps.env ?? process.env;
  const archive = inputs.artifactArchive !== false;
  const given = inputs.artifactName || defaultArtifactName(inputs);
  const name = archive ? given : bareArtifactName(given);
  const invalid = artifactNameProblem(name);
  if (invalid) throw new Error(`artifact-name ${invalid}`);

  if (!deps.artifactClient && isGhes(env.GITHUB_SERVER_URL)) {
    log.warning(
      `Artifact upload skipped: ${env.GITHUB_SERVER_URL} is GitHub Enterprise Server, which has no artifact ` +
        `service for @actions/artifact v2+. The rest of the job goes on; use release-tag to publish instead.`,
    );
    return undefined;
  }

  let { files, root } = await artifactFiles(built);
  if (files.length === 0) throw new Error(`Nothing to upload: ${built.path} holds no files`);
  if (!archive) {
    if (built.target !== 'wasi' || files.length !== 1) {
      throw new Error('artifact-archive: false uploads a single .wasm file; a js output is a directory');
    }
    files = [await bareArtifactFile(files[0]!, name, runnerTemp(env))];
    root = path.dirname(files[0]!);
  }

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
        const del = await withTimeout(
          client.deleteArtifact(name),
          deps.artifactTimeoutMs ?? 300_000,
          `Deleting the artifact '${name}' of an earlier attempt`,
        );
        log.info(`Replaced artifact '${name}' from an earlier attempt (ID ${del.id})`);
      } catch (err) {
        if (errorName(err) !== 'ArtifactNotFoundError') throw err;
      }
    }
    const level = inputs.compressionLevel;
    log.info(
      `Uploading artifact '${name}': ` +
        (archive ? `${files.length} file(s), compression level ${level}` : 'the bare .wasm, not zipped') +
        (inputs.retentionDays ? `, retention ${inputs.retentionDays} days` : ''),
    );
    let bytes = 0;
    for (const f of files) bytes += fs.statSync(f).size;
    const res = await withTimeout(
      client.uploadArtifact(name, files, root, {
        compressionLevel: level,
        ...(archive ? {} : { skipArchive: true }),
        ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
      }),
      deps.artifactTimeoutMs ?? 300_000 + Math.ceil(bytes / 1_048_576) * 1000,
      `Uploading the artifact '${name}'`,
    );
    if (res.id === undefined) throw new Error(`Artifact upload of '${name}' returned no artifact ID`);
    const url = artifactUrl(env, res.id);
    log.info(`Artifact '${name}' uploaded: ID ${res.id}, ${res.size ?? '?'} bytes${url ? `, ${url}` : ''}`);
    return { id: String(res.id), url, digest: res.digest };
  } catch (err) {
    if (errorName(err) === 'GHESNotSupportedError') {
      log.warning(`Artifact upload skipped: ${(err as Error).message} The rest of the job goes on.`);
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
