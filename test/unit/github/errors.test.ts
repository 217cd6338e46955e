import { describe, expect, it } from 'vitest';
import { apiFailure, explain, rateLimitWait, type ApiFailure } from '../../../src/github/errors.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const ctx = { what: 'Uploading app.wasm', repository: 'octo/wasm', tag: 'v1', now: NOW, maxWaitSeconds: 300 };
const reset = (s: number): string => String(NOW / 1000 + s);

// Rows: the failure, whether the release is immutable, what the message must say, what it must not.
const ROWS: [string, ApiFailure, boolean, RegExp, RegExp | undefined][] = [
  [
    '401',
    { status: 401, message: 'Bad credentials', headers: {} },
    false,
    /^Uploading app\.wasm failed: 401 Bad credentials\. The github-token is invalid or expired/,
    /rate limit/,
  ],
  [
    '403 permission',
    { status: 403, message: 'Resource not accessible by integration', headers: { 'x-ratelimit-remaining': '4999' } },
    false,
    /Check that octo\/wasm exists and that the github-token can write to it \(permissions: contents: write\)\.$/,
    /rate limit/,
  ],
  [
    '404',
    { status: 404, message: 'Not Found', headers: {} },
    false,
    /404 Not Found\. Check that octo\/wasm exists/,
    undefined,
  ],
  [
    '403 primary rate limit',
    {
      status: 403,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(3599) },
    },
    false,
    /rate limit, not a permission problem: it asks to wait 3600 s \(until 2026-01-01T13:00:00Z\), longer than the 300 s/,
    /permissions: contents/,
  ],
  [
    '429 primary rate limit',
    {
      status: 429,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(999) },
    },
    false,
    /it asks to wait 1000 s/,
    /permissions: contents/,
  ],
  [
    '403 secondary rate limit with retry-after',
    { status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '600' } },
    false,
    /it asks to wait 600 s \(until 2026-01-01T12:10:00Z\)/,
    /permissions: contents/,
  ],
  [
    '403 secondary rate limit without retry-after',
    { status: 403, message: 'You have exceeded a secondary rate limit.', headers: {} },
    false,
    /it asks to wait 60 s/,
    /permissions: contents/,
  ],
  [
    '422 immutable by message',
    { status: 422, message: 'Cannot upload assets to an immutable release.', headers: {} },
    false,
    /Release v1 is published and immutable: assets can only be added while a release is a draft/,
    undefined,
  ],
  [
    '422 on a release known to be immutable',
    { status: 422, message: 'Validation Failed', headers: {} },
    true,
    /is published and immutable/,
    undefined,
  ],
  [
    '422 other',
    { status: 422, message: 'Validation Failed (name already_exists)', headers: {} },
    false,
    /^Uploading app\.wasm failed: 422 Validation Failed \(name already_exists\)$/,
    undefined,
  ],
  [
    'timeout',
    { timedOut: true, message: 'no answer to POST uploads.github.com/x within 60 s', headers: {} },
    false,
    /^Uploading app\.wasm failed: no answer to POST uploads\.github\.com\/x within 60 s\. GitHub did not answer in time/,
    undefined,
  ],
  [
    '502',
    { status: 502, message: 'Server Error', headers: {} },
    false,
    /^Uploading app\.wasm failed: 502 Server Error$/,
    undefined,
  ],
];

describe('explain', () => {
  it.each(ROWS)('%s', (_name, failure, immutable, says, notSays) => {
    const msg = explain(failure, { ...ctx, immutable });
    expect(msg).toMatch(says);
    if (notSays) expect(msg).not.toMatch(notSays);
  });
});

describe('rateLimitWait', () => {
  it.each([
    [{ status: 403, message: 'x', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(10) } }, 11],
    [{ status: 403, message: 'x', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(-5) } }, 0],
    [{ status: 429, message: 'x', headers: { 'retry-after': '30' } }, 30],
    [{ status: 403, message: 'Resource not accessible', headers: { 'x-ratelimit-remaining': '10' } }, undefined],
    [{ status: 500, message: 'secondary rate limit', headers: {} }, undefined],
  ] as [ApiFailure, number | undefined][])('%j -> %s', (f, wait) => {
    expect(rateLimitWait(f, NOW)).toBe(wait);
  });
});

describe('apiFailure', () => {
  it('reads the API message and its errors[] from an Octokit RequestError', () => {
    const err = Object.assign(new Error('raw'), {
      status: 422,
      response: {
        headers: { 'x-github-request-id': 'A' },
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
        },
      },
    });
    expect(apiFailure(err)).toEqual({
      status: 422,
      message: 'Validation Failed (name already_exists)',
      headers: { 'x-github-request-id': 'A' },
    });
  });

  it('a timeout carries no status', () => {
    const err = Object.assign(new Error('no answer'), { status: 500, timedOut: true });
    expect(apiFailure(err)).toEqual({ timedOut: true, message: 'no answer', headers: {} });
  });
});
