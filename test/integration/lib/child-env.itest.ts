// What reaches the processes the action starts, through the whole harness: the bundled action under
// Node 24 runs the c2w stand-in, which records its environment (the docker and buildx it runs inherit
// exactly that). The runner hands the action github-token as INPUT_GITHUB-TOKEN, the Actions runtime
// token and the paths of the step's command files; c2w needs none of them, except that buildx's gha
// cache backend needs the runtime variables.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';

const h = useHarness({ runtime: true, name: 'childenv' });

const TOKEN = 'ghs_childEnvToken0123456789abcdef';

async function c2wEnvs(
  cache: string,
  env: Record<string, string> = {},
): Promise<{ argv: string[]; env: Record<string, string> }[]> {
  const dump = path.join(h.dir, `env-${cache}-${Object.keys(env).length}.jsonl`);
  const r = await h.job(
    {
      image: TEST_IMAGE,
      cache,
      'cache-key': `env-${cache}`,
      smoke: 'false',
      'upload-artifact': 'false',
      'github-token': TOKEN,
    },
    { standin: { C2W_STANDIN_ENV_DUMP: dump }, env },
  );
  expect(r.main.exitCode, r.main.log).toBe(0);
  return readFileSync(dump, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { argv: string[]; env: Record<string, string> });
}

function expectNoSecrets(env: Record<string, string>): void {
  const names = Object.keys(env);
  expect(names.filter((n) => n.startsWith('INPUT_'))).toEqual([]);
  expect(names.filter((n) => n.startsWith('STATE_'))).toEqual([]);
  for (const n of ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY', 'GITHUB_TOKEN'])
    expect(names).not.toContain(n);
  expect(Object.values(env)).not.toContain(TOKEN);
  // What docker and the runner's cleanup need stays.
  for (const n of ['PATH', 'HOME', 'DOCKER_HOST', 'DOCKER_CONFIG', 'RUNNER_TEMP', 'RUNNER_TRACKING_ID'])
    expect(names).toContain(n);
}

describe("the children's environment", () => {
  it('cache: none and local: c2w (and its docker, buildx) get no input, token or command file', async () => {
    for (const cache of ['none', 'local']) {
      const runs = await c2wEnvs(cache);
      expect(runs.length).toBeGreaterThanOrEqual(2); // --show-dockerfile, then the conversion
      for (const { env } of runs) {
        expectNoSecrets(env);
        expect(Object.keys(env).filter((n) => n.startsWith('ACTIONS_'))).toEqual([]);
      }
    }
  });

  it("cache: gha: the conversion gets the runtime variables for buildx's gha backend, and nothing else of the job", async () => {
    const runs = await c2wEnvs('gha');
    const build = runs.find(({ argv }) => argv.some((a) => a.startsWith('--extra-flag=--cache-to=type=gha')));
    expect(build).toBeDefined();
    expectNoSecrets(build!.env);
    expect(
      Object.keys(build!.env)
        .filter((n) => n.startsWith('ACTIONS_'))
        .sort(),
    ).toEqual(['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN']);
    // `c2w --show-dockerfile` reaches no service: it gets none of them.
    for (const { argv, env } of runs.filter((run) => run !== build)) {
      expect(argv).not.toContain('--extra-flag=--cache-to=type=gha');
      expect(Object.keys(env).filter((n) => n.startsWith('ACTIONS_'))).toEqual([]);
    }
  });

  it("SOURCE_DATE_EPOCH and the CA variables reach c2w; the credential helpers' variables only its conversion", async () => {
    const given = {
      SOURCE_DATE_EPOCH: '1700000000',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/corp-ca.pem',
      REQUESTS_CA_BUNDLE: '/etc/ssl/corp-ca.pem',
      AWS_REGION: 'eu-west-1',
      GOOGLE_APPLICATION_CREDENTIALS: '/tmp/gcp.json',
    };
    const runs = await c2wEnvs('none', given);
    const build = runs.find(({ argv }) => argv.some((a) => a.startsWith('--dockerfile=')));
    expect(build).toBeDefined();
    expectNoSecrets(build!.env);
    for (const [name, value] of Object.entries(given)) expect(build!.env[name], name).toBe(value);
    // `c2w --show-dockerfile` and `c2w --version` start no docker: no helper variables.
    for (const { env } of runs.filter((run) => run !== build)) {
      expect(env.SOURCE_DATE_EPOCH).toBe('1700000000');
      expect(env.AWS_REGION).toBeUndefined();
      expect(env.GOOGLE_APPLICATION_CREDENTIALS).toBeUndefined();
    }
  });
});
