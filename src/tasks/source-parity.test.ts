// Recorded cases per family: a question, an answer, and the verdict of the source's own scorer
// (read from its code at the named commit); r1ci must agree, or the case says why it differs on
// purpose. rush_hour and sokoban keep theirs beside their tasks (games/rush-hour.test.ts, sokoban.test.ts).
import { describe, expect, it } from 'vitest';
import { getTask } from './registry.js';
import type { TaskInstance } from './types.js';

const instance = (taskId: string, answer: string, metadata: Record<string, unknown>): TaskInstance =>
  ({ taskId, index: 0, seed: 0, prompt: '', answer, metadata: { difficulty: {}, ...metadata } }) as TaskInstance;

/** A verdict to compare: accepted (with r1ci's score) or not, and the score where the source gives partial credit. */
const verdict = (taskId: string, gold: TaskInstance, answer: string) => {
  const result = getTask(taskId).verifyAnswer(gold, answer);
  return { correct: result.correct, score: Math.round(result.score * 1e4) / 1e4 };
};

describe("rg.logic.knights_knaves: Reasoning-Gym's score_answer (open-thought/reasoning-gym 49b0713)", () => {
  // _normalize_answer lower-cases, drops . , ( ), skips is/a/an/and and pairs each role word with the
  // word before it; equal sets score 1.0, equal sizes with m of n right 0.3 + 0.7·m/n, else 0.0.
  const gold = instance('rg.logic.knights_knaves', 'Hazel is an altruist, and Emma is an egoist.', {
    names: ['Hazel', 'Emma'], roles: ['altruist', 'egoist'], solution: [true, false],
  });
  it.each([
    ['Hazel is an altruist, and Emma is an egoist.', 1, 1],
    ['HAZEL IS AN ALTRUIST, AND EMMA IS AN EGOIST', 1, 1],
    ['Emma is an egoist and Hazel is an altruist', 1, 1],
    ['Hazel altruist, Emma egoist', 1, 1],
    ['(Hazel) altruist. (Emma) egoist.', 1, 1],
    ['Hazel is an altruist, and Emma is an altruist.', 0, 0.65],
    ['Hazel is an egoist, and Emma is an altruist.', 0, 0],
    ['Hazel is an altruist.', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict('rg.logic.knights_knaves', gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.graphs.shortest_path: Reasoning-Gym's score_answer (open-thought/reasoning-gym 49b0713)", () => {
  // A valid path from * to # as long as the gold scores 1.0; a valid longer one 0.5; anything else 0.0.
  const matrix = [['*', 'O', 'O'], ['X', 'X', 'O'], ['#', 'O', 'O']];
  const gold = instance('rg.graphs.shortest_path', 'right right down down left left', { matrix, length: 6 });
  it.each([
    ['right right down down left left', 1, 1],
    ['right left right right down down left left', 0, 0.5],
    ['right right down down left', 0, 0],
    ['down down', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict('rg.graphs.shortest_path', gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.graphs.quantum_lock: Reasoning-Gym's score_answer and simulate_sequence (49b0713)", () => {
  // A press in the wrong light is skipped; reaching the target scores 1.0 at the gold's length, else 0.5.
  const buttons = [
    { name: 'A', type: 'add', value: 2, active_state: 'any' },
    { name: 'B', type: 'multiply', value: 3, active_state: 'green' },
    { name: 'C', type: 'subtract', value: 1, active_state: 'red' },
  ];
  const gold = instance('rg.graphs.quantum_lock', 'A → B', { buttons, shortest: 2, target_value: 6 });
  it.each([
    ['A → B', 1, 1],
    ['A, B', 1, 1],
    ['B → A → B', 0, 0.5], // B in the red light is skipped
    ['A → C → B', 0, 0.5], // 2, C skipped (the light is green), 6
    ['A → A', 0, 0],
  ])('%s: correct %s, score %s', (answer, correct, score) => {
    expect(verdict('rg.graphs.quantum_lock', gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.games.sudoku: Reasoning-Gym's score_answer (open-thought/reasoning-gym 49b0713)", () => {
  // An exact match scores 1.0; otherwise each line with nine digits 1–9 (anything else ignored) is a
  // row, and the score is 0.9 × matching cells / 81, times gold length / answer length when longer.
  const rows = ['138726945', '459138267', '762459183', '345697821', '281543679', '976812354', '823974516', '617385492', '594261738'];
  const puzzle = rows.map((row, r) => Array.from(row, (d, c) => ((r * 9 + c) % 3 === 0 ? 0 : Number(d))));
  const gold = instance('rg.games.sudoku', rows.map((row) => row.split('').join(' ')).join('\n'), { puzzle });
  const swapped = rows.map((row, r) => (r === 8 ? '495261738' : row));
  it.each([
    ['the gold grid', gold.answer, 1, 1],
    ['bare digit rows (source: 0.9, a format penalty r1ci does not apply)', rows.join('\n'), 1, 1],
    ['rows as lists', rows.map((row) => `[${row.split('').join(', ')}]`).join('\n'), 1, 1],
    ['a heading line first (skipped by the source)', `Solution:\n${rows.join('\n')}`, 1, 1],
    ['two cells swapped', swapped.map((row) => row.split('').join(' ')).join('\n'), 0, 0.8778],
  ])('%s', (_, answer, correct, score) => {
    expect(verdict('rg.games.sudoku', gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe("rg.games.mini_sudoku: Reasoning-Gym's score_answer (the same reading as sudoku's, 4 digits a row)", () => {
  const rows = ['1234', '3412', '2143', '4321'];
  const puzzle = rows.map((row, r) => Array.from(row, (d, c) => ((r + c) % 2 === 0 ? 0 : Number(d))));
  const gold = instance('rg.games.mini_sudoku', rows.map((row) => row.split('').join(' ')).join('\n'), { puzzle });
  it.each([
    ['bare digit rows', rows.join('\n'), 1, 1],
    ['rows with bars', rows.map((row) => `| ${row.split('').join(' | ')} |`).join('\n'), 1, 1],
    ['the first row reversed', ['4321', ...rows.slice(1)].map((row) => row.split('').join(' ')).join('\n'), 0, 0.675],
  ])('%s', (_, answer, correct, score) => {
    expect(verdict('rg.games.mini_sudoku', gold, answer)).toEqual({ correct: correct === 1, score });
  });
});

describe(("symbench.game24: CodeSteer's validate_equation (yongchao98/CodeSteer-v1.0, " + "benchmark/run_game24_baseline_methods.py)"), () => {
  // It compares the first side's numbers with the given ones, rewrites \times, \div and \frac{a}{b}
  // to Python, and needs both the first and the last side of '=' to evaluate to 24.
  const gold = instance('symbench.game24', '6*(3+2-1)', { numbers: [1, 2, 3, 6], target: 24 });
  it.each([
    ['6 \\times (3 + 2 - 1)', 1],
    ['6 \\times (3 + 2 - 1) = 24', 1],
    ['6 \\times (3 + 2 - 1) = 6 \\times 4 = 24', 1],
    ['\\frac{6}{1} \\times (3 + 2) - 6', 0],
    ['(6 \\times 3 + 2) \\times 1 = 20', 0],
    ['6 \\times (3 + 2 + 1)', 0],
  ])('%s: accepted %s', (answer, correct) => {
    expect(verdict('symbench.game24', gold, answer).correct).toBe(correct === 1);
  });
  it('a nested fraction is read the way the source reads it', () => {
    const four = instance('symbench.game24', '6/(1-3/4)', { numbers: [1, 3, 4, 6], target: 24 });
    expect(verdict('symbench.game24', four, '6 / (1 - \\frac{3}{4})').correct).toBe(true);
    expect(verdict('symbench.game24', four, '\\frac{6}{1 - \\frac{3}{4}}').correct).toBe(false); // source: eval fails
  });
  it('differs on purpose: exact fractions accept 8/(3-8/3), which floating point makes 23.999… in the source', () => {
    const eights = instance('symbench.game24', '8/(3-8/3)', { numbers: [3, 3, 8, 8], target: 24 });
    expect(verdict('symbench.game24', eights, '8 / (3 - 8 / 3)').correct).toBe(true);
  });
});

describe('BIG-Bench-Hard answers: CodeSteer judges them by GPT-4o (run_big_bench_hard_baseline_methods.py)', () => {
  // The judge compares the extracted answer with the target; the same number or the same bracket
  // sequence written differently is the same answer. r1ci reads these spellings deterministically.
  it.each([
    ['((3 - 7) * (2 + 0)) =', '-8', '\u22128', true],
    ['((3 - 7) * (2 + 0)) =', '-8', '-8', true],
    ['((3 - 7) * (2 + 0)) =', '-8', '8', false],
  ])('multistep arithmetic %s answered %s', (question, target, answer, correct) => {
    const gold = instance('bbh.multistep_arithmetic_two', target, { answerKind: 'integer', question });
    expect(verdict('bbh.multistep_arithmetic_two', gold, answer).correct).toBe(correct);
  });
  it.each([
    ['} ]', true], ['}, ]', true], ['},]', true], ['} ] )', false], ['] }', false],
  ])('dyck completion of "[ { ( )" answered %s', (answer, correct) => {
    const gold = instance('bbh.dyck_languages', '} ]', { answerKind: 'brackets', question: '[ { ( )' });
    expect(verdict('bbh.dyck_languages', gold, answer).correct).toBe(correct);
  });
});
