// The report action closing a release pipeline, against the REST stand-in (test/harness/github-api.ts,
// which replaces GitHub's releases API): the draft the cells filled is published only when every cell
// passed and every cell's asset and .sha256 are on it; otherwise it names what is missing and leaves
// the draft alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METADATA_SCHEMA } from '../../../src/record/metadata.js';
import { RECORD_SCHEMA, type CellRecord } from '../../../src/record/record.js';
import { publishDraft } from '../../../src/report/release-gate.js';
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js';
import { captureOutput } from '../../helpers.js';

let api: GitHubApi;
const saved = { repo: process.env.GITHUB_REPOSITORY, url: process.env.GITHUB_API_URL };

beforeEach(async () => {
  api = await startGitHubApi();
  process.env.GITHUB_REPOSITORY = `${api.owner}/${api.repo}`;
  process.env.GITHUB_API_URL = api.url;
  captureOutput();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await api.stop();
  for (const [k, v] of [
    ['GITHUB_REPOSITORY', saved.repo],
    ['GITHUB_API_URL', saved.url],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const cell = (allocator: string, over: Partial<CellRecord> = {}): CellRecord => ({
  schema: RECORD_SCHEMA,
  cell: `app-amd64-js-${allocator}`,
  image: 'app',
  target: 'js',
  targetArch: 'amd64',
  allocator,
  result: 'passed',
  stage: 'done',
  metadata: {
    schema: METADATA_SCHEMA,
    build: { rejectedAllocators: [] },
    publish: { releaseId: '1', releaseAssets: [`${allocator}.tar.gz`, `${allocator}.tar.gz.sha256`] },
  },
  runner: { os: 'Linux', arch: 'X64' },
  ...over,
});
const asset = (name: string) => ({ name, data: Buffer.from(name) });

describe('publishing the draft the matrix filled', () => {
  it('publishes the oldest draft of the tag when every cell passed and uploaded both files', async () => {
    const draft = api.addRelease({
      tag_name: 'v1.0.0',
      draft: true,
      assets: ['e', 'd'].flatMap((a) => [asset(`${a}.tar.gz`), asset(`${a}.tar.gz.sha256`)]),
    });
    await publishDraft({ tag: 'v1.0.0', token: api.token, records: [cell('e'), cell('d')] });
    expect(api.releases.find((r) => r.id === draft.id)?.draft).toBe(false);
  });

  it.each<[string, CellRecord[], RegExp]>([
    [
      'a checksum is missing',
      [
        cell('e'),
        cell('d', {
          metadata: {
            schema: METADATA_SCHEMA,
            build: { rejectedAllocators: [] },
            publish: { releaseId: '1', releaseAssets: ['d.tar.gz', 'd.tar.gz.sha256', 'd.extra'] },
          },
        }),
      ],
      /app-amd64-js-d: d\.extra not on the draft/,
    ],
    [
      'a cell failed',
      [cell('e'), cell('d', { result: 'failed', stage: 'smoke', failure: { class: 'allocator', message: '' } })],
      /app-amd64-js-d: the cell failed at smoke \(allocator\)/,
    ],
  ])('leaves the draft alone when %s, and says which cell', async (_name, records, why) => {
    const draft = api.addRelease({
      tag_name: 'v1.0.0',
      draft: true,
      assets: ['e', 'd'].flatMap((a) => [asset(`${a}.tar.gz`), asset(`${a}.tar.gz.sha256`)]),
    });
    await expect(publishDraft({ tag: 'v1.0.0', token: api.token, records })).rejects.toThrow(why);
    expect(api.releases.find((r) => r.id === draft.id)?.draft).toBe(true);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('says so when the tag has no draft', async () => {
    await expect(publishDraft({ tag: 'v9.9.9', token: api.token, records: [cell('e')] })).rejects.toThrow(
      /No draft release has the tag v9\.9\.9/,
    );
  });
});
