// r1ci experiment's flags: a wrong arm or seed list is one line naming the flag and the fix.
import { describe, expect, it } from 'vitest';
import { resolveExperimentFlags } from './experiment.js';

describe('the command line', () => {
  it('names a wrong arm or seed list and how to fix it', () => {
    expect(() => resolveExperimentFlags({ arms: 'grpo,nope' })).toThrow(/--arms/);
    expect(() => resolveExperimentFlags({ seeds: '0,x' })).toThrow(/comma-separated/);
    expect(resolveExperimentFlags({ seeds: '3,1,3' }).seeds).toEqual([3, 1]);
  });
});
