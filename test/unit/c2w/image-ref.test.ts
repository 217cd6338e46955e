import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../../src/c2w/image-ref.js';

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

// The 48 vectors of distribution/reference's TestReferenceParse (reference_test.go), valid or not,
// as Docker decides them: https://github.com/distribution/reference/blob/main/reference_test.go
// One difference in the library's own test: it refuses `sha512` only because the test binary does
// not link crypto/sha512; Docker does, and accepts a sha512 digest.
const F64 = 'f'.repeat(64);
const DOCKER_VECTORS: [string, boolean][] = [
  ['test_com', true],
  ['test.com:tag', true],
  ['test.com:5000', true],
  ['test.com/repo:tag', true],
  ['test:5000/repo', true],
  ['test:5000/repo:tag', true],
  [`test:5000/repo@sha256:${F64}`, true],
  [`test:5000/repo:tag@sha256:${F64}`, true],
  ['test:5000/repo', true],
  ['', false],
  [':justtag', false],
  [`@sha256:${F64}`, false],
  [`repo@sha256:${'f'.repeat(34)}`, false],
  [`validname@invaliddigest:${F64}`, false],
  [`validname@sha512:${'f'.repeat(128)}`, true],
  ['Uppercase:tag', false],
  ['test:5000/Uppercase/lowercase:tag', false],
  ['lowercase:Uppercase', true],
  [`domain/${'a'.repeat(256)}:tag`, false],
  [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, true],
  ['aa/asdf$$^/aa', false],
  ['sub-dom1.foo.com/bar/baz/quux', true],
  ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', true],
  ['b.gcr.io/test.example.com/my-app:test.example.com', true],
  ['xn--n3h.com/myimage:xn--n3h.com', true],
  [`xn--7o8h.com/myimage:xn--7o8h.com@sha256:${F64}`, true],
  ['foo_bar.com:8080', true],
  ['foo/foo_bar.com:8080', true],
  ['192.168.1.1', true],
  ['192.168.1.1:tag', true],
  ['192.168.1.1:5000', true],
  ['192.168.1.1/repo', true],
  ['192.168.1.1:5000/repo', true],
  ['192.168.1.1:5000/repo:5050', true],
  ['[2001:db8::1]', false],
  ['[2001:db8::1]:5000', false],
  ['[2001:db8::1]:tag', false],
  ['[2001:db8::1]/repo', true],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', true],
  ['[2001:db8::1]:5000/repo', true],
  ['[2001:db8::1]:5000/repo:tag', true],
  [`[2001:db8::1]:5000/repo@sha256:${F64}`, true],
  [`[2001:db8::1]:5000/repo:tag@sha256:${F64}`, true],
  ['[2001:db8::]:5000/repo', true],
  ['[::1]:5000/repo', true],
  ['[fe80::1%eth0]:5000/repo', false],
  ['[fe80::1%@invalidzone]:5000/repo', false],
  [`example.com/${'a'.repeat(255)}:tag`, true],
];

describe("parseImageReference agrees with Docker's reference grammar", () => {
  it('has every vector of TestReferenceParse', () => expect(DOCKER_VECTORS).toHaveLength(48));
  it.each(DOCKER_VECTORS)('%s valid: %s', (ref, valid) => {
    expect(typeof parseImageReference(ref) !== 'string').toBe(valid);
  });
  it.each([
    [`validname@invaliddigest:${F64}`, /algorithm 'invaliddigest'.*sha256, sha384, sha512/],
    [`validname@sha384:${F64}`, /sha384 needs exactly 96/],
    [`domain/${'a'.repeat(256)}:tag`, /longer than 255/],
  ])('says why it refuses %s', (ref, why) => expect(parseImageReference(ref)).toMatch(why));
});
