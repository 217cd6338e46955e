// The report action (report/action.yml): reads every `c2w-record-*` artifact of this workflow run,
// writes one job summary comparing the allocators of the matrix, recommends one per group, and,
// when asked, publishes the release draft the cells filled once every cell passed and uploaded.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import { escapeHtml } from '../lib/html.js';
import { bool, InputError, oneOf, type InputGetter } from '../config/inputs.js';
import { groupRecords, groupTable, RANK_BY, allocatorOf, type Group, type RankBy } from './matrix-report.js';
import {
  admitRecords,
  oneLine,
  RECORD_ARTIFACT_PREFIX,
  RECORD_FILE,
  type BadRecord,
  type CellRecord,
} from '../record/record.js';
import { publishDraft } from './release-gate.js';
import { missingCells, parseExpectedCells, type ExpectedCells } from '../record/expected-cells.js';
import { runnerTemp } from '../lib/runner.js';

/** The report action's outputs (its action.yml lists the same names; a unit test holds them equal). */
export enum ReportOutputs {
  BestAllocator = 'best-allocator',
  Best = 'best',
  Records = 'records',
  Passed = 'passed',
  Failed = 'failed',
}

export interface ReportInputs {
  rankBy: RankBy;
  keepRecords: boolean;
  failOnFailure: boolean;
  releaseTag?: string;
  releasePublish: boolean;
  githubToken: string;
  expectedCells?: ExpectedCells;
}

export function parseReportInputs(get: InputGetter): ReportInputs {
  const releaseTag = get('release-tag').trim() || undefined;
  const releasePublish = bool(get, 'release-publish', false);
  const githubToken = get('github-token');
  if (releasePublish && releaseTag === undefined) {
    throw new InputError('release-tag', 'is required with release-publish: true (the tag of the draft to publish)');
  }
  if (releasePublish && githubToken === '') {
    throw new InputError('github-token', 'is empty: publishing the release needs a token with contents: write');
  }
  const expectedCells = parseExpectedCells(get('expected-cells'));
  return {
    ...(expectedCells ? { expectedCells } : {}),
    rankBy: oneOf(get, 'rank-by', RANK_BY, 'boot'),
    keepRecords: bool(get, 'keep-records', false),
    failOnFailure: bool(get, 'fail-on-failure', false),
    releaseTag,
    releasePublish,
    githubToken,
  };
}

/** What the report needs of @actions/artifact's client (the real one in the action). */
export interface RecordStore {
  listArtifacts(options: { latest: boolean }): Promise<{ artifacts: { id: number; name: string }[] }>;
  downloadArtifact(id: number, options: { path: string }): Promise<{ downloadPath?: string }>;
  deleteArtifact(name: string): Promise<unknown>;
}

/**
 * Reads every record artifact of the run and checks each against the record schema: one that
 * cannot be read, or is not a valid record, is reported (a warning) and skipped; the rest are compared.
 */
export async function readRecords(
  store: RecordStore,
): Promise<{ records: CellRecord[]; bad: BadRecord[]; names: string[] }> {
  const { artifacts } = await store.listArtifacts({ latest: true });
  const found = artifacts
    .filter((a) => a.name.startsWith(RECORD_ARTIFACT_PREFIX))
    .sort((a, b) => a.name.localeCompare(b.name));
  const texts: { artifact: string; text: string }[] = [];
  const unread: BadRecord[] = [];
  const dir = await mkdtemp(path.join(runnerTemp(), 'c2w-records-'));
  try {
    for (const a of found) {
      const into = path.join(dir, String(a.id));
      try {
        const res = await store.downloadArtifact(a.id, { path: into });
        texts.push({
          artifact: a.name,
          text: await readFile(path.join(res.downloadPath ?? into, RECORD_FILE), 'utf8'),
        });
      } catch (e) {
        unread.push({ artifact: a.name, reason: (e as Error).message });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const { records, bad } = admitRecords(texts);
  const skipped = [...unread, ...bad].sort((a, b) => a.artifact.localeCompare(b.artifact));
  // core.warning escapes line breaks: the reason cannot start a workflow command of its own.
  for (const b of skipped) core.warning(`Skipping the record artifact ${b.artifact}: ${b.reason}`);
  return { records, bad: skipped, names: found.map((a) => a.name) };
}

export async function reportMain(): Promise<void> {
  try {
    const inputs = parseReportInputs((name) => core.getInput(name));
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const store = new DefaultArtifactClient();
    const { records, bad, names } = await readRecords(store);
    const missing = missingCells(
      inputs.expectedCells,
      records.map((r) => r.cell),
    );
    for (const m of missing) core.warning(`Missing cell record: ${m}`);

    const passed = records.filter((r) => r.result === 'passed').length;
    // Cancelled and refused cells did not pass either.
    const failed = records.length - passed;
    core.setOutput(ReportOutputs.Records, JSON.stringify(records));
    core.setOutput(ReportOutputs.Passed, String(passed));
    core.setOutput(ReportOutputs.Failed, String(failed));
    if (records.length === 0 && bad.length === 0 && missing.length === 0) {
      const message =
        `No c2w-record-* artifacts in this workflow run: the report has nothing to compare. ` +
        `Run it after the conversion jobs (needs: and if: always()), and leave their record input at true.`;
      core.warning(message);
      core.setOutput(ReportOutputs.Best, '{}');
      core.setOutput(ReportOutputs.BestAllocator, '');
      await core.summary.addHeading('c2w allocator report', 3).addRaw(escapeHtml(message), true).write();
      return;
    }

    const groups = groupRecords(records, inputs.rankBy);
    const best = Object.fromEntries(groups.filter((g) => g.best).map((g) => [g.name, allocatorOf(g.best!)]));
    core.setOutput(ReportOutputs.Best, JSON.stringify(best));
    core.setOutput(
      ReportOutputs.BestAllocator,
      groups.length === 1 && groups[0]!.best ? allocatorOf(groups[0]!.best) : '',
    );
    // Never a line that starts with a record's text: the runner reads `::name::` at a line's start.
    for (const g of groups) core.info(`Recommendation: ${oneLine(g.recommendation, 4000)}`);
    await writeSummary(groups, inputs.rankBy, { passed, failed, records, bad, missing });

    if (inputs.releasePublish && inputs.releaseTag) {
      await core.group('Publish the release', () =>
        publishDraft({
          tag: inputs.releaseTag!,
          token: inputs.githubToken,
          records,
          bad,
          ...(inputs.expectedCells ? { expected: inputs.expectedCells } : {}),
        }),
      );
    }
    if (!inputs.keepRecords) {
      for (const name of names) {
        try {
          await store.deleteArtifact(name);
        } catch (e) {
          core.warning(`Could not delete the record artifact ${name}: ${(e as Error).message}`);
        }
      }
      core.info(`Deleted ${names.length} record artifact(s); keep-records: true keeps them.`);
    }
    if (inputs.failOnFailure && failed + bad.length + missing.length > 0) {
      const parts = [
        failed > 0 ? `${failed} of ${records.length} cell(s) did not pass` : '',
        bad.length > 0 ? `${bad.length} record(s) unreadable` : '',
        missing.length > 0 ? `${missing.length} expected cell record(s) missing` : '',
      ].filter(Boolean);
      core.setFailed(`${parts.join('; ')} (fail-on-failure: true).`);
    }
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}

async function writeSummary(
  groups: Group[],
  rankBy: RankBy,
  counts: { passed: number; failed: number; records: CellRecord[]; bad: BadRecord[]; missing: string[] },
): Promise<void> {
  const s = core.summary.addHeading('c2w allocator report', 3);
  const by = (result: CellRecord['result']) => counts.records.filter((r) => r.result === result).length;
  const tally = [
    `${counts.passed} passed`,
    `${by('failed')} failed`,
    ...(['cancelled', 'refused'] as const).filter((r) => by(r) > 0).map((r) => `${by(r)} ${r}`),
  ].join(', ');
  s.addRaw(`<p>${escapeHtml(`${tally}; ranked by ${rankBy}. ★ marks the recommendation.`)}</p>`, true);
  for (const g of groups) {
    s.addHeading(escapeHtml(g.name), 4);
    const [header, ...rows] = groupTable(g);
    s.addTable([header!.map((data) => ({ data, header: true })), ...rows]);
    s.addRaw(`<p><b>${escapeHtml(g.recommendation)}</b></p>`, true);
  }
  const trouble = [
    ...counts.missing.map((m) => `Missing: ${m}`),
    ...counts.bad.map((b) => `Skipped ${b.artifact}: ${b.reason}`),
  ];
  if (trouble.length > 0) {
    s.addHeading('Not compared', 4);
    s.addRaw(`<ul>${trouble.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`, true);
  }
  await s.write();
}
