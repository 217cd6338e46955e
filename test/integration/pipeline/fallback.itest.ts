// Smoke boot as a gate, through the bundled action: a js build whose allocator asserts at boot
// (the c2w stand-in's BROKEN_ALLOCATOR build arg picks the emmalloc double-free stand-in, as c2w
// issue #400's QEMU build asserted) is rebuilt with the next allocator-fallback entry; without a
// fallback it fails with the allocator named, and nothing is uploaded.
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { metadataOf } from '../../harness/metadata.js';

const job = (withInputs: Record<string, string>) =>
  h.job({ image: TEST_IMAGE, target: 'js', 'smoke-timeout': '60', ...withInputs });
const artifacts = () => h.runtime!.artifacts();

const h = useHarness({ runtime: true, name: 'fallback' });

describe('allocator failures at boot', () => {
  it('rebuilds with the next allocator-fallback entry and publishes what passed', async () => {
    const r = await job({
      allocator: 'emmalloc',
      'build-args': 'BROKEN_ALLOCATOR=emmalloc',
      'allocator-fallback': 'emmalloc\nmimalloc\ndlmalloc',
      'artifact-name': 'fallback-ok',
    });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs.allocator).toBe('mimalloc');
    const rejected = metadataOf(r.main.outputs).build.rejectedAllocators;
    expect(rejected.map((x) => `${x.allocator}: ${x.line}`).join('\n')).toMatch(
      /^emmalloc: .*Assertion failed.*emmalloc\.c[^\n]*$/,
    );
    expect(r.main.outputs['smoke-result']).toBe('passed');
    expect(r.main.log).toMatch(/::warning::The emmalloc build failed its smoke boot \(.*Assertion failed.*emmalloc\.c/);
    expect(r.main.summary).toMatch(
      /Allocator emmalloc was rejected: its smoke boot failed with &quot;.*Assertion failed/,
    );
    expect(r.main.summary).toContain('Allocator mimalloc passed the smoke boot after emmalloc failed.');
    // The rebuild reused the cache the first build exported (the image stages are CACHED).
    expect(r.main.log).toMatch(/--cache-from=type=local/);
    const uploaded = artifacts().filter((a) => a.name === 'fallback-ok' && a.finalized);
    expect(uploaded).toHaveLength(1);
  });

  it('fails with the allocator named when there is no fallback, and publishes nothing', async () => {
    const r = await job({
      allocator: 'emmalloc',
      'build-args': 'BROKEN_ALLOCATOR=emmalloc',
      'artifact-name': 'fallback-none',
    });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.outputs['smoke-result']).toBe('failed');
    expect(r.main.log).toMatch(
      /::error::Smoke boot failed: .*%0AThe emmalloc allocator failed when the output booted \(c2w issue #400\)/,
    );
    expect(r.main.log).toMatch(/Nothing was published/);
    expect(artifacts().filter((a) => a.name === 'fallback-none')).toHaveLength(0);
  });

  it('a wasi build is not rebuilt: the allocator does not apply to it', async () => {
    const r = await job({
      target: 'wasi',
      'smoke-command': 'trap',
      'allocator-fallback': 'dlmalloc',
      'upload-artifact': 'false',
      'smoke-timeout': '20',
    });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.outputs.allocator).toBe('emmalloc');
    expect(r.main.log).not.toMatch(/rebuilding with allocator/);
  });
});
