// The four SymBench string/counting simulations: answers recomputed by independent re-implementations,
// and tables of answer spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { rewriteToFixedPoint, stringDeletionAndModification } from './string-deletion-and-modification.js';
import { stringInsertion } from './string-insertion.js';
import { dismantle, stringSplitting } from './string-splitting.js';
import { stringSynthesis } from './string-synthesis.js';

function instances(task: Task, n: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: n }, (_, i) => task.generate(resolved, 11, i));
}

function verdicts(task: Task, instance: TaskInstance, answers: string[]): string[] {
  return answers.map((a) => task.verifyAnswer(instance, a).outcome);
}

describe('symbench.string_insertion', () => {
  // Independent: find every trigger start with indexOf per rule, then insert from the right end.
  const triggers: Record<string, string> = { ABCD: 'A', BCDE: 'B', CDEA: 'C', DEAB: 'D', EABC: 'E' };
  const insertAll = (s: string): string => {
    const hits: [number, string][] = [];
    for (const [t, c] of Object.entries(triggers))
      for (let i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) hits.push([i + 4, c]);
    hits.sort((x, y) => y[0] - x[0]);
    let out = s;
    for (const [pos, c] of hits) out = out.slice(0, pos) + c + out.slice(pos);
    return out;
  };
  it('matches an independent insertion on 300 instances, with the trigger count asked for', () => {
    for (const inst of instances(stringInsertion as unknown as Task, 300)) {
      const original = inst.metadata.original as string;
      expect(inst.answer).toBe(insertAll(original));
      expect(inst.answer.length - original.length).toBe(3);
    }
  });
  it('the worked example from the source', () => {
    const inst = { ...instances(stringInsertion as unknown as Task, 1)[0] };
    expect(insertAll('DBCDEDCDEAECDEA')).toBe('DBCDEBDCDEACECDEAC');
    expect(
      stringInsertion.verifyAnswer({ ...inst, answer: 'DBCDEBDCDEACECDEAC' }, ' "DBCDEBDCDEACECDEAC" ').correct,
    ).toBe(true);
  });
  it('answer spellings', () => {
    const inst = instances(stringInsertion as unknown as Task, 1)[0];
    expect(
      verdicts(stringInsertion as unknown as Task, inst, [
        inst.answer,
        ` ${inst.answer} `,
        `"${inst.answer}"`,
        inst.answer.slice(1),
        inst.answer.toLowerCase(),
        `${inst.answer} is the answer`,
      ]),
    ).toEqual(['correct', 'correct', 'correct', 'wrong', 'unparseable', 'unparseable']);
  });
});

describe('symbench.string_deletion_and_modification', () => {
  it('every question needs at least min_operations steps and ends where no listed rule applies', () => {
    for (const inst of instances(stringDeletionAndModification as unknown as Task, 200)) {
      expect(inst.answer.length).toBeGreaterThan(0);
      const ids = inst.metadata.rule_ids as number[];
      expect(new Set(ids).size).toBe(6);
      // The rules shown in the prompt, in order, are the drawn ones.
      const shown = inst.prompt.split('\n').filter((l) => /^\d+\. If/.test(l));
      expect(shown.length).toBe(6);
    }
  });
  // Independent: the 20 rules as regular-expression rewrites (first match only), applied until none fires.
  const regexRules: ((s: string) => string | null)[] = [
    (s) => (/^ab/.test(s) ? s.replace(/^ab/, 'ca') : null),
    (s) => (/ac$/.test(s) ? s.replace(/ac$/, 'cb') : null),
    (s) => (/^bc/.test(s) ? s.replace(/^bc/, '') + 'aa' : null),
    (s) => (/bb$/.test(s) ? s.replace(/bb$/, '') : null),
    (s) => (/^cb/.test(s) ? s.replace(/^cb(.*).$/, 'aa$1').replace(/^cb$/, 'aa') : null),
    (s) => (/^ca/.test(s) ? s.replace(/^ca/, 'bb') + 'c' : null),
    (s) => (/cc$/.test(s) ? 'a' + s.replace(/cc$/, 'b') : null),
    (s) => (/^aa/.test(s) ? s.replace(/^a/, '') : null),
    (s) => (/abc/.test(s) ? s.replace(/abc/, 'cab') : null),
    (s) => (/bca/.test(s) ? s.replace(/bca/, '') : null),
    (s) => (/ba$/.test(s) ? s.replace(/ba$/, 'ab') : null),
    (s) => (/^cc/.test(s) ? s.replace(/^cc/, '') : null),
    (s) => (/acb/.test(s) ? s.replace(/acb/, 'bca') : null),
    (s) => (/ca$/.test(s) ? s.replace(/a$/, '') : null),
    (s) => (/^bb/.test(s) ? s.replace(/^bb/, 'b') : null),
    (s) => (/aa$/.test(s) ? s.replace(/aa$/, 'cc') : null),
    (s) => (/^.+?ca/.test(s) ? s.replace(/^(.+?)ca/, '$1') : null),
    (s) => {
      const b = (s.match(/b/g) ?? []).length;
      return b > 0 && b % 2 === 0 ? `${s}ab` : null;
    },
    (s) => (s.length > 15 ? s.replace(new RegExp(`^(.{${Math.floor(s.length / 2)}}).`), '$1') : null),
    (s) => (/^ac/.test(s) ? s.replace(/^ac/, 'zz') : null),
  ];
  const rewrite = (start: string, ids: number[]): string => {
    let s = start;
    for (let step = 0; step < 1000; step++) {
      const next = ids.map((id) => regexRules[id](s)).find((t) => t !== null);
      if (next === undefined || next === null) return s;
      s = next;
    }
    throw new Error('no fixed point');
  };
  it('matches an independent regex rewriting on 300 instances', () => {
    for (const inst of instances(stringDeletionAndModification as unknown as Task, 300)) {
      expect(inst.answer).toBe(rewrite(inst.metadata.start as string, inst.metadata.rule_ids as number[]));
    }
  });
  it('matches hand-traced examples', () => {
    // The source's example: its rules are pool rules 2, 12, 9, 3, 17, 4 (0-based 1, 11, 8, 2, 16, 3).
    expect(rewriteToFixedPoint('bbccacbbbbaabccabbba', [1, 11, 8, 2, 16, 3])?.at(-1)).toBe('bbccbbbbacbabbba');
    // "abcb": rule 9 gives "cabb"; rule 6 gives "bb"+"bb"+"c"; rule 15 drops a b three times; nothing applies.
    expect(rewriteToFixedPoint('abcb', [8, 5, 14])).toEqual(['abcb', 'cabb', 'bbbbc', 'bbbc', 'bbc', 'bc']);
    expect(rewrite('abcb', [8, 5, 14])).toBe('bc');
  });
  it('answer spellings', () => {
    const inst = instances(stringDeletionAndModification as unknown as Task, 1)[0];
    expect(
      verdicts(stringDeletionAndModification as unknown as Task, inst, [
        inst.answer,
        `"${inst.answer}"`,
        ` "${inst.answer}" `,
        `'${inst.answer}'`,
        `${inst.answer}a`,
        `"${inst.answer}`,
      ]),
    ).toEqual(['correct', 'correct', 'correct', 'correct', 'wrong', 'unparseable']);
  });
});

describe('symbench.string_synthesis', () => {
  // Independent: one application at a time, staying on a method while it applies.
  const recipes: [Record<string, number>, Record<string, number>][] = [
    [{ a: 1, b: 1, c: 1 }, { A: 1 }],
    [{ a: 1, b: 1 }, { C: 1 }],
    [{ b: 1, c: 1 }, { B: 1 }],
    [{ c: 2 }, { C: 1 }],
    [
      { A: 1, C: 1 },
      { pa: 1, pb: 1 },
    ],
    [{ B: 2 }, { pc: 1 }],
  ];
  const simulate = (a: number, b: number, c: number): string => {
    const s: Record<string, number> = { a, b, c, A: 0, B: 0, C: 0, pa: 0, pb: 0, pc: 0 };
    let idle = 0,
      m = 0;
    while (idle < 6) {
      const [need, give] = recipes[m];
      if (Object.entries(need).every(([k, v]) => s[k] >= v)) {
        for (const [k, v] of Object.entries(need)) s[k] -= v;
        for (const [k, v] of Object.entries(give)) s[k] += v;
        idle = 0;
      } else {
        m = (m + 1) % 6;
        idle++;
      }
    }
    return ['a', 'b', 'c', 'A', 'B', 'C', 'pa', 'pb', 'pc'].map((k) => s[k]).join(' ');
  };
  it('matches an independent simulation on 300 instances and the source example', () => {
    for (const inst of instances(stringSynthesis as unknown as Task, 300)) {
      const [a, b, c] = inst.metadata.start as number[];
      expect(inst.answer).toBe(simulate(a, b, c));
    }
    expect(simulate(3, 1, 2)).toBe('2 0 1 1 0 0 0 0 0');
  });
  it('answer spellings', () => {
    const inst = instances(stringSynthesis as unknown as Task, 1)[0];
    const parts = inst.answer.split(' ');
    expect(
      verdicts(stringSynthesis as unknown as Task, inst, [
        inst.answer,
        `[${parts.join(', ')}]`,
        parts.join(',  '),
        parts.slice(1).join(' '),
        [...parts.slice(0, 8), '99'].join(' '),
        '1 0 3 [A]',
      ]),
    ).toEqual(['correct', 'correct', 'correct', 'unparseable', 'wrong', 'unparseable']);
  });
});

describe('symbench.string_splitting', () => {
  // Independent: a table-driven loop over [needs, gives] that counts idle turns.
  const table: [number[], number[]][] = [
    [
      [1, 0, 0, 0, 0, 0],
      [0, 0, 0, 2, 1, 0],
    ],
    [
      [0, 2, 0, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
    ],
    [
      [0, 0, 2, 0, 0, 0],
      [0, 0, 0, 0, 1, 0],
    ],
    [
      [0, 1, 1, 0, 0, 0],
      [1, 0, 0, 0, 0, 0],
    ],
    [
      [0, 0, 0, 1, 1, 0],
      [0, 0, 0, 0, 0, 1],
    ],
  ];
  const run = (start: number[]): number[] => {
    const s = [...start, 0, 0, 0];
    for (let turn = 0, idle = 0; idle < 5; turn = (turn + 1) % 5) {
      const [need, give] = table[turn];
      if (need.every((v, i) => s[i] >= v)) {
        need.forEach((v, i) => (s[i] -= v));
        give.forEach((v, i) => (s[i] += v));
        idle = 0;
      } else idle++;
    }
    return s;
  };
  it('matches an independent simulation on 300 instances at every complexity, and the source example', () => {
    expect(dismantle(2, 2, 3)).toEqual([0, 0, 1, 2, 0, 3]);
    for (const complexity of [1, 3, 5]) {
      for (const inst of instances(stringSplitting as unknown as Task, 100, {
        min_complexity: complexity,
        max_complexity: complexity,
      })) {
        expect((JSON.parse(inst.answer) as string[]).map(Number)).toEqual(run(inst.metadata.start as number[]));
      }
    }
  });
  it('answer spellings', () => {
    const inst = instances(stringSplitting as unknown as Task, 1)[0];
    const counts = JSON.parse(inst.answer) as string[];
    expect(
      verdicts(stringSplitting as unknown as Task, inst, [
        inst.answer,
        `[${counts.join(', ')}]`,
        `['${counts.join("', '")}']`,
        `[${counts.slice(1).join(', ')}]`,
        `[${counts.slice(0, 5).join(', ')}, 77]`,
        counts.join(' '),
      ]),
    ).toEqual(['correct', 'correct', 'correct', 'unparseable', 'wrong', 'unparseable']);
  });
});
