// rg.algorithmic.spiral_matrix: the elements of a square matrix in clockwise spiral order from the
// top-left corner.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseNumberList } from '../../answer.js';
import { formatMatrix, randomDigitMatrix } from '../../kit/index.js';

/** Walks right, down, left, up, turning when the next cell is outside or already visited. */
export function spiralOrder(matrix: readonly (readonly number[])[]): number[] {
  const rows = matrix.length,
    cols = matrix[0].length;
  const seen = matrix.map((row) => row.map(() => false));
  const steps = [
    [0, 1],
    [1, 0],
    [0, -1],
    [-1, 0],
  ];
  const out: number[] = [];
  let r = 0,
    c = 0,
    d = 0;
  for (let k = 0; k < rows * cols; k++) {
    out.push(matrix[r][c]);
    seen[r][c] = true;
    const [nr, nc] = [r + steps[d][0], c + steps[d][1]];
    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || seen[nr][nc]) d = (d + 1) % 4;
    r += steps[d][0];
    c += steps[d][1];
  }
  return out;
}

export const spiralMatrix = defineTask({
  id: 'rg.algorithmic.spiral_matrix',
  source: 'rg',
  category: 'algorithmic',
  description: 'List the elements of a matrix in clockwise spiral order.',
  answerFormat: 'integers separated by spaces',
  options: {
    min_n: { kind: 'int', default: 2, min: 2, max: 50, description: 'smallest matrix side' },
    max_n: { kind: 'int', default: 10, min: 2, max: 50, description: 'largest matrix side' },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const n = rng.int(options.min_n, options.max_n);
    const matrix = randomDigitMatrix(rng, n, n);
    const prompt = [
      'Given a matrix, your job is to generate a list of elements in spiral order, starting from the top-left element.',
      '',
      'The spiral order is clockwise, starting from the top-left corner. More precisely:',
      '- Start from the top-left corner and move right along the top row.',
      '- Move down along the right column.',
      '- Move left along the bottom row.',
      '- Move up along the left column.',
      '- Repeat the steps for the inner elements of the matrix until every entry is visited.',
      '',
      'Your output should be a space-separated list of integers.',
      '',
      'For the matrix below, what is the list of elements in spiral order?',
      formatMatrix(matrix),
      '',
      answerInstruction('the elements in spiral order, separated by spaces'),
    ].join('\n');
    return { prompt, answer: spiralOrder(matrix).join(' '), metadata: { matrix } };
  },
  check(instance, answer) {
    const given = parseNumberList(answer);
    if (given === null || given.length === 0) return unparseable('expected integers separated by spaces');
    return given.join(' ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `m = ${JSON.stringify(instance.metadata.matrix)}
out = []
while m:
    out += m[0]
    m = [list(row) for row in zip(*m[1:])][::-1]
print(' '.join(map(str, out)))
`;
  },
});
