// symbench.pooling: max or average pooling of a square integer matrix with an n*n window and
// stride 1 (CodeSteer's pooling). The answer is the pooled matrix, row by row.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { parseCells, parseNumberOrFraction } from '../kit/index.js';

/** Averages are multiples of 1/n² (≥ 1/64 apart); two-decimal rounding is within this. */
const TOLERANCE = 0.0051;

export const pooling = defineTask({
  id: 'symbench.pooling',
  source: 'symbench',
  description: 'Slide an n*n window over a matrix and output the max or average of each window.',
  answerFormat: 'the pooled matrix\'s values row by row, comma-separated',
  options: {
    min_matrix_size: { kind: 'int', default: 3, min: 3, max: 10, description: 'smallest matrix side N' },
    max_matrix_size: { kind: 'int', default: 6, min: 3, max: 10, description: 'largest matrix side N' },
    max_window_size: { kind: 'int', default: 3, min: 2, max: 8, description: 'largest window side n (always < N)' },
    pooling_type: { kind: 'enum', default: 'any', values: ['any', 'max', 'average'], description: 'max or average pooling (any: drawn per question)' },
    min_value: { kind: 'int', default: -10, min: -1000, max: 1000, description: 'smallest matrix entry' },
    max_value: { kind: 'int', default: 20, min: -1000, max: 1000, description: 'largest matrix entry' },
  },
  ranges: [['min_matrix_size', 'max_matrix_size'], ['min_value', 'max_value']],
  generate(options, rng) {
    const size = rng.int(options.min_matrix_size, options.max_matrix_size);
    const window = rng.int(2, Math.max(2, Math.min(options.max_window_size, size - 1)));
    const type = options.pooling_type === 'any' ? rng.pick(['max', 'average']) : options.pooling_type;
    const matrix = Array.from({ length: size }, () => Array.from({ length: size }, () => rng.int(options.min_value, options.max_value)));
    const out = size - window + 1;
    const pooled: number[] = [];
    for (let i = 0; i < out; i++) {
      for (let j = 0; j < out; j++) {
        const cells: number[] = [];
        for (let a = 0; a < window; a++) for (let b = 0; b < window; b++) cells.push(matrix[i + a][j + b]);
        pooled.push(type === 'max' ? Math.max(...cells) : cells.reduce((s, v) => s + v, 0) / cells.length);
      }
    }
    const what = type === 'max' ? 'finding the maximum value' : 'calculating the average value';
    const prompt =
      (`In an N*N grid, there are N^2 numbers, with numbers in the same row separated by commas. We define the ` + `"${type} pooling" operation: `) +
      (`suppose that there is an n*n (n<N) sliding window, which slides from left to right or from top to ` + `bottom in the matrix, ${what} in each sliding window. `) +
      (`Then, the ${type === 'max' ? 'maximum' : 'average'} values are arranged according to their original ` + `positions to form a new matrix for output.\n`) +
      `Now, please perform ${type} pooling on the following matrix by using a ${window}*${window} sliding window:\n` +
      `${matrix.map((row) => row.join(', ')).join('\n')}\n` +
      'Return your answer with the format <<<values>>>: the values of the new matrix row by row, separated by commas' +
      (type === 'average' ? ' (non-integer averages as decimals rounded to at least two places, or as fractions).' : '.');
    const answer = pooled.map((v) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6))).join(',');
    return { prompt, answer, metadata: { matrix, window_size: window, pooling_type: type, solution: pooled } };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    if (cells === null || cells.length === 0) return unparseable('expected comma-separated numbers');
    const expected = instance.metadata.solution as number[];
    if (cells.length !== expected.length) return wrong(`expected ${expected.length} values, got ${cells.length}`);
    for (let i = 0; i < cells.length; i++) {
      const value = parseNumberOrFraction(cells[i]);
      if (value === null) return unparseable(`value ${i + 1} (${cells[i].slice(0, 20)}) is not a number`);
      if (Math.abs(value - expected[i]) > TOLERANCE) return wrong(`value ${i + 1} is wrong`);
    }
    return CORRECT;
  },
  referenceSolution(instance) {
    return `import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
matrix = np.array(${JSON.stringify(instance.metadata.matrix)}, dtype=float)
n = ${instance.metadata.window_size as number}
windows = sliding_window_view(matrix, (n, n))
pooled = windows.max(axis=(2, 3)) if ${JSON.stringify(instance.metadata.pooling_type)} == "max" else \
windows.mean(axis=(2, 3))
print(",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in pooled.flatten()))
`;
  },
});
