import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseImages, expand, instructions } from '../../../src/c2w/base-images.js';

describe('baseImages: the external images a Dockerfile builds from', () => {
  it.each([
    ['one FROM', 'FROM ubuntu:22.04\nRUN true\n', [], ['ubuntu:22.04']],
    [
      'stage names and scratch are not images',
      'FROM ubuntu:22.04 AS a\nFROM a AS b\nFROM scratch\nCOPY --from=b /x /x\n',
      [],
      ['ubuntu:22.04'],
    ],
    ['a stage name in another case', 'FROM golang:1.26-bookworm AS Go\nFROM go\n', [], ['golang:1.26-bookworm']],
    [
      '--platform is skipped',
      'FROM --platform=$BUILDPLATFORM rust:1.74.1-bullseye AS r\n',
      [],
      ['rust:1.74.1-bullseye'],
    ],
    [
      'COPY --from an image',
      'FROM ubuntu:22.04\nCOPY --from=tonistiigi/binfmt:qemu-v6.1.0 /usr/bin/ /b/\n',
      [],
      ['ubuntu:22.04', 'tonistiigi/binfmt:qemu-v6.1.0'],
    ],
    [
      'COPY --from a stage index',
      'FROM ubuntu:22.04\nFROM gcc:14\nCOPY --from=0 /a /a\n',
      [],
      ['ubuntu:22.04', 'gcc:14'],
    ],
    [
      'RUN --mount from an image',
      'FROM ubuntu:22.04\nRUN --mount=type=bind,from=emscripten/emsdk:3.1.40,target=/e true\n',
      [],
      ['ubuntu:22.04', 'emscripten/emsdk:3.1.40'],
    ],
    ['a global ARG default', 'ARG BASE=ubuntu:22.04\nFROM ${BASE}\n', [], ['ubuntu:22.04']],
    [
      'a build arg overrides the default',
      'ARG BASE=ubuntu:22.04\nFROM $BASE\n',
      [{ key: 'BASE', value: 'debian:12' }],
      ['debian:12'],
    ],
    ['an ARG with no value leaves the FROM out', 'ARG BASE\nFROM ${BASE}\nFROM gcc:14\n', [], ['gcc:14']],
    ['${X:-default}', 'FROM ${NOPE:-alpine:3.20}\n', [], ['alpine:3.20']],
    ['a digest is pinned already', 'FROM ubuntu@sha256:' + 'a'.repeat(64) + '\n', [], []],
    [
      'each image once, in order',
      'FROM ubuntu:22.04 AS a\nFROM ubuntu:22.04 AS b\nFROM gcc:14\n',
      [],
      ['ubuntu:22.04', 'gcc:14'],
    ],
    ['continuation lines', 'FROM \\\n  ubuntu:22.04 \\\n  AS a\nFROM a\n', [], ['ubuntu:22.04']],
    ['comments', '# FROM evil:1\nFROM ubuntu:22.04\n', [], ['ubuntu:22.04']],
    [
      'a heredoc body is not an instruction',
      "FROM ubuntu:22.04\nCOPY <<'EOF' /x\nFROM evil:1\nEOF\nFROM gcc:14\n",
      [],
      ['ubuntu:22.04', 'gcc:14'],
    ],
    [
      'an ARG after the first FROM is not global',
      'FROM ubuntu:22.04\nARG BASE=evil:1\nFROM ${BASE}\n',
      [],
      ['ubuntu:22.04'],
    ],
    ['lower-case keywords', 'from ubuntu:22.04 as a\n', [], ['ubuntu:22.04']],
  ])('%s', (_name, text, args, images) => {
    expect(baseImages(text, args)).toEqual(images);
  });

  it("reads the c2w stand-in's Dockerfile: its one base image", () => {
    const text = readFileSync(new URL('../../fixtures/c2w-standin/Dockerfile', import.meta.url), 'utf8');
    expect(baseImages(text)).toEqual(['c2w-test/busybox:1']);
    expect(baseImages(text, [{ key: 'BASE_IMAGE', value: 'registry.test/c2w/base:1' }])).toEqual([
      'registry.test/c2w/base:1',
    ]);
  });
});

describe('expand and instructions', () => {
  it.each([
    ['$A-${B}', { A: '1', B: '2' }, '1-2'],
    ['${A:+set}', { A: '1' }, 'set'],
    ['${A:+set}', {}, ''],
    ['${A}', {}, undefined],
  ])('expand(%j, %j) is %j', (text, vars, result) => {
    expect(expand(text, new Map(Object.entries(vars)))).toBe(result);
  });

  it('joins continuations and skips heredoc bodies', () => {
    expect(instructions('RUN a \\\n b\nRUN <<EOT\nFROM x\nEOT\nFROM y\n')).toEqual([
      'RUN a   b',
      'RUN <<EOT',
      'FROM y',
    ]);
  });
});
