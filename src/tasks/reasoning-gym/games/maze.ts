// rg.games.maze: the fewest steps from start to goal in a walled grid drawn with random characters.
// Integer answer (the BFS distance).
import { defineTask } from '../../define-task.js';
import { CORRECT, parseInteger, unparseable, wrong } from '../../answer.js';
import { ConfigError } from '../../../core/index.js';

const CHARS = Array.from(
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\'()*+,-./:;=?@[\\]^_{|}~',
);

/** BFS distances from `from` over non-wall cells (-1 = unreachable), row-major. */
function distances(grid: string[][], wall: string, from: [number, number]): Int32Array {
  const size = grid.length;
  const seen = new Int32Array(size * size).fill(-1);
  const queue = [from[0] * size + from[1]];
  seen[queue[0]] = 0;
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head],
      r = Math.floor(cell / size),
      c = cell % size;
    for (const [nr, nc] of [
      [r - 1, c],
      [r + 1, c],
      [r, c - 1],
      [r, c + 1],
    ]) {
      if (nr < 0 || nc < 0 || nr >= size || nc >= size || grid[nr][nc] === wall || seen[nr * size + nc] >= 0) continue;
      seen[nr * size + nc] = seen[cell] + 1;
      queue.push(nr * size + nc);
    }
  }
  return seen;
}

export const maze = defineTask({
  id: 'rg.games.maze',
  source: 'rg',
  category: 'games',
  description: 'Find the minimum number of steps from start to goal in a character-drawn maze.',
  answerFormat: 'an integer (number of steps)',
  options: {
    min_dist: { kind: 'int', default: 5, min: 1, max: 200, description: 'shortest start–goal distance' },
    max_dist: { kind: 'int', default: 10, min: 1, max: 200, description: 'longest start–goal distance' },
    min_grid_size: { kind: 'int', default: 5, min: 3, max: 60, description: 'smallest side of the square grid' },
    max_grid_size: { kind: 'int', default: 10, min: 3, max: 60, description: 'largest side of the square grid' },
  },
  ranges: [
    ['min_dist', 'max_dist'],
    ['min_grid_size', 'max_grid_size'],
  ],
  generate(options, rng) {
    const [wall, path, start, goal] = rng.sample(CHARS, 4);
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const size = rng.int(options.min_grid_size, options.max_grid_size);
      const grid = Array.from({ length: size }, (_, r) =>
        Array.from({ length: size }, (_, c) =>
          r === 0 || c === 0 || r === size - 1 || c === size - 1 || rng.next() >= 0.7 ? wall : path,
        ),
      );
      const floor = grid.flatMap((row, r) => row.flatMap((v, c) => (v === path ? [[r, c] as [number, number]] : [])));
      if (floor.length < 2) continue;
      // As Reasoning-Gym does: start and goal anywhere on the floor, a new maze when the distance is out of range
      // (picking the goal among cells in range would favour small grids, where few cells are).
      const s = rng.pick(floor);
      const g = rng.pick(floor.filter(([r, c]) => r !== s[0] || c !== s[1]));
      const steps = distances(grid, wall, s)[g[0] * size + g[1]];
      if (steps < options.min_dist || steps > options.max_dist) continue;
      grid[s[0]][s[1]] = start;
      grid[g[0]][g[1]] = goal;
      const prompt =
        `Navigate from '${start}' (start) to '${goal}' ` +
        `(goal):\n\n\`\`\`\n${grid.map((row) => row.join('')).join('\n')}\n\`\`\`\n` +
        (`Legend: '${wall}' = Wall, '${path}' = Passage\n\nWhat is the minimum number of steps to reach the ` +
          `goal? (A step moves up, down, left or right.)\n`) +
        'Give only the number of steps within triple angle brackets, as <<<steps>>>.';
      return { prompt, answer: String(steps), metadata: { grid: grid.map((row) => row.join('')), wall, start, goal } };
    }
    throw new ConfigError(
      `rg.games.maze: no maze with distance in [${options.min_dist}, ${options.max_dist}] fits grids of ` +
        `side ${options.min_grid_size}–${options.max_grid_size}; widen the ranges`,
    );
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const { grid, wall, start, goal } = instance.metadata as Record<string, string | string[]>;
    return `from collections import deque
grid = ${JSON.stringify(grid)}
wall, start, goal = ${JSON.stringify(wall)}, ${JSON.stringify(start)}, ${JSON.stringify(goal)}
n = len(grid)
s = next((r, c) for r in range(n) for c in range(n) if grid[r][c] == start)
dist = {s: 0}
q = deque([s])
while q:
    r, c = q.popleft()
    if grid[r][c] == goal:
        print(dist[(r, c)])
        break
    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
        if 0 <= nr < n and 0 <= nc < n and grid[nr][nc] != wall and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            q.append((nr, nc))
`;
  },
});
