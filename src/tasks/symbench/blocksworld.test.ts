// symbench.blocksworld: gold plans replayed by an independent simulator; a second plan found by
// depth-first search verifies correct; dropped, reordered or illegal moves verify wrong.
import { describe, expect, it } from 'vitest';
import { blocksworld } from './blocksworld.js';

const options = blocksworld.resolveOptions();
const instances = Array.from({ length: 60 }, (_, i) => blocksworld.generate(options, 8, i));

function replay(initial: string[], plan: string[]): string[] | null {
  const stacks = initial.map((s) => s.split(''));
  for (const line of plan) {
    const [, block, , from, , to] = line.split(' ');
    const source = stacks[Number(from) - 1];
    if (!source || source[source.length - 1] !== block || !stacks[Number(to) - 1]) return null;
    stacks[Number(to) - 1].push(source.pop()!);
  }
  return stacks.map((s) => s.join(''));
}

/** Depth-first iterative deepening with destinations tried from the last stack down. */
function dfsPlan(initial: string[], goal: string[], limit: number, avoid: string): string[] | null {
  const walk = (state: string[], depth: number, plan: string[]): string[] | null => {
    if (state.join('|') === goal.join('|')) return plan.join('\n') === avoid ? null : plan;
    if (depth === 0) return null;
    for (let s = state.length - 1; s >= 0; s--) {
      if (!state[s]) continue;
      for (let d = state.length - 1; d >= 0; d--) {
        if (d === s) continue;
        const next = [...state];
        const block = state[s][state[s].length - 1];
        next[s] = state[s].slice(0, -1);
        next[d] = state[d] + block;
        const found = walk(next, depth - 1, [...plan, `Move ${block} from ${s + 1} to ${d + 1}`]);
        if (found) return found;
      }
    }
    return null;
  };
  for (let depth = 1; depth <= limit; depth++) {
    const found = walk(initial, depth, []);
    if (found) return found;
  }
  return null;
}

describe('symbench.blocksworld', () => {
  it('gold plans replay to the goal in an independent simulator', () => {
    for (const instance of instances) {
      expect(replay(instance.metadata.initial as string[], instance.answer.split('\n'))).toEqual(
        instance.metadata.goal,
      );
    }
  });

  it('a different plan found by depth-first search verifies correct; one-step mutations do not', () => {
    let seconds = 0;
    for (const instance of instances.slice(0, 30)) {
      const gold = instance.answer.split('\n');
      const initial = instance.metadata.initial as string[],
        goal = instance.metadata.goal as string[];
      const other = dfsPlan(initial, goal, Math.min(gold.length + 2, 7), instance.answer);
      if (other) {
        seconds++;
        expect(other.join('\n')).not.toBe(instance.answer);
        expect(blocksworld.verifyAnswer(instance, other.join('\n')).correct).toBe(true);
      }
      expect(blocksworld.verifyAnswer(instance, gold.slice(0, -1).join('\n') || 'Move A from 1 to 2').correct).toBe(
        false,
      );
      const last = gold[gold.length - 1].split(' ');
      const redirected = [
        ...gold.slice(0, -1),
        [...last.slice(0, 5), String((Number(last[5]) % initial.length) + 1)].join(' '),
      ];
      if (replay(initial, redirected)?.join('|') !== goal.join('|'))
        expect(blocksworld.verifyAnswer(instance, redirected.join('\n')).correct).toBe(false);
    }
    expect(seconds).toBeGreaterThan(15);
  });

  it('rejects moving a block that is not on top, and reads common spellings', () => {
    const base = instances[0];
    const instance = { ...base, metadata: { ...base.metadata, initial: ['AB', '', ''], goal: ['', 'B', 'A'] } };
    const table: [string, string][] = [
      ['Move B from 1 to 2\nMove A from 1 to 3', 'correct'],
      ['move B from stack1 to stack2\nmove A from stack1 to stack3', 'correct'],
      ['1. Move B from 1 to 2\n2. Move A from 1 to 3.', 'correct'],
      ['Move B from 1 to 2; Move A from 1 to 3', 'correct'],
      ['Move A from 1 to 3\nMove B from 1 to 2', 'wrong'],
      ['Move B from 1 to 2\nMove A from 1 to 2', 'wrong'],
      ['Move B from 1 to 4\nMove A from 1 to 3', 'wrong'],
      ['Move B from 1 to 1\nMove B from 1 to 2\nMove A from 1 to 3', 'wrong'],
      ['Move B from 1 to table\nMove A from 1 to 3', 'unparseable'],
      ['B: 1 -> 2', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, blocksworld.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });
});
