// symbench.reversi: the board after a few given Reversi moves (CodeSteer's reversi). Unlike the
// source, the board shown is the position before the listed moves, so the question is consistent.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { InvariantError, type Rng } from '../../core/index.js';
import { parseCells } from '../kit/index.js';

/** Row-major cells: '*' empty, '0' black, '1' white. */
type Board = string[];
const DIRECTIONS = [
  [0, 1],
  [1, 0],
  [0, -1],
  [-1, 0],
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
] as const;

/** The opening position: white on the main-diagonal centre cells, black on the other two. */
export function startBoard(size: number): Board {
  const board: Board = new Array(size * size).fill('*');
  const mid = size / 2;
  board[(mid - 1) * size + mid - 1] = '1';
  board[(mid - 1) * size + mid] = '0';
  board[mid * size + mid - 1] = '0';
  board[mid * size + mid] = '1';
  return board;
}

/** The cells a move at (row, col) by `player` would flip; empty when the move is illegal. */
function flipsOf(board: Board, size: number, row: number, col: number, player: string): number[] {
  if (board[row * size + col] !== '*') return [];
  const out: number[] = [];
  for (const [dr, dc] of DIRECTIONS) {
    const run: number[] = [];
    let r = row + dr,
      c = col + dc;
    while (r >= 0 && r < size && c >= 0 && c < size && board[r * size + c] !== '*' && board[r * size + c] !== player) {
      run.push(r * size + c);
      r += dr;
      c += dc;
    }
    if (run.length && r >= 0 && r < size && c >= 0 && c < size && board[r * size + c] === player) out.push(...run);
  }
  return out;
}

function legalMoves(board: Board, size: number, player: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < size * size; i++)
    if (flipsOf(board, size, Math.floor(i / size), i % size, player).length) out.push(i);
  return out;
}

/** Plays `plies` random legal moves from `board` (black first); null when a player has no move. */
function playRandom(board: Board, size: number, plies: number, rng: Rng): { board: Board; moves: number[] } | null {
  const current = board.slice();
  const moves: number[] = [];
  for (let k = 0; k < plies; k++) {
    const player = k % 2 === 0 ? '0' : '1';
    const legal = legalMoves(current, size, player);
    if (legal.length === 0) return null;
    const move = rng.pick(legal);
    for (const i of flipsOf(current, size, Math.floor(move / size), move % size, player)) current[i] = player;
    current[move] = player;
    moves.push(move);
  }
  return { board: current, moves };
}

function drawGame(
  size: number,
  opening: number,
  plies: number,
  rng: Rng,
): { before: Board; after: Board; moves: number[] } {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const start = playRandom(startBoard(size), size, opening, rng);
    const round = start && playRandom(start.board, size, plies, rng);
    if (start && round) return { before: start.board, after: round.board, moves: round.moves };
  }
  throw new InvariantError(`reversi: no game of ${opening}+${plies} plies found on a ${size}×${size} board`);
}

function renderPrompt(size: number, before: Board, moves: readonly number[]): string {
  const rows = Array.from({ length: size }, (_, r) => before.slice(r * size, r * size + size).join(''));
  const rounds = moves.map(
    (m, k) =>
      `Round ${k + 1}: ${k % 2 === 0 ? 'you place' : 'the opponent places'} a piece at ` +
      `(${Math.floor(m / size) + 1},${(m % size) + 1})`,
  );
  return [
    'There is a game similar to Reversi. On an n*n grid (n even), the game starts with four pieces in the ' +
      'centre, two black and two white, placed diagonally. Black pieces are written 0, white pieces 1, and empty ' +
      'cells *.',
    'Rules:',
    '1. Two players take turns placing pieces, one playing black and the other white.',
    '2. On their turn a player places one piece on an empty cell.',
    "3. After a piece is placed, every straight line of the opponent's pieces (along a row, column or diagonal) " +
      "that lies between the new piece and another of the player's pieces is flipped to the player's colour: 0 " +
      'becomes 1, or 1 becomes 0.',
    'Coordinates start from the first row and first column; (a, b) is the cell in row a, column b.',
    '',
    `Given: n=${size}, you play black.`,
    '',
    'The board before this round is:',
    ...rows,
    '',
    ...rounds,
    '',
    'Write down the board after this round. Give the cells row by row, from the top-left to the bottom-right, ' +
      'separated by commas, within triple angle brackets.',
    `For example, <<<${new Array(size * size).fill('*').join(',')}>>> would be the empty ${size}*${size} board.`,
  ].join('\n');
}

/** The cells of a board answer: n² comma-separated cells, or n rows of n characters; null otherwise. */
export function parseBoard(text: string, size: number): Board | null {
  const tokens = parseCells(text);
  if (!tokens) return null;
  const cells = tokens.length === size && tokens.every((t) => t.length === size) ? tokens.join('').split('') : tokens;
  if (cells.length !== size * size || !cells.every((c) => c === '*' || c === '0' || c === '1')) return null;
  return cells;
}

export const reversi = defineTask({
  id: 'symbench.reversi',
  source: 'symbench',
  description: 'Apply a few Reversi moves to a shown position and write the resulting board.',
  answerFormat: 'the n*n cells (*, 0, 1) row by row, comma separated',
  options: {
    min_board_size: { kind: 'int', default: 4, min: 4, max: 10, description: 'smallest board side (even)' },
    max_board_size: { kind: 'int', default: 6, min: 4, max: 10, description: 'largest board side (even)' },
    min_moves: { kind: 'int', default: 1, min: 1, max: 8, description: 'fewest moves in the round' },
    max_moves: { kind: 'int', default: 3, min: 1, max: 8, description: 'most moves in the round' },
    max_opening_moves: {
      kind: 'int',
      default: 4,
      min: 0,
      max: 12,
      description: 'most moves played before the shown board (an even number up to this is drawn)',
    },
  },
  ranges: [
    ['min_board_size', 'max_board_size'],
    ['min_moves', 'max_moves'],
  ],
  validateOptions(o) {
    const problems = [];
    if (o.min_board_size % 2 || o.max_board_size % 2)
      problems.push({
        path: 'min_board_size',
        message: `board sizes must be even, got ${o.min_board_size} and ${o.max_board_size}`,
        fix: 'use even sizes such as 4, 6 or 8',
      });
    return problems;
  },
  generate(options, rng) {
    const size = 2 * rng.int(Math.ceil(options.min_board_size / 2), Math.floor(options.max_board_size / 2));
    const opening = 2 * rng.int(0, Math.floor(options.max_opening_moves / 2));
    const plies = rng.int(options.min_moves, options.max_moves);
    const { before, after, moves } = drawGame(size, opening, plies, rng);
    return {
      prompt: renderPrompt(size, before, moves),
      answer: after.join(','),
      metadata: { size, before: before.join(''), moves: moves.map((m) => [Math.floor(m / size) + 1, (m % size) + 1]) },
    };
  },
  check(instance, answer) {
    const size = instance.metadata.size as number;
    const board = parseBoard(answer, size);
    if (!board) return unparseable(`expected ${size * size} cells, each *, 0 or 1, separated by commas`);
    const gold = instance.answer.split(',');
    const differ = board.findIndex((c, i) => c !== gold[i]);
    return differ < 0 ? CORRECT : wrong(`cell (${Math.floor(differ / size) + 1},${(differ % size) + 1}) is wrong`);
  },
  referenceSolution(instance) {
    return [
      `n = ${instance.metadata.size as number}`,
      `board = [list(${JSON.stringify(instance.metadata.before)}[r*n:(r+1)*n]) for r in range(n)]`,
      `moves = ${JSON.stringify(instance.metadata.moves)}`,
      'for k, (r, c) in enumerate(moves):',
      '    me = "0" if k % 2 == 0 else "1"',
      '    r, c = r - 1, c - 1',
      '    board[r][c] = me',
      '    for dr in (-1, 0, 1):',
      '        for dc in (-1, 0, 1):',
      '            if dr == 0 and dc == 0: continue',
      '            line, y, x = [], r + dr, c + dc',
      '            while 0 <= y < n and 0 <= x < n and board[y][x] not in ("*", me):',
      '                line.append((y, x)); y += dr; x += dc',
      '            if line and 0 <= y < n and 0 <= x < n and board[y][x] == me:',
      '                for y2, x2 in line: board[y2][x2] = me',
      'print(",".join(cell for row in board for cell in row))',
    ].join('\n');
  },
});
