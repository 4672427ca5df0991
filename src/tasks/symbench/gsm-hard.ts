// symbench.gsm_hard: GSM-Hard word problems (GSM8K with large numbers), fixed data; the answer is a
// number compared at the precision it is written in (see checkGsmNumber).
import { defineTask } from '../define-task.js';
import { CORRECT, normalizeText, parseNumber, unparseable, wrong } from '../answer.js';
import { datasetRef, datasetRow } from './math-dataset-task.js';

type GsmRow = { input: string; code: string; target: number };

/** A plain number from `$1,234.50`, `\boxed{12}`, `12.`, `25/3`; null otherwise. */
export function readGsmNumber(text: string): number | null {
  let t = normalizeText(text)
    .replace(/^\\boxed\{(.*)\}$/, '$1')
    .replace(/^\$|^\\\$/, '')
    .replace(/\.$/, '')
    .trim();
  t = t.replace(/^(-?)\$/, '$1');
  const fraction = /^(-?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (fraction) return Number(fraction[2]) === 0 ? null : Number(fraction[1]) / Number(fraction[2]);
  return parseNumber(t);
}

/**
 * GSM-Hard targets are floats such as 14053029.666666666. An integer target needs the exact value;
 * a fractional one accepts the value rounded to the decimals written (two or more), within 0.1%.
 */
export function gsmNumbersMatch(target: number, value: number, written: string): boolean {
  if (Math.abs(value - target) <= 1e-12 * Math.max(1, Math.abs(target))) return true;
  if (Number.isInteger(target)) return false;
  const decimals = /\.(\d+)/.exec(written)?.[1].length ?? 0;
  if (decimals < 2 && !written.includes('/')) return false;
  const tolerance = written.includes('/') ? 1e-9 * Math.abs(target) : 0.5 * 10 ** -decimals + 1e-12 * Math.abs(target);
  return Math.abs(value - target) <= tolerance && Math.abs(value - target) <= 1e-3 * Math.abs(target);
}

export const gsmHard = defineTask({
  id: 'symbench.gsm_hard',
  source: 'symbench',
  description: 'A GSM-Hard grade-school word problem with large numbers (fixed data, row = index).',
  answerFormat: 'a number (fractional answers to at least two decimals)',
  options: {},
  dataset: datasetRef('symbench/gsm_hard'),
  generate(_options, _rng, index) {
    const row = datasetRow<GsmRow>('symbench/gsm_hard', index);
    const prompt =
      `${row.input}\n\nOutput the final answer as a single number (if it is not a whole number, give ` +
      `at least two decimal places) with the format <<<answer>>>.`;
    return { prompt, answer: String(row.target), metadata: { target: row.target, code: row.code } };
  },
  check(instance, answer) {
    const value = readGsmNumber(answer);
    if (value === null) return unparseable('expected a single number');
    return gsmNumbersMatch(instance.metadata.target as number, value, normalizeText(answer)) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    // GSM-Hard ships a Python program per problem (`code`, defining solution()); run it and print its value.
    return `${instance.metadata.code as string}\nprint(solution())\n`;
  },
});
