// The toolchain cache is published only after a passing smoke boot: every conversion of the
// combination reads it, so layers no boot tried are never made readable, whatever calls publish.
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInputs } from '../../../src/config/inputs.js';
import { setRunner } from '../../../src/lib/exec.js';
import { Sink } from '../../../src/pipeline/sink.js';
import { ToolchainCache, type ToolchainPlan } from '../../../src/pipeline/toolchain-cache.js';

class Recording extends Sink {
  readonly warnings: string[] = [];
  section<T>(_title: string, work: () => Promise<T>): Promise<T> {
    return work();
  }
  step(): void {}
  info(): void {}
  warn(text: string): void {
    this.warnings.push(text);
  }
  note(): void {}
  boot(): never {
    throw new Error('no boot here');
  }
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('ToolchainCache.publish', () => {
  it('publishes nothing for a build no smoke boot passed, and says so', async () => {
    const spawned: string[] = [];
    restore = setRunner(async (file, args) => {
      spawned.push([file, ...args].join(' '));
      return { exitCode: 0, stdout: '', stderr: '' };
    });
    const values: Record<string, string> = {
      image: 'busybox:1',
      'toolchain-cache': 'registry.test/org/c2w-toolchain',
      'toolchain-cache-push': 'true',
    };
    const inputs = parseInputs((name) => values[name] ?? '');
    const sink = new Recording();
    const cache = new ToolchainCache(inputs, undefined, true, sink, {});
    const plan: ToolchainPlan = {
      ref: 'registry.test/org/c2w-toolchain:wasi-amd64',
      flags: [],
      reading: false,
      publishing: true,
      pins: new Map(),
      result: 'published',
    };
    // The build finished its export (cache/build-reading.ts): only the missing boot stops it.
    await cache.publish(plan, { exported: true }, mkdtempSync(path.join(os.tmpdir(), 'c2w-tc-')), false);
    expect(spawned).toEqual([]);
    expect(cache.outcome.result).toBe('publish-failed');
    expect(sink.warnings).toEqual([
      'Could not publish the toolchain cache registry.test/org/c2w-toolchain:wasi-amd64: no smoke boot passed, and only a build that booted is published. The conversion succeeded; readers keep what was there before.',
    ]);
  });
});
