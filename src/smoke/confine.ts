// How to run a command inside an operating-system boundary on this machine: new PID, mount, network,
// IPC and UTS namespaces (util-linux `unshare`, namespaces(7)) around a root made of nothing but
// read-only binds of /usr, the /lib* folders (or their merged-usr symlinks), /etc/ld.so.cache and
// the paths the caller names, a fresh /proc of the new PID namespace, five device nodes and a small
// tmpfs /tmp; the command then runs as another user (65534) with no capabilities and no_new_privs
// (util-linux `setpriv`). So whatever it starts (threads, workers, processes) sees no process of the
// job (the PID namespace), no file of the job but those binds, no network at all (a network
// namespace with only a loopback that is down; abstract Unix sockets belong to the network
// namespace), and dies with the namespace's init (pid_namespaces(7): when init ends, the kernel
// sends SIGKILL to every process of the namespace).
//
// Three ways to make the namespaces, tried in order: the action is root (self-hosted runners,
// containers with CAP_SYS_ADMIN); `sudo -n` works (GitHub's hosted runners: the runner user has
// passwordless sudo); unprivileged user namespaces (`unshare --user --map-root-user`; there the
// command keeps uid 0 of its own user namespace, which is the action's user outside, so every bind is
// read-only and every capability is dropped). Each is probed once with the real setup (PROBE_COMMAND)
// and the first that works is used. sudo closes every descriptor above 2 (sudo(8), closefrom) and
// the action cannot signal root's processes, so the parts that cross the boundary are: stdin, the
// lifeline (at its end of file INIT_SCRIPT sends SIGTERM to the namespace, SIGKILL after the grace,
// and exits), stdout and stderr, and a FIFO the init opens as fd 3 before the root changes (the
// report channel of protocol.ts, which the command never sees by name).
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BoundaryVia = 'root' | 'sudo' | 'userns';

/** What the smoke boot runs in: namespaces made one of three ways, or none (with why). */
export type Boundary = { kind: 'namespaces'; via: BoundaryVia } | { kind: 'none'; reason: string };

/**
 * Test seam: a comma-separated list of the ways (`root`, `sudo`, `userns`) the action must not try,
 * e.g. `root,sudo,userns` to see what a runner without any does. Read from the action's environment.
 */
export const FORBID_ENV = 'C2W_SMOKE_SANDBOX_FORBID';

/** The user the command runs as under root or sudo (nobody/nogroup on Debian and Ubuntu). */
export const SANDBOX_UID = 65534;

/**
 * The namespace's init, run by `sh` as root of the new namespaces (PID 1). Arguments: the empty
 * folder the new root is mounted on, the report FIFO, the grace in seconds, the uid to run as ('' to
 * keep uid 0 of a user namespace), the paths to bind read-only (same place inside), `--`, the
 * command. stdin is the lifeline.
 */
export const INIT_SCRIPT = `set -eu
R=$1 control=$2 grace=$3 user=$4
shift 4
mount -t tmpfs -o mode=0755,size=1m,nosuid,nodev c2w-smoke-root "$R"
mkdir "$R/tmp" "$R/dev" "$R/proc" "$R/.old"
mount -t tmpfs -o mode=1777,size=64m,nosuid,nodev c2w-smoke-tmp "$R/tmp"
bind() {
  [ -e "$R$1" ] && return 0
  if [ -d "$1" ]; then mkdir -p "$R$1"; else mkdir -p "$R\${1%/*}" && : > "$R$1"; fi
  mount --bind -o ro,nosuid,nodev "$1" "$R$1"
}
for p in /usr /bin /sbin /lib /lib64 /lib32 /libx32 /etc/ld.so.cache; do
  if [ -L "$p" ]; then ln -s "$(readlink "$p")" "$R$p"; elif [ -e "$p" ]; then bind "$p"; fi
done
while [ "$1" != -- ]; do bind "$1"; shift; done
shift
for d in null zero full random urandom; do : > "$R/dev/$d"; mount --bind "/dev/$d" "$R/dev/$d"; done
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mkfifo -m 0600 "$R/.stdin"
exec 3>"$control" 5<>"$R/.stdin" 6<&0
cd "$R"
pivot_root . .old
umount -l /.old
rmdir /.old
mount -o remount,ro,bind /
cd /
if [ -n "$user" ]; then
  setpriv --reuid="$user" --regid="$user" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@" 0<&5 5<&- 6<&- &
else
  setpriv --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@" 0<&5 5<&- 6<&- &
fi
child=$!
exec 3>&- 5<&-
( cat <&6 >/dev/null; kill -TERM -1 2>/dev/null; sleep "$grace"; kill -KILL -1 2>/dev/null ) &
exec 6<&-
status=0
wait "$child" 2>/dev/null || status=$?
exit "$status"
`;

const NAMESPACES = ['--pid', '--fork', '--kill-child', '--mount', '--net', '--ipc', '--uts'];

export interface ConfinedRun {
  /** An empty folder of the caller's (0700) to mount the new root on. */
  rootDir: string;
  /** The FIFO the init opens as the command's fd 3. */
  control: string;
  graceSeconds: number;
  /** Paths (files or folders) the command may read, bound read-only at the same place. */
  binds: string[];
  /** The command, with absolute paths or names found in /usr/bin. */
  command: string[];
}

/** The argv that runs `run.command` inside the boundary made `via`. Pure. */
export function confinedArgv(via: BoundaryVia, run: ConfinedRun): string[] {
  const unshare =
    via === 'userns' ? ['unshare', '--user', '--map-root-user', ...NAMESPACES] : ['unshare', ...NAMESPACES];
  const user = via === 'userns' ? '' : String(SANDBOX_UID);
  return [
    ...(via === 'sudo' ? ['sudo', '-n', '--'] : []),
    ...unshare,
    '--',
    'sh',
    '-c',
    INIT_SCRIPT,
    'c2w-smoke-init',
    run.rootDir,
    run.control,
    String(Math.max(0, Math.ceil(run.graceSeconds))),
    user,
    ...run.binds,
    '--',
    ...run.command,
  ];
}

/** The ways worth trying for a process of `euid`, minus the forbidden ones. Pure. */
export function candidates(euid: number, forbid: string | undefined): BoundaryVia[] {
  const no = new Set((forbid ?? '').split(',').map((s) => s.trim()));
  const ways: BoundaryVia[] = euid === 0 ? ['root'] : ['sudo', 'userns'];
  return ways.filter((w) => !no.has(w));
}

/** What the probe runs inside: it answers only when the whole setup worked. */
const PROBE_COMMAND = ['sh', '-c', 'test "$(cat /proc/1/comm)" = sh && echo c2w-boundary-ok >&3'];

/** Makes a FIFO (Node has no mkfifo). */
export function mkfifo(path: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('mkfifo', ['-m', '0600', path], { timeout: 10_000 }, (err) => (err ? reject(err) : resolve())),
  );
}

/** Runs `argv` with stdin closed at once (so the init ends after the command); its stdout, stderr. */
function runProbe(argv: string[]): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    execFile(
      argv[0]!,
      argv.slice(1),
      { timeout: 15_000, killSignal: 'SIGKILL', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ ok: !err, text: `${stdout}${stderr}`.trim() }),
    );
  });
}

/** Tries `via` once: a probe run of the real setup. undefined when it works, else why not. */
export async function probe(via: BoundaryVia): Promise<string | undefined> {
  if (via === 'sudo') {
    const sudo = await runProbe(['sudo', '-n', 'true']);
    if (!sudo.ok) return `sudo -n is not allowed (${sudo.text.split('\n')[0] || 'no sudo'})`;
  }
  const dir = await mkdtemp(join(tmpdir(), 'c2w-boundary-'));
  try {
    const rootDir = join(dir, 'root');
    const control = join(dir, 'control');
    await mkdir(rootDir);
    await mkfifo(control);
    // Held open for reading (and writing, so that neither end's open blocks) while the probe runs.
    const fifo = await open(control, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      const run = await runProbe(
        confinedArgv(via, { rootDir, control, graceSeconds: 1, binds: [], command: PROBE_COMMAND }),
      );
      if (!run.ok) return run.text.split('\n').slice(-2).join(' ') || 'the probe failed';
      const buf = Buffer.alloc(64);
      const { bytesRead } = await fifo.read(buf, 0, 64, null);
      return buf.subarray(0, bytesRead).toString().includes('c2w-boundary-ok') ? undefined : 'the probe did not answer';
    } finally {
      await fifo.close();
    }
  } catch (e) {
    return (e as Error).message;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

let found: Promise<Boundary> | undefined;

/**
 * The boundary this machine gives the smoke boot: the first way of candidates() whose probe works,
 * found once per process. `none` says why each way failed.
 */
export function findBoundary(env: NodeJS.ProcessEnv = process.env): Promise<Boundary> {
  found ??= (async (): Promise<Boundary> => {
    if (process.platform !== 'linux')
      return { kind: 'none', reason: `namespaces need Linux (this is ${process.platform})` };
    const euid = process.geteuid?.() ?? -1;
    const ways = candidates(euid, env[FORBID_ENV]);
    const why: string[] = [];
    for (const via of ways) {
      const failed = await probe(via);
      if (failed === undefined) return { kind: 'namespaces', via };
      why.push(`${via}: ${failed}`);
    }
    if (ways.length === 0) why.push(`every way is forbidden by ${FORBID_ENV}`);
    return { kind: 'none', reason: `no namespaces could be made (${why.join('; ')})` };
  })();
  return found;
}

/** Forgets what findBoundary found (tests). */
export function forgetBoundary(): void {
  found = undefined;
}

/** One line for the log and the summary. */
export function describeBoundary(b: Boundary): string {
  if (b.kind === 'none') return `no operating-system boundary: ${b.reason}`;
  const how = { root: 'as root', sudo: 'through sudo', userns: 'in a user namespace' }[b.via];
  return `PID, mount and network namespaces made ${how}, no network, read-only binds only`;
}
