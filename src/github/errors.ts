// What a failed GitHub REST call means for the user: the API's own message plus what to do, for
// the answers users hit (bad token, missing permission, rate limit, immutable release). Pure: the
// failure and the moment are given, so the whole table is unit-tested.

/** What is known of a failed call: Octokit's RequestError, a timeout, or a network error. */
export interface ApiFailure {
  status?: number;
  /** The API's message (with its `errors[]` details), or the error's own message. */
  message: string;
  headers: Record<string, string | undefined>;
  /** No answer within the call's time limit. */
  timedOut?: boolean;
}

export interface ExplainContext {
  /** What was being done, e.g. "Uploading app.wasm". */
  what: string;
  /** `owner/repo`. */
  repository: string;
  /** The release's tag and whether it is published and immutable, when a release is involved. */
  tag?: string;
  immutable?: boolean;
  /** Now, in ms since the epoch (to turn `x-ratelimit-reset` into a wait). */
  now: number;
  /** The longest wait for a rate limit the action accepts, in seconds. */
  maxWaitSeconds: number;
}

/** An error as @octokit/request-error shapes it. */
interface OctokitLikeError {
  status?: number;
  message?: string;
  timedOut?: boolean;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Reads what explain() needs out of whatever a call threw. */
export function apiFailure(err: unknown): ApiFailure {
  const e = (err ?? {}) as OctokitLikeError;
  const data = e.response?.data as
    { message?: string; errors?: { code?: string; message?: string; field?: string }[] } | undefined;
  let message = e.message ?? String(err);
  if (data && typeof data === 'object' && data.message) {
    const details = (data.errors ?? [])
      .map((x) => x.message || [x.field, x.code].filter(Boolean).join(' '))
      .filter(Boolean);
    message = details.length ? `${data.message} (${details.join('; ')})` : data.message;
  }
  return {
    ...(e.timedOut ? { timedOut: true } : { status: e.status }),
    message,
    headers: e.response?.headers ?? {},
  };
}

/**
 * Seconds GitHub asks to wait before the next call, when the answer is a rate limit; undefined
 * otherwise. Primary limit: 403/429 with `x-ratelimit-remaining: 0`, until `x-ratelimit-reset`
 * (epoch seconds) plus one second. Secondary limit: a message saying so, `retry-after` seconds
 * (60 when absent). The same rules @octokit/plugin-throttling applies, see
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
 */
export function rateLimitWait(f: ApiFailure, now: number): number | undefined {
  if (f.status !== 403 && f.status !== 429) return undefined;
  if (/\bsecondary rate\b/i.test(f.message)) return Number(f.headers['retry-after']) || 60;
  if (f.headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(f.headers['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset > 0) return Math.max(Math.ceil((reset * 1000 - now) / 1000) + 1, 0);
    return Number(f.headers['retry-after']) || 60;
  }
  if (f.headers['retry-after'] !== undefined || /rate limit/i.test(f.message)) {
    return Number(f.headers['retry-after']) || 60;
  }
  return undefined;
}

/** The message a failed call ends the step with. */
export function explain(f: ApiFailure, ctx: ExplainContext): string {
  const head = `${ctx.what} failed: ${f.status ?? ''} ${f.message}`.replace(/\s+/g, ' ').trim();
  if (f.timedOut) return `${ctx.what} failed: ${f.message}. GitHub did not answer in time; re-run the job.`;
  if (f.status === 401) {
    return `${head}. The github-token is invalid or expired; pass a valid token (the default is github.token).`;
  }
  const wait = rateLimitWait(f, ctx.now);
  if (wait !== undefined) {
    const until = new Date(ctx.now + wait * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    return (
      `${head}. This is GitHub's rate limit, not a permission problem: it asks to wait ${wait} s ` +
      `(until ${until}), longer than the ${ctx.maxWaitSeconds} s the action waits. ` +
      `Re-run the job after that time, or spread the jobs that use this token.`
    );
  }
  if (f.status === 403 || f.status === 404) {
    return (
      `${head}. Check that ${ctx.repository} exists and that the github-token can write to it ` +
      `(permissions: contents: write).`
    );
  }
  if (f.status === 422 && (/immutable/i.test(f.message) || ctx.immutable)) {
    return (
      `${head}. Release ${ctx.tag ?? ''} is published and immutable: assets can only be added while a ` +
      `release is a draft. Create the release as a draft (or let this action create it with ` +
      `release-create: true), publish it after the uploads, or use a new tag.`
    );
  }
  return head;
}
