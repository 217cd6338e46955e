// Local stand-in for the GitHub REST API (api.github.com and uploads.github.com) as far as the
// action uses it: releases by tag, the release list (drafts are only found there), create
// release, get/delete a release by id, list/delete/upload release assets, and the latest release
// (c2w `latest` resolution). Several drafts may share a tag name, as on GitHub.
// Point the action at it with GITHUB_API_URL=<url> (or <url>/api/v3, where GitHub Enterprise Server
// serves its API). With `public`, it is also the web host of a public repository: anonymous reads
// are answered and release assets download from <url>/<owner>/<repo>/releases/download/<tag>/<name>,
// as github.com serves browser_download_url. It answers with GitHub's status codes and
// JSON shapes (message + documentation_url errors, 422 `Validation Failed` with `errors[]`,
// 204 on delete, 201 on create/upload), checks the `Authorization` header against a token,
// and can be scripted to fail: see `Fault`.
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAsset {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  size: number;
  state: 'uploaded';
  url: string;
  browser_download_url: string;
  created_at: string;
  updated_at: string;
  /** Not part of GitHub's JSON: the uploaded bytes, for assertions. */
  data: Buffer;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  assets: FakeAsset[];
  created_at: string;
  published_at: string | null;
}

/**
 * A scripted failure. `match` selects requests by `METHOD path` (a regexp tested against e.g.
 * `POST /uploads/repos/o/r/releases/1/assets`); `times` is how many matching requests fail
 * (default 1), after which the fault is spent.
 */
export type Fault =
  | {
      kind: 'status';
      match: RegExp;
      status: number;
      message?: string;
      headers?: Record<string, string>;
      times?: number;
    }
  /** Before the matching upload is answered, someone else uploads an asset of the same name (a 422 race). */
  | { kind: 'race'; match: RegExp; times?: number }
  /**
   * The request succeeds (the release is created, the asset stored), then the answer is `status`
   * instead: what a proxy's 502 after GitHub did the work looks like to the client.
   */
  | { kind: 'succeed-then-status'; match: RegExp; status: number; times?: number }
  /** The request is read and never answered (a service that hangs). */
  | { kind: 'hang'; match: RegExp; times?: number }
  /**
   * The request is answered with this body instead (a proxy's HTML page, `{}`, `null`, or a
   * release that names an upload URL on another host); `body` may use the stand-in's origin.
   */
  | {
      kind: 'answer';
      match: RegExp;
      status: number;
      contentType: string;
      body: (origin: string) => string;
      times?: number;
    };

export interface RequestLogEntry {
  method: string;
  path: string;
  authorization: string | undefined;
  status: number;
}

export interface GitHubApi {
  url: string;
  owner: string;
  repo: string;
  token: string;
  releases: FakeRelease[];
  requests: RequestLogEntry[];
  addRelease(
    r: Partial<Omit<FakeRelease, 'id' | 'assets'>> & {
      tag_name: string;
      assets?: { name: string; data: Buffer | string }[];
    },
  ): FakeRelease;
  fault(f: Fault): void;
  /**
   * Holds the next `n` release listings (GET /repos/{o}/{r}/releases) until all `n` have arrived,
   * then answers them together from the same state: `n` jobs that look for a draft at the same
   * moment, before any of them has created one. Resolves when they have been answered.
   */
  holdListings(n: number): Promise<void>;
  /**
   * Reads no upload's body (POST to the upload host) until the returned function is called: a
   * client that waits for the server's reading (backpressure) sends only what the socket buffers.
   */
  holdUploads(): () => void;
  stop(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startGitHubApi(
  opts: { owner?: string; repo?: string; token?: string; public?: boolean } = {},
): Promise<GitHubApi> {
  const owner = opts.owner ?? 'octo';
  const repo = opts.repo ?? 'wasm';
  const token = opts.token ?? 'ghs_testtoken0123456789';
  const releases: FakeRelease[] = [];
  const requests: RequestLogEntry[] = [];
  const faults: (Fault & { left: number })[] = [];
  let nextId = 1000;
  let held: { want: number; waiting: (() => void)[]; done: () => void } | undefined;
  let url = '';
  const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  const makeAsset = (
    rel: FakeRelease,
    name: string,
    data: Buffer,
    contentType: string,
    label: string | null,
  ): FakeAsset => {
    const id = nextId++;
    return {
      id,
      name,
      label,
      content_type: contentType,
      size: data.length,
      state: 'uploaded',
      url: `${url}/repos/${owner}/${repo}/releases/assets/${id}`,
      // Real: https://github.com/o/r/releases/download/<tag>/<name> (untagged-<hash> for drafts).
      browser_download_url: `${url}/${owner}/${repo}/releases/download/${rel.draft ? `untagged-${rel.id}` : rel.tag_name}/${name}`,
      created_at: now(),
      updated_at: now(),
      data,
    };
  };

  const releaseJson = (r: FakeRelease): Record<string, unknown> => ({
    url: `${url}/repos/${owner}/${repo}/releases/${r.id}`,
    html_url: `${url}/${owner}/${repo}/releases/tag/${r.tag_name}`,
    assets_url: `${url}/repos/${owner}/${repo}/releases/${r.id}/assets`,
    // Real: https://uploads.github.com/repos/o/r/releases/<id>/assets{?name,label}
    upload_url: `${url}/uploads/repos/${owner}/${repo}/releases/${r.id}/assets{?name,label}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tag_name,
    target_commitish: 'main',
    name: r.name,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: r.immutable,
    created_at: r.created_at,
    published_at: r.published_at,
    author: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
    assets: r.assets.map(assetJson),
    body: null,
  });
  const assetJson = (a: FakeAsset): Record<string, unknown> => {
    const { data: _data, ...rest } = a;
    return { ...rest, node_id: `RA_${a.id}`, download_count: 0, uploader: { login: 'github-actions[bot]' } };
  };

  const api: GitHubApi = {
    url: '',
    owner,
    repo,
    token,
    releases,
    requests,
    addRelease(r) {
      const rel: FakeRelease = {
        id: nextId++,
        tag_name: r.tag_name,
        name: r.name ?? r.tag_name,
        draft: r.draft ?? false,
        prerelease: r.prerelease ?? false,
        immutable: r.immutable ?? false,
        assets: [],
        created_at: r.created_at ?? now(),
        published_at: r.draft ? null : (r.published_at ?? now()),
      };
      for (const a of r.assets ?? [])
        rel.assets.push(makeAsset(rel, a.name, Buffer.from(a.data), 'application/octet-stream', null));
      releases.push(rel);
      return rel;
    },
    fault(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    holdListings(n) {
      return new Promise<void>((resolve) => {
        held = { want: n, waiting: [], done: resolve };
      });
    },
    holdUploads() {
      uploadsHeld ??= [];
      return () => {
        const waiting = uploadsHeld ?? [];
        uploadsHeld = undefined;
        for (const serve of waiting) serve();
      };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  let uploadsHeld: (() => void)[] | undefined;
  const server = http.createServer((req, res) => {
    if (uploadsHeld && req.method === 'POST' && (req.url ?? '').startsWith('/uploads/')) {
      uploadsHeld.push(() => serve(req, res));
      return;
    }
    serve(req, res);
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const u = new URL(req.url ?? '/', 'http://x');
      const requested = u.pathname + u.search;
      // GitHub Enterprise Server serves the REST API under /api/v3.
      u.pathname = u.pathname.replace(/^\/api\/v3(?=\/)/, '');
      const method = req.method ?? 'GET';
      let late: { status: number } | undefined;
      const send = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
        if (late && status < 400) {
          const { status: lateStatus } = late;
          late = undefined;
          return error(lateStatus, http.STATUS_CODES[lateStatus] ?? 'Error');
        }
        requests.push({ method, path: requested, authorization: req.headers.authorization, status });
        const text = json === undefined ? '' : JSON.stringify(json);
        res.writeHead(status, {
          ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
          'x-github-request-id': createHash('md5')
            .update(String(requests.length))
            .digest('hex')
            .slice(0, 16)
            .toUpperCase(),
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4999',
          ...headers,
        });
        res.end(text);
      };
      const error = (
        status: number,
        message: string,
        extra: Record<string, unknown> = {},
        headers?: Record<string, string>,
      ): void => send(status, { message, ...extra, documentation_url: DOCS, status: String(status) }, headers);

      // A public repository's release download (browser_download_url): no token needed.
      const download = new RegExp(`^/${owner}/${repo}/releases/download/([^/]+)/([^/]+)$`).exec(u.pathname);
      if (opts.public && method === 'GET' && download && requested.startsWith(`/${owner}/`)) {
        const rel = releases.find((r) => !r.draft && r.tag_name === decodeURIComponent(download[1]!));
        const asset = rel?.assets.find((a) => a.name === decodeURIComponent(download[2]!));
        requests.push({ method, path: requested, authorization: req.headers.authorization, status: asset ? 200 : 404 });
        if (!asset) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': asset.size });
        return void res.end(asset.data);
      }

      // Authentication: GitHub answers 401 Bad credentials to a wrong token; a public repository
      // answers anonymous reads.
      const auth = req.headers.authorization ?? '';
      const given = auth.replace(/^(token|bearer)\s+/i, '');
      const anonymousRead = opts.public && method === 'GET' && auth === '';
      if (given !== token && !anonymousRead) return error(401, 'Bad credentials');

      const key = `${method} ${u.pathname}`;
      const fault = faults.find((f) => f.left > 0 && f.match.test(key));
      if (fault) {
        fault.left--;
        if (fault.kind === 'status') {
          return error(fault.status, fault.message ?? http.STATUS_CODES[fault.status] ?? 'Error', {}, fault.headers);
        }
        if (fault.kind === 'hang') {
          requests.push({ method, path: u.pathname + u.search, authorization: req.headers.authorization, status: 0 });
          return;
        }
        if (fault.kind === 'answer') {
          requests.push({ method, path: requested, authorization: req.headers.authorization, status: fault.status });
          return void res.writeHead(fault.status, { 'content-type': fault.contentType }).end(fault.body(url));
        }
        if (fault.kind === 'succeed-then-status') late = { status: fault.status };
      }

      const base = `/repos/${owner}/${repo}`;
      let m: RegExpExecArray | null;
      const p = u.pathname;
      const page = Math.max(1, Number(u.searchParams.get('page') ?? 1));
      const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30)));
      const paged = <T>(list: T[]): T[] => list.slice((page - 1) * perPage, page * perPage);
      const byId = (id: number): FakeRelease | undefined => releases.find((r) => r.id === id);

      if (!p.startsWith(base + '/') && !p.startsWith('/uploads' + base + '/')) return error(404, 'Not Found');

      // GET /repos/{o}/{r}/releases/latest: the newest published, non-draft, non-prerelease release.
      if (method === 'GET' && p === `${base}/releases/latest`) {
        const latest = releases
          .filter((r) => !r.draft && !r.prerelease)
          .sort((a, b) => String(b.published_at).localeCompare(String(a.published_at)) || b.id - a.id)[0];
        return latest ? send(200, releaseJson(latest)) : error(404, 'Not Found');
      }
      // GET /repos/{o}/{r}/releases/tags/{tag}: published releases only (drafts answer 404).
      if (method === 'GET' && (m = new RegExp(`^${base}/releases/tags/(.+)$`).exec(p))) {
        const tag = decodeURIComponent(m[1]!);
        const r = releases.find((x) => x.tag_name === tag && !x.draft);
        return r ? send(200, releaseJson(r)) : error(404, 'Not Found');
      }
      // GET /repos/{o}/{r}/releases: newest first, drafts included (the token can push).
      if (method === 'GET' && p === `${base}/releases`) {
        const answer = (): void => send(200, paged([...releases].sort((a, b) => b.id - a.id)).map(releaseJson));
        if (!held) return answer();
        const hold = held;
        hold.waiting.push(answer);
        if (hold.waiting.length < hold.want) return;
        held = undefined;
        for (const w of hold.waiting) w();
        return hold.done();
      }
      // GET /repos/{o}/{r}/releases/{id}: drafts too (the token can push).
      if (method === 'GET' && (m = new RegExp(`^${base}/releases/(\\d+)$`).exec(p))) {
        const r = byId(Number(m[1]));
        return r ? send(200, releaseJson(r)) : error(404, 'Not Found');
      }
      // DELETE /repos/{o}/{r}/releases/{id}: the release and its assets (the tag stays).
      if (method === 'DELETE' && (m = new RegExp(`^${base}/releases/(\\d+)$`).exec(p))) {
        const i = releases.findIndex((r) => r.id === Number(m![1]));
        if (i < 0) return error(404, 'Not Found');
        releases.splice(i, 1);
        return send(204);
      }
      // PATCH /repos/{o}/{r}/releases/{id}: update; `draft: false` publishes (a published release
      // of the same tag is a 422 already_exists, as on GitHub).
      if (method === 'PATCH' && (m = new RegExp(`^${base}/releases/(\\d+)$`).exec(p))) {
        const r = byId(Number(m[1]));
        if (!r) return error(404, 'Not Found');
        let input: { draft?: boolean; name?: string };
        try {
          input = JSON.parse(body.toString() || '{}');
        } catch {
          return error(400, 'Problems parsing JSON');
        }
        if (input.draft === false && r.draft) {
          if (releases.some((o) => o !== r && !o.draft && o.tag_name === r.tag_name)) {
            return error(422, 'Validation Failed', {
              errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
            });
          }
          r.draft = false;
          r.published_at = now();
        }
        if (input.name !== undefined) r.name = input.name;
        return send(200, releaseJson(r));
      }
      // POST /repos/{o}/{r}/releases
      if (method === 'POST' && p === `${base}/releases`) {
        let input: { tag_name?: string; name?: string; draft?: boolean; prerelease?: boolean };
        try {
          input = JSON.parse(body.toString() || '{}');
        } catch {
          return error(400, 'Problems parsing JSON');
        }
        if (!input.tag_name) {
          return error(422, 'Validation Failed', {
            errors: [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }],
          });
        }
        if (!input.draft && releases.some((r) => r.tag_name === input.tag_name)) {
          return error(422, 'Validation Failed', {
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
          });
        }
        const r = api.addRelease({
          tag_name: input.tag_name,
          name: input.name ?? input.tag_name,
          draft: input.draft ?? false,
          prerelease: input.prerelease ?? false,
        });
        return send(201, releaseJson(r), { location: `${url}${base}/releases/${r.id}` });
      }
      // GET /repos/{o}/{r}/releases/{id}/assets
      if (method === 'GET' && (m = new RegExp(`^${base}/releases/(\\d+)/assets$`).exec(p))) {
        const r = byId(Number(m[1]));
        return r ? send(200, paged(r.assets).map(assetJson)) : error(404, 'Not Found');
      }
      // DELETE /repos/{o}/{r}/releases/assets/{asset_id}
      if (method === 'DELETE' && (m = new RegExp(`^${base}/releases/assets/(\\d+)$`).exec(p))) {
        const id = Number(m[1]);
        const r = releases.find((x) => x.assets.some((a) => a.id === id));
        if (!r) return error(404, 'Not Found');
        if (r.immutable && !r.draft) return error(422, 'Cannot delete assets from an immutable release.');
        r.assets = r.assets.filter((a) => a.id !== id);
        return send(204);
      }
      // POST <upload_url>?name=&label= (uploads.github.com/repos/{o}/{r}/releases/{id}/assets)
      if (method === 'POST' && (m = new RegExp(`^/uploads${base}/releases/(\\d+)/assets$`).exec(p))) {
        const r = byId(Number(m[1]));
        if (!r) return error(404, 'Not Found');
        const name = u.searchParams.get('name');
        if (!name)
          return error(422, 'Validation Failed', {
            errors: [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }],
          });
        if (req.headers['content-length'] === undefined) return error(411, 'Length Required');
        if (Number(req.headers['content-length']) !== body.length)
          return error(400, 'Content-Length does not match the body');
        if (fault?.kind === 'race' && !r.assets.some((a) => a.name === name)) {
          r.assets.push(makeAsset(r, name, Buffer.from('uploaded by another job'), 'application/octet-stream', null));
        }
        if (r.immutable && !r.draft) return error(422, 'Cannot upload assets to an immutable release.');
        if (r.assets.some((a) => a.name === name)) {
          return error(422, 'Validation Failed', {
            errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
          });
        }
        const a = makeAsset(
          r,
          name,
          body,
          String(req.headers['content-type'] ?? 'application/octet-stream'),
          u.searchParams.get('label'),
        );
        r.assets.push(a);
        return send(201, assetJson(a));
      }
      return error(404, 'Not Found');
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.url = url;
  return api;
}
