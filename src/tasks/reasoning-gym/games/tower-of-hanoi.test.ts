// Independent checks for tower_of_hanoi: optimal lengths match the known sequences, a second optimal
// plan from a different split verifies, and one-step mutations fail.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { towerOfHanoi } from './tower-of-hanoi.js';

const sample = (task: unknown, count: number, options: Record<string, unknown> = {}): [Task, TaskInstance[]] => {
  const t = task as Task;
  return [t, Array.from({ length: count }, (_, i) => t.generate(t.resolveOptions(options), 13, i))];
};

describe('rg.games.tower_of_hanoi', () => {
  /** Moves for n disks by a fixed rule: the split m is chosen by `pick` among the optimal ones. */
  function plan(
    n: number,
    from: number,
    to: number,
    spare: number[],
    pick: (ms: number[]) => number,
    out: string[],
    stacks: number[][],
  ): void {
    const cost = (d: number, k: number): number =>
      d <= 1
        ? d
        : k === 3
          ? 2 ** d - 1
          : Math.min(...Array.from({ length: d - 1 }, (_, i) => 2 * cost(i + 1, k) + cost(d - i - 1, k - 1)));
    const move = (a: number, b: number): void => {
      const disk = stacks[a].pop()!;
      stacks[b].push(disk);
      out.push(`Move disk ${disk} from Peg ${a} to Peg ${b}`);
    };
    if (n === 0) return;
    if (n === 1) {
      move(from, to);
      return;
    }
    if (spare.length === 1) {
      plan(n - 1, from, spare[0], [to], pick, out, stacks);
      move(from, to);
      plan(n - 1, spare[0], to, [from], pick, out, stacks);
      return;
    }
    const k = spare.length + 2,
      best = cost(n, k);
    const m = pick(
      Array.from({ length: n - 1 }, (_, i) => i + 1).filter((i) => 2 * cost(i, k) + cost(n - i, k - 1) === best),
    );
    plan(m, from, spare[0], [...spare.slice(1), to], pick, out, stacks);
    plan(n - m, from, to, spare.slice(1), pick, out, stacks);
    plan(m, spare[0], to, [...spare.slice(1), from], pick, out, stacks);
  }
  it('optimal lengths match the known sequences; other optimal plans verify; mutations fail', () => {
    const [task, instances] = sample(towerOfHanoi, 60);
    const known: Record<number, number[]> = { 3: [1, 3, 7, 15, 31, 63, 127], 4: [1, 3, 5, 9, 13, 17, 25] };
    let alternatives = 0,
      scattered = 0;
    for (const instance of instances) {
      const { num_disks: n, num_pegs: k, target_peg: t } = instance.metadata as Record<string, number>;
      const initial = instance.metadata.initial_pegs as number[];
      if (!initial.every((p) => p === initial[0])) {
        scattered++;
        // Breadth-first over stacks written as strings, e.g. "3,1|2|" (pegs separated by |, bottom first).
        const key = (st: number[][]): string =>
          st
            .slice(1)
            .map((x) => x.join(','))
            .join('|');
        const first = Array.from({ length: k + 1 }, (_, p) =>
          initial.flatMap((q, d) => (q === p ? [d + 1] : [])).reverse(),
        );
        const goal = key(
          Array.from({ length: k + 1 }, (_, p) => (p === t ? Array.from({ length: n }, (_, i) => n - i) : [])),
        );
        const depth = new Map([[key(first), 0]]);
        const queue = [first];
        while (queue.length && !depth.has(goal)) {
          const st = queue.shift()!;
          for (let a = 1; a <= k; a++)
            for (let b = 1; b <= k; b++) {
              const disk = st[a][st[a].length - 1];
              if (a === b || disk === undefined || (st[b].length && st[b][st[b].length - 1] < disk)) continue;
              const next = st.map((x) => x.slice());
              next[b].push(next[a].pop()!);
              if (!depth.has(key(next))) {
                depth.set(key(next), depth.get(key(st))! + 1);
                queue.push(next);
              }
            }
        }
        expect(instance.answer.split('\n').length).toBe(depth.get(goal));
        continue;
      }
      const s = initial[0];
      const lines = instance.answer.split('\n');
      expect(lines.length).toBe(known[k][n - 1]);
      const other: string[] = [];
      const stacks = Array.from({ length: k + 1 }, (_, p) =>
        p === s ? Array.from({ length: n }, (_, i) => n - i) : [],
      );
      plan(
        n,
        s,
        t,
        Array.from({ length: k }, (_, i) => i + 1)
          .filter((p) => p !== s && p !== t)
          .reverse(),
        (ms) => ms[ms.length - 1],
        other,
        stacks,
      );
      expect(task.verifyAnswer(instance, other.join('\n')).correct).toBe(true);
      if (other.join('\n') !== instance.answer) alternatives++;
      expect(task.verifyAnswer(instance, lines.slice(0, -1).join('\n')).correct).toBe(false);
      if (lines.length > 2)
        expect(task.verifyAnswer(instance, [lines[1], lines[0], ...lines.slice(2)].join('\n')).correct).toBe(false);
      expect(
        task.verifyAnswer(
          instance,
          [...lines, lines[lines.length - 1].replace(/Peg (\d+) to Peg (\d+)/, 'Peg $2 to Peg $1')].join('\n'),
        ).correct,
      ).toBe(false);
    }
    expect(alternatives).toBeGreaterThan(5);
    expect(scattered).toBeGreaterThan(10);
  });
});
