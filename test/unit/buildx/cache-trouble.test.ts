import { describe, expect, it } from 'vitest';
import { CacheLogReader, describeTrouble, type CacheTrouble } from '../../../src/buildx/cache-trouble.js';

// Lines as BuildKit 0.2x (docker 28, docker driver) prints them with --progress=plain.
const REF = '127.0.0.1:5000/c2w/cache:t';
const importHeader = `#4 importing cache manifest from ${REF}`;
const exportHeader = '#9 exporting cache to registry';

function read(lines: string[], chunkSize = 7): CacheTrouble[] {
  const reader = new CacheLogReader();
  const text = lines.join('\n');
  // Chunks that split lines anywhere, as a pipe delivers them.
  for (let i = 0; i < text.length; i += chunkSize) reader.push(text.slice(i, i + chunkSize));
  return reader.end();
}

describe('CacheLogReader', () => {
  it.each([
    {
      name: 'a clean import and export',
      lines: [importHeader, '#4 DONE 0.1s', exportHeader, '#9 writing layer sha256:aa 0.1s done', '#9 DONE 0.4s'],
      expected: [],
    },
    {
      name: 'a wrong password on both',
      lines: [
        importHeader,
        `#4 ERROR: failed to configure registry cache importer: unexpected status from HEAD request to http://127.0.0.1:5000/v2/c2w/cache/manifests/t: 401 Unauthorized`,
        '#5 [toolchain 2/2] RUN echo',
        '#5 ERROR: process did not complete', // not a cache step
        exportHeader,
        '#9 ERROR: error writing layer blob: unexpected status from HEAD request to http://127.0.0.1:5000/v2/c2w/cache/blobs/sha256:aa: 401 Unauthorized',
      ],
      expected: [
        { step: 'import', target: REF, error: expect.stringMatching(/401 Unauthorized$/) },
        { step: 'export', target: 'registry', error: expect.stringMatching(/^error writing layer blob: .*401/) },
      ],
    },
    {
      name: 'a manifest the registry does not have',
      lines: [importHeader, `#4 ERROR: failed to configure registry cache importer: ${REF}: not found`, exportHeader],
      expected: [
        { step: 'import', target: REF, error: `failed to configure registry cache importer: ${REF}: not found` },
      ],
    },
    {
      name: 'an error on the last line without a newline, CRLF line ends',
      lines: [`${importHeader}\r`, `${exportHeader}\r`, '#9 ERROR: dial tcp 127.0.0.1:1: connect: connection refused'],
      expected: [{ step: 'export', target: 'registry', error: 'dial tcp 127.0.0.1:1: connect: connection refused' }],
    },
  ])('$name', ({ lines, expected }) => {
    expect(read(lines)).toEqual(expected);
    expect(read(lines, 1 << 20)).toEqual(expected);
  });
});

describe('describeTrouble', () => {
  it.each([
    {
      trouble: { step: 'import', target: REF, error: `failed to configure registry cache importer: ${REF}: not found` },
      level: 'info',
      message: /^No build cache at 127\.0\.0\.1:5000\/c2w\/cache:t yet .*this build is cold\.$/,
    },
    {
      trouble: { step: 'import', target: REF, error: 'failed to do request: connect: connection refused' },
      level: 'warning',
      message:
        /^Could not import the build cache from 127\.0\.0\.1:5000\/c2w\/cache:t; this build is cold\. BuildKit said: .*connection refused$/,
    },
    {
      trouble: { step: 'export', target: 'registry', error: '401 Unauthorized' },
      level: 'warning',
      message:
        /^Could not export the build cache to 127\.0\.0\.1:5000\/c2w\/cache:t; the conversion succeeded.*401 Unauthorized$/,
    },
  ] as const)('$level: $trouble.error', ({ trouble, level, message }) => {
    const d = describeTrouble(trouble, REF);
    expect(d.level).toBe(level);
    expect(d.message).toMatch(message);
  });
});
