export const id = 659;
export const ids = [659];
export const modules = {

/***/ 15358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pl: () => (/* binding */ FileBody),
  u3: () => (/* binding */ ReleaseApi),
  K2: () => (/* binding */ ReleaseError)
});

// EXTERNAL MODULE: ./src/github/hosts.ts
var hosts = __webpack_require__(55044);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/lib/answer.ts
var answer = __webpack_require__(98557);
;// CONCATENATED MODULE: ./src/github/release-draft.ts
// Which release the cells of a matrix upload to: one release per tag, whatever the cells' timing.
//
// GitHub's by-tag endpoint never returns a draft (GET /repos/{owner}/{repo}/releases/tags/{tag}
// answers 404 for one), and creating a draft never fails because another draft has the same tag:
// several drafts may share a tag name. So cells that look before any of them has created the draft
// each create one. Convergence: after creating its draft, a cell lists again and uploads to the
// OLDEST draft of the tag (lowest created_at, then lowest id); every cell that lists after its own
// create sees every draft created before its own, so all agree on the same one. A cell whose draft
// lost deletes it, but only while it is still empty (nobody uploaded to it).
// https://docs.github.com/en/rest/releases/releases

class ReleaseLookupError extends Error {
    cause;
    constructor(message, cause) {
        super(message);
        this.cause = cause;
        this.name = 'ReleaseLookupError';
    }
}
/**
 * `data` as a release, or a ReleaseLookupError saying what the API answered instead: a proxy's or
 * a wrong GITHUB_API_URL's HTML page, `{}` or `null` with status 200 is no release to upload to.
 */
function releaseOf(data, what) {
    const r = data;
    if (r !== null &&
        typeof r === 'object' &&
        !Array.isArray(r) &&
        Number.isSafeInteger(r.id) &&
        typeof r.tag_name === 'string' &&
        typeof r.draft === 'boolean' &&
        typeof r.upload_url === 'string') {
        return r;
    }
    throw new ReleaseLookupError(`${what}: the API answered ${(0,answer/* describeAnswer */.O)(data)}, which is not a release`);
}
/** `data` as a list of releases (see releaseOf). */
function releasesOf(data, what) {
    if (!Array.isArray(data)) {
        throw new ReleaseLookupError(`${what}: the API answered ${(0,answer/* describeAnswer */.O)(data)}, which is not a list of releases`);
    }
    return data.map((r) => releaseOf(r, what));
}
const statusOf = (err) => err.status;
/** The oldest draft of `tag` in `list`, or undefined (pure). */
function oldestDraft(list, tag) {
    return list
        .filter((r) => r.draft && r.tag_name === tag)
        .sort((a, b) => String(a.created_at ?? '').localeCompare(String(b.created_at ?? '')) || a.id - b.id)[0];
}
/** The release every cell of a matrix with this tag uploads to (see the module comment). */
async function convergeOnRelease(request, o) {
    const log = o.log ?? (() => { });
    const repo = { owner: o.owner, repo: o.repo };
    if (o.releaseId !== undefined) {
        let res;
        try {
            res = await request('GET /repos/{owner}/{repo}/releases/{release_id}', {
                ...repo,
                release_id: o.releaseId,
            });
        }
        catch (err) {
            throw new ReleaseLookupError(statusOf(err) === 404
                ? `release-id ${o.releaseId}: no such release in ${o.owner}/${o.repo} (or the token cannot see it)`
                : `Getting release ${o.releaseId}`, err);
        }
        return releaseOf(res.data, `Getting release ${o.releaseId}`);
    }
    let byTag;
    try {
        byTag = await request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { ...repo, tag: o.tag });
    }
    catch (err) {
        if (statusOf(err) !== 404)
            throw new ReleaseLookupError(`Getting the release of tag ${o.tag}`, err);
    }
    if (byTag !== undefined)
        return releaseOf(byTag.data, `Getting the release of tag ${o.tag}`);
    const existing = await findOldestDraft(request, o);
    if (existing)
        return existing;
    if (!o.create) {
        throw new ReleaseLookupError(`No release has the tag ${o.tag}, and release-create is false: create the release first, or set release-create: true`);
    }
    log(`Creating draft release ${o.tag}`);
    let created;
    try {
        created = await request('POST /repos/{owner}/{repo}/releases', {
            ...repo,
            tag_name: o.tag,
            name: o.tag,
            draft: true,
        });
    }
    catch (err) {
        throw new ReleaseLookupError(`Creating a draft release for tag ${o.tag}`, err);
    }
    const mine = releaseOf(created.data, `Creating a draft release for tag ${o.tag}`);
    // Another cell may have created a draft of the same tag meanwhile: the oldest one wins.
    const winner = (await findOldestDraft(request, o)) ?? mine;
    if (winner.id === mine.id)
        return mine;
    log(`Another job created draft release ${winner.id} for ${o.tag} first; uploading there.`);
    await deleteIfEmpty(request, o, mine, log);
    return winner;
}
/** The oldest draft of the tag among the newest `maxPages` pages of releases. */
async function findOldestDraft(request, o) {
    const drafts = [];
    for (let page = 1; page <= (o.maxPages ?? 10); page++) {
        let res;
        try {
            res = await request('GET /repos/{owner}/{repo}/releases', {
                owner: o.owner,
                repo: o.repo,
                per_page: 100,
                page,
            });
        }
        catch (err) {
            throw new ReleaseLookupError('Listing releases', err);
        }
        const list = releasesOf(res.data, 'Listing releases');
        drafts.push(...list.filter((r) => r.draft && r.tag_name === o.tag));
        if (list.length < 100)
            break;
    }
    return oldestDraft(drafts, o.tag);
}
/** Deletes the draft this cell created and lost with, unless someone already uploaded to it. */
async function deleteIfEmpty(request, o, mine, log) {
    const params = { owner: o.owner, repo: o.repo, release_id: mine.id };
    try {
        const assets = (await request('GET /repos/{owner}/{repo}/releases/{release_id}/assets', { ...params, per_page: 1 }))
            .data;
        if (assets.length > 0) {
            log(`Draft release ${mine.id} already has assets; leaving it in place.`);
            return;
        }
        await request('DELETE /repos/{owner}/{repo}/releases/{release_id}', params);
        log(`Deleted the duplicate draft release ${mine.id}.`);
    }
    catch (err) {
        // The upload goes to the winner either way; an empty draft left behind is only clutter.
        log(`Could not delete the duplicate draft release ${mine.id}: ${err.message}`);
    }
}

;// CONCATENATED MODULE: ./src/github/errors.ts
// What a failed GitHub REST call means for the user: the API's own message plus what to do, for
// the answers users hit (bad token, missing permission, rate limit, immutable release). Pure: the
// failure and the moment are given, so the whole table is unit-tested.
/** Reads what explain() needs out of whatever a call threw. */
function apiFailure(err) {
    const e = (err ?? {});
    const data = e.response?.data;
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
function rateLimitWait(f, now) {
    if (f.status !== 403 && f.status !== 429)
        return undefined;
    if (/\bsecondary rate\b/i.test(f.message))
        return Number(f.headers['retry-after']) || 60;
    if (f.headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(f.headers['x-ratelimit-reset']);
        if (Number.isFinite(reset) && reset > 0)
            return Math.max(Math.ceil((reset * 1000 - now) / 1000) + 1, 0);
        return Number(f.headers['retry-after']) || 60;
    }
    if (f.headers['retry-after'] !== undefined || /rate limit/i.test(f.message)) {
        return Number(f.headers['retry-after']) || 60;
    }
    return undefined;
}
/** The message a failed call ends the step with. */
function explain(f, ctx) {
    const head = `${ctx.what} failed: ${f.status ?? ''} ${f.message}`.replace(/\s+/g, ' ').trim();
    if (f.timedOut)
        return `${ctx.what} failed: ${f.message}. GitHub did not answer in time; re-run the job.`;
    if (f.status === 401) {
        return `${head}. The github-token is invalid or expired; pass a valid token (the default is github.token).`;
    }
    const wait = rateLimitWait(f, ctx.now);
    if (wait !== undefined) {
        const until = new Date(ctx.now + wait * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
        return (`${head}. This is GitHub's rate limit, not a permission problem: it asks to wait ${wait} s ` +
            `(until ${until}), longer than the ${ctx.maxWaitSeconds} s the action waits. ` +
            `Re-run the job after that time, or spread the jobs that use this token.`);
    }
    if (f.status === 403 || f.status === 404) {
        return (`${head}. Check that ${ctx.repository} exists and that the github-token can write to it ` +
            `(permissions: contents: write).`);
    }
    if (f.status === 422 && (/immutable/i.test(f.message) || ctx.immutable)) {
        return (`${head}. Release ${ctx.tag ?? ''} is published and immutable: assets can only be added while a ` +
            `release is a draft. Create the release as a draft (or let this action create it with ` +
            `release-create: true), publish it after the uploads, or use a new tag.`);
    }
    return head;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./src/github/upload-fetch.ts




/** Statuses whose answer has no body (a Response refuses one): fetch's null body statuses. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** A fetch over node:http(s); `agentFor` gives the agent of a URL (the runner's proxy). */
function streamingFetch(agentFor) {
    return (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const headers = {};
        new Headers(init?.headers).forEach((value, key) => {
            headers[key] = value;
        });
        const method = init?.method ?? 'GET';
        const body = init?.body;
        const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        return new Promise((resolve, reject) => {
            const req = send(url, {
                method,
                headers,
                agent: agentFor(url.href),
                ...(init?.signal ? { signal: init.signal } : {}),
            });
            req.on('error', reject);
            req.on('response', (res) => {
                const status = res.statusCode ?? 0;
                const answer = new Headers();
                for (const [key, value] of Object.entries(res.headers)) {
                    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
                        answer.append(key, v);
                }
                const empty = NULL_BODY.has(status) || method === 'HEAD';
                if (empty)
                    res.resume();
                resolve(new Response(empty ? null : external_node_stream_.Readable.toWeb(res), {
                    status,
                    statusText: res.statusMessage ?? '',
                    headers: answer,
                }));
            });
            if (body === undefined || body === null)
                req.end();
            else if (typeof body === 'string' || body instanceof Uint8Array)
                req.end(body);
            else
                (0,promises_.pipeline)(external_node_stream_.Readable.from(body), req).catch(reject);
        });
    };
}

;// CONCATENATED MODULE: ./src/github/releases.ts
// The GitHub REST calls of the release half of publishing: find the release of a tag (drafts
// included), create a draft, list/delete/upload assets. Through @actions/github's Octokit with
// @octokit/plugin-retry (5xx and network errors) and @octokit/plugin-throttling (primary and
// secondary rate limits, honouring x-ratelimit-reset and retry-after up to a bounded total wait).
// Every request has a time limit. Creating a release and uploading an asset are not idempotent:
// they are not retried blindly, but after a failure that may have happened after GitHub did the
// work (5xx, no answer), the release or asset is looked up first and adopted when it is there.






/**
 * A file as a request body that can be sent more than once: the plugins retry a request with
 * the same options, and a stream would be empty the second time. fetch reads an async
 * iterable as a streamed body; a class instance (not a plain object) is passed through
 * @octokit/request untouched.
 */
class FileBody {
    file;
    constructor(file) {
        this.file = file;
    }
    async *[Symbol.asyncIterator]() {
        for await (const chunk of external_node_fs_.createReadStream(this.file))
            yield chunk;
    }
}
class ReleaseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseError';
    }
}
/**
 * Thrown by the fetch below when a call gets no answer in time. Named `AbortError` because
 * @octokit/request passes an AbortError through unchanged (it wraps every other fetch error
 * in a RequestError with status 500, which plugin-retry would retry): a call that used up its
 * time is not started again.
 */
class RequestTimeoutError extends Error {
    timedOut = true;
    constructor(message) {
        super(message);
        this.name = 'AbortError';
    }
}
/** `fetch` with a time limit per request, chosen from the request. */
function timedFetch(base, limitMs) {
    return async (input, init) => {
        const ms = limitMs(init);
        const timeout = AbortSignal.timeout(ms);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        try {
            return await base(input, { ...init, signal });
        }
        catch (err) {
            if (!timeout.aborted)
                throw err;
            const url = new URL(String(input instanceof Request ? input.url : input));
            throw new RequestTimeoutError(`no answer to ${init?.method ?? 'GET'} ${url.host}${url.pathname} within ${Math.round(ms / 100) / 10} s`);
        }
    };
}
/** Octokit's answer to a failed call, or our time limit, or a network error: worth checking whether it landed. */
function mayHaveLanded(f) {
    return f.timedOut === true || f.status === undefined || f.status >= 500;
}
class ReleaseApi {
    request;
    repository;
    uploadFetch;
    assets;
    owner;
    repo;
    maxWait;
    retryUnitMs;
    api;
    constructor(request, repository, 
    /** The transport of an upload from a file (upload-fetch.ts), with the same time limit. */
    uploadFetch, opts) {
        this.request = request;
        this.repository = repository;
        this.uploadFetch = uploadFetch;
        [this.owner, this.repo] = repository.split('/');
        this.maxWait = opts.maxRateLimitWaitSeconds ?? 300;
        this.retryUnitMs = opts.retryUnitMs ?? 1000;
        this.api = (0,hosts/* apiUrl */.y0)(opts.env ?? process.env);
    }
    static async connect(opts) {
        const env = opts.env ?? process.env;
        const [{ getOctokit }, { defaults }, { retry }, { throttling }, { HttpClient }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351)),
            __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 85555)),
            Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
            Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 86856)),
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 44942)),
        ]);
        const requestTimeoutMs = opts.requestTimeoutMs ?? 60_000;
        const maxWait = opts.maxRateLimitWaitSeconds ?? 300;
        let waited = 0;
        // plugin-throttling asks before each wait; the total is bounded, after which the 403/429
        // reaches explain(), which names the wait GitHub asked for.
        const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
            const call = `${options.method ?? ''} ${options.url ?? ''}`.trim();
            if (retryCount < 3 && waited + retryAfter <= maxWait) {
                waited += retryAfter;
                log/* log */.Rm.info(`${call}: ${kind} rate limit; waiting ${retryAfter} s as GitHub asks`);
                return true;
            }
            log/* log */.Rm.info(`${call}: ${kind} rate limit; GitHub asks to wait ${retryAfter} s, more than the action waits`);
            return false;
        };
        // Only when asked (tests): write groups with a shorter spacing than the plugin's own.
        const spacing = opts.writeSpacingMs === undefined
            ? {}
            : await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.t.bind(__webpack_require__, 63251, 23)).then(({ default: Bottleneck }) => ({
                write: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeSpacingMs }),
                notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeSpacingMs }),
            }));
        const baseFetch = defaults.request?.fetch ?? globalThis.fetch;
        // An upload streams its body: one more second per MiB, i.e. it may go as slow as 1 MiB/s.
        const limitMs = (init) => {
            const len = Number(new Headers(init?.headers).get('content-length') ?? 0);
            return requestTimeoutMs + Math.ceil(len / 1_048_576) * 1000;
        };
        const proxies = new HttpClient('c2w-action');
        const uploadFetch = timedFetch(streamingFetch((url) => proxies.getAgent(url)), limitMs);
        const octokit = getOctokit(opts.token, {
            baseUrl: (0,hosts/* apiUrl */.y0)(env),
            request: {
                ...defaults.request,
                fetch: timedFetch(baseFetch, limitMs),
            },
            // 429 too is left to the throttling plugin, which reads retry-after; plugin-retry's
            // own backoff (1, 4, 9 units) is for 5xx and network errors.
            retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: opts.retryUnitMs ?? 1000 },
            throttle: {
                onRateLimit: onLimit('primary'),
                onSecondaryRateLimit: onLimit('secondary'),
                retryAfterBaseValue: opts.retryUnitMs ?? 1000,
                ...spacing,
            },
            // Octokit's default logger prints warnings to the console; route them through the log.
            log: {
                debug: () => { },
                info: () => { },
                warn: (m) => log/* log */.Rm.warning(m),
                error: (m) => log/* log */.Rm.error(m),
            },
        }, retry, throttling);
        return new ReleaseApi(octokit.request, opts.repository, uploadFetch, opts);
    }
    async call(route, params = {}) {
        const res = await this.request(route, { owner: this.owner, repo: this.repo, ...params });
        return res.data;
    }
    /** A ReleaseError with the API's message and what to do. */
    fail(what, err, release) {
        if (err instanceof ReleaseError)
            return err;
        return new ReleaseError(explain(apiFailure(err), {
            what,
            repository: this.repository,
            tag: release?.tag_name,
            immutable: release ? !release.draft && release.immutable : undefined,
            now: Date.now(),
            maxWaitSeconds: this.maxWait,
        }));
    }
    /**
     * The release to upload to: `releaseId` when given, else the one release of the tag that every
     * cell of a matrix converges on (release-draft.ts). Creating the draft is not repeated blindly:
     * after a failure that may have come after GitHub created it, the draft is looked for first.
     */
    /**
     * Octokit's request in the shape release-draft.ts takes. Creating a draft is not repeated
     * blindly: after a failure that may have come after GitHub created it, it is looked for first.
     */
    draftRequest(tag) {
        return async (route, params = {}) => {
            const { owner: _owner, repo: _repo, ...rest } = params;
            if (route === 'POST /repos/{owner}/{repo}/releases') {
                const data = await this.once(`Creating a draft release for tag ${tag}`, () => this.call(route, { ...rest, request: { retries: 0 } }), 
                // The draft the failed call may have made: the one every cell converges on.
                () => this.oldestDraft(tag));
                return { status: 201, data };
            }
            return { status: 200, data: await this.call(route, rest) };
        };
    }
    async findOrCreateRelease(tag, create, releaseId) {
        const request = this.draftRequest(tag);
        try {
            return (await convergeOnRelease(request, {
                owner: this.owner,
                repo: this.repo,
                tag,
                create,
                ...(releaseId !== undefined ? { releaseId } : {}),
                log: (line) => log/* log */.Rm.info(line),
            }));
        }
        catch (err) {
            if (err instanceof ReleaseLookupError) {
                throw err.cause === undefined ? new ReleaseError(err.message) : this.fail(err.message, err.cause);
            }
            throw this.fail(`Finding the release of tag ${tag}`, err);
        }
    }
    /** The draft of `tag` the cells of a matrix converge on (the oldest), or undefined. */
    async oldestDraft(tag) {
        try {
            return (await findOldestDraft(this.draftRequest(tag), { owner: this.owner, repo: this.repo, tag }));
        }
        catch (err) {
            if (err instanceof ReleaseLookupError && err.cause !== undefined)
                throw this.fail(err.message, err.cause);
            throw err;
        }
    }
    /** The names of the assets on `release`, read afresh. */
    async assetNames(release) {
        return (await this.listAssets(release, true)).map((a) => a.name);
    }
    /** Publishes a draft release. */
    async publish(release) {
        try {
            await this.call('PATCH /repos/{owner}/{repo}/releases/{release_id}', { release_id: release.id, draft: false });
        }
        catch (err) {
            throw this.fail(`Publishing release ${release.tag_name}`, err, release);
        }
    }
    /**
     * Runs a call that must not happen twice (up to 3 attempts). After a failure that may have
     * come after GitHub did the work, `landed` looks for the result and adopts it. The last
     * failure is thrown as it came.
     */
    async once(what, attempt, landed) {
        for (let n = 1;; n++) {
            try {
                return await attempt();
            }
            catch (err) {
                const f = apiFailure(err);
                if (!mayHaveLanded(f) || n >= 3)
                    throw err;
                log/* log */.Rm.info(`${what}: ${f.status ?? ''} ${f.message}; checking whether it happened anyway`.replace(/ +/g, ' '));
                const found = await landed();
                if (found !== undefined) {
                    log/* log */.Rm.info(`${what}: it did; using what GitHub made`);
                    return found;
                }
                await new Promise((r) => setTimeout(r, n * n * this.retryUnitMs));
            }
        }
    }
    async listAssets(release, refresh = false) {
        if (this.assets && !refresh)
            return this.assets;
        const all = [];
        for (let page = 1;; page++) {
            let list;
            try {
                list = await this.call('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
                    release_id: release.id,
                    per_page: 100,
                    page,
                });
            }
            catch (err) {
                throw this.fail(`Listing the assets of release ${release.tag_name}`, err, release);
            }
            all.push(...list);
            if (list.length < 100)
                break;
        }
        this.assets = all;
        return all;
    }
    /** Makes room for `name` (delete when overwriting, error otherwise). */
    async clear(release, name, overwrite, refresh) {
        const existing = (await this.listAssets(release, refresh)).find((a) => a.name === name);
        if (!existing)
            return;
        if (!overwrite) {
            throw new ReleaseError(`Release ${release.tag_name} already has an asset named ${name} (id ${existing.id}) and release-overwrite is false`);
        }
        log/* log */.Rm.info(`Deleting the existing asset ${name} (id ${existing.id})`);
        try {
            await this.call('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', { asset_id: existing.id });
        }
        catch (err) {
            if (err.status !== 404) {
                throw this.fail(`Deleting the existing asset ${name}`, err, release);
            }
        }
        this.assets = this.assets?.filter((a) => a.id !== existing.id);
    }
    async putAsset(release, name, overwrite, content) {
        if (!(0,hosts/* isUploadHostOf */.Nb)(release.upload_url, this.api)) {
            throw new ReleaseError(`Release ${release.tag_name} names the upload URL ${JSON.stringify(release.upload_url.slice(0, 200))}, which is not on the upload host of ${this.api}; the token is not sent there`);
        }
        await this.clear(release, name, overwrite, false);
        const what = `Uploading ${name}`;
        // Ours when it is there after a failed attempt with the same size: clear() removed any other.
        const landed = async () => {
            const found = (await this.listAssets(release, true)).find((a) => a.name === name);
            if (found && found.size === content.size)
                return found;
            if (found)
                await this.clear(release, name, true, false); // a broken upload of ours
            return undefined;
        };
        for (let raced = false;; raced = true) {
            log/* log */.Rm.info(`Uploading ${name} (${content.size} bytes) to release ${release.tag_name}`);
            try {
                // upload_url is a URI template (`.../assets{?name,label}`) on uploads.github.com
                // (or the API host on GHES): Octokit expands it with `name`. The upload API needs a
                // Content-Length: fetch sets it for a Buffer (a second one makes undici reject the
                // request), a stream needs it given.
                const asset = await this.once(what, () => {
                    const data = content.body;
                    const headers = { 'content-type': content.contentType };
                    if (!Buffer.isBuffer(data))
                        headers['content-length'] = String(content.size);
                    // A file's bytes go through upload-fetch.ts, which holds a few blocks of them at a time.
                    const request = Buffer.isBuffer(data) ? { retries: 0 } : { retries: 0, fetch: this.uploadFetch };
                    return this.call(`POST ${release.upload_url}`, { name, headers, data, request });
                }, landed);
                this.assets = [...(this.assets ?? []).filter((a) => a.name !== name), asset];
                return asset;
            }
            catch (err) {
                if (!raced && isAlreadyExists(err)) {
                    // Another job uploaded the same name between our listing and our upload.
                    log/* log */.Rm.info(`${name} appeared on the release meanwhile; refreshing the asset list and retrying once`);
                    await this.clear(release, name, overwrite, true);
                    continue;
                }
                throw this.fail(what, err, release);
            }
        }
    }
}
function isAlreadyExists(err) {
    const e = err;
    if (e.status !== 422)
        return false;
    const data = e.response?.data;
    return Boolean(data?.errors?.some((x) => x.code === 'already_exists'));
}


/***/ }),

/***/ 10446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ escapeHtml)
/* harmony export */ });
// Text inside the job summary's HTML (core.summary tables take HTML cells). The summary is markdown:
// a blank line ends an HTML block and what follows renders as markdown (CommonMark, HTML blocks,
// end condition 6/7: https://spec.commonmark.org/0.31.2/#html-blocks), so line breaks are written as
// character references, which the HTML parser reads back as the same whitespace.
function escapeHtml(text) {
    return text.replace(/[&<>"\r\n]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;' })[c]);
}


/***/ }),

/***/ 26737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kk: () => (/* binding */ CELL_DEFAULTS),
/* harmony export */   ZW: () => (/* binding */ parseExpectedCells),
/* harmony export */   fi: () => (/* binding */ cellNameOf),
/* harmony export */   o3: () => (/* binding */ missingCells)
/* harmony export */ });
/* harmony import */ var _publish_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27479);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61310);
// The cells a matrix is expected to record, told to the report action (`expected-cells`), so a cell
// that never ran, or whose record never arrived, is missing rather than silently absent. A later job
// cannot read the conversion job's `matrix` context, so the user passes what they built the matrix
// from: a count of cells, the list of cells (an `include` list, or a matrix object holding only
// `include`), each an object keyed by the action's input names, or the cells' artifact names.


/**
 * The action.yml defaults of the inputs that name a cell, for cells described by what the workflow
 * gave (a refused cell, an `expected-cells` list). test/unit/config/defaults.test.ts holds them equal
 * to action.yml.
 */
const CELL_DEFAULTS = { target: 'wasi', 'target-arch': 'amd64', allocator: 'emmalloc' };
const DEFAULTS = CELL_DEFAULTS;
const INPUT = 'expected-cells';
/** More cells than GitHub runs in one matrix (256 jobs) is a mistake, not a matrix. */
const MAX_CELLS = 256;
/**
 * The cell name the action gives a matrix cell with these inputs: artifact-name, else the name
 * derived from image, target-arch, target and allocator (defaults as in action.yml).
 */
function cellNameOf(cell) {
    const text = (key, fallback = '') => {
        const value = cell[key];
        const s = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
        return s || fallback;
    };
    const artifactName = text('artifact-name');
    if (artifactName)
        return artifactName;
    // The derivation only joins sanitized text: a value the action would refuse still names a cell
    // (a refused cell records itself under this name).
    return (0,_publish_names_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultArtifactName */ .Vb)({
        image: text('image'),
        target: safe(text('target', DEFAULTS.target)),
        targetArch: text('target-arch', DEFAULTS['target-arch']),
        allocator: safe(text('allocator', DEFAULTS.allocator)),
    });
}
/** Only characters an artifact name may hold (js, wasi and the allocator names are unchanged). */
const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
/** Parses the `expected-cells` input; undefined when empty. */
function parseExpectedCells(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    if (/^\d+$/.test(text)) {
        const count = Number(text);
        if (count < 1 || count > MAX_CELLS)
            throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `is ${count}; a matrix has 1 to ${MAX_CELLS} cells`);
        return { count };
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `is neither a number of cells nor JSON (${e.message}); pass e.g. 6, or the matrix's include list as JSON`);
    }
    if (data && typeof data === 'object' && !Array.isArray(data)) {
        const keys = Object.keys(data);
        if (keys.length !== 1 || keys[0] !== 'include') {
            throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `is a matrix object with ${keys.map((k) => JSON.stringify(k)).join(', ')}; only a matrix of include alone ` +
                `can be read as its cells: pass the include list, or the number of cells (strategy.job-total)`);
        }
        data = data.include;
    }
    if (!Array.isArray(data) || data.length === 0 || data.length > MAX_CELLS) {
        throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `must be a number, or a JSON list of 1 to ${MAX_CELLS} cells`);
    }
    const cells = data.map((cell, i) => {
        if (typeof cell === 'string' && cell.trim() !== '')
            return cell.trim();
        if (cell && typeof cell === 'object' && !Array.isArray(cell)) {
            const c = cell;
            if (typeof c.image !== 'string' && typeof c['artifact-name'] !== 'string') {
                throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `cell ${i + 1} has neither image nor artifact-name (keys are the action's input names)`);
            }
            return cellNameOf(c);
        }
        throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `cell ${i + 1} is ${JSON.stringify(cell)}; a cell is an object of inputs or an artifact name`);
    });
    const twice = cells.find((c, i) => cells.indexOf(c) !== i);
    if (twice !== undefined)
        throw new _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `names the cell ${twice} twice`);
    return { cells };
}
/** One line per expected cell that has no record; empty when every one recorded itself. */
function missingCells(expected, recorded) {
    if (!expected)
        return [];
    if ('count' in expected) {
        return recorded.length < expected.count
            ? [`${expected.count} cell(s) expected, ${recorded.length} recorded: a cell that never started leaves no record`]
            : [];
    }
    const have = new Set(recorded);
    return expected.cells
        .filter((c) => !have.has(c))
        .map((c) => `${c}: no record (the cell never ran, or its record was lost)`);
}


/***/ })

};

//# sourceMappingURL=659.index.js.map