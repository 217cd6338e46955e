// The harness of one test file: started before its tests and stopped after them, so the files do
// not each repeat the same beforeAll/afterAll pair.
import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/**
 * Registers the file's harness hooks and returns the harness. It is usable in tests and in hooks
 * registered after this call (vitest runs beforeAll hooks in order); before that it throws.
 */
export function useHarness(options: Parameters<typeof startHarness>[0] = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as Harness, {
    get(_target, property) {
      if (!started) throw new Error('The harness starts in beforeAll: use it in a test or a later hook.');
      return Reflect.get(started, property);
    },
  });
}
