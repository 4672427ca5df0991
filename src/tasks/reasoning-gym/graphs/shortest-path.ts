// rg.graphs.shortest_path: a shortest 4-direction path from * to # through open cells, or
// "infeasible". Any path of minimal length that stays on open cells is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

const DIRECTIONS: Record<string, [number, number]> = { right: [0, 1], down: [1, 0], left: [0, -1], up: [-1, 0] };

function find(matrix: string[][], mark: string): [number, number] {
  for (let r = 0; r < matrix.length; r++) {
    const c = matrix[r].indexOf(mark);
    if (c >= 0) return [r, c];
  }
  return [-1, -1];
}

/** BFS; a shortest path as direction words, or null when # cannot be reached. */
function shortestPath(matrix: string[][]): string[] | null {
  const rows = matrix.length,
    cols = matrix[0].length;
  const [sr, sc] = find(matrix, '*');
  const previous = new Map<number, [number, string]>();
  const queue = [sr * cols + sc];
  previous.set(queue[0], [-1, '']);
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head],
      r = Math.floor(cell / cols),
      c = cell % cols;
    if (matrix[r][c] === '#') {
      const path: string[] = [];
      for (let at = cell; at !== queue[0]; at = previous.get(at)![0]) path.push(previous.get(at)![1]);
      return path.reverse();
    }
    for (const [name, [dr, dc]] of Object.entries(DIRECTIONS)) {
      const nr = r + dr,
        nc = c + dc,
        next = nr * cols + nc;
      if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || matrix[nr][nc] === 'X' || previous.has(next)) continue;
      previous.set(next, [cell, name]);
      queue.push(next);
    }
  }
  return null;
}

export const shortestPathTask = defineTask({
  id: 'rg.graphs.shortest_path',
  source: 'rg',
  category: 'graphs',
  description: 'Find a shortest path from * to # in a grid with blocked cells.',
  answerFormat: 'directions separated by spaces (right down …), or infeasible',
  options: {
    min_rows: { kind: 'int', default: 5, min: 1, max: 100, description: 'fewest rows' },
    max_rows: { kind: 'int', default: 8, min: 1, max: 100, description: 'most rows' },
    min_cols: { kind: 'int', default: 5, min: 2, max: 100, description: 'fewest columns' },
    max_cols: { kind: 'int', default: 8, min: 2, max: 100, description: 'most columns' },
    p_blocked: { kind: 'float', default: 0.4, min: 0, max: 1, description: 'probability that a cell is blocked' },
  },
  ranges: [
    ['min_rows', 'max_rows'],
    ['min_cols', 'max_cols'],
  ],
  generate(options, rng) {
    const rows = rng.int(options.min_rows, options.max_rows),
      cols = rng.int(options.min_cols, options.max_cols);
    const matrix: string[][] = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => (rng.next() < options.p_blocked ? 'X' : 'O')),
    );
    const sr = rng.int(0, rows - 1),
      sc = rng.int(0, cols - 1);
    matrix[sr][sc] = '*';
    let er: number, ec: number;
    do {
      er = rng.int(0, rows - 1);
      ec = rng.int(0, cols - 1);
    } while (er === sr && ec === sc);
    matrix[er][ec] = '#';
    const path = shortestPath(matrix);
    const prompt =
      'Your task is to find the shortest path from the start to the destination point in a grid.\n\n' +
      ('The grid is represented as a matrix with the following types of cells:\n- *: your starting point\n- #: ' +
        'your destination point\n- O: an open cell\n- X: a blocked cell\n\n') +
      'Therefore, you need to find the shortest path from * to #, moving only through open cells.\n\n' +
      'You may only move in four directions: up, down, left, and right.\n\n' +
      'If there is no path from * to #, simply write "infeasible" (without quotes).\n\n' +
      'Your output should be a sequence of directions that leads from * to #, e.g. right right down down up left\n\n' +
      (`Now, find the shortest path from * to # in the following ` +
        `grid:\n${matrix.map((row) => row.join(' ')).join('\n')}\n\n`) +
      'Give the directions (or infeasible) within triple angle brackets, as <<<directions>>>.';
    return {
      prompt,
      answer: path ? path.join(' ') : 'infeasible',
      metadata: { matrix, length: path ? path.length : -1 },
    };
  },
  check(instance, answer) {
    const matrix = instance.metadata.matrix as string[][];
    const best = instance.metadata.length as number;
    const words = answer
      .trim()
      .toLowerCase()
      .replace(/[[\]"'.]/g, ' ')
      .split(/[\s,]+/)
      .filter((w) => w.length > 0);
    if (words.length === 0) return unparseable('expected directions or infeasible');
    if (words.length === 1 && words[0] === 'infeasible') return best < 0 ? CORRECT : wrong('a path exists');
    if (words.some((w) => !(w in DIRECTIONS))) return unparseable('directions must be up, down, left or right');
    if (best < 0) return wrong('there is no path');
    let [r, c] = find(matrix, '*');
    for (const w of words) {
      r += DIRECTIONS[w][0];
      c += DIRECTIONS[w][1];
      if (r < 0 || r >= matrix.length || c < 0 || c >= matrix[0].length || matrix[r][c] === 'X')
        return wrong('the path leaves the grid or enters a blocked cell');
    }
    if (matrix[r][c] !== '#') return wrong('the path does not end at #');
    // Reasoning-Gym's score_answer gives a valid path longer than the shortest 0.5.
    return words.length === best ? CORRECT : wrong(`${words.length} moves; the shortest path has ${best}`, 0.5);
  },
  referenceSolution(instance) {
    return `from collections import deque
m = ${JSON.stringify(instance.metadata.matrix)}
R, C = len(m), len(m[0])
start = next((r, c) for r in range(R) for c in range(C) if m[r][c] == '*')
prev = {start: None}
q = deque([start])
end = None
while q:
    r, c = q.popleft()
    if m[r][c] == '#':
        end = (r, c)
        break
    for name, dr, dc in (('right', 0, 1), ('down', 1, 0), ('left', 0, -1), ('up', -1, 0)):
        n = (r + dr, c + dc)
        if 0 <= n[0] < R and 0 <= n[1] < C and m[n[0]][n[1]] != 'X' and n not in prev:
            prev[n] = ((r, c), name)
            q.append(n)
if end is None:
    print('infeasible')
else:
    path = []
    while prev[end]:
        end, name = prev[end]
        path.append(name)
    print(' '.join(reversed(path)))
`;
  },
});
