import { describe, expect, it } from 'vitest';
import { classifyAllocatorFailure } from '../../../src/c2w/allocators.js';

describe('classifyAllocatorFailure', () => {
  it.each([
    [
      'Aborted(Assertion failed: region_is_in_use(region), at: system/lib/emmalloc.c,886,emmalloc_free)',
      'emmalloc',
      'emmalloc',
      'dlmalloc',
    ],
    [
      'Assertion failed: freeRegion->next, at: /emsdk/upstream/emscripten/system/lib/emmalloc.c,363',
      'default',
      'emmalloc',
      'dlmalloc',
    ],
    ['Aborted(Assertion failed: ... emmalloc.c ...)', 'emmalloc-debug', 'emmalloc-debug', 'dlmalloc'],
    ['mimalloc: error: double free detected of block 0x1234', 'mimalloc', 'mimalloc', 'emmalloc'],
    ['Assertion failed: mi_heap_is_initialized, mimalloc/src/heap.c', 'mimalloc', 'mimalloc', 'emmalloc'],
    ['Aborted(Assertion failed: dlmalloc corrupted)', 'dlmalloc', 'dlmalloc', 'emmalloc'],
  ])('%s (built with %s) blames %s and suggests %s', (line, built, blamed, next) => {
    const f = classifyAllocatorFailure(`booting\n${line}\nmore`, built);
    expect(f?.allocator).toBe(blamed);
    expect(f?.line).toBe(line);
    expect(f?.suggestion).toContain(`allocator: ${next}`);
    expect(f?.suggestion).toContain('allocator-fallback');
  });

  it.each([
    'Assertion failed: x > 0, at: hw/core/qdev.c,12',
    'Aborted(native code called abort())',
    'emmalloc is fine', // a mention alone is not a failure
    '',
  ])('ignores %j', (out) => {
    expect(classifyAllocatorFailure(out, 'emmalloc')).toBeUndefined();
  });
});
