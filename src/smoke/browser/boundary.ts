// The operating-system boundary around the browser boot's Chromium: new network, mount and PID
// namespaces (unshare(1)), in which
//
// - the network is a loopback of its own: the only thing listening on it is a forwarder that relays
//   each connection through a Unix socket to the site server outside (relay.ts), so the page reaches
//   the site and nothing else (no other loopback port, no host, no DNS);
// - the file system is a new root (pivot_root(8)) holding only the system folders (/usr, /etc, /opt,
//   read-only), /dev, /sys (read-only), a /proc of the new PID namespace, an empty /tmp and the
//   boot's scratch folder (profile and socket): no home, workspace, runner folder or runner temp, and
//   folders of those found inside /opt or /etc are covered by empty ones;
// - no process of the action or the runner is visible, so none can be signalled, traced or read
//   through /proc;
// - Chromium runs without capabilities and with no_new_privs (setpriv(1)): as uid 65534 when the
//   action runs as root, else as the action's own user, whose files it cannot see.
//
// Namespaces are made by one of (the first whose probe works):
// - `root`: the action runs as root and unshares them itself;
// - `sudo`: a non-root user with passwordless `sudo -n`, as GitHub's hosted Ubuntu runners have
//   (whose AppArmor denies capabilities in unprivileged user namespaces: Ubuntu 24.04's
//   kernel.apparmor_restrict_unprivileged_userns);
// - `userns`: an unprivileged user namespace (Debian allows them), mapping the user to root inside
//   for the set-up, then to itself again (a nested user namespace) for Chromium.
// The probe runs the whole set-up with `true` in place of the browser, so what it reports is what
// the boot gets. sudo closes every descriptor above 2 (sudoers(5) closefrom), so the DevTools pipe
// travels on the wrapper's stdin and stdout and becomes Chromium's fds 3 and 4 inside.
import { spawn } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { endGroup, startable, track } from '../../lib/processes.js';

export type SandboxMode = 'auto' | 'required';
export type BoundaryVia = 'root' | 'sudo' | 'userns';

/** The boundary found: namespaces made one of three ways, or none; `reason` says in words what it holds or why none. */
export type Boundary = { kind: 'namespaces'; via: BoundaryVia; reason: string } | { kind: 'none'; reason: string };

/**
 * What the boot reports: the boundary, and its words again as `text` (the Node boot's report names
 * them so; a report is read the same whichever runtime booted).
 */
export type SandboxReport = Boundary & { text: string };

/** The report of `boundary`. Pure. */
export const reportOf = (boundary: Boundary): SandboxReport => ({ ...boundary, text: boundary.reason });

/**
 * Test seam: a comma-separated list of the ways (`root`, `sudo`, `userns`) not to try, read from the
 * action's environment (the Node boot reads the same variable): `root,sudo,userns` shows what a
 * runner without any does.
 */
export const FORBID_ENV = 'C2W_SMOKE_SANDBOX_FORBID';

/** The ways to try for a user, less those FORBID_ENV names. Pure. */
export function allowedWays(uid: number, env: NodeJS.ProcessEnv): BoundaryVia[] {
  const forbidden = new Set((env[FORBID_ENV] ?? '').split(',').map((w) => w.trim()));
  return candidates(uid).filter((w) => !forbidden.has(w));
}

/** The uid and gid Chromium runs as inside: nobody when the action is root, else the action's own. */
export function dropIds(uid: number, gid: number): { uid: number; gid: number } {
  return uid === 0 ? { uid: 65534, gid: 65534 } : { uid, gid };
}

/**
 * Whether the scratch folder must be handed to the uid Chromium runs as: only when root drops to
 * nobody. In a user namespace the user inside is the action's own user again (the nested map).
 */
export function ownedByDrop(uid: number, via: BoundaryVia): boolean {
  return uid === 0 && via !== 'userns';
}

/** The system folders the new root holds, bound read-only when they are folders, copied as links when links. */
export const SYSTEM_DIRS = [
  '/usr',
  '/etc',
  '/opt',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  // fontconfig's system cache: without it every start rescans the fonts (seconds).
  '/var/cache/fontconfig',
];

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);
const inSystem = (path: string): boolean => SYSTEM_DIRS.some((d) => under(path, d));

/**
 * The set-up inside the namespaces, run by `sh -c` as (namespace) root. Arguments: the scratch
 * folder, the drop (`setpriv` or `userns`), uid, gid, the folders to cover (one a line), the files
 * and folders to bind read-only at their own path (one a line), then the command.
 */
export const SETUP_SCRIPT = `set -eu
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
S=$1 DROP=$2 U=$3 G=$4 HIDE=$5 BIND=$6
shift 6
ip link set lo up
R="$S/.root"
mkdir "$R"
mount -t tmpfs -o mode=0755 c2w-root "$R"
for d in ${SYSTEM_DIRS.join(' ')}; do
  if [ -L "$d" ]; then ln -s "$(readlink "$d")" "$R$d"
  elif [ -d "$d" ]; then mkdir -p "$R$d"; mount --rbind "$d" "$R$d"; mount -o remount,bind,ro "$R$d"
  fi
done
mkdir -p "$R/dev" "$R/proc" "$R/sys" "$R/tmp" "$R$S"
chmod 1777 "$R/tmp"
mount --rbind /dev "$R/dev"
mount -t tmpfs -o mode=1777 c2w-shm "$R/dev/shm"
mount --rbind /sys "$R/sys"
mount -o remount,bind,ro "$R/sys"
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount --bind "$S" "$R$S"
IFS='
'
for p in $BIND; do
  if [ -d "$p" ]; then mkdir -p "$R$p"; else mkdir -p "$R$(dirname "$p")"; : > "$R$p"; fi
  mount --bind "$p" "$R$p"
  mount -o remount,bind,ro "$R$p"
done
for p in $HIDE; do
  if [ -d "$R$p" ]; then mount -t tmpfs -o mode=0755,size=64k c2w-hidden "$R$p"; fi
done
unset IFS
cd "$R"
mkdir .old
pivot_root . .old
cd /
umount -l /.old
rmdir /.old
case "$DROP" in
  setpriv) exec setpriv --reuid="$U" --regid="$G" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@" ;;
  userns) exec unshare --user --map-user="$U" --map-group="$G" -- setpriv --no-new-privs -- "$@" ;;
esac
echo "c2w boundary: unknown drop $DROP" >&2
exit 70
`;

export interface WrapOptions {
  via: BoundaryVia;
  /** The scratch folder: Chromium's profile and the site's socket; the only folder of the host it sees. */
  scratch: string;
  uid: number;
  gid: number;
  /** Folders of the action to cover when they lie inside the system folders the new root holds. */
  hide: string[];
  /** Files and folders outside the system folders that must be there (the Node binary, the browser's folder). */
  bind: string[];
  /** The variables of the command inside, in full. */
  env: Record<string, string>;
  command: string[];
}

/** The argv that runs `command` inside the boundary. Pure. */
export function wrapArgv(o: WrapOptions): string[] {
  const unshare = [
    'unshare',
    ...(o.via === 'userns' ? ['--user', '--map-root-user'] : []),
    '--net',
    '--mount',
    '--propagation',
    'private',
    '--pid',
    '--fork',
    '--kill-child',
    '--',
  ];
  const env = ['env', '-i', ...Object.entries(o.env).map(([k, v]) => `${k}=${v}`)];
  const setup = [
    'sh',
    '-c',
    SETUP_SCRIPT,
    'c2w-boundary',
    o.scratch,
    o.via === 'userns' ? 'userns' : 'setpriv',
    String(o.uid),
    String(o.gid),
    o.hide.filter(inSystem).join('\n'),
    o.bind.filter((p) => !inSystem(p)).join('\n'),
  ];
  return [...(o.via === 'sudo' ? ['sudo', '-n', '--'] : []), ...unshare, ...env, ...setup, ...o.command];
}

/**
 * The folders of the action the new root must not show: home, workspace, runner temp and the
 * runner's own folder (the parent of its `_work`, where it keeps its credentials). Only those inside
 * the system folders matter (the rest are not in the new root at all). Pure.
 */
export function hiddenFolders(env: NodeJS.ProcessEnv): string[] {
  const found = new Set<string>();
  const add = (p: string | undefined): void => {
    if (p && p.startsWith('/') && resolve(p) !== '/') found.add(resolve(p));
  };
  add(env.HOME);
  add(env.GITHUB_WORKSPACE);
  add(env.RUNNER_TEMP);
  if (env.RUNNER_WORKSPACE) {
    const work = dirname(resolve(env.RUNNER_WORKSPACE));
    add(work);
    // The runner's folder holds `_work`; never a system folder itself (e.g. /opt).
    const runner = dirname(work);
    if (!SYSTEM_DIRS.includes(runner) && runner !== '/') add(runner);
  }
  return [...found].filter(inSystem).sort();
}

/** Runs `argv` with a bound; resolves with its exit code and the end of its stderr. */
function runProbe(argv: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    let stderr = '';
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    track(child);
    const timer = setTimeout(() => {
      stderr += `\n(no answer within ${timeoutMs / 1000} s)`;
      void endGroup(child, 500);
    }, timeoutMs);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
    child.once('error', (e) => {
      clearTimeout(timer);
      done({ code: null, stderr: e.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

const VIA_WORDS: Record<BoundaryVia, string> = {
  root: 'as root',
  sudo: 'through sudo -n',
  userns: 'in an unprivileged user namespace',
};

/** The report of a working boundary, in words. */
export function namespacesReason(via: BoundaryVia, uid: number): string {
  const who = via === 'userns' || uid !== 65534 ? "the action's own user" : 'uid 65534 (nobody)';
  return (
    `network, mount and PID namespaces (${VIA_WORDS[via]}): the page reaches only the site it is served; ` +
    `Chromium runs as ${who} without capabilities, in a root of the system folders and its scratch folder ` +
    `(no home, workspace or runner folders), and sees no process of the action or the runner`
  );
}

/** Which ways to try, in order, for a user. Pure. */
export function candidates(uid: number): BoundaryVia[] {
  return uid === 0 ? ['root', 'userns'] : ['sudo', 'userns'];
}

/** Tries each way with the whole set-up and `true` as the browser; the first that works is the boundary. */
export async function detectBoundary(
  env: NodeJS.ProcessEnv = process.env,
  uid = process.getuid?.() ?? -1,
  gid = process.getgid?.() ?? -1,
  ways: readonly BoundaryVia[] = allowedWays(uid, env),
): Promise<Boundary> {
  if (process.platform !== 'linux' || uid < 0) {
    return { kind: 'none', reason: `no namespaces on ${process.platform}` };
  }
  if (ways.length === 0) return { kind: 'none', reason: `no way to make namespaces is allowed (${FORBID_ENV})` };
  startable('the browser boundary probe');
  const ids = dropIds(uid, gid);
  const failures: string[] = [];
  for (const via of ways) {
    const scratch = await mkdtemp(join(tmpdir(), 'c2w-boundary-'));
    try {
      if (ownedByDrop(uid, via)) await chown(scratch, ids.uid, ids.gid);
      const argv = wrapArgv({
        via,
        scratch,
        ...ids,
        hide: hiddenFolders(env),
        bind: [],
        env: { PATH: '/usr/bin:/bin' },
        command: ['true'],
      });
      const r = await runProbe(argv, 15_000);
      if (r.code === 0) return { kind: 'namespaces', via, reason: namespacesReason(via, ids.uid) };
      const why = r.stderr.trim().split('\n').filter(Boolean).slice(-2).join(' ') || `exit code ${r.code}`;
      failures.push(`${VIA_WORDS[via]}: ${why}`);
    } finally {
      await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    }
  }
  return { kind: 'none', reason: `no namespaces could be made (${failures.join('; ')})` };
}

let detected: Promise<Boundary> | undefined;

/** detectBoundary once per process: the answer does not change between boots. */
export function boundaryOnce(): Promise<Boundary> {
  // A probe that threw (a cancel, no temporary folder) is asked again next time.
  detected ??= detectBoundary().catch((e: unknown) => {
    detected = undefined;
    throw e;
  });
  return detected;
}
