// Independent checks for the graph tasks: other algorithms recompute each answer, every
// shortest path/sequence found by exhaustive search verifies, and one-step mutations fail.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { courseSchedule } from './course-schedule.js';
import { familyRelationships } from './family-relationships.js';
import { largestIsland } from './largest-island.js';
import { quantumLock } from './quantum-lock.js';
import { shortestPathTask } from './shortest-path.js';

const sample = (task: unknown, count: number, options: Record<string, unknown> = {}): [Task, TaskInstance[]] => {
  const t = task as Task;
  return [t, Array.from({ length: count }, (_, i) => t.generate(t.resolveOptions(options), 5, i))];
};

describe('rg.graphs.course_schedule', () => {
  it('matches a DFS cycle check and both answers occur', () => {
    const [task, instances] = sample(courseSchedule, 200);
    const answers = new Set<string>();
    for (const instance of instances) {
      const n = instance.metadata.num_courses as number,
        pairs = instance.metadata.prerequisites as [number, number][];
      const color = new Array(n).fill(0);
      const cyclic = (u: number): boolean => {
        color[u] = 1;
        for (const [a, b] of pairs) if (a === u && (color[b] === 1 || (color[b] === 0 && cyclic(b)))) return true;
        color[u] = 2;
        return false;
      };
      let hasCycle = false;
      for (let u = 0; u < n; u++) if (color[u] === 0 && cyclic(u)) hasCycle = true;
      expect(instance.answer).toBe(hasCycle ? 'False' : 'True');
      answers.add(instance.answer);
      expect(task.verifyAnswer(instance, hasCycle ? 'true' : 'FALSE').correct).toBe(false);
      expect(task.verifyAnswer(instance, ` ${instance.answer.toLowerCase()}. `).correct).toBe(true);
    }
    expect([...answers].sort()).toEqual(['False', 'True']);
  });
});

describe('rg.graphs.largest_island', () => {
  it('matches union-find component sizes', () => {
    const [task, instances] = sample(largestIsland, 100);
    for (const instance of instances) {
      const grid = instance.metadata.grid as number[][],
        cols = grid[0].length;
      const parent = grid.flat().map((_, i) => i);
      const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!v) return;
          if (c + 1 < cols && row[c + 1]) parent[root(r * cols + c)] = root(r * cols + c + 1);
          if (r + 1 < grid.length && grid[r + 1][c]) parent[root(r * cols + c)] = root((r + 1) * cols + c);
        }),
      );
      const sizes = new Map<number, number>();
      grid.flat().forEach((v, i) => {
        if (v) sizes.set(root(i), (sizes.get(root(i)) ?? 0) + 1);
      });
      const best = Math.max(0, ...sizes.values());
      expect(instance.answer).toBe(String(best));
      expect(task.verifyAnswer(instance, String(best + 1)).correct).toBe(false);
    }
  });
});

describe('rg.graphs.shortest_path', () => {
  const moves: Record<string, [number, number]> = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] };
  /** Every path of exactly `length` moves from * to # over non-X cells (exhaustive). */
  function allPaths(m: string[][], length: number): string[] {
    const start = m.flatMap((row, r) => row.map((v, c) => [v, r, c] as const)).find(([v]) => v === '*')!;
    const out: string[] = [];
    const go = (r: number, c: number, path: string[]): void => {
      if (out.length > 50) return;
      if (path.length === length) {
        if (m[r][c] === '#') out.push(path.join(' '));
        return;
      }
      for (const [name, [dr, dc]] of Object.entries(moves)) {
        const nr = r + dr,
          nc = c + dc;
        if (m[nr]?.[nc] !== undefined && m[nr][nc] !== 'X') go(nr, nc, [...path, name]);
      }
    };
    go(start[1], start[2], []);
    return out;
  }
  it('every shortest path verifies; no shorter one exists; mutations fail', () => {
    const [task, instances] = sample(shortestPathTask, 80);
    let multiple = 0,
      infeasible = 0;
    for (const instance of instances) {
      const m = instance.metadata.matrix as string[][];
      if (instance.answer === 'infeasible') {
        infeasible++;
        expect(task.verifyAnswer(instance, 'right').correct).toBe(false);
        continue;
      }
      const length = instance.answer.split(' ').length;
      if (length > 12) continue;
      for (let shorter = 1; shorter < length; shorter++) expect(allPaths(m, shorter)).toEqual([]);
      const paths = allPaths(m, length);
      expect(paths).toContain(instance.answer);
      if (paths.length > 1) multiple++;
      for (const path of paths) expect(task.verifyAnswer(instance, path).correct).toBe(true);
      expect(task.verifyAnswer(instance, `${instance.answer} left right`).correct).toBe(false);
      expect(task.verifyAnswer(instance, 'infeasible').correct).toBe(false);
      const words = instance.answer.split(' ');
      words[0] = words[0] === 'up' ? 'down' : 'up';
      expect(task.verifyAnswer(instance, words.join(' ')).correct).toBe(false);
    }
    expect(multiple).toBeGreaterThan(5);
    expect(infeasible).toBeGreaterThan(0);
  });
});

describe('rg.graphs.quantum_lock', () => {
  type Button = { name: string; type: string; value: number; active_state: string };
  /** Plays a sequence independently: null when a press is not allowed, else the final number. */
  const play = (buttons: Button[], seq: string[]): number | null => {
    let value = 0,
      light = 'red';
    for (const name of seq) {
      const b = buttons.find((x) => x.name === name)!;
      if (b.active_state !== 'any' && b.active_state !== light) return null;
      value = b.type === 'add' ? value + b.value : b.type === 'subtract' ? value - b.value : value * b.value;
      light = light === 'red' ? 'green' : 'red';
    }
    return value;
  };
  it('verdicts agree with exhaustive play: nothing shorter works, every equal-length success verifies', () => {
    const [task, instances] = sample(quantumLock, 40, { difficulty: 6 });
    let alternatives = 0;
    for (const instance of instances) {
      const shortest = instance.answer.split(' → ').length;
      if (shortest > 8) continue;
      const buttons = instance.metadata.buttons as Button[],
        target = instance.metadata.target_value as number;
      for (let length = 1; length <= shortest; length++) {
        for (let code = 0; code < 3 ** length; code++) {
          const seq: string[] = [];
          for (let k = 0, x = code; k < length; k++, x = Math.floor(x / 3)) seq.push(buttons[x % 3].name);
          const reaches = play(buttons, seq) === target;
          if (length < shortest) expect(reaches).toBe(false);
          expect(task.verifyAnswer(instance, seq.join(' → ')).correct).toBe(reaches);
          if (reaches && seq.join(' → ') !== instance.answer) alternatives++;
        }
      }
      expect(task.verifyAnswer(instance, instance.answer.replace(/→/g, '->')).correct).toBe(true);
      expect(task.verifyAnswer(instance, `${instance.answer} → A`).correct).toBe(false);
    }
    expect(alternatives).toBeGreaterThan(0);
  });
});

describe('rg.graphs.family_relationships', () => {
  type Member = { name: string; male: boolean; spouse: string | null; parents: string[] };
  /** Classifies by generation steps to the nearest common ancestor, a different route than the generator's rules. */
  function classify(family: Member[], a: string, b: string): string | null {
    const byName = new Map(family.map((m) => [m.name, m]));
    const up = (x: string): Map<string, number> => {
      const depth = new Map([[x, 0]]);
      const queue = [x];
      while (queue.length) {
        const y = queue.shift()!;
        for (const p of byName.get(y)!.parents)
          if (!depth.has(p)) {
            depth.set(p, depth.get(y)! + 1);
            queue.push(p);
          }
      }
      return depth;
    };
    const A = byName.get(a)!,
      B = byName.get(b)!,
      g = (f: string, m: string): string => (A.male ? m : f);
    if (A.spouse === b) return g('wife', 'husband');
    const da = up(a),
      db = up(b);
    let best: [number, number] | null = null;
    for (const [x, i] of da) if (db.has(x) && (!best || i + db.get(x)! < best[0] + best[1])) best = [i, db.get(x)!];
    const table: Record<string, [string, string]> = {
      '0,1': ['mother', 'father'],
      '1,0': ['daughter', 'son'],
      '1,1': ['sister', 'brother'],
      '0,2': ['grandmother', 'grandfather'],
      '1,2': ['aunt', 'uncle'],
    };
    if (best && table[best.join(',')]) return g(...table[best.join(',')]);
    if (best && best.join(',') === '2,1') return g('niece', 'nephew');
    if (B.spouse && byName.get(B.spouse)!.parents.includes(a)) return g('mother-in-law', 'father-in-law');
    return null;
  }
  it('matches classification by common-ancestor distance', () => {
    const [task, instances] = sample(familyRelationships, 200, { max_family_size: 12 });
    const seen = new Set<string>();
    for (const instance of instances) {
      const family = instance.metadata.family as Member[];
      expect(classify(family, instance.metadata.person1 as string, instance.metadata.person2 as string)).toBe(
        instance.answer,
      );
      seen.add(instance.answer);
      expect(task.verifyAnswer(instance, `The ${instance.answer.replace(/-/g, ' ')}.`).correct).toBe(true);
      expect(task.verifyAnswer(instance, instance.answer === 'son' ? 'daughter' : 'son').correct).toBe(false);
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
