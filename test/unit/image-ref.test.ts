import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/image-ref.js';

const D = 'a'.repeat(64);

describe('parseImageReference', () => {
  it.each([
    ['alpine', { path: 'alpine' }],
    ['alpine:3.20', { path: 'alpine', tag: '3.20' }],
    ['library/alpine:latest', { path: 'library/alpine', tag: 'latest' }],
    ['ghcr.io/org/app:1.2', { domain: 'ghcr.io', path: 'org/app', tag: '1.2' }],
    [`name@sha256:${D}`, { path: 'name', digest: `sha256:${D}` }],
    [`alpine:3.20@sha256:${D}`, { path: 'alpine', tag: '3.20', digest: `sha256:${D}` }],
    ['localhost:5000/x', { domain: 'localhost:5000', path: 'x' }],
    ['localhost/x:1', { domain: 'localhost', path: 'x', tag: '1' }],
    ['127.0.0.1:5000/a/b', { domain: '127.0.0.1:5000', path: 'a/b' }],
    ['[::1]:5000/x', { domain: '[::1]:5000', path: 'x' }],
    ['Registry.Example.COM/app', { domain: 'Registry.Example.COM', path: 'app' }],
    ['my_org/my-app__x.y:v1_2-3', { path: 'my_org/my-app__x.y', tag: 'v1_2-3' }],
    ['arm64v8/alpine:3.20', { path: 'arm64v8/alpine', tag: '3.20' }],
    ['c2w-test/busybox:1', { path: 'c2w-test/busybox', tag: '1' }],
  ])('accepts %s', (ref, parsed) => {
    expect(parseImageReference(ref)).toEqual(parsed);
  });

  it.each([
    ['', /empty/],
    ['a b', /white space/],
    ['UPPER', /upper-case/],
    ['org/App', /upper-case/],
    ['a__-b', /not a valid/],
    ['a___b', /not a valid/],
    ['a:', /not a valid/],
    ['a@sha256:', /not a valid/],
    [`a@sha256:${'g'.repeat(64)}`, /not a valid/],
    [`a@sha512:${'a'.repeat(64)}`, /sha512/],
    ['a/b/', /not a valid/],
    ['host:port/x', /not a valid/],
  ])('rejects %j', (ref, why) => {
    const r = parseImageReference(ref);
    expect(typeof r).toBe('string');
    expect(r).toMatch(why);
  });
});
