// Release asset half of the publish stage: find (or create, as a draft) the release of a tag,
// upload the wasm (a deterministic .tar.gz for js, see tarball.ts) and `<asset>.sha256`. The REST
// calls are in github/releases.ts, what their failures mean in github/errors.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import { sha256File } from '../lib/hash.js';
import { gib, RELEASE_ASSET_LIMIT } from '../lib/limits.js';
import { FileBody, ReleaseApi, ReleaseError, type ReleaseApiOptions } from '../github/releases.js';
import type { Target } from '../types/inputs.js';
import { runnerTemp } from '../lib/runner.js';

export { ReleaseError } from '../github/releases.js';

/** Limits of the REST calls (see ReleaseApiOptions); tests shrink them. */
export type ReleaseDeps = Pick<
  ReleaseApiOptions,
  'env' | 'requestTimeoutMs' | 'retryUnitMs' | 'maxRateLimitWaitSeconds' | 'writeSpacingMs'
>;

export interface ReleaseRequest {
  token: string;
  /** The release tag; ignored when releaseId is given. */
  tag: string;
  /** An existing release to upload to (the release-id input). */
  releaseId?: number;
  create: boolean;
  overwrite: boolean;
  assetName: string;
  /** The wasm file (wasi) or the directory (js) to publish. */
  path: string;
  target: Target;
  /** sha256 of the wasm as the convert stage computed it (checked against the file for wasi). */
  sha256: string;
  /** `owner/repo`, normally GITHUB_REPOSITORY. */
  repository: string | undefined;
}

export interface ReleaseResult {
  releaseId: number;
  assetUrl: string;
  checksumUrl: string;
  /** The file uploaded as the asset, kept for a later step (e.g. a provenance attestation). */
  assetPath: string;
  /** The names of the assets put on the release: the asset and its checksum. */
  assets: string[];
}

/**
 * Where the .tar.gz of a js directory is written and kept after the upload: under RUNNER_TEMP
 * (which the runner empties after the job), named as the asset, so a later step of the job can
 * attest exactly the bytes that were uploaded.
 */
export function releaseTarballPath(runnerTemp: string, assetName: string): string {
  return path.join(runnerTemp, 'c2w-action', 'release', assetName);
}

export async function publishReleaseAsset(req: ReleaseRequest, deps: ReleaseDeps = {}): Promise<ReleaseResult> {
  const env = deps.env ?? process.env;
  if (!req.token)
    throw new ReleaseError('github-token is empty: a token with contents: write is needed for release-tag');
  log.mask(req.token);
  const [owner, repo] = (req.repository ?? '').split('/');
  if (!owner || !repo)
    throw new ReleaseError(`GITHUB_REPOSITORY is not set as owner/repo (got ${JSON.stringify(req.repository ?? '')})`);

  // What is uploaded: the wasm itself, or a deterministic .tar.gz of the js directory.
  let file = path.resolve(req.path);
  if (req.target === 'js') {
    file = releaseTarballPath(runnerTemp(env), req.assetName);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // tar-stream is loaded only on this path, like the other heavy modules.
    const { writeDeterministicTarGz } = await import('./tarball.js');
    await writeDeterministicTarGz(req.path, file);
  }
  {
    const size = fs.statSync(file).size;
    if (size >= RELEASE_ASSET_LIMIT) throw new ReleaseError(assetTooLarge(req.assetName, size));
    const sha256 = await sha256File(file);
    if (req.target === 'wasi' && req.sha256 && sha256 !== req.sha256.toLowerCase()) {
      throw new ReleaseError(
        `${file} changed after conversion: sha256 ${sha256}, expected ${req.sha256}; refusing to publish it`,
      );
    }

    const api = await ReleaseApi.connect({ ...deps, env, token: req.token, repository: `${owner}/${repo}` });
    const release = await api.findOrCreateRelease(req.tag, req.create, req.releaseId);
    log.info(`Release ${release.tag_name}: id ${release.id}${release.draft ? ' (draft)' : ''}`);

    const asset = await api.putAsset(release, req.assetName, req.overwrite, {
      size,
      contentType: req.target === 'js' ? 'application/gzip' : 'application/wasm',
      body: new FileBody(file),
    });
    const checksumName = `${req.assetName}.sha256`;
    const checksum = Buffer.from(sha256sumLine(sha256, req.assetName));
    const sum = await api.putAsset(release, checksumName, req.overwrite, {
      size: checksum.length,
      contentType: 'text/plain',
      body: checksum,
    });
    return {
      releaseId: release.id,
      assetUrl: asset.browser_download_url,
      checksumUrl: sum.browser_download_url,
      assetPath: file,
      assets: [req.assetName, checksumName],
    };
  }
}

/**
 * Why an asset of `size` bytes is not uploaded: GitHub takes release files under 2 GiB each
 * (RELEASE_ASSET_LIMIT). Checked before any call, so an upload that cannot succeed neither starts
 * nor leaves a release or a half asset behind.
 */
export function assetTooLarge(name: string, size: number): string {
  return (
    `The release asset ${name} is ${gib(size)} (${size} bytes); GitHub takes release files under ` +
    `${gib(RELEASE_ASSET_LIMIT)} each, so it was not uploaded and the release was left as it was. ` +
    `A workflow artifact (upload-artifact: true, the default) has no such limit per file.`
  );
}

/** One line as `sha256sum` prints it (text mode: two spaces). */
export function sha256sumLine(hex: string, name: string): string {
  return `${hex}  ${name}\n`;
}
