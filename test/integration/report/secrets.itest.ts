// The report action's log, as the runner shows it, never holds a secret of the job: a results
// service whose error echoes the request's Authorization header (the runner's service token) makes
// @actions/artifact log that body in `::debug::` lines and the action fail with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsRuntime, type ActionsRuntime } from '../../harness/actions-runtime.js';
import { maskedAsRunner, runReport } from '../../harness/report-runner.js';

let runtime: ActionsRuntime;
let service: Record<string, string>;

beforeAll(async () => {
  runtime = await startActionsRuntime();
  const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...rest } = runtime.env;
  service = rest;
});
afterAll(async () => {
  await runtime?.stop();
});

describe('the report action and the runner secrets', () => {
  it('a results service echoing the Authorization header puts no token into any log line', async () => {
    const runtimeToken = service.ACTIONS_RUNTIME_TOKEN!;
    const idToken = 'oidc-request-token-0123456789abcdef';
    const githubToken = 'ghs_reportTokenThatMustNotLeak0123';
    // 401 is not retried by the artifact client: one call, its body logged and thrown.
    runtime.faults.fail('ListArtifacts', { status: 401, msg: 'denied', echoAuthorization: true });
    try {
      const r = await runReport(
        { 'github-token': githubToken },
        { ...service, ACTIONS_ID_TOKEN_REQUEST_TOKEN: idToken, ACTIONS_STEP_DEBUG: 'true' },
      );
      expect(r.exitCode, r.log).toBe(1);
      // The service did echo it: the failure reached the log (debug lines included).
      expect(r.log).toContain(`Bearer ${runtimeToken}`);
      const shown = maskedAsRunner(r.log);
      expect(shown).toMatch(/^::debug::.*Bearer \*\*\*/m);
      expect(shown).toMatch(/^::error::.*Bearer \*\*\*/m);
      for (const secret of [runtimeToken, idToken, githubToken]) expect(shown).not.toContain(secret);
      for (const written of [r.summary, JSON.stringify(r.outputs)]) expect(written).not.toContain(runtimeToken);
    } finally {
      await runtime.faults.reset();
    }
  });
});
