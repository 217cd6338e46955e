// The repository's Actions cache quota, before a save: GitHub keeps 10 GB of cache entries per
// repository unless more is bought, and past that evicts the least recently used entries (checked
// hourly): entries of this cache among them. The cache service the libraries speak says nothing of
// the quota; the REST API answers with the repository's use (`GET /repos/{owner}/{repo}/actions/
// cache/usage`, `active_caches_size_in_bytes`; it needs `actions: read`, which the default token of
// a repository with restricted defaults lacks). Without that answer the action knows only the
// entries it restored this run: they are in the cache, so they are a floor of the use.

/** GitHub's cache quota per repository without paid storage: 10 GB. */
export const CACHE_QUOTA_BYTES = 10_000_000_000;

/** The REST API's answer, bounded: a save never waits long for a warning. */
const USAGE_TIMEOUT_MS = 10_000;

const gb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);

export interface QuotaFacts {
  /** The repository's cache use the REST API reported, when it answered. */
  used?: number;
  /** The bytes of the entries this run restored (in the cache, whatever else is). */
  restored: number;
  /** The bytes this save adds. */
  adding: number;
  quota: number;
}

/**
 * The warning a save deserves (pure): when the use plus what it adds passes the quota, saying the
 * figures, what GitHub then does and what to do; undefined when it fits (or nothing is added).
 */
export function quotaWarning(f: QuotaFacts): string | undefined {
  if (f.adding <= 0) return undefined;
  const known = f.used ?? f.restored;
  if (known + f.adding <= f.quota) return undefined;
  const use =
    f.used !== undefined
      ? `The repository's Actions cache holds ${gb(f.used)}`
      : `The Actions cache holds at least ${gb(f.restored)} (the entries this run restored; the repository's use is unknown)`;
  return (
    `${use}; this save adds ${gb(f.adding)}, past the ${gb(f.quota)} quota: GitHub will evict the least ` +
    'recently used entries, possibly the ones this cache restores from, and later runs may miss. Delete entries ' +
    "you no longer need (gh cache delete), raise the repository's cache limit, or use cache: registry."
  );
}

/**
 * The repository's cache use from the REST API (GITHUB_API_URL, GITHUB_REPOSITORY: set on every
 * runner; asked for nothing outside a workflow), or why not. Never throws.
 */
export async function repositoryCacheUsage(
  env: NodeJS.ProcessEnv,
  token: string,
): Promise<{ bytes: number } | { reason: string }> {
  const api = env.GITHUB_API_URL?.replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY;
  if (!api || !repo) return { reason: 'no GITHUB_API_URL or GITHUB_REPOSITORY' };
  if (!token) return { reason: 'no github-token' };
  try {
    // @actions/github's client: the runner's proxy settings apply, as to every other REST call.
    const { getOctokit } = await import('@actions/github');
    const [owner, name] = repo.split('/');
    const res = await getOctokit(token, { baseUrl: api })
      .request('GET /repos/{owner}/{repo}/actions/cache/usage', {
        owner: owner ?? '',
        repo: name ?? '',
        headers: { 'x-github-api-version': '2022-11-28' },
        request: { signal: AbortSignal.timeout(USAGE_TIMEOUT_MS) },
      })
      .catch((e: { status?: number }) => {
        if (typeof e.status !== 'number') throw e;
        return { status: e.status, data: undefined };
      });
    if (res.status !== 200) {
      return {
        reason: `the REST API answered ${res.status}${res.status === 403 ? ' (the token lacks actions: read)' : ''}`,
      };
    }
    const body = (res.data ?? {}) as { active_caches_size_in_bytes?: unknown };
    const bytes = Number(body.active_caches_size_in_bytes);
    return Number.isFinite(bytes) && bytes >= 0 ? { bytes } : { reason: 'the REST API gave no size' };
  } catch (e) {
    return { reason: (e as Error).message };
  }
}
