import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchAllocator } from '../../../src/c2w/dockerfile.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/dockerfiles/${name}`, import.meta.url), 'utf8');
const values = (text: string) => [...text.matchAll(/-s ?MALLOC=["']?([\w-]*)/g)].map((m) => m[1]);

describe('patchAllocator', () => {
  it.each([
    ['c2w-v0.8.4-shape.Dockerfile', 'dlmalloc', 5, 5],
    ['c2w-v0.8.4-shape.Dockerfile', 'mimalloc', 5, 5],
    ['c2w-v0.8.4-shape.Dockerfile', 'emmalloc', 5, 0],
    ['c2w-v0.8.0-shape.Dockerfile', 'emmalloc', 5, 5],
    ['c2w-v0.8.0-shape.Dockerfile', 'mimalloc', 5, 0],
    ['c2w-v0.8.0-shape.Dockerfile', 'emmalloc-memvalidate-verbose', 5, 5],
  ] as const)('%s → %s: %i found, %i changed', (file, allocator, found, changed) => {
    const source = fixture(file);
    const result = patchAllocator(source, allocator);
    expect(result.found).toBe(found);
    expect(result.changed).toBe(changed);
    expect(values(result.text)).toEqual(Array(found).fill(allocator));
    // Only the allocator values change: everything else is byte for byte the same.
    expect(result.text.replace(/MALLOC=[\w-]+/g, 'MALLOC=X')).toBe(source.replace(/MALLOC=[\w-]+/g, 'MALLOC=X'));
  });

  it('keeps the rest of an EXTRA_CFLAGS line intact', () => {
    const line = 'RUN EXTRA_CFLAGS="-O3 -sWASM_BIGINT -sMALLOC=mimalloc -sEXPORT_ES6=1" ; make';
    expect(patchAllocator(line, 'emmalloc').text).toBe(
      'RUN EXTRA_CFLAGS="-O3 -sWASM_BIGINT -sMALLOC=emmalloc -sEXPORT_ES6=1" ; make',
    );
  });

  it.each([
    ['ENV CFLAGS="-s MALLOC=mimalloc -O2"', 'ENV CFLAGS="-s MALLOC=dlmalloc -O2"'],
    ['ENV CFLAGS=\'-sMALLOC="mimalloc"\'', 'ENV CFLAGS=\'-sMALLOC="dlmalloc"\''],
    ['-sMALLOC=emmalloc-debug -sMALLOC=none', '-sMALLOC=dlmalloc -sMALLOC=dlmalloc'],
    ['# -sMALLOC= picks the allocator', '# -sMALLOC= picks the allocator'],
  ])('handles %j', (input, output) => {
    expect(patchAllocator(input, 'dlmalloc').text).toBe(output);
  });

  it('does not touch look-alikes', () => {
    const text = 'ENV X="-sMALLOCX=1 -sNO_MALLOC=1 MALLOC=foo"';
    expect(patchAllocator(text, 'dlmalloc')).toEqual({ text, found: 0, changed: 0 });
  });

  it('leaves the Dockerfile untouched for default, but counts', () => {
    const source = fixture('c2w-v0.8.0-shape.Dockerfile');
    expect(patchAllocator(source, 'default')).toEqual({ text: source, found: 5, changed: 0 });
  });

  it('finds nothing in a Dockerfile without -sMALLOC', () => {
    expect(patchAllocator(fixture('no-malloc.Dockerfile'), 'emmalloc').found).toBe(0);
  });
});
