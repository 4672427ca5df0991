// rg.graphs.quantum_lock: buttons change a number (some only while the light is red or green; every
// press toggles the light). Any shortest button sequence from 0 (red) to the target is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

type Button = {
  name: string;
  type: 'add' | 'subtract' | 'multiply';
  value: number;
  active_state: 'any' | 'green' | 'red';
};

function press(button: Button, value: number): number {
  return button.type === 'add'
    ? value + button.value
    : button.type === 'subtract'
      ? value - button.value
      : value * button.value;
}

/**
 * BFS over (value, light) up to maxSteps presses; a shortest sequence of button names or null.
 * Exact pruning: above a positive target only subtraction lowers the value, and below zero only
 * addition raises it, so a value farther than (largest step × presses left) can never come back.
 */
function solve(buttons: readonly Button[], target: number, maxSteps: number): string[] | null {
  type Node = { value: number; red: boolean; path: string[] };
  const maxDown = Math.max(0, ...buttons.filter((b) => b.type === 'subtract').map((b) => b.value));
  const maxUp = Math.max(0, ...buttons.filter((b) => b.type === 'add').map((b) => b.value));
  let frontier: Node[] = [{ value: 0, red: true, path: [] }];
  const seen = new Set<string>(['0r']);
  for (let step = 0; step <= maxSteps; step++) {
    const next: Node[] = [];
    for (const node of frontier) {
      if (node.value === target) return node.path;
      if (step === maxSteps) continue;
      for (const b of buttons) {
        if (b.active_state !== 'any' && (b.active_state === 'red') !== node.red) continue;
        const value = press(b, node.value),
          key = `${value}${node.red ? 'g' : 'r'}`,
          left = maxSteps - step - 1;
        if (
          seen.has(key) ||
          (value > target && value - target > maxDown * left) ||
          (value < 0 && target - value > maxUp * left)
        )
          continue;
        seen.add(key);
        next.push({ value, red: !node.red, path: [...node.path, b.name] });
      }
    }
    frontier = next;
  }
  return null;
}

function makeButtons(rng: Rng, level: number): Button[] {
  const values = {
    add: level >= 5 ? [2, 3] : [1, 2],
    subtract: level >= 5 ? [2, 3] : [1, 2],
    multiply: level >= 7 ? [2, 3] : [2],
  };
  const buttons: Button[] = [];
  while (buttons.length < 3) {
    const type = rng.pick(['add', 'subtract', 'multiply'] as const);
    const value = rng.pick(values[type]);
    const roll = rng.int(1, 7);
    const active_state = roll <= 4 ? 'any' : roll <= 6 ? 'green' : 'red';
    if (buttons.some((b) => b.type === type && b.value === value && b.active_state === active_state)) continue;
    buttons.push({ name: String.fromCharCode(65 + buttons.length), type, value, active_state });
  }
  return buttons;
}

export const quantumLock = defineTask({
  id: 'rg.graphs.quantum_lock',
  source: 'rg',
  category: 'graphs',
  description: 'Find the shortest button sequence that takes a number to a target under light-dependent operations.',
  answerFormat: 'button letters separated by →, e.g. A → B',
  options: {
    difficulty: {
      kind: 'int',
      default: 10,
      min: 1,
      max: 30,
      description: 'highest puzzle level (each item draws a level from 1 to this)',
    },
  },
  generate(options, rng) {
    for (;;) {
      const level = rng.int(1, options.difficulty);
      const buttons = makeButtons(rng, level);
      const base = 5 + level ** 1.5;
      const target = Math.max(8, Math.trunc(base + rng.int(-Math.trunc(base * 0.2), Math.trunc(base * 0.3))));
      const maxSteps = Math.min(15, 6 + Math.trunc(level * 1.5));
      const solution = solve(buttons, target, maxSteps);
      if (!solution) continue;
      const prompt =
        'In front of you are some buttons, a light, and a number. The light will toggle between red and green ' +
        'whenever you press a button. ' +
        ('Each button performs a mathematical operation to the number, but the operation may depend on the state ' +
          'of the light: ') +
        'a button marked (when red) or (when green) can only be pressed while the light shows that color.\n' +
        ('You must press the shortest correct sequence of buttons to reach the target value. Your answer should ' +
          "be a sequence of buttons separated by '→', for example: A → B → C\n\n") +
        `Start: 0 (red)\nTarget: ${target}\nButtons:\n` +
        buttons
          .map((b) => `${b.name}: ${b.type[0].toUpperCase()}${b.type.slice(1)} ${b.value} (when ${b.active_state})`)
          .join('\n') +
        '\n\nGive the sequence within triple angle brackets, as <<<sequence>>>.';
      return {
        prompt,
        answer: solution.join(' → '),
        metadata: { buttons, target_value: target, level, shortest: solution.length },
      };
    }
  },
  check(instance, answer) {
    const buttons = instance.metadata.buttons as Button[];
    const tokens = answer
      .trim()
      .split(/\s*(?:→|->|,|\s)\s*/)
      .filter((t) => t.length > 0)
      .map((t) => t.toUpperCase());
    if (tokens.length === 0 || tokens.length > 100 || tokens.some((t) => !buttons.some((b) => b.name === t)))
      return unparseable(`expected button names (${buttons.map((b) => b.name).join(', ')}) separated by →`);
    const shortest = instance.metadata.shortest as number;
    let value = 0,
      red = true;
    for (const t of tokens) {
      const b = buttons.find((x) => x.name === t)!;
      // As in Reasoning-Gym's simulate_sequence, a button pressed in the wrong light does nothing.
      if (b.active_state !== 'any' && (b.active_state === 'red') !== red) continue;
      value = press(b, value);
      red = !red;
    }
    if (value !== instance.metadata.target_value) return wrong(`the sequence ends at ${value}`);
    // Reasoning-Gym's score_answer: a longer sequence that reaches the target scores 0.5.
    return tokens.length === shortest
      ? CORRECT
      : wrong(`${tokens.length} presses; the shortest sequence has ${shortest}`, 0.5);
  },
  referenceSolution(instance) {
    return `from collections import deque
buttons = ${JSON.stringify(instance.metadata.buttons)}
target = ${instance.metadata.target_value}
q = deque([(0, 'red', [])])
seen = {(0, 'red')}
while q:
    v, light, path = q.popleft()
    if v == target:
        print(' → '.join(path))
        break
    for b in buttons:
        if b['active_state'] not in ('any', light):
            continue
        nv = v + b['value'] if b['type'] == 'add' else v - b['value'] if b['type'] == 'subtract' else v * b['value']
        nl = 'green' if light == 'red' else 'red'
        if (nv, nl) not in seen and abs(nv) < 10000:
            seen.add((nv, nl))
            q.append((nv, nl, path + [b['name']]))
`;
  },
});
