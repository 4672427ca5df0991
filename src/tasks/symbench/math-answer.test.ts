// MATH answer equivalence: a table of spellings, and coverage over every real answer in the fixtures
// (each gold answer re-spelled must still verify; the share the compute engine parses is reported).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, SHARED_DATA_DIR, noteMissingData } from '../../../test/helpers/shared-data.js';
import { lastBoxed, mathAnswersEqual, normalizeLatex, parseScalar } from './math-answer.js';

describe('mathAnswersEqual', () => {
  const table: [string, string, boolean][] = [
    ['\\frac{1}{2}', '\\dfrac{1}{2}', true],
    ['\\frac{1}{2}', '0.5', true],
    ['\\frac{1}{2}', '1/2', true],
    ['\\frac{1}{3}', '0.333', false],
    ['\\tfrac34', '3/4', true],
    ['\\frac{\\sqrt6}2', '\\frac{\\sqrt{6}}{2}', true],
    ['\\frac{\\sqrt6}2', '\\sqrt{6}/2', true],
    ['\\frac{\\sqrt6}2', 'sqrt(6)/2', true],
    ['\\frac{\\sqrt6}2', '\\sqrt{3}/2', false],
    ['2\\sqrt{3}', '\\sqrt{12}', true],
    ['5\\sqrt{5}/3', '\\frac{5\\sqrt{5}}{3}', true],
    ['12+12\\sqrt{3}', '12(\\sqrt{3}+1)', true],
    ['AB=12+12\\sqrt{3}', '12+12\\sqrt3', true],
    ['(18, -18)', '(18,-18)', true],
    ['(18, -18)', '\\left(18, -18\\right)', true],
    ['(18, -18)', '(-18, 18)', false],
    ['(18, -18)', '18, -18', false],
    ['[2, 5)', '[2,5)', true],
    ['[2, 5)', '(2, 5)', false],
    ['(-\\infty, 3]', '(-\\infty,3]', true],
    ['\\{4,5,7\\}', '\\{7, 4, 5\\}', true],
    ['12,9', '9, 12', true],
    ['30^\\circ', '30', true],
    ['30^\\circ', '30^{\\circ}', true],
    ['30^\\circ', '31', false],
    ['60\\text{ inches}', '60', true],
    ['\\$675', '675', true],
    ['\\$3.60', '3.6', true],
    ['1,\\!000,\\!000', '1000000', true],
    ['1,\\!722', '1722', true],
    ['164 \\pi \\mbox{ square feet}', '164\\pi', true],
    ['164 \\pi', '515.2', false],
    ['4\\pi', '4π', true],
    ['4\\pi', '4 pi', true],
    ['\\frac{\\pi r}{h+r}', '\\frac{r\\pi}{r+h}', true],
    ['\\frac{\\pi r}{h+r}', '\\frac{\\pi h}{h+r}', false],
    ['\\text{CBAD}', 'CBAD', true],
    ['\\text{(C)}', '(C)', true],
    ['\\text{(C)}', '(D)', false],
    ['25\\%', '25', true],
    ['\\frac{1}{4m}', '\\frac{1}{4 m}', true],
    ['K=8', '8', true],
    ['-1', '- 1', true],
    ['7', '', false],
    ['7', '7, 7', false],
  ];
  it.each(table)('%s vs %s → %s', (gold, candidate, expected) => {
    expect(mathAnswersEqual(gold, candidate)).toBe(expected);
  });
  it('lastBoxed reads nested braces', () => {
    expect(lastBoxed('so $\\boxed{1}$ and then $\\boxed{\\frac{a}{b}}$.')).toBe('\\frac{a}{b}');
    expect(normalizeLatex('\\boxed{\\dfrac12}')).toBe('\\frac{1}{2}');
  });
});

function goldAnswers(file: string): string[] {
  return readFileSync(join(SHARED_DATA_DIR, 'symbench', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => lastBoxed((JSON.parse(line) as { solution: string }).solution) ?? '');
}

/** Spelling changes that keep the value: each must still verify against the original. */
const RESPELL: [string, (s: string) => string][] = [
  ['identity', (s) => s],
  ['\\frac → \\dfrac', (s) => s.replace(/\\frac/g, '\\dfrac')],
  ['\\dfrac → \\frac', (s) => s.replace(/\\dfrac/g, '\\frac')],
  [
    'spaces around operators and list commas',
    (s) => s.replace(/([+=])/g, ' $1 ').replace(/,(?!(\\!)?\d{3}(?!\d))/g, ' , '),
  ],
  ['\\left( \\right)', (s) => (/^\(.*\)$/.test(s) ? `\\left(${s.slice(1, -1)}\\right)` : s)],
  ['wrapped in $…$', (s) => `$${s}$`],
  ['wrapped in \\boxed{}', (s) => `\\boxed{${s}}`],
];

describe.skipIf(!HAS_SHARED_DATA)('coverage on the real MATH answers', () => {
  noteMissingData('MATH answer coverage');
  it('every gold answer, re-spelled, verifies against itself; report the share the engine parses', () => {
    const answers = [...goldAnswers('math_geometry.jsonl'), ...goldAnswers('math_counting_and_probability.jsonl')];
    expect(answers.length).toBe(1641);
    expect(answers.filter((a) => a === '').length).toBe(0);
    const failures: string[] = [];
    for (const answer of answers) {
      for (const [name, respell] of RESPELL)
        if (!mathAnswersEqual(answer, respell(answer))) failures.push(`${name}: ${answer}`);
    }
    expect(failures).toEqual([]);
    const parsed = answers.filter((a) => {
      const n = normalizeLatex(a);
      return n
        .split(',')
        .every((part) => parseScalar(part.replace(/^[([]|[)\]]$/g, '').replace(/^\\\{|\\\}$/g, '')).ok);
    }).length;
    const share = parsed / answers.length;
    console.info(
      `MATH answers parsed by the compute engine: ${parsed}/${answers.length} (${(100 * share).toFixed(1)}%)`,
    );
    expect(share).toBeGreaterThan(0.9);
  });
  it('a wrong value is not accepted: each numeric gold answer plus one is rejected', () => {
    const answers = [...goldAnswers('math_geometry.jsonl'), ...goldAnswers('math_counting_and_probability.jsonl')];
    const numeric = answers.filter((a) => /^-?\d+$/.test(normalizeLatex(a)));
    expect(numeric.length).toBeGreaterThan(500);
    const accepted = numeric.filter((a) => mathAnswersEqual(a, String(Number(normalizeLatex(a)) + 1)));
    expect(accepted).toEqual([]);
  });
});
