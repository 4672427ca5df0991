// Reading a lone number from an answer: the wrappers models add (`$…$`, `\boxed{}`, a final
// period) and an exact comparison with the gold rational.
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { VerifyResult } from '../types.js';
import { parseDecimal, type Rational } from './rational.js';

/** Strips a trailing period and surrounding `$…$` or `\boxed{…}`, the wrappers models add to a lone number. */
export function stripNumberWrappers(text: string): string {
  let t = text.trim();
  if (t.startsWith('$') && t.endsWith('$') && t.length >= 2) t = t.slice(1, -1).trim();
  const boxed = /^\\boxed\{(.*)\}$/s.exec(t);
  if (boxed) t = boxed[1].trim();
  if (t.endsWith('.') && /\d\.$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** Correct when the answer is a numeral (integer or decimal, optionally wrapped) exactly equal to `gold`. */
export function verifyExactNumber(answer: string, gold: Rational): VerifyResult {
  const value = parseDecimal(stripNumberWrappers(answer));
  if (!value) return unparseable('expected a number');
  return value.equals(gold) ? CORRECT : wrong();
}
