// symbench.boxnet: one agent per grid square moves colored boxes to adjacent squares or onto a
// same-colored target in its square, one action per agent per step (CodeSteer's BoxNet1). The
// checker simulates the plan; any valid plan that matches every box is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, parseLooseJson, unparseable, wrong } from '../answer.js';
import { InvariantError } from '../../core/index.js';

const COLORS = ['blue', 'red', 'green', 'purple', 'orange'];
const MAX_STEPS = 200;
/** Items per square, keyed `row_col` by integer index; each item is `box_<color>` or `target_<color>`. */
type Grid = string[][][];
type Action = { row: number; col: number; box: string; to: { row: number; col: number } | 'target' };

const coord = (i: number) => (i + 0.5).toFixed(1);
const squareName = (row: number, col: number) => `square[${coord(row)}, ${coord(col)}]`;

function describe(grid: Grid): string {
  const lines: string[] = [];
  grid.forEach((cells, row) =>
    cells.forEach((items, col) => {
      const actions: string[] = [];
      for (const box of items.filter((item) => item.startsWith('box_'))) {
        for (const [dr, dc] of [
          [-1, 0],
          [1, 0],
          [0, -1],
          [0, 1],
        ]) {
          if (grid[row + dr]?.[col + dc]) actions.push(`move(${box}, ${squareName(row + dr, col + dc)})`);
        }
        if (items.includes(`target_${box.slice(4)}`)) actions.push(`move(${box}, target_${box.slice(4)})`);
      }
      const observed = items.map((x) => `'${x}'`).join(', ');
      const doable = actions.map((x) => `'${x}'`).join(', ');
      lines.push(
        `Agent[${coord(row)}, ${coord(col)}]: I am in ${squareName(row, col)}, ` +
          `I can observe [${observed}], I can do [${doable}]`,
      );
    }),
  );
  return lines.join('\n');
}

/** Applies one step's actions (validated against the state at the start of the step); returns an error or null. */
function applyStep(grid: Grid, actions: Action[]): string | null {
  for (const a of actions) {
    const items = grid[a.row]?.[a.col];
    if (!items) return `no agent at ${squareName(a.row, a.col)}`;
    if (!items.includes(a.box)) return `${squareName(a.row, a.col)} has no ${a.box}`;
    if (a.to === 'target') {
      if (!items.includes(`target_${a.box.slice(4)}`))
        return `${squareName(a.row, a.col)} has no target_${a.box.slice(4)}`;
    } else if (Math.abs(a.to.row - a.row) + Math.abs(a.to.col - a.col) !== 1 || !grid[a.to.row]?.[a.to.col]) {
      return `${squareName(a.to.row, a.to.col)} is not adjacent to ${squareName(a.row, a.col)}`;
    }
  }
  for (const a of actions) {
    const items = grid[a.row][a.col];
    items.splice(items.indexOf(a.box), 1);
    if (a.to === 'target') items.splice(items.indexOf(`target_${a.box.slice(4)}`), 1);
    else grid[a.to.row][a.to.col].push(a.box);
  }
  return null;
}

/**
 * Every agent with a box acts each step: match when it can, else push one box toward the nearest same-colored target.
 */
function greedyPlan(start: Grid): Action[][] {
  const grid: Grid = start.map((cells) => cells.map((items) => [...items]));
  const plan: Action[][] = [];
  while (grid.some((cells) => cells.some((items) => items.some((x) => x.startsWith('box_'))))) {
    if (plan.length >= MAX_STEPS) throw new InvariantError('boxnet greedy plan did not finish');
    const step: Action[] = [];
    grid.forEach((cells, row) =>
      cells.forEach((items, col) => {
        const boxes = items.filter((x) => x.startsWith('box_'));
        if (boxes.length === 0) return;
        const matchable = boxes.find((box) => items.includes(`target_${box.slice(4)}`));
        if (matchable) {
          step.push({ row, col, box: matchable, to: 'target' });
          return;
        }
        const box = boxes[0];
        let best: [number, number] | null = null;
        grid.forEach((cs, r) =>
          cs.forEach((its, c) => {
            if (
              its.includes(`target_${box.slice(4)}`) &&
              (!best || Math.abs(r - row) + Math.abs(c - col) < Math.abs(best[0] - row) + Math.abs(best[1] - col))
            )
              best = [r, c];
          }),
        );
        const [tr, tc] = best ?? [row, col];
        step.push({
          row,
          col,
          box,
          to: tr !== row ? { row: row + Math.sign(tr - row), col } : { row, col: col + Math.sign(tc - col) },
        });
      }),
    );
    applyStep(grid, step);
    plan.push(step);
  }
  return plan;
}

export function renderBoxnetPlan(plan: Action[][]): string {
  const action = (a: (typeof plan)[number][number]): string =>
    `"Agent[${coord(a.row)}, ${coord(a.col)}]": ` +
    `"move(${a.box}, ${a.to === 'target' ? `target_${a.box.slice(4)}` : squareName(a.to.row, a.to.col)})"`;
  return `[${plan.map((step) => `{${step.map(action).join(', ')}}`).join(', ')}]`;
}

const KEY_RE = /^\s*agent\s*\[\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\]\s*$/i;
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const VALUE_RE = new RegExp(
  String.raw`^\s*move\(\s*(box_[a-z]+)\s*,\s*(?:square\s*\[\s*${NUMBER}\s*,\s*${NUMBER}\s*\]|target_([a-z]+))\s*\)\s*$`,
  'i',
);

function index(text: string): number {
  const value = Number(text) - 0.5;
  return Number.isInteger(value) ? value : -1;
}

function parsePlan(text: string): Action[][] | string {
  const value = parseLooseJson(text);
  if (!Array.isArray(value)) return 'expected a JSON list of action dictionaries';
  if (value.length > MAX_STEPS) return `at most ${MAX_STEPS} steps are read`;
  const plan: Action[][] = [];
  for (const [s, step] of value.entries()) {
    if (step === null || typeof step !== 'object' || Array.isArray(step)) return `step ${s + 1} is not a dictionary`;
    const actions: Action[] = [];
    for (const [key, action] of Object.entries(step as Record<string, unknown>)) {
      const k = KEY_RE.exec(key);
      const v = typeof action === 'string' ? VALUE_RE.exec(action) : null;
      if (!k || !v)
        return `step ${s + 1}: cannot read ${JSON.stringify(key).slice(0, 30)}: ${JSON.stringify(action).slice(0, 40)}`;
      const box = v[1].toLowerCase();
      if (v[4] !== undefined && v[4].toLowerCase() !== box.slice(4))
        return `step ${s + 1}: ${box} cannot go to target_${v[4]}`;
      actions.push({
        row: index(k[1]),
        col: index(k[2]),
        box,
        to: v[4] !== undefined ? 'target' : { row: index(v[2]), col: index(v[3]) },
      });
    }
    plan.push(actions);
  }
  return plan;
}

type Sizes = { min_rows: number; max_rows: number; min_cols: number; max_cols: number };

/**
 * CodeSteer's grids are 1×2, 2×2 and 2×4 (benchmark/run_BoxNet1_baseline_methods.py; its dataset also has 4×4
 * and 4×8): as many columns as rows, or twice as many. Every such shape the ranges allow, beyond a single square;
 * every shape they allow when none is of that kind.
 */
function gridShapes(o: Sizes): [number, number][] {
  const all: [number, number][] = [];
  for (let r = o.min_rows; r <= o.max_rows; r++) for (let c = o.min_cols; c <= o.max_cols; c++) all.push([r, c]);
  const doubling = all.filter(([r, c]) => (c === r || c === 2 * r) && r * c > 1);
  return doubling.length > 0 ? doubling : all;
}

export const boxnet = defineTask({
  id: 'symbench.boxnet',
  source: 'symbench',
  description: "Plan grid agents' box moves so every colored box reaches a same-colored target.",
  answerFormat: 'a JSON list of per-step dictionaries {"Agent[x, y]": "move(box_color, destination)"}',
  options: {
    min_rows: { kind: 'int', default: 1, min: 1, max: 4, description: 'fewest grid rows' },
    max_rows: { kind: 'int', default: 2, min: 1, max: 4, description: 'most grid rows' },
    min_cols: { kind: 'int', default: 2, min: 1, max: 5, description: 'fewest grid columns' },
    max_cols: { kind: 'int', default: 4, min: 1, max: 5, description: 'most grid columns' },
    num_colors: {
      kind: 'int',
      default: 5,
      min: 1,
      max: 5,
      description: 'box colors (blue, red, green, purple, orange)',
    },
    min_boxes_per_color: {
      kind: 'int',
      default: 1,
      min: 1,
      max: 3,
      description: 'fewest boxes (and targets) of a color',
    },
    max_boxes_per_color: {
      kind: 'int',
      default: 3,
      min: 1,
      max: 3,
      description: 'most boxes (and targets) of a color',
    },
  },
  ranges: [
    ['min_rows', 'max_rows'],
    ['min_cols', 'max_cols'],
    ['min_boxes_per_color', 'max_boxes_per_color'],
  ],
  generate(options, rng) {
    const [rows, cols] = rng.pick(gridShapes(options));
    const grid: Grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => [] as string[]));
    for (const color of COLORS.slice(0, options.num_colors)) {
      const count = rng.int(options.min_boxes_per_color, options.max_boxes_per_color);
      for (let k = 0; k < count; k++) {
        grid[rng.int(0, rows - 1)][rng.int(0, cols - 1)].push(`box_${color}`);
        grid[rng.int(0, rows - 1)][rng.int(0, cols - 1)].push(`target_${color}`);
      }
    }
    const plan = greedyPlan(grid);
    const prompt =
      'You are a central planner tasked with directing agents in a grid-like field to move colored boxes to ' +
      'their corresponding color-coded targets. ' +
      ('Each agent occupies a 1x1 square and can only interact with objects within its square. Agents can move a ' +
        'box to an adjacent square or directly to a target square of the same color. ') +
      ('A square may contain multiple boxes and targets.\nThe squares are identified by their center coordinates ' +
        '(e.g., square[0.5, 0.5]). ') +
      'Actions are formatted as: move(box_color, destination), where box_color is the color of the box and ' +
      "destination is either a target of the same color in the agent's square or an adjacent square.\n" +
      ('Your objective is to create a sequence of action plans that instructs each agent to match all boxes to ' +
        'their color-coded targets in the most efficient manner.\n') +
      'Rules: each agent does at most one action per step; ' +
      "an action may only use a box that is in the agent's square at the start of the step; " +
      ('the key of each action is the agent\'s coordinates in the format "Agent[x, y]"; include an agent in a ' +
        'step only if it has something to do. ') +
      ('The answer is a JSON list with one dictionary per step, e.g. the shape [{"Agent[x, y]": "move(box_color, ' +
        'square[x, y])", ...}, {"Agent[x, y]": "move(box_color, target_color)"}, ...].\n') +
      `The current left boxes and agents are:\n${describe(grid)}\n\n` +
      'Please respond in the format <<<list of action dictionaries>>>.';
    return { prompt, answer: renderBoxnetPlan(plan), metadata: { grid } };
  },
  check(instance, answer) {
    const plan = parsePlan(answer);
    if (typeof plan === 'string') return unparseable(plan);
    const grid = (instance.metadata.grid as Grid).map((cells) => cells.map((items) => [...items]));
    for (const [s, step] of plan.entries()) {
      const error = applyStep(grid, step);
      if (error) return wrong(`step ${s + 1}: ${error}`);
    }
    const left = grid.flat(2).filter((x) => x.startsWith('box_')).length;
    return left === 0 ? CORRECT : wrong(`${left} boxes are not on their targets`);
  },
  referenceSolution(instance) {
    return `import json
grid = ${JSON.stringify(instance.metadata.grid)}
rows, cols = len(grid), len(grid[0])
name = lambda r, c: f"square[{r + 0.5}, {c + 0.5}]"
plan = []
# Move boxes one at a time: walk each box along its row, then its column, to the nearest free target.
for r in range(rows):
    for c in range(cols):
        for box in [x for x in grid[r][c] if x.startswith("box_")]:
            color = box[4:]
            targets = [(tr, tc) for tr in range(rows) for tc in range(cols) if "target_" + color in grid[tr][tc]]
            tr, tc = min(targets, key=lambda t: abs(t[0] - r) + abs(t[1] - c))
            grid[tr][tc].remove("target_" + color)
            pr, pc = r, c
            while (pr, pc) != (tr, tc):
                nr, nc = (pr + (1 if tr > pr else -1), pc) if pr != tr else (pr, pc + (1 if tc > pc else -1))
                plan.append({f"Agent[{pr + 0.5}, {pc + 0.5}]": f"move({box}, {name(nr, nc)})"})
                pr, pc = nr, nc
            plan.append({f"Agent[{pr + 0.5}, {pc + 0.5}]": f"move({box}, target_{color})"})
print(json.dumps(plan))
`;
  },
});
