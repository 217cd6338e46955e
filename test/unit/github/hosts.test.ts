import { describe, expect, it } from 'vitest';
import { isGhes, isUploadHostOf, releasesApiFor } from '../../../src/github/hosts.js';
import { DEFAULT_DOWNLOAD_URL } from '../../../src/config/inputs.js';

const DOTCOM = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: 'https://api.github.com' };
const GHES = { GITHUB_SERVER_URL: 'https://ghes.example.com', GITHUB_API_URL: 'https://ghes.example.com/api/v3' };

describe('releasesApiFor: where c2w-version latest is asked, and whether github-token goes along', () => {
  it.each<[string, string, { GITHUB_SERVER_URL?: string; GITHUB_API_URL?: string }, string, boolean]>([
    ['github.com runner, default URL', DEFAULT_DOWNLOAD_URL, DOTCOM, 'https://api.github.com', true],
    ['no runner environment, default URL', DEFAULT_DOWNLOAD_URL, {}, 'https://api.github.com', true],
    // The GHES instance has no container2wasm/container2wasm and its token is for itself only.
    ['GHES runner, default URL', DEFAULT_DOWNLOAD_URL, GHES, 'https://api.github.com', false],
    [
      'GHES runner, a mirror on the same GHES',
      'https://ghes.example.com/mirrors/container2wasm/releases/download',
      GHES,
      'https://ghes.example.com/api/v3',
      true,
    ],
    [
      'github.com runner, a mirror on a GHES',
      'https://ghes.example.com/mirrors/container2wasm/releases/download/',
      DOTCOM,
      'https://ghes.example.com/api/v3',
      false,
    ],
    [
      'a GHE.com tenant of another runner',
      'https://acme.ghe.com/o/c2w/releases/download',
      DOTCOM,
      'https://api.acme.ghe.com',
      false,
    ],
    [
      'same host, plain http: no token',
      'http://github.com/o/r/releases/download',
      DOTCOM,
      'https://api.github.com',
      false,
    ],
  ])('%s', (_name, url, env, api, sendToken) => {
    expect(releasesApiFor(url, env)).toMatchObject({ api, sendToken });
  });

  it('reads owner and repository from the URL', () => {
    expect(releasesApiFor(DEFAULT_DOWNLOAD_URL, DOTCOM)).toMatchObject({
      owner: 'container2wasm',
      repo: 'container2wasm',
    });
  });

  it.each([
    'https://mirror.example.com/c2w',
    'https://github.com/container2wasm/container2wasm',
    'https://github.com/container2wasm/container2wasm/releases/download?x=1',
    'https://user:pass@github.com/o/r/releases/download',
    'not a url',
  ])('has no releases API for %s', (url) => {
    expect(releasesApiFor(url, DOTCOM)).toBeUndefined();
  });
});

describe('isGhes', () => {
  it.each([
    [undefined, false],
    ['https://github.com', false],
    ['https://octo.ghe.com', false],
    ['http://github.localhost', false],
    ['https://ghes.example.com', true],
    ['https://github.mycompany.com', true],
  ])('%s -> %s', (url, expected) => {
    expect(isGhes(url)).toBe(expected);
  });
});

describe('isUploadHostOf: where a release upload may carry the token', () => {
  it.each<[string, string, string, boolean]>([
    [
      'github.com',
      'https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}',
      'https://api.github.com',
      true,
    ],
    [
      'a GHE.com tenant',
      'https://uploads.acme.ghe.com/repos/o/r/releases/1/assets{?name,label}',
      'https://api.acme.ghe.com',
      true,
    ],
    [
      'GHES',
      'https://ghes.example/api/uploads/repos/o/r/releases/1/assets{?name,label}',
      'https://ghes.example/api/v3',
      true,
    ],
    ['another host', 'https://evil.example/repos/o/r/releases/1/assets{?name,label}', 'https://api.github.com', false],
    [
      'uploads of another API',
      'https://uploads.github.com/repos/o/r/releases/1/assets',
      'https://api.acme.ghe.com',
      false,
    ],
    ['a host that only ends like it', 'https://uploads.github.com.evil.example/x', 'https://api.github.com', false],
    ['plain http for an https API', 'http://uploads.github.com/x', 'https://api.github.com', false],
    ['another port', 'https://ghes.example:8443/api/uploads/x', 'https://ghes.example/api/v3', false],
    ['credentials in it', 'https://user:pw@uploads.github.com/x', 'https://api.github.com', false],
    ['not a URL', 'uploads', 'https://api.github.com', false],
  ])('%s', (_name, upload, api, trusted) => {
    expect(isUploadHostOf(upload, api)).toBe(trusted);
  });
});
