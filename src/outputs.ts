// Every output of the action, in one place (as actions/cache's src/constants.ts keeps its names).
// Nothing else spells an output's name; a unit test holds this list equal to action.yml's.
export enum Outputs {
  WasmPath = 'wasm-path',
  WasmSize = 'wasm-size',
  Sha256 = 'sha256',
  Allocator = 'allocator',
  RejectedAllocators = 'rejected-allocators',
  C2wVersion = 'c2w-version',
  BuildSeconds = 'build-seconds',
  CacheHit = 'cache-hit',
  CachePrimaryKey = 'cache-primary-key',
  CacheMatchedKey = 'cache-matched-key',
  CacheSize = 'cache-size',
  SmokeResult = 'smoke-result',
  SmokeSeconds = 'smoke-seconds',
  SmokeOutput = 'smoke-output',
  ArtifactId = 'artifact-id',
  ArtifactUrl = 'artifact-url',
  ArtifactDigest = 'artifact-digest',
  ReleaseId = 'release-id',
  ReleaseAssetUrl = 'release-asset-url',
  ReleaseChecksumUrl = 'release-checksum-url',
}
