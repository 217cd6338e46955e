// Every child process the action starts (c2w with the docker/buildx processes it runs, the smoke
// child) is spawned with `detached: true`, so it leads a process group of its own, and is tracked
// here until it exits. Ending a tracked child signals its whole group (`kill(-pid)`), which reaches
// the processes it started as well: c2w's `docker buildx build`, a guest's helpers.
//
// On a cancel the runner signals only the action's own process (SIGINT, then SIGTERM 7.5 s later:
// actions/runner ProcessInvoker's cancel path), so without this the groups would keep running
// under PID 1 after the step ended.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const live = new Set<ChildProcess>();
let refusal: string | undefined;

/** From now on `startable()` throws with this reason (a cancel is ending the step); undefined allows again. */
export function stopStarting(reason: string | undefined): void {
  refusal = reason;
}

/** Throws when no new child may start: a cancelled step must not start c2w after ending the others. */
export function startable(what: string): void {
  if (refusal !== undefined) throw new Error(`Not starting ${what}: ${refusal}.`);
}

/** Remembers `child` until it exits. It must have been spawned with `detached: true`. */
export function track(child: ChildProcess): void {
  if (child.pid === undefined) return;
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
}

/** Sends `signal` to the process group of `child` (falls back to the child alone). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * The live members of the process group `pgid`, from /proc/<pid>/stat (`pid (comm) state ppid pgrp …`,
 * proc(5)). A zombie is not live: it has ended and only waits for its new parent to reap it, which
 * can take a while when that parent is a container's init; `kill(-pgid, 0)` would still count it.
 */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return members;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') members.push(Number(entry));
  }
  return members;
}

/** Whether any process of the group led by `pid` is still running. */
export function groupAlive(pid: number): boolean {
  return groupMembers(pid).length > 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends the group of `child`: SIGTERM, then SIGKILL when any member is still there after `graceMs`.
 * The leader may exit while a member it started ignores SIGTERM, so this waits on the group, not
 * on the leader. Resolves when the group is gone (or a second after SIGKILL).
 */
export async function endGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  if (!groupAlive(pid)) return;
  signalGroup(child, 'SIGKILL');
  // SIGKILL cannot be caught, but the kernel takes a moment to tear the processes down.
  const killed = Date.now() + 1000;
  while (groupAlive(pid) && Date.now() < killed) await sleep(20);
}

/** Ends every tracked group at once; see endGroup. */
export async function endAll(graceMs: number): Promise<number> {
  const children = liveChildren();
  await Promise.all(children.map((child) => endGroup(child, graceMs)));
  return children.length;
}

/** The children that are still running. */
export function liveChildren(): ChildProcess[] {
  return [...live];
}
