import { describe, expect, it } from 'vitest';
import { BuildProgress, duration, progressLine } from '../../../src/buildx/progress.js';

// The shape of `docker buildx build --progress=plain` output, as the c2w stand-in's build prints it.
const LOG = `#0 building with "default" instance using docker driver
#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 4.12kB done
#1 DONE 0.0s
#5 [toolchain 1/2] FROM docker.io/c2w-test/busybox:1@sha256:2006
#5 CACHED
#6 [tools 2/3] COPY <<EOF /usr/local/bin/mksection
#8 [toolchain 2/2] RUN --network=none echo "toolchain: 3s of work"
#8 0.112 toolchain: 3s of work
#6 DONE 0.1s
#8 3.021 toolchain: done after 40 rounds
`;

function feedAll(text: string, at = 0): BuildProgress {
  const p = new BuildProgress();
  text.split('\n').forEach((line, i) => p.feed(line, at + i));
  return p;
}

describe('BuildProgress', () => {
  it('counts the Dockerfile steps of the stages seen and follows the newest running one', () => {
    const view = feedAll(LOG).view();
    expect(view.started).toBe(3);
    expect(view.total).toBe(5); // toolchain 2 + tools 3
    expect(view.current?.name).toBe('[toolchain 2/2] RUN --network=none echo "toolchain: 3s of work"');
  });

  it('ends a step on DONE, CACHED or ERROR, and a log line is not a step', () => {
    const p = feedAll(`${LOG}#8 ERROR: process "/bin/sh -c …" did not complete successfully: exit code: 1\n`);
    expect(p.view().current).toBeUndefined();
    expect(p.view().started).toBe(3);
    expect(p.feed('#8 4.0 more output', 100)).toBe(false);
    expect(p.feed('plain text from c2w', 100)).toBe(false);
  });

  it('reads a file of one unnamed stage ([1/3])', () => {
    const view = feedAll('#4 [1/3] FROM alpine\n#4 DONE 0.1s\n#5 [2/3] RUN make\n').view();
    expect(view).toMatchObject({ started: 2, total: 3, current: { name: '[2/3] RUN make', stage: '' } });
  });
});

describe('progressLine', () => {
  const view = feedAll(LOG, 1_000).view();
  it.each([
    [120, 'step 3 of 5 · [toolchain 2/2] RUN --network=none echo "toolchain: 3s of work" · 12s'],
    [40, 'step 3 of 5 · [toolchain 2/2] RUN… · 12s'],
  ])('at width %i', (width, line) => {
    expect(progressLine(view, view.current!.startedMs + 12_500, width)).toBe(line);
  });
  it('before any step', () => expect(progressLine(new BuildProgress().view(), 0)).toBe('starting'));
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [65_000, '1m05s'],
    [3_600_000, '60m00s'],
  ])('duration(%i) = %s', (ms, text) => expect(duration(ms)).toBe(text));
});
