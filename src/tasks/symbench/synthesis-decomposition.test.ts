// Independent checks for symbench.synthesis_decomposition: a round-based replay of the prompt text,
// hand-worked cycles from CodeSteer's samples, answer spellings and option checks.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/index.js';
import type { Task, TaskInstance } from '../types.js';
import { runCycle, synthesisDecomposition } from './synthesis-decomposition.js';

const T = <X>(t: X): Task => t as unknown as Task;

function instances(task: Task, n: number, options: Record<string, unknown> = {}, seed = 31): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: n }, (_, i) => task.generate(resolved, seed, i));
}

const outcomes = (task: Task, inst: TaskInstance, answers: string[]): string[] =>
  answers.map((a) => task.verifyAnswer(inst, a).outcome);

describe('symbench.synthesis_decomposition', () => {
  type Stock = Record<string, number>;
  const readStock = (text: string): Stock => {
    const out: Stock = {};
    for (const m of text.matchAll(/(\d+) units? of (?:crop|product) ([A-Z])/g)) out[m[2]] = Number(m[1]);
    return out;
  };
  /**
   * Round-based replay read from the prompt: each round tries every method once, in order; stop after an idle round.
   */
  function replay(prompt: string): number[] {
    const methods = [...prompt.matchAll(/Method \d+: (.*?) can be exchanged for (.*?), and this/g)].map((m) => ({
      input: readStock(m[1]),
      output: readStock(m[2]),
    }));
    const stock = readStock(/Initially there are (.*)\./.exec(prompt)![1]);
    for (let progress = true; progress;) {
      progress = false;
      for (const { input, output } of methods) {
        if (!Object.entries(input).every(([k, v]) => (stock[k] ?? 0) >= v)) continue;
        for (const [k, v] of Object.entries(input)) stock[k] -= v;
        for (const [k, v] of Object.entries(output)) stock[k] = (stock[k] ?? 0) + v;
        progress = true;
      }
    }
    const fields = /as a list \[(.*?)\]/
      .exec(prompt)![1]
      .split(', ')
      .map((f) => f.slice(-1));
    return fields.map((f) => stock[f] ?? 0);
  }

  it('the gold answer equals a round-based replay of the prompt text, at every complexity', () => {
    for (let complexity = 1; complexity <= 5; complexity++) {
      for (const inst of instances(T(synthesisDecomposition), 40, {
        min_complexity: complexity,
        max_complexity: complexity,
      })) {
        expect(inst.answer, inst.prompt).toBe(`[${replay(inst.prompt).join(', ')}]`);
        expect(inst.answer.split(', ').length).toBe(complexity <= 2 ? 3 : complexity <= 4 ? 4 : 5);
      }
    }
  });

  it('hand-worked cycles (CodeSteer samples 0, 45 and 150)', () => {
    const simple = [
      { input: { A: 1, B: 1 }, output: { X: 1 } },
      { input: { A: 3 }, output: { X: 2 } },
    ];
    expect(runCycle({ A: 3, B: 2 }, simple)).toEqual({ A: 1, B: 0, X: 2 });
    const medium = [
      { input: { A: 1, B: 1, C: 1 }, output: { X: 1 } },
      { input: { A: 1, B: 1 }, output: { C: 2 } },
      { input: { C: 2 }, output: { X: 1 } },
    ];
    expect(runCycle({ A: 8, B: 3, C: 4 }, medium)).toEqual({ A: 5, B: 0, C: 0, X: 4 });
    const complex = [
      { input: { A: 2, B: 1, C: 1 }, output: { X: 3 } },
      { input: { A: 1, B: 1 }, output: { C: 2 } },
      { input: { C: 2, X: 1 }, output: { Y: 1 } },
      { input: { A: 1, X: 2 }, output: { Y: 1 } },
    ];
    expect(runCycle({ A: 5, B: 2, C: 7 }, complex)).toEqual({ A: 1, B: 0, C: 6, X: 0, Y: 2 });
  });

  it('answer spellings', () => {
    const inst = instances(T(synthesisDecomposition), 1, { min_complexity: 5 })[0];
    const values = inst.answer.slice(1, -1).split(', ');
    const bumped = values.map((v, i) => (i === 0 ? String(Number(v) + 1) : v));
    expect(
      outcomes(T(synthesisDecomposition), inst, [
        inst.answer,
        values.join(','),
        values.join(' '),
        `(${values.join(', ')})`,
        JSON.stringify(values),
        ` [ ${values.join(' , ')} ] `,
        `[${bumped.join(', ')}]`,
        `[${values.slice(0, 4).join(', ')}]`,
        `[${[...values, '0'].join(', ')}]`,
        '[1.5, 0, 2, 3, 1]',
        'A=1, B=0',
        '',
      ]),
    ).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
      'correct',
      'correct',
      'wrong',
      'wrong',
      'wrong',
      'unparseable',
      'unparseable',
      'unparseable',
    ]);
  });

  it('keeps the source order without shuffling; rejects min > max', () => {
    const inst = instances(T(synthesisDecomposition), 1, { min_complexity: 5, shuffle_methods: false })[0];
    expect(inst.metadata.methods).toEqual([
      { input: { A: 2, B: 1, C: 1 }, output: { X: 3 } },
      { input: { A: 1, B: 1 }, output: { C: 2 } },
      { input: { C: 2, X: 1 }, output: { Y: 1 } },
      { input: { A: 1, X: 2 }, output: { Y: 1 } },
    ]);
    expect(() => synthesisDecomposition.resolveOptions({ min_complexity: 4, max_complexity: 2 })).toThrow(ConfigError);
  });
});
