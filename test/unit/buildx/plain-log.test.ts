import { describe, expect, it } from 'vitest';
import { LineSplitter, parsePlainLine } from '../../../src/buildx/plain-log.js';

describe("BuildKit's plain progress lines", () => {
  it.each([
    ['#5 [toolchain 2/2] RUN make', { vertex: 5, kind: 'text', text: '[toolchain 2/2] RUN make' }],
    ['#5 0.412 gcc -O2 main.c', { vertex: 5, kind: 'log', text: '0.412 gcc -O2 main.c' }],
    ['#5 DONE 12.3s', { vertex: 5, kind: 'end', status: 'done', text: '' }],
    ['#5 CACHED', { vertex: 5, kind: 'end', status: 'cached', text: '' }],
    ['#7 ERROR: failed to fetch: 502', { vertex: 7, kind: 'end', status: 'error', text: 'failed to fetch: 502' }],
    ['#7 CANCELED', { vertex: 7, kind: 'end', status: 'canceled', text: '' }],
    [
      '#12 importing cache manifest from r/c:t',
      { vertex: 12, kind: 'text', text: 'importing cache manifest from r/c:t' },
    ],
    ['#0 building with "default" instance using docker driver', undefined],
    ['------', undefined],
    [' > [toolchain 2/2] RUN make:', undefined],
  ])('%s', (line, expected) => {
    expect(parsePlainLine(line)).toEqual(expected);
  });

  it('splits a stream into lines however it is cut, without carriage returns', () => {
    const lines: string[] = [];
    const split = new LineSplitter((l) => lines.push(l));
    split.push('#1 a\r\n#1 D');
    split.push('ONE 0.1s\n#2 b');
    split.end();
    expect(lines).toEqual(['#1 a', '#1 DONE 0.1s', '#2 b']);
  });
});
