// symbench.letter_logic_diagram: complete a Latin square of letters whose minor diagonal is one
// letter (CodeSteer's letter_logic_diagram). Puzzles may have several fills; any valid one is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';
import { parseCells } from '../kit/index.js';

const LETTERS = 'abcdefghi';

/**
 * A full square with a uniform minor diagonal: cell (π(r), σ(c)) holds letter[(r + c) mod n], where σ
 * mirrors π (σ(c) = n−1−π(n−1−c)) so the minor diagonal maps onto itself and keeps letter[n−1].
 */
function drawSolution(size: number, rng: Rng): string[] {
  const letters = rng.shuffle(LETTERS.slice(0, size).split(''));
  const rowOrder = rng.shuffle(Array.from({ length: size }, (_, i) => i));
  const grid: string[] = new Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const column = size - 1 - rowOrder[size - 1 - c];
      grid[rowOrder[r] * size + column] = letters[(r + c) % size];
    }
  }
  return grid;
}

/** CodeSteer empties min(10 + 5·complexity, 30) of 49 cells; other sizes keep the same fraction. */
export function removedCount(size: number, complexity: number): number {
  return Math.round((Math.min(10 + 5 * complexity, 30) * size * size) / 49);
}

/** Why `grid` is not a valid completion of `puzzle` ('' marks an empty cell), or null when it is. */
export function completionProblem(puzzle: readonly string[], grid: readonly string[], size: number): string | null {
  const allowed = LETTERS.slice(0, size);
  for (let i = 0; i < size * size; i++) {
    if (grid[i].length !== 1 || !allowed.includes(grid[i]))
      return (
        `cell (${Math.floor(i / size) + 1},${(i % size) + 1}) holds '${grid[i]}', not a ` +
        `letter ${allowed[0]}–${allowed[size - 1]}`
      );
    if (puzzle[i] !== '' && puzzle[i] !== grid[i])
      return `cell (${Math.floor(i / size) + 1},${(i % size) + 1}) changes the pre-filled '${puzzle[i]}'`;
  }
  for (let k = 0; k < size; k++) {
    const row = new Set<string>(),
      column = new Set<string>();
    for (let j = 0; j < size; j++) {
      row.add(grid[k * size + j]);
      column.add(grid[j * size + k]);
    }
    if (row.size !== size) return `row ${k + 1} repeats a letter`;
    if (column.size !== size) return `column ${k + 1} repeats a letter`;
  }
  for (let r = 1; r < size; r++)
    if (grid[r * size + size - 1 - r] !== grid[size - 1]) return 'the minor diagonal holds more than one letter';
  return null;
}

/** The cells of a grid answer (rows of comma-separated letters, a nested list, or rows of n letters). */
export function parseLetterGrid(text: string, size: number): string[] | null {
  const tokens = parseCells(text.toLowerCase());
  if (!tokens) return null;
  const cells = tokens.length === size && tokens.every((t) => t.length === size) ? tokens.join('').split('') : tokens;
  return cells.length === size * size ? cells : null;
}

export const letterLogicDiagram = defineTask({
  id: 'symbench.letter_logic_diagram',
  source: 'symbench',
  description:
    'Fill a partly given letter grid so rows and columns hold each letter once and the minor diagonal is one letter.',
  answerFormat: 'the n×n letter grid, one row per line, letters separated by commas',
  options: {
    size: { kind: 'int', default: 7, min: 4, max: 9, description: 'grid side (letters a.. up to the side)' },
    min_complexity: {
      kind: 'int',
      default: 1,
      min: 1,
      max: 5,
      description: 'lowest complexity (empties 10 + 5·complexity of 49 cells, at most 30)',
    },
    max_complexity: { kind: 'int', default: 5, min: 1, max: 5, description: 'highest complexity' },
  },
  ranges: [['min_complexity', 'max_complexity']],
  generate(options, rng) {
    const size = options.size;
    const complexity = rng.int(options.min_complexity, options.max_complexity);
    const solution = drawSolution(size, rng);
    const puzzle = solution.slice();
    for (const i of rng.sample(
      Array.from({ length: size * size }, (_, k) => k),
      removedCount(size, complexity),
    ))
      puzzle[i] = '';
    const rowsOf = (cells: string[]): string[] =>
      Array.from({ length: size }, (_, r) => cells.slice(r * size, r * size + size).join(','));
    const last = LETTERS[size - 1];
    const prompt = [
      `Given a ${size}x${size} grid of letters {a..${last}}, some cells are pre-filled. Fill the rest so that:`,
      `1) Each row has exactly one of each letter {a..${last}}.`,
      `2) Each column has exactly one of each letter {a..${last}}.`,
      '3) All cells on the minor diagonal (from the top-right to the bottom-left corner) contain the same letter.',
      '',
      'Here is the puzzle (each row on its own line, cells separated by commas, empty cells blank):',
      '',
      ...rowsOf(puzzle),
      '',
      'Return the answer within triple angle brackets in the format:',
      '<<<',
      'row1',
      'row2',
      `...  (${size} rows in all)`,
      '>>>',
      '',
      `where each row has ${size} letters separated by commas.`,
    ].join('\n');
    return { prompt, answer: rowsOf(solution).join('\n'), metadata: { size, complexity, puzzle } };
  },
  check(instance, answer) {
    const size = instance.metadata.size as number;
    const grid = parseLetterGrid(answer, size);
    if (!grid) return unparseable(`expected ${size} rows of ${size} comma-separated letters`);
    const problem = completionProblem(instance.metadata.puzzle as string[], grid, size);
    return problem === null ? CORRECT : wrong(problem);
  },
  referenceSolution(instance) {
    return [
      `n = ${instance.metadata.size as number}`,
      `cells = ${JSON.stringify(instance.metadata.puzzle)}`,
      'letters = "abcdefghi"[:n]',
      'g = [cells[r*n:(r+1)*n] for r in range(n)]',
      'def options(r, c):',
      '    used = set(g[r]) | {g[k][c] for k in range(n)}',
      '    return [x for x in letters if x not in used]',
      'def solve():',
      '    best = None',
      '    for r in range(n):',
      '        for c in range(n):',
      '            if g[r][c] == "":',
      '                opts = options(r, c)',
      '                if best is None or len(opts) < len(best[2]): best = (r, c, opts)',
      '    if best is None: return True',
      '    r, c, opts = best',
      '    for x in opts:',
      '        g[r][c] = x',
      '        if solve(): return True',
      '    g[r][c] = ""',
      '    return False',
      'diagonal = [(r, n - 1 - r) for r in range(n)]',
      'given = {g[r][c] for r, c in diagonal if g[r][c]}',
      'for d in (sorted(given) if given else letters):',
      '    blanks = [(r, c) for r, c in diagonal if g[r][c] == ""]',
      '    if all(d not in g[r] and d not in [g[k][c] for k in range(n)] for r, c in blanks):',
      '        for r, c in blanks: g[r][c] = d',
      '        if solve(): break',
      '        for r, c in blanks: g[r][c] = ""',
      'print("\\n".join(",".join(row) for row in g))',
    ].join('\n');
  },
});
