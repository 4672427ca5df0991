// rg.algorithmic.pool_matrix: max or average pooling with stride equal to the kernel size (edge
// blocks may be partial). Cells are accepted when correct to 2 decimal places.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { formatMatrix, parseNumberMatrix, randomDigitMatrix } from '../../kit/index.js';

/** Pools non-overlapping size×size blocks (partial at the right and bottom edges). */
export function pool(matrix: readonly (readonly number[])[], size: number, kind: 'max' | 'average'): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < matrix.length; r += size) {
    const row: number[] = [];
    for (let c = 0; c < matrix[0].length; c += size) {
      const block: number[] = [];
      for (let i = r; i < Math.min(r + size, matrix.length); i++) for (let j = c; j < Math.min(c + size, matrix[0].length); j++) block.push(matrix[i][j]);
      row.push(kind === 'max' ? Math.max(...block) : block.reduce((a, b) => a + b, 0) / block.length);
    }
    out.push(row);
  }
  return out;
}

const TOLERANCE = 0.005 + 1e-9;

export const poolMatrix = defineTask({
  id: 'rg.algorithmic.pool_matrix',
  source: 'rg',
  category: 'algorithmic',
  description: 'Max or average pooling of a matrix.',
  answerFormat: 'a matrix: rows on lines, cells separated by spaces (2 decimal places)',
  options: {
    min_rows: { kind: 'int', default: 2, min: 2, max: 50, description: 'fewest rows' },
    max_rows: { kind: 'int', default: 10, min: 2, max: 50, description: 'most rows' },
    min_cols: { kind: 'int', default: 2, min: 2, max: 50, description: 'fewest columns' },
    max_cols: { kind: 'int', default: 10, min: 2, max: 50, description: 'most columns' },
    min_pool_size: { kind: 'int', default: 1, min: 1, max: 10, description: 'smallest kernel size' },
    max_pool_size: { kind: 'int', default: 3, min: 1, max: 10, description: 'largest kernel size' },
  },
  ranges: [['min_rows', 'max_rows'], ['min_cols', 'max_cols'], ['min_pool_size', 'max_pool_size']],
  generate(options, rng) {
    const matrix = randomDigitMatrix(rng, rng.int(options.min_rows, options.max_rows), rng.int(options.min_cols, options.max_cols));
    const size = rng.int(options.min_pool_size, options.max_pool_size);
    const kind = rng.bool() ? 'average' : 'max';
    const result = pool(matrix, size, kind).map((row) => row.map((v) => Math.round(v * 100) / 100));
    const prompt = [
      'Your job is to perform max/average pooling on the given matrix.',
      'The stride is equal to the kernel size, meaning there is no overlap between the pooling regions.',
      '',
      'Your output should be a matrix in the same format as the input matrix.',
      ('The output matrix is smaller than the input matrix when the kernel size is greater than 1, and its ' + 'elements may be floating-point numbers.'),
      'Give elements in the output matrix correct to 2 decimal places.',
      '',
      `Perform ${kind} pooling on the following matrix with a kernel size of ${size}:`,
      formatMatrix(matrix),
      '',
      answerInstruction('the pooled matrix, one row per line, cells separated by spaces'),
    ].join('\n');
    return { prompt, answer: formatMatrix(result), metadata: { matrix, pool_type: kind, pool_size: size } };
  },
  check(instance, answer) {
    const given = parseNumberMatrix(answer);
    if (given === null) return unparseable('expected a matrix of numbers');
    const m = instance.metadata;
    const exact = pool(m.matrix as number[][], m.pool_size as number, m.pool_type as 'max' | 'average');
    if (given.length !== exact.length || given.some((row, i) => row.length !== exact[i].length)) return wrong('wrong shape');
    return given.every((row, i) => row.every((v, j) => Math.abs(v - exact[i][j]) <= TOLERANCE)) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    return `import numpy as np
a = np.array(${JSON.stringify(m.matrix)}, dtype=float)
k = ${m.pool_size as number}
f = np.${m.pool_type === 'max' ? 'max' : 'mean'}
rows = [[f(a[i:i + k, j:j + k]) for j in range(0, a.shape[1], k)] for i in range(0, a.shape[0], k)]
print('\\n'.join(' '.join(f'{v:.2f}' for v in row) for row in rows))
`;
  },
});
