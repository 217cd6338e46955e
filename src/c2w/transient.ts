// Transient network trouble in a failed build: the network between the builder and a clone, a
// download or a registry failed for a moment. c2w's Dockerfile clones and downloads in many stages
// (Bochs, QEMU, the kernel, wasi-sdk, binaryen, crates, base images), and one reset connection
// fails the whole build (container2wasm issues #321 and #280 show such logs). A second run of the
// same build on the same builder gets past it: BuildKit answers every stage that finished from its
// own store.
//
// Only the lines that tell why the build failed are read: the log of each step BuildKit marked
// `ERROR` (parsed by buildx/plain-log.ts) and the lines outside any step (the `------ > [step]:`
// summary BuildKit prints after a failure, the final `ERROR: failed to solve: ...`, c2w's own
// messages). A step that finished, or was CANCELED because another failed, is not read: a line it
// logged did not fail the build.
//
// Only a fetch counts: the failed step must be one that fetches (a clone, a download, an image
// pull, a package install, a cargo/go/npm fetch: `isFetchStep`), and the words every network
// error shares ("Connection refused", ECONNRESET, "timed out") count only in a fetching tool's own
// message. A test step whose assertion prints `connect ECONNREFUSED` fails the same way every
// time: it is no blip.
import { LineSplitter, parsePlainLine } from '../buildx/plain-log.js';

export interface TransientFailure {
  /** The BuildKit step that failed, as BuildKit names it (`[stage 2/5] RUN …`), when the log shows one. */
  step?: string;
  /** What went wrong with the network, in words. */
  reason: string;
  /** The line that showed it. */
  line: string;
}

interface Signature {
  reason: string;
  test: (line: string) => boolean;
  /** Words any program may print: they count only in a fetching tool's message (FETCH_MESSAGE). */
  generic?: boolean;
}

const re = (pattern: RegExp) => (line: string) => pattern.test(line);

/** An HTTP status a server answers when it is overloaded or briefly down: 5xx and 429. */
const RETRY_STATUS = /(?<![\w.-])(5\d\d|429)(?![\w.-])/;

/**
 * The messages of the tools that fetch during a c2w build, each as they print it: git (over
 * libcurl), curl, GNU wget and busybox wget, apt, Go's net/http (BuildKit, containerd, the docker
 * CLI, `go mod`), cargo. Examples of every row are in test/unit/c2w/transient.test.ts.
 */
const SIGNATURES: Signature[] = [
  {
    reason: 'name resolution failed',
    test: re(
      /Could not resolve host|Couldn't resolve host|Temporary failure (in name resolution|resolving)|unable to resolve host address|wget: bad address|dial tcp: lookup \S+.*(no such host|i\/o timeout|server misbehaving)|getaddrinfo (EAI_AGAIN|ENOTFOUND)/i,
    ),
  },
  { reason: 'the connection was reset', test: re(/connection reset by peer|\bECONNRESET\b/i), generic: true },
  { reason: 'the connection was refused', test: re(/connection refused|\bECONNREFUSED\b/i), generic: true },
  {
    reason: 'the connection timed out',
    test: re(
      /(connection|operation) timed out|errno=Operation timed out|\bi\/o timeout\b|\bETIMEDOUT\b|download timed out|Client\.Timeout exceeded/i,
    ),
    generic: true,
  },
  {
    reason: 'the TLS handshake failed',
    test: re(
      /TLS handshake timeout|gnutls_handshake\(\) failed|TLS connection was non-properly terminated|SSL_ERROR_SYSCALL|OpenSSL SSL_(connect|read)/i,
    ),
  },
  {
    reason: 'the server answered with a retryable HTTP status (5xx or 429)',
    test: (l) =>
      (RETRY_STATUS.test(l) &&
        /returned error|unexpected (HTTP )?status|server returned|\bERROR (5\d\d|429)\b|Failed to fetch|HTTP\/[\d.]+ (5\d\d|429)/i.test(
          l,
        )) ||
      /\b(5\d\d|429) (Service Unavailable|Bad Gateway|Gateway Time-?out|Internal Server Error|Too Many Requests)\b/i.test(
        l,
      ) ||
      /\btoomanyrequests\b/.test(l),
  },
  {
    reason: 'the transfer broke off',
    test: (l) =>
      /\bRPC failed\b|fatal: early EOF|unexpected disconnect while reading sideband packet|the remote end hung up unexpectedly|transfer closed with|Empty reply from server|HTTP\/2 stream \d+ was not closed cleanly|Error in the HTTP2 framing layer|server sent GOAWAY|spurious network error/i.test(
        l,
      ) ||
      // Go's io.ErrUnexpectedEOF while fetching; on its own (`error waiting for container:
      // unexpected EOF`) it is no network failure.
      (/unexpected EOF/.test(l) && /fetch|download|clone|pull|copy|https?:\/\/|Get "|read tcp|httpReadSeeker/i.test(l)),
  },
];

/**
 * A fetching tool's own message, as it prints it: curl's `curl: (N)`, wget's `wget:`, git's
 * `fatal: unable to access`, `error: RPC failed`, `fetch-pack:` and git://'s `host[0: ip]: errno=`,
 * apt's `E:`/`W: Failed to fetch` and `Err:N`, GNU wget's `Resolving`/`Connecting to`, Go's
 * net/http (`dial tcp`, `read tcp`, `Get "https://…"`, `failed to do request`, `httpReadSeeker`),
 * npm's `npm ERR!`/`npm error` and `request to https://… failed`, cargo's `spurious network error`
 * and `failed to download`, the `go` command's `go:`.
 */
const FETCH_MESSAGE =
  /^\s*(curl: \(\d+\)|wget: |fatal: unable to access|error: RPC failed|fetch-pack: |[EW]: Failed to fetch|Err:\d+ |Resolving |Connecting to |npm (ERR!|error|warn) |go: |warning: spurious network error)|\[\d+: [\da-f.:]+\]: errno=|\b(dial|read|write) tcp\b|\b(Get|Head|Post) "?https?:|failed to (do request|copy|fetch|download|resolve source metadata)|httpReadSeeker|net\/http: |request to https?:\S+ failed|Failed to connect to \S+ port \d+|error: failed to (download|fetch|get|load)/i;

/**
 * A BuildKit step that fetches from the network, as BuildKit names it: a base image's metadata or
 * layers (`[internal] load metadata for …`, `[stage 1/5] FROM …`, `[auth] …`), an `ADD` of a URL or
 * a git repository, or a `RUN` of a fetching tool (git clone/fetch, curl, wget, a package manager,
 * cargo, go, npm, pip, rustup). Pure.
 */
export function isFetchStep(name: string): boolean {
  if (/^\[internal\] load metadata for |^\[auth\] /.test(name)) return true;
  const m = /^\[[^\]]*\] (FROM|ADD|RUN|COPY)\b(.*)$/s.exec(name);
  if (!m) return false;
  const [, instruction, rest] = m as unknown as [string, string, string];
  if (instruction === 'FROM') return true;
  if (instruction === 'ADD') return /\b(https?|git):\/\/|\.git\b|git@/.test(rest);
  if (instruction === 'COPY') return /--from=\S*[/.:]/.test(rest);
  return FETCH_COMMAND.test(rest);
}

const FETCH_COMMAND =
  /\bgit\b.*\b(clone|fetch|pull|submodule|ls-remote)\b|\b(curl|wget|aria2c)\b|\bapt(-get)?\b|\b(apk|dnf|yum|microdnf|zypper|pacman|opkg)\b|\bcargo\b.*\b(install|fetch|build|vendor|update|generate-lockfile)\b|\bgo\b.*\b(mod|get|install|build)\b|\b(npm|yarn|pnpm)\b.*\b(install|ci|add|i)\b|\bpip3?\b.*\binstall\b|\brustup\b|\bgclient\b/s;

/** The engine on this machine (its socket) is not the network: a dead daemon is no blip. */
const LOCAL_ENGINE = /docker\.sock|dial unix|Cannot connect to the Docker daemon/i;

/** The kind of network trouble `line` shows, or undefined. Pure. */
export function transientReason(line: string): string | undefined {
  if (LOCAL_ENGINE.test(line)) return undefined;
  const text = withoutTime(line);
  return SIGNATURES.find((s) => s.test(text) && (!s.generic || FETCH_MESSAGE.test(text)))?.reason;
}

/** BuildKit's failure summary names the failed step: ` > [stage 2/5] RUN …:`. */
const SUMMARY_STEP = /^ > (\[.+):$/;

/** The step names this long are cut, for the log line. */
const STEP_CHARS = 120;

/**
 * Whether a failed build's log (BuildKit's plain output and c2w's own lines) shows transient
 * network trouble, and where: the first such line among the lines that tell why it failed. Pure.
 */
export function classifyTransient(log: string): TransientFailure | undefined {
  const names = new Map<number, string>();
  const lines = new Map<number, string[]>();
  const failed: number[] = [];
  const outside: string[] = [];
  let summaryStep: string | undefined;
  const splitter = new LineSplitter((raw) => {
    const parsed = parsePlainLine(raw);
    if (parsed === undefined) {
      outside.push(raw);
      summaryStep ??= SUMMARY_STEP.exec(raw.trimEnd())?.[1];
      return;
    }
    const { vertex } = parsed;
    if (parsed.kind === 'text' && !names.has(vertex)) {
      names.set(vertex, parsed.text);
      return;
    }
    if (parsed.kind === 'end') {
      if (parsed.status === 'error') {
        failed.push(vertex);
        (lines.get(vertex) ?? lines.set(vertex, []).get(vertex)!).push(parsed.text);
      }
      return;
    }
    (lines.get(vertex) ?? lines.set(vertex, []).get(vertex)!).push(parsed.text);
  });
  splitter.push(log);
  splitter.end();

  const cut = (name: string | undefined) =>
    name === undefined ? undefined : name.length > STEP_CHARS ? `${name.slice(0, STEP_CHARS)}…` : name;
  for (const vertex of failed) {
    const step = names.get(vertex) ?? summaryStep;
    // A step that fetches nothing failed on its own terms, whatever words its log holds.
    if (step !== undefined && !isFetchStep(step)) continue;
    for (const line of lines.get(vertex) ?? []) {
      const reason = transientReason(line);
      if (reason !== undefined) return withStep({ reason, line: shown(line) }, cut(step));
    }
  }
  const step = failed.length > 0 ? (names.get(failed[0]!) ?? summaryStep) : summaryStep;
  if (step !== undefined && !isFetchStep(step)) return undefined;
  for (const line of outside) {
    const reason = transientReason(line);
    if (reason !== undefined) return withStep({ reason, line: shown(line) }, cut(step));
  }
  return undefined;
}

/** The characters of the line a warning quotes. */
const LINE_CHARS = 200;

/** The line as a warning quotes it: without BuildKit's time, bounded. */
function shown(line: string): string {
  const text = withoutTime(line);
  return text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS)}…` : text;
}

/** A step's log line without BuildKit's seconds-since-start (`60.81 error: …`). */
function withoutTime(line: string): string {
  return line.trim().replace(/^\d+(\.\d+)? /, '');
}

function withStep(failure: TransientFailure, step: string | undefined): TransientFailure {
  return step === undefined ? failure : { step, ...failure };
}
