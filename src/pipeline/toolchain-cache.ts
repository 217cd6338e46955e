// The toolchain cache in a run (the pure parts are cache/toolchain.ts): before each build, either
// the flags that read the published cache of the combination (on a miss of the run's own cache),
// or, with toolchain-cache-push, the flags that publish to it; after the build, where its layers
// came from (read by cache/build-reading.ts); after a passing smoke boot, the record of the base images beside a published cache.
// Reading never fails a conversion: an absent, unreachable or unreadable cache is one info line.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { currentDigest, rawManifest } from '../buildx/imagetools.js';
import { builderFlags } from '../buildx/builder.js';
import { baseImages } from '../c2w/base-images.js';
import type { CachePlan } from '../cache/keys.js';
import {
  parseRecord,
  pinFlags,
  recordAnnotations,
  recordTag,
  toolchainRepository,
  toolchainTag,
} from '../cache/toolchain.js';
import { containerRegistry } from '../github/hosts.js';
import { run } from '../lib/exec.js';
import type { Inputs } from '../types/inputs.js';
import type { ToolchainResult } from '../types/caches.js';
import type { ToolchainCacheResult } from '../types/result.js';
import type { BuildReading } from '../cache/build-reading.js';
import type { Sink } from './sink.js';

export type { ToolchainResult };

export interface ToolchainPlan {
  /** `<repository>:<tag>` of the combination, when there is a repository. */
  ref?: string;
  flags: string[];
  /** Read (its cache-from is among the flags). */
  reading: boolean;
  publishing: boolean;
  /** The pinned base images (name as the Dockerfile writes it → digest). */
  pins: Map<string, string>;
  result: ToolchainResult;
}

/** A record push: a one-file image, built and pushed on the run's builder. */
const RECORD_PUSH_MS = 5 * 60_000;

export class ToolchainCache {
  readonly repository: string | undefined;
  /** What the toolchain cache did in this run (the run's result holds it). */
  readonly outcome: ToolchainCacheResult = { result: 'off' };

  constructor(
    private readonly inputs: Inputs,
    private readonly builder: string | undefined,
    private readonly canExport: boolean,
    private readonly sink: Sink,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.repository = toolchainRepository(inputs.toolchainCache, {
      ...(env.GITHUB_ACTION_REPOSITORY ? { actionRepository: env.GITHUB_ACTION_REPOSITORY } : {}),
      containerRegistry: containerRegistry(env),
    });
  }

  /** The flags of one build with `attempt.allocator`, from c2w's patched Dockerfile and the own cache's plan. */
  async plan(attempt: Inputs, c2wVersion: string, dockerfileText: string, own: CachePlan): Promise<ToolchainPlan> {
    const sink = this.sink;
    const repository = this.repository;
    const none: ToolchainPlan = { flags: [], reading: false, publishing: false, pins: new Map(), result: 'off' };
    if (repository === undefined) {
      if (attempt.toolchainCachePush)
        sink.warn(
          'toolchain-cache-push is on, but toolchain-cache: auto names no repository here (the action runs from a local path); nothing is published.',
        );
      this.outcome.result = 'off';
      return none;
    }
    const ref = `${repository}:${toolchainTag({ ...attempt, c2wVersion })}`;
    this.outcome.ref = ref;
    // A miss until the build says what the cache answered, or the publishing says it was published.
    this.outcome.result = 'miss';
    const bases = baseImages(dockerfileText, attempt.buildArgs);
    if (attempt.toolchainCachePush) {
      if (!this.canExport) {
        sink.warn(
          `toolchain-cache-push is on, but the builder cannot export a build cache; nothing is published to ${ref}.`,
        );
        this.outcome.result = 'publish-failed';
        return { ...none, ref, result: 'publish-failed' };
      }
      const pins = await this.resolve(bases);
      return {
        ref,
        flags: [
          `--cache-from=type=registry,ref=${ref}`,
          `--cache-to=type=registry,ref=${ref},mode=max,ignore-error=true`,
          ...pinFlags(pins),
        ],
        reading: true,
        publishing: true,
        pins,
        result: 'miss',
      };
    }
    if (own.exactHit) {
      sink.info(`The build cache was an exact hit; the toolchain cache ${ref} is not asked.`);
      this.outcome.result = 'not-asked';
      return { ...none, ref, result: 'not-asked' };
    }
    const answer = await rawManifest(
      `${repository}:${recordTag(ref.slice(repository.length + 1))}`,
      attempt.envPassthrough,
    );
    const record = answer.ok ? parseRecord(answer.value, ref) : answer.reason;
    if (typeof record === 'string') {
      sink.info(`No toolchain cache read from ${ref} (${record}); the build goes on without it.`);
      this.outcome.result = 'miss';
      return { ...none, ref, result: 'miss' };
    }
    // Only the bases this Dockerfile builds from; the others would be build contexts nothing uses.
    const pins = new Map([...record].filter(([name]) => bases.includes(name)));
    sink.info(
      `Reading the toolchain cache ${ref}` +
        (pins.size > 0
          ? `, with the base images pinned to the digests it was built from: ${[...pins].map(([n, d]) => `${n}@${d.slice(0, 19)}…`).join(', ')}.`
          : '.'),
    );
    return {
      ref,
      flags: [`--cache-from=type=registry,ref=${ref}`, ...pinFlags(pins)],
      reading: true,
      publishing: false,
      pins,
      result: 'hit',
    };
  }

  /**
   * After a good build: reports what the build said about the toolchain cache and where its layers
   * came from (`reading`, cache/build-reading.ts).
   */
  built(plan: ToolchainPlan, reading: BuildReading): void {
    const sink = this.sink;
    if (!plan.publishing)
      for (const trouble of reading.toolchainImports)
        sink.info(
          `The toolchain cache ${trouble.target} could not be read (BuildKit said: ${trouble.error}); the build went on without it.`,
        );
    const { layersFrom: from, stagesCached: reused, stagesBuilt: ran } = reading;
    if (!plan.publishing && plan.result !== 'off' && plan.result !== 'not-asked')
      this.outcome.result = reading.toolchainResult;
    sink.info(
      `Build steps: ${reused} from ${from === 'built' ? 'no cache' : from.replace(',', ' and ')}, ${ran} built.`,
    );
  }

  /**
   * After a passing smoke boot (`booted`): the record beside the published cache, which makes it
   * readable. Without one nothing is made readable: every conversion of the combination would
   * read layers no boot ever tried (input validation already refuses toolchain-cache-push without
   * a smoke boot; this holds whatever calls it).
   */
  async publish(
    plan: ToolchainPlan,
    reading: Pick<BuildReading, 'exported' | 'exportError'>,
    workDir: string,
    booted: boolean,
  ): Promise<void> {
    if (!plan.publishing || plan.ref === undefined || this.repository === undefined) return;
    const sink = this.sink;
    const ref = plan.ref;
    const fail = (why: string) => {
      sink.warn(
        `Could not publish the toolchain cache ${ref}: ${why}. The conversion succeeded; readers keep what was there before.`,
      );
      this.outcome.result = 'publish-failed';
    };
    if (!booted) return fail('no smoke boot passed, and only a build that booted is published');
    // Never a record for a cache this build did not write (an export that failed leaves the old one).
    if (!reading.exported)
      return fail(
        reading.exportError === undefined
          ? 'BuildKit did not finish the cache export to the registry (see its log above)'
          : `BuildKit could not export to the registry: ${reading.exportError}`,
      );
    const cache = await currentDigest(ref, this.inputs.envPassthrough);
    if (!cache.ok) return fail(`the cache export is not in the registry (${cache.reason})`);
    const dir = path.join(workDir, 'toolchain-record');
    await mkdir(dir, { recursive: true });
    const annotations = recordAnnotations(ref, this.inputs.c2wVersion, plan.pins);
    await writeFile(
      path.join(dir, 'record.json'),
      `${JSON.stringify({ cache: ref, cacheDigest: cache.value, bases: Object.fromEntries(plan.pins) }, null, 2)}\n`,
    );
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY record.json /\n');
    const target = `${this.repository}:${recordTag(ref.slice(this.repository.length + 1))}`;
    const result = await run(
      'docker',
      [
        'buildx',
        'build',
        ...builderFlags(this.builder),
        '--provenance=false',
        '--sbom=false',
        ...Object.entries(annotations).map(([k, v]) => `--annotation=manifest:${k}=${v}`),
        `--output=type=image,name=${target},push=true,oci-mediatypes=true`,
        dir,
      ],
      { timeoutMs: RECORD_PUSH_MS, envNeeds: { registryCredentials: true, passthrough: this.inputs.envPassthrough } },
    ).catch((err: Error) => ({ exitCode: -1, stdout: '', stderr: err.message }));
    if (result.exitCode !== 0)
      return fail(`pushing ${target} failed: ${(result.stderr.trim().split('\n').pop() ?? '').slice(0, 300)}`);
    sink.info(`Published the toolchain cache ${ref} (${cache.value}) with its record ${target}.`);
    this.outcome.digest = cache.value;
    this.outcome.result = 'published';
  }

  /** The digests the base images point to now; those not in a registry are left unpinned. */
  private async resolve(bases: string[]): Promise<Map<string, string>> {
    const answers = await Promise.all(
      bases.map(async (name) => [name, await currentDigest(name, this.inputs.envPassthrough)] as const),
    );
    const pins = new Map<string, string>();
    const unpinned: string[] = [];
    for (const [name, answer] of answers) {
      if (answer.ok) pins.set(name, answer.value);
      else unpinned.push(`${name} (${answer.reason})`);
    }
    if (pins.size > 0)
      this.sink.info(
        `Base images pinned for the published build: ${[...pins].map(([n, d]) => `${n}@${d}`).join(', ')}.`,
      );
    if (unpinned.length > 0)
      this.sink.info(`Base images left unpinned (not in a registry that answered): ${unpinned.join('; ')}.`);
    return pins;
  }
}
