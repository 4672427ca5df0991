// symbench.light_puzzles: buttons toggle fixed sets of lights on an n*n grid; after a sequence of
// presses, give the final light pattern (CodeSteer's light puzzles). Exact 0/1 list answer.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { parseCells } from '../kit/index.js';

export const lightPuzzles = defineTask({
  id: 'symbench.light_puzzles',
  source: 'symbench',
  description: 'Apply a sequence of button presses that toggle sets of lights and give the final grid.',
  answerFormat: 'the n*n lights row by row as comma-separated 0/1',
  options: {
    min_n: { kind: 'int', default: 2, min: 2, max: 8, description: 'smallest grid side n' },
    max_n: { kind: 'int', default: 5, min: 2, max: 8, description: 'largest grid side n' },
    max_buttons: { kind: 'int', default: 3, min: 1, max: 6, description: 'most buttons (A, B, …)' },
    max_operations: { kind: 'int', default: 4, min: 1, max: 20, description: 'most button presses' },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const n = rng.int(options.min_n, options.max_n);
    const initial = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.int(0, 1)));
    const positions = Array.from({ length: n * n }, (_, i) => [Math.floor(i / n) + 1, (i % n) + 1]);
    const numButtons = rng.int(1, options.max_buttons);
    const buttons = Array.from({ length: numButtons }, () => rng.sample(positions, rng.int(2, Math.max(2, Math.floor((n * n) / 2)))));
    const names = buttons.map((_, i) => String.fromCharCode(65 + i));
    const operations = Array.from({ length: rng.int(1, options.max_operations) }, () => rng.int(0, numButtons - 1));
    const state = initial.map((row) => [...row]);
    for (const op of operations) for (const [r, c] of buttons[op]) state[r - 1][c - 1] ^= 1;
    const prompt =
      ('There is an n*n grid with some lights randomly distributed. A lit light is represented by 1, and an unlit ' + 'light is represented by 0. ') +
      ('There are some buttons which can change the state of the lights in certain positions when they are ' + 'pressed, like turning some lights on or off. ') +
      ('Different buttons may control the state of the same light. Pressing a button toggles every light it ' + 'controls.\n') +
      `Given n=${n} and the number of buttons=${numButtons}, the initial network is:\n` +
      `${initial.map((row) => row.join('')).join('\n')}\n\n` +
      buttons.map((b, i) => `Button ${names[i]} controls the lights at ${b.map(([r, c]) => `["${r}", "${c}"]`).join(', ')}`).join('\n') +
      '\n\n' + operations.map((op, i) => `Round ${i + 1}: Button ${names[op]}`).join('\n') +
      ('\n\nPositions are ["row", "column"], counted from 1. Please write the result after all rounds of ' + 'operation based on the lights controlled by the button. ') +
      `Return it as <<<lights>>>: the ${n * n} lights row by row, as 0 or 1 separated by commas.`;
    return { prompt, answer: state.flat().join(','), metadata: { initial, buttons, operations } };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    if (cells === null || cells.length === 0 || cells.some((cell) => cell !== '0' && cell !== '1')) return unparseable('expected 0/1 values separated by commas');
    const expected = instance.answer.split(',');
    if (cells.length !== expected.length) return wrong(`expected ${expected.length} lights, got ${cells.length}`);
    return cells.every((cell, i) => cell === expected[i]) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `import numpy as np
state = np.array(${JSON.stringify(instance.metadata.initial)})
buttons = ${JSON.stringify(instance.metadata.buttons)}
for op in ${JSON.stringify(instance.metadata.operations)}:
    for r, c in buttons[op]:
        state[r - 1, c - 1] ^= 1
print(",".join(str(v) for v in state.flatten()))
`;
  },
});
