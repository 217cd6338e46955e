// Secrets through the bundled action, run as the runner runs it: what the runner does not mask
// (the cell record artifact, step outputs, the job summary) never holds the token or the runner's
// service token, and a `dockerfile` that is a link to the process's environment is refused.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';

const h = useHarness({ runtime: true, name: 'secrets' });

const TOKEN = 'ghs_theTokenThatMustNotLeak0123456789';

/** A workspace of its own for one job. */
function workspace(name: string): string {
  const ws = path.join(h.dir, `ws-${name}`);
  mkdirSync(ws, { recursive: true });
  return ws;
}

/** The JSON of the record artifact `name`, downloaded with @actions/artifact from the runtime stand-in. */
async function recordOf(name: string): Promise<string> {
  const artifact = h.runtime!.artifacts().find((a) => a.name === name && a.finalized);
  expect(artifact, `no artifact ${name}`).toBeDefined();
  const saved = { ...process.env };
  Object.assign(process.env, h.runtime!.env);
  try {
    const into = path.join(h.dir, `download-${artifact!.id}`);
    await new DefaultArtifactClient().downloadArtifact(artifact!.id, { path: into });
    return readFileSync(path.join(into, 'c2w-record.json'), 'utf8');
  } finally {
    process.env = saved;
  }
}

describe('secrets', () => {
  it('a build-arg holding the token, echoed by a failing build step, is in no record, output or summary', async () => {
    const ws = workspace('echo');
    writeFileSync(
      path.join(ws, 'Dockerfile'),
      `FROM ${TEST_IMAGE}\nARG TOKEN\nRUN --network=none echo "the token is $TOKEN" && exit 1\n`,
    );
    const r = await h.job(
      {
        image: TEST_IMAGE,
        dockerfile: 'Dockerfile',
        allocator: 'default',
        'build-args': `TOKEN=${TOKEN}`,
        'github-token': TOKEN,
        cache: 'none',
        'upload-artifact': 'false',
        'artifact-name': 'echo-cell',
      },
      { workspace: ws },
    );
    expect(r.main.exitCode, r.main.log).toBe(1);
    // The log is masked by the runner, once told.
    expect(r.main.log).toContain(`::add-mask::${TOKEN}`);
    const record = await recordOf('c2w-record-echo-cell');
    expect(JSON.parse(record)).toMatchObject({ result: 'failed', stage: 'build' });
    expect(record).toContain('the token is ***');
    for (const written of [record, r.main.outputs.error ?? '', r.main.summary]) expect(written).not.toContain(TOKEN);
  });

  it('a dockerfile linked to /proc/self/environ is refused; the runtime token is masked and written nowhere', async () => {
    const ws = workspace('environ');
    symlinkSync('/proc/self/environ', path.join(ws, 'Dockerfile'));
    const runtimeToken = h.runtime!.env.ACTIONS_RUNTIME_TOKEN!;
    const before = h.releases.requests.length;
    const r = await h.job(
      { image: TEST_IMAGE, dockerfile: 'Dockerfile', 'github-token': TOKEN, cache: 'none', 'upload-artifact': 'false' },
      { workspace: ws },
    );
    expect(r.main.exitCode, r.main.log).toBe(1);
    expect(r.main.outputs.error).toMatch(
      /^Input 'dockerfile' names 'Dockerfile' \(\/proc\/\d+\/environ\), which is a system file/,
    );
    expect(r.main.log).toContain(`::add-mask::${runtimeToken}`);
    expect(h.releases.requests.length).toBe(before);
    for (const written of [r.main.outputs.error ?? '', r.main.summary]) {
      expect(written).not.toContain(TOKEN);
      expect(written).not.toContain(runtimeToken);
    }
  });
});
