// symbench.boxlift: assign lifters (alone or combined) to lift every box within a step budget
// (CodeSteer's BoxLift; the budget is the step count of its greedy heuristic). The checker
// simulates the plan and accepts any valid plan that lifts all boxes within the budget.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';

type Assignment = [number, number[]];
type Level = { boxes: number; lifters: number; weight: [number, number]; capacity: [number, number] };

/**
 * The four sizes CodeSteer evaluates (create_dataset/create_dataset_BoxLift.py, first four configurations; run by
 * benchmark/run_BoxLift_baseline_methods.py): box and lifter counts, box weights and lifter capacities.
 */
const LEVELS: readonly Level[] = [
  { boxes: 10, lifters: 3, weight: [10, 100], capacity: [40, 80] },
  { boxes: 15, lifters: 4, weight: [20, 200], capacity: [30, 120] },
  { boxes: 20, lifters: 5, weight: [30, 300], capacity: [40, 160] },
  { boxes: 25, lifters: 6, weight: [40, 400], capacity: [50, 200] },
];

/** CodeSteer's greedy: heaviest boxes first, each taking the first free lifters until strong enough. */
function greedyPlan(boxes: readonly number[], lifters: readonly number[]): Assignment[][] {
  const remaining = [...boxes].sort((a, b) => b - a);
  const steps: Assignment[][] = [];
  while (remaining.length > 0) {
    let free = lifters.map((_, i) => i);
    const step: Assignment[] = [];
    for (let i = 0; i < remaining.length && free.length > 0;) {
      const box = remaining[i];
      if (free.reduce((s, k) => s + lifters[k], 0) < box) {
        i++;
        continue;
      }
      const used: number[] = [];
      let strength = 0;
      for (const k of free) {
        used.push(k);
        strength += lifters[k];
        if (strength >= box) break;
      }
      free = free.filter((k) => !used.includes(k));
      step.push([box, used]);
      remaining.splice(i, 1);
    }
    steps.push(step);
  }
  return steps;
}

function renderPlan(steps: Assignment[][]): string {
  return steps
    .map((step, i) => `Step ${i + 1}: [${step.map(([w, ks]) => `(${w}, [${ks.join(', ')}])`).join(', ')}]`)
    .join('\n');
}

const ENTRY_RE = /[([]\s*(\d{1,9})\s*,\s*\[\s*(\d{1,3}(?:\s*,\s*\d{1,3})*)?\s*\]\s*[)\]]/g;

/** `[(50, [0, 2]), (30, [1])]` (tuples or lists) → assignments; null when malformed. */
function parseStep(text: string): Assignment[] | null {
  const out: Assignment[] = [];
  const rest = text.replace(ENTRY_RE, (_, weight: string, lifters: string | undefined) => {
    out.push([Number(weight), lifters === undefined ? [] : lifters.split(',').map(Number)]);
    return '';
  });
  return /^\s*\[[\s,]*\]\s*$/.test(rest) ? out : null;
}

function parsePlan(text: string): Assignment[][] | string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length > 200) return 'too many lines';
  const steps: Assignment[][] = [];
  for (const line of lines) {
    const match = /^step\s*(\d+)\s*:\s*(.*)$/i.exec(line);
    if (!match) return `not a step line: ${line.slice(0, 40)}`;
    if (Number(match[1]) !== steps.length + 1) return `steps must be numbered 1, 2, …; found Step ${match[1]}`;
    const step = parseStep(match[2]);
    if (step === null) return `step ${match[1]} is not a list of (weight, [lifter indices])`;
    steps.push(step);
  }
  return steps.length > 0 ? steps : 'no steps found';
}

export const boxlift = defineTask({
  id: 'symbench.boxlift',
  source: 'symbench',
  description: 'Plan which lifters lift which boxes in each step so all boxes are lifted within a step budget.',
  answerFormat: 'lines `Step k: [(weight, [lifter indices]), …]`',
  options: {
    min_level: { kind: 'int', default: 1, min: 1, max: 4, description: 'smallest size level (10 boxes, 3 lifters)' },
    max_level: { kind: 'int', default: 4, min: 1, max: 4, description: 'largest size level (25 boxes, 6 lifters)' },
  },
  ranges: [['min_level', 'max_level']],
  generate(options, rng) {
    const level = LEVELS[rng.int(options.min_level, options.max_level) - 1];
    for (;;) {
      const boxes = Array.from({ length: level.boxes }, () => rng.int(level.weight[0], level.weight[1]));
      const lifters = Array.from({ length: level.lifters }, () => rng.int(level.capacity[0], level.capacity[1]));
      if (Math.max(...boxes) > lifters.reduce((s, v) => s + v, 0)) continue;
      const plan = greedyPlan(boxes, lifters);
      const prompt = `Task: BoxLift
You are given a list of boxes with the following weights: [${boxes.join(', ')}]
And a list of lifters with the following maximum lifting capacities: [${lifters.join(', ')}]
Your task is to assign the lifters to lift all the boxes in multiple steps, following these rules:
1. Multiple boxes can be lifted in each step.
2. Each lifter can only lift one box at a time.
3. Each lifting agent can be used only once in each step.
4. Multiple lifters can combine together to lift one box if the box is too heavy for a single lifter.
5. Try to lift all the boxes using the minimum number of steps possible.
6. You need to lift all the boxes in less than or equal to ${plan.length} steps.
Lifters are indexed from 0 in the order given. Please provide your solution in the following format, one line per step:
Step 1: [(Box weight, [Lifter indices]), (Box weight, [Lifter indices]), ...]
Step 2: [(Box weight, [Lifter indices]), (Box weight, [Lifter indices]), ...]
...
For instance, a step line "Step 1: [(50, [0, 2]), (30, [1])]" would mean that in Step 1, lifters 0 and 2 lift a box \
weighing 50 and lifter 1 lifts a box weighing 30.
Surround the answer with <<<content>>>.`;
      return { prompt, answer: renderPlan(plan), metadata: { boxes, lifters, max_steps: plan.length } };
    }
  },
  check(instance, answer) {
    const plan = parsePlan(answer);
    if (typeof plan === 'string') return unparseable(plan);
    const lifters = instance.metadata.lifters as number[];
    const maxSteps = instance.metadata.max_steps as number;
    if (plan.length > maxSteps) return wrong(`${plan.length} steps; at most ${maxSteps} are allowed`);
    const remaining = new Map<number, number>();
    for (const w of instance.metadata.boxes as number[]) remaining.set(w, (remaining.get(w) ?? 0) + 1);
    for (const [s, step] of plan.entries()) {
      const used = new Set<number>();
      for (const [weight, ks] of step) {
        if (!remaining.get(weight)) return wrong(`step ${s + 1}: no box of weight ${weight} is left`);
        if (
          ks.length === 0 ||
          ks.some((k) => k < 0 || k >= lifters.length || used.has(k)) ||
          new Set(ks).size !== ks.length
        )
          return wrong(`step ${s + 1}: lifters ${JSON.stringify(ks)} are invalid or already busy`);
        if (ks.reduce((sum, k) => sum + lifters[k], 0) < weight)
          return wrong(`step ${s + 1}: lifters ${JSON.stringify(ks)} cannot lift ${weight}`);
        ks.forEach((k) => used.add(k));
        remaining.set(weight, remaining.get(weight)! - 1);
      }
    }
    const left = [...remaining.values()].reduce((s, v) => s + v, 0);
    return left === 0 ? CORRECT : wrong(`${left} boxes are not lifted`);
  },
  referenceSolution(instance) {
    return `boxes = ${JSON.stringify(instance.metadata.boxes)}
lifters = ${JSON.stringify(instance.metadata.lifters)}

def plan(order):
    """Heaviest boxes first; each takes free lifters in the given preference order until strong enough."""
    remaining = sorted(boxes, reverse=True)
    lines = []
    while remaining:
        free = order(list(range(len(lifters))))
        step, left = [], []
        for box in remaining:
            if sum(lifters[k] for k in free) < box:
                left.append(box)
                continue
            team, strength = [], 0
            for k in free:
                team.append(k)
                strength += lifters[k]
                if strength >= box:
                    break
            free = [k for k in free if k not in team]
            step.append(f"({box}, [{', '.join(map(str, sorted(team)))}])")
        remaining = left
        lines.append(f"Step {len(lines) + 1}: [{', '.join(step)}]")
    return lines

candidates = [plan(lambda ks: ks), plan(lambda ks: sorted(ks, key=lambda k: -lifters[k])), plan(lambda ks: sorted(ks, \
key=lambda k: lifters[k]))]
print("\\n".join(min(candidates, key=len)))
`;
  },
});
