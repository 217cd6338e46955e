import { describe, expect, it } from 'vitest';
import { browserEnv, childEnv, passthroughProblem, type EnvNeeds } from '../../../src/lib/child-env.js';

// What the runner hands the action's process (abridged from a real job's environment).
const ACTION_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/home/runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TMPDIR: '/tmp',
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  RUNNER_TEMP: '/home/runner/work/_temp',
  RUNNER_TOOL_CACHE: '/opt/hostedtoolcache',
  RUNNER_TRACKING_ID: 'github_0d1e',
  DOCKER_HOST: 'unix:///run/docker.sock',
  DOCKER_CONFIG: '/home/runner/.docker',
  BUILDX_BUILDER: 'b1',
  BUILDKIT_PROGRESS: 'plain',
  XDG_RUNTIME_DIR: '/run/user/1001',
  https_proxy: 'http://proxy:3128',
  NO_PROXY: 'localhost',
  'INPUT_GITHUB-TOKEN': 'ghs_secret',
  INPUT_IMAGE: 'alpine:3.20',
  GITHUB_TOKEN: 'ghs_secret2',
  GH_TOKEN: 'ghs_secret3',
  ACTIONS_RUNTIME_TOKEN: 'eyJruntime',
  ACTIONS_CACHE_URL: 'https://cache/',
  ACTIONS_RESULTS_URL: 'https://results/',
  ACTIONS_CACHE_SERVICE_V2: 'True',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'eyJoidc',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc/',
  GITHUB_STATE: '/home/runner/work/_temp/_runner_file_commands/save_state_1',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
  GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_1',
  GITHUB_PATH: '/home/runner/work/_temp/_runner_file_commands/add_path_1',
  GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
  STATE_isPost: 'true',
  AWS_SECRET_ACCESS_KEY: 'aws',
  AWS_REGION: 'eu-west-1',
  AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/token',
  GOOGLE_APPLICATION_CREDENTIALS: '/tmp/gcp.json',
  CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/tmp/gcp.json',
  AZURE_CLIENT_ID: 'azure-id',
  AZURE_TENANT_ID: 'azure-tenant',
  MY_REGISTRY_HELPER_KEY: 'mine',
  SOURCE_DATE_EPOCH: '1700000000',
  NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem',
  REQUESTS_CA_BUNDLE: '/etc/corp-ca.pem',
  NPM_TOKEN: 'npm',
};

const ALWAYS = [
  'BUILDKIT_PROGRESS',
  'BUILDX_BUILDER',
  'CI',
  'DOCKER_CONFIG',
  'DOCKER_HOST',
  'GITHUB_ACTIONS',
  'HOME',
  'LANG',
  'LC_ALL',
  'NO_PROXY',
  'PATH',
  'RUNNER_TEMP',
  'RUNNER_TOOL_CACHE',
  'RUNNER_TRACKING_ID',
  'TMPDIR',
  'XDG_RUNTIME_DIR',
  'https_proxy',
  'SOURCE_DATE_EPOCH',
  'NODE_EXTRA_CA_CERTS',
  'REQUESTS_CA_BUNDLE',
];
const CREDENTIALS = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
  'AZURE_CLIENT_ID',
  'AZURE_TENANT_ID',
];
const GHA = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN'];

describe('childEnv', () => {
  it.each<[string, EnvNeeds | undefined, string[]]>([
    ['c2w/docker/tar without a gha cache', undefined, ALWAYS],
    ['explicitly no gha cache', { actionsCache: false }, ALWAYS],
    ['buildx with the gha cache backend', { actionsCache: true }, [...ALWAYS, ...GHA].sort()],
    [
      "docker, buildx, c2w: the credential helpers' variables",
      { registryCredentials: true },
      [...ALWAYS, ...CREDENTIALS],
    ],
    [
      "and a name of the user's own",
      { registryCredentials: true, passthrough: ['MY_REGISTRY_HELPER_KEY'] },
      [...ALWAYS, ...CREDENTIALS, 'MY_REGISTRY_HELPER_KEY'],
    ],
    ["a name of the user's own reaches only docker, buildx, c2w", { passthrough: ['MY_REGISTRY_HELPER_KEY'] }, ALWAYS],
  ])('%s', (_name, needs, expected) => {
    const env = childEnv(ACTION_ENV, needs);
    expect(Object.keys(env).sort()).toEqual([...expected].sort());
    for (const name of expected) expect(env[name]).toBe(ACTION_ENV[name]);
  });

  it('never passes a token value of the action, whatever the needs', () => {
    for (const needs of [
      {},
      { actionsCache: true },
      // Even if a bad list got past the input check.
      {
        registryCredentials: true,
        passthrough: ['GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
      },
    ]) {
      const values = Object.values(childEnv(ACTION_ENV, needs));
      const secrets = ['ghs_secret', 'ghs_secret2', 'ghs_secret3', 'eyJoidc', 'npm'];
      if (!('registryCredentials' in needs)) secrets.push('aws');
      for (const secret of secrets) {
        expect(values).not.toContain(secret);
      }
    }
  });

  it('skips unset variables', () => {
    expect(childEnv({ PATH: '/bin', HOME: undefined })).toEqual({ PATH: '/bin' });
  });
});

describe('passthroughProblem', () => {
  it.each([
    ['MY_HELPER_TOKEN', undefined],
    ['KUBECONFIG', undefined],
    ['my-var', /not a variable name/],
    ['1ABC', /not a variable name/],
    ['INPUT_IMAGE', /never passed/],
    ['input_image', /never passed/],
    ['ACTIONS_RUNTIME_TOKEN', /never passed/],
    ['GITHUB_TOKEN', /never passed/],
    ['GITHUB_STEP_SUMMARY', /never passed/],
  ])('%s', (name, problem) => {
    const found = passthroughProblem(name);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('browserEnv', () => {
  it('keeps a path, the locale and the tracking id, with its scratch folder as home, and nothing else', () => {
    const env = browserEnv(
      { ...ACTION_ENV, DOCKER_PASSWORD: 'pw', DOCKER_AUTH_CONFIG: '{}', AWS_SECRET_ACCESS_KEY: 'k', TZ: 'UTC' },
      '/tmp/c2w-browser-x',
    );
    expect(env).toEqual({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
      RUNNER_TRACKING_ID: 'github_0d1e',
      HOME: '/tmp/c2w-browser-x',
      TMPDIR: '/tmp/c2w-browser-x',
    });
  });

  it('gives a path when the action has none', () => {
    expect(browserEnv({}, '/s').PATH).toBe('/usr/local/bin:/usr/bin:/bin');
  });
});
