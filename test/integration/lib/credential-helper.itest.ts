// A registry behind a Docker credential helper, through the bundled action: the job's docker
// config names a helper for the registry (`credHelpers`), and the helper answers only when the
// variable it reads is in its environment, as docker-credential-ecr-login needs the AWS_*
// variables (aws-actions/configure-aws-credentials exports them), docker-credential-gcloud the
// CLOUDSDK_*/GOOGLE_* ones, docker-credential-acr-env the AZURE_* ones. buildx starts the helper
// for the registry cache (cache: registry), with the environment c2w gave it.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { manifest, startRegistry, type Registry } from '../../harness/registry.js';
import { useHarness } from '../../harness/use-harness.js';

const h = useHarness({ name: 'credhelper' });
let registry: Registry;
let config: string;
let helperDir: string;
let calls: string;

const SECRET = `helper-${randomUUID()}`;

/**
 * `docker-credential-c2wtest`: the credential helper protocol (docker/docker-credential-helpers:
 * the action as the argument, the server URL on stdin, JSON on stdout). `get` answers the
 * registry's login only when AWS_SESSION_TOKEN or C2W_HELPER_KEY holds the secret; each call is
 * logged with whether it answered.
 */
function writeHelper(): void {
  helperDir = path.join(h.dir, 'helper-bin');
  mkdirSync(helperDir, { recursive: true });
  calls = path.join(h.dir, 'helper-calls.log');
  const helper = path.join(helperDir, 'docker-credential-c2wtest');
  writeFileSync(
    helper,
    [
      '#!/bin/sh',
      'server=$(cat)',
      'case "$1" in',
      '  get)',
      `    if [ "$AWS_SESSION_TOKEN" = '${SECRET}' ] || [ "$C2W_HELPER_KEY" = '${SECRET}' ]; then`,
      `      echo "get $server answered" >> '${calls}'`,
      `      printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}\\n' "$server" '${registry.user}' '${registry.password}'`,
      '    else',
      `      echo "get $server refused" >> '${calls}'`,
      '      echo "credentials not found in native keychain"; exit 1',
      '    fi ;;',
      "  list) echo '{}' ;;",
      '  *) exit 0 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(helper, 0o755);
}

beforeAll(async () => {
  registry = await startRegistry();
  writeHelper();
  config = path.join(h.dir, 'docker-config-helper');
  mkdirSync(path.join(config, 'cli-plugins'), { recursive: true });
  symlinkSync(
    path.join(h.engine.DOCKER_CONFIG, 'cli-plugins', 'docker-buildx'),
    path.join(config, 'cli-plugins', 'docker-buildx'),
  );
  writeFileSync(path.join(config, 'config.json'), JSON.stringify({ credHelpers: { [registry.host]: 'c2wtest' } }));
});

const helperCalls = () => (existsSync(calls) ? readFileSync(calls, 'utf8').split('\n').filter(Boolean) : []);

async function job(env: Record<string, string>, inputs: Record<string, string> = {}) {
  const repo = `c2w/helper-${randomUUID().slice(0, 8)}`;
  const r = await h.job(
    {
      image: TEST_IMAGE,
      cache: 'registry',
      'cache-ref': `${registry.host}/${repo}:wasi`,
      'cache-key': `helper-${randomUUID().slice(0, 8)}`,
      smoke: 'true',
      'upload-artifact': 'false',
      ...inputs,
    },
    { env: { DOCKER_CONFIG: config, PATH: `${helperDir}:${h.engine.PATH}`, ...env } },
  );
  return { r, exported: await manifest(registry, repo, 'wasi') };
}

describe('a registry behind a credential helper', () => {
  it("the helper's own variables (AWS_*) reach it: the registry cache is exported with its login", async () => {
    const { r, exported } = await job({ AWS_SESSION_TOKEN: SECRET });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).not.toMatch(/::warning::/);
    expect(exported).toBeDefined();
    expect(helperCalls()).toContain(`get ${registry.host} answered`);
    expect(helperCalls().filter((c) => c.endsWith('refused'))).toEqual([]);
    // Never in the log.
    expect(r.main.log).not.toContain(SECRET);
  });

  it("a name of the user's own through env-passthrough", async () => {
    const { r, exported } = await job({ C2W_HELPER_KEY: SECRET }, { 'env-passthrough': 'C2W_HELPER_KEY' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(exported).toBeDefined();
  });

  it('without env-passthrough that name stays with the action: the helper refuses and the export fails', async () => {
    const before = helperCalls().length;
    const { r, exported } = await job({ C2W_HELPER_KEY: SECRET });
    expect(exported).toBeUndefined();
    expect(helperCalls().slice(before)).toContain(`get ${registry.host} refused`);
    // A cache that cannot be written never fails the build (it warns).
    expect(r.main.log).toMatch(/::warning::/);
  });
});
