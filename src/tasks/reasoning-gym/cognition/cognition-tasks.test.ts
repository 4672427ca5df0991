// The cognition tasks: answers recomputed independently (3D rotation matrices for the cube,
// re-reading the statements, brute-force rule checks, counting rectangle corners) and spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { colorCubeRotation } from './color-cube-rotation.js';
import { moduloGrid } from './modulo-grid.js';
import { needleHaystack } from './needle-haystack.js';
import { numberSequence } from './number-sequence.js';
import { rectangleCount } from './rectangle-count.js';

const asTask = (task: unknown): Task => task as Task;
function instances(task: unknown, count: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const t = asTask(task);
  const resolved = t.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => t.generate(resolved, 21, i));
}
const verdict = (task: unknown, instance: TaskInstance, answer: string): boolean =>
  asTask(task).verifyAnswer(instance, answer).correct;

describe('color_cube_rotation', () => {
  it('matches rotating the cube with 3D rotation matrices', () => {
    const normals: Record<string, number[]> = {
      top: [0, 0, 1],
      bottom: [0, 0, -1],
      front: [0, -1, 0],
      back: [0, 1, 0],
      right: [1, 0, 0],
      left: [-1, 0, 0],
    };
    const key = (v: number[]): string => v.map((c) => Math.round(c)).join(',');
    for (const instance of instances(colorCubeRotation, 100, { max_rotations: 6 })) {
      const m = instance.metadata as unknown as {
        initial: Record<string, string>;
        rotations: string[];
        target: string;
      };
      let faces = Object.entries(m.initial).map(([side, color]) => ({ n: normals[side], color }));
      for (const side of m.rotations) {
        // The rotation about the axis n × up by the angle between n and up brings n to the top.
        const n = normals[side],
          up = [0, 0, 1];
        const axis =
          side === 'bottom'
            ? [1, 0, 0]
            : [n[1] * up[2] - n[2] * up[1], n[2] * up[0] - n[0] * up[2], n[0] * up[1] - n[1] * up[0]];
        const angle = side === 'bottom' ? Math.PI : Math.PI / 2;
        const rotate = (v: number[]): number[] => {
          const [c, s] = [Math.cos(angle), Math.sin(angle)];
          const dot = axis[0] * v[0] + axis[1] * v[1] + axis[2] * v[2];
          const cross = [
            axis[1] * v[2] - axis[2] * v[1],
            axis[2] * v[0] - axis[0] * v[2],
            axis[0] * v[1] - axis[1] * v[0],
          ];
          return v.map((x, i) => x * c + cross[i] * s + axis[i] * dot * (1 - c));
        };
        faces = faces.map((f) => ({ n: rotate(f.n), color: f.color }));
      }
      expect(instance.answer).toBe(faces.find((f) => key(f.n) === key(normals[m.target]))!.color);
      expect(
        [instance.answer.toUpperCase(), `The ${instance.answer}.`, 'purple-ish'].map((a) =>
          verdict(colorCubeRotation, instance, a),
        ),
      ).toEqual([true, true, false]);
    }
  });
});

describe('modulo_grid', () => {
  it('holes are filled by the rule, and one flipped cell is wrong', () => {
    for (const instance of instances(moduloGrid, 30, { max_holes: 3 })) {
      const shown = instance.prompt.split('\n\n')[1].split('\n');
      const gold = instance.answer.split('\n');
      const m = instance.metadata as unknown as { divisor: number; target: number; operation: string };
      gold.forEach((row, y) =>
        [...row].forEach((cell, x) => {
          const v =
            m.operation === 'sum'
              ? x + y
              : m.operation === 'diff'
                ? Math.abs(x - y)
                : m.operation === 'prod'
                  ? x * y
                  : Number(BigInt(x) ** BigInt(y) % BigInt(m.divisor));
          expect(cell).toBe(v % m.divisor === m.target ? '✅' : '❌');
          if ([...shown[y]][x] !== '❔') expect([...shown[y]][x]).toBe(cell);
        }),
      );
      const flipped = gold
        .map((row, y) => (y === 0 ? (row.startsWith('✅') ? `❌${row.slice(1)}` : `✅${row.slice(1)}`) : row))
        .join('\n');
      expect(
        [
          instance.answer,
          gold.map((r) => [...r].join(' ')).join('\n\n'),
          `\`\`\`\n${instance.answer}\n\`\`\``,
          flipped,
          gold.slice(1).join('\n'),
        ].map((a) => verdict(moduloGrid, instance, a)),
      ).toEqual([true, true, true, false, false]);
    }
  });
});

describe('modulo_grid ambiguity', () => {
  // Every rule of the family (sum, |difference|, product or power of x and y, mod d, equal to t) is
  // tried against the shown cells, written again here with BigInt powers: a second rule that fits
  // them all must fill the holes as the gold does.
  const value = (op: string, x: number, y: number, d: number): number =>
    op === 'sum'
      ? (x + y) % d
      : op === 'diff'
        ? Math.abs(x - y) % d
        : op === 'prod'
          ? (x * y) % d
          : Number(BigInt(x) ** BigInt(y) % BigInt(d));
  it('no second rule fits the shown cells and fills a hole differently', () => {
    // The generator before this check: 2 of these 150 puzzles could be filled two ways (pow mod 10).
    const small = { size_x: 8, size_y: 8, max_divisor: 12, max_target: 12, max_holes: 6 };
    for (const instance of instances(moduloGrid, 150, small)) {
      const shown = instance.prompt
        .split('\n\n')[1]
        .split('\n')
        .map((row) => [...row]);
      const gold = instance.answer.split('\n').map((row) => [...row]);
      const rivals: string[] = [];
      for (const op of ['sum', 'diff', 'prod', 'pow']) {
        for (let d = 2; d <= 12; d++) {
          for (let t = 1; t < d; t++) {
            const mark = (x: number, y: number): string => (value(op, x, y, d) === t ? '✅' : '❌');
            const fits = shown.every((row, y) => row.every((cell, x) => cell === '❔' || cell === mark(x, y)));
            const differs = shown.some((row, y) => row.some((cell, x) => cell === '❔' && gold[y][x] !== mark(x, y)));
            if (fits && differs) rivals.push(`${op} mod ${d} = ${t}`);
          }
        }
      }
      expect(rivals, `index ${instance.index}`).toEqual([]);
    }
  });
});

describe('needle_haystack', () => {
  it('exactly one statement answers the question, and it names the gold answer', () => {
    for (const instance of instances(needleHaystack, 60)) {
      const question = instance.prompt.split('\n')[1];
      const asked = /^Who (.*)\? Reply only with a name\.$/.exec(question)![1];
      const matches = instance.prompt
        .split('\n')[0]
        .split('. ')
        .map((s) => s.replace(/\.$/, ''))
        .filter((s) => s.endsWith(` ${asked}`) && !s.slice(0, -asked.length - 1).includes(' '));
      expect(matches.map((s) => s.split(' ')[0])).toEqual([instance.answer]);
      expect(
        [instance.answer.toLowerCase(), `${instance.answer}.`, `${instance.answer}x`].map((a) =>
          verdict(needleHaystack, instance, a),
        ),
      ).toEqual([true, true, false]);
    }
  });
});

describe('number_sequence', () => {
  it('the answer continues the sequence under some rule of at most two operations, by brute force', () => {
    const ops = [
      ...Array.from({ length: 21 }, (_, i) => i - 10)
        .filter((k) => k !== 0)
        .flatMap((k) => [(v: number) => v + k, (v: number) => v * k]),
      (v: number) => v * v,
      (v: number) => v * 2,
      (v: number) => Math.floor(v / 2),
      'prev',
    ] as const;
    const run = (rule: (typeof ops)[number][], seq: number[], i: number): number =>
      rule.reduce((v, op) => (op === 'prev' ? (i > 0 ? v + seq[i - 1] : v) : op(v)), seq[i]);
    for (const instance of instances(numberSequence, 40)) {
      const shown = instance.prompt.split('\n')[1].replace(', ?', '').split(', ').map(Number);
      const forecasts = new Set<number>();
      for (const a of ops)
        for (const rule of [[a], ...ops.map((b) => [a, b])]) {
          if (shown.slice(0, -1).every((v, i) => run(rule, shown, i) === shown[i + 1]))
            forecasts.add(run(rule, shown, shown.length - 1));
        }
      expect([...forecasts]).toEqual([Number(instance.answer)]);
    }
  });
});

describe('rectangle_count', () => {
  it('the count equals the number of top-left corners, every outline is closed, and crossings are single cells', () => {
    for (const instance of instances(rectangleCount, 25)) {
      const rows = (instance.metadata.puzzle as string).split('\n');
      const at = (y: number, x: number): string => rows[y]?.[x] ?? ' ';
      let corners = 0;
      rows.forEach((row, y) =>
        [...row].forEach((cell, x) => {
          if (cell === ' ') return;
          if (at(y, x + 1) !== ' ' && at(y + 1, x) !== ' ' && at(y, x - 1) === ' ' && at(y - 1, x) === ' ') corners++;
          if (cell === '█')
            expect([at(y, x - 1), at(y, x + 1), at(y - 1, x), at(y + 1, x)].every((c) => c !== ' ')).toBe(true);
        }),
      );
      expect(String(corners)).toBe(instance.answer);
      const near = asTask(rectangleCount).verifyAnswer(instance, String(Number(instance.answer) + 1));
      expect([near.correct, near.score]).toEqual([false, 0.8 * (1 - 1 / 5)]);
    }
  });
});
