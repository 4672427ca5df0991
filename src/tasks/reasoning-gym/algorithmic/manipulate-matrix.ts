// rg.algorithmic.manipulate_matrix: apply a list of matrix operations (rotations, mirrors, value
// maps, crops, row/column removals, zeroing multiples) to a digit matrix; the answer is the result.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import type { JsonValue, Rng } from '../../../core/index.js';
import { formatMatrix, parseIntegerMatrix, randomDigitMatrix, sameMatrix } from '../../kit/index.js';

type M = number[][];
const TRANSFORMS = [
  'rotate',
  'hmirror',
  'vmirror',
  'dmirror',
  'cmirror',
  'map',
  'crop',
  'remove_every_nth_row',
  'remove_every_nth_col',
  'zero_divisible',
] as const;
type Transform = (typeof TRANSFORMS)[number];

const transpose = (m: M): M => m[0].map((_, c) => m.map((row) => row[c]));
const rot90 = (m: M): M => transpose(m.slice().reverse());
const rot180 = (m: M): M =>
  m
    .slice()
    .reverse()
    .map((row) => row.slice().reverse());
const rot270 = (m: M): M => transpose(m).reverse();

type Step = { matrix: M; instruction: string; op: Record<string, JsonValue> };

function applyRandom(rng: Rng, transform: Transform, m: M): Step | null {
  const rows = m.length,
    cols = m[0].length;
  switch (transform) {
    case 'rotate': {
      const degrees = rng.pick([90, 180, 270, 360]);
      const matrix = degrees === 90 ? rot90(m) : degrees === 180 ? rot180(m) : degrees === 270 ? rot270(m) : m;
      return { matrix, instruction: `Rotate the matrix ${degrees} degrees`, op: { transform, degrees } };
    }
    case 'hmirror':
      return { matrix: m.slice().reverse(), instruction: 'Horizontally mirror the matrix', op: { transform } };
    case 'vmirror':
      return {
        matrix: m.map((row) => row.slice().reverse()),
        instruction: 'Vertically mirror the matrix',
        op: { transform },
      };
    case 'dmirror':
      return { matrix: transpose(m), instruction: 'Mirror the matrix along the diagonal', op: { transform } };
    case 'cmirror':
      return {
        matrix: transpose(rot180(m)),
        instruction: 'Mirror the matrix along the counterdiagonal',
        op: { transform },
      };
    case 'map': {
      const [a, b] = rng.sample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2);
      return {
        matrix: m.map((row) => row.map((x) => (x === a ? b : x))),
        instruction: `Map each occurrence of ${a} to ${b}`,
        op: { transform, from: a, to: b },
      };
    }
    case 'zero_divisible': {
      const k = rng.int(1, 9);
      return {
        matrix: m.map((row) => row.map((x) => (x % k === 0 ? 0 : x))),
        instruction: `Set all elements divisible by ${k} to zero`,
        op: { transform, k },
      };
    }
    case 'crop': {
      const r0 = rng.int(1, rows),
        r1 = rng.int(r0, rows),
        c0 = rng.int(1, cols),
        c1 = rng.int(c0, cols);
      return {
        matrix: m.slice(r0 - 1, r1).map((row) => row.slice(c0 - 1, c1)),
        instruction: `Crop the matrix to rows ${r0}-${r1} and columns ${c0}-${c1} (1-indexed)`,
        op: { transform, row_start: r0, row_end: r1, col_start: c0, col_end: c1 },
      };
    }
    case 'remove_every_nth_row': {
      if (rows < 2) return null;
      const n = rng.int(2, rows);
      return {
        matrix: m.filter((_, i) => (i + 1) % n !== 0),
        instruction: `Remove every ${n}-th row (1-indexed)`,
        op: { transform, n },
      };
    }
    case 'remove_every_nth_col': {
      if (cols < 2) return null;
      const n = rng.int(2, cols);
      return {
        matrix: m.map((row) => row.filter((_, i) => (i + 1) % n !== 0)),
        instruction: `Remove every ${n}-th column (1-indexed)`,
        op: { transform, n },
      };
    }
  }
}

const weightOption = (name: string) => ({
  kind: 'float' as const,
  default: 1,
  min: 0,
  max: 100,
  description: `relative weight of ${name}`,
});

export const manipulateMatrix = defineTask({
  id: 'rg.algorithmic.manipulate_matrix',
  source: 'rg',
  category: 'algorithmic',
  description: 'Apply a sequence of rotations, mirrors and edits to a matrix.',
  answerFormat: 'a matrix: rows on lines, cells separated by spaces',
  options: {
    min_rows: { kind: 'int', default: 2, min: 2, max: 50, description: 'fewest rows' },
    max_rows: { kind: 'int', default: 10, min: 2, max: 50, description: 'most rows' },
    min_cols: { kind: 'int', default: 2, min: 2, max: 50, description: 'fewest columns' },
    max_cols: { kind: 'int', default: 10, min: 2, max: 50, description: 'most columns' },
    min_transforms: { kind: 'int', default: 1, min: 1, max: 50, description: 'fewest operations' },
    max_transforms: { kind: 'int', default: 10, min: 1, max: 50, description: 'most operations' },
    w_rotate: weightOption('rotations'),
    w_hmirror: weightOption('horizontal mirrors'),
    w_vmirror: weightOption('vertical mirrors'),
    w_dmirror: weightOption('diagonal mirrors'),
    w_cmirror: weightOption('counterdiagonal mirrors'),
    w_map: weightOption('value maps'),
    w_crop: weightOption('crops'),
    w_remove_every_nth_row: weightOption('row removals'),
    w_remove_every_nth_col: weightOption('column removals'),
    w_zero_divisible: weightOption('zeroing multiples of k'),
  },
  ranges: [
    ['min_rows', 'max_rows'],
    ['min_cols', 'max_cols'],
    ['min_transforms', 'max_transforms'],
  ],
  validateOptions: (o) =>
    TRANSFORMS.every((t) => (o as unknown as Record<string, number>)[`w_${t}`] === 0)
      ? [{ path: 'w_rotate', message: 'every weight is 0', fix: 'give at least one operation a positive weight' }]
      : [],
  generate(options, rng) {
    const weights = TRANSFORMS.map((t) => (options as unknown as Record<string, number>)[`w_${t}`]);
    const total = weights.reduce((a, b) => a + b, 0);
    const matrix = randomDigitMatrix(
      rng,
      rng.int(options.min_rows, options.max_rows),
      rng.int(options.min_cols, options.max_cols),
    );
    const count = rng.int(options.min_transforms, options.max_transforms);
    let current = matrix;
    const steps: Step[] = [];
    for (let guard = 0; steps.length < count && guard < count * 100; guard++) {
      let x = rng.next() * total,
        i = 0;
      while (x >= weights[i] && i < weights.length - 1) x -= weights[i++];
      const step = applyRandom(rng, TRANSFORMS[i], current);
      if (step) {
        steps.push(step);
        current = step.matrix;
      }
    }
    const prompt = [
      'For the following matrix:',
      formatMatrix(matrix),
      '',
      'Perform the following series of operations in order:',
      '- Identity transformation, i.e. no change',
      ...steps.map((s) => `- ${s.instruction}`),
      '',
      answerInstruction('the resulting matrix, one row per line, cells separated by spaces'),
    ].join('\n');
    return { prompt, answer: formatMatrix(current), metadata: { matrix, operations: steps.map((s) => s.op) } };
  },
  check(instance, answer) {
    const given = parseIntegerMatrix(answer);
    if (given === null) return unparseable('expected a matrix of integers');
    return sameMatrix(given, parseIntegerMatrix(instance.answer)!) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `import numpy as np
m = np.array(${JSON.stringify(instance.metadata.matrix)})
for op in ${JSON.stringify(instance.metadata.operations)}:
    t = op['transform']
    if t == 'rotate': m = np.rot90(m, -(op['degrees'] // 90))
    elif t == 'hmirror': m = m[::-1, :]
    elif t == 'vmirror': m = m[:, ::-1]
    elif t == 'dmirror': m = m.T
    elif t == 'cmirror': m = m[::-1, ::-1].T
    elif t == 'map': m = np.where(m == op['from'], op['to'], m)
    elif t == 'zero_divisible': m = np.where(m % op['k'] == 0, 0, m)
    elif t == 'crop': m = m[op['row_start'] - 1:op['row_end'], op['col_start'] - 1:op['col_end']]
    elif t == 'remove_every_nth_row': m = m[[i for i in range(m.shape[0]) if (i + 1) % op['n'] != 0], :]
    elif t == 'remove_every_nth_col': m = m[:, [i for i in range(m.shape[1]) if (i + 1) % op['n'] != 0]]
print('\\n'.join(' '.join(str(int(v)) for v in row) for row in m))
`;
  },
});
