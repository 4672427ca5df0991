// rg.games.tsumego: a Go position with a white group one liberty from capture; Black to play.
// Every legal Black move is tried, and any move that captures the most white stones is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

type Board = string[][];
const STEPS = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];

function group(board: Board, r: number, c: number): { stones: [number, number][]; liberties: number } {
  const n = board.length,
    color = board[r][c],
    seen = new Set([r * n + c]),
    libs = new Set<number>();
  const stones: [number, number][] = [[r, c]];
  for (let k = 0; k < stones.length; k++) {
    const [y, x] = stones[k];
    for (const [dy, dx] of STEPS) {
      const ny = y + dy,
        nx = x + dx;
      if (ny < 0 || nx < 0 || ny >= n || nx >= n) continue;
      if (board[ny][nx] === '.') libs.add(ny * n + nx);
      else if (board[ny][nx] === color && !seen.has(ny * n + nx)) {
        seen.add(ny * n + nx);
        stones.push([ny, nx]);
      }
    }
  }
  return { stones, liberties: libs.size };
}

/** Stones `color` would capture by playing at (r, c); -1 when the move is illegal (occupied or suicide). */
function captures(board: Board, r: number, c: number, color: string): number {
  if (board[r][c] !== '.') return -1;
  const n = board.length,
    other = color === 'X' ? 'O' : 'X';
  board[r][c] = color;
  const taken = new Set<number>();
  for (const [dy, dx] of STEPS) {
    const y = r + dy,
      x = c + dx;
    if (y < 0 || x < 0 || y >= n || x >= n || board[y][x] !== other || taken.has(y * n + x)) continue;
    const g = group(board, y, x);
    if (g.liberties === 0) for (const [sy, sx] of g.stones) taken.add(sy * n + sx);
  }
  const suicide = taken.size === 0 && group(board, r, c).liberties === 0;
  board[r][c] = '.';
  return suicide ? -1 : taken.size;
}

const FORMATIONS = [
  {
    white: [
      [0, 0],
      [-1, 0],
      [1, 0],
      [0, -1],
    ],
    key: [0, 1],
    area: [
      [0, 0],
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
    ],
  },
  {
    white: [
      [0, 0],
      [0, 1],
      [1, 0],
    ],
    key: [1, 1],
    area: [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
  },
  {
    white: [
      [0, -1],
      [0, 0],
      [0, 1],
      [1, 0],
    ],
    key: [-1, 0],
    area: [
      [0, -1],
      [0, 0],
      [0, 1],
      [1, 0],
      [-1, 0],
    ],
  },
];

function makeBoard(rng: Rng, n: number, maxStones: number): Board | null {
  const board: Board = Array.from({ length: n }, () => new Array<string>(n).fill('.'));
  for (let placed = 0, tries = 0; placed < maxStones - 4 && tries < 500; tries++) {
    const r = rng.int(0, n - 1),
      c = rng.int(0, n - 1),
      color = rng.bool() ? 'X' : 'O';
    if (captures(board, r, c, color) === 0) {
      board[r][c] = color;
      placed++;
    }
  }
  for (let tries = 0; tries < 50; tries++) {
    const r = rng.int(1, n - 2),
      c = rng.int(1, n - 2),
      f = rng.pick(FORMATIONS);
    if (!f.area.every(([dy, dx]) => board[r + dy][c + dx] === '.')) continue;
    for (const [dy, dx] of f.white) board[r + dy][c + dx] = 'O';
    const key = [r + f.key[0], c + f.key[1]];
    for (const [dy, dx] of f.white)
      for (const [sy, sx] of STEPS) {
        const y = r + dy + sy,
          x = c + dx + sx;
        if (y >= 0 && x >= 0 && y < n && x < n && board[y][x] === '.' && !(y === key[0] && x === key[1]))
          board[y][x] = 'X';
      }
    const decoys = [];
    for (let y = r - 2; y <= r + 2; y++)
      for (let x = c - 2; x <= c + 2; x++)
        if (
          Math.abs(y - r) + Math.abs(x - c) === 2 &&
          y >= 0 &&
          x >= 0 &&
          y < n &&
          x < n &&
          board[y][x] === '.' &&
          !(y === key[0] && x === key[1])
        )
          decoys.push([y, x]);
    if (decoys.length) {
      const [y, x] = rng.pick(decoys);
      board[y][x] = rng.bool() ? 'X' : 'O';
    }
    return board;
  }
  return null;
}

const coordinate = (n: number, r: number, c: number): string => `${String.fromCharCode(65 + c)}${n - r}`;

export const tsumego = defineTask({
  id: 'rg.games.tsumego',
  source: 'rg',
  category: 'games',
  description: 'Find the Black move that captures the most white stones in a Go position.',
  answerFormat: 'a board coordinate such as C4',
  options: {
    min_board_size: { kind: 'int', default: 9, min: 5, max: 19, description: 'smallest board side' },
    max_board_size: { kind: 'int', default: 13, min: 5, max: 19, description: 'largest board side' },
    max_stones: {
      kind: 'int',
      default: 15,
      min: 5,
      max: 60,
      description: 'random stones placed before the capture setup (plus 4)',
    },
  },
  ranges: [['min_board_size', 'max_board_size']],
  generate(options, rng) {
    for (;;) {
      const n = rng.int(options.min_board_size, options.max_board_size);
      const board = makeBoard(rng, n, options.max_stones);
      if (!board) continue;
      let best = 0,
        bestMoves: string[] = [];
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) {
          const k = captures(board, r, c, 'X');
          if (k > best) {
            best = k;
            bestMoves = [];
          }
          if (k === best && k > 0) bestMoves.push(coordinate(n, r, c));
        }
      if (best === 0) continue;
      const text =
        `   ${Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i)).join(' ')}\n` +
        board.map((row, i) => `${String(n - i).padStart(2)} ${row.join(' ')}`).join('\n');
      const intro = rng.pick([
        'Tsumego time. Black to play and capture some stones.\nFind the key move.',
        'I have a Go problem for you. Black moves next - can you capture some of the white stones?',
        "Here's a Go challenge. Playing as Black, how can you capture as many white stones as possible?",
      ]);
      const prompt =
        `${intro}\n\n\`\`\`\n${text}\n\`\`\`\n\nX - Black\nO - White\n\n` +
        'Give the single Black move that captures the most white stones. ' +
        "Specify your move in coordinates (e.g. 'C4' for column C, row 4), " +
        'within triple angle brackets, as <<<move>>>.';
      return {
        prompt,
        answer: rng.pick(bestMoves),
        metadata: { board, board_size: n, best_moves: bestMoves, best_capture: best },
      };
    }
  },
  check(instance, answer) {
    const move = answer.trim().replace(/[.'"]/g, '').toUpperCase();
    const n = instance.metadata.board_size as number;
    const m = /^([A-Z])\s*(\d{1,2})$/.exec(move);
    if (!m || m[1].charCodeAt(0) - 65 >= n || Number(m[2]) < 1 || Number(m[2]) > n)
      return unparseable(`expected a coordinate like C4 on the ${n}x${n} board`);
    return (instance.metadata.best_moves as string[]).includes(`${m[1]}${Number(m[2])}`) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `board = ${JSON.stringify(instance.metadata.board)}
n = len(board)
def group(b, r, c):
    color, stones, libs, stack = b[r][c], {(r, c)}, set(), [(r, c)]
    while stack:
        y, x = stack.pop()
        for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            ny, nx = y + dy, x + dx
            if 0 <= ny < n and 0 <= nx < n:
                if b[ny][nx] == '.': libs.add((ny, nx))
                elif b[ny][nx] == color and (ny, nx) not in stones:
                    stones.add((ny, nx)); stack.append((ny, nx))
    return stones, libs
best, move = 0, None
for r in range(n):
    for c in range(n):
        if board[r][c] != '.': continue
        b = [row[:] for row in board]
        b[r][c] = 'X'
        taken = set()
        for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            y, x = r + dy, c + dx
            if 0 <= y < n and 0 <= x < n and b[y][x] == 'O':
                s, l = group(b, y, x)
                if not l: taken |= s
        if len(taken) > best:
            best, move = len(taken), f"{chr(65 + c)}{n - r}"
print(move)
`;
  },
});
