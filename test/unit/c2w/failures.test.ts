import { describe, expect, it } from 'vitest';
import { classifyFailure, Tail } from '../../../src/c2w/failures.js';

describe('classifyFailure', () => {
  it.each([
    [
      'Aborted(Assertion failed: freeRegion->next, at: /emsdk/upstream/emscripten/system/lib/emmalloc.c,363)',
      'allocator',
    ],
    ['Assertion failed: mi_heap_is_initialized (mimalloc/src/heap.c)', 'allocator'],
    ['Assertion failed in dlmalloc: corrupted size', 'allocator'],
    ['ERROR: failed to solve: write /var/lib/docker/x: no space left on device', 'disk'],
    ['mknod /rootfs/dev/null: Operation not permitted', 'mknod'],
    ["thread 'main' panicked at 'capacity overflow', library/alloc/src/raw_vec.rs:518:5", 'image-too-large'],
    ['fork/exec /usr/bin/cc: cannot allocate memory', 'memory'],
    ['make: *** [Makefile:12] Killed', 'memory'],
    ['too many write (1025 > 1024)failed to prepare env info', 'env-too-large'],
    ['/usr/local/bin/c2w: cannot execute binary file: exec format error', 'exec-format'],
    ['"--platform" requires API version 1.48, but the Docker daemon API version is 1.45', 'old-engine'],
  ])('%s → %s', (line, kind) => {
    const hint = classifyFailure(`#12 building\n${line}\n#13 DONE`);
    expect(hint?.kind).toBe(kind);
    expect(hint?.line).toBe(line);
    expect(hint?.hint.length).toBeGreaterThan(20);
  });

  it.each([
    'Assertion failed: x > 0 (main.c:10)',
    'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    'killed the old builder',
    '',
  ])('does not classify %j', (text) => {
    expect(classifyFailure(text)).toBeUndefined();
  });

  it('names the allocator hint', () => {
    expect(classifyFailure('Assertion failed: emmalloc.c')?.hint).toMatch(/another allocator/);
  });
});

describe('Tail', () => {
  it('keeps the last characters', () => {
    const t = new Tail(10);
    for (let i = 0; i < 100; i++) t.push(`${i % 10}`);
    expect(t.toString()).toBe('0123456789');
  });
});
