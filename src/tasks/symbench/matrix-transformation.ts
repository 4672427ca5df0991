// symbench.matrix_transformation: rotate a small matrix of letters, digits or symbols 90 degrees
// clockwise (CodeSteer's matrix transformation). The answer is the rotated matrix, row by row.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { parseCells } from '../kit/index.js';

const ALPHABETS: Record<string, string> = {
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  numbers: '123456789',
  mixed: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789',
  symbols: '!@#$%^&*',
};
const CONTENT = ['letters', 'numbers', 'mixed', 'symbols'] as const;

export const matrixTransformation = defineTask({
  id: 'symbench.matrix_transformation',
  source: 'symbench',
  description: 'Rotate a character matrix 90 degrees clockwise.',
  answerFormat: 'the rotated matrix\'s cells row by row, comma-separated',
  options: {
    min_size: { kind: 'int', default: 2, min: 1, max: 8, description: 'fewest rows/columns' },
    max_size: { kind: 'int', default: 4, min: 1, max: 8, description: 'most rows/columns' },
    content_type: { kind: 'enum', default: 'any', values: ['any', ...CONTENT], description: 'cell alphabet (any: drawn per question)' },
  },
  ranges: [['min_size', 'max_size']],
  generate(options, rng) {
    const rows = rng.int(options.min_size, options.max_size);
    const cols = rng.int(options.min_size, options.max_size);
    const content = options.content_type === 'any' ? rng.pick(CONTENT) : options.content_type;
    const alphabet = ALPHABETS[content];
    const matrix = Array.from({ length: rows }, () => Array.from({ length: cols }, () => alphabet[rng.int(0, alphabet.length - 1)]));
    const rotated = Array.from({ length: cols }, (_, r) => Array.from({ length: rows }, (_, c) => matrix[rows - 1 - c][r]));
    const prompt =
      ('Given a 2D array of strings, which represents a letter matrix. Your task is to rotate this matrix 90 ' + 'degrees clockwise and output the result.\n') +
      `If the matrix is \n${matrix.map((row) => row.join(' ')).join('\n')}.\n` +
      'What is the result?\n' +
      ('Return your answer with format <<<list of values and symbols>>>: the cells of the rotated matrix row by ' + 'row, top to bottom, separated by commas.');
    return { prompt, answer: rotated.map((row) => row.join(',')).join(','), metadata: { matrix } };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    if (cells === null || cells.length === 0) return unparseable('expected comma-separated cells');
    const expected = instance.answer.split(',');
    if (cells.length !== expected.length) return wrong(`expected ${expected.length} cells, got ${cells.length}`);
    const bad = cells.findIndex((cell, i) => cell !== expected[i]);
    return bad < 0 ? CORRECT : wrong(`cell ${bad + 1} is wrong`);
  },
  referenceSolution(instance) {
    return `matrix = ${JSON.stringify(instance.metadata.matrix)}
rotated = [list(row) for row in zip(*matrix[::-1])]
print(",".join(cell for row in rotated for cell in row))
`;
  },
});
