// Algorithmic tasks with many valid answers: a second valid answer found by a different method is
// accepted, and a one-step mutation of a valid answer is rejected.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { cryptarithm } from './cryptarithm.js';
import { graphColor } from './graph-color.js';
import { groupAnagrams } from './group-anagrams.js';
import { jugs } from './jugs.js';
import { palindromeGeneration } from './palindrome-generation.js';
import { palindromePartitioning } from './palindrome-partitioning.js';
import { wordLadder } from './word-ladder.js';
import { isDictionaryWord } from '../../kit/index.js';

function instances(task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => task.generate(resolved, 9, i));
}
const ok = (task: Task, instance: TaskInstance, answer: string): boolean => task.verifyAnswer(instance, answer).correct;

/** Every solution of a cryptarithm by brute force over digit assignments (letters ≤ 10). */
function allSolutions(words: string[], result: string, allowZero: boolean, limit: number): Map<string, number>[] {
  const letters = [...new Set([...words.join(''), ...result])];
  const leading = new Set(allowZero ? [] : [...words, result].map((w) => w[0]));
  const out: Map<string, number>[] = [];
  const value = (w: string, m: Map<string, number>): number => [...w].reduce((a, c) => a * 10 + m.get(c)!, 0);
  const assign = (k: number, m: Map<string, number>, used: Set<number>): void => {
    if (out.length >= limit) return;
    if (k === letters.length) {
      if (words.reduce((a, w) => a + value(w, m), 0) === value(result, m)) out.push(new Map(m));
      return;
    }
    for (let d = 0; d <= 9; d++) {
      if (used.has(d) || (d === 0 && leading.has(letters[k]))) continue;
      m.set(letters[k], d);
      used.add(d);
      assign(k + 1, m, used);
      m.delete(letters[k]);
      used.delete(d);
    }
  };
  assign(0, new Map(), new Set());
  return out;
}
const render = (m: Map<string, number>): string => [...m.entries()].map(([l, d]) => `${l}=${d}`).join(', ');

describe('cryptarithm', () => {
  it('the stored mapping spells the generating sum; a second solution found by brute force is accepted', () => {
    let alternatives = 0;
    for (const instance of instances(cryptarithm, 30, { min_words: 2, max_words: 2 })) {
      const words = instance.metadata.words_letters as string[],
        result = instance.metadata.result_letters as string;
      if (new Set([...words.join(''), ...result]).size > 7) continue;
      for (const solution of allSolutions(words, result, false, 3)) {
        expect(ok(cryptarithm, instance, render(solution))).toBe(true);
        if (render(solution).replace(/ /g, '') !== instance.answer) alternatives++;
      }
    }
    expect(alternatives).toBeGreaterThan(0);
  });
  it('rejects a one-digit change, a swapped pair, a missing letter and a repeated digit', () => {
    const instance = instances(cryptarithm, 1)[0];
    const pairs = instance.answer.split(',');
    const [l0, d0] = pairs[0].split('='),
      [l1, d1] = pairs[1].split('=');
    const changed = [`${l0}=${(Number(d0) + 1) % 10}`, ...pairs.slice(1)].join(',');
    const swapped = [`${l0}=${d1}`, `${l1}=${d0}`, ...pairs.slice(2)].join(',');
    const repeated = [`${l0}=${d1}`, ...pairs.slice(1)].join(',');
    expect([
      ok(cryptarithm, instance, instance.answer.toLowerCase()),
      ok(cryptarithm, instance, changed),
      ok(cryptarithm, instance, swapped),
      ok(cryptarithm, instance, pairs.slice(1).join(',')),
      ok(cryptarithm, instance, repeated),
    ]).toEqual([true, false, false, false, false]);
  });
});

describe('graph_color', () => {
  it('a colouring found backtracking from the last vertex down is accepted; a recoloured endpoint is not', () => {
    for (const instance of instances(graphColor, 40, { edge_probability: 0.3, num_colors: 4 })) {
      const n = instance.metadata.vertices as number,
        k = instance.metadata.num_colors as number;
      const edges = instance.metadata.edges as [number, number][];
      const color = new Array<number>(n).fill(0);
      const place = (v: number): boolean => {
        if (v < 0) return true;
        for (let c = k; c >= 1; c--) {
          if (edges.some(([a, b]) => (a === v && color[b] === c) || (b === v && color[a] === c))) continue;
          color[v] = c;
          if (place(v - 1)) return true;
          color[v] = 0;
        }
        return false;
      };
      expect(place(n - 1)).toBe(true);
      const answer = JSON.stringify(Object.fromEntries(color.map((c, v) => [v, c])));
      expect(ok(graphColor, instance, answer)).toBe(true);
      if (edges.length > 0) {
        const [u, v] = edges[0];
        const clash = color.slice();
        clash[u] = clash[v];
        expect(ok(graphColor, instance, JSON.stringify(Object.fromEntries(clash.map((c, i) => [i, c]))))).toBe(false);
      }
      const missing = Object.fromEntries(color.slice(1).map((c, v) => [v + 1, c]));
      expect(ok(graphColor, instance, JSON.stringify(missing))).toBe(false);
    }
  });
  it('rejects colours outside the allowed set', () => {
    const instance = instances(graphColor, 1)[0];
    const gold = JSON.parse(instance.answer) as Record<string, number>;
    expect(ok(graphColor, instance, JSON.stringify({ ...gold, 0: 0 }))).toBe(false);
    expect(ok(graphColor, instance, JSON.stringify({ ...gold, 0: (instance.metadata.num_colors as number) + 1 }))).toBe(
      false,
    );
  });
});

describe('jugs', () => {
  it('a plan found by depth-limited search with another move order is accepted; dropping its last move is not', () => {
    for (const instance of instances(jugs, 6, { difficulty: 5 })) {
      const caps = instance.metadata.jug_capacities as number[],
        target = instance.metadata.target as number;
      const names = 'ABCD';
      const moves: [string, (s: number[]) => number[]][] = [];
      for (let i = caps.length - 1; i >= 0; i--) {
        for (let j = 0; j < caps.length; j++)
          if (i !== j)
            moves.push([
              `pour ${names[i]}->${names[j]}`,
              (s) => {
                const t = s.slice();
                const a = Math.min(t[i], caps[j] - t[j]);
                t[i] -= a;
                t[j] += a;
                return t;
              },
            ]);
        moves.push(
          [`empty ${names[i]}`, (s) => s.map((v, k) => (k === i ? 0 : v))],
          [`fill ${names[i]}`, (s) => s.map((v, k) => (k === i ? caps[i] : v))],
        );
      }
      let plan: string[] | null = null;
      const seen = new Map<string, number>();
      const search = (s: number[], path: string[], depth: number): void => {
        if (plan) return;
        if (s.includes(target)) {
          plan = path.slice();
          return;
        }
        const key = s.join(',');
        if (depth === 0 || (seen.get(key) ?? -1) >= depth) return;
        seen.set(key, depth);
        for (const [name, f] of moves) search(f(s), [...path, name], depth - 1);
      };
      search(
        caps.map(() => 0),
        [],
        30,
      );
      expect(plan).not.toBeNull();
      expect(ok(jugs, instance, JSON.stringify(plan))).toBe(true);
      expect(ok(jugs, instance, JSON.stringify(plan!.slice(0, -1)))).toBe(false);
      expect(ok(jugs, instance, JSON.stringify(plan!.map((m) => m.replace('->', ' -> '))))).toBe(true);
    }
  });
  it('the stored plan has at least `difficulty` moves and BFS confirms none is shorter', () => {
    for (const instance of instances(jugs, 10)) {
      const caps = instance.metadata.jug_capacities as number[],
        target = instance.metadata.target as number;
      const plan = JSON.parse(instance.answer) as string[];
      expect(plan.length).toBeGreaterThanOrEqual(10);
      const seen = new Set([caps.map(() => 0).join(',')]);
      let frontier = [caps.map(() => 0)],
        depth = 0;
      while (!frontier.some((s) => s.includes(target))) {
        const next: number[][] = [];
        for (const s of frontier)
          for (let i = 0; i < caps.length; i++) {
            const cands = [s.map((v, k) => (k === i ? caps[i] : v)), s.map((v, k) => (k === i ? 0 : v))];
            for (let j = 0; j < caps.length; j++)
              if (j !== i) {
                const t = s.slice();
                const a = Math.min(t[i], caps[j] - t[j]);
                t[i] -= a;
                t[j] += a;
                cands.push(t);
              }
            for (const t of cands)
              if (!seen.has(t.join(','))) {
                seen.add(t.join(','));
                next.push(t);
              }
          }
        frontier = next;
        depth++;
      }
      expect(plan.length).toBe(depth);
    }
  });
});

describe('word_ladder', () => {
  it('a different ladder (the stored one with a detour) is accepted; a two-letter jump or a non-word is not', () => {
    let detours = 0;
    for (const instance of instances(wordLadder, 30)) {
      const path = instance.answer.split(',');
      expect(path.length).toBe(instance.metadata.chain_length);
      const [a, b] = [path[0], path[1]];
      const k = [...a].findIndex((c, i) => c !== b[i]);
      // detour: go from a to another word differing at a position other than k, and back
      for (let pos = 0; pos < a.length; pos++) {
        if (pos === k) continue;
        const alt = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
          .split('')
          .map((c) => a.slice(0, pos) + c + a.slice(pos + 1))
          .find((w) => w !== a && isDictionaryWord(w));
        if (!alt) continue;
        expect(ok(wordLadder, instance, [a, alt, ...path].join(','))).toBe(true);
        detours++;
        break;
      }
      expect(ok(wordLadder, instance, path.map((w) => w.toLowerCase()).join(', '))).toBe(true);
      if (path.length > 2) expect(ok(wordLadder, instance, [path[0], ...path.slice(2)].join(','))).toBe(false);
      expect(ok(wordLadder, instance, [path[0], 'QXZQ'.slice(0, path[0].length), ...path.slice(1)].join(','))).toBe(
        false,
      );
      expect(ok(wordLadder, instance, path.slice(0, -1).join(','))).toBe(false);
    }
    expect(detours).toBeGreaterThan(10);
  });
});

describe('palindrome_generation and palindrome_partitioning', () => {
  it('another arrangement of the letters as a palindrome is accepted; a swap that breaks symmetry is not', () => {
    for (const instance of instances(palindromeGeneration, 40, { min_length: 4 })) {
      const counts = new Map<string, number>();
      for (const c of instance.metadata.letters as string[]) counts.set(c, (counts.get(c) ?? 0) + 1);
      const half = [...counts.entries()]
        .sort((x, y) => (x[0] < y[0] ? 1 : -1))
        .map(([c, n]) => c.repeat(Math.floor(n / 2)))
        .join('');
      const middle = [...counts.entries()]
        .filter(([, n]) => n % 2)
        .map(([c]) => c)
        .join('');
      const other = half + middle + [...half].reverse().join('');
      expect(ok(palindromeGeneration, instance, other)).toBe(true);
      const chars = [...other];
      const j = chars.findIndex((c) => c !== chars[0]);
      if (j > 0) {
        [chars[0], chars[j]] = [chars[j], chars[0]];
        expect(ok(palindromeGeneration, instance, chars.join(''))).toBe(false);
      }
      expect(ok(palindromeGeneration, instance, other + other)).toBe(false);
    }
  });
  it('partitions in another order are accepted; a missing, repeated or broken partition is not', () => {
    for (const instance of instances(palindromePartitioning, 30)) {
      const s = instance.metadata.string as string;
      // independent count: brute force over all 2^(n-1) cut sets
      let count = 0;
      for (let mask = 0; mask < 1 << (s.length - 1); mask++) {
        const pieces: string[] = [];
        let start = 0;
        for (let i = 1; i <= s.length; i++)
          if (i === s.length || mask & (1 << (i - 1))) {
            pieces.push(s.slice(start, i));
            start = i;
          }
        if (pieces.every((p) => p === [...p].reverse().join(''))) count++;
      }
      const gold = JSON.parse(instance.answer) as string[][];
      expect(gold.length).toBe(count);
      expect(ok(palindromePartitioning, instance, JSON.stringify(gold.slice().reverse()))).toBe(true);
      expect(ok(palindromePartitioning, instance, JSON.stringify(gold.slice(1)))).toBe(false);
      expect(ok(palindromePartitioning, instance, JSON.stringify([...gold, gold[0]]))).toBe(false);
      const broken = gold[0].length > 1 ? [gold[0][0] + gold[0][1], ...gold[0].slice(2)] : [s];
      expect(ok(palindromePartitioning, instance, JSON.stringify([broken, ...gold.slice(1)]))).toBe(false);
    }
  });
});

describe('group_anagrams', () => {
  it('groups match grouping by letter counts; any order is accepted, a moved word is not', () => {
    for (const instance of instances(groupAnagrams, 30)) {
      const byCount = new Map<string, string[]>();
      for (const w of instance.metadata.words as string[]) {
        const key = Array.from({ length: 26 }, (_, i) => [...w].filter((c) => c.charCodeAt(0) - 97 === i).length).join(
          ',',
        );
        byCount.set(key, [...(byCount.get(key) ?? []), w]);
      }
      const groups = [...byCount.values()];
      expect(
        ok(
          groupAnagrams,
          instance,
          JSON.stringify(
            groups
              .slice()
              .reverse()
              .map((g) => g.slice().reverse()),
          ),
        ),
      ).toBe(true);
      const moved = groups.map((g) => g.slice());
      moved[1].push(moved[0].pop()!);
      expect(ok(groupAnagrams, instance, JSON.stringify(moved))).toBe(false);
      expect(ok(groupAnagrams, instance, JSON.stringify(groups.slice(1)))).toBe(false);
      expect(ok(groupAnagrams, instance, JSON.stringify(groups).replace(/"/g, "'"))).toBe(true);
    }
  });
});
