// rg.cognition.color_cube_rotation: a cube with six coloured sides is turned a few times; name the
// colour now on one side (Reasoning-Gym `color_cube_rotation`).
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

export const SIDES = ['top', 'right', 'front', 'left', 'back', 'bottom'] as const;
export const COLORS = [
  'red',
  'green',
  'blue',
  'yellow',
  'white',
  'orange',
  'purple',
  'pink',
  'brown',
  'gray',
  'cyan',
  'magenta',
  'gold',
  'silver',
  'indigo',
  'violet',
];
type Side = (typeof SIDES)[number];

/** For a turn bringing `from` to the top: which old side each side now shows (a quarter or half turn). */
const TURNS: Record<Exclude<Side, 'top'>, Partial<Record<Side, Side>>> = {
  front: { top: 'front', front: 'bottom', bottom: 'back', back: 'top' },
  back: { top: 'back', back: 'bottom', bottom: 'front', front: 'top' },
  right: { top: 'right', right: 'bottom', bottom: 'left', left: 'top' },
  left: { top: 'left', left: 'bottom', bottom: 'right', right: 'top' },
  bottom: { top: 'bottom', bottom: 'top', front: 'back', back: 'front' },
};

const FOLLOW_UPS = [
  'Then the cube is rotated to bring the {s} side to the top.',
  'After that the cube is turned to make the {s} face the top.',
  'Now the cube is rotated to place its {s} side at the top.',
  'Next, the {s} side is rotated to become the top face.',
];

export const colorCubeRotation = defineTask({
  id: 'rg.cognition.color_cube_rotation',
  source: 'rg',
  category: 'cognition',
  description: 'Track the colours of a cube through rotations and name the colour on one side.',
  answerFormat: 'a colour name',
  differsFromSource:
    'A leading "the", a closing period and "grey" for gray are read as the colour (Reasoning-Gym compares the ' +
    'text, case aside, and gives them 0.01). Text that is not one colour name scores 0 (Reasoning-Gym: 0.01).',
  options: {
    min_rotations: { kind: 'int', default: 1, min: 1, max: 50, description: 'fewest rotations' },
    max_rotations: { kind: 'int', default: 3, min: 1, max: 50, description: 'most rotations' },
  },
  ranges: [['min_rotations', 'max_rotations']],
  generate(options, rng) {
    const colors = rng.sample(COLORS, 6);
    const initial = Object.fromEntries(SIDES.map((side, i) => [side, colors[i]])) as Record<Side, string>;
    let cube = { ...initial };
    const rotations: Side[] = [];
    for (let i = rng.int(options.min_rotations, options.max_rotations); i > 0; i--) {
      const from = rng.pick(SIDES.slice(1)) as Exclude<Side, 'top'>;
      rotations.push(from);
      const next = { ...cube };
      for (const [to, old] of Object.entries(TURNS[from])) next[to as Side] = cube[old];
      cube = next;
    }
    const target = rng.pick(SIDES);
    const story = [
      'A cube has:',
      ...SIDES.map((side) => `- a ${initial[side]} ${side} side`),
      '',
      ...rotations.map((side, i) =>
        i === 0
          ? `The cube is rotated so that the side which was before at the ${side} is now at the top.`
          : rng.pick(FOLLOW_UPS).replace('{s}', side),
      ),
      '',
      `What is now the color of the ${target} side of the cube?`,
      'Provide only the color as your final answer.',
      'Return your final answer within triple angle brackets, e.g. <<<color>>>.',
    ];
    return { prompt: story.join('\n'), answer: cube[target], metadata: { initial, rotations, target } };
  },
  check(instance, answer) {
    const text = answer
      .trim()
      .replace(/\.$/, '')
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/grey/, 'gray');
    if (!/^[a-z]{2,12}$/.test(text)) return unparseable('expected a single colour name');
    // Reasoning-Gym's score_answer gives any answer but the gold 0.01.
    return text === instance.answer ? CORRECT : wrong(undefined, 0.01);
  },
  referenceSolution(instance) {
    const m = instance.metadata as unknown as { initial: Record<string, string>; rotations: string[]; target: string };
    // Tracks each face by its outward normal: a turn bringing side S to the top is the rotation taking S's normal to
    // +z.
    return `normals = {"top": (0,0,1), "bottom": (0,0,-1), "front": (0,-1,0), "back": (0,1,0), "right": (1,0,0), \
"left": (-1,0,0)}
faces = {normals[s]: c for s, c in ${JSON.stringify(m.initial)}.items()}
def turn(v, axis, q):
    x, y, z = v
    for _ in range(q % 4):
        if axis == "x": y, z = -z, y
        else: x, z = z, -x
    return (x, y, z)
moves = {"front": ("x", 3), "back": ("x", 1), "right": ("y", 3), "left": ("y", 1), "bottom": ("x", 2)}
for side in ${JSON.stringify(m.rotations)}:
    axis, q = moves[side]
    faces = {turn(v, axis, q): c for v, c in faces.items()}
print(faces[normals["${m.target}"]])
`;
  },
});
