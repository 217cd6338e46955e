// The transient-network classifier against the messages the fetching tools of a c2w build really
// print. Each row names where the message was seen: an upstream issue's log, or this machine
// (busybox wget against a local server that resets, closes, or answers 503).
import { describe, expect, it } from 'vitest';
import { classifyTransient, isFetchStep, transientReason } from '../../../src/c2w/transient.js';

const DNS = 'name resolution failed';
const RESET = 'the connection was reset';
const REFUSED = 'the connection was refused';
const TIMEOUT = 'the connection timed out';
const TLS = 'the TLS handshake failed';
const STATUS = 'the server answered with a retryable HTTP status (5xx or 429)';
const BROKE = 'the transfer broke off';

const TRANSIENT: [string, string, string][] = [
  // git over libcurl
  ['container2wasm#321 (Bochs clone)', 'error: RPC failed; curl 16 Error in the HTTP2 framing layer', BROKE],
  [
    'git clone over a flaky link',
    'error: RPC failed; curl 18 transfer closed with outstanding read data remaining',
    BROKE,
  ],
  ['git clone over a flaky link', 'fetch-pack: unexpected disconnect while reading sideband packet', BROKE],
  ['git clone over a flaky link', 'fatal: early EOF', BROKE],
  ['git clone over a flaky link', 'fatal: the remote end hung up unexpectedly', BROKE],
  [
    'git in a Docker build',
    "fatal: unable to access 'https://github.com/PAIR-code/facets/': gnutls_handshake() failed: Error in the pull function.",
    TLS,
  ],
  [
    'git in a Docker build',
    "fatal: unable to access 'https://www.github.com/haiwen/libevhtp.git/': gnutls_handshake() failed: The TLS connection was non-properly terminated.",
    TLS,
  ],
  ['git', "fatal: unable to access 'https://github.com/qemu/qemu/': Could not resolve host: github.com", DNS],
  [
    'git',
    "fatal: unable to access 'https://github.com/qemu/qemu/': Failed to connect to github.com port 443 after 130 ms: Connection refused",
    REFUSED,
  ],
  ['git', "fatal: unable to access 'https://github.com/x/y/': The requested URL returned error: 502", STATUS],
  ['git (git://)', 'github.com[0: 140.82.121.4]: errno=Operation timed out', TIMEOUT],
  // curl
  ['curl 6', 'curl: (6) Could not resolve host: github.com', DNS],
  ['curl 7', 'curl: (7) Failed to connect to github.com port 443 after 5 ms: Connection refused', REFUSED],
  ['curl 28', 'curl: (28) Failed to connect to github.com port 443 after 130001 ms: Connection timed out', TIMEOUT],
  ['curl 28', 'curl: (28) Operation timed out after 300000 milliseconds with 0 out of 0 bytes received', TIMEOUT],
  ['curl 35', 'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to github.com:443', TLS],
  ['curl 52', 'curl: (52) Empty reply from server', BROKE],
  ['curl 56', 'curl: (56) Recv failure: Connection reset by peer', RESET],
  ['curl 22', 'curl: (22) The requested URL returned error: 503', STATUS],
  ['curl 92', 'curl: (92) HTTP/2 stream 0 was not closed cleanly: INTERNAL_ERROR (err 2)', BROKE],
  // busybox wget, seen on this machine
  ['busybox wget, reset', 'wget: error getting response: Connection reset by peer', RESET],
  ['busybox wget, nothing listening', "wget: can't connect to remote host (127.0.0.1): Connection refused", REFUSED],
  ['busybox wget, 503', 'wget: server returned error: HTTP/1.1 503 Service Unavailable', STATUS],
  ['busybox wget', "wget: bad address 'github.com'", DNS],
  ['busybox wget', 'wget: download timed out', TIMEOUT],
  // GNU wget
  ['GNU wget', 'Resolving github.com (github.com)... failed: Temporary failure in name resolution.', DNS],
  ['GNU wget', "wget: unable to resolve host address 'github.com'", DNS],
  ['GNU wget', '2024-05-01 10:00:00 ERROR 503: Service Unavailable.', STATUS],
  // apt
  [
    'apt in a Docker build',
    "W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy-updates/InRelease  Temporary failure resolving 'archive.ubuntu.com'",
    DNS,
  ],
  [
    'apt in a Docker build',
    'E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/m/mpfr4/libmpfr6_4.0.1-1_amd64.deb  Connection timed out [IP: 91.189.88.149 80]',
    TIMEOUT,
  ],
  [
    'apt',
    'E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/g/gcc/cpp_11.deb  503  Service Unavailable [IP: 185.125.190.36 80]',
    STATUS,
  ],
  // Go's net/http: BuildKit, containerd, the docker CLI
  [
    'docker/buildx#2750',
    'failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://registry-1.docker.io/v2/library/dart/manifests/sha256:b58b": net/http: TLS handshake timeout',
    TLS,
  ],
  [
    'docker/buildx#507',
    'failed to do request: Head https://registry-1.docker.io/v2/library/python/manifests/3.6: dial tcp 3.211.199.249:443: i/o timeout',
    TIMEOUT,
  ],
  [
    'earthly#1411',
    'failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/lts": dial tcp: lookup registry-1.docker.io on 172.30.0.2:53: read udp 172.30.0.1:42638->172.30.0.2:53: i/o timeout',
    DNS,
  ],
  [
    'docker/buildx#2557',
    'ERROR: failed to solve: golang:1.21-alpine: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/golang/manifests/sha256:7be7: 503 Service Unavailable',
    STATUS,
  ],
  [
    'zeta-chain/node#3497',
    '#3 ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/busybox/blobs/sha256:af47: 500 Internal Server Error',
    STATUS,
  ],
  [
    'docker pull on a Docker Hub outage',
    'Error response from daemon: received unexpected HTTP status: 503 Service Unavailable',
    STATUS,
  ],
  [
    'Docker Hub rate limit',
    'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading',
    STATUS,
  ],
  ['Go http2', 'http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=NO_ERROR', BROKE],
  [
    'Go fetch',
    'go: github.com/x/y@v1.2.3: Get "https://proxy.golang.org/github.com/x/y/@v/v1.2.3.zip": unexpected EOF',
    BROKE,
  ],
  ['Go', 'read tcp 10.1.0.4:51234->140.82.112.3:443: read: connection reset by peer', RESET],
  [
    'Go',
    'net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    TIMEOUT,
  ],
  // cargo (wasi-vfs, wizer)
  [
    'cargo',
    'warning: spurious network error (3 tries remaining): [6] Could not resolve hostname (Could not resolve host: index.crates.io)',
    DNS,
  ],
];

const NOT_TRANSIENT: [string, string][] = [
  ['disk', 'write /var/lib/docker/x: no space left on device'],
  ['memory (c2w#187)', '92.07 Killed'],
  ['OOM seen as a lost container, not a download', 'level=error msg="error waiting for container: unexpected EOF"'],
  ['a compile error', 'error[E0061]: this method takes 1 argument but 2 arguments were supplied'],
  ['a missing file', 'curl: (22) The requested URL returned error: 404'],
  [
    'a 404 of a file whose name has 503 in it',
    'E: Failed to fetch http://deb.debian.org/pool/libfoo_1.503-1_amd64.deb  404  Not Found',
  ],
  ['a bad checkout', "error: pathspec 'v9.9.9' did not match any file(s) known to git"],
  [
    'the local engine is down',
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  ],
  ['the local engine is down', 'dial unix /var/run/docker.sock: connect: connection refused'],
  ['a shell script', 'sh: syntax error: unexpected end of file'],
  ['the exit of a step', 'process "/bin/sh -c make" did not complete successfully: exit code: 2'],
  // The words every network error shares, printed by something that is not fetching.
  ['a test assertion', 'AssertionError: expected connect ECONNREFUSED 127.0.0.1:8080 to be undefined'],
  ['a test runner line', '    ✗ retries after ECONNRESET (12 ms)'],
  ['a Node test', 'Error: read ECONNRESET'],
  ['a Python test', 'ConnectionRefusedError: [Errno 111] Connection refused'],
  [
    'a Rust test',
    'called `Result::unwrap()` on an `Err` value: Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }',
  ],
  ['a C test', 'test-net.c:42: connect: Connection timed out'],
];

describe('transientReason', () => {
  it.each(TRANSIENT)('%s: %s', (_where, line, reason) => {
    expect(transientReason(line)).toBe(reason);
  });
  it.each(NOT_TRANSIENT)('not %s: %s', (_what, line) => {
    expect(transientReason(line)).toBeUndefined();
  });
});

// BuildKit plain output, shaped like container2wasm#321's log.
const FAILED_CLONE = [
  '#12 [bochs-dev-common 3/25] RUN git clone https://github.com/bochs-emu/Bochs',
  "#12 0.292 Cloning into '/Bochs'...",
  '#11 [linux-amd64-dev 4/4] RUN make ARCH=x86 -j4 all',
  '#11 3.101   CC      arch/x86/kernel/cpu/common.o',
  '#12 60.81 error: RPC failed; curl 16 Error in the HTTP2 framing layer',
  '#12 60.82 fatal: early EOF',
  '#12 ERROR: process "/bin/sh -c git clone https://github.com/bochs-emu/Bochs" did not complete successfully: exit code: 128',
  '#11 CANCELED',
  '------',
  ' > [bochs-dev-common 3/25] RUN git clone https://github.com/bochs-emu/Bochs:',
  "0.292 Cloning into '/Bochs'...",
  '60.81 error: RPC failed; curl 16 Error in the HTTP2 framing layer',
  '------',
  'ERROR: failed to solve: process "/bin/sh -c git clone https://github.com/bochs-emu/Bochs" did not complete successfully: exit code: 128',
].join('\n');

describe('classifyTransient', () => {
  it('names the failed step and the first line of network trouble in its log', () => {
    expect(classifyTransient(FAILED_CLONE)).toEqual({
      step: '[bochs-dev-common 3/25] RUN git clone https://github.com/bochs-emu/Bochs',
      reason: BROKE,
      line: 'error: RPC failed; curl 16 Error in the HTTP2 framing layer',
    });
  });

  it('reads a failure outside any step (a base image that could not be resolved)', () => {
    const log = [
      '#5 [internal] load metadata for docker.io/library/ubuntu:22.04',
      '#5 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/ubuntu/manifests/22.04": dial tcp 3.211.199.249:443: i/o timeout',
      '------',
      ' > [internal] load metadata for docker.io/library/ubuntu:22.04:',
      '------',
      'ERROR: failed to solve: ubuntu:22.04: failed to resolve source metadata',
    ].join('\n');
    expect(classifyTransient(log)).toMatchObject({
      step: '[internal] load metadata for docker.io/library/ubuntu:22.04',
      reason: TIMEOUT,
    });
  });

  it('ignores network trouble in a step that finished, or was cancelled, when another step failed otherwise', () => {
    const log = [
      '#7 [fetch 1/1] RUN curl --retry 3 -fsSLO https://example.org/a.tar.gz',
      '#7 1.2 curl: (56) Recv failure: Connection reset by peer',
      '#7 DONE 4.0s',
      '#8 [other 1/1] RUN wget https://example.org/b',
      '#8 0.3 wget: error getting response: Connection reset by peer',
      '#9 [build 2/2] RUN make',
      '#9 2.0 main.c:1: error: expected declaration',
      '#9 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      '#8 CANCELED',
      '------',
      ' > [build 2/2] RUN make:',
      '2.0 main.c:1: error: expected declaration',
      '------',
      'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    ].join('\n');
    expect(classifyTransient(log)).toBeUndefined();
  });

  // A failed step: its name, its log, and whether the build is retried for it.
  const failing = (name: string, log: string[]) =>
    [
      `#9 ${name}`,
      ...log.map((l) => `#9 1.20 ${l}`),
      '#9 ERROR: process "/bin/sh -c x" did not complete successfully: exit code: 1',
      '------',
      ` > ${name}:`,
      ...log.map((l) => `1.20 ${l}`),
      '------',
      'ERROR: failed to solve: process "/bin/sh -c x" did not complete successfully: exit code: 1',
    ].join('\n');
  it.each<[string, string, string[], string | undefined]>([
    ['a clone that was reset', '[src 2/4] RUN git clone https://github.com/x/y', ['fatal: early EOF'], BROKE],
    [
      'a download that was refused',
      '[src 3/4] RUN curl -fsSLO https://example.org/a.tar.gz && tar xf a.tar.gz',
      ['curl: (7) Failed to connect to example.org port 443 after 5 ms: Connection refused'],
      REFUSED,
    ],
    [
      'a package install that timed out',
      '[base 2/6] RUN apt-get update && apt-get install -y build-essential',
      ['E: Failed to fetch http://deb.debian.org/debian/pool/main/g/gcc.deb  Connection timed out [IP: 1.2.3.4 80]'],
      TIMEOUT,
    ],
    [
      'an npm install that was reset',
      '[web 3/5] RUN npm ci',
      ['npm error network request to https://registry.npmjs.org/x failed, reason: read ECONNRESET'],
      RESET,
    ],
    [
      'a base image pull that was reset',
      '[stage-0 1/3] FROM docker.io/library/ubuntu:22.04@sha256:0123',
      [
        'failed to copy: httpReadSeeker: failed open: read tcp 10.1.0.4:51234->1.2.3.4:443: read: connection reset by peer',
      ],
      RESET,
    ],
    [
      'a test step asserting a refused connection',
      '[test 4/4] RUN npm test',
      ['AssertionError: expected connect ECONNREFUSED 127.0.0.1:5432 to be undefined'],
      undefined,
    ],
    [
      'a test step whose curl finds nothing listening',
      '[test 4/4] RUN make check',
      ['curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused'],
      undefined,
    ],
    [
      'a clone-and-test step whose test prints ECONNRESET',
      '[src 2/4] RUN git clone https://github.com/x/y && cd y && make check',
      ['FAIL: test_reconnect: expected ECONNRESET, got 0'],
      undefined,
    ],
    [
      'a Go test step',
      '[test 3/3] RUN go test ./...',
      ['dial tcp 127.0.0.1:8080: connect: connection refused'],
      undefined,
    ],
  ])('%s', (_what, name, log, reason) => {
    expect(classifyTransient(failing(name, log))?.reason).toBe(reason);
  });

  it('is undefined for a build that failed for another reason', () => {
    expect(
      classifyTransient(
        '#4 [a 1/1] RUN exit 3\n#4 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n',
      ),
    ).toBeUndefined();
  });
});

describe('isFetchStep', () => {
  it.each<[string, boolean]>([
    ['[internal] load metadata for docker.io/library/ubuntu:22.04', true],
    ['[auth] library/ubuntu:pull token for registry-1.docker.io', true],
    ['[stage-0 1/3] FROM docker.io/library/ubuntu:22.04@sha256:0123', true],
    ['[src 2/4] ADD https://example.org/a.tar.gz /a.tar.gz', true],
    ['[src 2/4] ADD --keep-git-dir https://github.com/x/y.git /y', true],
    ['[out 2/2] COPY --from=docker.io/library/busybox:1 /bin/busybox /', true],
    ['[bochs-dev-common 3/25] RUN git clone https://github.com/bochs-emu/Bochs', true],
    ['[tools 2/9] RUN --mount=type=cache,target=/root/.cargo cargo install wasi-vfs-cli', true],
    ['[base 2/6] RUN apk add --no-cache git', true],
    ['[web 3/5] RUN npm ci', true],
    ['[go 2/3] RUN go mod download', true],
    ['[py 2/3] RUN pip3 install -r requirements.txt', true],
    ['[internal] load build definition from Dockerfile', false],
    ['[internal] load build context', false],
    ['[out 2/2] COPY --from=build /out.wasm /', false],
    ['[src 2/4] ADD vendor.tar.gz /src', false],
    ['[test 4/4] RUN npm test', false],
    ['[test 4/4] RUN make check', false],
    ['[test 3/3] RUN go test ./...', false],
    ['exporting to client directory', false],
  ])('%s: %s', (name, fetches) => {
    expect(isFetchStep(name)).toBe(fetches);
  });
});
