// The GitHub hosts the action talks to, in one place: the runner's own (GITHUB_SERVER_URL and its
// REST API, GITHUB_API_URL), whether that is a GitHub Enterprise Server, and which REST API knows
// the releases behind `c2w-download-url` and whether `github-token` may be sent there.
// `c2w-version: latest` is resolved there, never blindly at GITHUB_API_URL: on GitHub Enterprise
// Server that API is the GHES instance, which does not have a repository that lives on github.com,
// and its token must not travel to another host. Pure: tested by table.

type HostEnv = { GITHUB_SERVER_URL?: string; GITHUB_API_URL?: string };

/** The runner's GitHub web host, without a trailing slash (GITHUB_SERVER_URL; github.com outside Actions). */
export function serverUrl(env: HostEnv): string {
  return (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
}

/** The runner's GitHub REST API, without a trailing slash (GITHUB_API_URL; api.github.com outside Actions). */
export function apiUrl(env: HostEnv): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

/**
 * True when GITHUB_SERVER_URL is a GitHub Enterprise Server, by the rule @actions/artifact applies
 * (github.com, GHE.com tenants and *.localhost are not), so the action skips what GHES lacks.
 */
export function isGhes(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
  } catch {
    return false;
  }
  return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}

export interface ReleasesApi {
  /** Base URL of the REST API, without a trailing slash. */
  api: string;
  owner: string;
  repo: string;
  /** The download host is the runner's own GitHub host (GITHUB_SERVER_URL), whose token github-token is. */
  sendToken: boolean;
}

/** GitHub serves release downloads at `<host>/<owner>/<repo>/releases/download/<tag>/<asset>`. */
const DOWNLOAD_PATH = /^\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/releases\/download\/*$/;

/**
 * The API of the host that serves `downloadUrl`, or undefined when the URL is not a GitHub
 * release download base (a plain mirror has no releases API).
 * - the runner's own host (GITHUB_SERVER_URL): GITHUB_API_URL, with the token;
 * - github.com: https://api.github.com; a GHE.com tenant `x.ghe.com`: https://api.x.ghe.com;
 * - any other host is taken for a GitHub Enterprise Server, whose API is `<origin>/api/v3`.
 */
export function releasesApiFor(downloadUrl: string, env: HostEnv): ReleasesApi | undefined {
  let url: URL;
  try {
    url = new URL(downloadUrl);
  } catch {
    return undefined;
  }
  const m = DOWNLOAD_PATH.exec(url.pathname);
  if (!m || url.search || url.hash || url.username || url.password) return undefined;
  const [, owner, repo] = m as unknown as [string, string, string];
  const host = url.host.toLowerCase();

  let server: URL | undefined;
  try {
    server = new URL(env.GITHUB_SERVER_URL || 'https://github.com');
  } catch {
    server = undefined;
  }
  if (server && server.host.toLowerCase() === host && server.protocol === url.protocol) {
    const api = env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`);
    return { api: api.replace(/\/+$/, ''), owner, repo, sendToken: true };
  }
  if (host === 'github.com') return { api: 'https://api.github.com', owner, repo, sendToken: false };
  if (host.endsWith('.ghe.com')) return { api: `https://api.${host}`, owner, repo, sendToken: false };
  return { api: `${url.origin}/api/v3`, owner, repo, sendToken: false };
}

/**
 * Whether `uploadUrl` (a release's `upload_url`, a URI template) is on the upload host of the REST
 * API at `api`, so that the token may go there. GitHub names `https://uploads.github.com/…` for
 * `https://api.github.com`, `https://uploads.<tenant>.ghe.com/…` for `https://api.<tenant>.ghe.com`,
 * and the API's own host (`<host>/api/uploads/…`) on GitHub Enterprise Server
 * (https://docs.github.com/en/rest/releases/assets#upload-a-release-asset). Any other host would
 * receive the token from an answer that named it, which a redirect, by fetch's rules, never does.
 */
export function isUploadHostOf(uploadUrl: string, api: string): boolean {
  let upload: URL;
  let base: URL;
  try {
    upload = new URL(uploadUrl.replace(/\{[^}]*\}/g, ''));
    base = new URL(api);
  } catch {
    return false;
  }
  if (upload.protocol !== base.protocol || upload.username || upload.password) return false;
  const host = upload.host.toLowerCase();
  const apiHost = base.host.toLowerCase();
  return host === apiHost || (apiHost.startsWith('api.') && host === `uploads.${apiHost.slice('api.'.length)}`);
}

/**
 * The GitHub Container Registry of the runner's GitHub host: ghcr.io for github.com;
 * `containers.<host>` for a GHE.com tenant and for GitHub Enterprise Server (with subdomain
 * isolation, as its docs give it:
 * https://docs.github.com/en/enterprise-server@latest/packages/working-with-a-github-packages-registry/working-with-the-container-registry).
 */
export function containerRegistry(env: HostEnv): string {
  let host: string;
  try {
    host = new URL(serverUrl(env)).host.toLowerCase();
  } catch {
    host = 'github.com';
  }
  return host === 'github.com' ? 'ghcr.io' : `containers.${host}`;
}
