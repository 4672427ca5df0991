// symbench.pattern_recognition: find the one square (side ≥ 3) of a single repeated letter in a
// random letter matrix and give its bottom-right corner (CodeSteer's pattern recognition).
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { parseCells } from '../kit/index.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MIN_SQUARE = 3;

/** Top-left corners of every uniform MIN_SQUARE×MIN_SQUARE window. */
function uniformWindows(m: string[][]): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r + MIN_SQUARE <= m.length; r++) {
    for (let c = 0; c + MIN_SQUARE <= m[0].length; c++) {
      let uniform = true;
      for (let i = 0; i < MIN_SQUARE && uniform; i++)
        for (let j = 0; j < MIN_SQUARE && uniform; j++) uniform = m[r + i][c + j] === m[r][c];
      if (uniform) out.push([r, c]);
    }
  }
  return out;
}

export const patternRecognition = defineTask({
  id: 'symbench.pattern_recognition',
  source: 'symbench',
  description: 'Locate the bottom-right corner of the single-letter square hidden in a letter matrix.',
  answerFormat: '[row, column], 0-based',
  options: {
    min_size: { kind: 'int', default: 6, min: 4, max: 20, description: 'fewest rows/columns' },
    max_size: { kind: 'int', default: 15, min: 4, max: 20, description: 'most rows/columns' },
  },
  ranges: [['min_size', 'max_size']],
  generate(options, rng) {
    for (;;) {
      const rows = rng.int(options.min_size, options.max_size),
        cols = rng.int(options.min_size, options.max_size);
      const side = rng.int(MIN_SQUARE, Math.max(MIN_SQUARE, Math.floor(Math.min(rows, cols) / 2)));
      const m = Array.from({ length: rows }, () => Array.from({ length: cols }, () => LETTERS[rng.int(0, 25)]));
      const letter = LETTERS[rng.int(0, 25)];
      const top = rng.int(0, rows - side),
        left = rng.int(0, cols - side);
      for (let r = top; r < top + side; r++) for (let c = left; c < left + side; c++) m[r][c] = letter;
      // Unique: every uniform 3×3 window lies inside the planted square.
      const inside = ([r, c]: [number, number]) =>
        r >= top && c >= left && r + MIN_SQUARE <= top + side && c + MIN_SQUARE <= left + side;
      if (!uniformWindows(m).every(inside)) continue;
      const prompt =
        `Given a character matrix, your task is to identify the positions of all squares with a length of at ` +
        `least ${MIN_SQUARE} and output the row and column numbers of the bottom-right corner of these squares. ` +
        (`The squares are composed of the same character, and each side has a length of at ` +
          `least ${MIN_SQUARE}.\n\nIf the matrix is\n\n${m.map((row) => row.join(' ')).join('\n')}\n\n`) +
        (`Please provide the row and column of the bottom-right vertex of the largest square in the character ` +
          `matrix with a side length of at least ${MIN_SQUARE} (the answer is unique). `) +
        'Notice: All coordinates start from 0.\n\nYour answer should be in the format <<<[row, column]>>>.';
      return {
        prompt,
        answer: `[${top + side - 1}, ${left + side - 1}]`,
        metadata: { matrix: m.map((row) => row.join('')) },
      };
    }
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    if (cells === null || cells.length !== 2 || !cells.every((cell) => /^\d{1,3}$/.test(cell)))
      return unparseable('expected [row, column]');
    return `[${cells[0]}, ${cells[1]}]` === instance.answer.replace(/\s+/g, ' ') ||
      `[${Number(cells[0])}, ${Number(cells[1])}]` === instance.answer
      ? CORRECT
      : wrong();
  },
  referenceSolution(instance) {
    return `rows = ${JSON.stringify(instance.metadata.matrix)}
n, m = len(rows), len(rows[0])
size = [[0] * m for _ in range(n)]
best = (0, 0, 0)
for r in range(n):
    for c in range(m):
        size[r][c] = 1
        if r and c and rows[r][c] == rows[r - 1][c] == rows[r][c - 1] == rows[r - 1][c - 1]:
            size[r][c] = 1 + min(size[r - 1][c], size[r][c - 1], size[r - 1][c - 1])
        if size[r][c] > best[0]:
            best = (size[r][c], r, c)
print(f"[{best[1]}, {best[2]}]")
`;
  },
});
