// Everything an integration test of the bundled action needs, started once per test file: the
// project's Docker engine, the c2w stand-in published as release v0.8.4 on a local release server,
// optionally the local Actions runtime (cache and artifact services), and `job()`, which runs the
// action's main and post steps like the runner (runner.ts) pointed at all of them.
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startActionsRuntime, type ActionsRuntime } from './actions-runtime.js';
import { packStandinRelease } from './c2w-release.js';
import { startEngine, type EngineEnv } from './engine.js';
import { startReleaseServer, type ReleaseServer } from './release-server.js';
import { runJob, runUses, type Job, type JobResult, type MultiJob, type MultiJobResult } from './runner.js';

export interface Harness {
  engine: EngineEnv;
  releases: ReleaseServer;
  /** Present when started with `runtime: true`. */
  runtime?: ActionsRuntime;
  /** A scratch folder for the test file. */
  dir: string;
  /**
   * Runs the action with these inputs (plus `c2w-download-url` pointing at the local release);
   * one tool cache per harness, as on one runner.
   */
  job(withInputs: Record<string, string>, options?: Omit<Job, 'with'>): Promise<JobResult>;
  /** Runs a job with several uses of the action (see runUses), each with `c2w-download-url` added. */
  uses(uses: Record<string, string>[], options?: Omit<MultiJob, 'uses'>): Promise<MultiJobResult>;
  stop(): Promise<void>;
}

export async function startHarness(options: { runtime?: boolean; name?: string } = {}): Promise<Harness> {
  const engine = await startEngine();
  const dir = mkdtempSync(path.join(os.tmpdir(), `c2w-${options.name ?? 'it'}-`));
  packStandinRelease(path.join(dir, 'releases', 'v0.8.4'), 'v0.8.4');
  const releases = await startReleaseServer(path.join(dir, 'releases'));
  const runtime = options.runtime ? await startActionsRuntime() : undefined;
  // The runtime's RUNNER_TEMP and GITHUB_WORKSPACE are for in-process library calls; a job has its own.
  const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...service } = runtime?.env ?? {};
  return {
    engine,
    releases,
    runtime,
    dir,
    job: (withInputs, jobOptions = {}) =>
      runJob({
        toolCache: path.join(dir, 'toolcache'),
        ...jobOptions,
        with: { 'c2w-download-url': releases.url, ...withInputs },
        env: { ...engine, ...service, ...jobOptions.env },
      }),
    uses: (uses, jobOptions = {}) =>
      runUses({
        toolCache: path.join(dir, 'toolcache'),
        ...jobOptions,
        uses: uses.map((withInputs) => ({ 'c2w-download-url': releases.url, ...withInputs })),
        env: { ...engine, ...service, ...jobOptions.env },
      }),
    stop: async () => {
      await runtime?.stop();
      await releases.close();
    },
  };
}
