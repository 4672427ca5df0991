// symbench.blocksworld: move blocks one at a time (top block only) among fixed stacks to reach a goal
// arrangement (CodeSteer's Blocksworld). The checker simulates the submitted moves; any valid plan
// that ends in the goal state is accepted. The gold plan is a shortest one (breadth-first search).
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { InvariantError } from '../../core/index.js';

/** Stacks bottom to top, one string of block letters per stack. */
type Stacks = string[];
const MAX_MOVES = 500;

function shortestPlan(start: Stacks, goal: Stacks): string[] {
  const goalKey = goal.join('|');
  const parent = new Map<string, { from: string; move: string } | null>([[start.join('|'), null]]);
  let frontier: Stacks[] = [start];
  while (frontier.length > 0) {
    const next: Stacks[] = [];
    for (const state of frontier) {
      const key = state.join('|');
      if (key === goalKey) return rebuild(parent, key);
      for (let s = 0; s < state.length; s++) {
        if (state[s].length === 0) continue;
        const block = state[s][state[s].length - 1];
        for (let d = 0; d < state.length; d++) {
          if (d === s) continue;
          const moved = [...state];
          moved[s] = state[s].slice(0, -1);
          moved[d] = state[d] + block;
          const movedKey = moved.join('|');
          if (parent.has(movedKey)) continue;
          parent.set(movedKey, { from: key, move: `Move ${block} from ${s + 1} to ${d + 1}` });
          next.push(moved);
        }
      }
    }
    frontier = next;
  }
  throw new InvariantError('blocksworld goal unreachable with three or more stacks');
}

function rebuild(parent: Map<string, { from: string; move: string } | null>, key: string): string[] {
  const moves: string[] = [];
  for (let step = parent.get(key); step; step = parent.get(step.from)) moves.push(step.move);
  return moves.reverse();
}

function renderStacks(stacks: Stacks): string {
  return stacks.map((blocks, i) => `stack${i + 1}: ${blocks.split('').join(' ')}`.trimEnd()).join('\n');
}

const MOVE_RE = /^move\s+([A-Za-z])\s+from\s+(?:stack\s*)?(\d{1,2})\s+to\s+(?:stack\s*)?(\d{1,2})$/i;

export const blocksworld = defineTask({
  id: 'symbench.blocksworld',
  source: 'symbench',
  description: 'Plan block moves among fixed stacks to turn an initial arrangement into a goal arrangement.',
  answerFormat: 'one `Move X from i to j` per line',
  options: {
    min_blocks: { kind: 'int', default: 2, min: 1, max: 5, description: 'fewest blocks' },
    max_blocks: { kind: 'int', default: 4, min: 1, max: 5, description: 'most blocks' },
    min_stacks: { kind: 'int', default: 3, min: 3, max: 5, description: 'fewest stacks' },
    max_stacks: { kind: 'int', default: 5, min: 3, max: 5, description: 'most stacks' },
    min_goal_stacks: {
      kind: 'int',
      default: 2,
      min: 1,
      max: 5,
      description: 'fewest stacks the goal may use (≤ stacks)',
    },
  },
  ranges: [
    ['min_blocks', 'max_blocks'],
    ['min_stacks', 'max_stacks'],
    ['min_goal_stacks', 'max_stacks'],
  ],
  generate(options, rng) {
    for (;;) {
      const blocks = 'ABCDE'.slice(0, rng.int(options.min_blocks, options.max_blocks)).split('');
      const stacks = rng.int(options.min_stacks, options.max_stacks);
      const fewestGoal = Math.min(options.min_goal_stacks, stacks);
      const goalStacks = rng.int(fewestGoal, Math.max(fewestGoal, Math.min(stacks, 4)));
      const initial: Stacks = new Array<string>(stacks).fill('');
      for (const block of rng.shuffle(blocks)) initial[rng.int(0, stacks - 1)] += block;
      const goal: Stacks = new Array<string>(stacks).fill('');
      for (const block of blocks) goal[rng.int(0, goalStacks - 1)] += block;
      if (initial.join('|') === goal.join('|')) continue;
      const plan = shortestPlan(initial, goal);
      const prompt =
        `Blocksworld Task:\n\nInitial State:\n${renderStacks(initial)}\n\nGoal State:\n${renderStacks(goal)}\n\n` +
        ('Please provide a series of moves to reach the goal state. You can only move one block at a time. And ' +
          'that box should be the top box of the stack. ') +
        'Note that from the left to the right in each stack is the order from the bottom to the top of boxes. ' +
        ('For example, in stack A B C D, A is the bottom box and D is the top box so that you can only move D in ' +
          'this case. ') +
        '***Be careful that you can only pick up the top box in each stack. Check this rule before your move!***. ' +
        ("\nEach move should be in the format: 'Move [block] from [source] to [destination]', where source and " +
          'destination are stack numbers. ') +
        ('You cannot create new stacks but only move among the existing stacks; stacks shown empty in the goal ' +
          'must end empty. ') +
        ('Separate each move with a newline. Surround the answer with <<<content>>>, in the form <<<Move [block] ' +
          'from [source] to [destination]\\n…>>>.');
      return { prompt, answer: plan.join('\n'), metadata: { initial, goal } };
    }
  },
  check(instance, answer) {
    const state = [...(instance.metadata.initial as string[])];
    const lines = answer
      .split(/\r?\n|;/)
      .map((line) =>
        line
          .trim()
          .replace(/^(\d+[.)]|[-*])\s*/, '')
          .replace(/\.$/, ''),
      )
      .filter((line) => line.length > 0);
    if (lines.length === 0) return unparseable('no moves found');
    if (lines.length > MAX_MOVES) return wrong(`${lines.length} moves; at most ${MAX_MOVES} are read`);
    for (const [i, line] of lines.entries()) {
      const match = MOVE_RE.exec(line);
      if (!match) return unparseable(`move ${i + 1} is not 'Move X from i to j': ${line.slice(0, 40)}`);
      const block = match[1].toUpperCase(),
        from = Number(match[2]) - 1,
        to = Number(match[3]) - 1;
      if (state[from] === undefined || state[to] === undefined)
        return wrong(`move ${i + 1} names a stack that does not exist`);
      if (from === to) return wrong(`move ${i + 1} (${line}) does not change stacks`);
      if (!state[from].endsWith(block))
        return wrong(`move ${i + 1} (${line}) is not allowed: ${block} is not on top of stack${from + 1}`);
      state[from] = state[from].slice(0, -1);
      state[to] += block;
    }
    return state.join('|') === (instance.metadata.goal as string[]).join('|')
      ? CORRECT
      : wrong('the final state is not the goal state');
  },
  referenceSolution(instance) {
    return `from collections import deque
start = tuple(${JSON.stringify(instance.metadata.initial)})
goal = tuple(${JSON.stringify(instance.metadata.goal)})
previous = {start: None}
queue = deque([start])
while queue:
    state = queue.popleft()
    if state == goal:
        break
    for s, blocks in enumerate(state):
        if not blocks:
            continue
        for d in range(len(state)):
            if d != s:
                moved = list(state)
                moved[s], moved[d] = blocks[:-1], state[d] + blocks[-1]
                moved = tuple(moved)
                if moved not in previous:
                    previous[moved] = (state, f"Move {blocks[-1]} from {s + 1} to {d + 1}")
                    queue.append(moved)
moves = []
while previous[goal]:
    goal, move = previous[goal]
    moves.append(move)
print("\\n".join(reversed(moves)))
`;
  },
});
