export const id = 829;
export const ids = [829];
export const modules = {

/***/ 10829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/buildx/builder.ts
var buildx_builder = __webpack_require__(61747);
// EXTERNAL MODULE: ./src/c2w/install.ts + 2 modules
var install = __webpack_require__(56611);
// EXTERNAL MODULE: ./src/cache/layers.ts
var cache_layers = __webpack_require__(66542);
// EXTERNAL MODULE: ./src/cache/actions-cache-store.ts
var actions_cache_store = __webpack_require__(5222);
// EXTERNAL MODULE: ./src/config/inputs.ts + 1 modules
var config_inputs = __webpack_require__(61310);
// EXTERNAL MODULE: ./src/types/result.ts
var types_result = __webpack_require__(88020);
// EXTERNAL MODULE: ./src/pipeline/convert-image.ts + 8 modules
var convert_image = __webpack_require__(7046);
// EXTERNAL MODULE: ./src/github/hosts.ts
var hosts = __webpack_require__(55044);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/lib/files.ts
var lib_files = __webpack_require__(10228);
// EXTERNAL MODULE: ./src/publish/names.ts
var names = __webpack_require__(27479);
// EXTERNAL MODULE: ./src/lib/hash.ts
var hash = __webpack_require__(69639);
// EXTERNAL MODULE: ./src/lib/limits.ts
var limits = __webpack_require__(18119);
// EXTERNAL MODULE: ./src/github/releases.ts + 3 modules
var releases = __webpack_require__(15358);
// EXTERNAL MODULE: ./src/lib/runner.ts
var runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/publish/release-asset.ts
// Release asset half of the publish stage: find (or create, as a draft) the release of a tag,
// upload the wasm (a deterministic .tar.gz for js, see tarball.ts) and `<asset>.sha256`. The REST
// calls are in github/releases.ts, what their failures mean in github/errors.ts.








/**
 * Where the .tar.gz of a js directory is written and kept after the upload: under RUNNER_TEMP
 * (which the runner empties after the job), named as the asset, so a later step of the job can
 * attest exactly the bytes that were uploaded.
 */
function releaseTarballPath(runnerTemp, assetName) {
    return external_node_path_.join(runnerTemp, 'c2w-action', 'release', assetName);
}
async function publishReleaseAsset(req, deps = {}) {
    const env = deps.env ?? process.env;
    if (!req.token)
        throw new releases/* ReleaseError */.K2('github-token is empty: a token with contents: write is needed for release-tag');
    log/* log */.Rm.mask(req.token);
    const [owner, repo] = (req.repository ?? '').split('/');
    if (!owner || !repo)
        throw new releases/* ReleaseError */.K2(`GITHUB_REPOSITORY is not set as owner/repo (got ${JSON.stringify(req.repository ?? '')})`);
    // What is uploaded: the wasm itself, or a deterministic .tar.gz of the js directory.
    let file = external_node_path_.resolve(req.path);
    if (req.target === 'js') {
        file = releaseTarballPath((0,runner/* runnerTemp */.X5)(env), req.assetName);
        external_node_fs_.mkdirSync(external_node_path_.dirname(file), { recursive: true });
        // tar-stream is loaded only on this path, like the other heavy modules.
        const { writeDeterministicTarGz } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(897)]).then(__webpack_require__.bind(__webpack_require__, 94897));
        await writeDeterministicTarGz(req.path, file);
    }
    {
        const size = external_node_fs_.statSync(file).size;
        if (size >= limits/* RELEASE_ASSET_LIMIT */.n$)
            throw new releases/* ReleaseError */.K2(assetTooLarge(req.assetName, size));
        const sha256 = await (0,hash/* sha256File */.Q)(file);
        if (req.target === 'wasi' && req.sha256 && sha256 !== req.sha256.toLowerCase()) {
            throw new releases/* ReleaseError */.K2(`${file} changed after conversion: sha256 ${sha256}, expected ${req.sha256}; refusing to publish it`);
        }
        const api = await releases/* ReleaseApi */.u3.connect({ ...deps, env, token: req.token, repository: `${owner}/${repo}` });
        const release = await api.findOrCreateRelease(req.tag, req.create, req.releaseId);
        log/* log */.Rm.info(`Release ${release.tag_name}: id ${release.id}${release.draft ? ' (draft)' : ''}`);
        const asset = await api.putAsset(release, req.assetName, req.overwrite, {
            size,
            contentType: req.target === 'js' ? 'application/gzip' : 'application/wasm',
            body: new releases/* FileBody */.pl(file),
        });
        const checksumName = `${req.assetName}.sha256`;
        const checksum = Buffer.from(sha256sumLine(sha256, req.assetName));
        const sum = await api.putAsset(release, checksumName, req.overwrite, {
            size: checksum.length,
            contentType: 'text/plain',
            body: checksum,
        });
        return {
            releaseId: release.id,
            assetUrl: asset.browser_download_url,
            checksumUrl: sum.browser_download_url,
            assetPath: file,
            assets: [req.assetName, checksumName],
        };
    }
}
/**
 * Why an asset of `size` bytes is not uploaded: GitHub takes release files under 2 GiB each
 * (RELEASE_ASSET_LIMIT). Checked before any call, so an upload that cannot succeed neither starts
 * nor leaves a release or a half asset behind.
 */
function assetTooLarge(name, size) {
    return (`The release asset ${name} is ${(0,limits/* gib */.$l)(size)} (${size} bytes); GitHub takes release files under ` +
        `${(0,limits/* gib */.$l)(limits/* RELEASE_ASSET_LIMIT */.n$)} each, so it was not uploaded and the release was left as it was. ` +
        `A workflow artifact (upload-artifact: true, the default) has no such limit per file.`);
}
/** One line as `sha256sum` prints it (text mode: two spaces). */
function sha256sumLine(hex, name) {
    return `${hex}  ${name}\n`;
}

// EXTERNAL MODULE: ./src/lib/timeout.ts
var timeout = __webpack_require__(24196);
;// CONCATENATED MODULE: ./src/publish/publish.ts
// Publish stage: upload the converted wasm as a workflow artifact and, when a
// release tag is given, as a release asset with a `sha256sum` checksum file.
//
// Only runs after the conversion and the smoke boot passed (the caller's job). The heavy
// clients (@actions/artifact, @actions/github) are loaded with dynamic import() on the paths
// that need them, so a run that publishes nothing never pays for them.









/**
 * The name of an artifact uploaded without a zip (artifact-archive: false). @actions/artifact names
 * such an artifact after its file (skipArchive in upload-artifact.js), so the name ends in .wasm,
 * and the file is uploaded under that name.
 */
function bareArtifactName(name) {
    return name.endsWith('.wasm') ? name : `${name}.wasm`;
}
/** The wasm under the artifact's name: itself when it already has it, else a link (or copy) under RUNNER_TEMP. */
async function bareArtifactFile(wasm, name, runnerTemp) {
    if (external_node_path_.basename(wasm) === name)
        return wasm;
    const file = external_node_path_.join(runnerTemp, 'c2w-action', 'artifact', name);
    await external_node_fs_.promises.mkdir(external_node_path_.dirname(file), { recursive: true });
    await external_node_fs_.promises.rm(file, { force: true });
    await external_node_fs_.promises.link(wasm, file).catch(() => external_node_fs_.promises.copyFile(wasm, file));
    return file;
}
/** The artifact's web page, built the way actions/upload-artifact builds its `artifact-url`. */
function artifactUrl(env, id) {
    const server = (0,hosts/* serverUrl */.Vd)(env);
    const repo = env.GITHUB_REPOSITORY;
    const run = env.GITHUB_RUN_ID;
    if (!repo || !run)
        return undefined;
    return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`;
}
/** The files of an artifact and their root: one wasm file, or every file under a js directory (walkFolder). */
async function artifactFiles(built) {
    const p = external_node_path_.resolve(built.path);
    if (built.target === 'wasi' && external_node_fs_.statSync(p).isFile()) {
        return { files: [p], root: external_node_path_.dirname(p) };
    }
    // walkFolder's paths are below the folder's real path; the artifact names files relative to root.
    const root = external_node_fs_.realpathSync(p);
    const files = (await (0,lib_files/* walkFolder */.aI)(root)).filter((e) => e.type === 'file').map((e) => e.abs);
    return { files, root };
}
/**
 * Uploads the artifact (when `upload-artifact`) and the release asset (when `release-tag`), and
 * returns what it published. Each fact goes into `out` as soon as it is known (the run's result,
 * when the caller hands it in), so a release failure still leaves the artifact's in place.
 */
async function publish(inputs, built, deps = {}, out = {}) {
    const set = (key, value) => {
        if (value !== undefined)
            out[key] = value;
    };
    if (inputs.uploadArtifact) {
        const a = await uploadWorkflowArtifact(inputs, built, deps);
        if (a) {
            set('artifactId', a.id);
            set('artifactUrl', a.url);
            set('artifactDigest', a.digest);
        }
    }
    if (inputs.releaseTag || inputs.releaseId !== undefined) {
        const r = await publishReleaseAsset({
            token: inputs.githubToken,
            tag: inputs.releaseTag ?? '',
            ...(inputs.releaseId !== undefined ? { releaseId: inputs.releaseId } : {}),
            create: inputs.releaseCreate,
            overwrite: inputs.releaseOverwrite,
            // Named after the allocator the cell asked for, so a cell that fell back to another
            // allocator does not take the name of the cell that asked for that one.
            assetName: inputs.assetName || (0,names/* defaultAssetName */.Hd)(inputs),
            path: built.path,
            target: built.target,
            sha256: built.sha256,
            repository: (deps.env ?? process.env).GITHUB_REPOSITORY,
        }, deps);
        set('releaseId', String(r.releaseId));
        set('releaseAssetUrl', r.assetUrl);
        set('releaseChecksumUrl', r.checksumUrl);
        set('assetPath', r.assetPath);
        out.releaseAssets = r.assets;
    }
    return out;
}
async function uploadWorkflowArtifact(inputs, built, deps) {
    const env = deps.env ?? process.env;
    const archive = inputs.artifactArchive !== false;
    const given = inputs.artifactName || (0,names/* defaultArtifactName */.Vb)(inputs);
    const name = archive ? given : bareArtifactName(given);
    const invalid = (0,names/* artifactNameProblem */.NH)(name);
    if (invalid)
        throw new Error(`artifact-name ${invalid}`);
    if (!deps.artifactClient && (0,hosts/* isGhes */.aT)(env.GITHUB_SERVER_URL)) {
        log/* log */.Rm.warning(`Artifact upload skipped: ${env.GITHUB_SERVER_URL} is GitHub Enterprise Server, which has no artifact ` +
            `service for @actions/artifact v2+. The rest of the job goes on; use release-tag to publish instead.`);
        return undefined;
    }
    let { files, root } = await artifactFiles(built);
    if (files.length === 0)
        throw new Error(`Nothing to upload: ${built.path} holds no files`);
    if (!archive) {
        if (built.target !== 'wasi' || files.length !== 1) {
            throw new Error('artifact-archive: false uploads a single .wasm file; a js output is a directory');
        }
        files = [await bareArtifactFile(files[0], name, (0,runner/* runnerTemp */.X5)(env))];
        root = external_node_path_.dirname(files[0]);
    }
    let client = deps.artifactClient;
    if (!client) {
        const mod = await Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(555), __webpack_require__.e(118), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
        client = new mod.DefaultArtifactClient();
    }
    try {
        // A re-run (attempt 2 and later) would hit a 409 on the name its first attempt uploaded:
        // replace it, as upload-artifact's `overwrite: true` does. In a first attempt the name can
        // only be taken by another job or matrix cell of this run, whose artifact must not be deleted.
        if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1) {
            try {
                const del = await (0,timeout/* withTimeout */.wj)(client.deleteArtifact(name), deps.artifactTimeoutMs ?? 300_000, `Deleting the artifact '${name}' of an earlier attempt`);
                log/* log */.Rm.info(`Replaced artifact '${name}' from an earlier attempt (ID ${del.id})`);
            }
            catch (err) {
                if (errorName(err) !== 'ArtifactNotFoundError')
                    throw err;
            }
        }
        const level = inputs.compressionLevel;
        log/* log */.Rm.info(`Uploading artifact '${name}': ` +
            (archive ? `${files.length} file(s), compression level ${level}` : 'the bare .wasm, not zipped') +
            (inputs.retentionDays ? `, retention ${inputs.retentionDays} days` : ''));
        let bytes = 0;
        for (const f of files)
            bytes += external_node_fs_.statSync(f).size;
        const res = await (0,timeout/* withTimeout */.wj)(client.uploadArtifact(name, files, root, {
            compressionLevel: level,
            ...(archive ? {} : { skipArchive: true }),
            ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
        }), deps.artifactTimeoutMs ?? 300_000 + Math.ceil(bytes / 1_048_576) * 1000, `Uploading the artifact '${name}'`);
        if (res.id === undefined)
            throw new Error(`Artifact upload of '${name}' returned no artifact ID`);
        const url = artifactUrl(env, res.id);
        log/* log */.Rm.info(`Artifact '${name}' uploaded: ID ${res.id}, ${res.size ?? '?'} bytes${url ? `, ${url}` : ''}`);
        return { id: String(res.id), url, digest: res.digest };
    }
    catch (err) {
        if (errorName(err) === 'GHESNotSupportedError') {
            log/* log */.Rm.warning(`Artifact upload skipped: ${err.message} The rest of the job goes on.`);
            return undefined;
        }
        if (/\b409\b|already exists|conflict/i.test(err.message)) {
            throw new Error(`An artifact named '${name}' already exists in this workflow run (another job or matrix cell uploaded it). ` +
                `Give each job its own artifact-name, or leave artifact-name empty to derive one per matrix cell. (${err.message})`);
        }
        throw err;
    }
}
function errorName(err) {
    return err instanceof Error ? err.name : undefined;
}

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
// EXTERNAL MODULE: ./src/c2w/failures.ts
var failures = __webpack_require__(48163);
// EXTERNAL MODULE: ./src/record/expected-cells.ts
var expected_cells = __webpack_require__(26737);
// EXTERNAL MODULE: ./src/record/record.ts + 1 modules
var record_record = __webpack_require__(61918);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/record/record-artifact.ts
// Uploads a cell's record as the artifact `c2w-record-<cell>` (kept 1 day) for the report action.
// Recording never masks the cell's own failure and never fails a passing cell: trouble is a warning.
// A process uploads one record: the first upload started wins (a cancel's record, started at the
// signal, over the failed record the unwinding step would write after it; a finished step's record
// over a cancel that came while it was uploading), since the artifact name is the cell's alone.







/** Bounded: a record is a few hundred bytes; a service that does not answer must not hold the job. */
const UPLOAD_TIMEOUT_MS = 120_000;
function recordArtifactName(cell) {
    return `${record_record/* RECORD_ARTIFACT_PREFIX */.Sm}${cell}`;
}
let uploading;
async function uploadRecord(record, env = process.env, timeoutMs = UPLOAD_TIMEOUT_MS) {
    const name = recordArtifactName(record.cell);
    if (uploading !== undefined) {
        log/* log */.Rm.info(`The cell record ${name} is already recorded (${uploading}); not recording it as ${record.result}.`);
        return;
    }
    // @actions/artifact needs the runner's results service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL),
    // which GitHub Enterprise Server and runners outside Actions do not offer: nothing to record to.
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL || (0,hosts/* isGhes */.aT)(env.GITHUB_SERVER_URL)) {
        log/* log */.Rm.info(`No artifact service in this job: the cell record ${name} is not uploaded.`);
        return;
    }
    uploading = record.result;
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,runner/* runnerTemp */.X5)(env), 'c2w-record-'));
    try {
        const file = external_node_path_.join(dir, record_record/* RECORD_FILE */.lt);
        await (0,promises_.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(555), __webpack_require__.e(118), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
        const client = new DefaultArtifactClient();
        const upload = async () => {
            // A re-run replaces its own earlier record; in a first attempt the name is this cell's alone.
            if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1)
                await client.deleteArtifact(name).catch(() => undefined);
            await client.uploadArtifact(name, [file], dir, { retentionDays: 1, compressionLevel: 9 });
        };
        if ((await (0,timeout/* raceTimeout */.j0)(upload(), timeoutMs)) === timeout/* TIMED_OUT */.VP) {
            throw new Error(`no answer from the artifact service within ${timeoutMs / 1000} s`);
        }
        log/* log */.Rm.info(`Recorded this cell as the artifact ${name} for the report action.`);
    }
    catch (e) {
        log/* log */.Rm.warning(`Could not upload the cell record ${name}: ${e.message}`);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/record/cell-record.ts
// What a cell records of itself for the report action, on each way a step can end: it ran (passed
// or failed), it was cancelled (the runner's SIGINT/SIGTERM, action/cancel.ts), or its inputs were
// refused before anything ran. A matrix cell that started always leaves a record, so the report's
// release gate never mistakes a missing cell for one that was never there.






/**
 * How long the cancel's record upload may take: the runner sends SIGTERM 7.5 s after its SIGINT and
 * kills the process 2.5 s after that (actions/runner ProcessInvoker.CancelAndKillProcessTree), and
 * the children's ending (CANCEL_GRACE_MS, 3 s) runs alongside.
 */
const CANCEL_RECORD_MS = 5000;
function runnerOf() {
    return (0,runner/* runnerPlatform */.GQ)();
}
const cellOf = (inputs) => inputs.artifactName || (0,names/* defaultArtifactName */.Vb)(inputs);
/** The record of a cell whose pipeline ran to its end: passed, or failed with `error`. */
async function recordCell(inputs, run, error) {
    const failure = error ? (0,record_record/* failureOf */.g5)(run.stage, error, failures/* classifyFailure */.X) : undefined;
    await uploadRecord((0,record_record/* buildRecord */.kA)(cellOf(inputs), inputs, run, failure, runnerOf()));
}
/** The record of a cancelled cell: the stage it was in and what it had learned, uploaded in CANCEL_RECORD_MS. */
async function recordCancelledCell(inputs, run, signal, timeoutMs = CANCEL_RECORD_MS) {
    const failure = { class: 'cancelled', message: `The step was cancelled (${signal}) during ${run.stage}.` };
    await uploadRecord((0,record_record/* buildRecord */.kA)(cellOf(inputs), inputs, run, failure, runnerOf(), true), process.env, timeoutMs);
}
/**
 * The record of a cell whose inputs were refused (`error`): its identity as the workflow gave it
 * (image, target, target-arch, allocator, artifact-name, read through `get`, the raw inputs),
 * unless it asked for `record: false`.
 */
async function recordRefusedCell(error, get) {
    if (get('record').trim().toLowerCase() === 'false')
        return;
    const given = Object.fromEntries(['image', 'target', 'target-arch', 'allocator', 'artifact-name'].map((name) => [name, get(name)]));
    // An artifact-name the service would refuse cannot name the record: the derived name does.
    if ((0,names/* artifactNameProblem */.NH)(given['artifact-name'] ?? '') !== undefined)
        delete given['artifact-name'];
    const cell = (0,expected_cells/* cellNameOf */.fi)(given);
    const identity = {
        image: given.image ?? '',
        target: given.target || expected_cells/* CELL_DEFAULTS */.Kk.target,
        targetArch: given['target-arch'] || expected_cells/* CELL_DEFAULTS */.Kk['target-arch'],
        allocator: given.allocator || expected_cells/* CELL_DEFAULTS */.Kk.allocator,
    };
    await uploadRecord((0,record_record/* refusedRecord */.ou)(cell, identity, error, runnerOf()));
}

// EXTERNAL MODULE: ./src/record/metadata.ts
var metadata = __webpack_require__(75060);
// EXTERNAL MODULE: ./src/action/cancel.ts
var cancel = __webpack_require__(85738);
// EXTERNAL MODULE: ./src/smoke/runtime.ts + 1 modules
var runtime = __webpack_require__(71667);
// EXTERNAL MODULE: ./src/lib/workflow-log.ts
var workflow_log = __webpack_require__(38473);
// EXTERNAL MODULE: ./src/pipeline/sink.ts
var sink = __webpack_require__(51783);
// EXTERNAL MODULE: ./src/lib/html.ts
var html = __webpack_require__(10446);
;// CONCATENATED MODULE: ./src/action/job-summary.ts
// The job summary, rendered from the run's metadata (record/metadata.ts) at the end of the step:
// the failure, a table of every figure the run learned (named by its path in the metadata, as a
// workflow reads it with fromJSON), and the sentences the run noted. The runner does not mask it,
// so what carries text from outside passes through lib/redact.ts (the metadata already did).



/** The metadata's leaves as `[path, text]` rows, in its order (`build.sha256`, `smoke.node.secondsMedian`). Pure. */
function metadataRows(metadata) {
    const rows = [];
    const walk = (value, at) => {
        if (Array.isArray(value)) {
            if (value.length === 0)
                return;
            const lines = value.map((v) => typeof v === 'object' && v !== null ? Object.values(v).join(': ') : String(v));
            rows.push([at, lines.join('; ')]);
        }
        else if (typeof value === 'object' && value !== null) {
            for (const [k, v] of Object.entries(value))
                walk(v, at ? `${at}.${k}` : k);
        }
        else if (value !== undefined && at !== 'schema') {
            rows.push([at, String(value)]);
        }
    };
    walk(metadata, '');
    return rows;
}
class JobSummary {
    notes = [];
    /** A sentence under the table (e.g. why an allocator was rejected). */
    note(text) {
        this.notes.push((0,redact/* redact */.E$)(text));
    }
    /** The summary: `failed` is the failure's message, `failureClass` its class as the cell record has it. */
    async write(title, metadata, failed, failureClass) {
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        const s = core/* summary */.z.addHeading(title, 3);
        const cls = failureClass ? ` (${(0,html/* escapeHtml */.Z)(failureClass)})` : '';
        if (failed)
            s.addRaw(`**Failed${cls}:** ${(0,html/* escapeHtml */.Z)((0,redact/* redact */.E$)(failed))}`, true);
        const rows = metadataRows(metadata);
        if (rows.length > 0) {
            s.addTable([
                [
                    { data: 'metadata', header: true },
                    { data: 'value', header: true },
                ],
                ...rows.map(([n, v]) => [
                    `<code>${(0,html/* escapeHtml */.Z)(n)}</code>`,
                    (0,html/* escapeHtml */.Z)(v.length > 200 ? `${v.slice(0, 200)}…` : v),
                ]),
            ]);
        }
        for (const n of this.notes)
            s.addRaw((0,html/* escapeHtml */.Z)(n), true);
        await s.write();
    }
}

;// CONCATENATED MODULE: ./src/action/sink.ts
// The action's sink for the pipeline: a section is a log group; a note is a sentence of the job
// summary; a smoke boot streams the guest's output into its group, between stop-commands, so nothing
// it prints is taken for a workflow command. The run's facts are not here: main renders its result.





class ActionSink extends sink/* Sink */.A {
    summary = new JobSummary();
    section(title, work) {
        return core/* group */.Os(title, work);
    }
    step() { }
    info(text) {
        core/* info */.pq(text);
    }
    warn(text) {
        core/* warning */.$e(text);
    }
    note(text) {
        this.summary.note(text);
    }
    async boot(options, title) {
        const result = await core/* group */.Os(title, () => (0,workflow_log/* withoutWorkflowCommands */.CA)(() => (0,runtime/* bootSmoke */.S)({ ...options, log: process.stdout })));
        core/* info */.pq(result.message);
        return result;
    }
}

// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(33175);
// EXTERNAL MODULE: ./src/site/folder.ts
var folder = __webpack_require__(68763);
;// CONCATENATED MODULE: ./src/action/main.ts
// The main step, in the order a user reads it in the log:
// inputs → install → builder → (per allocator: Dockerfile → cache restore → convert → smoke) →
// publish (→ cache save and builder removal in the post step). The conversion is the pipeline the
// command runs too (pipeline/convert-image.ts); this step gives it the action's sink and the
// Actions cache as the home of its layers. What the run learns is one result (types/result.ts),
// rendered at the end, whether the run passed or not: the outputs, the job summary, the cell record.





















async function main() {
    const sink = new ActionSink();
    const result = (0,types_result/* newRunResult */.t)();
    let inputs;
    let error;
    try {
        inputs = (0,config_inputs/* getInputs */.GP)((name) => core/* getInput */.V4(name));
        const valid = inputs;
        // A cancel sets the outputs and records the cell with what the run learned so far, before the step exits.
        (0,cancel/* beforeCancelExit */.GA)(async (signal) => {
            setOutputs(result);
            if (valid.record)
                await recordCancelledCell(valid, result, signal);
        });
        await run(inputs, sink, result);
    }
    catch (e) {
        error = e;
    }
    // Outputs of what the run learned, passed or failed: a later step (continue-on-error) can read them.
    setOutputs(result);
    if (error) {
        // Also an output: a later step can read why, not only that it failed.
        core/* setOutput */.uH(outputs/* Outputs */.t.Error, (0,redact/* redact */.E$)(error.message));
        core/* setFailed */.C1(error.message);
    }
    // Every run records itself for the report action: passed, failed, or refused at its inputs.
    if (inputs?.record)
        await recordCell(inputs, result, error);
    else if (!inputs && error)
        await recordRefusedCell(error, (name) => core/* getInput */.V4(name));
    // The summary names the failure's class as the record does (`inputs` for refused inputs).
    const failureClass = !error ? undefined : inputs ? (0,record_record/* failureOf */.g5)(result.stage, error, failures/* classifyFailure */.X).class : 'inputs';
    await sink.summary.write('c2w-action', (0,metadata/* renderMetadata */.Sc)(result), error?.message, failureClass);
}
function setOutputs(result) {
    for (const [name, value] of Object.entries((0,outputs/* outputsOf */.Y)(result, (0,metadata/* renderMetadata */.Sc)(result))))
        core/* setOutput */.uH(name, value);
}
async function run(inputs, sink, result) {
    const temp = (0,runner/* runnerTemp */.X5)();
    const c2w = await core/* group */.Os('Install c2w', () => (0,install/* installC2w */.C$)({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }));
    // Later steps of the job can run the installed c2w by name (as setup-* actions put their tool on PATH).
    if (inputs.c2wVersion !== 'system')
        core/* addPath */.fM(external_node_path_.dirname(c2w.c2w));
    result.build.c2wVersion = c2w.version;
    const builder = await (0,buildx_builder/* chooseBuilder */.Z7)(inputs, process.env.GITHUB_RUN_ID || 'local');
    if (builder.created && builder.name)
        (0,state/* setCreatedBuilder */.mU)(builder.name);
    const { build } = await (0,convert_image/* convertImage */.h)(inputs, {
        c2w,
        builder,
        home: actionsCacheHome(temp),
        workDir: external_node_path_.join(temp, `c2w-action-${process.pid}`),
        siteRoot: (0,folder/* workspaceRoot */.oS)(),
    }, sink, result);
    result.stage = 'publish';
    if (inputs.uploadArtifact || inputs.releaseTag || inputs.releaseId !== undefined) {
        // What publish learns goes into the result as it is learned: a failed release leaves the artifact's facts.
        const published = (result.publish = {});
        await core/* group */.Os('Publish', () => publish(inputs, { path: build.wasmPath, sha256: build.sha256, target: inputs.target }, {}, published));
    }
}
/** The Actions cache, saved by the post step: the plan goes to it through the step state. */
function actionsCacheHome(temp) {
    return {
        store: new actions_cache_store/* ActionsCacheStore */.z(),
        runner: (0,runner/* runnerPlatform */.GQ)(),
        dir: (keys) => (0,cache_layers/* localCacheDir */.NU)(temp, keys),
        save: async (plan) => {
            (0,state/* setCacheSave */.Ov)(plan);
            return (0,cache_layers/* plannedSave */.CY)(plan);
        },
    };
}


/***/ })

};

//# sourceMappingURL=829.index.js.map