import { describe, expect, it } from 'vitest';
import { InputError, parseInputs } from '../../../src/config/inputs.js';
import { compileExpectation, findNonEmpty } from '../../../src/smoke/expect.js';

/** Inputs as the runner passes them: the action.yml defaults plus what the workflow gives. */
function get(overrides: Record<string, string>) {
  const values: Record<string, string> = { image: 'alpine:3.20', ...overrides };
  return (name: string) => values[name] ?? '';
}

describe('parseInputs: good values', () => {
  it('applies the defaults', () => {
    const i = parseInputs(get({}));
    expect(i).toMatchObject({
      image: 'alpine:3.20',
      allocator: 'emmalloc',
      target: 'wasi',
      targetArch: 'amd64',
      c2wVersion: 'v0.8.4',
      output: 'out.wasm',
      cache: 'local',
      cacheKey: 'c2w',
      smoke: true,
      smokeCommand: ['echo', 'c2w-smoke-ok'],
      smokeTimeoutSeconds: 300,
      uploadArtifact: true,
      cacheSave: true,
      buildRetries: 2,
      envPassthrough: [],
      artifactArchive: true,
      releaseCreate: true,
      releaseOverwrite: true,
      debugImage: false,
      smokeSandbox: 'auto',
    });
    expect(parseInputs(get({ 'smoke-sandbox': 'required' })).smokeSandbox).toBe('required');
    expect(i.smokeExpect).toEqual({ source: '^c2w-smoke-ok\\s*$', flags: 'm' });
  });

  it.each([
    ['js with no output', { target: 'js' }, 'out/'],
    ['js adds the slash c2w requires', { target: 'js', output: 'site/htdocs' }, 'site/htdocs/'],
    ['js keeps a slash', { target: 'js', output: 'web/' }, 'web/'],
    ['wasi file', { output: 'dist/app.wasm' }, 'dist/app.wasm'],
  ])('output: %s', (_name, overrides, output) => {
    expect(parseInputs(get(overrides)).output).toBe(output);
  });

  it('release-id: the id of an existing release', () => {
    expect(parseInputs(get({ 'release-id': '123456789', 'github-token': 't' })).releaseId).toBe(123456789);
    expect(parseInputs(get({})).releaseId).toBeUndefined();
  });

  it('parses multiline lists and key/value pairs', () => {
    const i = parseInputs(
      get({
        'build-args': 'VM_MEMORY_SIZE_MB=256\n\n  NO_VMTOUCH=  \nA=b=c',
        'smoke-env': 'FOO=bar baz',
        'smoke-command': 'uname\n-a',
        'allocator-fallback': 'dlmalloc\nmimalloc',
        'debug-image': 'True',
        smoke: 'FALSE',
      }),
    );
    expect(i.buildArgs).toEqual([
      { key: 'VM_MEMORY_SIZE_MB', value: '256' },
      { key: 'NO_VMTOUCH', value: '' },
      { key: 'A', value: 'b=c' },
    ]);
    expect(i.smokeEnv).toEqual([{ key: 'FOO', value: 'bar baz' }]);
    expect(i.smokeCommand).toEqual(['uname', '-a']);
    expect(i.allocatorFallback).toEqual(['dlmalloc', 'mimalloc']);
    expect(i.debugImage).toBe(true);
    expect(i.smoke).toBe(false);
  });

  it.each(['latest', 'system', 'v0.8.3', 'v1.0.0-rc.1'])('accepts c2w-version %s', (v) => {
    expect(parseInputs(get({ 'c2w-version': v })).c2wVersion).toBe(v);
  });

  it.each([
    ['false', false],
    ['False', false],
    ['true', true],
  ])('cache-save %s', (raw, cacheSave) => {
    expect(parseInputs(get({ 'cache-save': raw })).cacheSave).toBe(cacheSave);
  });

  it('artifact-archive: false for wasi, and for js when nothing is uploaded', () => {
    expect(parseInputs(get({ 'artifact-archive': 'false' })).artifactArchive).toBe(false);
    expect(
      parseInputs(get({ 'artifact-archive': 'false', target: 'js', 'upload-artifact': 'false' })).artifactArchive,
    ).toBe(false);
  });

  it('registry cache needs and keeps cache-ref', () => {
    expect(parseInputs(get({ cache: 'registry', 'cache-ref': 'ghcr.io/org/app:c2w-cache' })).cacheRef).toBe(
      'ghcr.io/org/app:c2w-cache',
    );
  });
});

// Every row: the inputs given, the input the error must name, and words it must contain.
const BAD: [string, Record<string, string>, string, RegExp][] = [
  ['toolchain-cache with a tag', { 'toolchain-cache': 'ghcr.io/org/tc:v1' }, 'toolchain-cache', /tag or digest/],
  ['toolchain-cache without a host', { 'toolchain-cache': 'org/tc' }, 'toolchain-cache', /no registry host/],
  [
    'toolchain-cache not a reference',
    { 'toolchain-cache': 'ghcr.io/Org/tc;x' },
    'toolchain-cache',
    /auto, none or a registry/,
  ],
  [
    'toolchain-cache-push with none',
    { 'toolchain-cache': 'none', 'toolchain-cache-push': 'true' },
    'toolchain-cache-push',
    /toolchain-cache is none/,
  ],
  [
    'toolchain-cache-push with a dockerfile',
    { 'toolchain-cache-push': 'true', dockerfile: 'Dockerfile' },
    'toolchain-cache-push',
    /c2w's own Dockerfile .*dockerfile/,
  ],
  [
    'toolchain-cache-push with build-args',
    { 'toolchain-cache-push': 'true', 'build-args': 'A=1' },
    'toolchain-cache-push',
    /build-args/,
  ],
  [
    'toolchain-cache-push with debug-image',
    { 'toolchain-cache-push': 'true', 'debug-image': 'true' },
    'toolchain-cache-push',
    /debug-image/,
  ],
  [
    'toolchain-cache-push without a smoke boot',
    { 'toolchain-cache-push': 'true', smoke: 'false' },
    'toolchain-cache-push',
    /is true but smoke is false: the toolchain cache is published only after a passing smoke boot/,
  ],
  [
    'toolchain-cache-push not a boolean',
    { 'toolchain-cache-push': 'yes please' },
    'toolchain-cache-push',
    /true or false|boolean/,
  ],
  ['image missing', { image: '' }, 'image', /required/],
  ['image blank', { image: '   ' }, 'image', /required/],
  ['image with space', { image: 'alpine 3.20' }, 'image', /white space/],
  ['image with semicolon', { image: 'alpine;reboot' }, 'image', /not a valid image reference/],
  ['image with $()', { image: '$(id)' }, 'image', /not a valid image reference/],
  ['image with backtick', { image: 'alpine`id`' }, 'image', /not a valid image reference/],
  ['image with pipe', { image: 'alpine|cat' }, 'image', /not a valid image reference/],
  ['image with ampersand', { image: 'alpine&&ls' }, 'image', /not a valid image reference/],
  ['image upper-case repository', { image: 'Alpine:3.20' }, 'image', /upper-case/],
  ['image upper-case path', { image: 'ghcr.io/Org/app:1' }, 'image', /upper-case/],
  ['image short digest', { image: 'alpine@sha256:abc123' }, 'image', /digest|not a valid/],
  ['image upper-case digest', { image: `alpine@sha256:${'A'.repeat(64)}` }, 'image', /digest/],
  ['image 63-hex digest', { image: `alpine@sha256:${'a'.repeat(63)}` }, 'image', /digest/],
  ['image tag too long', { image: `alpine:${'a'.repeat(129)}` }, 'image', /not a valid/],
  ['image tag starting with dot', { image: 'alpine:.x' }, 'image', /not a valid/],
  ['image double colon', { image: 'alpine::3' }, 'image', /not a valid/],
  ['image trailing slash', { image: 'alpine/' }, 'image', /not a valid/],
  ['image leading dash', { image: '-alpine' }, 'image', /not a valid/],
  ['image double slash', { image: 'ghcr.io//app' }, 'image', /not a valid/],
  ['image option-looking', { image: '--help' }, 'image', /not a valid/],
  ['image name too long', { image: `a/${'b'.repeat(260)}` }, 'image', /longer than 255/],
  ['allocator unknown', { allocator: 'jemalloc' }, 'allocator', /one of emmalloc, dlmalloc, mimalloc/],
  ['allocator upper-case', { allocator: 'EMMALLOC' }, 'allocator', /one of/],
  ['allocator none', { allocator: 'none' }, 'allocator', /one of/],
  ['target unknown', { target: 'browser' }, 'target', /one of wasi, js/],
  ['target-arch x86_64', { 'target-arch': 'x86_64' }, 'target-arch', /one of amd64, riscv64, aarch64/],
  ['target-arch arm64', { 'target-arch': 'arm64' }, 'target-arch', /one of/],
  ['c2w-version without v', { 'c2w-version': '0.8.4' }, 'c2w-version', /release tag like v0.8.4/],
  ['c2w-version branch', { 'c2w-version': 'main' }, 'c2w-version', /release tag/],
  ['c2w-version injection', { 'c2w-version': 'v0.8.4;ls' }, 'c2w-version', /release tag/],
  [
    'latest from a plain mirror',
    { 'c2w-version': 'latest', 'c2w-download-url': 'https://mirror.example.com/c2w' },
    'c2w-version',
    /'latest' needs c2w-download-url on a GitHub host/,
  ],
  ['c2w-download-url not http', { 'c2w-download-url': 'file:///etc' }, 'c2w-download-url', /http\(s\) URL/],
  [
    'build-args without =',
    { 'build-args': 'A=1\nJUSTAKEY' },
    'build-args',
    /KEY=VALUE per line .*; line 2 has no '='$/,
  ],
  // A line is never quoted whole: `TOKEN ghp_...` (a space for the =) is a secret.
  ['build-args with a space for the =', { 'build-args': 'TOKEN ghp_secret0123' }, 'build-args', /line 1 has no '='$/],
  ['build-args bad key', { 'build-args': '1A=b' }, 'build-args', /line 1 has the key '1A'$/],
  ['build-args empty key', { 'build-args': '=value' }, 'build-args', /KEY=VALUE/],
  ['debug-image yes', { 'debug-image': 'yes' }, 'debug-image', /true or false/],
  ['output directory for wasi', { output: 'out/' }, 'output', /file path for target 'wasi'/],
  ['output with newline', { output: 'a\nb' }, 'output', /single path/],
  ['cache unknown', { cache: 's3' }, 'cache', /one of local, gha, registry, none/],
  ['smoke-sandbox off', { 'smoke-sandbox': 'off' }, 'smoke-sandbox', /one of auto, required; got 'off'/],
  ['registry without cache-ref', { cache: 'registry' }, 'cache-ref', /required with cache: registry/],
  ['registry bad cache-ref', { cache: 'registry', 'cache-ref': 'Bad Ref' }, 'cache-ref', /white space/],
  ['cache-key with comma', { 'cache-key': 'a,b' }, 'cache-key', /letters, digits/],
  ['cache-key with space', { 'cache-key': 'my key' }, 'cache-key', /letters, digits/],
  ['builder with space', { builder: 'my builder' }, 'builder', /buildx builder name/],
  ['builder option-looking', { builder: '--foo' }, 'builder', /buildx builder name/],
  ['cache-save not boolean', { 'cache-save': 'no' }, 'cache-save', /true or false/],
  ['cache-timeout zero', { 'cache-timeout': '0' }, 'cache-timeout', /from 1 to 3600/],
  ['build-retries negative', { 'build-retries': '-1' }, 'build-retries', /whole number from 0 to 10/],
  ['build-retries 11', { 'build-retries': '11' }, 'build-retries', /from 0 to 10/],
  ['env-passthrough not a name', { 'env-passthrough': 'MY VAR' }, 'env-passthrough', /not a variable name/],
  ['env-passthrough an input', { 'env-passthrough': 'INPUT_GITHUB_TOKEN' }, 'env-passthrough', /never passed/],
  [
    'env-passthrough the runtime token',
    { 'env-passthrough': 'ACTIONS_RUNTIME_TOKEN' },
    'env-passthrough',
    /never passed/,
  ],
  [
    'env-passthrough the OIDC token',
    { 'env-passthrough': 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' },
    'env-passthrough',
    /never passed/,
  ],
  [
    'env-passthrough GITHUB_TOKEN',
    { 'env-passthrough': 'MY_CA\nGITHUB_TOKEN' },
    'env-passthrough',
    /'GITHUB_TOKEN' is never/,
  ],
  ['env-passthrough a command file', { 'env-passthrough': 'GITHUB_OUTPUT' }, 'env-passthrough', /never passed/],
  ['env-passthrough the state', { 'env-passthrough': 'STATE_isPost' }, 'env-passthrough', /never passed/],
  // Compared without case: a lower-case github_token is the same token by another name.
  ...[
    'github_token',
    'Github_Token',
    'github_output',
    'Github_Env',
    'github_path',
    'github_state',
    'github_step_summary',
    'actions_runtime_token',
    'Actions_Id_Token_Request_Token',
    'input_token',
    'state_isPost',
  ].map((name): [string, Record<string, string>, string, RegExp] => [
    `env-passthrough ${name}`,
    { 'env-passthrough': name },
    'env-passthrough',
    new RegExp(`'${name}' is never passed`),
  ]),
  ['smoke not boolean', { smoke: 'on' }, 'smoke', /true or false/],
  ['smoke-expect bad regex', { 'smoke-expect': '(unclosed' }, 'smoke-expect', /regular expression/],
  ['smoke-timeout zero', { 'smoke-timeout': '0' }, 'smoke-timeout', /from 1 to 3600/],
  ['smoke-timeout words', { 'smoke-timeout': 'ten' }, 'smoke-timeout', /whole number/],
  ['smoke-timeout too big', { 'smoke-timeout': '3601' }, 'smoke-timeout', /from 1 to 3600/],
  ['smoke-env without =', { 'smoke-env': 'FOO' }, 'smoke-env', /KEY=VALUE/],
  ['allocator-fallback unknown', { 'allocator-fallback': 'dlmalloc\ntcmalloc' }, 'allocator-fallback', /tcmalloc/],
  ['allocator-fallback default', { 'allocator-fallback': 'default' }, 'allocator-fallback', /default/],
  ['upload-artifact not boolean', { 'upload-artifact': '1' }, 'upload-artifact', /true or false/],
  ['artifact-name with slash', { 'artifact-name': 'a/b' }, 'artifact-name', /cannot contain/],
  ['artifact-name with colon', { 'artifact-name': 'a:b' }, 'artifact-name', /cannot contain/],
  ['artifact-name with star', { 'artifact-name': 'a*' }, 'artifact-name', /cannot contain/],
  ['retention-days zero', { 'retention-days': '0' }, 'retention-days', /from 1 to 90/],
  ['retention-days 91', { 'retention-days': '91' }, 'retention-days', /from 1 to 90/],
  ['compression-level 10', { 'compression-level': '10' }, 'compression-level', /from 0 to 9/],
  ['compression-level negative', { 'compression-level': '-1' }, 'compression-level', /whole number/],
  ['artifact-archive not boolean', { 'artifact-archive': 'zip' }, 'artifact-archive', /true or false/],
  [
    'artifact-archive false for js',
    { 'artifact-archive': 'false', target: 'js' },
    'artifact-archive',
    /only for target: wasi: a js output is a directory/,
  ],
  ['release-tag with space', { 'release-tag': 'v 1' }, 'release-tag', /valid git tag/],
  ['release-tag with ..', { 'release-tag': 'v1..2' }, 'release-tag', /valid git tag/],
  ['release-id not a number', { 'release-id': 'v1.0.0' }, 'release-id', /whole number/],
  ['release-id zero', { 'release-id': '0' }, 'release-id', /whole number/],
  ['release-create not boolean', { 'release-create': 'maybe' }, 'release-create', /true or false/],
  ['release-overwrite not boolean', { 'release-overwrite': 'no' }, 'release-overwrite', /true or false/],
  ['asset-name with slash', { 'asset-name': '../x.wasm' }, 'asset-name', /use only letters, digits/],
  ['asset-name empty reason is bare', { 'asset-name': '.x' }, 'asset-name', /^Input 'asset-name' "\.x" starts/],
  ['release-tag with no token', { 'release-tag': 'v1.0.0' }, 'github-token', /is empty: release-tag needs/],
  ['release-tag with a blank token', { 'release-tag': 'v1.0.0', 'github-token': '  ' }, 'github-token', /is empty/],
  // release-id is used only at publish, after the whole build: its token is checked before it.
  ['release-id with no token', { 'release-id': '42' }, 'github-token', /is empty: release-id needs/],
  [
    'release-id and release-tag',
    { 'release-id': '42', 'release-tag': 'v1.0.0', 'github-token': 't' },
    'release-id',
    /two ways/,
  ],
  // Every match of these is empty, and an empty match never passes a smoke boot.
  ['smoke-expect only a word boundary', { 'smoke-expect': '\\b' }, 'smoke-expect', /matches nothing but empty strings/],
  ['smoke-expect only assertions', { 'smoke-expect': '^\\b$' }, 'smoke-expect', /matches nothing but empty strings/],
];

describe('parseInputs: what it quotes and what it compiles', () => {
  it('quotes a bounded prefix of a huge value, with its length', () => {
    const huge = `${'x'.repeat(100 * 1024)}`;
    for (const [name, value] of [
      ['image', `a b${huge}`],
      ['cache-key', huge],
      ['c2w-version', huge],
      ['smoke-runs', huge],
      // RE2's own error quotes the pattern from where it fails.
      ['smoke-expect', `(${huge}`],
    ] as const) {
      let message = '';
      try {
        parseInputs(get({ [name]: value }));
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(new RegExp(`^Input '${name}' `));
      expect(message.length).toBeLessThan(1100);
      expect(message).toMatch(/…'? \(\d+ characters\)/);
    }
  });

  it('never quotes the password of c2w-download-url', () => {
    for (const over of <Record<string, string>[]>[
      { 'c2w-download-url': 'https://u:hunter2secret@mirror.example/has space' },
      { 'c2w-download-url': 'https://u:hunter2secret@mirror.example/c2w', 'c2w-version': 'latest' },
    ]) {
      let message = '';
      try {
        parseInputs(get(over));
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^Input 'c2w-(download-url|version)' .*https:\/\/u:\*\*\*@mirror\.example/);
      expect(message).not.toContain('hunter2secret');
    }
  });

  it.each([
    ['(?i)C2W-SMOKE-OK', 'c2w-smoke-ok'],
    ['(?P<word>c2w)-smoke-ok', 'c2w-smoke-ok'],
    ['\\bok\\b', 'it is ok'],
  ])('accepts RE2 syntax that JavaScript does not know: %s, and it matches %j', (source, printed) => {
    const pattern = parseInputs(get({ 'smoke-expect': source })).smokeExpect;
    expect(pattern).toEqual({ source, flags: 'm' });
    expect(findNonEmpty(compileExpectation(pattern.source, pattern.flags), printed)).toBeDefined();
  });
});

describe('parseInputs: toolchain-cache', () => {
  it.each([
    ['', { kind: 'auto' }],
    ['auto', { kind: 'auto' }],
    ['none', { kind: 'none' }],
    ['ghcr.io/org/c2w-action-toolchain', { kind: 'repository', repository: 'ghcr.io/org/c2w-action-toolchain' }],
    ['127.0.0.1:5000/c2w/tc', { kind: 'repository', repository: '127.0.0.1:5000/c2w/tc' }],
  ])('%j is %j, and nothing is published by default', (raw, setting) => {
    const i = parseInputs(get({ 'toolchain-cache': raw }));
    expect(i.toolchainCache).toEqual(setting);
    expect(i.toolchainCachePush).toBe(false);
  });
});

describe('parseInputs: bad values', () => {
  it('has at least 40 rows', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD)('%s', (_name, overrides, input, words) => {
    let error: unknown;
    try {
      parseInputs(get(overrides));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as Error).message).toContain(`'${input}'`);
    expect((error as Error).message).toMatch(words);
  });
});
