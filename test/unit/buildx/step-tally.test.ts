import { describe, expect, it } from 'vitest';
import { StepTally } from '../../../src/buildx/step-tally.js';

const H = 'a'.repeat(64);

function tally(log: string, chunk = log.length): { reused: number; built: number } {
  const t = new StepTally();
  for (let i = 0; i < log.length; i += chunk) t.push(log.slice(i, i + chunk));
  return t.end();
}

describe('StepTally: steps a cache answered, steps that ran', () => {
  const log = [
    '#0 building with "default" instance using docker driver',
    '#5 [context registry.test/base:1] registry.test/base@sha256:' + H,
    '#5 DONE 0.0s',
    '#6 importing cache manifest from registry.test/tc:v1',
    '#6 DONE 0.1s',
    '#7 [toolchain 1/2] RUN make',
    '#7 CACHED',
    '#8 [tools 2/2] RUN chmod +x /x',
    `#8 sha256:${H} 99B / 99B done`,
    `#8 extracting sha256:${H} done`,
    '#8 DONE 0.0s',
    '#9 [bundle 1/2] COPY image/ /oci/',
    '#9 DONE 0.0s',
    '#10 [bundle 2/2] RUN cat /bundle/image.txt',
    '#10 0.123 image=sha256:abc',
    '#10 DONE 0.2s',
    '#11 [wasi 1/1] COPY --from=wasi-build /out/ /',
    '#11 ERROR: failed',
    '#12 exporting to client directory',
    '#12 DONE 0.0s',
    '',
  ].join('\n');

  it('counts CACHED and download-only steps as reused, the rest as built; not the context, cache or export vertices', () => {
    expect(tally(log)).toEqual({ reused: 2, built: 3 });
  });

  it('is the same whatever the chunks', () => {
    expect(tally(log, 7)).toEqual({ reused: 2, built: 3 });
  });

  it('a step that printed output and fetched layers ran', () => {
    expect(tally(`#3 [a 1/1] RUN x\n#3 sha256:${H} 1B / 1B done\n#3 0.5 out\n#3 DONE 1.0s\n`)).toEqual({
      reused: 0,
      built: 1,
    });
  });

  it('a step whose layers a docker-driver builder pulled, then DONE, was reused', () => {
    expect(tally(`#3 [a 1/1] RUN x\n#3 pulling sha256:${H} 0.1s done\n#3 DONE 0.2s\n`)).toEqual({
      reused: 1,
      built: 0,
    });
  });

  it('a step that never ended is not counted', () => {
    expect(tally('#3 [a 1/1] RUN x\n#3 0.5 out\n')).toEqual({ reused: 0, built: 0 });
  });
});
