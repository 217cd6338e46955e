// Runs the report action (report/action.yml → dist/report.js) as the runner does: its action.yml
// defaults and the workflow's `with:` as INPUT_*, file commands read back after the step, Node 24.
// One step, no post: the report action has none.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { NODE24, ROOT, parseFileCommand } from './runner.js';

export const REPORT_BUNDLE = path.join(ROOT, 'dist/report.js');

export interface ReportRun {
  exitCode: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

export async function runReport(withInputs: Record<string, string>, env: Record<string, string>): Promise<ReportRun> {
  const base = mkdtempSync(path.join(tmpdir(), 'c2w-report-'));
  const workspace = path.join(base, 'workspace');
  const runnerTemp = path.join(base, 'temp');
  for (const d of [workspace, runnerTemp]) mkdirSync(d, { recursive: true });
  const yml = parse(readFileSync(path.join(ROOT, 'report/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs)) {
    let value = spec.default ?? '';
    if (value === '${{ github.token }}') value = 'ghs_fakeTokenForTests0123456789';
    inputs[`INPUT_${name.toUpperCase()}`] = withInputs[name] ?? value;
  }
  const files = {
    GITHUB_OUTPUT: path.join(base, 'output'),
    GITHUB_STATE: path.join(base, 'state'),
    GITHUB_STEP_SUMMARY: path.join(base, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const childEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? base,
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'org/app',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'report',
    GITHUB_SERVER_URL: 'https://github.com',
    ...env,
    ...inputs,
    ...files,
  };
  const { exitCode, log } = await new Promise<{ exitCode: number; log: string }>((resolve, reject) => {
    const child = spawn(NODE24, [REPORT_BUNDLE], { env: childEnv, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? 1, log: text });
    });
  });
  return {
    exitCode,
    log,
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

/**
 * `log` as the runner shows it: every value of an `::add-mask::` line is `***` in the lines after
 * it (the runner masks from the moment it is told, not before), and the `::add-mask::` lines
 * themselves are not shown.
 */
export function maskedAsRunner(log: string): string {
  const masks: string[] = [];
  const shown: string[] = [];
  for (const line of log.split('\n')) {
    const m = /^::add-mask::(.*)$/.exec(line);
    if (m) {
      if (m[1]!.trim() !== '') masks.push(m[1]!);
      continue;
    }
    shown.push(masks.reduce((l, v) => l.split(v).join('***'), line));
  }
  return shown.join('\n');
}
