import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { METADATA_SCHEMA } from '../../../src/record/metadata.js';
import { RECORD_SCHEMA, type CellRecord } from '../../../src/record/record.js';
import { recordArtifactName, uploadRecord } from '../../../src/record/record-artifact.js';
import { captureOutput } from '../../helpers.js';
import { actionLog } from '../../../src/action/log.js';
import { setLog } from '../../../src/lib/log.js';

// What these tests read is the job log, as the action writes it.
let restoreLog: () => void = () => undefined;
beforeAll(() => {
  restoreLog = setLog(actionLog);
});
afterAll(() => restoreLog());

const record: CellRecord = {
  schema: RECORD_SCHEMA,
  cell: 'alpine-3.20-amd64-wasi-emmalloc',
  image: 'alpine:3.20',
  target: 'wasi',
  targetArch: 'amd64',
  allocator: 'emmalloc',
  result: 'passed',
  stage: 'done',
  metadata: { schema: METADATA_SCHEMA, build: { rejectedAllocators: [] } },
  runner: { os: 'Linux', arch: 'X64' },
};

afterEach(() => vi.restoreAllMocks());

describe('uploadRecord', () => {
  it('names the artifact after the cell', () => {
    expect(recordArtifactName(record.cell)).toBe('c2w-record-alpine-3.20-amd64-wasi-emmalloc');
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ['no runtime token (a runner outside Actions)', { ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' }],
    ['no results service', { ACTIONS_RUNTIME_TOKEN: 't' }],
    [
      'GitHub Enterprise Server',
      {
        ACTIONS_RUNTIME_TOKEN: 't',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/',
        GITHUB_SERVER_URL: 'https://ghes.example',
      },
    ],
  ])('without an artifact service (%s) says so and warns of nothing', async (_name, env) => {
    const log = captureOutput();
    await uploadRecord(record, env);
    const text = log.take();
    expect(text).toContain(
      'No artifact service in this job: the cell record c2w-record-alpine-3.20-amd64-wasi-emmalloc',
    );
    expect(text).not.toContain('::warning::');
  });
});
