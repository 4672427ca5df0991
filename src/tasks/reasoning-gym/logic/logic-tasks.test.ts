// Independent checks for the logic tasks: answers recomputed by other means (hand-worked
// cases, brute force over models), alternative valid conclusions accepted, near-misses rejected.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { aiw } from './aiw.js';
import { circuitLogic } from './circuit-logic.js';
import { knightsKnaves } from './knights-knaves.js';
import { propositionalLogic } from './propositional-logic.js';
import { selfReference } from './self-reference.js';
import { follows, syllogism } from './syllogism.js';
import { zebraPuzzles } from './zebra-puzzles.js';

const sample = (task: unknown, count: number, options: Record<string, unknown> = {}): [Task, TaskInstance[]] => {
  const t = task as Task;
  return [t, Array.from({ length: count }, (_, i) => t.generate(t.resolveOptions(options), 9, i))];
};

describe('rg.logic.aiw', () => {
  it('answers follow from the numbers in the question', () => {
    const [task, instances] = sample(aiw, 120);
    for (const instance of instances) {
      const numbers = [...instance.prompt.matchAll(/has (\d+)/g)].map((m) => Number(m[1]));
      const female = [...instance.prompt.matchAll(/(\d+) (?:sisters|female)/g)].map((m) => Number(m[1]));
      const type = instance.metadata.task_type;
      const expected = type === 'colleagues' ? female[0] + female[1] - 1 : female[0] + 1;
      expect(numbers.length).toBeGreaterThan(0);
      expect(instance.answer).toBe(String(expected));
      expect(task.verifyAnswer(instance, String(expected - 1)).correct).toBe(false);
    }
  });
});

describe('rg.logic.self_reference', () => {
  it('matches a count by number of true statements (each T fixes every statement but 5)', () => {
    const [task, instances] = sample(selfReference, 150);
    const answers = new Set<string>();
    for (const instance of instances) {
      const { a, b, c, d } = instance.metadata as unknown as Record<string, number>;
      let count = 0;
      for (let t = 0; t <= 7; t++) {
        const f = 7 - t;
        const s3 = t === c,
          s4 = f === d;
        const truths = [t >= a, f <= b, s3, s4, s3 !== s4, [2, 3, 5, 7].includes(t), [4, 6].includes(f)];
        if (truths.filter(Boolean).length === t) count++;
      }
      expect(instance.answer).toBe(String(count));
      answers.add(instance.answer);
      expect(task.verifyAnswer(instance, String(count + 1)).correct).toBe(false);
    }
    expect(answers.size).toBeGreaterThan(1);
  });
});

describe('rg.logic.syllogism', () => {
  it('textbook forms get the textbook verdicts (with existential import); both answers occur', () => {
    const [, instances] = sample(syllogism, 200);
    const counts: Record<string, number> = { Yes: 0, No: 0 };
    for (const instance of instances) counts[instance.answer]++;
    expect(counts.Yes).toBeGreaterThan(80);
    expect(counts.No).toBeGreaterThan(30);
    type S = ['all' | 'no' | 'some' | 'some_not', number, number];
    const textbook: [S[], S, boolean][] = [
      [
        [
          ['all', 0, 1],
          ['all', 1, 2],
        ],
        ['all', 0, 2],
        true,
      ], // Barbara
      [
        [
          ['no', 1, 2],
          ['all', 0, 1],
        ],
        ['no', 0, 2],
        true,
      ], // Celarent
      [
        [
          ['all', 1, 2],
          ['some', 0, 1],
        ],
        ['some', 0, 2],
        true,
      ], // Darii
      [
        [
          ['no', 1, 2],
          ['some', 0, 1],
        ],
        ['some_not', 0, 2],
        true,
      ], // Ferio
      [
        [
          ['all', 0, 1],
          ['all', 2, 1],
        ],
        ['all', 0, 2],
        false,
      ], // undistributed middle
      [
        [
          ['some', 0, 1],
          ['some', 1, 2],
        ],
        ['some', 0, 2],
        false,
      ],
      [
        [
          ['all', 0, 1],
          ['no', 1, 2],
        ],
        ['some', 2, 0],
        false,
      ],
      [
        [
          ['all', 0, 1],
          ['all', 1, 2],
        ],
        ['some', 2, 0],
        true,
      ], // existential import
      [
        [
          ['some_not', 0, 1],
          ['all', 1, 2],
        ],
        ['some_not', 1, 0],
        false,
      ],
      [
        [
          ['no', 0, 1],
          ['all', 1, 2],
        ],
        ['no', 1, 0],
        true,
      ], // conversion of E
    ];
    for (const [premises, conclusion, verdict] of textbook)
      expect(follows(premises, conclusion), JSON.stringify([premises, conclusion])).toBe(verdict);
  });
});

describe('rg.logic.knights_knaves', () => {
  it('the stored solution is the only consistent one; flipped roles and partial answers fail', () => {
    const [task, instances] = sample(knightsKnaves, 60, { n_people: 3 });
    for (const instance of instances) {
      const names = instance.metadata.names as string[],
        roles = instance.metadata.roles as string[];
      let consistent = 0;
      for (let mask = 0; mask < 8; mask++) {
        const text = names.map((n, i) => `${n} is a ${roles[(mask >> i) & 1]}`).join(', ');
        if (task.verifyAnswer(instance, text).correct) consistent++;
      }
      expect(consistent).toBe(1);
      expect(task.verifyAnswer(instance, instance.answer.split(', ').slice(1).join(', ')).correct).toBe(false);
      expect(task.verifyAnswer(instance, instance.answer.toLowerCase()).correct).toBe(true);
    }
  });
});

describe('rg.logic.propositional_logic', () => {
  it('accepts other entailed formulas, rejects tautologies, premises and non-consequences', () => {
    const [task, instances] = sample(propositionalLogic, 60);
    for (const instance of instances) {
      const premises = instance.metadata.premises as string[];
      const variables = instance.metadata.variables as string[];
      expect(task.verifyAnswer(instance, premises[0]).correct).toBe(false);
      expect(task.verifyAnswer(instance, `(${variables[0]} ∨ ¬${variables[0]})`).correct).toBe(false);
      // The gold weakened by an extra disjunct is still entailed (and a tautology only if it covers everything).
      const weaker = `(${instance.answer}) | (${variables[0]} & ~${variables[0]})`;
      expect(task.verifyAnswer(instance, weaker).correct).toBe(true);
      expect(task.verifyAnswer(instance, `¬(${instance.answer})`).correct).toBe(false);
    }
  });
});

describe('rg.logic.circuit_logic', () => {
  it('the output matches a direct evaluation of the printed netlist', () => {
    const [task, instances] = sample(circuitLogic, 100);
    for (const instance of instances) {
      const values = Object.fromEntries(
        [...instance.prompt.matchAll(/^ {2}([A-Z]+) = ([01])$/gm)].map((m) => [m[1], Number(m[2])]),
      );
      const gates: number[] = [];
      let out = -1;
      for (const [, target, op, args] of instance.prompt.matchAll(/^(gate\d+|OUT) = ([A-Z]+)\((.*)\)$/gm)) {
        const bits = args
          .split(', ')
          .map((a) =>
            a.startsWith('gate')
              ? gates[Number(a.slice(4)) - 1]
              : a.startsWith('NOT ')
                ? 1 - values[a.slice(4)]
                : values[a],
          );
        const ones = bits.filter((b) => b === 1).length;
        const v = {
          AND: +(ones === bits.length),
          NAND: +(ones !== bits.length),
          OR: +(ones > 0),
          NOR: +(ones === 0),
          XOR: ones % 2,
        }[op]!;
        if (target === 'OUT') out = v;
        else gates.push(v);
      }
      expect(String(out)).toBe(instance.answer);
      expect(task.verifyAnswer(instance, String(1 - out)).correct).toBe(false);
    }
  });
});

describe('rg.logic.zebra_puzzles', () => {
  it('reading the clue text back, exactly one assignment fits, and it puts the gold name in the asked house', () => {
    const [task, instances] = sample(zebraPuzzles, 12, { num_characteristics: 3 });
    const perms = (k: number): number[][] =>
      k === 0
        ? [[]]
        : perms(k - 1).flatMap((p) => Array.from({ length: k }, (_, i) => [...p.slice(0, i), k - 1, ...p.slice(i)]));
    for (const instance of instances) {
      const lists = [...instance.prompt.matchAll(/^- [^:]+: (.+)$/gm)].map((m) => m[1].split(', '));
      const k = lists[0].length;
      // Each value names its category by position in `lists`; a phrase is recognised by its value word.
      const ref = (text: string): [number, number] => {
        for (let c = 0; c < lists.length; c++)
          for (let v = 0; v < k; v++) if (new RegExp(`\\b${lists[c][v]}\\b`).test(text)) return [c, v];
        throw new Error(`no value in "${text}"`);
      };
      const clues = [...instance.prompt.matchAll(/^\d+\. (.+)\.$/gm)].map((m) => m[1]);
      const tests = clues.map((clue) => {
        let m: RegExpMatchArray | null;
        if ((m = clue.match(/^(.+) does not live in House (\d)$/))) {
          const a = ref(m[1]),
            h = Number(m[2]);
          return (H: (r: [number, number]) => number) => H(a) !== h;
        }
        if ((m = clue.match(/^(.+) lives in House (\d)$/))) {
          const a = ref(m[1]),
            h = Number(m[2]);
          return (H: (r: [number, number]) => number) => H(a) === h;
        }
        if ((m = clue.match(/^(.+) lives somewhere to the left of (.+)$/))) {
          const a = ref(m[1]),
            b = ref(m[2]);
          return (H: (r: [number, number]) => number) => H(a) < H(b);
        }
        if ((m = clue.match(/^(.+) lives directly left of (.+)$/))) {
          const a = ref(m[1]),
            b = ref(m[2]);
          return (H: (r: [number, number]) => number) => H(b) - H(a) === 1;
        }
        if ((m = clue.match(/^(.+) and (.+) live next to each other$/))) {
          const a = ref(m[1]),
            b = ref(m[2]);
          return (H: (r: [number, number]) => number) => Math.abs(H(a) - H(b)) === 1;
        }
        if ((m = clue.match(/^There is one house between (.+) and (.+)$/))) {
          const a = ref(m[1]),
            b = ref(m[2]);
          return (H: (r: [number, number]) => number) => Math.abs(H(a) - H(b)) === 2;
        }
        if ((m = clue.match(/^(.+) is (.+)$/))) {
          const a = ref(m[1]),
            b = ref(m[2]);
          return (H: (r: [number, number]) => number) => H(a) === H(b);
        }
        throw new Error(`unread clue "${clue}"`);
      });
      const ps = perms(k),
        fits: string[] = [];
      for (const p0 of ps)
        for (const p1 of ps)
          for (const p2 of ps) {
            const assignment = [p0, p1, p2];
            const H = (r: [number, number]): number => assignment[r[0]][r[1]] + 1;
            if (tests.every((t) => t(H))) fits.push(lists[0][p0.indexOf((instance.metadata.house as number) - 1)]);
          }
      expect(fits).toEqual([instance.answer]);
      const other = lists[0].find((n) => n !== instance.answer)!;
      expect(task.verifyAnswer(instance, other).correct).toBe(false);
      expect(task.verifyAnswer(instance, instance.answer.toUpperCase()).correct).toBe(true);
    }
  });
});
