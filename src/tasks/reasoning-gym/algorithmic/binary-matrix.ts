// rg.algorithmic.binary_matrix: for each cell of a 0/1 square matrix, the Manhattan distance to the
// nearest 0 (multi-source breadth-first search). The answer is the whole distance matrix.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { formatMatrix, parseIntegerMatrix, sameMatrix } from '../../kit/index.js';

/** Distance from every cell to its nearest 0, by breadth-first search from all zeros at once. */
export function nearestZeroDistances(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length,
    m = matrix[0].length;
  const dist: number[][] = matrix.map((row) => row.map((v) => (v === 0 ? 0 : -1)));
  let frontier: [number, number][] = [];
  for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) if (dist[r][c] === 0) frontier.push([r, c]);
  for (let d = 1; frontier.length > 0; d++) {
    const next: [number, number][] = [];
    for (const [r, c] of frontier) {
      for (const [nr, nc] of [
        [r + 1, c],
        [r - 1, c],
        [r, c + 1],
        [r, c - 1],
      ]) {
        if (nr >= 0 && nr < n && nc >= 0 && nc < m && dist[nr][nc] === -1) {
          dist[nr][nc] = d;
          next.push([nr, nc]);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

export const binaryMatrix = defineTask({
  id: 'rg.algorithmic.binary_matrix',
  source: 'rg',
  category: 'algorithmic',
  description: 'Distance from each cell of a binary matrix to the nearest 0.',
  answerFormat: 'a matrix: rows on lines, cells separated by spaces',
  options: {
    min_n: { kind: 'int', default: 3, min: 1, max: 100, description: 'smallest matrix side' },
    max_n: { kind: 'int', default: 10, min: 1, max: 100, description: 'largest matrix side' },
    p_zero: { kind: 'float', default: 0.25, min: 0.01, max: 1, description: 'probability that a cell is 0' },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const n = rng.int(options.min_n, options.max_n);
    const cells = [0, ...Array.from({ length: n * n - 1 }, () => (rng.next() < options.p_zero ? 0 : 1))];
    const flat = rng.shuffle(cells);
    const matrix = Array.from({ length: n }, (_, r) => flat.slice(r * n, (r + 1) * n));
    const answer = formatMatrix(nearestZeroDistances(matrix));
    const prompt = [
      'Given a square matrix, your job is to find the taxicab (Manhattan) distance of the nearest 0 for each cell.',
      '',
      'The output should be a matrix of the same size as the input matrix, where each cell contains the distance ' +
        'to the nearest 0.',
      '',
      'Find the distance to the nearest 0 for each cell in the matrix below:',
      formatMatrix(matrix),
      '',
      answerInstruction('the distance matrix, one row per line, cells separated by spaces'),
    ].join('\n');
    return { prompt, answer, metadata: { matrix } };
  },
  check(instance, answer) {
    const given = parseIntegerMatrix(answer);
    if (given === null) return unparseable('expected a matrix of integers');
    return sameMatrix(given, parseIntegerMatrix(instance.answer)!) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `from collections import deque
m = ${JSON.stringify(instance.metadata.matrix)}
n = len(m)
d = [[None] * n for _ in range(n)]
q = deque()
for r in range(n):
    for c in range(n):
        if m[r][c] == 0:
            d[r][c] = 0
            q.append((r, c))
while q:
    r, c = q.popleft()
    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
        if 0 <= nr < n and 0 <= nc < n and d[nr][nc] is None:
            d[nr][nc] = d[r][c] + 1
            q.append((nr, nc))
print('\\n'.join(' '.join(map(str, row)) for row in d))
`;
  },
});
