// The secrets this process holds, and their removal from what it writes where the runner does not
// mask: the runner replaces a value registered with `::add-mask::` (the Log's mask, core.setSecret in the action) only in the
// step's log, not in artifacts, the job summary file or step outputs
// (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#masking-a-value-in-a-log).
// So every such writer (the cell record, the job summary, the `error` output) passes its text
// through `redact`.
import { log } from './log.js';

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

const values = new Set<string>();
const masked = new Set<string>();

/** The forms a value takes in text: itself, each of its lines, and JSON-escaped. */
function formsOf(value: string): string[] {
  const forms = [value, ...value.split(/\r?\n/), JSON.stringify(value).slice(1, -1)];
  return forms.map((f) => f.trim()).filter((f) => f.length >= MIN_REDACTED_LENGTH);
}

/** Removes `value` from everything redacted from now on (not masked in the log: see `addSecret`). */
export function addRedaction(value: string): void {
  for (const form of formsOf(value)) values.add(form);
}

/** A secret: masked in the log by the runner (the Log's mask, core.setSecret in the action) and removed from what `redact` sees. */
export function addSecret(value: string): void {
  if (value.trim() === '' || masked.has(value)) return;
  masked.add(value);
  log.mask(value);
  addRedaction(value);
}

/** Masks and redacts the runner's own service tokens found in `env`. */
export function addRunnerSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of RUNNER_SECRETS) {
    const value = env[name];
    if (value) addSecret(value);
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
}
