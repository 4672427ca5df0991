// rg.geometry.simple_geometry: the missing interior angle of a convex polygon (Reasoning-Gym
// `simple_geometry`); the missing angle is kept strictly between 0° and 180°, so the polygon is convex.
import { defineTask } from '../../define-task.js';
import { Rational, stripNumberWrappers, verifyExactNumber } from '../../kit/index.js';

const TEMPLATES = [
  'Given a convex polygon with {n} sides, its first {m} interior angles are: {list}. What is the measure of the ' +
    'remaining interior angle (in degrees)?',
  'A convex polygon has {n} sides. The measures of the first {m} interior angles are: {list}. Find the measure ' +
    'of the last interior angle.',
  'Consider a convex {n}-gon whose first {m} interior angles are: {list}. Determine the measure of the remaining ' +
    'angle.',
];

export const simpleGeometry = defineTask({
  id: 'rg.geometry.simple_geometry',
  source: 'rg',
  category: 'geometry',
  description: 'Find the missing interior angle of a convex polygon.',
  answerFormat: 'a number of degrees (no unit)',
  options: {
    min_sides: { kind: 'int', default: 3, min: 3, max: 12, description: 'fewest sides' },
    max_sides: { kind: 'int', default: 6, min: 3, max: 12, description: 'most sides' },
    min_angle: { kind: 'int', default: 10, min: 1, max: 179, description: 'smallest given angle' },
    max_angle: { kind: 'int', default: 170, min: 1, max: 179, description: 'largest given angle' },
  },
  ranges: [
    ['min_sides', 'max_sides'],
    ['min_angle', 'max_angle'],
  ],
  generate(options, rng) {
    for (let attempt = 0; ; attempt++) {
      const sides = rng.int(options.min_sides, options.max_sides);
      const total = 180 * (sides - 2);
      const angles = Array.from({ length: sides - 1 }, () => rng.int(options.min_angle, options.max_angle));
      const missing = total - angles.reduce((a, b) => a + b, 0);
      // Past many draws, fall back to evenly spread angles (only for knob settings that make convexity rare).
      if ((missing <= 0 || missing >= 180) && attempt < 500) continue;
      const known =
        missing > 0 && missing < 180 ? angles : Array.from({ length: sides - 1 }, () => Math.floor(total / sides));
      const answer = total - known.reduce((a, b) => a + b, 0);
      const list = known.map((a) => `${a.toFixed(1)}°`).join(', ');
      const question = rng
        .pick(TEMPLATES)
        .replace('{n}', String(sides))
        .replace('{m}', String(sides - 1))
        .replace('{list}', list);
      const prompt =
        `${question} Return only the angle as your answer. Do not give the units in your answer.\n` +
        'Return your final answer within triple angle brackets, e.g. <<<angle>>>.';
      return { prompt, answer: String(answer), metadata: { sides, angles: known } };
    }
  },
  check: (instance, answer) =>
    verifyExactNumber(
      stripNumberWrappers(answer).replace(/\s*(°|degrees?)$/i, ''),
      Rational.of(BigInt(instance.answer)),
    ),
  referenceSolution: (instance) =>
    `angles = ${JSON.stringify(instance.metadata.angles)}\nv = 180 * (${instance.metadata.sides as number} - ` +
    `2) - sum(angles)\nprint(v)\n`,
});
