// rg.graphs.largest_island: the area of the largest 4-connected island of 1s in a binary grid,
// built from random-walk islands.
import { defineTask } from '../../define-task.js';
import { CORRECT, parseInteger, unparseable, wrong } from '../../answer.js';

function largestArea(grid: number[][]): number {
  const rows = grid.length,
    cols = grid[0].length;
  const seen = grid.map((row) => row.map(() => false));
  let best = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== 1 || seen[r][c]) continue;
      let area = 0;
      const stack: [number, number][] = [[r, c]];
      seen[r][c] = true;
      while (stack.length) {
        const [y, x] = stack.pop()!;
        area++;
        for (const [ny, nx] of [
          [y - 1, x],
          [y + 1, x],
          [y, x - 1],
          [y, x + 1],
        ]) {
          if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] === 1 && !seen[ny][nx]) {
            seen[ny][nx] = true;
            stack.push([ny, nx]);
          }
        }
      }
      best = Math.max(best, area);
    }
  return best;
}

export const largestIsland = defineTask({
  id: 'rg.graphs.largest_island',
  source: 'rg',
  category: 'graphs',
  description: 'Find the area of the largest island of 1s in a binary grid.',
  answerFormat: 'an integer',
  options: {
    min_rows: { kind: 'int', default: 5, min: 1, max: 100, description: 'fewest rows' },
    max_rows: { kind: 'int', default: 10, min: 1, max: 100, description: 'most rows' },
    min_cols: { kind: 'int', default: 5, min: 1, max: 100, description: 'fewest columns' },
    max_cols: { kind: 'int', default: 10, min: 1, max: 100, description: 'most columns' },
    min_num_islands: { kind: 'int', default: 0, min: 0, max: 100, description: 'fewest random-walk islands' },
    max_num_islands: {
      kind: 'int',
      default: 5,
      min: 0,
      max: 100,
      description: 'most random-walk islands (they may merge)',
    },
    min_island_size: { kind: 'int', default: 0, min: 0, max: 1000, description: 'fewest steps of an island walk' },
    max_island_size: { kind: 'int', default: 10, min: 0, max: 1000, description: 'most steps of an island walk' },
  },
  ranges: [
    ['min_rows', 'max_rows'],
    ['min_cols', 'max_cols'],
    ['min_num_islands', 'max_num_islands'],
    ['min_island_size', 'max_island_size'],
  ],
  generate(options, rng) {
    const rows = rng.int(options.min_rows, options.max_rows),
      cols = rng.int(options.min_cols, options.max_cols);
    const grid = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    const islands = rng.int(options.min_num_islands, options.max_num_islands);
    for (let k = 0; k < islands; k++) {
      let r = rng.int(0, rows - 1),
        c = rng.int(0, cols - 1);
      const steps = Math.min(rng.int(options.min_island_size, options.max_island_size), rows * cols);
      for (let s = 0; s < steps; s++) {
        grid[r][c] = 1;
        for (const [dr, dc] of rng.shuffle([
          [-1, 0],
          [1, 0],
          [0, -1],
          [0, 1],
        ])) {
          const nr = r + dr,
            nc = c + dc;
          if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] === 0) {
            r = nr;
            c = nc;
            break;
          }
        }
      }
    }
    const prompt =
      `You are given the following ${rows} x ${cols} binary matrix ` +
      `grid:\n${grid.map((row) => row.join(' ')).join('\n')}\n\n` +
      "An island is a group of 1's (representing land) connected 4-directionally (horizontal or vertical).\n" +
      'You may assume all four edges of the grid are surrounded by water.\n\n' +
      'The area of an island is the number of cells with a value 1 in the island.\n\n' +
      'Return the maximum area of an island in grid. If there is no island, return 0.\n' +
      'Give the area as an integer within triple angle brackets, as <<<area>>>.';
    return { prompt, answer: String(largestArea(grid)), metadata: { grid } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `grid = ${JSON.stringify(instance.metadata.grid)}
R, C = len(grid), len(grid[0])
seen = set()
best = 0
for r in range(R):
    for c in range(C):
        if grid[r][c] == 1 and (r, c) not in seen:
            stack, size = [(r, c)], 0
            seen.add((r, c))
            while stack:
                y, x = stack.pop()
                size += 1
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if 0 <= ny < R and 0 <= nx < C and grid[ny][nx] == 1 and (ny, nx) not in seen:
                        seen.add((ny, nx))
                        stack.append((ny, nx))
            best = max(best, size)
print(best)
`;
  },
});
