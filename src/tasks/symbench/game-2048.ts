// symbench.2048: move one tile of a 2048-style grid through a sequence of single steps, merging with
// equal tiles (CodeSteer's 2048). The answer is the resulting grid, row by row.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { parseCells } from '../kit/index.js';

const STEPS: Record<string, [number, number]> = { u: [-1, 0], d: [1, 0], l: [0, -1], r: [0, 1] };

export const game2048 = defineTask({
  id: 'symbench.2048',
  source: 'symbench',
  description: 'Track one tile of a 2048 grid through a sequence of moves with merges.',
  answerFormat: "the final grid's numbers row by row, comma-separated",
  options: {
    min_grid_size: { kind: 'int', default: 2, min: 2, max: 8, description: 'smallest grid side' },
    max_grid_size: { kind: 'int', default: 5, min: 2, max: 8, description: 'largest grid side' },
    min_moves: { kind: 'int', default: 2, min: 1, max: 30, description: 'fewest moves' },
    max_moves: { kind: 'int', default: 6, min: 1, max: 30, description: 'most moves' },
  },
  ranges: [
    ['min_grid_size', 'max_grid_size'],
    ['min_moves', 'max_moves'],
  ],
  generate(options, rng) {
    const n = rng.int(options.min_grid_size, options.max_grid_size);
    const grid = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const cells = Array.from({ length: n * n }, (_, i) => i);
    for (const cell of rng.sample(cells, rng.int(n, Math.min(2 * n, n * n))))
      grid[Math.floor(cell / n)][cell % n] = 2 ** rng.int(1, 5);
    let row = rng.int(0, n - 1),
      col = rng.int(0, n - 1);
    const start = [row + 1, col + 1];
    const moves = Array.from({ length: rng.int(options.min_moves, options.max_moves) }, () =>
      rng.pick(['u', 'd', 'l', 'r']),
    ).join('');
    const final = grid.map((r) => [...r]);
    for (const move of moves) {
      const [dr, dc] = STEPS[move];
      const nr = row + dr,
        nc = col + dc;
      if (nr < 0 || nr >= n || nc < 0 || nc >= n) continue;
      if (final[nr][nc] === 0 || final[nr][nc] === final[row][col]) {
        final[nr][nc] += final[row][col];
        final[row][col] = 0;
        row = nr;
        col = nc;
      }
    }
    const prompt =
      `In an ${n}x${n} grid, there are several squares containing powers of 2. We define the '2048' game: The ` +
      `numbers in the grid can move in any direction. ` +
      ('When they encounter a number that is the same power of 2, they can combine to form a larger number that ' +
        'is the next power of 2. ') +
      ('For example: 2 meets 2 -> 4; 4 meets 4 -> 8; 16 meets 16 -> 32. When they encounter a different number, ' +
        'they remain unchanged. ') +
      'A move that would leave the grid also leaves the number where it is. Empty squares are 0.\n' +
      ('u: represents moving up one step\nd: represents moving down one step\nl: represents moving left one ' +
        'step\nr: represents moving right one step\n\n') +
      (`Now, in the following matrix, move the number in position (${start[0]}, ${start[1]}) (row, column, ` +
        `counted from 1 at the top left) using the sequence '${moves}':\n`) +
      `${grid.map((r) => r.join(', ')).join('\n')}\n\n` +
      ('What is the matrix after moving?\nReturn your answer with format <<<matrix>>>: all numbers of the matrix ' +
        'row by row, separated by commas.');
    return { prompt, answer: final.map((r) => r.join(', ')).join('\n'), metadata: { grid, start, moves } };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    if (cells === null || cells.length === 0 || cells.some((cell) => !/^\d{1,7}$/.test(cell)))
      return unparseable("expected the grid's numbers separated by commas");
    const expected = instance.answer.split(/[\s,]+/);
    if (cells.length !== expected.length) return wrong(`expected ${expected.length} numbers, got ${cells.length}`);
    return cells.every((cell, i) => Number(cell) === Number(expected[i])) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `grid = ${JSON.stringify(instance.metadata.grid)}
r, c = ${(instance.metadata.start as number[])[0] - 1}, ${(instance.metadata.start as number[])[1] - 1}
n = len(grid)
for move in ${JSON.stringify(instance.metadata.moves)}:
    dr, dc = {"u": (-1, 0), "d": (1, 0), "l": (0, -1), "r": (0, 1)}[move]
    nr, nc = r + dr, c + dc
    if 0 <= nr < n and 0 <= nc < n and (grid[nr][nc] == 0 or grid[nr][nc] == grid[r][c]):
        grid[nr][nc] += grid[r][c]
        grid[r][c] = 0
        r, c = nr, nc
print("\\n".join(", ".join(map(str, row)) for row in grid))
`;
  },
});
