// Every child process the action starts (c2w with the docker/buildx processes it runs, the smoke
// child) is spawned with `detached: true`, so it leads a process group of its own, and is tracked
// here until it exits. Ending a tracked child signals its whole group (`kill(-pid)`), which reaches
// the processes it started as well: c2w's `docker buildx build`, a guest's helpers.
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

/** Remembers `child` until it exits. It must have been spawned with `detached: true`. */
export function track(child: ChildProcess): void {
  if (child.pid === undefined) return;
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
}

/** Sends `signal` to the process group of `child` (falls back to the child alone). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** The children that are still running. */
export function liveChildren(): ChildProcess[] {
  return [...live];
}
