import { describe, expect, it } from 'vitest';
import { parseSavePlan } from '../../../src/action/state.js';

describe('the cache-save state the post step reads', () => {
  const plan = { dir: '/t/c2w-action/buildx-cache-0123456789ab', key: 'k' };
  it.each([
    ['a plan main wrote', { ...plan, shared: { key: 's', exactHit: false }, timeoutSeconds: 600 }, true],
    ['a plan without a shared entry', plan, true],
    ['not an object', 'dir', false],
    ['null', null, false],
    ['no key', { dir: plan.dir }, false],
    ['a number for a folder', { ...plan, dir: 7 }, false],
    ['a shared entry without exactHit', { ...plan, shared: { key: 's' } }, false],
    ['a time limit that is not a positive number', { ...plan, timeoutSeconds: '600' }, false],
    ['a negative time limit', { ...plan, timeoutSeconds: -1 }, false],
  ])('%s', (_what, data, accepted) => {
    const parsed = parseSavePlan(data);
    if (accepted) expect(parsed).toEqual(data);
    else expect(parsed).toBeUndefined();
  });

  it('keeps no field main did not write', () => {
    expect(parseSavePlan({ ...plan, extra: 'x' })).toEqual(plan);
  });
});
