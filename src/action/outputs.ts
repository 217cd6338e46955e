// Every output of the action, in one place (as actions/cache's src/constants.ts keeps its names),
// and how the run's result (types/result.ts) becomes them: the scalars a workflow branches on, and
// every figure in one `metadata` JSON (record/metadata.ts, docs/metadata.md), as
// docker/build-push-action keeps its figures in its `metadata` output. Nothing else spells an
// output's name (a unit test holds this list equal to action.yml's, and an eslint rule keeps this
// module to the front ends).
import type { Metadata } from '../record/metadata.js';
import type { RunResult } from '../types/result.js';

export enum Outputs {
  WasmPath = 'wasm-path',
  WasmSize = 'wasm-size',
  Sha256 = 'sha256',
  Allocator = 'allocator',
  C2wVersion = 'c2w-version',
  CacheHit = 'cache-hit',
  SmokeResult = 'smoke-result',
  SitePath = 'site-path',
  ArtifactId = 'artifact-id',
  ArtifactUrl = 'artifact-url',
  ArtifactDigest = 'artifact-digest',
  ReleaseId = 'release-id',
  ReleaseAssetUrl = 'release-asset-url',
  ReleaseChecksumUrl = 'release-checksum-url',
  AssetPath = 'asset-path',
  Metadata = 'metadata',
  Error = 'error',
}

/**
 * The outputs of `result` (all but `error`): each scalar the run learned, and the metadata. Pure.
 * The metadata is already redacted (record/metadata.ts); the scalars are the action's own figures,
 * checksums, names and URLs.
 */
export function outputsOf(result: RunResult, metadata: Metadata): Partial<Record<Outputs, string>> {
  const { build, publish } = result;
  const scalars: [Outputs, string | number | boolean | undefined][] = [
    [Outputs.WasmPath, build.wasmPath],
    [Outputs.WasmSize, build.wasmSize],
    [Outputs.Sha256, build.sha256],
    [Outputs.Allocator, build.allocator],
    [Outputs.C2wVersion, build.c2wVersion],
    [Outputs.CacheHit, result.cache?.hit],
    [Outputs.SmokeResult, result.smoke?.result],
    [Outputs.SitePath, result.site?.path],
    [Outputs.ArtifactId, publish?.artifactId],
    [Outputs.ArtifactUrl, publish?.artifactUrl],
    [Outputs.ArtifactDigest, publish?.artifactDigest],
    [Outputs.ReleaseId, publish?.releaseId],
    [Outputs.ReleaseAssetUrl, publish?.releaseAssetUrl],
    [Outputs.ReleaseChecksumUrl, publish?.releaseChecksumUrl],
    [Outputs.AssetPath, publish?.assetPath],
  ];
  const outputs: Partial<Record<Outputs, string>> = {};
  for (const [name, value] of scalars) if (value !== undefined) outputs[name] = String(value);
  outputs[Outputs.Metadata] = JSON.stringify(metadata);
  return outputs;
}
