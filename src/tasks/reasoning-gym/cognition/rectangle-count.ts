// rg.cognition.rectangle_count: count the rectangles drawn in an ASCII grid, '#' for one outline and
// '█' where two cross (Reasoning-Gym `rectangle_count`). Outlines may only cross at right angles,
// never touch or run alongside each other, so the drawing shows exactly the rectangles placed.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { Rational, verifyExactNumber } from '../../kit/index.js';

type Rect = { left: number; right: number; top: number; bottom: number };
type Segment = { at: number; from: number; to: number };

const horizontals = (r: Rect): Segment[] => [
  { at: r.top, from: r.left, to: r.right },
  { at: r.bottom, from: r.left, to: r.right },
];
const verticals = (r: Rect): Segment[] => [
  { at: r.left, from: r.top, to: r.bottom },
  { at: r.right, from: r.top, to: r.bottom },
];
const parallelClash = (a: Segment, b: Segment): boolean =>
  Math.abs(a.at - b.at) <= 1 && a.from - 1 <= b.to && b.from <= a.to + 1;

/** A horizontal and a vertical segment may meet only in a proper crossing, away from both ends. */
function crossingClash(h: Segment, v: Segment): boolean {
  const near = v.at >= h.from - 1 && v.at <= h.to + 1 && h.at >= v.from - 1 && h.at <= v.to + 1;
  const proper = v.at > h.from && v.at < h.to && h.at > v.from && h.at < v.to;
  return near && !proper;
}

export function clashes(a: Rect, b: Rect): boolean {
  for (const h of horizontals(a)) {
    if (horizontals(b).some((g) => parallelClash(h, g)) || verticals(b).some((v) => crossingClash(h, v))) return true;
  }
  for (const v of verticals(a)) {
    if (verticals(b).some((w) => parallelClash(v, w)) || horizontals(b).some((h) => crossingClash(h, v))) return true;
  }
  return false;
}

function place(rng: Rng, wanted: number, width: number, height: number): Rect[] {
  const placed: Rect[] = [];
  for (let attempt = 0; attempt < 400 * wanted && placed.length < wanted; attempt++) {
    const left = rng.int(0, width - 3),
      top = rng.int(0, height - 3);
    const rect = { left, right: rng.int(left + 2, width - 1), top, bottom: rng.int(top + 2, height - 1) };
    if (!placed.some((other) => clashes(rect, other))) placed.push(rect);
  }
  return placed;
}

function draw(rects: readonly Rect[], width: number, height: number): string {
  const counts = Array.from({ length: height }, () => new Array<number>(width).fill(0));
  for (const r of rects) {
    for (let x = r.left; x <= r.right; x++) {
      counts[r.top][x]++;
      counts[r.bottom][x]++;
    }
    for (let y = r.top + 1; y < r.bottom; y++) {
      counts[y][r.left]++;
      counts[y][r.right]++;
    }
  }
  return counts.map((row) => row.map((c) => (c === 0 ? ' ' : c === 1 ? '#' : '█')).join('')).join('\n');
}

export const rectangleCount = defineTask({
  id: 'rg.cognition.rectangle_count',
  source: 'rg',
  category: 'cognition',
  description: 'Count the rectangles outlined in an ASCII drawing.',
  answerFormat: 'an integer',
  options: {
    max_rectangles: {
      kind: 'int',
      default: 10,
      min: 1,
      max: 40,
      description: 'most rectangles drawn (the count is drawn from 1 to this)',
    },
    width: { kind: 'int', default: 80, min: 10, max: 200, description: 'grid width' },
    height: { kind: 'int', default: 80, min: 10, max: 200, description: 'grid height' },
  },
  generate(options, rng) {
    const rects = place(rng, rng.int(1, options.max_rectangles), options.width, options.height);
    const puzzle = draw(rects, options.width, options.height);
    const prompt =
      'Your task is to count how many rectangles are present in an ASCII grid.\n' +
      "Single rectangles are outlined with a '#', overlapping rectangles (max 2) are shown with '█'.\n" +
      'Your output should be a single number, representing the total count of rectangles.\n' +
      `Now, it's your turn. How many rectangles do you see in the grid below?\n${puzzle}\n\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<count>>>.';
    return { prompt, answer: String(rects.length), metadata: { puzzle } };
  },
  check(instance, answer) {
    const verdict = verifyExactNumber(answer, Rational.of(BigInt(instance.answer)));
    if (verdict.outcome !== 'wrong') return verdict;
    // Reasoning-Gym's finer credit: 0.8 × (1 − distance/5) within 4 of the count; never `correct`.
    const distance = Math.abs(Number(answer.trim()) - Number(instance.answer));
    return { ...verdict, score: Number.isFinite(distance) && distance < 5 ? 0.8 * (1 - distance / 5) : 0 };
  },
  referenceSolution: (instance) =>
    `rows = ${JSON.stringify((instance.metadata.puzzle as string).split('\n'))}\ncell = lambda y, x: 0 <= y < ` +
    `len(rows) and 0 <= x < len(rows[y]) and rows[y][x] != " "\nprint(sum(1 for y in range(len(rows)) for x in ` +
    `range(len(rows[y])) if cell(y, x) and cell(y, x + 1) and cell(y + 1, x) and not cell(y, x - 1) and not ` +
    `cell(y - 1, x)))\n`,
});
