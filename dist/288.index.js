export const id = 288;
export const ids = [288];
export const modules = {

/***/ 77288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportMain: () => (/* binding */ reportMain)
});

// UNUSED EXPORTS: ReportOutputs, parseReportInputs, readRecords

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/lib/html.ts
var html = __webpack_require__(10446);
// EXTERNAL MODULE: ./src/config/inputs.ts + 1 modules
var inputs = __webpack_require__(61310);
// EXTERNAL MODULE: ./src/record/record.ts + 1 modules
var record = __webpack_require__(61918);
;// CONCATENATED MODULE: ./src/report/matrix-report.ts
// The comparison of a matrix's allocators, from the cells' records: one group per image, target and
// target arch, a row per allocator, and the allocator to ship for each group. Pure: the report
// action (report/main.ts) reads the records and writes what this returns.


const RANK_BY = ['boot', 'memory', 'size'];
/** The figure `rankBy` compares (smaller is better); undefined when the record lacks it. */
function figure(record, rankBy) {
    const { node, browser } = record.metadata.smoke ?? {};
    // A cell booted only in the browser is ranked by its browser figures.
    if (rankBy === 'boot')
        return node?.secondsMedian ?? browser?.secondsMedian;
    if (rankBy === 'memory')
        return node?.peakMemory ?? browser?.peakMemory;
    return record.metadata.build.wasmSize;
}
/** Groups records by image, target and arch (in first-seen order), allocators sorted in each. */
function groupRecords(records, rankBy) {
    const groups = new Map();
    for (const r of records) {
        const name = `${r.image} · ${r.target} · ${r.targetArch}`;
        groups.set(name, [...(groups.get(name) ?? []), r]);
    }
    return [...groups].map(([name, list]) => {
        const sorted = [...list].sort((a, b) => a.allocator.localeCompare(b.allocator) || a.cell.localeCompare(b.cell));
        const best = pickBest(sorted, rankBy);
        return { name, records: sorted, best, recommendation: recommend(name, sorted, best, rankBy) };
    });
}
/** The passing record with the smallest figure; ties go to the smaller wasm, then the name. */
function pickBest(records, rankBy) {
    const passed = records.filter((r) => r.result === 'passed');
    const key = (r) => figure(r, rankBy) ?? Number.POSITIVE_INFINITY;
    return [...passed].sort((a, b) => key(a) - key(b) ||
        (a.metadata.build.wasmSize ?? Infinity) - (b.metadata.build.wasmSize ?? Infinity) ||
        allocatorOf(a).localeCompare(allocatorOf(b)))[0];
}
/** The allocator a record's output was built with. */
function allocatorOf(r) {
    return r.metadata.build.allocator ?? r.allocator;
}
const RANK_WORDS = {
    boot: 'the fastest boot',
    memory: 'the least memory',
    size: 'the smallest wasm',
};
function recommend(name, records, best, rankBy) {
    const failed = records.filter((r) => r.result !== 'passed');
    const why = failed.map((r) => `${r.allocator} ${WHY[r.result]} (${failureText(r)})`).join('; ');
    if (!best)
        return `${name}: no allocator passed${why ? `: ${why}` : ''}.`;
    const { node, browser } = best.metadata.smoke ?? {};
    const wasmSize = best.metadata.build.wasmSize;
    const figures = [
        node !== undefined ? `boots in ${seconds(node.secondsMedian)}${runsText(best)}` : undefined,
        node?.peakMemory !== undefined ? `peak ${bytes(node.peakMemory)}` : undefined,
        browser !== undefined
            ? `boots in the browser in ${seconds(browser.secondsMedian)}` +
                (browser.peakMemory !== undefined ? ` (page peak ${bytes(browser.peakMemory)})` : '')
            : undefined,
        wasmSize !== undefined ? `wasm ${bytes(wasmSize)}` : undefined,
    ].filter(Boolean);
    const passedCount = records.filter((r) => r.result === 'passed').length;
    const basis = passedCount > 1 ? ` (${RANK_WORDS[rankBy]} of ${passedCount} that passed)` : '';
    return `${name}: ship ${allocatorOf(best)}${basis}: ${figures.join(', ')}.${why ? ` ${capital(why)}.` : ''}`;
}
const WHY = {
    passed: 'passed',
    failed: 'failed',
    cancelled: 'was cancelled',
    refused: 'was refused',
};
function failureText(r) {
    if (r.result === 'cancelled')
        return `at ${r.stage}`;
    if (r.result === 'refused')
        return `inputs: ${clip((0,record/* oneLine */.TN)(r.failure?.message ?? ''), 160)}`;
    if (!r.failure)
        return `at ${r.stage}`;
    return r.failure.line ? `${r.failure.class}: ${r.failure.line}` : `${r.failure.class} at ${r.stage}`;
}
const runsText = (r) => {
    const runs = r.metadata.smoke?.node?.runs;
    return runs && runs > 1 ? `, median of ${runs}` : '';
};
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function seconds(s) {
    return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}
function bytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** A bar of Unicode block characters, `width` cells for `max`, so figures compare at a glance. */
function bar(value, max, width = 12) {
    if (value === undefined || !(max > 0) || !(value >= 0))
        return '';
    const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
    return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}
/**
 * The summary's table rows for one group: header first. Every cell is HTML-escaped text, figures
 * included: the summary is HTML inside markdown, and a record comes from another job.
 */
function groupTable(group) {
    // A failed run's boot time is the time to its failure: only passing cells show boot and memory.
    const passed = (r) => r.result === 'passed';
    const max = (pick) => Math.max(0, ...group.records.filter(passed).map((r) => pick(r) ?? 0));
    const maxBoot = max((r) => r.metadata.smoke?.node?.secondsMedian);
    const maxRss = max((r) => r.metadata.smoke?.node?.peakMemory);
    // Browser columns only when some cell booted in a browser (smoke-runtime with browser).
    const inBrowser = group.records.some((r) => r.metadata.smoke?.browser !== undefined);
    const maxPageBoot = max((r) => r.metadata.smoke?.browser?.secondsMedian);
    const maxPageMemory = max((r) => r.metadata.smoke?.browser?.peakMemory);
    const rows = group.records.map((r) => {
        const { build, cache } = r.metadata;
        const { node, browser } = r.metadata.smoke ?? {};
        const ok = passed(r);
        const mark = r === group.best ? ' ★' : '';
        const used = build.allocator && build.allocator !== r.allocator ? ` → ${build.allocator}` : '';
        const result = ok
            ? '✅ passed'
            : `${r.result === 'cancelled' ? '⏹' : '❌'} ${r.result === 'failed' ? '' : `${r.result}: `}${clip(failureText(r), 90)}`;
        return [
            `${r.allocator}${used}${mark}`,
            result,
            build.wasmSize !== undefined ? bytes(build.wasmSize) : '',
            ok && node !== undefined
                ? `${bar(node.secondsMedian, maxBoot)} ${seconds(node.secondsMedian)}` +
                    (node.runs > 1 ? ` (max ${seconds(node.secondsMax)})` : '')
                : '',
            ok && node?.peakMemory !== undefined ? `${bar(node.peakMemory, maxRss)} ${bytes(node.peakMemory)}` : '',
            ...(inBrowser
                ? [
                    ok && browser ? `${bar(browser.secondsMedian, maxPageBoot)} ${seconds(browser.secondsMedian)}` : '',
                    ok && browser?.peakMemory !== undefined
                        ? `${bar(browser.peakMemory, maxPageMemory)} ${bytes(browser.peakMemory)}`
                        : '',
                ]
                : []),
            build.seconds !== undefined ? seconds(build.seconds) : '',
            cache?.hit === undefined ? '' : cache.hit ? 'hit' : 'miss',
        ].map(html/* escapeHtml */.Z);
    });
    const head = ['allocator', 'result', 'wasm', 'boot (median)', 'peak memory'];
    if (inBrowser)
        head.push('browser boot (median)', 'page peak memory');
    return [[...head, 'build', 'cache'], ...rows];
}
const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/record/expected-cells.ts
var expected_cells = __webpack_require__(26737);
// EXTERNAL MODULE: ./src/github/releases.ts + 3 modules
var releases = __webpack_require__(15358);
;// CONCATENATED MODULE: ./src/report/release-gate.ts
// Closing a release pipeline: publish the draft release the matrix cells filled, only when every
// expected cell recorded itself and passed, no record was unreadable, and every cell's asset and its
// `.sha256` are on it. Otherwise say which cell is missing what, and leave the draft alone.



/**
 * What stops the draft from being published, one line per cell; empty when it can be.
 * `assetNames` are the names on the draft.
 */
function releaseGaps(records, assetNames, context = {}) {
    const on = new Set(assetNames);
    const gaps = [];
    // A record that could not be read may be a cell that failed: its state is unknown.
    for (const b of context.bad ?? [])
        gaps.push(`${b.artifact}: unreadable record (${b.reason})`);
    gaps.push(...(0,expected_cells/* missingCells */.o3)(context.expected, records.map((r) => r.cell)));
    for (const r of records) {
        if (r.result !== 'passed') {
            const what = r.result === 'failed' ? 'failed' : `was ${r.result}`;
            gaps.push(`${r.cell}: the cell ${what} at ${r.stage}${r.failure ? ` (${r.failure.class})` : ''}`);
            continue;
        }
        const assets = r.metadata.publish?.releaseAssets ?? [];
        if (assets.length === 0) {
            gaps.push(`${r.cell}: the cell uploaded no release asset (was release-tag set?)`);
            continue;
        }
        const missing = assets.filter((a) => !on.has(a));
        if (missing.length > 0)
            gaps.push(`${r.cell}: ${missing.join(', ')} not on the draft`);
    }
    return gaps;
}
async function publishDraft(req) {
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    if (!/^[^/]+\/[^/]+$/.test(repository))
        throw new Error('GITHUB_REPOSITORY is not set as owner/repo');
    // The same client as the cells' uploads: retries, rate limits and a time limit per call.
    const api = await releases/* ReleaseApi */.u3.connect({ token: req.token, repository });
    const draft = await api.oldestDraft(req.tag);
    if (!draft)
        throw new Error(`No draft release has the tag ${req.tag}: nothing to publish.`);
    const names = await api.assetNames(draft);
    const gaps = releaseGaps(req.records, names, req);
    if (gaps.length > 0) {
        throw new Error(`Not publishing release ${req.tag} (draft ${draft.id}); it is left as a draft:\n${gaps.map((g) => `- ${g}`).join('\n')}`);
    }
    await api.publish(draft);
    log/* log */.Rm.info(`Published release ${req.tag} (id ${draft.id}) with ${names.length} asset(s).`);
}

// EXTERNAL MODULE: ./src/lib/runner.ts
var runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/report/main.ts
// The report action (report/action.yml): reads every `c2w-record-*` artifact of this workflow run,
// writes one job summary comparing the allocators of the matrix, recommends one per group, and,
// when asked, publishes the release draft the cells filled once every cell passed and uploaded.










/** The report action's outputs (its action.yml lists the same names; a unit test holds them equal). */
var ReportOutputs;
(function (ReportOutputs) {
    ReportOutputs["BestAllocator"] = "best-allocator";
    ReportOutputs["Best"] = "best";
    ReportOutputs["Records"] = "records";
    ReportOutputs["Passed"] = "passed";
    ReportOutputs["Failed"] = "failed";
})(ReportOutputs || (ReportOutputs = {}));
function parseReportInputs(get) {
    const releaseTag = get('release-tag').trim() || undefined;
    const releasePublish = (0,inputs/* bool */.lc)(get, 'release-publish', false);
    const githubToken = get('github-token');
    if (releasePublish && releaseTag === undefined) {
        throw new inputs/* InputError */.dz('release-tag', 'is required with release-publish: true (the tag of the draft to publish)');
    }
    if (releasePublish && githubToken === '') {
        throw new inputs/* InputError */.dz('github-token', 'is empty: publishing the release needs a token with contents: write');
    }
    const expectedCells = (0,expected_cells/* parseExpectedCells */.ZW)(get('expected-cells'));
    return {
        ...(expectedCells ? { expectedCells } : {}),
        rankBy: (0,inputs/* oneOf */.yL)(get, 'rank-by', RANK_BY, 'boot'),
        keepRecords: (0,inputs/* bool */.lc)(get, 'keep-records', false),
        failOnFailure: (0,inputs/* bool */.lc)(get, 'fail-on-failure', false),
        releaseTag,
        releasePublish,
        githubToken,
    };
}
/**
 * Reads every record artifact of the run and checks each against the record schema: one that
 * cannot be read, or is not a valid record, is reported (a warning) and skipped; the rest are compared.
 */
async function readRecords(store) {
    const { artifacts } = await store.listArtifacts({ latest: true });
    const found = artifacts
        .filter((a) => a.name.startsWith(record/* RECORD_ARTIFACT_PREFIX */.Sm))
        .sort((a, b) => a.name.localeCompare(b.name));
    const texts = [];
    const unread = [];
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,runner/* runnerTemp */.X5)(), 'c2w-records-'));
    try {
        for (const a of found) {
            const into = external_node_path_.join(dir, String(a.id));
            try {
                const res = await store.downloadArtifact(a.id, { path: into });
                texts.push({
                    artifact: a.name,
                    text: await (0,promises_.readFile)(external_node_path_.join(res.downloadPath ?? into, record/* RECORD_FILE */.lt), 'utf8'),
                });
            }
            catch (e) {
                unread.push({ artifact: a.name, reason: e.message });
            }
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    const { records, bad } = (0,record/* admitRecords */.uG)(texts);
    const skipped = [...unread, ...bad].sort((a, b) => a.artifact.localeCompare(b.artifact));
    // core.warning escapes line breaks: the reason cannot start a workflow command of its own.
    for (const b of skipped)
        core/* warning */.$e(`Skipping the record artifact ${b.artifact}: ${b.reason}`);
    return { records, bad: skipped, names: found.map((a) => a.name) };
}
async function reportMain() {
    try {
        const inputs = parseReportInputs((name) => core/* getInput */.V4(name));
        if (inputs.githubToken)
            core/* setSecret */.Pq(inputs.githubToken);
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(555), __webpack_require__.e(118), __webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 56518));
        const store = new DefaultArtifactClient();
        const { records, bad, names } = await readRecords(store);
        const missing = (0,expected_cells/* missingCells */.o3)(inputs.expectedCells, records.map((r) => r.cell));
        for (const m of missing)
            core/* warning */.$e(`Missing cell record: ${m}`);
        const passed = records.filter((r) => r.result === 'passed').length;
        // Cancelled and refused cells did not pass either.
        const failed = records.length - passed;
        core/* setOutput */.uH(ReportOutputs.Records, JSON.stringify(records));
        core/* setOutput */.uH(ReportOutputs.Passed, String(passed));
        core/* setOutput */.uH(ReportOutputs.Failed, String(failed));
        if (records.length === 0 && bad.length === 0 && missing.length === 0) {
            const message = `No c2w-record-* artifacts in this workflow run: the report has nothing to compare. ` +
                `Run it after the conversion jobs (needs: and if: always()), and leave their record input at true.`;
            core/* warning */.$e(message);
            core/* setOutput */.uH(ReportOutputs.Best, '{}');
            core/* setOutput */.uH(ReportOutputs.BestAllocator, '');
            await core/* summary */.z.addHeading('c2w allocator report', 3).addRaw((0,html/* escapeHtml */.Z)(message), true).write();
            return;
        }
        const groups = groupRecords(records, inputs.rankBy);
        const best = Object.fromEntries(groups.filter((g) => g.best).map((g) => [g.name, allocatorOf(g.best)]));
        core/* setOutput */.uH(ReportOutputs.Best, JSON.stringify(best));
        core/* setOutput */.uH(ReportOutputs.BestAllocator, groups.length === 1 && groups[0].best ? allocatorOf(groups[0].best) : '');
        // Never a line that starts with a record's text: the runner reads `::name::` at a line's start.
        for (const g of groups)
            core/* info */.pq(`Recommendation: ${(0,record/* oneLine */.TN)(g.recommendation, 4000)}`);
        await writeSummary(groups, inputs.rankBy, { passed, failed, records, bad, missing });
        if (inputs.releasePublish && inputs.releaseTag) {
            await core/* group */.Os('Publish the release', () => publishDraft({
                tag: inputs.releaseTag,
                token: inputs.githubToken,
                records,
                bad,
                ...(inputs.expectedCells ? { expected: inputs.expectedCells } : {}),
            }));
        }
        if (!inputs.keepRecords) {
            for (const name of names) {
                try {
                    await store.deleteArtifact(name);
                }
                catch (e) {
                    core/* warning */.$e(`Could not delete the record artifact ${name}: ${e.message}`);
                }
            }
            core/* info */.pq(`Deleted ${names.length} record artifact(s); keep-records: true keeps them.`);
        }
        if (inputs.failOnFailure && failed + bad.length + missing.length > 0) {
            const parts = [
                failed > 0 ? `${failed} of ${records.length} cell(s) did not pass` : '',
                bad.length > 0 ? `${bad.length} record(s) unreadable` : '',
                missing.length > 0 ? `${missing.length} expected cell record(s) missing` : '',
            ].filter(Boolean);
            core/* setFailed */.C1(`${parts.join('; ')} (fail-on-failure: true).`);
        }
    }
    catch (e) {
        core/* setFailed */.C1(e.message);
    }
}
async function writeSummary(groups, rankBy, counts) {
    const s = core/* summary */.z.addHeading('c2w allocator report', 3);
    const by = (result) => counts.records.filter((r) => r.result === result).length;
    const tally = [
        `${counts.passed} passed`,
        `${by('failed')} failed`,
        ...['cancelled', 'refused'].filter((r) => by(r) > 0).map((r) => `${by(r)} ${r}`),
    ].join(', ');
    s.addRaw(`<p>${(0,html/* escapeHtml */.Z)(`${tally}; ranked by ${rankBy}. ★ marks the recommendation.`)}</p>`, true);
    for (const g of groups) {
        s.addHeading((0,html/* escapeHtml */.Z)(g.name), 4);
        const [header, ...rows] = groupTable(g);
        s.addTable([header.map((data) => ({ data, header: true })), ...rows]);
        s.addRaw(`<p><b>${(0,html/* escapeHtml */.Z)(g.recommendation)}</b></p>`, true);
    }
    const trouble = [
        ...counts.missing.map((m) => `Missing: ${m}`),
        ...counts.bad.map((b) => `Skipped ${b.artifact}: ${b.reason}`),
    ];
    if (trouble.length > 0) {
        s.addHeading('Not compared', 4);
        s.addRaw(`<ul>${trouble.map((t) => `<li>${(0,html/* escapeHtml */.Z)(t)}</li>`).join('')}</ul>`, true);
    }
    await s.write();
}


/***/ })

};

//# sourceMappingURL=288.index.js.map