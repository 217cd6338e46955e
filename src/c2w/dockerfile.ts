// Stage: the Dockerfile c2w builds with. Takes c2w's own (`c2w --show-dockerfile`) or the
// user's, sets every emscripten `-sMALLOC=` to the chosen allocator, and writes it to RUNNER_TEMP.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import { run } from '../lib/exec.js';
import { sha256Text } from '../lib/hash.js';
import type { Allocator, Inputs } from '../types/inputs.js';

// `-sMALLOC=value` and `-s MALLOC=value`, the value optionally quoted. A value is required, so
// prose such as "# -sMALLOC= picks the allocator" is not a setting.
const MALLOC = /(-s ?MALLOC=)(["']?)([A-Za-z0-9_-]+)\2/g;

export interface PatchResult {
  text: string;
  /** How many `-sMALLOC=` settings the Dockerfile has. */
  found: number;
  /** How many of them had another value and were rewritten. */
  changed: number;
}

/** Sets every `-sMALLOC=` value to `allocator`. Pure. */
export function patchAllocator(dockerfile: string, allocator: Allocator): PatchResult {
  let found = 0;
  let changed = 0;
  if (allocator === 'default') {
    for (const _ of dockerfile.matchAll(MALLOC)) found++;
    return { text: dockerfile, found, changed };
  }
  const text = dockerfile.replace(MALLOC, (_m, flag: string, quote: string, value: string) => {
    found++;
    if (value !== allocator) changed++;
    return `${flag}${quote}${allocator}${quote}`;
  });
  return { text, found, changed };
}

export interface PreparedDockerfile {
  path: string;
  /** sha256 of the Dockerfile actually used (after the patch). */
  sha256: string;
  /** sha256 of the Dockerfile before the patch. */
  sourceSha256: string;
  found: number;
  changed: number;
}

export class DockerfileError extends Error {
  override name = 'DockerfileError';
}

/** Reads the Dockerfile, applies the allocator and writes the result under `tempDir`. */
export async function prepareDockerfile(inputs: Inputs, c2w: string, tempDir: string): Promise<PreparedDockerfile> {
  let source: string;
  let origin: string;
  if (inputs.dockerfile !== undefined) {
    origin = inputs.dockerfile;
    try {
      source = await readFile(inputs.dockerfile, 'utf8');
    } catch (e) {
      throw new DockerfileError(`Input 'dockerfile': cannot read '${inputs.dockerfile}': ${(e as Error).message}`);
    }
  } else {
    origin = 'c2w --show-dockerfile';
    // It prints an embedded file: a minute is far more than it takes.
    const shown = await run(c2w, ['--show-dockerfile'], { echo: false, timeoutMs: 60_000 });
    if (shown.exitCode !== 0 || shown.stdout.trim() === '') {
      throw new DockerfileError(`'c2w --show-dockerfile' failed (exit ${shown.exitCode}): ${shown.stderr.trim()}`);
    }
    source = shown.stdout;
  }

  const patch = patchAllocator(source, inputs.allocator);
  if (inputs.allocator !== 'default' && patch.found === 0) {
    throw new DockerfileError(
      `The Dockerfile (${origin}) has no -sMALLOC= setting, so allocator '${inputs.allocator}' cannot be applied. ` +
        'Use allocator: default, or a Dockerfile whose emscripten flags set -sMALLOC=.',
    );
  }
  if (inputs.allocator === 'default') {
    log.info(`Allocator: default, Dockerfile left as it is (${patch.found} -sMALLOC= setting(s)).`);
  } else {
    log.info(
      `Allocator: set ${patch.found} -sMALLOC= setting(s) to ${inputs.allocator} (${patch.changed} changed, ${patch.found - patch.changed} already ${inputs.allocator}).`,
    );
  }
  if (inputs.target === 'wasi' && inputs.allocator !== 'default') {
    log.notice(
      `allocator '${inputs.allocator}' only affects target: js builds; WASI outputs are built with wasi-sdk and use wasi-libc's allocator.`,
    );
  }

  await mkdir(tempDir, { recursive: true });
  const file = path.join(tempDir, 'Dockerfile');
  await writeFile(file, patch.text);
  return {
    path: file,
    sha256: sha256Text(patch.text),
    sourceSha256: sha256Text(source),
    found: patch.found,
    changed: patch.changed,
  };
}
