// symbench.path_plan: gold paths re-checked by dense sampling; a path from a different planner
// (4-neighbour search on a coarser grid) verifies correct; moved, truncated and goal-skipping paths do not.
import { describe, expect, it } from 'vitest';
import { pathPlan } from './path-plan.js';
import type { TaskInstance } from '../types.js';

type Room = { color: string; x0: number; x1: number; y0: number; y1: number };
type Point = [number, number];
const options = pathPlan.resolveOptions();
const instances = Array.from({ length: 40 }, (_, i) => pathPlan.generate(options, 21, i));

const inside = ([x, y]: Point, r: Room, pad = 0) =>
  x >= r.x0 - pad && x <= r.x1 + pad && y >= r.y0 - pad && y <= r.y1 + pad;
const rooms = (instance: TaskInstance) => new Map((instance.metadata.rooms as Room[]).map((r) => [r.color, r]));
const parse = (text: string): Point[] =>
  [...text.matchAll(/\((-?[\d.]+), (-?[\d.]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** Samples each segment at 400 points: the visited room sequence and whether an avoided room (or a wall) is hit. */
function sampled(instance: TaskInstance, path: Point[]): { hitsAvoided: boolean; order: string[] } {
  const byColor = rooms(instance);
  const order: string[] = [];
  let hitsAvoided = path.some(([x, y]) => Math.abs(x) >= 1.4 || Math.abs(y) >= 1.4);
  for (let i = 0; i + 1 < path.length; i++) {
    for (let s = 0; s <= 400; s++) {
      const p: Point = [
        path[i][0] + ((path[i + 1][0] - path[i][0]) * s) / 400,
        path[i][1] + ((path[i + 1][1] - path[i][1]) * s) / 400,
      ];
      if ((instance.metadata.avoid as string[]).some((c) => inside(p, byColor.get(c)!, 1e-9))) hitsAvoided = true;
      for (const c of instance.metadata.visit as string[])
        if (inside(p, byColor.get(c)!, -1e-9) && order[order.length - 1] !== c) order.push(c);
    }
  }
  return { hitsAvoided, order };
}

function visitsInOrder(order: string[], visit: string[], ordered: boolean): boolean {
  if (!ordered) return visit.every((c) => order.includes(c));
  let k = 0;
  for (const c of order) if (c === visit[k]) k++;
  return k === visit.length;
}

/** 4-neighbour breadth-first search on a 0.1 grid with 0.11 clearance from avoided rooms. */
function coarsePath(instance: TaskInstance): Point[] | null {
  const byColor = rooms(instance);
  const avoid = (instance.metadata.avoid as string[]).map((c) => byColor.get(c)!);
  const free = (i: number, j: number) =>
    Math.abs(i) <= 13 && Math.abs(j) <= 13 && avoid.every((r) => !inside([i / 10, j / 10], r, 0.11));
  const leg = (a: Point, b: Point): Point[] | null => {
    const cell = (v: number) => Math.max(-13, Math.min(13, Math.round(v * 10)));
    const from = `${cell(a[0])},${cell(a[1])}`,
      to = `${cell(b[0])},${cell(b[1])}`;
    const previous = new Map<string, string>([[from, from]]);
    const queue = [from];
    for (let h = 0; h < queue.length && !previous.has(to); h++) {
      const [i, j] = queue[h].split(',').map(Number);
      for (const [di, dj] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ]) {
        const key = `${i + di},${j + dj}`;
        if (!previous.has(key) && free(i + di, j + dj)) {
          previous.set(key, queue[h]);
          queue.push(key);
        }
      }
    }
    if (!previous.has(to)) return null;
    const out: Point[] = [];
    for (let k = to; ; k = previous.get(k)!) {
      const [i, j] = k.split(',').map(Number);
      out.push([i / 10, j / 10]);
      if (k === from) break;
    }
    return out.reverse();
  };
  const start = instance.metadata.start as Point,
    end = instance.metadata.end as Point;
  const anchors: Point[] = [
    start,
    ...(instance.metadata.visit as string[]).map((c) => {
      const r = byColor.get(c)!;
      return [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2] as Point;
    }),
    end,
  ];
  const path: Point[] = [start];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const part = leg(anchors[k], anchors[k + 1]);
    if (!part) return null;
    path.push(...part);
  }
  path.push(end);
  return path;
}

const render = (path: Point[]) => `[${path.map(([x, y]) => `(${x}, ${y})`).join(', ')}]`;

describe('symbench.path_plan', () => {
  it('gold paths avoid and visit as instructed under dense sampling', () => {
    for (const instance of instances) {
      const path = parse(instance.answer);
      const { hitsAvoided, order } = sampled(instance, path);
      expect(hitsAvoided).toBe(false);
      expect(visitsInOrder(order, instance.metadata.visit as string[], instance.metadata.ordered as boolean)).toBe(
        true,
      );
      expect(path.every(([x, y]) => Math.abs(x) < 1.4 && Math.abs(y) < 1.4)).toBe(true);
    }
  });

  it('a path from a different planner verifies correct exactly when sampling says it is valid', () => {
    let accepted = 0;
    for (const instance of instances) {
      const path = coarsePath(instance);
      if (!path) continue;
      const { hitsAvoided, order } = sampled(instance, path);
      const valid =
        !hitsAvoided && visitsInOrder(order, instance.metadata.visit as string[], instance.metadata.ordered as boolean);
      expect(pathPlan.verifyAnswer(instance, render(path)).correct).toBe(valid);
      if (valid) accepted++;
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it('mutations verify wrong: a waypoint moved into an avoided room, a missing end, a skipped goal', () => {
    for (const instance of instances) {
      const path = parse(instance.answer);
      const byColor = rooms(instance);
      const avoid = instance.metadata.avoid as string[];
      if (avoid.length > 0 && path.length > 2) {
        const r = byColor.get(avoid[0])!;
        const moved = path.map((p, i) => (i === 1 ? ([(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2] as Point) : p));
        expect(pathPlan.verifyAnswer(instance, render(moved)).correct).toBe(false);
      }
      expect(pathPlan.verifyAnswer(instance, render(path.slice(0, -1))).correct).toBe(false);
      const direct: Point[] = [path[0], path[path.length - 1]];
      const { hitsAvoided, order } = sampled(instance, direct);
      const directValid =
        !hitsAvoided && visitsInOrder(order, instance.metadata.visit as string[], instance.metadata.ordered as boolean);
      expect(pathPlan.verifyAnswer(instance, render(direct)).correct).toBe(directValid);
    }
  });

  it('touching a box boundary counts as entering; walls may not be touched', () => {
    const base = instances[0];
    const room: Room = { color: 'red', x0: 0, x1: 0.5, y0: 0, y1: 0.5 };
    const instance = {
      ...base,
      metadata: {
        ...base.metadata,
        rooms: [room, { color: 'blue', x0: -1, x1: -0.5, y0: -1, y1: -0.5 }],
        start: [-1.3, 1.3],
        end: [1.3, 1.3],
        visit: ['blue'],
        ordered: true,
        avoid: ['red'],
      },
    };
    const table: [string, string][] = [
      ['[(-1.3, 1.3), (-0.75, -0.75), (1.3, -0.1), (1.3, 1.3)]', 'correct'],
      ['[[-1.3, 1.3], [-0.75, -0.75], [1.3, -0.1], [1.3, 1.3]]', 'correct'],
      ['[(-1.3, 1.3), (-0.75, -0.75), (1.3, 0.0), (1.3, 1.3)]', 'correct'],
      ['[(-1.3, 1.3), (-0.75, -0.75), (0.5, 0.0), (1.3, 1.3)]', 'wrong'],
      ['[(-1.3, 1.3), (-0.75, -0.75), (1.4, -0.1), (1.3, 1.3)]', 'wrong'],
      ['[(-1.3, 1.3), (1.3, 1.3)]', 'wrong'],
      ['[(-1.3, 1.3), (-0.75, -0.75), (1.3, -0.1)]', 'wrong'],
      ['[(-1.3, 1.3), (-0.75, -0.75), (1.3, -0.1), (1.3)]', 'unparseable'],
      ['go around the red box', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, pathPlan.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });
});
