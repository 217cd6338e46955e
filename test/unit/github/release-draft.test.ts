import { describe, expect, it } from 'vitest';
import {
  convergeOnRelease,
  oldestDraft,
  ReleaseLookupError,
  type ReleaseRef,
  type RequestFn,
} from '../../../src/github/release-draft.js';

const rel = (id: number, tag: string, draft: boolean, created_at?: string): ReleaseRef => ({
  id,
  tag_name: tag,
  draft,
  upload_url: `u/${id}`,
  ...(created_at ? { created_at } : {}),
});

describe('oldestDraft', () => {
  const rows: [string, ReleaseRef[], number | undefined][] = [
    ['none', [], undefined],
    ['published releases are not drafts', [rel(1, 'v1', false)], undefined],
    ['another tag', [rel(1, 'v2', true)], undefined],
    [
      'earliest created_at wins',
      [rel(5, 'v1', true, '2026-01-02T00:00:00Z'), rel(9, 'v1', true, '2026-01-01T00:00:00Z')],
      9,
    ],
    [
      'same second: lowest id',
      [rel(7, 'v1', true, '2026-01-01T00:00:00Z'), rel(6, 'v1', true, '2026-01-01T00:00:00Z')],
      6,
    ],
  ];
  it.each(rows)('%s', (_name, list, id) => {
    expect(oldestDraft(list, 'v1')?.id).toBe(id);
  });
});

/** GitHub's release endpoints over a list, as far as convergeOnRelease uses them (GitHub is not reachable here). */
function fakeGitHub(releases: (ReleaseRef & { assets: unknown[] })[], opts: { failDelete?: boolean } = {}) {
  const calls: string[] = [];
  let next = 100;
  const request: RequestFn = async (route, params = {}) => {
    calls.push(route);
    const notFound = () => Object.assign(new Error('Not Found'), { status: 404 });
    const id = Number(params.release_id);
    switch (route) {
      case 'GET /repos/{owner}/{repo}/releases/tags/{tag}': {
        const r = releases.find((x) => x.tag_name === params.tag && !x.draft);
        if (!r) throw notFound();
        return { status: 200, data: r };
      }
      case 'GET /repos/{owner}/{repo}/releases':
        return { status: 200, data: [...releases].reverse() };
      case 'POST /repos/{owner}/{repo}/releases': {
        const r = { ...rel(next++, String(params.tag_name), true, '2026-03-01T00:00:00Z'), assets: [] };
        // Another job's draft appears between this create and the next listing, created earlier.
        releases.push(r);
        return { status: 201, data: r };
      }
      case 'GET /repos/{owner}/{repo}/releases/{release_id}/assets':
        return { status: 200, data: releases.find((r) => r.id === id)!.assets };
      case 'DELETE /repos/{owner}/{repo}/releases/{release_id}':
        if (opts.failDelete) throw Object.assign(new Error('Server Error'), { status: 500 });
        releases.splice(
          releases.findIndex((r) => r.id === id),
          1,
        );
        return { status: 204, data: undefined };
      default:
        throw new Error(`unexpected ${route}`);
    }
  };
  return { request, calls };
}

const opts = { owner: 'o', repo: 'r', tag: 'v1', create: true };

describe('convergeOnRelease', () => {
  it('a lone cell creates a draft and keeps it', async () => {
    const releases: (ReleaseRef & { assets: unknown[] })[] = [];
    const { request } = fakeGitHub(releases);
    const r = await convergeOnRelease(request, opts);
    expect(r.id).toBe(100);
    expect(releases.map((x) => x.id)).toEqual([100]);
  });

  it('a draft that lost but already has assets is left in place; an empty one is deleted', async () => {
    for (const [assets, left] of [
      [[], [1]],
      [[{ name: 'x' }], [1, 100]],
    ] as const) {
      const releases = [{ ...rel(1, 'v1', true, '2026-01-01T00:00:00Z'), assets: [] as unknown[] }];
      const { request } = fakeGitHub(releases);
      // Race: the first listing saw nothing (the other draft is hidden from it).
      let listings = 0;
      const racing: RequestFn = async (route, params) => {
        if (route === 'GET /repos/{owner}/{repo}/releases' && listings++ === 0) return { status: 200, data: [] };
        const res = await request(route, params);
        if (route.startsWith('POST')) (res.data as { assets: unknown[] }).assets.push(...assets);
        return res;
      };
      const lines: string[] = [];
      const r = await convergeOnRelease(racing, { ...opts, log: (l) => lines.push(l) });
      expect(r.id).toBe(1);
      expect(releases.map((x) => x.id)).toEqual(left);
    }
  });

  it('a failed delete of the losing draft is logged, not thrown', async () => {
    const releases = [{ ...rel(1, 'v1', true, '2026-01-01T00:00:00Z'), assets: [] as unknown[] }];
    const { request } = fakeGitHub(releases, { failDelete: true });
    let listings = 0;
    const racing: RequestFn = (route, params) =>
      route === 'GET /repos/{owner}/{repo}/releases' && listings++ === 0
        ? Promise.resolve({ status: 200, data: [] })
        : request(route, params);
    const lines: string[] = [];
    expect((await convergeOnRelease(racing, { ...opts, log: (l) => lines.push(l) })).id).toBe(1);
    expect(lines.join('\n')).toMatch(/Could not delete the duplicate draft release 100/);
  });

  it('release-create false and no release: an error naming the input, nothing created', async () => {
    const { request, calls } = fakeGitHub([]);
    await expect(convergeOnRelease(request, { ...opts, create: false })).rejects.toThrow(/release-create is false/);
    expect(calls.some((c) => c.startsWith('POST'))).toBe(false);
  });
});

describe('an answer that is not a release', () => {
  // What a 200 from a proxy's login page, a wrong GITHUB_API_URL or a broken mirror looks like
  // through Octokit: the body as text for text/html, else the parsed JSON.
  const answers: [string, unknown, RegExp][] = [
    ['HTML', '<!DOCTYPE html><html><title>Sign in</title></html>', /answered "<!DOCTYPE html><html><title>Sign in/],
    ['{}', {}, /answered "\{\}", which is not a release/],
    ['null', null, /answered "null", which is not a release/],
  ];
  const ask = (route: string, data: unknown, o: Partial<typeof opts> & { releaseId?: number } = {}) => {
    const request: RequestFn = async (r) => {
      if (r === route) return { status: 200, data };
      throw Object.assign(new Error('Not Found'), { status: 404 });
    };
    return convergeOnRelease(request, { ...opts, ...o }).catch((e: unknown) => e);
  };

  it.each(answers)('release-id answered with %s', async (_name, data, words) => {
    const e = await ask('GET /repos/{owner}/{repo}/releases/{release_id}', data, { tag: '', releaseId: 7 });
    expect(e).toBeInstanceOf(ReleaseLookupError);
    expect((e as Error).message).toMatch(/^Getting release 7: the API /);
    expect((e as Error).message).toMatch(words);
  });

  it.each(answers)('the release of a tag answered with %s', async (_name, data, words) => {
    const e = await ask('GET /repos/{owner}/{repo}/releases/tags/{tag}', data);
    expect(e).toBeInstanceOf(ReleaseLookupError);
    expect((e as Error).message).toMatch(/^Getting the release of tag v1: the API /);
    expect((e as Error).message).toMatch(words);
  });

  it.each(answers)('the release list answered with %s', async (_name, data) => {
    const e = await ask('GET /repos/{owner}/{repo}/releases', data);
    expect(e).toBeInstanceOf(ReleaseLookupError);
    expect((e as Error).message).toMatch(/^Listing releases: the API answered .*, which is not a list of releases/);
  });
});
