// One stage of the action's work on an output, run alone in this process so that its peak resident
// memory (VmHWM of /proc/self/status) is the action's for that stage. Bundled
// by output.bench.mjs with esbuild (the sources import `.js` specifiers that Node's type stripping does
// not map to `.ts`); run as `node bench/.build/output-stage.mjs STAGE FILE WORKDIR`, it prints one
// JSON line: { stage, seconds, maxRssKiB, ... }.
//
// Stages: load (the modules only, the floor), hash, hash-stream (as main hashed before: a read
// stream), stage-copy (the smoke boot's scratch copy as it
// was made before: a FICLONE copy), stage (stageOutput as it is now), boot (runSmoke of the module,
// the child being the bundle), site (writeSite), artifact (publish() with upload-artifact, to the
// local Actions runtime whose variables are in the environment), release (publish() with a release
// tag, to the GitHub REST stand-in at GITHUB_API_URL), release-fetch (the asset's bytes through
// fetch, as they were sent before).
import { createHash } from 'node:crypto';
import { constants, createReadStream, readFileSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { FileBody, ReleaseApi } from '../src/github/releases.js';
import { sha256File } from '../src/lib/hash.js';
import { publish } from '../src/publish/publish.js';
import { runSmoke } from '../src/smoke/boot.js';
import { GUARD_FILE, GUARD_SOURCE, stageOutput } from '../src/smoke/sandbox.js';
import { writeSite } from '../src/site/site.js';
import type { Inputs } from '../src/types/inputs.js';

const [stage, fileArg, workArg] = process.argv.slice(2);
if (!stage || !fileArg || !workArg) throw new Error('usage: output-stage.mjs STAGE FILE WORKDIR');
const file = resolve(fileArg);
const work = resolve(workArg);

/** The smoke boot's scratch copy as main made it before the link: a copy-on-write clone or a copy. */
async function stageByCopy(path: string): Promise<string> {
  const home = await mkdtemp(join(work, 'c2w-smoke-'));
  const dir = join(home, 'box');
  await mkdir(dir, { mode: 0o755 });
  await writeFile(join(dir, GUARD_FILE), GUARD_SOURCE, { flag: 'wx', mode: 0o644 });
  const copy = join(dir, basename(path));
  await copyFile(path, copy, constants.COPYFILE_FICLONE);
  await chmod(copy, 0o644);
  return home;
}

const inputs = (more: Partial<Inputs>): Inputs =>
  ({
    image: 'bench/output:1',
    target: 'wasi',
    allocator: 'dlmalloc',
    uploadArtifact: false,
    artifactArchive: true,
    artifactName: process.env.BENCH_ARTIFACT ?? 'bench-output',
    compressionLevel: 6,
    retentionDays: 0,
    githubToken: process.env.BENCH_TOKEN ?? '',
    releaseCreate: true,
    releaseOverwrite: true,
    assetName: 'bench.wasm',
    ...more,
  }) as Inputs;

const extra: Record<string, unknown> = {};
const t0 = performance.now();
switch (stage) {
  case 'load':
    break;
  case 'hash':
    extra.sha256 = await sha256File(file);
    break;
  case 'hash-stream': {
    // As main hashed before: a read stream piped into the hash.
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    extra.sha256 = hash.digest('hex');
    break;
  }
  case 'stage-copy':
    await rm(await stageByCopy(file), { recursive: true, force: true });
    break;
  case 'stage': {
    const staged = await stageOutput(file, work);
    await staged.remove();
    break;
  }
  case 'boot': {
    const r = await runSmoke({
      target: 'wasi',
      path: file,
      command: ['echo', 'c2w-bench-ok'],
      expect: { source: 'c2w-bench-ok', flags: '' },
      timeoutSeconds: 300,
      env: [],
      allocator: 'dlmalloc',
      childEntry: resolve('dist/index.js'),
      scratchDir: work,
    });
    if (r.result !== 'passed') throw new Error(`boot ${r.result}: ${r.message}`);
    extra.childPeakRssKiB = r.peakRssKiB;
    extra.sandbox = r.sandbox?.kind === 'namespaces' ? r.sandbox.via : 'none';
    break;
  }
  case 'site': {
    const dir = join(work, 'site');
    const site = await writeSite({ target: 'wasi', output: file, dir, root: { dir: work, name: 'the bench folder' } });
    extra.siteBytes = site.bytes;
    await rm(dir, { recursive: true, force: true });
    break;
  }
  case 'artifact': {
    const out = await publish(inputs({ uploadArtifact: true }), { path: file, target: 'wasi', sha256: '' });
    extra.artifactId = out.artifactId;
    break;
  }
  case 'release': {
    const out = await publish(inputs({ releaseTag: 'v-bench' }), {
      path: file,
      target: 'wasi',
      sha256: process.env.BENCH_SHA256 ?? '',
    });
    extra.releaseId = out.releaseId;
    break;
  }
  case 'release-fetch': {
    // The upload as it was sent before: the file's bytes through fetch (the one @actions/github
    // gives Octokit), to the same release on the same stand-in.
    const api = await ReleaseApi.connect({
      token: process.env.BENCH_TOKEN ?? '',
      repository: process.env.GITHUB_REPOSITORY ?? '',
      env: process.env,
    });
    const release = await api.findOrCreateRelease('v-bench-fetch', true);
    const { defaults } = await import('@actions/github/lib/utils');
    const fetchOf = (defaults.request as { fetch?: typeof fetch } | undefined)?.fetch ?? fetch;
    const url = release.upload_url.replace(/\{.*\}$/, `?name=fetch-${Date.now()}.wasm`);
    const res = await fetchOf(url, {
      method: 'POST',
      body: new FileBody(file) as unknown as BodyInit,
      headers: {
        authorization: `token ${process.env.BENCH_TOKEN ?? ''}`,
        'content-type': 'application/wasm',
        'content-length': String(statSync(file).size),
      },
      duplex: 'half',
    } as RequestInit);
    if (res.status !== 201) throw new Error(`release-fetch: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    break;
  }
  default:
    throw new Error(`unknown stage ${stage}`);
}
const seconds = (performance.now() - t0) / 1000;
// VmHWM, the peak of this process's own memory map; not getrusage's maxrss, which Linux carries over
// from the process that forked it across exec (the bench, with its services, is larger).
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
const maxRssKiB = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ stage, seconds, maxRssKiB, ...extra })}\n`);
