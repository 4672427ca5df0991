// The geometry tasks: answers recomputed by other formulas (altitude dot products, Heron's
// formula, the law of cosines, the polygon angle sum) and answer spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { advancedGeometry } from './advanced-geometry.js';
import { simpleGeometry } from './simple-geometry.js';

const asTask = (task: unknown): Task => task as Task;
function instances(task: unknown, count: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const t = asTask(task);
  const resolved = t.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => t.generate(resolved, 9, i));
}
const verdict = (task: unknown, instance: TaskInstance, answer: string): boolean =>
  asTask(task).verifyAnswer(instance, answer).correct;
type Triangle = { A: number[]; B: number[]; C: number[] };

describe('advanced_geometry recomputed', () => {
  it('orthocenter: both altitudes are perpendicular to the opposite sides', () => {
    for (const instance of instances(advancedGeometry, 60, { task_types: 'orthocenter' })) {
      const { A, B, C } = instance.metadata as unknown as Triangle;
      const [x, y] = instance.answer.slice(1, -1).split(', ').map(Number);
      const scale = Math.hypot(C[0] - B[0], C[1] - B[1]) + Math.hypot(C[0] - A[0], C[1] - A[1]);
      expect(Math.abs((x - A[0]) * (C[0] - B[0]) + (y - A[1]) * (C[1] - B[1]))).toBeLessThan(1e-3 * scale);
      expect(Math.abs((x - B[0]) * (C[0] - A[0]) + (y - B[1]) * (C[1] - A[1]))).toBeLessThan(1e-3 * scale);
      expect(Math.abs((x - C[0]) * (B[0] - A[0]) + (y - C[1]) * (B[1] - A[1]))).toBeLessThan(1e-3 * scale);
    }
  });

  it("incircle radius by Heron's formula and angle by the law of cosines", () => {
    for (const instance of instances(advancedGeometry, 60, { task_types: 'incircle_radius' })) {
      const { A, B, C } = instance.metadata as unknown as Triangle;
      const [a, b, c] = [
        Math.hypot(B[0] - C[0], B[1] - C[1]),
        Math.hypot(C[0] - A[0], C[1] - A[1]),
        Math.hypot(A[0] - B[0], A[1] - B[1]),
      ];
      const s = (a + b + c) / 2;
      expect(Number(instance.answer)).toBeCloseTo(Math.sqrt(s * (s - a) * (s - b) * (s - c)) / s, 3);
    }
    for (const instance of instances(advancedGeometry, 60, { task_types: 'angle_measure' })) {
      const { A, B, C } = instance.metadata as unknown as Triangle;
      const [a, b, c] = [
        Math.hypot(B[0] - C[0], B[1] - C[1]),
        Math.hypot(C[0] - A[0], C[1] - A[1]),
        Math.hypot(A[0] - B[0], A[1] - B[1]),
      ];
      const degrees = (Math.acos((a * a + c * c - b * b) / (2 * a * c)) * 180) / Math.PI;
      expect(Number(instance.answer.replace('°', ''))).toBeCloseTo(degrees, 3);
    }
  });

  it('answer spellings: with or without °, fractions for coordinates; 0.01 off is wrong', () => {
    const angle = instances(advancedGeometry, 1, { task_types: 'angle_measure' })[0];
    const value = angle.answer.replace('°', '');
    expect(
      [value, `${value} degrees`, `${value}°`, `${(Number(value) + 0.01).toFixed(3)}`].map((a) =>
        verdict(advancedGeometry, angle, a),
      ),
    ).toEqual([true, true, true, false]);
    const ortho = instances(advancedGeometry, 1, { task_types: 'orthocenter' })[0];
    const exact = ortho.metadata.exact as string[];
    const [x, y] = ortho.answer.slice(1, -1).split(', ');
    expect(
      [`(${exact[0]}, ${exact[1]})`, `${x},${y}`, `(${y}, ${x})`, `(${x})`].map((a) =>
        verdict(advancedGeometry, ortho, a),
      ),
    ).toEqual([true, true, x === y, false]);
  });
});

describe('simple_geometry recomputed', () => {
  it('the missing angle completes the angle sum and keeps the polygon convex', () => {
    for (const instance of instances(simpleGeometry, 80)) {
      const given = [...instance.prompt.matchAll(/(\d+)\.0°/g)].map((m) => Number(m[1]));
      const sides = given.length + 1;
      const missing = Number(instance.answer);
      expect(given.reduce((a, b) => a + b, 0) + missing).toBe((sides - 2) * 180);
      expect(missing > 0 && missing < 180).toBe(true);
      expect(
        [`${missing}°`, `${missing}.0`, `${missing + 1}`].map((a) => verdict(simpleGeometry, instance, a)),
      ).toEqual([true, true, false]);
    }
  });
});
