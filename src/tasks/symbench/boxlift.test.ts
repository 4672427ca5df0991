// symbench.boxlift: gold plans replayed by an independent simulator; other valid plans (another
// heuristic, steps reordered) verify correct; broken teams, missing boxes and extra steps do not.
import { describe, expect, it } from 'vitest';
import { boxlift } from './boxlift.js';

const options = boxlift.resolveOptions();
const instances = Array.from({ length: 60 }, (_, i) => boxlift.generate(options, 9, i));
type Step = [number, number[]][];

function parse(text: string): Step[] {
  return text.split('\n').map(
    (line) =>
      JSON.parse(
        line
          .replace(/^Step \d+: /, '')
          .replace(/\(/g, '[')
          .replace(/\)/g, ']'),
      ) as Step,
  );
}

function render(plan: Step[]): string {
  return plan
    .map((step, i) => `Step ${i + 1}: [${step.map(([w, ks]) => `(${w}, [${ks.join(', ')}])`).join(', ')}]`)
    .join('\n');
}

function liftsAll(boxes: number[], lifters: number[], plan: Step[]): boolean {
  const left = [...boxes];
  for (const step of plan) {
    const busy = new Set<number>();
    for (const [w, ks] of step) {
      const at = left.indexOf(w);
      if (at < 0 || ks.some((k) => busy.has(k) || lifters[k] === undefined)) return false;
      if (ks.reduce((s, k) => s + lifters[k], 0) < w) return false;
      ks.forEach((k) => busy.add(k));
      left.splice(at, 1);
    }
  }
  return left.length === 0;
}

/** Strongest free lifters first, heaviest boxes first. */
function strongestFirst(boxes: number[], lifters: number[]): Step[] {
  let remaining = [...boxes].sort((a, b) => b - a);
  const plan: Step[] = [];
  while (remaining.length) {
    let free = lifters.map((_, k) => k).sort((a, b) => lifters[b] - lifters[a]);
    const step: Step = [],
      left: number[] = [];
    for (const box of remaining) {
      if (free.reduce((s, k) => s + lifters[k], 0) < box) {
        left.push(box);
        continue;
      }
      const team: number[] = [];
      for (let strength = 0; strength < box;) {
        team.push(free[team.length]);
        strength += lifters[free[team.length - 1]];
      }
      free = free.slice(team.length);
      step.push([box, team]);
    }
    plan.push(step);
    remaining = left;
  }
  return plan;
}

describe('symbench.boxlift', () => {
  it('gold lifts every box within the budget (independent replay)', () => {
    for (const instance of instances) {
      const plan = parse(instance.answer);
      expect(plan.length).toBe(instance.metadata.max_steps);
      expect(liftsAll(instance.metadata.boxes as number[], instance.metadata.lifters as number[], plan)).toBe(true);
    }
  });

  it('other valid plans verify correct: reversed step order, and another heuristic within budget', () => {
    let other = 0;
    for (const instance of instances) {
      const plan = parse(instance.answer);
      if (plan.length > 1) expect(boxlift.verifyAnswer(instance, render([...plan].reverse())).correct).toBe(true);
      const alternative = strongestFirst(instance.metadata.boxes as number[], instance.metadata.lifters as number[]);
      const text = render(alternative);
      if (alternative.length <= (instance.metadata.max_steps as number) && text !== instance.answer) {
        other++;
        expect(boxlift.verifyAnswer(instance, text).correct).toBe(true);
      } else if (alternative.length > (instance.metadata.max_steps as number)) {
        expect(boxlift.verifyAnswer(instance, text).outcome).toBe('wrong');
      }
    }
    expect(other).toBeGreaterThan(10);
  });

  it('one-step mutations verify wrong', () => {
    for (const instance of instances) {
      const lifters = instance.metadata.lifters as number[];
      const plan = parse(instance.answer);
      expect(boxlift.verifyAnswer(instance, render(plan.slice(0, -1)) || 'Step 1: []').correct).toBe(false);
      expect(boxlift.verifyAnswer(instance, `${instance.answer}\nStep ${plan.length + 1}: []`).correct).toBe(false);
      const weak = plan.map((step) => step.map(([w, ks]) => [w, [...ks]] as [number, number[]]));
      const [w, ks] = weak[0][0];
      if (ks.length > 1 && ks.slice(1).reduce((s, k) => s + lifters[k], 0) < w) {
        weak[0][0][1] = ks.slice(1);
        expect(boxlift.verifyAnswer(instance, render(weak)).correct).toBe(false);
      }
      if (plan[0].length > 1) {
        const clash = plan.map((step) => step.map(([bw, bks]) => [bw, [...bks]] as [number, number[]]));
        clash[0][1][1] = [...clash[0][1][1], clash[0][0][1][0]];
        expect(boxlift.verifyAnswer(instance, render(clash)).correct).toBe(false);
      }
    }
  });

  it('reads spellings; rejects unknown weights and bad indices', () => {
    const instance = {
      ...instances[0],
      metadata: { ...instances[0].metadata, boxes: [50, 30, 90], lifters: [40, 60], max_steps: 2 },
    };
    const table: [string, string][] = [
      ['Step 1: [(90, [0, 1])]\nStep 2: [(50, [1]), (30, [0])]', 'correct'],
      ['step 1: [[90, [0, 1]]]\n\nstep 2: [[30, [0]], [50, [1]]]', 'correct'],
      ['Step 1: [(90, [0, 1])]\nStep 2: [(50, [0]), (30, [1])]', 'wrong'],
      ['Step 1: [(90, [0, 1])]\nStep 2: [(50, [1]), (31, [0])]', 'wrong'],
      ['Step 1: [(90, [0, 1])]\nStep 2: [(50, [2]), (30, [0])]', 'wrong'],
      ['Step 1: [(90, [0, 1])]\nStep 2: [(50, [1])]\nStep 3: [(30, [0])]', 'wrong'],
      ['Step 1: [(90, [0, 1])]\nStep 3: [(50, [1]), (30, [0])]', 'unparseable'],
      ['Step 1: 90 with lifters 0 and 1', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, boxlift.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });
});

describe('symbench.boxlift options', () => {
  it("a single level asks that level's box and lifter counts, weights and capacities", () => {
    const level2 = boxlift.resolveOptions({ min_level: 2, max_level: 2 });
    for (let i = 0; i < 20; i++) {
      const { metadata } = boxlift.generate(level2, 4, i);
      const boxes = metadata.boxes as number[],
        lifters = metadata.lifters as number[];
      expect([boxes.length, lifters.length]).toEqual([15, 4]);
      expect(boxes.every((w) => w >= 20 && w <= 200) && lifters.every((c) => c >= 30 && c <= 120)).toBe(true);
    }
  });
});
