// rg.games.knight_swap: white and black knights on a few squares of a 4×3 board swap places,
// colours alternating. Answer "No" when impossible, else any shortest legal move list.
import { defineTask } from '../../define-task.js';
import { CORRECT, parseLooseJson, unparseable, wrong } from '../../answer.js';
import { ConfigError, type Rng } from '../../../core/index.js';

const SQUARES = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'D1', 'D2', 'D3'];
const isKnightMove = (a: string, b: string): boolean => {
  const dx = Math.abs(a.charCodeAt(0) - b.charCodeAt(0)),
    dy = Math.abs(Number(a[1]) - Number(b[1]));
  return (dx === 1 && dy === 2) || (dx === 2 && dy === 1);
};

type Move = [color: 'w' | 'B', from: string, to: string];

/** BFS over (white set, black set, turn) as bitmasks over `squares`; a shortest swap or null. */
function solveSwap(squares: string[], white: number, black: number, turn: 'w' | 'B'): Move[] | null {
  const n = squares.length;
  const next = squares.map((a) => squares.reduce((m, b, j) => (isKnightMove(a, b) ? m | (1 << j) : m), 0));
  const key = (w: number, b: number, t: string): number => (w * 4096 + b) * 2 + (t === 'w' ? 0 : 1);
  const parent = new Map<number, [number, Move | null]>([[key(white, black, turn), [-1, null]]]);
  const queue: [number, number, 'w' | 'B'][] = [[white, black, turn]];
  for (let head = 0; head < queue.length; head++) {
    const [w, b, t] = queue[head];
    if (w === black && b === white) {
      const moves: Move[] = [];
      for (let at = key(w, b, t); parent.get(at)![1]; at = parent.get(at)![0]) moves.push(parent.get(at)![1]!);
      return moves.reverse();
    }
    const mine = t === 'w' ? w : b,
      occupied = w | b;
    for (let i = 0; i < n; i++) {
      if (!(mine & (1 << i))) continue;
      for (let j = 0; j < n; j++) {
        if (!(next[i] & (1 << j)) || occupied & (1 << j)) continue;
        const moved = (mine & ~(1 << i)) | (1 << j);
        const [nw, nb] = t === 'w' ? [moved, b] : [w, moved];
        const nt = t === 'w' ? 'B' : 'w',
          k = key(nw, nb, nt);
        if (parent.has(k)) continue;
        parent.set(k, [key(w, b, t), [t, squares[i], squares[j]]]);
        queue.push([nw, nb, nt]);
      }
    }
  }
  return null;
}

function connected(squares: string[]): boolean {
  const seen = new Set([squares[0]]),
    stack = [squares[0]];
  while (stack.length) {
    const a = stack.pop()!;
    for (const b of squares)
      if (!seen.has(b) && isKnightMove(a, b)) {
        seen.add(b);
        stack.push(b);
      }
  }
  return seen.size === squares.length;
}

function drawBoard(squares: string[], pieces: Record<string, string>): string {
  const cols = [...new Set(squares.map((s) => s[0]))].sort(),
    rows = [...new Set(squares.map((s) => s[1]))].sort().reverse();
  const rule = `   ${'----'.repeat(cols.length)}`;
  const lines = [`    ${cols.join('   ')}`, rule];
  for (const r of rows) {
    lines.push(`${r} |${cols.map((c) => (squares.includes(c + r) ? ` ${pieces[c + r] ?? '.'} |` : '   |')).join('')}`);
    lines.push(rule);
  }
  return lines.join('\n');
}

type Puzzle = { squares: string[]; pieces: Record<string, string>; turn: 'w' | 'B'; solution: Move[] | null };

function makePuzzle(
  rng: Rng,
  o: {
    min_nodes: number;
    max_nodes: number;
    min_pieces: number;
    max_pieces: number;
    min_steps: number;
    max_steps: number;
  },
  impossible: boolean,
): Puzzle | null {
  for (let attempt = 0; attempt < 400; attempt++) {
    const squares = rng.sample(SQUARES, rng.int(o.min_nodes, o.max_nodes)).sort();
    if (!connected(squares)) continue;
    const k = Math.min(rng.int(o.min_pieces, o.max_pieces), Math.floor(squares.length / 2));
    const chosen = rng.sample(
      squares.map((_, i) => i),
      2 * k,
    );
    const white = chosen.slice(0, k).reduce((m, i) => m | (1 << i), 0),
      black = chosen.slice(k).reduce((m, i) => m | (1 << i), 0);
    const turn = rng.pick(['w', 'B'] as const);
    const solution = solveSwap(squares, white, black, turn);
    if (
      impossible
        ? solution !== null
        : solution === null || solution.length < o.min_steps || solution.length > o.max_steps
    )
      continue;
    const pieces: Record<string, string> = {};
    squares.forEach((s, i) => {
      if (white & (1 << i)) pieces[s] = 'w';
      if (black & (1 << i)) pieces[s] = 'B';
    });
    return { squares, pieces, turn, solution };
  }
  return null;
}

export const knightSwap = defineTask({
  id: 'rg.games.knight_swap',
  source: 'rg',
  category: 'games',
  description:
    'Swap white and black knights on a small board with alternating moves, in the fewest moves, or say it is ' +
    'impossible.',
  answerFormat: 'No, or a JSON list of "color,from,to" moves',
  options: {
    min_nodes: { kind: 'int', default: 6, min: 4, max: 12, description: 'fewest squares on the board' },
    max_nodes: { kind: 'int', default: 9, min: 4, max: 12, description: 'most squares on the board' },
    min_pieces: { kind: 'int', default: 2, min: 1, max: 6, description: 'fewest knights per colour' },
    max_pieces: { kind: 'int', default: 2, min: 1, max: 6, description: 'most knights per colour' },
    min_steps: {
      kind: 'int',
      default: 4,
      min: 1,
      max: 60,
      description: 'shortest solution length of a possible puzzle',
    },
    max_steps: {
      kind: 'int',
      default: 20,
      min: 1,
      max: 60,
      description: 'longest solution length of a possible puzzle',
    },
    impossible_ratio: { kind: 'float', default: 0.2, min: 0, max: 1, description: 'share of puzzles with no solution' },
  },
  ranges: [
    ['min_nodes', 'max_nodes'],
    ['min_pieces', 'max_pieces'],
    ['min_steps', 'max_steps'],
  ],
  generate(options, rng) {
    const impossible = rng.next() < options.impossible_ratio;
    const puzzle =
      makePuzzle(rng, options, impossible) ??
      makePuzzle(rng, options, !impossible) ??
      makePuzzle(rng, options, impossible);
    if (!puzzle)
      throw new ConfigError(
        `rg.games.knight_swap: no puzzle found with ${options.min_steps}–${options.max_steps} steps ` +
          `on ${options.min_nodes}–${options.max_nodes} squares; widen the ranges`,
      );
    const starter = puzzle.turn === 'w' ? 'White' : 'Black';
    const prompt =
      `Knight Swap Challenge:\n\`\`\`\n${drawBoard(puzzle.squares, puzzle.pieces)}\n\`\`\`\n\nLegend:\n- 'w' = ` +
      `White Knight\n- 'B' = Black Knight\n- Empty squares are marked with '.'\n- Blank cells are not part of ` +
      `the board\n\n` +
      'Objective:\nSwap the positions of all white knights with all black knights through valid moves.\n\n' +
      (`Rules:\n1. Knights move in L-shape (2 squares + 1 square perpendicular), from one board square to ` +
        `another\n2. Knights can only move to empty squares\n3. ${starter} moves first, then players ` +
        `alternate\n4. All knights must reach their target positions (white ↔ black)\n\n`) +
      "Question:\nIs it possible to swap all knights' positions? If yes, list the moves of a shortest solution.\n\n" +
      ('Answer Format:\n- For impossible puzzles: "No"\n- For possible puzzles: List moves as ["color,from,to", ' +
        '...]\n  Example: ["w,A1,B3"] means white knight moves A1→B3\n') +
      'Give your answer within triple angle brackets, as <<<answer>>>.';
    const answer = puzzle.solution ? JSON.stringify(puzzle.solution.map((m) => m.join(','))) : 'No';
    return {
      prompt,
      answer,
      metadata: {
        squares: puzzle.squares,
        pieces: puzzle.pieces,
        start_turn: puzzle.turn,
        optimal_moves: puzzle.solution ? puzzle.solution.length : -1,
      },
    };
  },
  check(instance, answer) {
    const optimal = instance.metadata.optimal_moves as number;
    const text = answer.trim().replace(/\.$/, '');
    if (/^no$/i.test(text)) return optimal < 0 ? CORRECT : wrong('the swap is possible');
    const list = parseLooseJson(text);
    if (!Array.isArray(list) || list.length > 200 || !list.every((m) => typeof m === 'string'))
      return unparseable('expected "No" or a JSON list of "color,from,to" strings');
    if (optimal < 0) return wrong('the swap is impossible');
    if (list.length > optimal) return wrong(`${list.length} moves; the shortest solution has ${optimal}`);
    const squares = instance.metadata.squares as string[];
    const pieces = new Map(Object.entries(instance.metadata.pieces as Record<string, string>));
    let turn = instance.metadata.start_turn as string;
    for (const raw of list as string[]) {
      const [color, from, to] = raw.split(',').map((x) => x.trim());
      if (color !== turn) return wrong(`"${raw}": it is ${turn}'s turn`);
      if (pieces.get(from) !== color || !squares.includes(to ?? '') || pieces.has(to) || !isKnightMove(from, to))
        return wrong(`"${raw}" is not a legal move`);
      pieces.delete(from);
      pieces.set(to, color);
      turn = turn === 'w' ? 'B' : 'w';
    }
    const start = instance.metadata.pieces as Record<string, string>;
    const swapped = Object.entries(start).every(
      ([square, color]) => pieces.get(square) === (color === 'w' ? 'B' : 'w'),
    );
    return swapped ? CORRECT : wrong('the knights have not swapped');
  },
  referenceSolution(instance) {
    return `import json
from collections import deque
squares = ${JSON.stringify(instance.metadata.squares)}
pieces = ${JSON.stringify(instance.metadata.pieces)}
turn = ${JSON.stringify(instance.metadata.start_turn)}
def jump(a, b):
    return sorted((abs(ord(a[0]) - ord(b[0])), abs(int(a[1]) - int(b[1])))) == [1, 2]
white = frozenset(s for s, c in pieces.items() if c == 'w')
black = frozenset(s for s, c in pieces.items() if c == 'B')
start = (white, black, turn)
prev = {start: None}
q = deque([start])
found = None
while q:
    w, b, t = q.popleft()
    if w == black and b == white:
        found = (w, b, t)
        break
    mine = w if t == 'w' else b
    for a in mine:
        for c in squares:
            if c not in w and c not in b and jump(a, c):
                moved = (mine - {a}) | {c}
                nxt = (moved, b, 'B') if t == 'w' else (w, moved, 'w')
                if nxt not in prev:
                    prev[nxt] = ((w, b, t), f"{t},{a},{c}")
                    q.append(nxt)
if found is None:
    print('No')
else:
    out = []
    while prev[found]:
        found, m = prev[found]
        out.append(m)
    print(json.dumps(out[::-1]))
`;
  },
});
