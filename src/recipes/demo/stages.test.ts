// Which SFT questions the demo's teacher answers without code: a fixed share, decided by question
// alone (so a resumed synthesis makes the same choices), and none at share 0.
import { describe, expect, it } from 'vitest';
import { answersDirectly } from './stages.js';

describe('answersDirectly', () => {
  const indices = Array.from({ length: 4000 }, (_, i) => 1_000_000 + i);
  it('answers about the given share directly, the same questions on every call', () => {
    const direct = indices.filter((i) => answersDirectly(0.8, 1, 'symbench.number_multiply', i));
    expect(direct.length / indices.length).toBeGreaterThan(0.78);
    expect(direct.length / indices.length).toBeLessThan(0.82);
    expect(indices.filter((i) => answersDirectly(0.8, 1, 'symbench.number_multiply', i))).toEqual(direct);
    // another task or seed picks other questions
    expect(indices.filter((i) => answersDirectly(0.8, 2, 'symbench.number_multiply', i))).not.toEqual(direct);
  });
  it('answers nothing directly at share 0 and everything at share 1', () => {
    expect(indices.some((i) => answersDirectly(0, 1, 'rg.arithmetic.chain_sum', i))).toBe(false);
    expect(indices.every((i) => answersDirectly(1, 1, 'rg.arithmetic.chain_sum', i))).toBe(true);
  });
});
