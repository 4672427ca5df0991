// Recorded cases for Reasoning-Gym's algebra, arc, cognition, geometry and induction families: a question
// r1ci generates (seed, index), answers, and the score the source's own score_answer gives them, read
// from open-thought/reasoning-gym 49b0713 (file and line named; not the opt-in score_answer_cascade).
// r1ci agrees, or the case is a departure its docs name. The other families' cases: ../source-parity.test.ts.
import { describe, expect, it } from 'vitest';
import { getTask } from '../registry.js';
import type { TaskInstance } from '../types.js';

const generated = (taskId: string, seed: number, index: number): TaskInstance => {
  const task = getTask(taskId);
  return task.generate(task.resolveOptions(), seed, index);
};

const verdict = (gold: TaskInstance, answer: string) => {
  const result = getTask(gold.taskId).verifyAnswer(gold, answer);
  return { correct: result.correct, score: Math.round(result.score * 1e4) / 1e4 };
};

/** [answer, the source's score, r1ci correct (1/0), r1ci score]: a departure the task's docs name. */
type Departure = [string, number, number, number];

// Tasks without a score_answer of their own use ProceduralDataset.score_answer (reasoning_gym/dataset.py:63):
// the gold text exactly 1.0; an answer containing it len(gold)/len(answer); else 0.0. r1ci gives containment
// nothing and reads the spellings it accepts as the answer: the departure docs/tasks.md states for every task.
const CONTAINMENT = 'differs on purpose (docs/tasks.md: containment earns nothing, read spellings are correct)';

describe("rg.algebra.simple_equations: Reasoning-Gym's default score_answer (dataset.py:63)", () => {
  const gold = generated('rg.algebra.simple_equations', 0, 1);
  it('the recorded question', () => {
    expect([gold.metadata.equation, gold.answer]).toEqual(['34*t + 69 = 2551', '73']);
  });
  it.each([
    ['73', 1, 1],
    ['74', 0, 0],
    ['37', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['t = 73', 0.3333, 1, 1],
    ['73.0', 0.5, 1, 1],
    ['-73', 0.6667, 0, 0],
    ['173', 0.6667, 0, 0],
  ])(`${CONTAINMENT}: %s (source %s)`, (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe('rg.algebra.polynomial_multiplication: score_answer (polynomial_multiplication.py:162)', () => {
  // sympy.parse_expr of answer and gold, compared with ==: sympy orders the terms of a sum itself, but does
  // not expand a product; anything parse_expr cannot read scores 0.0.
  const gold = generated('rg.algebra.polynomial_multiplication', 0, 0);
  it('the recorded question', () => {
    expect([gold.metadata.expression, gold.answer]).toEqual([
      '(94*y**3 + 37*y**2)*(-28*y**3 - 39)',
      '-2632*y**6 - 1036*y**5 - 3666*y**3 - 1443*y**2',
    ]);
  });
  it.each([
    ['-2632*y**6 - 1036*y**5 - 3666*y**3 - 1443*y**2', 1, 1],
    ['-1443*y**2 - 3666*y**3 - 1036*y**5 - 2632*y**6', 1, 1],
    ['- 2632 * y ** 6 - 1036 * y ** 5 - 3666 * y ** 3 - 1443 * y ** 2', 1, 1],
    ['-2632*y**6 - 1036*y**5 - 3666*y**3 - 1443*y*y + 0', 1, 1],
    ['(94*y**3 + 37*y**2)*(-28*y**3 - 39)', 0, 0],
    ['-2632*y**6 - 1036*y**5 - 3666*y**3 + 1443*y**2', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['-2632*y^6 - 1036*y^5 - 3666*y^3 - 1443*y^2', 0, 1, 1], // parse_expr reads ^ as Xor
    ['-2632y**6 - 1036y**5 - 3666y**3 - 1443y**2', 0, 1, 1], // a syntax error to parse_expr
    ['-2632.0*y**6 - 1036*y**5 - 3666*y**3 - 1443*y**2', 0, 1, 1], // a Float is not == the Integer
  ])('differs on purpose (its differsFromSource): %s (source %s)', (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.arc.arc_1d: Reasoning-Gym's default score_answer (arc_1d.py has none; dataset.py:63)", () => {
  // The source's gold is the output row joined by single spaces (arc_1d.py:104), as r1ci's.
  const gold = generated('rg.arc.arc_1d', 0, 0);
  it('the recorded question', () => {
    expect([gold.metadata.task_name, gold.answer]).toEqual([
      'move_3pix_colorful_wrapped_right',
      '5 5 6 7 6 1 3 3 1 8 3 6',
    ]);
  });
  it.each([
    ['5 5 6 7 6 1 3 3 1 8 3 6', 1, 1],
    ['6 5 5 6 7 6 1 3 3 1 8 3', 0, 0],
    ['7 6 1 3 3 1 8 3 6 5 5 6', 0, 0], // the test input echoed
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['[5, 5, 6, 7, 6, 1, 3, 3, 1, 8, 3, 6]', 0, 1, 1],
    ['5,5,6,7,6,1,3,3,1,8,3,6', 0, 1, 1],
    ['5 5 6 7 6 1 3 3 1 8 3 6 0', 0.92, 0, 0],
  ])(`${CONTAINMENT}: %s (source %s)`, (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.cognition.number_sequence: Reasoning-Gym's default score_answer (number_sequences.py has none)", () => {
  const gold = generated('rg.cognition.number_sequence', 0, 0);
  it('the recorded question', () => {
    expect([gold.metadata.sequence, gold.answer]).toEqual([[-9, -6, 0, 12, 36, 84], '180']);
  });
  it.each([
    ['180', 1, 1],
    ['179', 0, 0],
    ['84', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['180.', 0.75, 1, 1],
    ['180.0', 0.6, 1, 1],
    ['1800', 0.75, 0, 0],
    ['-180', 0.75, 0, 0],
  ])(`${CONTAINMENT}: %s (source %s)`, (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.cognition.color_cube_rotation: Reasoning-Gym's score_answer (color_cube_rotation.py:201)", () => {
  // answer.strip().lower() equal to the gold 1.0; any other answer 0.01.
  const gold = generated('rg.cognition.color_cube_rotation', 0, 0);
  it('the recorded question', () => {
    expect([gold.metadata.rotations, gold.metadata.target, gold.answer]).toEqual([
      ['bottom', 'back', 'left'],
      'back',
      'magenta',
    ]);
  });
  it.each([
    ['magenta', 1, 1],
    ['Magenta', 1, 1],
    [' MAGENTA ', 1, 1],
    ['gold', 0, 0.01],
    ['cyan', 0, 0.01],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['magenta.', 0.01, 1, 1],
    ['The magenta', 0.01, 1, 1],
    ['light magenta', 0.01, 0, 0],
  ])('differs on purpose (its differsFromSource): %s (source %s)', (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it('differs on purpose (its differsFromSource): grey is gray (source 0.01)', () => {
    const gray = generated('rg.cognition.color_cube_rotation', 0, 12);
    expect(gray.answer).toBe('gray');
    expect(verdict(gray, 'grey')).toEqual({ correct: true, score: 1 });
  });
});

describe("rg.geometry.simple_geometry: Reasoning-Gym's default score_answer (simple_geometry.py has none)", () => {
  // The source's gold is the missing angle, an integer when it is one (simple_geometry.py:100–106).
  const gold = generated('rg.geometry.simple_geometry', 0, 0);
  it('the recorded question', () => {
    expect([gold.metadata.angles, gold.answer]).toEqual([[100, 128, 55, 105], '152']);
  });
  it.each([
    ['152', 1, 1],
    ['153', 0, 0],
    ['28', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['152°', 0.75, 1, 1],
    ['152.0', 0.6, 1, 1],
    ['152 degrees', 0.2727, 1, 1],
    ['1520', 0.75, 0, 0],
  ])(`${CONTAINMENT}: %s (source %s)`, (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.geometry.advanced_geometry: Reasoning-Gym's score_answer (advanced_geometry.py:233)", () => {
  // angle_measure (line 241): ° dropped, np.round(·, 2) equal to the gold's (given to 2 decimals) 1.0, another
  // number 0.05. orthocenter (250): both coordinates equal or equal at np.round(·, 3) 1.0, else 0.01.
  // incircle_radius (270): the gold text 1.0, equal to the exact radius at np.round(·, 2) 0.5, another number
  // 0.05. Anything that raises (no number) 0.01 (line 281).
  const radius = generated('rg.geometry.advanced_geometry', 0, 0);
  const ortho = generated('rg.geometry.advanced_geometry', 0, 1);
  const angle = generated('rg.geometry.advanced_geometry', 0, 3);
  const golds = { radius, orthocenter: ortho, angle };
  it('the recorded questions', () => {
    expect([radius, ortho, angle].map((g) => [g.metadata.task_type, g.metadata.B, g.answer])).toEqual([
      ['incircle_radius', [-8, -2], '0.222'],
      ['orthocenter', [3, 9], '(3.800, 8.800)'],
      ['angle_measure', [-9, 6], '71.862°'],
    ]);
  });
  it.each([
    ['radius', '0.222', 1, 1],
    ['radius', '0.22', 0, 0.5],
    ['radius', '0.221', 0, 0.5],
    ['radius', '0.23', 0, 0.05],
    ['orthocenter', '(3.800, 8.800)', 1, 1],
    ['orthocenter', '3.8, 8.8', 1, 1],
    ['orthocenter', '(3.8004, 8.7996)', 1, 1],
    ['orthocenter', '(8.800, 3.800)', 0, 0.01],
    ['angle', '71.86°', 1, 1], // the source's own gold
    ['angle', '71.862', 1, 1],
    ['angle', '71.864', 1, 1],
    ['angle', '71.855', 1, 1], // 7185.5 rounds to the even 7186
    ['angle', '71.866°', 0, 0.05],
    ['angle', '72', 0, 0.05],
  ] as const)('%s %s: correct %s, score %s', (kind, answer, correct, score) => {
    expect(verdict(golds[kind], answer)).toEqual({ correct: correct === 1, score });
  });
  it.each([
    ['radius', '0.2221', 0.5, 1, 1],
    ['radius', '2/9', 0.01, 1, 1],
    ['radius', 'r = 0.222', 0.01, 0, 0],
    ['orthocenter', '(3.801, 8.800)', 0.01, 1, 1],
    ['orthocenter', '(3.80, 8.80, 0)', 1, 0, 0],
    ['angle', '71.86 degrees', 0.01, 1, 1],
    ['angle', 'seventy', 0.01, 0, 0],
  ] as const)('differs on purpose (its differsFromSource): %s %s (source %s)', (kind, answer, _, correct, score) => {
    expect(verdict(golds[kind], answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.induction.list_functions: Reasoning-Gym's default score_answer (list_functions.py has none)", () => {
  // The source's gold is str() of the output list (generators.py), as r1ci's.
  const gold = generated('rg.induction.list_functions', 0, 0);
  it('the recorded question', () => {
    expect([gold.metadata.rule, gold.metadata.test_input, gold.answer]).toEqual([
      '2x − 4 for each element',
      [70, 87, 100, 13, 8],
      '[136, 170, 196, 22, 12]',
    ]);
  });
  it.each([
    ['[136, 170, 196, 22, 12]', 1, 1],
    ['[136, 170, 196, 22]', 0, 0],
    ['[136, 170, 196, 22, 12, 0]', 0, 0],
    ['[70, 87, 100, 13, 8]', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
  it.each<Departure>([
    ['[136,170,196,22,12]', 0, 1, 1],
    ['Output: [136, 170, 196, 22, 12]', 0.7419, 0, 0],
  ])(`${CONTAINMENT}: %s (source %s)`, (answer, _, correct, score) => {
    expect(verdict(gold, answer)).toEqual({ correct: correct === 1, score });
  });
});
