// Independent recomputation and answer spellings for symbench.matrix_transformation.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { matrixTransformation } from './matrix-transformation.js';

function sample(task: Task, count: number, seed = 4): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.matrix_transformation', () => {
  it('equals reverse-rows-then-transpose of the matrix in the prompt', () => {
    for (const instance of sample(matrixTransformation as unknown as Task, 100)) {
      const block = /If the matrix is \n([\s\S]*?)\.\nWhat is the result/.exec(instance.prompt)![1];
      const matrix = block.split('\n').map((row) => row.split(' '));
      const reversed = [...matrix].reverse();
      const rotated = reversed[0].map((_, c) => reversed.map((row) => row[c]));
      expect(instance.answer).toBe(rotated.flat().join(','));
      const counter = matrix[0].map((_, c) => matrix.map((row) => row[row.length - 1 - c]));
      if (counter.flat().join(',') !== instance.answer)
        expect(matrixTransformation.verifyAnswer(instance, counter.flat().join(',')).correct).toBe(false);
    }
  });
  it('reads flat and nested spellings', () => {
    const base = sample(matrixTransformation as unknown as Task, 1)[0];
    const instance = {
      ...base,
      answer: 'C,A,D,B',
      metadata: {
        ...base.metadata,
        matrix: [
          ['A', 'B'],
          ['C', 'D'],
        ],
      },
    };
    outcomes(matrixTransformation as unknown as Task, instance, [
      ['C,A,D,B', 'correct'],
      ['C, A, D, B', 'correct'],
      ["[['C', 'A'], ['D', 'B']]", 'correct'],
      ['C A\nD B', 'correct'],
      ['A,C,B,D', 'wrong'],
      ['C,A,D', 'wrong'],
      ['C,A,D,B,B', 'wrong'],
      ['c,a,d,b', 'wrong'],
    ]);
  });
});
