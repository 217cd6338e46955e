// The hot cache entry (`cache: local`) through the whole harness on the small size-faithful stand-in
// (test/fixtures/c2w-scale): base images, toolchain builds, an emulator stage with -sMALLOC and image
// stages, packed as the c2w release. On fresh runners (BuildKit's cache pruned, the runner temp at
// the same path, emptied): a cold run saves the whole export; the first warm run of another image
// restores it whole, builds without exporting and saves the blobs its build read as the hot entry;
// the next restores only that, with every toolchain step CACHED; the cold run's image again
// rebuilds only its image stages; and a hot entry that lacks a layer it lists makes the run restore
// the whole cache. First: the access-time fact the hot set is learned from.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { packStandinRelease } from '../../harness/c2w-release.js';
import { stepCached } from '../../harness/buildlog.js';
import { metadataOf } from '../../harness/metadata.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { startReleaseServer } from '../../harness/release-server.js';
import { NODE24, ROOT, type JobResult } from '../../harness/runner.js';
import { useHarness } from '../../harness/use-harness.js';
import { blobAccess, markUnread } from '../../../src/cache/hot-set.js';
// @ts-expect-error: a plain ESM fixture script without types
import { scaleDockerfile, SIZES } from '../../fixtures/c2w-scale/dockerfile.mjs';

const exec = promisify(execFile);
const TOOLCHAIN = 'toolchain 1/1';
const KEY = 'hot';

const h = useHarness({ runtime: true, name: 'cache-hot' });
let url: string;
let runnerTemp: string;
const images: Record<string, string> = {};

async function docker(args: string[]): Promise<void> {
  await exec('docker', args, { env: withEngine(h.engine), timeout: 300_000 });
}

/** A fresh runner: BuildKit's cache pruned, the runner temp (same path every time) emptied. */
async function freshRunner(): Promise<void> {
  await docker(['buildx', 'prune', '-af']);
  rmSync(runnerTemp, { recursive: true, force: true });
  mkdirSync(runnerTemp, { recursive: true });
}

function job(image: string): Promise<JobResult> {
  return h.job(
    { image, 'cache-key': KEY, 'c2w-download-url': url, 'upload-artifact': 'false', smoke: 'false', record: 'false' },
    { runnerTemp, toolCache: path.join(h.dir, 'toolcache-scale') },
  );
}

beforeAll(async () => {
  const releases = path.join(h.dir, 'releases-scale');
  packStandinRelease(path.join(releases, 'v0.8.4'), 'v0.8.4', { dockerfile: scaleDockerfile(SIZES.small) });
  const server = await startReleaseServer(releases);
  url = server.url;
  runnerTemp = path.join(h.dir, 'runner');
  for (const name of ['a', 'b', 'c', 'd']) {
    const dir = path.join(h.dir, `image-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN --network=none echo ${name} > /id\n`);
    images[name] = `c2w-test/hot-${name}:1`;
    await docker(['buildx', 'build', '--provenance=false', '--load', '-t', images[name], dir]);
  }
  return () => server.close();
}, 600_000);

describe('the hot cache entry (cache: local)', () => {
  it('sees a read in the access time of a blob marked unread (relatime moves an atime older than the mtime)', async () => {
    const dir = path.join(h.dir, 'atime');
    const blobs = path.join(dir, 'blobs', 'sha256');
    mkdirSync(blobs, { recursive: true });
    writeFileSync(path.join(blobs, 'read'), 'x'.repeat(4096));
    writeFileSync(path.join(blobs, 'unread'), 'y'.repeat(4096));
    // Read once before marking, as BuildKit's restore and a relatime mount's first read would.
    await exec('cat', [path.join(blobs, 'read'), path.join(blobs, 'unread')]);
    expect(await markUnread(dir)).toBe(2);
    await exec('cat', [path.join(blobs, 'read')]);
    const access = Object.fromEntries((await blobAccess(dir)).map((b) => [b.name, b.read]));
    expect(access).toEqual({ read: true, unread: false });
  });

  it('a warm run on a fresh runner restores only what the image stages read, rebuilds the stages of an image it has seen, and restores the whole cache when the hot entry is damaged', async () => {
    await freshRunner();
    const cold = await job(images.a!);
    expect(cold.main.exitCode, cold.main.log).toBe(0);
    expect(cold.post?.log).toMatch(/Saved the shared build cache \(\d+ bytes\)/);
    const whole = Number(/Saved the shared build cache \((\d+) bytes\)/.exec(cold.post!.log)![1]);

    // The first warm run of another image restores the whole cache and learns what it reads.
    await freshRunner();
    const learn = await job(images.b!);
    expect(learn.main.exitCode, learn.main.log).toBe(0);
    expect(stepCached(learn.main.log, TOOLCHAIN)).toBe(true);
    expect(learn.main.log).not.toMatch(/--cache-to/);
    expect(learn.main.log).toMatch(/as the hot cache entry hot-hot-/);
    expect(metadataOf(learn.main.outputs).cache?.hot).toBe('learning');

    // The next one restores only the hot entry: far less than the whole, every toolchain step CACHED.
    await freshRunner();
    const hot = await job(images.c!);
    expect(hot.main.exitCode, hot.main.log).toBe(0);
    expect(hot.main.log).toMatch(/the layers a build of another image read \(hot-hot-/);
    expect(stepCached(hot.main.log, TOOLCHAIN)).toBe(true);
    expect(metadataOf(hot.main.outputs).cache?.restored?.bytes).toBeLessThan(whole * 0.8);
    expect(metadataOf(hot.main.outputs).cache?.hot).toBe('restored');
    expect(hot.main.log).not.toMatch(/--cache-to/);
    expect(hot.post?.log ?? '').not.toMatch(/Saved the/);

    // The cold run's own image again: the hot entry lacks its image stages' layers, and those
    // steps run again (as for any image) instead of failing on them and restoring the whole cache.
    await freshRunner();
    const again = await job(images.a!);
    expect(again.main.exitCode, again.main.log).toBe(0);
    expect(again.main.log).toMatch(/the layers a build of another image read \(hot-hot-/);
    expect(again.main.log).not.toMatch(/restoring the whole cache/);
    expect(again.main.log).not.toMatch(/ERROR: NotFound/);
    expect(stepCached(again.main.log, TOOLCHAIN)).toBe(true);

    // A newer hot entry lacking one layer it lists: the run restores the whole cache instead of
    // building from it (BuildKit would rebuild the steps of that layer, the Linux kernel here).
    const cacheDir = path.join(runnerTemp, 'c2w-action');
    const hotDir = path.join(
      cacheDir,
      readdirSync(cacheDir).find((n) => n.endsWith('-hot'))!,
    );
    const blobs = path.join(hotDir, 'blobs', 'sha256');
    const largest = readdirSync(blobs).sort(
      (x, y) => statSync(path.join(blobs, y)).size - statSync(path.join(blobs, x)).size,
    )[0]!;
    unlinkSync(path.join(blobs, largest));
    const prefix = metadataOf(hot.main.outputs).cache!.primaryKey!.replace(/img[0-9a-f]{16}$/, '');
    const { stdout } = await exec(
      NODE24,
      [path.join(ROOT, 'test/harness/actions-client.mjs'), 'cache-save', `hot-${prefix}imgffffffffffffffff`, hotDir],
      { cwd: ROOT, env: { ...process.env, ...h.runtime!.env }, maxBuffer: 1 << 26 },
    );
    expect(stdout).toMatch(/RESULT \{"cacheId":\d+/);
    await freshRunner();
    const widened = await job(images.d!);
    expect(widened.main.exitCode, widened.main.log).toBe(0);
    expect(widened.main.log).toMatch(
      new RegExp(`lacks 1 of the layers it lists \\(sha256:${largest}\\); restoring the whole cache`),
    );
    expect(widened.main.log).toMatch(/Build steps: \d+ from own-cache, \d+ built/);
    expect(widened.main.log).not.toMatch(/#\d+ ERROR: NotFound/);
    expect(stepCached(widened.main.log, TOOLCHAIN)).toBe(true);
  });
});
