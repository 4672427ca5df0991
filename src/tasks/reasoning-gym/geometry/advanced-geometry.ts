// rg.geometry.advanced_geometry: orthocenter, incircle radius or an angle of a triangle with integer
// vertices (Reasoning-Gym `advanced_geometry`). Answers to 3 decimals, right within 0.001 of the
// exact value (the orthocenter is an exact rational); an angle also when it rounds as the source's gold.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseRationalText, Rational } from '../../kit/index.js';

type Point = [number, number];
const TYPES = ['orthocenter', 'incircle_radius', 'angle_measure'] as const;
const INSTRUCTIONS =
  'For all geometry problems:\n' +
  '1. Give coordinates in the form (x, y)\n' +
  '2. Round decimal answers to 3 decimal places\n' +
  '3. Use the degree symbol ° for angles\n' +
  '4. Return only the angle, coordinates, or radius as your answer.';

/** The orthocenter as exact rationals: (H−A)·(C−B) = 0 and (H−B)·(C−A) = 0, by Cramer's rule. */
export function orthocenter(a: Point, b: Point, c: Point): [Rational, Rational] {
  const [p, q] = [c[0] - b[0], c[1] - b[1]],
    [r, s] = [c[0] - a[0], c[1] - a[1]];
  const e = a[0] * p + a[1] * q,
    f = b[0] * r + b[1] * s;
  const det = p * s - q * r;
  return [new Rational(BigInt(e * s - q * f), BigInt(det)), new Rational(BigInt(p * f - e * r), BigInt(det))];
}

function incircleRadius(a: Point, b: Point, c: Point): number {
  const side = (u: Point, v: Point): number => Math.hypot(u[0] - v[0], u[1] - v[1]);
  const twiceArea = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]));
  return twiceArea / (side(a, b) + side(b, c) + side(c, a));
}

function angleAt(a: Point, b: Point, c: Point): number {
  const [ux, uy, vx, vy] = [a[0] - b[0], a[1] - b[1], c[0] - b[0], c[1] - b[1]];
  return (Math.atan2(Math.abs(ux * vy - uy * vx), ux * vx + uy * vy) * 180) / Math.PI;
}

/** A value in hundredths as numpy's round(v, 2) makes it: v × 100 to the nearest integer, halves to even. */
function hundredths(value: number): number {
  const scaled = value * 100,
    floor = Math.floor(scaled),
    rest = scaled - floor;
  return rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
}

const QUESTIONS = {
  orthocenter: [
    'Given triangle ABC with coordinates A={A}, B={B}, and C={C}, find the coordinates of its orthocenter.',
    'For triangle with vertices A={A}, B={B}, and C={C}, determine the orthocenter (intersection of altitudes).',
  ],
  incircle_radius: [
    'Consider triangle ABC with coordinates A={A}, B={B}, and C={C}. Compute the radius of its incircle.',
    'Find the incircle radius of triangle ABC whose vertices are A={A}, B={B}, and C={C}.',
  ],
  angle_measure: [
    'In triangle ABC with coordinates A={A}, B={B}, and C={C}, find the measure (in degrees) of angle ABC.',
    'Given a triangle with vertices A={A}, B={B}, and C={C}, determine the angle at B in degrees.',
  ],
};
const SHAPES = { orthocenter: '<<<(x, y)>>>', incircle_radius: '<<<radius>>>', angle_measure: '<<<angle°>>>' };

export const advancedGeometry = defineTask({
  id: 'rg.geometry.advanced_geometry',
  source: 'rg',
  category: 'geometry',
  description: 'Orthocenter, incircle radius or an angle of a triangle given by integer coordinates.',
  differsFromSource:
    'Any value within 0.001 of the exact one is correct, as a fraction or with "degrees" too (Reasoning-Gym: a ' +
    'radius other than the gold text scores 0.5 at best; an orthocenter must round to it at 3 decimals). Text ' +
    'that is not one number, or one pair, scores 0 (Reasoning-Gym: 0.01; it reads the first two of three).',
  answerFormat: 'coordinates (x, y), a radius, or an angle in degrees, to 3 decimals',
  options: {
    min_coord: { kind: 'int', default: -10, min: -1000, max: 1000, description: 'smallest coordinate' },
    max_coord: { kind: 'int', default: 10, min: -1000, max: 1000, description: 'largest coordinate' },
    task_types: {
      kind: 'enum',
      default: 'all',
      values: ['all', ...TYPES],
      description: 'which question (all: each at random)',
    },
  },
  // Strictly below, not a declared range: a triangle needs room between the two.
  validateOptions: (o) =>
    o.min_coord >= o.max_coord
      ? [
          {
            path: 'min_coord',
            message: `min_coord ${o.min_coord} ≥ max_coord ${o.max_coord}`,
            fix: 'make min_coord < max_coord',
          },
        ]
      : [],
  generate(options, rng) {
    const type = options.task_types === 'all' ? rng.pick(TYPES) : (options.task_types as (typeof TYPES)[number]);
    let points: Point[];
    do
      points = Array.from(
        { length: 3 },
        () => [rng.int(options.min_coord, options.max_coord), rng.int(options.min_coord, options.max_coord)] as Point,
      );
    while (
      (points[1][0] - points[0][0]) * (points[2][1] - points[0][1]) ===
      (points[2][0] - points[0][0]) * (points[1][1] - points[0][1])
    );
    const [a, b, c] = points;
    let answer: string, exact: (number | string)[];
    if (type === 'orthocenter') {
      const h = orthocenter(a, b, c);
      answer = `(${h[0].toFixed(3)}, ${h[1].toFixed(3)})`;
      exact = h.map((v) => v.toString());
    } else if (type === 'incircle_radius') {
      const r = incircleRadius(a, b, c);
      answer = r.toFixed(3);
      exact = [r];
    } else {
      const angle = angleAt(a, b, c);
      answer = `${angle.toFixed(3)}°`;
      exact = [angle];
    }
    const show = (p: Point): string => `(${p[0]}, ${p[1]})`;
    const question = rng.pick(QUESTIONS[type]).replace('{A}', show(a)).replace('{B}', show(b)).replace('{C}', show(c));
    const prompt =
      `${question} ${INSTRUCTIONS}\n` + `Return your final answer within triple angle brackets, as ${SHAPES[type]}.`;
    return { prompt, answer, metadata: { task_type: type, A: a, B: b, C: c, exact } };
  },
  check(instance, answer) {
    const exact = instance.metadata.exact as (number | string)[];
    const text = answer
      .trim()
      .replace(/\s*(°|degrees?)$/i, '')
      .replace(/^\$|\$$/g, '');
    const parts = instance.metadata.task_type === 'orthocenter' ? text.replace(/^\(|\)$/g, '').split(',') : [text];
    if (parts.length !== exact.length)
      return unparseable(exact.length === 2 ? 'expected coordinates (x, y)' : 'expected a number');
    const given: number[] = [];
    for (const part of parts) {
      const value = parseRationalText(part);
      if (!value) return unparseable('expected decimal numbers');
      given.push(value.toNumber());
    }
    const targets = exact.map((e) => (typeof e === 'number' ? e : (parseRationalText(e) as Rational).toNumber()));
    if (given.every((g, i) => Math.abs(g - targets[i]) <= 1e-3 + 1e-9)) return CORRECT;
    // Reasoning-Gym's score_answer: an angle that rounds to its gold's two decimals is right; a radius that
    // rounds to the exact one's scores 0.5; any other number 0.05, and a wrong orthocenter 0.01.
    const type = instance.metadata.task_type;
    const sameHundredths =
      hundredths(given[0]) === hundredths(type === 'angle_measure' ? Number(targets[0].toFixed(2)) : targets[0]);
    if (type === 'angle_measure') return sameHundredths ? CORRECT : wrong(undefined, 0.05);
    if (type === 'incircle_radius') return wrong(undefined, sameHundredths ? 0.5 : 0.05);
    return wrong(undefined, 0.01);
  },
  referenceSolution(instance) {
    const m = instance.metadata as unknown as { task_type: string; A: Point; B: Point; C: Point };
    const head =
      `import math\nfrom fractions import Fraction as F\nA, B, C ` +
      `= ${JSON.stringify(m.A)}, ${JSON.stringify(m.B)}, ${JSON.stringify(m.C)}\n`;
    if (m.task_type === 'orthocenter')
      return (
        `${head}# altitudes from A and B: solve the 2x2 system\na1, b1 = C[0]-B[0], C[1]-B[1]\nc1 = A[0]*a1 + ` +
        `A[1]*b1\na2, b2 = C[0]-A[0], C[1]-A[1]\nc2 = B[0]*a2 + B[1]*b2\nd = a1*b2 - a2*b1\nx, y = F(c1*b2 - ` +
        `b1*c2, d), F(a1*c2 - a2*c1, d)\nprint(f"({float(x):.3f}, {float(y):.3f})")\n`
      );
    if (m.task_type === 'incircle_radius')
      return (
        `${head}a, b, c = math.dist(B, C), math.dist(C, A), math.dist(A, B)\ns = (a + b + c) / ` +
        `2\nprint(f"{math.sqrt(max(0, s*(s-a)*(s-b)*(s-c))) / s:.3f}")\n`
      );
    return (
      `${head}u = (A[0]-B[0], A[1]-B[1])\nv = (C[0]-B[0], C[1]-B[1])\nc = (u[0]*v[0] + u[1]*v[1]) / ` +
      `(math.hypot(*u) * math.hypot(*v))\nprint(f"{math.degrees(math.acos(max(-1, min(1, c)))):.3f}°")\n`
    );
  },
});
