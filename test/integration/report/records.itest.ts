// Records the report action cannot trust, through the bundled actions: records written by another
// job may be damaged or hostile, and a cell that was refused, cancelled or never ran must stop the
// release. Records are uploaded as a cell would upload them (@actions/artifact under Node 24,
// test/harness/actions-client.mjs) to the local Actions runtime; the releases API is the REST
// stand-in (test/harness/github-api.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js';
import { runReport } from '../../harness/report-runner.js';
import { NODE24, ROOT } from '../../harness/runner.js';
import { useHarness } from '../../harness/use-harness.js';
import { RECORD_SCHEMA_V2 } from '../../../src/record/record.js';

const run = promisify(execFile);
const h = useHarness({ runtime: true, name: 'records' });
let service: Record<string, string>;
let api: GitHubApi | undefined;

beforeAll(() => {
  const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...rest } = h.runtime!.env;
  service = rest;
});
afterEach(async () => {
  await api?.stop();
  api = undefined;
  // What a test left is not the next one's matrix.
  for (const a of h.runtime!.artifacts().filter((a) => a.finalized)) {
    await run(NODE24, [path.join(ROOT, 'test/harness/actions-client.mjs'), 'artifact-delete', a.name], {
      cwd: ROOT,
      env: { ...process.env, ...h.runtime!.env },
    });
  }
});

/** Uploads `text` as the record artifact `c2w-record-<cell>`, as a cell does. */
async function uploadRecordText(cell: string, text: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-record-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'c2w-record.json'), text);
  await run(
    NODE24,
    [
      path.join(ROOT, 'test/harness/actions-client.mjs'),
      'artifact-upload',
      `c2w-record-${cell}`,
      dir,
      path.join(dir, 'c2w-record.json'),
    ],
    { cwd: ROOT, env: { ...process.env, ...h.runtime!.env } },
  );
}

const record = (cell: string, over: Record<string, unknown> = {}, figures: Record<string, unknown> = {}) =>
  JSON.stringify({
    // Records as the previous version's cells wrote them (v2): the report reads them as v3.
    schema: RECORD_SCHEMA_V2,
    cell,
    image: 'app:1',
    target: 'js',
    targetArch: 'amd64',
    allocator: cell,
    rejected: [],
    result: 'passed',
    stage: 'done',
    figures: { wasmSize: 30_000_000, smokeSecondsMedian: 2, smokePeakRss: 600_000_000, ...figures },
    runner: { os: 'Linux', arch: 'X64' },
    ...over,
  });

describe('records the report cannot trust', () => {
  it('skips each bad record, saying why, compares the rest, and writes no field raw into the log or summary', async () => {
    await uploadRecordText('dlmalloc', record('dlmalloc'));
    await uploadRecordText('mimalloc', record('mimalloc', {}, { smokeSecondsMedian: 3 }));
    await uploadRecordText('string-size', record('string-size', {}, { wasmSize: '<img src=x onerror=alert(1)>' }));
    await uploadRecordText('forged', record('forged', { image: 'app:1\n::warning title=forged::obeyed' }));
    await uploadRecordText('negative', record('negative', {}, { smokePeakRss: -5 }));
    await uploadRecordText('blank-line', record('blank-line', { allocator: 'x\n\n## markdown after the table' }));
    await uploadRecordText('other', record('dlmalloc'));
    // Valid, and every text field hostile within one line.
    await uploadRecordText(
      'emmalloc',
      record('emmalloc', {
        image: '::warning title=forged::obeyed <img src=x>',
        result: 'failed',
        stage: 'smoke',
        failure: { class: 'allocator', line: '::error::forged <script>', message: 'm\n\n## after' },
      }),
    );

    const report = await runReport({}, service);
    expect(report.exitCode, report.log).toBe(0);
    for (const bad of ['string-size', 'forged', 'negative', 'blank-line', 'other']) {
      expect(report.log).toMatch(new RegExp(`^::warning::Skipping the record artifact c2w-record-${bad}: `, 'm'));
    }
    expect(report.log).toMatch(
      /c2w-record-string-size: artifact c2w-record-string-size is not a valid record: figures\.wasmSize: expected number/,
    );
    expect(report.log).toMatch(/c2w-record-other: .*holds the record of another cell, "dlmalloc"/);
    // The rest were compared: two passed, the hostile-but-valid one failed.
    expect(report.outputs.passed).toBe('2');
    expect(report.outputs.failed).toBe('1');
    // Two groups (the hostile image is a group of its own), so best names each.
    expect(JSON.parse(report.outputs.best!)).toEqual({ 'app:1 · js · amd64': 'dlmalloc' });
    // No line of the log is a command a record's text started.
    expect(report.log).not.toMatch(/^::warning title=forged/m);
    expect(report.log).not.toMatch(/^::error::forged/m);
    // No raw HTML from a record, and no blank line inside the summary's HTML blocks.
    expect(report.summary).not.toMatch(/<img|<script/);
    for (const block of report.summary.match(/<(table|ul|p)>[\s\S]*?<\/\1>/g) ?? [])
      expect(block).not.toMatch(/\n\s*\n/);
    expect(report.summary).not.toMatch(/^## /m);
    expect(report.summary).toMatch(/Not compared/);
  });
});

describe('the release gate and cells without a passing record', () => {
  it('a refused cell records itself; a refused, cancelled or missing expected cell keeps the draft a draft', async () => {
    // A cell whose input is refused: it fails at once, and still leaves its record.
    const refused = await h.job({ image: TEST_IMAGE, target: 'jsx', allocator: 'dlmalloc' });
    expect(refused.main.exitCode, refused.main.log).toBe(1);
    expect(refused.main.log).toMatch(/Input 'target'/);
    const names = h
      .runtime!.artifacts()
      .filter((a) => a.finalized)
      .map((a) => a.name);
    expect(names).toContain('c2w-record-c2w-test_busybox-1-amd64-jsx-dlmalloc');

    api = await startGitHubApi();
    const passing = 'c2w-test_busybox-1-amd64-js-emmalloc';
    const draft = api.addRelease({
      tag_name: 'v1.0.0',
      draft: true,
      assets: [`${passing}.tar.gz`, `${passing}.tar.gz.sha256`].map((name) => ({ name, data: name })),
    });
    await uploadRecordText(
      passing,
      record(passing, {
        image: TEST_IMAGE,
        allocator: 'emmalloc',
        release: { id: String(draft.id), assets: [`${passing}.tar.gz`, `${passing}.tar.gz.sha256`] },
      }),
    );
    const env = { ...service, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}` };
    const matrix = JSON.stringify([
      { image: TEST_IMAGE, target: 'js', allocator: 'emmalloc' },
      { image: TEST_IMAGE, target: 'jsx', allocator: 'dlmalloc' },
      { image: TEST_IMAGE, target: 'js', allocator: 'mimalloc' },
    ]);
    const report = await runReport(
      {
        'release-tag': 'v1.0.0',
        'release-publish': 'true',
        'github-token': api.token,
        'expected-cells': matrix,
        'keep-records': 'true',
      },
      env,
    );
    expect(report.exitCode, report.log).toBe(1);
    expect(report.log).toMatch(/Not publishing release v1\.0\.0/);
    expect(report.log).toMatch(/c2w-test_busybox-1-amd64-jsx-dlmalloc: the cell was refused at inputs \(inputs\)/);
    expect(report.log).toMatch(/c2w-test_busybox-1-amd64-js-mimalloc: no record \(the cell never ran/);
    expect(api.releases.find((r) => r.id === draft.id)?.draft).toBe(true);
    expect(report.summary).toMatch(/was refused \(inputs: Input &#39;target&#39;|was refused \(inputs: Input 'target'/);

    // Told only a count, the gate still sees a cell short.
    const counted = await runReport(
      {
        'release-tag': 'v1.0.0',
        'release-publish': 'true',
        'github-token': api.token,
        'expected-cells': '3',
        'keep-records': 'true',
      },
      env,
    );
    expect(counted.exitCode, counted.log).toBe(1);
    expect(counted.log).toMatch(/3 cell\(s\) expected, 2 recorded/);
    expect(api.releases.find((r) => r.id === draft.id)?.draft).toBe(true);
  });
});
