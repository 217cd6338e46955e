// Helpers the tests share: typed inputs for calling a stage directly, and a capture of what the
// action's code writes to the log (@actions/core writes workflow commands and lines to stdout).
import { vi } from 'vitest';
import { actionLog } from '../src/action/log.js';
import { setLog } from '../src/lib/log.js';
import { parseInputs } from '../src/config/inputs.js';
import type { Inputs } from '../src/types/inputs.js';

/** Every input at the default parseInputs gives it (image alpine:3.20), then `over`. */
export function testInputs(over: Partial<Inputs> = {}): Inputs {
  return { ...parseInputs((name) => (name === 'image' ? 'alpine:3.20' : '')), ...over };
}

/**
 * Captures what is written to the given streams (default stdout) until vi.restoreAllMocks(), and
 * returns the growing list of chunks; `take()` returns the text so far and empties it. The stages
 * write the action's log from then on (as the action's entry has them do), for the rest of the file.
 */
export function captureOutput(streams: NodeJS.WriteStream[] = [process.stdout]): {
  chunks: string[];
  take(): string;
} {
  setLog(actionLog);
  const chunks: string[] = [];
  for (const stream of streams) {
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    }) as typeof stream.write);
  }
  return {
    chunks,
    take: () => chunks.splice(0, chunks.length).join(''),
  };
}
