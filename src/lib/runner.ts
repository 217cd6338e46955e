// The runner's folders and identity, read in one place. On an Actions runner, RUNNER_TEMP is the
// job's temporary folder (emptied after each job), RUNNER_TOOL_CACHE the tool cache, and
// RUNNER_OS/RUNNER_ARCH name the machine (docs.github.com: "Store information in variables",
// default environment variables); off a runner, the machine's own temporary folder and names.
import * as os from 'node:os';

/** The folder for a run's temporary files: RUNNER_TEMP, else the machine's temporary folder. */
export function runnerTemp(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || os.tmpdir();
}

/** The tool cache (RUNNER_TOOL_CACHE), or undefined off a runner. */
export function runnerToolCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.RUNNER_TOOL_CACHE || undefined;
}

/** The runner's OS and architecture as the runner names them (Linux, X64), else Node's names. */
export function runnerPlatform(env: NodeJS.ProcessEnv = process.env): { os: string; arch: string } {
  return { os: env.RUNNER_OS || os.platform(), arch: env.RUNNER_ARCH || os.arch() };
}
