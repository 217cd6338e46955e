// Every relative link of the documentation's pages points at a file that exists and, with a
// #anchor, at a heading of that page, so moving a section between pages cannot leave a dead link.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS script without types
import { anchors, brokenLinks, docPages, relativeLinks, slug } from '../../scripts/lib/docs-pages.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('links between the documentation pages', () => {
  it('reads the README, the pages under docs/ and the pages beside them', () => {
    expect(docPages(root)).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/caching.md',
        'docs/smoke-boot.md',
        'docs/publishing.md',
        'docs/scale-out.md',
        'docs/command.md',
        'report/README.md',
        'RELEASES.md',
        'TROUBLESHOOTING.md',
        'CONTRIBUTING.md',
      ]),
    );
  });

  it('has no relative link to a missing file or heading', () => {
    expect(brokenLinks(root)).toEqual([]);
  });

  it.each([
    ['An unzipped `.wasm` for the browser', 'an-unzipped-wasm-for-the-browser'],
    ["The boot's output in the log", 'the-boots-output-in-the-log'],
    ['Scale out: a registry cache and a remote BuildKit', 'scale-out-a-registry-cache-and-a-remote-buildkit'],
    ['How `smoke-expect` is matched', 'how-smoke-expect-is-matched'],
  ])("makes GitHub's anchor of '%s'", (heading, anchor) => {
    expect(slug(heading)).toBe(anchor);
  });

  it('numbers a repeated heading and ignores # lines in code', () => {
    expect([...anchors('# A\n\n## Usage\n\n```sh\n# not a heading\n```\n\n## Usage\n')]).toEqual([
      'a',
      'usage',
      'usage-1',
    ]);
  });

  it('finds links and images outside code, not URLs or links inside code', () => {
    const text = 'See [a](docs/a.md#x), ![img](p.png), [web](https://x.y), `[no](n.md)`\n```\n[no](m.md)\n```\n';
    expect(relativeLinks(text)).toEqual([
      { line: 1, target: 'docs/a.md#x' },
      { line: 1, target: 'p.png' },
    ]);
  });

  it('reports a link to a missing file, to a missing heading, and resolves from the page folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'c2w-links-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(
      join(dir, 'README.md'),
      '# T\n\n[ok](docs/a.md#part) [gone](docs/gone.md) [no heading](docs/a.md#nowhere) [here](#t)\n',
    );
    writeFileSync(join(dir, 'docs/a.md'), '# A\n\n## Part\n\n[up](../README.md#t) [wrong](README.md)\n');
    expect(brokenLinks(dir)).toEqual([
      'README.md:3: docs/gone.md: no file docs/gone.md',
      'README.md:3: docs/a.md#nowhere: docs/a.md has no heading #nowhere',
      'docs/a.md:5: README.md: no file docs/README.md',
    ]);
  });
});
