// What the runner does not mask (the cell record artifact, step outputs, the job summary file)
// never holds a secret of the run: the token, the runner's service token, a password in
// c2w-download-url, or the value of a build-arg or smoke-env.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobSummary } from '../../../src/action/job-summary.js';
import { Outputs, outputsOf } from '../../../src/action/outputs.js';
import { classifyFailure } from '../../../src/c2w/failures.js';
import { registerSecrets } from '../../../src/config/inputs.js';
import { addRunnerSecrets, clearRedactions } from '../../../src/lib/redact.js';
import { renderMetadata } from '../../../src/record/metadata.js';
import { buildRecord, failureOf } from '../../../src/record/record.js';
import { newRunResult } from '../../../src/types/result.js';
import { captureOutput, testInputs } from '../../helpers.js';

const TOKEN = 'ghs_theJobTokenItself0123456789';
const RUNTIME = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.runtime';
const ARG = 'a-private-registry-password';
const ENV = 'smoke-env-api-key-42';
const PASSWORD = 'mirror-pass';

/** A failed build step that echoes everything it was given, as a careless RUN line does. */
const echoed = `process "/bin/sh -c echo $TOKEN $PASS" did not complete successfully: exit code: 1\n#7 0.2 ${TOKEN} ${ARG} ${ENV} ${RUNTIME} https://u:${PASSWORD}@mirror.example/c2w`;

describe('secrets in what the runner does not mask', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-secrets-'));
    process.env.GITHUB_OUTPUT = path.join(dir, 'output');
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary');
    fs.writeFileSync(process.env.GITHUB_OUTPUT, '');
    fs.writeFileSync(process.env.GITHUB_STEP_SUMMARY, '');
    captureOutput();
    addRunnerSecrets({ ACTIONS_RUNTIME_TOKEN: RUNTIME });
    registerSecrets(
      testInputs({
        githubToken: TOKEN,
        c2wDownloadUrl: `https://u:${PASSWORD}@mirror.example/c2w`,
        buildArgs: [
          { key: 'TOKEN', value: TOKEN },
          { key: 'PASS', value: ARG },
          { key: 'DEBUG', value: '1' },
          { key: 'BROKEN_ALLOCATOR', value: 'emmalloc' },
        ],
        smokeEnv: [{ key: 'API_KEY', value: ENV }],
      }),
    );
  });
  afterEach(() => {
    process.env = { ...saved };
    clearRedactions();
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const secrets = [TOKEN, RUNTIME, ARG, ENV, PASSWORD];

  it('the cell record: its failure message and line', () => {
    const error = new Error(echoed);
    const record = buildRecord(
      'cell',
      { image: 'alpine:3.20', target: 'wasi', targetArch: 'amd64', allocator: 'emmalloc' },
      {
        ...newRunResult(),
        stage: 'build',
        build: { rejectedAllocators: [{ allocator: 'dlmalloc', line: `#7 ${ARG}` }] },
      },
      failureOf('build', error, classifyFailure),
      { os: 'Linux', arch: 'X64' },
    );
    const text = JSON.stringify(record);
    for (const s of secrets) expect(text).not.toContain(s);
    expect(record.failure?.message).toContain('#7 0.2 *** *** *** ***');
    // An allocator's name given as a build arg is no secret: the allocators stay named.
    expect(record.allocator).toBe('emmalloc');
    expect(record.metadata.build.rejectedAllocators[0]?.allocator).toBe('dlmalloc');
    // A short value (DEBUG=1) is no secret: the exit code stays readable.
    expect(record.failure?.message).toContain('exit code: 1');
  });

  it('outputs, the metadata and the job summary', async () => {
    // A run whose rejected allocator and smoke boot printed the secrets.
    const result = newRunResult();
    result.build.rejectedAllocators = [{ allocator: 'emmalloc', line: `Assertion failed ${ARG}` }];
    result.smoke = {
      result: 'failed',
      node: { result: 'failed', runs: 1, secondsMedian: 1, secondsMax: 1, output: echoed },
    };
    const metadata = renderMetadata(result);
    const outputs = outputsOf(result, metadata);
    const summary = new JobSummary();
    summary.note(`rejected: ${ARG}`);
    await summary.write('c2w-action', metadata, echoed);
    const page = fs.readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(outputs[Outputs.Metadata]).toContain('exit code: 1');
    expect(page).toContain('smoke.node.output');
    for (const s of secrets) {
      expect(outputs[Outputs.Metadata]).not.toContain(s);
      expect(page).not.toContain(s);
    }
  });
});
