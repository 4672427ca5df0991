// rg.algorithmic.rotten_oranges: minutes until no fresh orange is left when rot spreads to the four
// neighbours each minute; -1 when some fresh orange can never rot.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseInteger } from '../../answer.js';
import { formatMatrix } from '../../kit/index.js';

/** Breadth-first spread from every rotten orange at once. */
export function minutesToRot(grid: readonly (readonly number[])[]): number {
  const n = grid.length,
    m = grid[0].length;
  const state = grid.map((row) => row.slice());
  let fresh = 0;
  let frontier: [number, number][] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < m; c++) {
      if (state[r][c] === 1) fresh++;
      else if (state[r][c] === 2) frontier.push([r, c]);
    }
  let minutes = 0;
  while (fresh > 0 && frontier.length > 0) {
    const next: [number, number][] = [];
    for (const [r, c] of frontier) {
      for (const [nr, nc] of [
        [r + 1, c],
        [r - 1, c],
        [r, c + 1],
        [r, c - 1],
      ]) {
        if (nr >= 0 && nr < n && nc >= 0 && nc < m && state[nr][nc] === 1) {
          state[nr][nc] = 2;
          fresh--;
          next.push([nr, nc]);
        }
      }
    }
    if (next.length > 0) minutes++;
    frontier = next;
  }
  return fresh === 0 ? minutes : -1;
}

export const rottenOranges = defineTask({
  id: 'rg.algorithmic.rotten_oranges',
  source: 'rg',
  category: 'algorithmic',
  description: 'Minutes until every orange in a grid has rotted, or -1.',
  answerFormat: 'an integer (-1 when impossible)',
  options: {
    min_n: { kind: 'int', default: 10, min: 2, max: 100, description: 'smallest grid side' },
    max_n: { kind: 'int', default: 30, min: 2, max: 100, description: 'largest grid side' },
    p_oranges: {
      kind: 'float',
      default: 0.85,
      min: 0.01,
      max: 1,
      description: 'probability that a cell holds an orange',
    },
    p_rotten: {
      kind: 'float',
      default: 0.1,
      min: 0.01,
      max: 1,
      description: 'probability that an orange starts rotten',
    },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const n = rng.int(options.min_n, options.max_n);
    const grid = Array.from({ length: n }, () =>
      Array.from({ length: n }, () => (rng.next() < options.p_oranges ? (rng.next() < options.p_rotten ? 2 : 1) : 0)),
    );
    const prompt = [
      'You are given an n x n grid where each cell can have one of three values:',
      '- 0 representing an empty cell',
      '- 1 representing a fresh orange',
      '- 2 representing a rotten orange',
      '',
      'Every minute, any fresh orange that is 4-directionally adjacent to a rotten orange becomes rotten.',
      '',
      'Your task is determine the minimum number of minutes that must elapse until no cell has a fresh orange.',
      'If this is impossible, return -1.',
      '',
      'Now, determine the minimum number of minutes that must elapse until no cell in the grid below has a fresh ' +
        'orange:',
      formatMatrix(grid),
      '',
      answerInstruction('the number of minutes, or -1'),
    ].join('\n');
    return { prompt, answer: String(minutesToRot(grid)), metadata: { matrix: grid } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `g = ${JSON.stringify(instance.metadata.matrix)}
n = len(g)
minutes = 0
while True:
    fresh = [(r, c) for r in range(n) for c in range(n) if g[r][c] == 1]
    if not fresh:
        print(minutes)
        break
    turn = [(r, c) for r, c in fresh if any(0 <= r + dr < n and 0 <= c + dc < n and g[r + dr][c + dc] == 2 for dr, dc \
in ((1, 0), (-1, 0), (0, 1), (0, -1)))]
    if not turn:
        print(-1)
        break
    for r, c in turn:
        g[r][c] = 2
    minutes += 1
`;
  },
});
