import { afterEach, describe, expect, it } from 'vitest';
import { Console } from '../../../src/cli/console.js';
import { clearRedactions, protectSecrets } from '../../../src/lib/redact.js';

/** A stream that keeps what is written, a terminal or not. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = {
    text: '',
    isTTY,
    columns: 60,
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

// What the stage modules print while convert() runs: @actions/core's commands and the raw build log.
const STAGE_OUTPUT = [
  '::debug::isExplicit: 0.8.4',
  'Verified container2wasm-v0.8.4-linux-amd64.tar.gz (sha256 ab)',
  '::add-path::/tools/c2w/0.8.4/x64',
  '::group::c2w --dockerfile=/tmp/Dockerfile -- alpine out.wasm',
  '::stop-commands::0a1b2c',
  '[command]/tools/c2w --dockerfile=/tmp/Dockerfile -- alpine out.wasm',
  '#0 building with "default" instance using docker driver',
  '#5 [toolchain 1/2] FROM docker.io/library/alpine',
  '#5 CACHED',
  '#8 [toolchain 2/2] RUN make',
  '#8 0.1 ::set-output name=x::from the guest',
  '#8 DONE 1.0s',
  '::0a1b2c::',
  '::endgroup::',
  '::warning::buildx exported no cache to /c/.export-1-ab; nothing to save.',
  '',
].join('\n');

let c: Console | undefined;
afterEach(() => c?.release());

describe('Console: the stage modules shown to a person', () => {
  it("never prints a secret the command was started with: a library's warning, the raw log, --verbose", () => {
    protectSecrets({ runner: false, env: { GITHUB_TOKEN: 'ghs_commandTokenNeverShown0123' } });
    try {
      const stream = fakeStream(false);
      c = new Console({ stream, verbose: true, live: false });
      c.capture();
      process.stdout.write(
        '::warning::GET failed: Authorization: Bearer ghs_commandTokenNeverShown0123\n' +
          '::stop-commands::0a1b\n#8 0.1 echo ghs_commandTokenNeverShown0123\n::0a1b::\n',
      );
      c.release();
      expect(stream.text).toContain('warning: GET failed: Authorization: Bearer ***');
      expect(stream.text).toContain('#8 0.1 echo ***');
      expect(stream.text).not.toContain('ghs_commandTokenNeverShown0123');
    } finally {
      clearRedactions();
    }
  });

  it('not a terminal: stage lines, one line per Dockerfile step, no workflow commands or raw log', () => {
    const stream = fakeStream(false);
    c = new Console({ stream, verbose: false, live: false });
    c.capture();
    c.stage('Convert');
    process.stdout.write(STAGE_OUTPUT);
    c.release();
    expect(stream.text).toBe(
      [
        '==> Convert',
        '    Verified container2wasm-v0.8.4-linux-amd64.tar.gz (sha256 ab)',
        '    c2w --dockerfile=/tmp/Dockerfile -- alpine out.wasm',
        '    step 1 of 2 · [toolchain 1/2] FROM docker.io/library/alpine',
        '    step 2 of 2 · [toolchain 2/2] RUN make',
        'warning: buildx exported no cache to /c/.export-1-ab; nothing to save.',
        '',
      ].join('\n'),
    );
  });

  it('a terminal: the steps redraw one line in place, cleared before the next line', () => {
    const stream = fakeStream(true);
    c = new Console({ stream, verbose: false, live: true });
    c.capture();
    process.stdout.write(STAGE_OUTPUT);
    c.release();
    expect(stream.text).toContain('\r\x1b[2K    step 2 of 2 · [toolchain 2/2] RUN make · 0s');
    expect(stream.text).toContain('\r\x1b[2Kwarning: buildx exported no cache');
    expect(stream.text).not.toContain('#8');
  });

  it('--verbose: the raw log as it came, commands echoed', () => {
    const stream = fakeStream(false);
    c = new Console({ stream, verbose: true, live: false });
    c.capture();
    process.stdout.write(STAGE_OUTPUT);
    c.release();
    expect(stream.text).toContain('    debug: isExplicit: 0.8.4\n');
    expect(stream.text).toContain('#8 0.1 ::set-output name=x::from the guest\n');
    expect(stream.text).toContain('#5 CACHED\n');
    expect(stream.text).not.toContain('::add-path::');
  });
});
