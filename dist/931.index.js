export const id = 931;
export const ids = [931];
export const modules = {

/***/ 40729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ checkEnvBudget),
/* harmony export */   Yl: () => (/* binding */ packInfo),
/* harmony export */   nF: () => (/* binding */ writePackInfo)
/* harmony export */ });
/* unused harmony export C2W_INFO_LIMIT */
// c2w's info: how a converted image is told its command, environment and clock at boot. Its two
// front ends take it in different formats, on purpose, and both are written here side by side:
// - wasi: c2w's WASI front end writes `e: `, `c: `, `env: `, `t: ` lines (one space after the colon)
//   into one fixed 1024-byte buffer in the module's memory, and stops with
//   `too many write (1025 > 1024)failed to prepare env info` when they do not fit; checkEnvBudget
//   predicts that before anything runs.
// - js: the page writes a file, `/pack/info`, into emscripten's file system with `t:`, `c:`, `env:`
//   lines (no space) and no size limit, as c2w's own page does
//   (https://github.com/container2wasm/container2wasm/tree/main/examples/emscripten-simple).
// They differ because the WASI side is a fixed buffer the front end fills, the js side a file.
/** c2w's WASI info buffer: entrypoint, command, env, net, bundle and time share it. */
const C2W_INFO_LIMIT = 1024;
// ---------------------------------------------------------------------------------------------
// wasi: the 1024-byte budget
const utf8 = (s) => Buffer.byteLength(s, 'utf8');
/** Writes c2w's info the way its front end does, counting bytes and stopping at the first overflow. */
class InfoWriter {
    limit;
    pos = 0;
    failedAt;
    constructor(limit) {
        this.limit = limit;
    }
    /** write_info: a block of `len` bytes. */
    block(len) {
        if (this.failedAt !== undefined)
            return false;
        if (this.pos + len > this.limit) {
            this.failedAt = this.pos + len;
            return false;
        }
        this.pos += len;
        return true;
    }
    /** putchar_info, for each byte. */
    bytes(n) {
        for (let i = 0; i < n; i++)
            if (!this.block(1))
                return false;
        return true;
    }
}
function writeEscapedLine(w, prefix, value) {
    if (!w.block(utf8(prefix)))
        return false;
    for (const ch of value) {
        if (ch === '\n') {
            if (!w.block(2))
                return false;
        }
        else if (!w.bytes(utf8(ch)))
            return false;
    }
    return w.bytes(1);
}
function writeArgs(w, args) {
    if (!w.block(3))
        return false; // "c: "
    for (const arg of args) {
        for (const ch of arg) {
            if ((ch === ' ' || ch === '\n') && !w.bytes(1))
                return false;
            if (!w.bytes(utf8(ch)))
                return false;
        }
        if (!w.bytes(1))
            return false; // the separator; the last one becomes the newline
    }
    return true;
}
/** Bytes a list of entries costs on its own, for the message. */
function cost(write) {
    const w = new InfoWriter(Number.MAX_SAFE_INTEGER);
    write(w);
    return w.pos;
}
/**
 * Mirrors c2w's WASI front end: the entrypoint, the command, every environment variable and the
 * time go, in that order, into one 1024-byte buffer. Predicts whether
 * `-no-stdin <command>` with `env` fits, and which inputs overflow it.
 */
function checkEnvBudget(command, env, options = {}) {
    const limit = options.limit ?? C2W_INFO_LIMIT;
    const time = String(Math.floor(options.nowSeconds ?? Date.now() / 1000));
    const entrypoint = options.entrypoint;
    const envLines = env.map((e) => `${e.key}=${e.value}`);
    const commandBytes = (entrypoint !== undefined ? cost((w) => writeEscapedLine(w, 'e: ', entrypoint)) : 0) +
        (command.length > 0 ? cost((w) => writeArgs(w, command)) : 0);
    const envBytes = envLines.reduce((n, line) => n + cost((w) => writeEscapedLine(w, 'env: ', line)), 0);
    const timeBytes = 3 + utf8(time) + 1;
    const bytes = commandBytes + envBytes + timeBytes;
    // The same writes, in the same order, with the real limit: the first one that fails decides
    // c2w's message.
    const w = new InfoWriter(limit);
    let failed;
    if (entrypoint !== undefined && !writeEscapedLine(w, 'e: ', entrypoint))
        failed = 'entrypoint';
    if (!failed && command.length > 0 && !writeArgs(w, command))
        failed = 'entrypoint'; // sic, as c2w
    if (!failed) {
        for (const line of envLines) {
            if (!writeEscapedLine(w, 'env: ', line)) {
                failed = 'env';
                break;
            }
        }
    }
    if (!failed && !writeEscapedLine(w, 't: ', time))
        failed = 'time';
    if (!failed) {
        return { ok: true, bytes, limit, commandBytes, envBytes, timeBytes, overflowing: [] };
    }
    const overflowing = [];
    if (commandBytes + timeBytes > limit)
        overflowing.push('smoke-command');
    if (envBytes > 0)
        overflowing.push('smoke-env');
    if (overflowing.length === 0)
        overflowing.push('smoke-command');
    const c2wMessage = `too many write (${w.failedAt} > ${limit})failed to prepare ${failed} info`;
    const names = overflowing.join(' and ');
    const message = `${names} ${overflowing.length > 1 ? 'do' : 'does'} not fit c2w's ${limit}-byte budget for the ` +
        `command, environment and time: they need ${bytes} bytes (smoke-command ${commandBytes}, ` +
        `smoke-env ${envBytes}, time ${timeBytes}). The module would stop with ` +
        `"${c2wMessage}". Shorten ${names}.`;
    return { ok: false, bytes, limit, commandBytes, envBytes, timeBytes, overflowing, c2wMessage, message };
}
// ---------------------------------------------------------------------------------------------
// js: /pack/info
/** Escapes one `/pack/info` value: a newline as backslash-newline. */
const escapeValue = (v) => v.replace(/\n/g, '\\\n');
/** The `/pack/info` the page writes in preRun: the clock, the command, the environment. */
function packInfo(command, env, nowSeconds) {
    const lines = [`t:${Math.floor(nowSeconds)}`];
    if (command.length > 0) {
        lines.push(`c:${command.map((a) => escapeValue(a.replace(/\\/g, '\\\\').replace(/ /g, '\\ '))).join(' ')}`);
    }
    for (const { key, value } of env)
        lines.push(`env:${escapeValue(`${key}=${value}`)}`);
    return `${lines.join('\n')}\n`;
}
/**
 * An emscripten preRun hook that writes `info` (packInfo's text) to /pack/info before the guest's
 * init reads it; the page and the Node boot both register it. /pack may exist already (load.js,
 * file_packager's loader, creates it when the image has files there).
 */
function writePackInfo(info) {
    return (mod) => {
        try {
            mod.FS.mkdir('/pack');
        }
        catch {
            // load.js created it.
        }
        mod.FS.writeFile('/pack/info', info);
    };
}


/***/ }),

/***/ 44167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ parseImageReference)
/* harmony export */ });
// Docker image reference grammar (distribution/reference), used to reject bad `image`
// inputs before anything is spawned:
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [domain "/"] path-component ["/" path-component]*
//   domain    := host [":" port]      host := domain-name | IPv4 | "[" IPv6 "]"
//   path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := [_.] | "__" | "-"+
//   tag       := [\w][\w.-]{0,127}
//   digest    := algorithm ":" hex   (sha256, sha384 or sha512: 64, 96 or 128 lower-case hex)
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainName}|${ipv6})`;
const domain = `${host}(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const anchored = new RegExp(`^(?:(${domain})/)?(${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`);
const NAME_MAX = 255;
/** The digest algorithms go-digest registers in Docker, and their hex lengths. */
const DIGEST_HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
/** Parses an image reference; returns an error message instead when it is not one. */
function parseImageReference(ref) {
    if (ref === '')
        return 'is empty';
    if (/\s/.test(ref))
        return 'contains white space';
    const m = anchored.exec(ref);
    if (!m) {
        // Registry hosts and tags may have upper case; if lower-casing makes it valid, the
        // repository path had upper case, which Docker refuses.
        if (anchored.test(ref.toLowerCase())) {
            return 'has upper-case letters in the repository name (only the registry host may have them)';
        }
        return 'is not a valid image reference (expected [registry[:port]/]name[:tag][@sha256:<64 hex>])';
    }
    const [, , , t, dig] = m;
    let [, dom, path] = m;
    // A first component without '.', ':' or 'localhost' is part of the path, not a registry
    // (Docker's own rule); such a component must then follow the path grammar.
    if (dom !== undefined && !/[.:]/.test(dom) && dom !== 'localhost') {
        if (!new RegExp(`^${pathComponent}$`).test(dom)) {
            return 'has upper-case letters in the repository name (only the registry host may have them)';
        }
        path = `${dom}/${path}`;
        dom = undefined;
    }
    // The length limit applies to the repository path as the grammar splits it (the domain does not
    // count), as in distribution/reference's Parse since v0.6.0.
    if (m[2].length > NAME_MAX)
        return `has a repository path longer than ${NAME_MAX} characters`;
    if (dig !== undefined) {
        const [algo, hex] = dig.split(':');
        const length = DIGEST_HEX_LENGTH[algo];
        if (length === undefined) {
            return `has a digest algorithm '${algo}' that Docker does not support (${Object.keys(DIGEST_HEX_LENGTH).join(', ')})`;
        }
        if (!new RegExp(`^[a-f0-9]{${length}}$`).test(hex)) {
            return `has a bad digest (${algo} needs exactly ${length} lower-case hex characters)`;
        }
    }
    const result = { path: path };
    if (dom !== undefined)
        result.domain = dom;
    if (t !== undefined)
        result.tag = t;
    if (dig !== undefined)
        result.digest = dig;
    return result;
}


/***/ }),

/***/ 78597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   Jl: () => (/* binding */ pinFlags),
/* harmony export */   UT: () => (/* binding */ toolchainTag),
/* harmony export */   Y9: () => (/* binding */ toolchainRepository),
/* harmony export */   _j: () => (/* binding */ recordAnnotations),
/* harmony export */   nL: () => (/* binding */ parseToolchainSetting),
/* harmony export */   yg: () => (/* binding */ recordTag)
/* harmony export */ });
/* unused harmony exports RECORD, pinnedReference */
/* harmony import */ var _c2w_image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44167);
// The toolchain cache, pure: a BuildKit registry cache (mode=max) of c2w's image-independent
// stages (kernel, emulators, the Emscripten/QEMU chain), published once per combination of c2w
// version, target, architecture and (js) allocator, and read by any first conversion whose own cache
// misses. Beside each cache tag, a small record tag (`<tag>-bases`) names the exact digests of the
// base images the published build used, as manifest annotations (readable with
// `docker buildx imagetools inspect --raw`): a reader pins its build to those digests with
// `--build-context NAME=docker-image://NAME@DIGEST`, so its cache keys match the published ones
// whatever the base tags point to today.

/** Annotation keys of a record. */
const RECORD = {
    /** One per pinned base image: `org.c2w-action.base-image.<n>` = `NAME@sha256:…`. */
    basePrefix: 'org.c2w-action.base-image.',
    /** The cache tag the record describes. */
    cache: 'org.c2w-action.toolchain-cache',
    c2wVersion: 'org.c2w-action.c2w-version',
};
/** At most this many base images in a record (c2w's Dockerfile has seven). */
const MAX_BASES = 64;
/** The tag of a combination: `v0.8.4-wasi-amd64`, `v0.8.4-js-amd64-emmalloc`. */
function toolchainTag(p) {
    const parts = [p.c2wVersion, p.target, p.targetArch, ...(p.target === 'js' ? [p.allocator] : [])];
    return parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_');
}
const recordTag = (tag) => `${tag}-bases`;
/** `toolchain-cache`'s value checked: a registry repository without a tag or digest; `auto` or `none`. */
function parseToolchainSetting(raw) {
    const value = raw.trim();
    if (value === '' || value === 'auto')
        return { kind: 'auto' };
    if (value === 'none')
        return { kind: 'none' };
    const ref = (0,_c2w_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageReference */ .o)(value);
    if (typeof ref === 'string')
        return `${ref}`;
    if (ref.tag !== undefined || ref.digest !== undefined)
        return 'names a tag or digest; give the repository only (the action adds the tag of each combination)';
    if (ref.domain === undefined)
        return 'names no registry host; give host/owner/name';
    return { kind: 'repository', repository: value };
}
/**
 * The repository `auto` means: the action's own repository's package on the GitHub Container
 * Registry, `<registry>/<owner>/<name>-toolchain` (GITHUB_ACTION_REPOSITORY is `owner/name` when
 * the step runs a published action, and empty for `uses: ./` from the workflow's own checkout: then
 * there is none). Package names are lower case.
 */
function toolchainRepository(setting, env) {
    if (setting.kind === 'none')
        return undefined;
    if (setting.kind === 'repository')
        return setting.repository;
    const repo = env.actionRepository?.trim();
    if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo))
        return undefined;
    return `${env.containerRegistry}/${repo.toLowerCase()}-toolchain`;
}
/** `NAME@DIGEST` for a build context: the name without its tag, pinned. */
function pinnedReference(name, digest) {
    const ref = (0,_c2w_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageReference */ .o)(name);
    if (typeof ref === 'string' || ref.digest !== undefined)
        return undefined;
    return `${ref.domain ? `${ref.domain}/` : ''}${ref.path}@${digest}`;
}
/** The record's annotations for these base images (name as the Dockerfile writes it → digest). */
function recordAnnotations(cacheRef, c2wVersion, bases) {
    const annotations = { [RECORD.cache]: cacheRef, [RECORD.c2wVersion]: c2wVersion };
    [...bases].forEach(([name, digest], i) => (annotations[`${RECORD.basePrefix}${i}`] = `${name}@${digest}`));
    return annotations;
}
/**
 * The base images a record pins, from its manifest as the registry serves it; a string saying what
 * is wrong with it otherwise (then the record is not used at all).
 */
function parseRecord(manifest, cacheRef) {
    if (typeof manifest !== 'object' || manifest === null)
        return 'the record is not a manifest';
    const annotations = manifest.annotations;
    if (typeof annotations !== 'object' || annotations === null)
        return 'the record has no annotations';
    const entries = Object.entries(annotations);
    // The same tag: a record copied under another combination's tag does not describe this one. The
    // host may differ (a mirror, the authenticated and the public name of one registry).
    const described = annotations[RECORD.cache];
    if (typeof described !== 'string' || tagOf(described) !== tagOf(cacheRef))
        return `the record describes ${JSON.stringify(String(described)).slice(0, 200)}, not the tag of ${cacheRef}`;
    const bases = new Map();
    for (const [key, value] of entries) {
        if (!key.startsWith(RECORD.basePrefix))
            continue;
        if (bases.size >= MAX_BASES)
            return `the record names more than ${MAX_BASES} base images`;
        const m = typeof value === 'string' ? /^(.{1,400})@(sha256:[0-9a-f]{64})$/.exec(value) : null;
        const name = m?.[1];
        if (!m || !name || typeof (0,_c2w_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageReference */ .o)(name) === 'string' || name.includes('@'))
            return `${key} is not NAME@sha256:<64 hex>: ${JSON.stringify(String(value)).slice(0, 200)}`;
        bases.set(name, m[2]);
    }
    return bases;
}
const tagOf = (ref) => /:([\w][\w.-]{0,127})$/.exec(ref)?.[1];
/** The build flags that pin `bases` (name as the Dockerfile writes it → digest). */
function pinFlags(bases) {
    const flags = [];
    for (const [name, digest] of bases) {
        const pinned = pinnedReference(name, digest);
        if (pinned)
            flags.push(`--build-context=${name}=docker-image://${pinned}`);
    }
    return flags;
}


/***/ }),

/***/ 37827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* unused harmony exports QUOTE_MAX, MESSAGE_MAX */
// The error of an input that cannot be used: it names the input, so the action's message and the
// command's (which names the flag instead) say which one to change.
/** Characters of an input's value that a message quotes: a 100 KB value must not fill the log. */
const QUOTE_MAX = 200;
/**
 * Longest message of an InputError: a net under messages that embed a value by another route (an
 * RE2 parse error quotes the pattern from where it fails; a budget error lists the command).
 */
const MESSAGE_MAX = 1000;
class InputError extends Error {
    input;
    constructor(input, detail) {
        const text = `Input '${input}' ${detail}`;
        super(text.length <= MESSAGE_MAX ? text : `${text.slice(0, MESSAGE_MAX)}… (${text.length} characters)`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** `value` in single quotes for a message, cut to QUOTE_MAX characters with its length said. */
function quoted(value) {
    if (value.length <= QUOTE_MAX)
        return `'${value}'`;
    return `'${value.slice(0, QUOTE_MAX)}…' (${value.length} characters)`;
}


/***/ }),

/***/ 7314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ checkOutputPlace),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   UO: () => (/* binding */ danglingLinkIn),
/* harmony export */   dN: () => (/* binding */ realPathOf),
/* harmony export */   kF: () => (/* binding */ checkNoDanglingLink),
/* harmony export */   vn: () => (/* binding */ checkDockerfile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37827);
// The checks of the inputs that name places on this machine (the custom Dockerfile, the output), made
// before anything is spawned by both the action (getInputs) and the command (cli/validate.ts).
// Paths are compared after every symbolic link is resolved (realpath), so a link cannot lead a
// check astray: a `dockerfile` that links to /proc/self/environ is the environment (tokens and
// all), not a Dockerfile, and an output that links elsewhere writes elsewhere.



/**
 * Linux's pseudo file systems: procfs and sysfs files stat as regular files but hold the state of
 * the system (a process's environment, memory, keys), and /dev holds the devices.
 */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];
/** Whether `p` (absolute) is `root` or inside it, by path components (`..web` is inside). */
function isInside(p, root) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel));
}
/** `p` with every symlink in its existing part resolved (the rest may not exist yet). */
function realPathOf(p) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(p);
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
    }
    catch {
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(abs);
        return parent === abs ? abs : node_path__WEBPACK_IMPORTED_MODULE_1__.join(realPathOf(parent), node_path__WEBPACK_IMPORTED_MODULE_1__.basename(abs));
    }
}
/**
 * The symbolic link whose target does not exist on the way to `resolved` (a realPathOf result),
 * if any: the first part of it that exists is then that link.
 */
function danglingLinkIn(resolved) {
    for (let p = resolved;; p = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(p)) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p).isSymbolicLink() ? p : undefined;
        }
        catch {
            if (node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(p) === p)
                return undefined;
        }
    }
}
/**
 * The custom Dockerfile must be a regular file (c2w reads it; a directory fails only after the
 * download), not a file of a pseudo file system or a device, and, when `workspace` is given (the
 * action), inside the workspace once its links are resolved.
 */
function checkDockerfile(file, workspace) {
    let real;
    let st;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('dockerfile', `names ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(file)}, which does not exist`);
    }
    const shown = real === node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(file) ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(file) : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(file)} (${real})`;
    if (PSEUDO_ROOTS.some((root) => isInside(real, root))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('dockerfile', `names ${shown}, which is a system file, not a Dockerfile`);
    }
    if (!st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('dockerfile', `names ${shown}, which is not a regular file`);
    if (workspace !== undefined) {
        const ws = realPathOf(workspace);
        if (!isInside(real, ws)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('dockerfile', `names ${shown}, which is outside the workspace ${ws}`);
        }
    }
}
/**
 * The output may not lead through a symbolic link whose target does not exist: where it would
 * write cannot be checked, and creating a file or folder through it fails with a bare ENOENT.
 */
function checkNoDanglingLink(output) {
    const out = realPathOf(output);
    const dangling = danglingLinkIn(out);
    if (dangling === undefined)
        return;
    const shown = output === node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(output) ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(output) : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(output)} (${out})`;
    let to = '';
    try {
        to = ` to ${node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dangling), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(dangling))}`;
    }
    catch {
        // the link vanished meanwhile; the message still names it
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('output', `${shown}: ${dangling} is a symbolic link${to}, which does not exist: give a plain path, such as out/`);
}
/**
 * Everything in a `js` output directory is published (artifact, `sha256`, release tarball), so it
 * must be a folder of the conversion's own: inside the workspace, not the workspace or one of its
 * ancestors, and empty or absent before the build. Then the files in it after c2w ran are exactly
 * c2w's. A `wasi` output file must be inside the workspace too. Relative paths are resolved
 * against the current directory, as c2w resolves them. No dangling link (checkNoDanglingLink).
 */
function checkOutputPlace(target, output, workspace) {
    const ws = realPathOf(workspace);
    const out = realPathOf(output);
    const shown = output === node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(output) ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(output) : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(output)} (${out})`;
    checkNoDanglingLink(output);
    if (out === ws) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('output', `${shown} is the workspace ${ws}: give a folder of its own, such as out/`);
    }
    if (!isInside(out, ws)) {
        const where = isInside(ws, out) ? 'an ancestor of' : 'outside';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('output', `${shown} is ${where} the workspace ${ws}: give a path inside it, such as out/`);
    }
    let st;
    try {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(out);
    }
    catch {
        return; // absent: c2w creates it
    }
    if (target === 'wasi') {
        if (st.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('output', `${shown} is a directory; target 'wasi' writes one file`);
        return;
    }
    if (!st.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('output', `${shown} exists and is not a directory`);
    const present = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(out);
    if (present.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('output', `${shown} already holds ${present.length} entr${present.length === 1 ? 'y' : 'ies'} ` +
            `(${present.sort().slice(0, 5).join(', ')}${present.length > 5 ? ', ...' : ''}): ` +
            `everything in a js output directory is published, so it must be empty or absent before the build`);
    }
}


/***/ }),

/***/ 61310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ errors/* InputError */.dz),
  lc: () => (/* binding */ bool),
  GP: () => (/* binding */ getInputs),
  yL: () => (/* binding */ oneOf),
  TL: () => (/* binding */ parseInputs),
  dg: () => (/* binding */ registerSecrets)
});

// UNUSED EXPORTS: DEFAULT_C2W_VERSION, DEFAULT_COMPRESSION_LEVEL, DEFAULT_DOWNLOAD_URL, DEFAULT_SMOKE_COMMAND, DEFAULT_SMOKE_EXPECT, TARGET_ARCHES, checkDockerfile, checkOutputPlace, lines, parseSmokeRuntime, quoted

// EXTERNAL MODULE: ./src/c2w/image-ref.ts
var image_ref = __webpack_require__(44167);
// EXTERNAL MODULE: ./src/publish/names.ts
var names = __webpack_require__(27479);
// EXTERNAL MODULE: ./src/c2w/boot-info.ts
var boot_info = __webpack_require__(40729);
// EXTERNAL MODULE: ./src/github/hosts.ts
var hosts = __webpack_require__(55044);
// EXTERNAL MODULE: ./src/cache/toolchain.ts
var toolchain = __webpack_require__(78597);
// EXTERNAL MODULE: ./src/smoke/expect.ts
var expect = __webpack_require__(30324);
// EXTERNAL MODULE: ./src/lib/child-env.ts
var child_env = __webpack_require__(82979);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/config/host-checks.ts
var host_checks = __webpack_require__(7314);
// EXTERNAL MODULE: ./src/types/c2w.ts
var c2w = __webpack_require__(60015);
// EXTERNAL MODULE: ./src/site/folder.ts
var folder = __webpack_require__(68763);
;// CONCATENATED MODULE: ./src/types/inputs.ts
// The typed form of the action's inputs, parsed and validated once by config/inputs.ts. A leaf:
// it imports nothing of the project, so every stage can import it without a cycle.
/** The emscripten allocators a build can be patched to (`-sMALLOC=`); c2w/allocators.ts knows how each fails. */
const ALLOCATORS = [
    'emmalloc',
    'dlmalloc',
    'mimalloc',
    'emmalloc-debug',
    'emmalloc-memvalidate',
    'emmalloc-verbose',
    'emmalloc-memvalidate-verbose',
];
const SMOKE_RUNTIMES = ['node', 'browser'];

;// CONCATENATED MODULE: ./src/config/inputs.ts
// Reads the action's inputs once and validates every value before anything is spawned.
// `parseInputs` is pure (it takes a getter), so the whole table of bad inputs is unit-tested.















const DEFAULT_C2W_VERSION = 'v0.8.4';
const DEFAULT_DOWNLOAD_URL = 'https://github.com/container2wasm/container2wasm/releases/download';
const TARGET_ARCHES = ['amd64', 'riscv64', 'aarch64', 'arm', '386', 'ppc64le', 's390x', 'mips64le'];
const DEFAULT_SMOKE_COMMAND = ['echo', 'c2w-smoke-ok'];
const DEFAULT_SMOKE_EXPECT = '^c2w-smoke-ok\\s*$';
/**
 * smoke-runtime: `node`, `browser`, or both (`node,browser`, commas or lines), each once; run in the
 * order node, browser whatever the order given, so the fast Node boot fails first.
 */
function parseSmokeRuntime(raw) {
    const names = raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    if (names.length === 0)
        return ['node'];
    for (const n of names) {
        if (!SMOKE_RUNTIMES.includes(n)) {
            throw new errors/* InputError */.dz('smoke-runtime', `lists '${n}'; each must be one of ${SMOKE_RUNTIMES.join(', ')} (e.g. node,browser)`);
        }
    }
    return SMOKE_RUNTIMES.filter((r) => names.includes(r));
}
/**
 * Default zip compression level of the artifact. Chosen by bench/publish.bench.mjs (see
 * bench/RESULTS.md): level 1 stores a c2w-like 200 MB wasm within a few percent of level 6/9
 * at a fraction of the CPU time.
 */
const DEFAULT_COMPRESSION_LEVEL = 1;
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
function bool(get, name, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (TRUE_VALUES.includes(raw))
        return true;
    if (FALSE_VALUES.includes(raw))
        return false;
    throw new errors/* InputError */.dz(name, `must be true or false (YAML 1.2 core schema), got ${(0,errors/* quoted */.TL)(raw)}`);
}
function oneOf(get, name, allowed, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (allowed.includes(raw))
        return raw;
    throw new errors/* InputError */.dz(name, `must be one of ${allowed.join(', ')}; got ${(0,errors/* quoted */.TL)(raw)}`);
}
function integer(get, name, min, max) {
    const raw = get(name).trim();
    if (raw === '')
        return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new errors/* InputError */.dz(name, `must be a whole number from ${min} to ${max}; got ${(0,errors/* quoted */.TL)(raw)}`);
    }
    return Number(raw);
}
/** Lines of a multiline input, trimmed, empty lines dropped (like core.getMultilineInput). */
function lines(raw) {
    return raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
function keyValues(get, name) {
    return lines(get(name)).map((line, i) => {
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        if (eq < 0 || !ENV_KEY.test(key)) {
            // The line is not quoted: a value is often a secret, and it is not registered as one yet.
            const got = eq < 0 ? `line ${i + 1} has no '='` : `line ${i + 1} has the key ${(0,errors/* quoted */.TL)(key)}`;
            throw new errors/* InputError */.dz(name, `needs one KEY=VALUE per line (KEY: letters, digits, _); ${got}`);
        }
        return { key, value: line.slice(eq + 1) };
    });
}
// Git refuses these in a tag name (git check-ref-format).
// eslint-disable-next-line no-control-regex
const BAD_TAG = /(^[-./])|\.\.|[\s~^:?*[\\\x00-\x1f\x7f]|@\{|\.lock$|\/$|\.$|^@$/;
function parseInputs(get) {
    const image = get('image').trim();
    if (image === '')
        throw new errors/* InputError */.dz('image', 'is required: an image reference such as alpine:3.20');
    const parsed = (0,image_ref/* parseImageReference */.o)(image);
    if (typeof parsed === 'string')
        throw new errors/* InputError */.dz('image', `${(0,errors/* quoted */.TL)(image)} ${parsed}`);
    const allocator = oneOf(get, 'allocator', [...ALLOCATORS, 'default'], 'emmalloc');
    const target = oneOf(get, 'target', ['wasi', 'js'], 'wasi');
    const targetArch = oneOf(get, 'target-arch', TARGET_ARCHES, 'amd64');
    const c2wVersion = get('c2w-version').trim() || DEFAULT_C2W_VERSION;
    if (!(c2wVersion === 'latest' || c2wVersion === 'system' || c2w/* C2W_RELEASE_TAG */.W.test(c2wVersion))) {
        throw new errors/* InputError */.dz('c2w-version', `must be a release tag like v0.8.4, 'latest' or 'system'; got ${(0,errors/* quoted */.TL)(c2wVersion)}`);
    }
    const c2wDownloadUrl = (get('c2w-download-url').trim() || DEFAULT_DOWNLOAD_URL).replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s]+$/.test(c2wDownloadUrl)) {
        throw new errors/* InputError */.dz('c2w-download-url', `must be an http(s) URL; got ${(0,errors/* quoted */.TL)((0,redact/* urlForDisplay */.Bo)(c2wDownloadUrl))}`);
    }
    // latest is asked of the releases API of the download host, which must be a GitHub release URL.
    if (c2wVersion === 'latest' && (0,hosts/* releasesApiFor */.Ko)(c2wDownloadUrl, {}) === undefined) {
        throw new errors/* InputError */.dz('c2w-version', `'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got ${(0,errors/* quoted */.TL)((0,redact/* urlForDisplay */.Bo)(c2wDownloadUrl))}. Give a release tag such as ${DEFAULT_C2W_VERSION}`);
    }
    const dockerfile = get('dockerfile').trim() || undefined;
    if (dockerfile !== undefined && /[\0\r\n]/.test(dockerfile)) {
        throw new errors/* InputError */.dz('dockerfile', 'must be a single file path');
    }
    const buildArgs = keyValues(get, 'build-args');
    const debugImage = bool(get, 'debug-image', false);
    let output = get('output').trim();
    if (/[\0\r\n]/.test(output))
        throw new errors/* InputError */.dz('output', 'must be a single path');
    if (target === 'js') {
        output = output === '' ? 'out/' : output.endsWith('/') ? output : `${output}/`;
    }
    else {
        if (output === '')
            output = 'out.wasm';
        if (output.endsWith('/')) {
            throw new errors/* InputError */.dz('output', `must be a file path for target 'wasi' (a directory is only for 'js'); got ${(0,errors/* quoted */.TL)(output)}`);
        }
    }
    const githubToken = get('github-token');
    const cache = oneOf(get, 'cache', ['local', 'gha', 'registry', 'none'], 'local');
    const cacheRef = get('cache-ref').trim() || undefined;
    if (cache === 'registry') {
        if (cacheRef === undefined)
            throw new errors/* InputError */.dz('cache-ref', 'is required with cache: registry (e.g. ghcr.io/org/app:c2w-cache)');
        const ref = (0,image_ref/* parseImageReference */.o)(cacheRef);
        if (typeof ref === 'string')
            throw new errors/* InputError */.dz('cache-ref', `${(0,errors/* quoted */.TL)(cacheRef)} ${ref}`);
    }
    const cacheKey = get('cache-key').trim() || 'c2w';
    if (!/^[A-Za-z0-9._+-]{1,100}$/.test(cacheKey)) {
        throw new errors/* InputError */.dz('cache-key', `must be 1-100 characters of letters, digits, '.', '_', '+', '-'; got ${(0,errors/* quoted */.TL)(cacheKey)}`);
    }
    const builder = get('builder').trim() || undefined;
    if (builder !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(builder)) {
        throw new errors/* InputError */.dz('builder', `must be a buildx builder name (letters, digits, '.', '_', '-'); got ${(0,errors/* quoted */.TL)(builder)}`);
    }
    const cacheTimeoutSeconds = integer(get, 'cache-timeout', 1, 3600) ?? 600;
    const cacheSave = bool(get, 'cache-save', true);
    const buildRetries = integer(get, 'build-retries', 0, 10) ?? 2;
    const toolchainCache = (0,toolchain/* parseToolchainSetting */.nL)(get('toolchain-cache'));
    if (typeof toolchainCache === 'string') {
        throw new errors/* InputError */.dz('toolchain-cache', `${(0,errors/* quoted */.TL)(get('toolchain-cache').trim())} ${toolchainCache}; give auto, none or a registry repository such as ghcr.io/org/c2w-toolchain`);
    }
    const toolchainCachePush = bool(get, 'toolchain-cache-push', false);
    if (toolchainCachePush) {
        if (toolchainCache.kind === 'none') {
            throw new errors/* InputError */.dz('toolchain-cache-push', 'is true but toolchain-cache is none: name the repository to publish to');
        }
        // What is published is read by every conversion of the combination: it must be the build of
        // c2w's own Dockerfile with only the allocator set, not one a user's inputs changed.
        const changed = dockerfile !== undefined
            ? 'dockerfile'
            : buildArgs.length > 0
                ? 'build-args'
                : debugImage
                    ? 'debug-image'
                    : undefined;
        if (changed) {
            throw new errors/* InputError */.dz('toolchain-cache-push', `publishes the toolchain of c2w's own Dockerfile and cannot be used with ${changed}, which changes what is built`);
        }
    }
    const envPassthrough = [...new Set(lines(get('env-passthrough')))];
    for (const name of envPassthrough) {
        const problem = (0,child_env/* passthroughProblem */.AX)(name);
        if (problem)
            throw new errors/* InputError */.dz('env-passthrough', `lists ${problem}`);
    }
    const smoke = bool(get, 'smoke', true);
    if (toolchainCachePush && !smoke) {
        // Every conversion of the combination reads what is published: only a build that booted.
        throw new errors/* InputError */.dz('toolchain-cache-push', 'is true but smoke is false: the toolchain cache is published only after a passing smoke boot; turn smoke on, or leave toolchain-cache-push off');
    }
    const smokeCommandLines = lines(get('smoke-command'));
    const smokeCommand = smokeCommandLines.length > 0 ? smokeCommandLines : DEFAULT_SMOKE_COMMAND;
    const expectSource = get('smoke-expect').trim() || DEFAULT_SMOKE_EXPECT;
    // Compiled by RE2 only, the engine that matches it: RE2 syntax such as (?i) or (?P<name>…) is
    // not JavaScript's, and JavaScript's lookaround and backreferences are not RE2's.
    try {
        (0,expect/* compileInputExpectation */.w9)(expectSource, 'm');
    }
    catch (e) {
        throw new errors/* InputError */.dz('smoke-expect', e.message);
    }
    const smokeExpect = { source: expectSource, flags: 'm' };
    const smokeTimeoutSeconds = integer(get, 'smoke-timeout', 1, 3600) ?? 300;
    const smokeRuns = integer(get, 'smoke-runs', 1, 20) ?? 1;
    const smokeEnv = keyValues(get, 'smoke-env');
    const smokeRuntime = parseSmokeRuntime(get('smoke-runtime'));
    const smokeBrowser = get('smoke-browser').trim() || undefined;
    if (smokeBrowser !== undefined && /[\0\r\n]/.test(smokeBrowser)) {
        throw new errors/* InputError */.dz('smoke-browser', 'must be a single file path');
    }
    const smokeSandbox = oneOf(get, 'smoke-sandbox', ['auto', 'required'], 'auto');
    const site = get('site').trim() || undefined;
    if (site !== undefined && /[\0\r\n]/.test(site))
        throw new errors/* InputError */.dz('site', 'must be a single folder path');
    const allocatorFallback = lines(get('allocator-fallback')).map((a) => {
        if (!ALLOCATORS.includes(a)) {
            throw new errors/* InputError */.dz('allocator-fallback', `lists ${(0,errors/* quoted */.TL)(a)}; each line must be one of ${ALLOCATORS.join(', ')}`);
        }
        return a;
    });
    const uploadArtifact = bool(get, 'upload-artifact', true);
    const record = bool(get, 'record', true);
    const artifactName = get('artifact-name').trim() || undefined;
    const artifactNameError = artifactName === undefined ? undefined : (0,names/* artifactNameProblem */.NH)(artifactName);
    if (artifactNameError)
        throw new errors/* InputError */.dz('artifact-name', artifactNameError);
    const retentionDays = integer(get, 'retention-days', 1, 90);
    const compressionLevel = integer(get, 'compression-level', 0, 9) ?? DEFAULT_COMPRESSION_LEVEL;
    const artifactArchive = bool(get, 'artifact-archive', true);
    if (!artifactArchive && uploadArtifact && target === 'js') {
        throw new errors/* InputError */.dz('artifact-archive', 'can be false only for target: wasi: a js output is a directory of several files, and only a single file can be uploaded without a zip (keep artifact-archive: true, or set upload-artifact: false)');
    }
    const releaseTag = get('release-tag').trim() || undefined;
    if (releaseTag !== undefined && BAD_TAG.test(releaseTag)) {
        throw new errors/* InputError */.dz('release-tag', `${(0,errors/* quoted */.TL)(releaseTag)} is not a valid git tag name`);
    }
    const releaseId = integer(get, 'release-id', 1, Number.MAX_SAFE_INTEGER);
    const releaseCreate = bool(get, 'release-create', true);
    const releaseOverwrite = bool(get, 'release-overwrite', true);
    const assetName = get('asset-name').trim() || undefined;
    const assetNameError = assetName === undefined ? undefined : (0,names/* assetNameProblem */.pr)(assetName);
    if (assetNameError)
        throw new errors/* InputError */.dz('asset-name', assetNameError);
    if (releaseTag !== undefined && releaseId !== undefined) {
        throw new errors/* InputError */.dz('release-id', `and release-tag name the release two ways (release-id ${releaseId}, release-tag ${(0,errors/* quoted */.TL)(releaseTag)}): give one`);
    }
    if ((releaseTag !== undefined || releaseId !== undefined) && githubToken.trim() === '') {
        throw new errors/* InputError */.dz('github-token', `is empty: ${releaseTag !== undefined ? 'release-tag' : 'release-id'} needs a token with contents: write (the default is github.token)`);
    }
    return {
        image,
        allocator,
        target,
        targetArch,
        c2wVersion,
        c2wDownloadUrl,
        dockerfile,
        buildArgs,
        debugImage,
        output,
        githubToken,
        cache,
        cacheRef,
        cacheKey,
        builder,
        cacheTimeoutSeconds,
        cacheSave,
        buildRetries,
        envPassthrough,
        toolchainCache,
        toolchainCachePush,
        smoke,
        smokeCommand,
        smokeExpect,
        smokeTimeoutSeconds,
        smokeRuns,
        smokeEnv,
        smokeRuntime,
        smokeBrowser,
        smokeSandbox,
        site,
        allocatorFallback,
        uploadArtifact,
        record,
        artifactName,
        retentionDays,
        compressionLevel,
        artifactArchive,
        releaseTag,
        releaseId,
        releaseCreate,
        releaseOverwrite,
        assetName,
    };
}
/**
 * Reads the inputs through `get` (the action's front end passes core.getInput, which reads the
 * runner's INPUT_* variables); masks the secrets the action holds (the
 * token, the runner's service tokens, a password in c2w-download-url) and has them, and the values
 * of build-args and smoke-env, redacted from what the runner does not mask (lib/redact.ts). Also
 * checks what needs the machine (config/host-checks.ts: the custom Dockerfile is a regular file in
 * the workspace, the output is a place of its own in the workspace, the site a folder of its own
 * there) or would otherwise only fail after an hour's build (the smoke command fits c2w's 1024-byte
 * budget).
 */
function getInputs(get) {
    (0,redact/* addRunnerSecrets */.PU)();
    (0,redact/* addSecret */.Ck)(get('github-token'));
    const inputs = parseInputs(get);
    registerSecrets(inputs);
    const root = (0,folder/* workspaceRoot */.oS)();
    const workspace = root.dir;
    if (inputs.dockerfile !== undefined)
        (0,host_checks/* checkDockerfile */.vn)(inputs.dockerfile, workspace);
    (0,host_checks/* checkOutputPlace */.Dt)(inputs.target, inputs.output, workspace);
    if (inputs.site !== undefined)
        (0,folder/* checkSitePlace */.Li)(inputs.site, inputs.output, root);
    if (inputs.smoke && inputs.target === 'wasi') {
        const budget = (0,boot_info/* checkEnvBudget */.Fd)(inputs.smokeCommand, inputs.smokeEnv);
        if (!budget.ok)
            throw new errors/* InputError */.dz(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
    }
    return inputs;
}
/** Masks and redacts the secrets among the inputs (lib/redact.ts). */
function registerSecrets(inputs) {
    (0,redact/* addSecret */.Ck)(inputs.githubToken);
    const password = (0,redact/* urlPasswordOf */.Gd)(inputs.c2wDownloadUrl);
    if (password !== undefined) {
        (0,redact/* addSecret */.Ck)(password);
        try {
            (0,redact/* addSecret */.Ck)(decodeURIComponent(password));
        }
        catch {
            // not percent-encoding: the password as written is all there is
        }
    }
    // A value that names an allocator is configuration, not a secret (the stand-ins and custom
    // Dockerfiles take the allocator as a build arg): redacting it would erase the allocator names the
    // action itself reports (`allocator`, the rejected allocators in `metadata`, the record).
    for (const { value } of [...inputs.buildArgs, ...inputs.smokeEnv]) {
        if (!ALLOCATORS.includes(value.trim()))
            (0,redact/* addRedaction */.l8)(value);
    }
}


/***/ }),

/***/ 55044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ releasesApiFor),
/* harmony export */   Nb: () => (/* binding */ isUploadHostOf),
/* harmony export */   RR: () => (/* binding */ containerRegistry),
/* harmony export */   Vd: () => (/* binding */ serverUrl),
/* harmony export */   aT: () => (/* binding */ isGhes),
/* harmony export */   y0: () => (/* binding */ apiUrl)
/* harmony export */ });
// The GitHub hosts the action talks to, in one place: the runner's own (GITHUB_SERVER_URL and its
// REST API, GITHUB_API_URL), whether that is a GitHub Enterprise Server, and which REST API knows
// the releases behind `c2w-download-url` and whether `github-token` may be sent there.
// `c2w-version: latest` is resolved there, never blindly at GITHUB_API_URL: on GitHub Enterprise
// Server that API is the GHES instance, which does not have a repository that lives on github.com,
// and its token must not travel to another host. Pure: tested by table.
/** The runner's GitHub web host, without a trailing slash (GITHUB_SERVER_URL; github.com outside Actions). */
function serverUrl(env) {
    return (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
}
/** The runner's GitHub REST API, without a trailing slash (GITHUB_API_URL; api.github.com outside Actions). */
function apiUrl(env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * True when GITHUB_SERVER_URL is a GitHub Enterprise Server, by the rule @actions/artifact applies
 * (github.com, GHE.com tenants and *.localhost are not), so the action skips what GHES lacks.
 */
function isGhes(serverUrl) {
    let host;
    try {
        host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
    }
    catch {
        return false;
    }
    return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
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
function releasesApiFor(downloadUrl, env) {
    let url;
    try {
        url = new URL(downloadUrl);
    }
    catch {
        return undefined;
    }
    const m = DOWNLOAD_PATH.exec(url.pathname);
    if (!m || url.search || url.hash || url.username || url.password)
        return undefined;
    const [, owner, repo] = m;
    const host = url.host.toLowerCase();
    let server;
    try {
        server = new URL(env.GITHUB_SERVER_URL || 'https://github.com');
    }
    catch {
        server = undefined;
    }
    if (server && server.host.toLowerCase() === host && server.protocol === url.protocol) {
        const api = env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`);
        return { api: api.replace(/\/+$/, ''), owner, repo, sendToken: true };
    }
    if (host === 'github.com')
        return { api: 'https://api.github.com', owner, repo, sendToken: false };
    if (host.endsWith('.ghe.com'))
        return { api: `https://api.${host}`, owner, repo, sendToken: false };
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
function isUploadHostOf(uploadUrl, api) {
    let upload;
    let base;
    try {
        upload = new URL(uploadUrl.replace(/\{[^}]*\}/g, ''));
        base = new URL(api);
    }
    catch {
        return false;
    }
    if (upload.protocol !== base.protocol || upload.username || upload.password)
        return false;
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
function containerRegistry(env) {
    let host;
    try {
        host = new URL(serverUrl(env)).host.toLowerCase();
    }
    catch {
        host = 'github.com';
    }
    return host === 'github.com' ? 'ghcr.io' : `containers.${host}`;
}


/***/ }),

/***/ 98557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ describeAnswer)
/* harmony export */ });
// A server's answer as a message shows it: an HTML error page, `{}` or `null` where JSON of a given
// shape was expected is named as it came (bounded, escaped so it cannot break the log's lines),
// not left to surface later as a TypeError.
/** Characters of an answer a message quotes. */
const SHOWN = 100;
/** `data` (a body as text, or what a client parsed from it) for a message: quoted, escaped, bounded. */
function describeAnswer(data) {
    let text;
    if (typeof data === 'string')
        text = data.trim();
    else if (data === undefined)
        text = '';
    else
        text = JSON.stringify(data) ?? String(data);
    if (text === '')
        return 'nothing';
    return `${JSON.stringify(text.slice(0, SHOWN))}${text.length > SHOWN ? ` (${text.length} characters)` : ''}`;
}


/***/ }),

/***/ 82979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ passthroughProblem),
/* harmony export */   WH: () => (/* binding */ browserEnv),
/* harmony export */   gf: () => (/* binding */ childEnv)
/* harmony export */ });
// The environment a child process gets: what it needs from the action's environment and no
// more. The runner hands the action every input as INPUT_* (github-token among them), the
// Actions runtime token, and the paths of the step's command files; c2w, docker, buildx and tar
// need none of them. Only buildx's gha cache backend reads the runtime variables: it takes
// ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL and ACTIONS_CACHE_SERVICE_V2
// from its environment (https://docs.docker.com/build/cache/backends/gha/#authentication).
//
// docker and buildx start a registry's credential helper (`credHelpers`/`credsStore` in
// config.json, https://docs.docker.com/reference/cli/docker/login/#credential-helpers) with their
// own environment, and the cloud helpers read their cloud's variables: docker-credential-ecr-login
// the AWS SDK's (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN, AWS_REGION, AWS_PROFILE,
// AWS_WEB_IDENTITY_TOKEN_FILE, ..., and its own AWS_ECR_*; awslabs/amazon-ecr-credential-helper
// README), docker-credential-gcloud gcloud's (CLOUDSDK_<SECTION>_<PROPERTY>,
// CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) and docker-credential-gcr GOOGLE_APPLICATION_CREDENTIALS
// (GoogleCloudPlatform/docker-credential-gcr README; google-github-actions/auth exports both),
// docker-credential-acr-env AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID
// (chrismellard/docker-credential-acr-env README) and the Azure SDK's AZURE_FEDERATED_TOKEN_FILE,
// docker-credential-pass PASSWORD_STORE_DIR and gpg's GNUPGHOME, docker-credential-secretservice
// the D-Bus session bus. Those reach docker, buildx and c2w only (`registryCredentials`), never
// tar or the smoke boot, which has an environment of its own (smoke/boot.ts).
/** Variables passed through by exact name. */
const KEEP = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TERM',
    'TMPDIR',
    'TEMP',
    'TMP',
    // Proxies, as curl, Go's net/http (docker, buildx, c2w) and Node read them, in both spellings.
    'http_proxy',
    'HTTP_PROXY',
    'https_proxy',
    'HTTPS_PROXY',
    'no_proxy',
    'NO_PROXY',
    'all_proxy',
    'ALL_PROXY',
    // Corporate CAs: OpenSSL's and Go's crypto/x509 (docker, buildx) read SSL_CERT_FILE/SSL_CERT_DIR,
    // Node NODE_EXTRA_CA_CERTS, Python's requests (gcloud, a helper written in Python) REQUESTS_CA_BUNDLE.
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'NODE_EXTRA_CA_CERTS',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    // buildx passes SOURCE_DATE_EPOCH to the build as the build argument of that name, for
    // reproducible builds (https://docs.docker.com/build/ci/github-actions/reproducible-builds/).
    'SOURCE_DATE_EPOCH',
    'CI',
    'GITHUB_ACTIONS',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'RUNNER_TEMP',
    'RUNNER_TOOL_CACHE',
    // The runner finds and ends the processes of a job by this variable after the job
    // (actions/runner ProcessInvoker sets it; its job cleanup looks for it in /proc/<pid>/environ).
    'RUNNER_TRACKING_ID',
]);
/** Variables passed through by prefix: the docker client's and buildx's own settings, locale, XDG dirs. */
const KEEP_PREFIXES = ['DOCKER_', 'BUILDX_', 'BUILDKIT_', 'LC_', 'XDG_'];
/** What the registry credential helpers read (see above): passed to docker, buildx and c2w only. */
const CREDENTIAL_PREFIXES = ['AWS_', 'GOOGLE_', 'CLOUDSDK_', 'AZURE_', 'PASSWORD_STORE_'];
const CREDENTIAL_NAMES = new Set(['GNUPGHOME', 'DBUS_SESSION_BUS_ADDRESS']);
/**
 * Never passed, whatever env-passthrough says: the inputs (github-token among them), the Actions
 * runtime and OIDC tokens, the step's state and command files, and the workflow's token.
 */
const NEVER_PREFIXES = ['INPUT_', 'ACTIONS_', 'STATE_'];
const NEVER_NAMES = new Set([
    'GITHUB_TOKEN',
    'GITHUB_ENV',
    'GITHUB_OUTPUT',
    'GITHUB_PATH',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY',
]);
/**
 * Without regard to case: Linux names are case-sensitive, so `github_token` is another variable,
 * but one a workflow would only set to hold the same token.
 */
function never(name) {
    const upper = name.toUpperCase();
    return NEVER_NAMES.has(upper) || NEVER_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
/** Why `name` cannot be in env-passthrough, or undefined when it can. Pure. */
function passthroughProblem(name) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        return `'${name}' is not a variable name (letters, digits, _)`;
    if (never(name))
        return `'${name}' is never passed to a child process (INPUT_*, ACTIONS_*, STATE_*, GITHUB_TOKEN and the step's command files stay with the action)`;
    return undefined;
}
/** What buildx's gha cache backend reads (see the link above). */
const ACTIONS_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];
/** The child's environment: the allow-listed variables of `env`, plus the gha cache variables when needed. */
function childEnv(env, needs = {}) {
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const credential = needs.registryCredentials === true &&
            !never(name) &&
            (CREDENTIAL_NAMES.has(name) ||
                CREDENTIAL_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
                (needs.passthrough ?? []).includes(name));
        const keep = KEEP.has(name) ||
            KEEP_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
            (needs.actionsCache === true && ACTIONS_CACHE.includes(name)) ||
            credential;
        if (keep)
            result[name] = value;
    }
    return result;
}
/** What a browser (the browser smoke boot's Chromium) keeps of the action's environment, by name. */
const BROWSER_KEEP = new Set(['PATH', 'LANG', 'LANGUAGE', 'TZ', 'RUNNER_TRACKING_ID']);
/**
 * The browser's environment, an allowlist: a path, the locale and the runner's tracking id, with
 * `home` as HOME and TMPDIR (its scratch folder). Nothing else of the job: no DOCKER_* (a
 * DOCKER_PASSWORD or DOCKER_AUTH_CONFIG of the workflow), no proxy, credential, token, input or
 * command-file variable. The page is served on loopback and needs no proxy.
 */
function browserEnv(env, home) {
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (BROWSER_KEEP.has(name) || name.startsWith('LC_'))
            result[name] = value;
    }
    result.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    result.HOME = home;
    result.TMPDIR = home;
    return result;
}


/***/ }),

/***/ 39445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runnerToolCache),
/* harmony export */   GQ: () => (/* binding */ runnerPlatform),
/* harmony export */   X5: () => (/* binding */ runnerTemp)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
// The runner's folders and identity, read in one place. On an Actions runner, RUNNER_TEMP is the
// job's temporary folder (emptied after each job), RUNNER_TOOL_CACHE the tool cache, and
// RUNNER_OS/RUNNER_ARCH name the machine (docs.github.com: "Store information in variables",
// default environment variables); off a runner, the machine's own temporary folder and names.

/** The folder for a run's temporary files: RUNNER_TEMP, else the machine's temporary folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir();
}
/** The tool cache (RUNNER_TOOL_CACHE), or undefined off a runner. */
function runnerToolCache(env = process.env) {
    return env.RUNNER_TOOL_CACHE || undefined;
}
/** The runner's OS and architecture as the runner names them (Linux, X64), else Node's names. */
function runnerPlatform(env = process.env) {
    return { os: env.RUNNER_OS || node_os__WEBPACK_IMPORTED_MODULE_0__.platform(), arch: env.RUNNER_ARCH || node_os__WEBPACK_IMPORTED_MODULE_0__.arch() };
}


/***/ }),

/***/ 27479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ defaultAssetName),
/* harmony export */   NH: () => (/* binding */ artifactNameProblem),
/* harmony export */   Vb: () => (/* binding */ defaultArtifactName),
/* harmony export */   pr: () => (/* binding */ assetNameProblem)
/* harmony export */ });
/* unused harmony exports safeImagePart, assetExtension */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Names of what the action publishes: the rules a user-given artifact or release asset name must
// follow (each validator returns the bare reason, for the inputs module to attach to the input's
// name), and the default names derived from the matrix cell.

/** Characters the artifact service refuses in a name (as @actions/artifact checks them). */
const INVALID_ARTIFACT_NAME_CHARS = [
    ['"', 'double quote "'],
    [':', 'colon :'],
    ['<', 'less than <'],
    ['>', 'greater than >'],
    ['|', 'vertical bar |'],
    ['*', 'asterisk *'],
    ['?', 'question mark ?'],
    ['\r', 'carriage return \\r'],
    ['\n', 'line feed \\n'],
    ['\\', 'backslash \\'],
    ['/', 'forward slash /'],
];
/** Why the artifact service would refuse `name`, or undefined when it accepts it. */
function artifactNameProblem(name) {
    if (name.trim() === '')
        return 'is empty';
    const bad = INVALID_ARTIFACT_NAME_CHARS.filter(([ch]) => name.includes(ch)).map(([, label]) => label);
    if (bad.length > 0) {
        return (`${JSON.stringify(name)} contains ${bad.join(', ')}; artifact names cannot contain ` +
            `" : < > | * ? \\ / or CR/LF (the artifact service refuses them)`);
    }
    return undefined;
}
/**
 * Why `name` cannot be a release asset name, or undefined. GitHub silently renames asset names
 * with characters outside [A-Za-z0-9._+-] or a leading/trailing period; the action then could
 * not find its own asset again on a re-run, so such names are refused.
 */
function assetNameProblem(name) {
    if (name === '')
        return 'is empty';
    const bad = [...new Set(name.replace(/[A-Za-z0-9._+-]/g, ''))];
    if (bad.length > 0) {
        return (`${JSON.stringify(name)} contains ${bad.map((c) => JSON.stringify(c)).join(' ')}; ` +
            `use only letters, digits and . _ + - (GitHub renames other characters)`);
    }
    if (name.startsWith('.') || name.endsWith('.')) {
        return `${JSON.stringify(name)} starts or ends with a period (GitHub renames such assets)`;
    }
    return undefined;
}
const MAX_IMAGE_PART = 80;
/** The image reference in safe characters: `ghcr.io/org/app:1.0` -> `ghcr.io_org_app-1.0`. */
function safeImagePart(image) {
    let ref = image.trim();
    let digest = '';
    const at = ref.indexOf('@');
    if (at >= 0) {
        const d = ref.slice(at + 1);
        ref = ref.slice(0, at);
        const m = /^([a-z0-9]+):([0-9a-f]+)$/i.exec(d);
        digest = m ? `${m[1]}-${m[2].slice(0, 12)}` : d;
    }
    // The registry default and the official-image namespace carry no information.
    ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
    let s = ref.replaceAll('/', '_') + (digest ? `-${digest}` : '');
    s = sanitize(s);
    if (s.length > MAX_IMAGE_PART) {
        // Keep names distinct when long references share a prefix.
        const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(image).digest('hex').slice(0, 8);
        s = `${s.slice(0, MAX_IMAGE_PART - 9).replace(/[-_.]+$/, '')}-${h}`;
    }
    return s || 'image';
}
/** Only [A-Za-z0-9._-]: other runs become `-`; no leading/trailing separators. */
function sanitize(s) {
    return s
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-_.]+|[-_.]+$/g, '');
}
/**
 * Default artifact name: distinct for every matrix cell over image, target-arch, target and
 * allocator, with no configuration. `alpine:3.20` amd64 wasi emmalloc -> `alpine-3.20-amd64-wasi-emmalloc`.
 */
function defaultArtifactName(inputs) {
    const arch = sanitize(inputs.targetArch.replaceAll('/', '_')) || 'arch';
    return [safeImagePart(inputs.image), arch, inputs.target, inputs.allocator].join('-');
}
/** Default release asset name: the artifact name with `.wasm` (wasi) or `.tar.gz` (js). */
function defaultAssetName(inputs) {
    return defaultArtifactName(inputs) + assetExtension(inputs.target);
}
function assetExtension(target) {
    return target === 'js' ? '.tar.gz' : '.wasm';
}


/***/ }),

/***/ 75060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ shortField),
/* harmony export */   M2: () => (/* binding */ METADATA_SCHEMA),
/* harmony export */   MV: () => (/* binding */ MAX_LINE),
/* harmony export */   Sc: () => (/* binding */ renderMetadata),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   sD: () => (/* binding */ oneLineOf),
/* harmony export */   ty: () => (/* binding */ METADATA),
/* harmony export */   yD: () => (/* binding */ nameField)
/* harmony export */ });
/* unused harmony export MAX_OUTPUT */
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77934);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60310);
// The run's result as JSON for programs and for the report: the action's `metadata` output, the
// command's `--json` and the cell record's `metadata` are this one rendering (documented in
// docs/metadata.md), and METADATA is how a reader checks one that another job wrote. Pure. Neither
// an output nor an artifact is masked by the runner, so the text that came from the build or the
// guest (the lines that rejected an allocator, what the smoke boot printed) passes through
// lib/redact.ts here.


/** The version of the metadata's shape: a reader checks it; a field that changes meaning gets a new one. */
const METADATA_SCHEMA = 'c2w-action/metadata/v1';
/** Longest text a record keeps for a log line (the writer clips to it). */
const MAX_LINE = 2000;
/** Characters of a smoke boot's stdout the metadata keeps (smoke/series.ts clips to 4096, then `…`). */
const MAX_OUTPUT = 8192;
/** `s` as one line of at most `max` characters: line breaks and other control characters become spaces. */
function oneLine(s, max = MAX_LINE) {
    const flat = s.replace(/\p{Cc}+/gu, ' ');
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
// Every string that is a name or a log line is one line: a newline in a field written to the log
// would start a line the runner reads as a workflow command, and in the summary would end its HTML.
const CONTROL = /\p{Cc}/u;
const oneLineOf = (max) => valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .maxLength */ .Ru6(max, `longer than ${max} characters`), valibot__WEBPACK_IMPORTED_MODULE_1__/* .check */ .z6Y((s) => !CONTROL.test(s), 'a line break or control character'));
const nameField = oneLineOf(1024);
const shortField = oneLineOf(128);
/** Bytes, counts: a non-negative safe integer (JSON.parse reads 1e999 as Infinity). */
const count = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .safeInteger */ .Y2b('not a whole number'), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minValue */ .Wwf(0, 'negative'));
const seconds = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .finite */ .E2x('not a finite number'), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minValue */ .Wwf(0, 'negative'));
const sha256 = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .regex */ .yGV(/^[0-9a-f]{64}$/, 'not 64 hex digits'));
const RUNTIME = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    result: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['passed', 'failed', 'timeout']),
    runs: count,
    secondsMedian: seconds,
    secondsMax: seconds,
    peakMemory: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(count),
    output: valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .maxLength */ .Ru6(MAX_OUTPUT, `longer than ${MAX_OUTPUT} characters`)),
    sandbox: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ kind: shortField, text: oneLineOf(MAX_LINE) })),
}), valibot__WEBPACK_IMPORTED_MODULE_1__/* .check */ .z6Y((r) => r.secondsMax >= r.secondsMedian, 'secondsMax is below secondsMedian'));
/** The metadata as a reader accepts it (a cell record's, written by another job); unknown fields are dropped. */
const METADATA = valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schema: valibot__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(METADATA_SCHEMA),
    build: valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        wasmPath: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        wasmSize: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(count),
        sha256: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(sha256),
        allocator: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(shortField),
        rejectedAllocators: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ allocator: shortField, line: oneLineOf(MAX_LINE) })), valibot__WEBPACK_IMPORTED_MODULE_1__/* .maxLength */ .Ru6(64)), []),
        c2wVersion: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(shortField),
        seconds: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(seconds),
        attempts: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(count),
        stagesCached: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(count),
        stagesBuilt: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(count),
        layersFrom: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['built', 'own-cache', 'toolchain-cache', 'own-cache,toolchain-cache', 'builder'])),
    }),
    cache: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        primaryKey: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        hit: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()),
        matchedKey: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        restored: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ bytes: count, shared: count, allocator: count })),
        saved: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ shared: count, allocator: count })),
        hot: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['restored', 'learning', 'widened'])),
    })),
    toolchainCache: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        result: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['off', 'not-asked', 'hit', 'miss', 'published', 'publish-failed']),
        ref: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        digest: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(shortField),
    })),
    smoke: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        result: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['passed', 'failed', 'timeout', 'skipped']),
        node: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(RUNTIME),
        browser: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(RUNTIME),
    })),
    site: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ path: nameField })),
    publish: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        artifactId: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(shortField),
        artifactUrl: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        artifactDigest: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(shortField),
        releaseId: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(shortField),
        releaseAssetUrl: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        releaseChecksumUrl: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        assetPath: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(nameField),
        releaseAssets: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(nameField), valibot__WEBPACK_IMPORTED_MODULE_1__/* .maxLength */ .Ru6(64))),
    })),
});
/** The metadata of `result`: its facts as they are, the outside text redacted, the absent ones left out. */
function renderMetadata(result) {
    const { stage: _stage, build, smoke, ...rest } = result;
    const metadata = {
        schema: METADATA_SCHEMA,
        build: {
            ...build,
            rejectedAllocators: build.rejectedAllocators.map((r) => ({
                allocator: r.allocator,
                line: oneLine((0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(r.line)),
            })),
        },
        ...rest,
    };
    if (smoke) {
        metadata.smoke = { ...smoke };
        for (const runtime of ['node', 'browser']) {
            const r = smoke[runtime];
            if (r)
                metadata.smoke[runtime] = { ...r, output: (0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(r.output) };
        }
    }
    // JSON.stringify leaves undefined fields out; a deep copy so no caller shares the run's objects.
    return JSON.parse(JSON.stringify(metadata));
}


/***/ }),

/***/ 61918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sm: () => (/* binding */ RECORD_ARTIFACT_PREFIX),
  lt: () => (/* binding */ RECORD_FILE),
  uG: () => (/* binding */ admitRecords),
  kA: () => (/* binding */ buildRecord),
  g5: () => (/* binding */ failureOf),
  TN: () => (/* reexport */ record_metadata/* oneLine */.TN),
  ou: () => (/* binding */ refusedRecord)
});

// UNUSED EXPORTS: MAX_LINE, MAX_MESSAGE, RECORD, RECORD_SCHEMA, RECORD_SCHEMA_V1, RECORD_SCHEMA_V2, RESULTS, RecordError, STAGES, parseRecord, upgradeRecord

// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(77934);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: ./src/types/errors.ts
var errors = __webpack_require__(54218);
// EXTERNAL MODULE: ./src/types/result.ts
var result = __webpack_require__(88020);
;// CONCATENATED MODULE: ./src/types/stages.ts
// The stages a run goes through, named once for the pipeline, the front ends and the cell record.
// A leaf: it imports nothing of the project.
/**
 * The stage a cell stopped in; `inputs` when its inputs were refused, `site` while it wrote the site
 * (site/stage.ts), `done` when it finished.
 */
const STAGES = ['inputs', 'install', 'build', 'site', 'smoke', 'publish', 'done'];

// EXTERNAL MODULE: ./src/record/metadata.ts
var record_metadata = __webpack_require__(75060);
;// CONCATENATED MODULE: ./src/record/record.ts
// The record of one matrix cell: what it was asked, where it stopped and why, and its figures.
// Every cell that started uploads one as the artifact `c2w-record-<cell>` (passed, failed, cancelled,
// or refused at its inputs), and the report action (report/action.yml) reads them all to compare the
// allocators of a matrix and to gate the release. Its figures are the run's metadata
// (metadata.ts), the same document as the action's `metadata` output and the command's `--json`.
// The schema is versioned: a reader refuses a record whose `schema` it does not know, and checks
// every field's type and range (RECORD) before using it: a record is written by another job and may
// be damaged or hostile. v1 and v2 records (a `figures` object of their own) are read too, as v3.







const RECORD_SCHEMA = 'c2w-action/record/v3';
/** v2 records: the figures in a `figures` object of the record's own, read as v3. */
const RECORD_SCHEMA_V2 = 'c2w-action/record/v2';
/** v1 records (passed or failed only, `target` one of js|wasi) are a subset of v2 and read as such. */
const RECORD_SCHEMA_V1 = 'c2w-action/record/v1';
const SCHEMAS = [RECORD_SCHEMA, RECORD_SCHEMA_V2, RECORD_SCHEMA_V1];
const RECORD_ARTIFACT_PREFIX = 'c2w-record-';
/** The record's file inside its artifact. */
const RECORD_FILE = 'c2w-record.json';
/** `cancelled`: the step was cancelled mid-run; `refused`: its inputs were refused before anything ran. */
const RESULTS = ['passed', 'failed', 'cancelled', 'refused'];
/** Longest text a record keeps for a failure's message (the writer clips to it; lines: MAX_LINE). */
const MAX_MESSAGE = 4000;
const FIGURES = dist/* pipe */.FsL(dist/* object */.Ikc({
    wasmSize: dist/* optional */.lqM(record_metadata/* count */.U9),
    sha256: dist/* optional */.lqM(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[0-9a-f]{64}$/, 'not 64 hex digits'))),
    buildSeconds: dist/* optional */.lqM(record_metadata/* seconds */.YA),
    cacheHit: dist/* optional */.lqM(dist/* boolean */.zMY()),
    /** Bytes of build cache restored. */
    cacheBytes: dist/* optional */.lqM(record_metadata/* count */.U9),
    smokeResult: dist/* optional */.lqM(record_metadata/* shortField */.FP),
    /** Median and largest seconds to the expected output over the smoke runs. */
    smokeSecondsMedian: dist/* optional */.lqM(record_metadata/* seconds */.YA),
    smokeSecondsMax: dist/* optional */.lqM(record_metadata/* seconds */.YA),
    smokeRuns: dist/* optional */.lqM(record_metadata/* count */.U9),
    /** Largest resident set of the smoke child over the runs, bytes. */
    smokePeakRss: dist/* optional */.lqM(record_metadata/* count */.U9),
    /** smoke-runtime with browser: the browser boot's figures (the ones above are the Node boot's). */
    browser: dist/* optional */.lqM(dist/* object */.Ikc({
        smokeRuns: record_metadata/* count */.U9,
        smokeSecondsMedian: record_metadata/* seconds */.YA,
        smokeSecondsMax: record_metadata/* seconds */.YA,
        /** The page's renderer's largest peak resident set over the runs, bytes. */
        smokePeakMemory: dist/* optional */.lqM(record_metadata/* count */.U9),
    })),
}), dist/* check */.z6Y((f) => f.smokeSecondsMax === undefined ||
    f.smokeSecondsMedian === undefined ||
    f.smokeSecondsMax >= f.smokeSecondsMedian, 'smokeSecondsMax is below smokeSecondsMedian'));
/** A v1 or v2 record as a reader accepts it; unknown fields are dropped. */
const RECORD_V2 = dist/* pipe */.FsL(dist/* object */.Ikc({
    schema: dist/* picklist */.KIO([RECORD_SCHEMA_V2, RECORD_SCHEMA_V1]),
    /** The artifact name the cell uses, or would use (artifact-name, or the derived default). */
    cell: record_metadata/* nameField */.yD,
    image: record_metadata/* nameField */.yD,
    /** js or wasi; as given when the inputs were refused. */
    target: record_metadata/* shortField */.FP,
    targetArch: record_metadata/* shortField */.FP,
    /** The allocator the cell asked for (as given when its inputs were refused). */
    allocator: record_metadata/* shortField */.FP,
    /** The allocator of the build that passed (or of the last build tried). */
    allocatorUsed: dist/* optional */.lqM(record_metadata/* shortField */.FP),
    /** Allocators whose build failed its smoke boot before `allocatorUsed`, with the line that showed it. */
    rejected: dist/* optional */.lqM(dist/* pipe */.FsL(dist/* array */.YOg(dist/* object */.Ikc({ allocator: record_metadata/* shortField */.FP, line: (0,record_metadata/* oneLineOf */.sD)(record_metadata/* MAX_LINE */.MV) })), dist/* maxLength */.Ru6(64)), []),
    result: dist/* picklist */.KIO(RESULTS),
    stage: dist/* picklist */.KIO(STAGES),
    /** Why the cell did not pass: the failure class and the log line the classifier matched. */
    failure: dist/* optional */.lqM(dist/* object */.Ikc({
        class: record_metadata/* shortField */.FP,
        line: dist/* optional */.lqM((0,record_metadata/* oneLineOf */.sD)(record_metadata/* MAX_LINE */.MV)),
        message: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(MAX_MESSAGE + 1)),
    })),
    figures: dist/* optional */.lqM(FIGURES, {}),
    /** The release the cell uploaded to, and the asset names it put there. */
    release: dist/* optional */.lqM(dist/* object */.Ikc({ id: record_metadata/* shortField */.FP, assets: dist/* pipe */.FsL(dist/* array */.YOg(record_metadata/* nameField */.yD), dist/* maxLength */.Ru6(64)) })),
    runner: dist/* optional */.lqM(dist/* object */.Ikc({ os: record_metadata/* shortField */.FP, arch: record_metadata/* shortField */.FP }), { os: '', arch: '' }),
}), dist/* check */.z6Y((r) => (r.result === 'passed') === (r.stage === 'done'), 'result and stage disagree'), dist/* check */.z6Y((r) => (r.result === 'refused') === (r.stage === 'inputs'), 'result and stage disagree'), dist/* check */.z6Y((r) => r.result === 'passed' || r.failure !== undefined, 'a cell that did not pass has no failure'));
const FAILURE = dist/* object */.Ikc({
    class: record_metadata/* shortField */.FP,
    line: dist/* optional */.lqM((0,record_metadata/* oneLineOf */.sD)(record_metadata/* MAX_LINE */.MV)),
    message: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(MAX_MESSAGE + 1)),
});
/** The record as a reader accepts it; unknown fields are dropped. */
const RECORD = dist/* pipe */.FsL(dist/* object */.Ikc({
    schema: dist/* literal */.euz(RECORD_SCHEMA),
    /** The artifact name the cell uses, or would use (artifact-name, or the derived default). */
    cell: record_metadata/* nameField */.yD,
    image: record_metadata/* nameField */.yD,
    /** js or wasi; as given when the inputs were refused. */
    target: record_metadata/* shortField */.FP,
    targetArch: record_metadata/* shortField */.FP,
    /** The allocator the cell asked for (as given when its inputs were refused); metadata.build.allocator is the one it built with. */
    allocator: record_metadata/* shortField */.FP,
    result: dist/* picklist */.KIO(RESULTS),
    stage: dist/* picklist */.KIO(STAGES),
    /** Why the cell did not pass: the failure class and the log line the classifier matched. */
    failure: dist/* optional */.lqM(FAILURE),
    /** What the run learned: the same document as the action's metadata output. */
    metadata: record_metadata/* METADATA */.ty,
    runner: dist/* optional */.lqM(dist/* object */.Ikc({ os: record_metadata/* shortField */.FP, arch: record_metadata/* shortField */.FP }), { os: '', arch: '' }),
}), dist/* check */.z6Y((r) => (r.result === 'passed') === (r.stage === 'done'), 'result and stage disagree'), dist/* check */.z6Y((r) => (r.result === 'refused') === (r.stage === 'inputs'), 'result and stage disagree'), dist/* check */.z6Y((r) => r.result === 'passed' || r.failure !== undefined, 'a cell that did not pass has no failure'));
// What the schema admits is a Metadata (a compile-time check that the two stay one shape).
const _admitted = null;
void _admitted;
/** A v1 or v2 record as v3: its figures, allocator used, rejections and release moved into metadata. Pure. */
function upgradeRecord(r) {
    const f = r.figures;
    const metadata = {
        schema: record_metadata/* METADATA_SCHEMA */.M2,
        build: {
            ...(f.wasmSize !== undefined ? { wasmSize: f.wasmSize } : {}),
            ...(f.sha256 !== undefined ? { sha256: f.sha256 } : {}),
            ...(r.allocatorUsed !== undefined ? { allocator: r.allocatorUsed } : {}),
            rejectedAllocators: r.rejected,
            ...(f.buildSeconds !== undefined ? { seconds: f.buildSeconds } : {}),
        },
    };
    if (f.cacheHit !== undefined || f.cacheBytes !== undefined) {
        metadata.cache = {
            ...(f.cacheHit !== undefined ? { hit: f.cacheHit } : {}),
            ...(f.cacheBytes !== undefined ? { restored: { bytes: f.cacheBytes, shared: 0, allocator: 0 } } : {}),
        };
    }
    const known = ['passed', 'failed', 'timeout', 'skipped'];
    const given = known.find((k) => k === f.smokeResult);
    // A record that kept figures but no smoke result booted; how, its result says.
    const booted = f.smokeSecondsMedian !== undefined || f.browser !== undefined;
    const smokeResult = given ?? (booted ? (r.result === 'passed' ? 'passed' : 'failed') : undefined);
    if (smokeResult !== undefined) {
        const last = smokeResult === 'skipped' ? 'passed' : smokeResult;
        metadata.smoke = { result: smokeResult };
        if (f.smokeSecondsMedian !== undefined)
            metadata.smoke.node = {
                result: last,
                runs: f.smokeRuns ?? 1,
                secondsMedian: f.smokeSecondsMedian,
                secondsMax: f.smokeSecondsMax ?? f.smokeSecondsMedian,
                ...(f.smokePeakRss !== undefined ? { peakMemory: f.smokePeakRss } : {}),
                output: '',
            };
        if (f.browser)
            metadata.smoke.browser = {
                result: last,
                runs: f.browser.smokeRuns,
                secondsMedian: f.browser.smokeSecondsMedian,
                secondsMax: f.browser.smokeSecondsMax,
                ...(f.browser.smokePeakMemory !== undefined ? { peakMemory: f.browser.smokePeakMemory } : {}),
                output: '',
            };
    }
    if (r.release)
        metadata.publish = { releaseId: r.release.id, releaseAssets: r.release.assets };
    return {
        schema: RECORD_SCHEMA,
        cell: r.cell,
        image: r.image,
        target: r.target,
        targetArch: r.targetArch,
        allocator: r.allocator,
        result: r.result,
        stage: r.stage,
        ...(r.failure ? { failure: r.failure } : {}),
        metadata,
        runner: r.runner,
    };
}
class RecordError extends Error {
    name = 'RecordError';
}
/** `figures.wasmSize: not a whole number (got "<img…")`: where and why, never the whole value. */
function describeIssues(issues) {
    return issues
        .slice(0, 5)
        .map((i) => {
        const where = i.path?.map((p) => String(p.key)).join('.') || 'the record';
        if (i.input === undefined)
            return `${where}: missing`;
        // valibot's own type message quotes the whole value it got: name the expectation instead.
        const why = i.kind === 'schema' ? `expected ${i.expected ?? 'another type'}` : i.message;
        return `${where}: ${why} (got ${clipValue(i.input)})`;
    })
        .join('; ');
}
function clipValue(value) {
    const s = JSON.stringify(value) ?? String(value);
    return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
/** Reads a record from JSON, checking it against its schema (RECORD). */
function parseRecord(text, origin) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new RecordError(`${origin} is not JSON: ${e.message}`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data))
        throw new RecordError(`${origin} is not a record object`);
    const schema = data.schema;
    if (!SCHEMAS.includes(schema)) {
        throw new RecordError(`${origin} has schema ${clipValue(schema)}; this report reads ${SCHEMAS.join(', ')}`);
    }
    if (schema !== RECORD_SCHEMA) {
        const old = dist/* safeParse */.xLC(RECORD_V2, data);
        if (!old.success)
            throw new RecordError(`${origin} is not a valid record: ${describeIssues(old.issues)}`);
        return upgradeRecord(old.output);
    }
    const parsed = dist/* safeParse */.xLC(RECORD, data);
    if (!parsed.success)
        throw new RecordError(`${origin} is not a valid record: ${describeIssues(parsed.issues)}`);
    return parsed.output;
}
/**
 * The records the report compares, from the artifacts' texts (in artifact-name order): each parsed,
 * its `cell` matching the artifact's name, no cell twice. The rest are bad records, with the reason.
 */
function admitRecords(found) {
    const records = [];
    const bad = [];
    const seen = new Set();
    for (const { artifact, text } of found) {
        try {
            const r = parseRecord(text, `artifact ${artifact}`);
            if (`${RECORD_ARTIFACT_PREFIX}${r.cell}` !== artifact) {
                throw new RecordError(`artifact ${artifact} holds the record of another cell, ${clipValue(r.cell)}`);
            }
            if (seen.has(r.cell))
                throw new RecordError(`artifact ${artifact} repeats the cell ${clipValue(r.cell)}`);
            seen.add(r.cell);
            records.push(r);
        }
        catch (e) {
            bad.push({ artifact, reason: e.message });
        }
    }
    return { records, bad };
}
const clipMessage = (m) => (m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}…` : m);
/**
 * The failure class and line of an error: its own when it carries them, else the first known
 * failure signature in its message (`classify`), else `<stage>-error`.
 */
function failureOf(stage, error, classify) {
    const message = clipMessage(error.message);
    if (error instanceof errors/* ClassifiedError */.I) {
        return { class: (0,record_metadata/* oneLine */.TN)(error.failureClass, 128), ...(error.line ? { line: (0,record_metadata/* oneLine */.TN)(error.line) } : {}), message };
    }
    const hint = classify(error.message);
    if (hint)
        return { class: (0,record_metadata/* oneLine */.TN)(hint.kind, 128), line: (0,record_metadata/* oneLine */.TN)(hint.line), message };
    return { class: `${stage}-error`, message };
}
/**
 * A failure as the schema holds it: class and line one bounded line each, the message clipped, and
 * the text that came from the build or the guest redacted (lib/redact.ts): an artifact is not masked
 * by the runner, so a secret echoed by a failing build step would be readable by anyone who can
 * download it. The record's other fields are the cell's inputs and the action's own figures.
 */
const cleanFailure = (f) => ({
    class: (0,record_metadata/* oneLine */.TN)(f.class, 128),
    ...(f.line !== undefined ? { line: (0,record_metadata/* oneLine */.TN)((0,redact/* redact */.E$)(f.line)) } : {}),
    message: clipMessage((0,redact/* redact */.E$)(f.message)),
});
/** The record of a cell that ran (`run`, what it learned): passed, failed (`failure`), or cancelled (`cancelled`). */
function buildRecord(cell, inputs, run, failure, runner, cancelled = false) {
    const result = cancelled ? 'cancelled' : failure ? 'failed' : 'passed';
    return {
        schema: RECORD_SCHEMA,
        cell,
        image: inputs.image,
        target: inputs.target,
        targetArch: inputs.targetArch,
        allocator: inputs.allocator,
        result,
        stage: result === 'passed' ? 'done' : run.stage,
        ...(result === 'passed' ? {} : { failure: cleanFailure(failure ?? { class: 'cancelled', message: 'cancelled' }) }),
        metadata: (0,record_metadata/* renderMetadata */.Sc)(run),
        runner,
    };
}
/**
 * The record of a cell whose inputs were refused: its identity as given (each value one bounded
 * line, since nothing checked it), and the input error.
 */
function refusedRecord(cell, given, error, runner) {
    return {
        schema: RECORD_SCHEMA,
        cell,
        image: (0,record_metadata/* oneLine */.TN)(given.image, 1024),
        target: (0,record_metadata/* oneLine */.TN)(given.target, 128),
        targetArch: (0,record_metadata/* oneLine */.TN)(given.targetArch, 128),
        allocator: (0,record_metadata/* oneLine */.TN)(given.allocator, 128),
        result: 'refused',
        stage: 'inputs',
        failure: { class: 'inputs', message: clipMessage((0,redact/* redact */.E$)(error.message)) },
        metadata: (0,record_metadata/* renderMetadata */.Sc)((0,result/* newRunResult */.t)()),
        runner: { os: (0,record_metadata/* oneLine */.TN)(runner.os, 128), arch: (0,record_metadata/* oneLine */.TN)(runner.arch, 128) },
    };
}


/***/ }),

/***/ 37405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ SiteError)
/* harmony export */ });
/* harmony import */ var _types_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54218);
// The error of the site stage: anything that stops a site from being written, classed `site` in
// the cell record and the summary (a failure of the site, not of the build it wraps).

class SiteError extends _types_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .I {
    name = 'SiteError';
    constructor(message) {
        super(message, 'site');
    }
}


/***/ }),

/***/ 68763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Li: () => (/* binding */ checkSitePlace),
/* harmony export */   hm: () => (/* binding */ shownSite),
/* harmony export */   oS: () => (/* binding */ workspaceRoot),
/* harmony export */   pL: () => (/* binding */ judgeSite),
/* harmony export */   s3: () => (/* binding */ sitePlaceOf),
/* harmony export */   tS: () => (/* binding */ currentDirRoot),
/* harmony export */   vw: () => (/* binding */ prepareSiteFolder)
/* harmony export */ });
/* unused harmony exports SITE_MARKER, MARKER_WRITER, MARKER_TEXT, siteStateOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7314);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37827);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37405);
// The site's folder: where it may be, and how it is made ready. Writing a site empties its folder,
// so `site` decides what gets deleted; it may name only a folder of the site's own: inside the
// workspace (the command: its current directory), not the workspace or one of its ancestors, not
// the output, a folder holding it or a folder inside it, and not a file. An existing folder is
// emptied only when it is a site this action wrote, which it knows by the marker file it leaves
// (SITE_MARKER); any other folder must be empty. Every path is compared with its links resolved
// (config/host-checks.ts realPathOf), so a link cannot put the site elsewhere.
//
// The same judgement (judgeSite, pure) runs twice: when the inputs are read, before anything is
// built, and again right before the folder is emptied, since the folder may have changed during an
// hour's build; the site is then written into the resolved folder, never through a link.






/**
 * The marker a site this action wrote holds. A hidden file: actions/upload-pages-artifact leaves
 * hidden files out of the Pages artifact by default (since v4), so it is not deployed.
 */
const SITE_MARKER = '.c2w-site';
/** What the marker says wrote the folder. */
const MARKER_WRITER = 'c2w-action';
/** A marker is a small JSON object; a larger file is not one. */
const MARKER_MAX_BYTES = 4096;
const MARKER_TEXT = `${JSON.stringify({
    writer: MARKER_WRITER,
    about: 'This folder is a site written by c2w-action, which empties it before it writes the site again.',
})}\n`;
const EXAMPLE = 'such as _site/';
/** Whether a site may be written at `p.site`, and how its folder is made ready. Pure. */
function judgeSite(p) {
    const refuse = (problem) => ({ ok: false, problem });
    const { root, rootName: name, output, site, state } = p;
    if (site === root)
        return refuse(`is ${name} ${root}: give a folder of its own inside it, ${EXAMPLE}`);
    if ((0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .isInside */ .FK)(root, site)) {
        return refuse(`is an ancestor of ${name} ${root}: writing the site would delete it; give a folder of its own inside it, ${EXAMPLE}`);
    }
    if (!(0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .isInside */ .FK)(site, root))
        return refuse(`is outside ${name} ${root}: give a folder inside it, ${EXAMPLE}`);
    if (site === output)
        return refuse(`is the output ${output}: give a folder of the site's own, ${EXAMPLE}`);
    if ((0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .isInside */ .FK)(output, site)) {
        return refuse(`holds the output ${output}: writing the site would delete it; give a folder beside it, ${EXAMPLE}`);
    }
    if ((0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .isInside */ .FK)(site, output)) {
        return refuse(`is inside the output ${output}, which holds c2w's files only: give a folder beside it, ${EXAMPLE}`);
    }
    switch (state.kind) {
        case 'absent':
            return { ok: true, prepare: 'create' };
        case 'dangling':
            return refuse(`leads through the symbolic link ${state.link}, whose target does not exist: give a plain path, ${EXAMPLE}`);
        case 'not-folder':
            return refuse(`is ${state.what}, not a folder: the site replaces nothing but a site this action wrote; give a new or empty folder, ${EXAMPLE}`);
        case 'folder': {
            if (state.entries.length === 0)
                return { ok: true, prepare: 'fill' };
            if (state.marked)
                return { ok: true, prepare: 'empty' };
            const n = state.entries.length;
            // A name is shown on one line: a line break in it would start a line of its own in the log.
            const names = [...state.entries]
                .sort()
                .slice(0, 5)
                .map((e) => e.replace(/\p{Cc}/gu, '?'));
            const some = names.join(', ') + (n > 5 ? ', ...' : '');
            return refuse(`is a folder holding ${n} entr${n === 1 ? 'y' : 'ies'} (${some}) that this action did not write ` +
                `(it has no ${SITE_MARKER} marker), and writing the site empties its folder: ` +
                `choose a new or empty folder, or delete this one yourself if nothing in it is needed`);
        }
    }
}
/** Whether `file` is a marker this action wrote: a small regular file (not a link) of JSON naming it. */
function isMarker(file) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file);
        if (!st.isFile() || st.size > MARKER_MAX_BYTES)
            return false;
        const data = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        return typeof data === 'object' && data !== null && data.writer === MARKER_WRITER;
    }
    catch {
        return false;
    }
}
/** What is at `real` (a realPathOf result) now. */
function siteStateOf(real) {
    const link = (0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .danglingLinkIn */ .UO)(real);
    if (link !== undefined)
        return { kind: 'dangling', link };
    let st;
    try {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(real);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return { kind: 'absent' };
        if (code === 'ENOTDIR')
            return { kind: 'not-folder', what: 'below a file' };
        throw e;
    }
    // A link here was made after realPathOf resolved the path: its target is not checked.
    if (st.isSymbolicLink())
        return { kind: 'dangling', link: real };
    if (!st.isDirectory())
        return { kind: 'not-folder', what: st.isFile() ? 'a regular file' : 'a special file' };
    return { kind: 'folder', entries: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(real), marked: isMarker(node_path__WEBPACK_IMPORTED_MODULE_2__.join(real, SITE_MARKER)) };
}
/** The site's place as it is now: `site` and `output` resolved against the current directory. */
function sitePlaceOf(site, output, root) {
    const real = (0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .realPathOf */ .dN)(site);
    return {
        root: (0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .realPathOf */ .dN)(root.dir),
        rootName: root.name,
        output: (0,_config_host_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .realPathOf */ .dN)(output),
        site: real,
        state: siteStateOf(real),
    };
}
/** `'site'`, with the resolved path unless it is the path as written. */
function shownSite(site, real) {
    return real === site ? (0,_config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .TL)(site) : `${(0,_config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .TL)(site)} (${real})`;
}
/**
 * `site` checked when the inputs are read, before anything is built (the action's getInputs, the
 * command's --site): throws an InputError naming the input.
 */
function checkSitePlace(site, output, root) {
    const place = sitePlaceOf(site, output, root);
    const verdict = judgeSite(place);
    if (!verdict.ok)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('site', `${shownSite(site, place.site)} ${verdict.problem}`);
}
/**
 * Makes the folder of a site ready to be written, judged again as it is now: created, or emptied
 * when it is a site this action wrote, with the marker written first (a site that fails half-way
 * is still known as this action's). Returns the resolved folder to write into. Throws SiteError.
 */
async function prepareSiteFolder(site, output, root) {
    const place = sitePlaceOf(site, output, root);
    const verdict = judgeSite(place);
    if (!verdict.ok)
        throw new _error_js__WEBPACK_IMPORTED_MODULE_5__/* .SiteError */ .w(`The site folder ${shownSite(site, place.site)} ${verdict.problem}`);
    const dir = place.site;
    if (verdict.prepare === 'create')
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    // rm does not follow a link inside the folder: it removes the link.
    if (verdict.prepare === 'empty') {
        for (const e of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, e), { recursive: true, force: true });
    }
    // A link put in the folder's place while it was made ready would have it written elsewhere.
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir) !== dir) {
        throw new _error_js__WEBPACK_IMPORTED_MODULE_5__/* .SiteError */ .w(`The site folder ${shownSite(site, dir)} changed while it was made ready: write the site again`);
    }
    // `wx`: created here, never written through a link that appeared meanwhile.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, SITE_MARKER), MARKER_TEXT, { flag: 'wx' });
    return dir;
}
/** The action's root: the workspace (GITHUB_WORKSPACE; the current directory outside a runner). */
function workspaceRoot(env = process.env, cwd = process.cwd()) {
    return { dir: env.GITHUB_WORKSPACE || cwd, name: 'the workspace' };
}
/** The command's root: its current directory, the workspace of a person at a shell. */
function currentDirRoot(cwd = process.cwd()) {
    return { dir: cwd, name: 'the current directory' };
}


/***/ }),

/***/ 30324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ StreamMatcher),
/* harmony export */   Nh: () => (/* binding */ settledMatch),
/* harmony export */   mU: () => (/* binding */ compileExpectation),
/* harmony export */   uz: () => (/* binding */ showPattern),
/* harmony export */   w9: () => (/* binding */ compileInputExpectation)
/* harmony export */ });
/* unused harmony exports MATCH_OVERLAP, ExpectationError, canMatchText, findNonEmpty */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);
// smoke-expect: the pattern a smoke boot's stdout must match, and the matching itself.
//
// Matching runs on RE2's engine (re2js, a pure-JS port of RE2), whose time is linear in the text
// searched: no pattern can make a match run long enough to hold up smoke-timeout, as a backtracking
// engine can (`^(a+)+$` against 32 `a`s and a `b` takes minutes in JavaScript's own RegExp).
// RE2 has no backreferences or lookaround; a pattern that needs them is refused as an input.
//
// The rules a user relies on (action.yml and docs/smoke-boot.md say the same):
// - a match must be at least one character of what the module printed, so a pattern that matches
//   the empty string (`x*`, `^$`) is refused as an input, and nothing passes a module that printed
//   nothing;
// - the output is searched as it arrives, each part once, with MATCH_OVERLAP characters of what came
//   before it: a match is found wherever it is, as long as it is no longer than that;
// - a match counts only once the character after it has arrived, or it ends with a line's \n, or
//   the output has ended (the module exited). RE2's `$`, `\b` and `\z` also hold at the end of the text searched, so text
//   that stops in the middle of a line (`c2w-smoke-ok`, then `-BROKEN` 300 ms later) would match
//   `^c2w-smoke-ok\s*$` as it stands and not as it ends. Every assertion RE2 has looks at no more
//   than the one character after its position (https://github.com/google/re2/wiki/Syntax: `^ $ \A
//   \z \b \B`), so a match that ends before the end of what has arrived is a match in whatever
//   comes next: the verdict is the same however the output is cut into parts. A match that ends
//   with a \n (`^c2w-smoke-ok\s*$` takes the \n into `\s*`) is decided on that complete line.

/** A pattern as the user wrote it, `/source/flags`, for messages. */
function showPattern(p) {
    return `/${p.source}/${p.flags}`;
}
/** Characters of earlier output a match may reach back into (a match longer than this can be missed). */
const MATCH_OVERLAP = 16 * 1024;
class ExpectationError extends Error {
    name = 'ExpectationError';
}
/** RE2 flags for the JavaScript flags the pattern was written with (`m`, `i`, `s`). */
function re2Flags(flags) {
    let f = 0;
    if (flags.includes('m'))
        f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.MULTILINE;
    if (flags.includes('i'))
        f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE;
    if (flags.includes('s'))
        f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.DOTALL;
    return f;
}
/**
 * Compiles `source` with RE2. Throws ExpectationError with the bare reason when RE2 cannot handle
 * it or when it matches the empty string.
 */
function compileExpectation(source, flags = 'm') {
    let re;
    try {
        re = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source, re2Flags(flags));
    }
    catch (e) {
        throw new ExpectationError(`is not a regular expression the smoke boot can match in linear time (RE2 syntax: no ` +
            `backreferences, no lookaround): ${e.message}`);
    }
    if (re.matcher('').find()) {
        throw new ExpectationError(`matches the empty string, so it would pass a module that printed nothing; write a pattern ` +
            `that needs at least one character (e.g. ^c2w-smoke-ok\\s*$)`);
    }
    return re;
}
/**
 * compileExpectation for the smoke-expect input, which also refuses a pattern whose every match is
 * empty (`\\b`, `^\\b$`): findNonEmpty never finds one, so it could never pass. (A boot given one
 * anyway still fails rather than passes: it never matches.)
 */
function compileInputExpectation(source, flags = 'm') {
    const re = compileExpectation(source, flags);
    if (!canMatchText(re)) {
        throw new ExpectationError(`matches nothing but empty strings (it only tests positions, like \\b or ^), so no printed ` +
            `line can ever match it; write a pattern that needs at least one character (e.g. ^c2w-smoke-ok\\s*$)`);
    }
    return re;
}
/**
 * RE2's program instructions (re2js, after RE2's prog.go): `Inst.op` numbers. A rune instruction
 * consumes one character; the others move between instructions without consuming.
 * https://github.com/google/re2j/blob/master/java/com/google/re2j/Inst.java
 */
const INST = { ALT: 1, ALT_MATCH: 2, FAIL: 5, MATCH: 6, RUNE: 8, RUNE_ANY_NOT_NL: 11 };
/**
 * Whether some path of the compiled program from its start to MATCH consumes a character, i.e. the
 * pattern can match a non-empty text (whether its assertions can hold there is not decided).
 * `\b` or `^\b$` have no such path: every match is empty, and findNonEmpty never finds one. When
 * the program is not shaped as expected (another re2js), the pattern is given the benefit of the doubt.
 */
function canMatchText(re) {
    const prog = re.re2().prog;
    const inst = prog?.inst;
    if (!Array.isArray(inst) || typeof prog?.start !== 'number')
        return true;
    const seen = new Set();
    const todo = [[prog.start, false]];
    while (todo.length > 0) {
        const [pc, consumed] = todo.pop();
        const key = `${pc}:${consumed}`;
        const i = inst[pc];
        if (seen.has(key) || i === undefined)
            continue;
        seen.add(key);
        if (i.op === INST.MATCH) {
            if (consumed)
                return true;
            continue;
        }
        if (i.op === INST.FAIL)
            continue;
        const next = consumed || (i.op >= INST.RUNE && i.op <= INST.RUNE_ANY_NOT_NL);
        todo.push([i.out, next]);
        if (i.op === INST.ALT || i.op === INST.ALT_MATCH)
            todo.push([i.arg, next]);
    }
    return false;
}
/** The first non-empty match of `re` in `text` that starts at or after `from`, as [start, end). */
function findNonEmpty(re, text, from = 0) {
    const m = re.matcher(text);
    for (let at = from; at <= text.length;) {
        if (!m.find(at))
            return undefined;
        const start = m.start();
        const end = m.end();
        if (end > start)
            return [start, end];
        at = start + 1;
    }
    return undefined;
}
/**
 * Whether `text` (all the output so far, or a terminal's text ending with the line the cursor is
 * on) holds a decided match: one followed by more text, or ending with a newline, or any match
 * once the output has ended (`ended`). A match that reaches the end of a line still being written
 * is not decided: the rest of the line may still turn it into something else. Pure.
 */
function settledMatch(re, text, ended) {
    const normal = text.replace(/\r\n/g, '\n');
    const found = findNonEmpty(re, normal);
    if (!found)
        return false;
    return ended || found[1] < normal.length || normal[found[1] - 1] === '\n';
}
/**
 * Searches a stream for the expectation as it arrives: each push searches only the new text and the
 * MATCH_OVERLAP characters before it, and keeps no more than about twice that. A match that reaches
 * the end of what has arrived waits for the next part (or finish()).
 */
class StreamMatcher {
    re;
    overlap;
    recent = '';
    matched;
    constructor(re, overlap = MATCH_OVERLAP) {
        this.re = re;
        this.overlap = overlap;
    }
    /** Adds output; true once the expectation has matched (it stays true). */
    push(chunk) {
        return this.search(chunk, false);
    }
    /** The output has ended (the module exited): a match may now reach the end. */
    finish() {
        return this.search('', true);
    }
    search(chunk, ended) {
        if (this.matched !== undefined)
            return true;
        // One character before the overlap: a deferred match starts within it, and `^` and `\b` look
        // at the character before.
        const from = Math.max(0, this.recent.length - this.overlap - 1);
        // A terminal ends lines with \r\n (a js output prints through a pty), and RE2's `$` matches
        // only before \n: the matcher sees \n alone, so `^ready$` matches `ready\r\n` as JavaScript's
        // RegExp did. A \r at the end of a part waits for the next one (a match ending there does too).
        this.recent = `${this.recent}${chunk}`.replace(/\r\n/g, '\n');
        if (ended)
            this.recent = this.recent.replace(/\r$/, '\n');
        const found = findNonEmpty(this.re, this.recent, from);
        if (found && (ended || found[1] < this.recent.length || this.recent[found[1] - 1] === '\n')) {
            this.matched = this.recent.slice(found[0], found[1]);
            this.recent = '';
            return true;
        }
        if (this.recent.length > 2 * this.overlap)
            this.recent = this.recent.slice(-(this.overlap + 1));
        return false;
    }
}


/***/ }),

/***/ 60015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ C2W_RELEASE_TAG)
/* harmony export */ });
// Facts about c2w that the inputs, the installer and the caches share. A leaf: it imports nothing
// of the project.
/**
 * A c2w release tag: `v` and a semantic version, with an optional pre-release of dot-separated
 * letters, digits and hyphens (v0.8.4, v0.9.0-rc.1; SemVer 2.0.0 §9: identifiers are non-empty).
 * Nothing else may come from the network into a download URL, a tool-cache path (no `/`, no `..`
 * part) or the log (no line break); `c2w-version` accepts the same grammar, so a tag the input
 * takes is one the installer takes.
 */
const C2W_RELEASE_TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;


/***/ }),

/***/ 54218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ ClassifiedError)
/* harmony export */ });
// Errors every stage may throw and every front end reads. A leaf: it imports nothing of the project.
/** An error that knows its failure class and the line that showed it (e.g. a failed smoke boot). */
class ClassifiedError extends Error {
    failureClass;
    line;
    name = 'ClassifiedError';
    constructor(message, failureClass, line) {
        super(message);
        this.failureClass = failureClass;
        this.line = line;
    }
}


/***/ }),

/***/ 88020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ newRunResult)
/* harmony export */ });
/** A run that has learned nothing yet. */
function newRunResult() {
    return { stage: 'install', build: { rejectedAllocators: [] } };
}


/***/ })

};

//# sourceMappingURL=931.index.js.map