// rg.algorithmic.game_of_life: Conway's Game of Life on a wrapping (toroidal) grid with the Moore
// neighbourhood, run for a few steps. `correct` needs every cell; `score` is the fraction of cells right.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { parseIntegerMatrix } from '../../kit/index.js';

/** One generation on a torus: a live cell survives with 2–3 neighbours, a dead one is born with 3. */
export function lifeStep(board: readonly (readonly number[])[]): number[][] {
  const rows = board.length,
    cols = board[0].length;
  return board.map((row, r) =>
    row.map((alive, c) => {
      let n = 0;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          if (dr !== 0 || dc !== 0) n += board[(r + dr + rows) % rows][(c + dc + cols) % cols];
        }
      return n === 3 || (alive === 1 && n === 2) ? 1 : 0;
    }),
  );
}

export const gameOfLife = defineTask({
  id: 'rg.algorithmic.game_of_life',
  source: 'rg',
  category: 'algorithmic',
  description: "The board of Conway's Game of Life after a number of steps (wrapping edges).",
  answerFormat: 'a JSON array of rows of 0/1',
  options: {
    grid_size_x: { kind: 'int', default: 10, min: 3, max: 100, description: 'number of rows' },
    grid_size_y: { kind: 'int', default: 10, min: 3, max: 100, description: 'number of columns' },
    filled_cells_weights: {
      kind: 'float',
      default: 0.1,
      min: 0,
      max: 1,
      description: 'fraction of cells drawn as live (repeats possible, so at most this many)',
    },
    simulation_steps: { kind: 'int', default: 1, min: 0, max: 100, description: 'generations to simulate' },
  },
  generate(options, rng) {
    const rows = options.grid_size_x,
      cols = options.grid_size_y;
    const board = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    const draws = Math.floor(options.filled_cells_weights * rows * cols);
    for (let i = 0; i < draws; i++) board[rng.int(0, rows - 1)][rng.int(0, cols - 1)] = 1;
    let state: number[][] = board;
    for (let s = 0; s < options.simulation_steps; s++) state = lifeStep(state);
    const boardText = `[${board.map((row) => JSON.stringify(row)).join(',\n ')}]`;
    const prompt = [
      `What will this Game of Life board look like after ${options.simulation_steps} steps of simulation? ` +
        `Assume a Moore neighborhood and wrapping topology. Reply as array of arrays representing rows in the ` +
        `grid from top to bottom in JSON format. (An empty 3x3 grid would look like this: ` +
        `[[0,0,0],[0,0,0],[0,0,0]])`,
      '',
      `${boardText}.`,
      answerInstruction('the board as a JSON array of rows'),
    ].join('\n');
    return { prompt, answer: JSON.stringify(state), metadata: { board, simulation_steps: options.simulation_steps } };
  },
  check(instance, answer) {
    if (!answer.trim().startsWith('[')) return unparseable('expected a JSON array of rows');
    const given = parseIntegerMatrix(answer);
    if (given === null) return unparseable('expected a JSON array of rows of 0/1');
    const gold = JSON.parse(instance.answer) as number[][];
    let right = 0,
      total = 0,
      sameShape = given.length === gold.length;
    for (let r = 0; r < gold.length; r++) {
      if (given[r]?.length !== gold[r].length) sameShape = false;
      for (let c = 0; c < gold[r].length; c++, total++) if (given[r]?.[c] === gold[r][c]) right++;
    }
    return sameShape && right === total ? CORRECT : wrong(`${right} of ${total} cells right`, right / total);
  },
  referenceSolution(instance) {
    return `import numpy as np
board = np.array(${JSON.stringify(instance.metadata.board)})
for _ in range(${instance.metadata.simulation_steps as number}):
    n = sum(np.roll(np.roll(board, dr, 0), dc, 1) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0))
    board = ((n == 3) | ((board == 1) & (n == 2))).astype(int)
print('[' + ','.join('[' + ','.join(str(int(v)) for v in row) + ']' for row in board) + ']')
`;
  },
});
