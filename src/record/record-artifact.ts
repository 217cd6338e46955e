// Uploads a cell's record as the artifact `c2w-record-<cell>` (kept 1 day) for the report action.
// Recording never masks the cell's own failure and never fails a passing cell: trouble is a warning.
// A process uploads one record: the first upload started wins (a cancel's record, started at the
// signal, over the failed record the unwinding step would write after it; a finished step's record
// over a cancel that came while it was uploading), since the artifact name is the cell's alone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import { isGhes } from '../github/hosts.js';
import { RECORD_ARTIFACT_PREFIX, RECORD_FILE, type CellRecord } from './record.js';
import { raceTimeout, TIMED_OUT } from '../lib/timeout.js';
import { runnerTemp } from '../lib/runner.js';

/** Bounded: a record is a few hundred bytes; a service that does not answer must not hold the job. */
const UPLOAD_TIMEOUT_MS = 120_000;

export function recordArtifactName(cell: string): string {
  return `${RECORD_ARTIFACT_PREFIX}${cell}`;
}

let uploading: string | undefined;

export async function uploadRecord(
  record: CellRecord,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = UPLOAD_TIMEOUT_MS,
): Promise<void> {
  const name = recordArtifactName(record.cell);
  if (uploading !== undefined) {
    log.info(`The cell record ${name} is already recorded (${uploading}); not recording it as ${record.result}.`);
    return;
  }
  // @actions/artifact needs the runner's results service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL),
  // which GitHub Enterprise Server and runners outside Actions do not offer: nothing to record to.
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL || isGhes(env.GITHUB_SERVER_URL)) {
    log.info(`No artifact service in this job: the cell record ${name} is not uploaded.`);
    return;
  }
  uploading = record.result;
  const dir = await mkdtemp(path.join(runnerTemp(env), 'c2w-record-'));
  try {
    const file = path.join(dir, RECORD_FILE);
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const upload = async (): Promise<void> => {
      // A re-run replaces its own earlier record; in a first attempt the name is this cell's alone.
      if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1) await client.deleteArtifact(name).catch(() => undefined);
      await client.uploadArtifact(name, [file], dir, { retentionDays: 1, compressionLevel: 9 });
    };
    if ((await raceTimeout(upload(), timeoutMs)) === TIMED_OUT) {
      throw new Error(`no answer from the artifact service within ${timeoutMs / 1000} s`);
    }
    log.info(`Recorded this cell as the artifact ${name} for the report action.`);
  } catch (e) {
    log.warning(`Could not upload the cell record ${name}: ${(e as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
