// rg.algorithmic.rotate_matrix: rotate a square digit matrix clockwise by a multiple of 90 degrees.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { formatMatrix, parseIntegerMatrix, randomDigitMatrix, sameMatrix } from '../../kit/index.js';

/** Quarter turns clockwise: cell (r, c) moves to (c, n-1-r). */
export function rotateClockwise(matrix: readonly (readonly number[])[], quarterTurns: number): number[][] {
  let m = matrix.map((row) => row.slice());
  for (let t = 0; t < quarterTurns % 4; t++) {
    const n = m.length;
    const next = Array.from({ length: n }, () => new Array<number>(n));
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) next[c][n - 1 - r] = m[r][c];
    m = next;
  }
  return m;
}

export const rotateMatrix = defineTask({
  id: 'rg.algorithmic.rotate_matrix',
  source: 'rg',
  category: 'algorithmic',
  description: 'Rotate a square matrix clockwise by a multiple of 90 degrees.',
  answerFormat: 'a matrix: rows on lines, cells separated by spaces',
  options: {
    min_n: { kind: 'int', default: 2, min: 2, max: 50, description: 'smallest matrix side' },
    max_n: { kind: 'int', default: 10, min: 2, max: 50, description: 'largest matrix side' },
    min_rotations: { kind: 'int', default: 0, min: 0, max: 100, description: 'fewest quarter turns' },
    max_rotations: { kind: 'int', default: 10, min: 0, max: 100, description: 'most quarter turns' },
  },
  ranges: [
    ['min_n', 'max_n'],
    ['min_rotations', 'max_rotations'],
  ],
  generate(options, rng) {
    const n = rng.int(options.min_n, options.max_n);
    const matrix = randomDigitMatrix(rng, n, n);
    const turns = rng.int(options.min_rotations, options.max_rotations);
    const prompt = [
      'Given a square matrix, your job is to rotate it clockwise.',
      '',
      'Your output should be a matrix in the same format as the input.',
      '',
      `Rotate the matrix below by ${turns * 90} degrees clockwise:`,
      formatMatrix(matrix),
      '',
      answerInstruction('the rotated matrix, one row per line, cells separated by spaces'),
    ].join('\n');
    return { prompt, answer: formatMatrix(rotateClockwise(matrix, turns)), metadata: { matrix, num_rotations: turns } };
  },
  check(instance, answer) {
    const given = parseIntegerMatrix(answer);
    if (given === null) return unparseable('expected a matrix of integers');
    return sameMatrix(given, parseIntegerMatrix(instance.answer)!) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `import numpy as np
m = np.rot90(np.array(${JSON.stringify(instance.metadata.matrix)}), -${instance.metadata.num_rotations as number})
print('\\n'.join(' '.join(str(int(v)) for v in row) for row in m))
`;
  },
});
