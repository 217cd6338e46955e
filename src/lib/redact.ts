// The secrets this process holds, and their removal from what it writes where the runner does not
// mask: the runner replaces a value registered with `::add-mask::` (core.setSecret) only in the
// step's log, not in artifacts, the job summary file or step outputs
// (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#masking-a-value-in-a-log).
// So every such writer (the cell record, the job summary, the `error` output) passes its text
// through `redact`.
import * as core from '@actions/core';

/** What stands in for a removed value (the runner's own mask is `***` as well). */
export const REDACTED = '***';

/**
 * Values shorter than this are not searched for: a build-arg `DEBUG=1` or `MODE=on` would otherwise
 * turn every `1` or `on` of a message into `***`, and a value that short protects nothing.
 */
export const MIN_REDACTED_LENGTH = 4;

/**
 * Variables the runner gives the action that grant access to the job's services: the token of the
 * cache/artifact services, and the one that requests OIDC tokens. The runner does not mask them.
 */
const RUNNER_SECRETS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

/**
 * The variables the runner gives an action's process that hold a secret of this action: the
 * runner's service tokens, and the `github-token` input (the runner passes input `x-y` as `INPUT_X-Y`,
 * actions/toolkit packages/core/src/core.ts getInput). `GITHUB_TOKEN` is where the command reads its
 * token, and where a workflow's `env:` often puts one.
 */
const PROCESS_SECRETS = [...RUNNER_SECRETS, 'INPUT_GITHUB-TOKEN', 'GITHUB_TOKEN'];

/** Inputs that are URLs whose user info may carry a password (`https://user:password@host/…`). */
const URL_INPUTS = ['INPUT_C2W-DOWNLOAD-URL'];

const values = new Set<string>();
const masked = new Set<string>();
/** Whether a secret is announced to the runner (`::add-mask::`): not by the command, whose stdout a person reads. */
let maskInLog = true;

/** The forms a value takes in text: itself, each of its lines, and JSON-escaped. */
function formsOf(value: string): string[] {
  const forms = [value, ...value.split(/\r?\n/), JSON.stringify(value).slice(1, -1)];
  return forms.map((f) => f.trim()).filter((f) => f.length >= MIN_REDACTED_LENGTH);
}

/** Removes `value` from everything redacted from now on (not masked in the log: see `addSecret`). */
export function addRedaction(value: string): void {
  for (const form of formsOf(value)) values.add(form);
}

/** A secret: masked in the log by the runner (core.setSecret) and removed from what `redact` sees. */
export function addSecret(value: string): void {
  if (value.trim() === '' || masked.has(value)) return;
  masked.add(value);
  if (maskInLog) core.setSecret(value);
  addRedaction(value);
}

/** Masks and redacts the runner's own service tokens found in `env`. */
export function addRunnerSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of RUNNER_SECRETS) {
    const value = env[name];
    if (value) addSecret(value);
  }
}

/**
 * The first thing every entry point does (the action's main and post steps, the report action, the
 * command), before anything can log: masks every secret the process was started with (the runner's
 * service tokens, the token input, `GITHUB_TOKEN`, a password in a URL input) and has it removed
 * from what it writes. A library's own `::debug::` line (e.g. @actions/artifact logging the body of
 * a failed call) then cannot show one. `runner: false` (the command) only removes them from what the
 * process prints: `::add-mask::` would show the value itself at a terminal.
 */
export function protectSecrets(options: { runner: boolean; env?: NodeJS.ProcessEnv }): void {
  const env = options.env ?? process.env;
  maskInLog = options.runner;
  for (const name of PROCESS_SECRETS) {
    const value = env[name];
    if (value) addSecret(value);
  }
  for (const name of URL_INPUTS) {
    const password = urlPasswordOf(env[name] ?? '');
    if (password === undefined) continue;
    addSecret(password);
    try {
      addSecret(decodeURIComponent(password));
    } catch {
      // not percent-encoding: the password as written is all there is
    }
  }
}

/** The password part of a URL's user info, as written; undefined when there is none or it is no URL. */
export function urlPasswordOf(url: string): string | undefined {
  try {
    return new URL(url).password || undefined;
  } catch {
    return undefined;
  }
}

/** `text` with every registered value replaced by `***`, longest first (a secret may contain another). */
export function redact(text: string): string {
  if (values.size === 0 || text === '') return text;
  let out = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
  return out;
}

/**
 * `url` as it may be shown: a password in it (`https://user:password@host/…`) becomes `***`. By
 * pattern, not by URL parsing, so that a URL too broken to parse is not shown whole either; the
 * authority ends at the first `/`, `?` or `#`, and its user info at its last `@` (RFC 3986 §3.2).
 */
export function urlForDisplay(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)[^/?#]*@/i, `$1${REDACTED}@`);
}

/** Forgets every registered value (for tests). */
export function clearRedactions(): void {
  values.clear();
  masked.clear();
  maskInLog = true;
}
