// The solver of symbench.game24: one expression that uses every number once and reaches a target
// (answers are read by the kit's parseIntegerExpression).
import { gcd } from '../kit/index.js';

type Item = { num: number; den: number; text: string };

/** a∘b for the four operations as [num, den, symbol] (den may be negative; null-free). */
function combine(a: Item, b: Item, both: boolean): [number, number, string][] {
  const out: [number, number, string][] = [];
  if (both) out.push([a.num * b.den + b.num * a.den, a.den * b.den, '+'], [a.num * b.num, a.den * b.den, '*']);
  out.push([a.num * b.den - b.num * a.den, a.den * b.den, '-']);
  if (b.num !== 0) out.push([a.num * b.den, a.den * b.num, '/']);
  return out;
}

/** One fully parenthesised expression using every number once that equals `target`, or null. */
export function solveTarget(numbers: readonly number[], target: number): string | null {
  const failed = new Set<string>();
  const search = (items: Item[]): string | null => {
    if (items.length === 1) return items[0].den === 1 && items[0].num === target ? items[0].text : null;
    if (items.length === 2) {
      // Last step: test values before building any text.
      for (const [x, y] of [
        [items[0], items[1]],
        [items[1], items[0]],
      ]) {
        for (const [n0, d0, op] of combine(x, y, x === items[0])) {
          if (d0 !== 0 && n0 === target * d0) return `(${x.text}${op}${y.text})`;
        }
      }
      return null;
    }
    const key = items
      .map((it) => `${it.num}/${it.den}`)
      .sort()
      .join(',');
    if (failed.has(key)) return null;
    for (let i = 0; i < items.length; i++) {
      for (let j = 0; j < items.length; j++) {
        if (i === j) continue;
        const a = items[i],
          b = items[j];
        const rest = items.filter((_, k) => k !== i && k !== j);
        for (const [n0, d0, op] of combine(a, b, i < j)) {
          const sign = d0 < 0 ? -1 : 1;
          const g = gcd(n0, d0); // ≥ 1: no denominator is ever 0
          const found = search([
            ...rest,
            { num: (sign * n0) / g, den: (sign * d0) / g, text: `(${a.text}${op}${b.text})` },
          ]);
          if (found) return found;
        }
      }
    }
    failed.add(key);
    return null;
  };
  const found = search(numbers.map((n) => ({ num: n, den: 1, text: String(n) })));
  // The outermost pair always wraps the whole expression: drop it.
  return found !== null && found.startsWith('(') ? found.slice(1, -1) : found;
}
