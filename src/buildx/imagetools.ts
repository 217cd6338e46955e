// Asking a registry about an image without pulling it: `docker buildx imagetools inspect`
// (https://docs.docker.com/reference/cli/docker/buildx/imagetools/inspect/), which reads the
// registry's credentials from the docker config as a build does, and answers anonymously where the
// registry serves pulls without a login (public packages). Every call has a time limit: a registry
// that does not answer ends the question, never the step.
import { run } from '../lib/exec.js';

/** A registry answers a manifest request in a second or two; a stuck one is given up on. */
export const REGISTRY_QUESTION_MS = 30_000;

export type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

const DIGEST = /^sha256:[0-9a-f]{64}$/;

async function inspect(ref: string, format: string[], passthrough: string[]): Promise<Answer<string>> {
  try {
    const result = await run('docker', ['buildx', 'imagetools', 'inspect', ...format, ref], {
      echo: false,
      timeoutMs: REGISTRY_QUESTION_MS,
      envNeeds: { registryCredentials: true, passthrough },
    });
    if (result.exitCode !== 0) {
      const said = (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? '';
      return { ok: false, reason: said.slice(0, 300) || `exit ${result.exitCode}` };
    }
    return { ok: true, value: result.stdout };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** The digest `ref` points to in its registry now (the manifest or index a build would resolve). */
export async function currentDigest(ref: string, passthrough: string[] = []): Promise<Answer<string>> {
  const answer = await inspect(ref, ['--format', '{{json .Manifest}}'], passthrough);
  if (!answer.ok) return answer;
  try {
    const digest = (JSON.parse(answer.value) as { digest?: unknown }).digest;
    if (typeof digest === 'string' && DIGEST.test(digest)) return { ok: true, value: digest };
  } catch {
    // not JSON: said below
  }
  return { ok: false, reason: `the registry's answer names no sha256 digest: ${answer.value.slice(0, 120)}` };
}

/** The manifest `ref` names, as the registry serves it (JSON, parsed; at most 64 KiB). */
export async function rawManifest(ref: string, passthrough: string[] = []): Promise<Answer<unknown>> {
  const answer = await inspect(ref, ['--raw'], passthrough);
  if (!answer.ok) return answer;
  if (answer.value.length > 64 * 1024) return { ok: false, reason: 'the manifest is larger than 64 KiB' };
  try {
    return { ok: true, value: JSON.parse(answer.value) as unknown };
  } catch {
    return { ok: false, reason: `the manifest is not JSON: ${answer.value.slice(0, 120)}` };
  }
}
