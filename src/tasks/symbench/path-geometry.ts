// Geometry for symbench.path_plan: closed-rectangle/segment intersection, the rules a waypoint
// path must meet (walls, rooms to avoid, rooms to visit), and a grid search that finds one path.

/** An axis-aligned colored box, as CodeSteer writes it: (x_start, x_end, y_start, y_end). */
export type Room = { color: string; x0: number; x1: number; y0: number; y1: number };
export type Point = [number, number];
/** What the route must do: visit rooms (in order when `ordered`), never touch `avoid`. */
export type Mission = { start: Point; end: Point; visit: string[]; ordered: boolean; avoid: string[] };

/** The walls' inner faces: every waypoint must lie strictly inside (-INNER, INNER)². */
export const INNER = 1.4;
export const GRID_STEP = 0.05;
const GRID_HALF = 27; // grid points k·0.05 for k in -27..27, i.e. ±1.35

/**
 * The parameter interval [tIn, tOut] ⊆ [0, 1] where segment p→q lies in the closed rectangle,
 * or null when they do not meet (touching the boundary counts as meeting).
 */
export function segmentInRoom(p: Point, q: Point, room: Room): [number, number] | null {
  const x = clipAxis(p[0], q[0] - p[0], room.x0, room.x1);
  if (x === null) return null;
  const y = clipAxis(p[1], q[1] - p[1], room.y0, room.y1);
  if (y === null) return null;
  const t0 = Math.max(x[0], y[0]),
    t1 = Math.min(x[1], y[1]);
  return t0 <= t1 ? [t0, t1] : null;
}

/** The parameter range in [0, 1] where start + t·delta lies in [low, high], or null. */
function clipAxis(start: number, delta: number, low: number, high: number): [number, number] | null {
  if (delta === 0) return start >= low && start <= high ? [0, 1] : null;
  let a = (low - start) / delta,
    b = (high - start) / delta;
  if (a > b) [a, b] = [b, a];
  a = Math.max(a, 0);
  b = Math.min(b, 1);
  return a <= b ? [a, b] : null;
}

/** Why the path fails the mission, or null when it is valid. */
export function pathProblem(path: Point[], rooms: Room[], mission: Mission): string | null {
  const near = (a: Point, b: Point) => Math.abs(a[0] - b[0]) <= 1e-6 && Math.abs(a[1] - b[1]) <= 1e-6;
  if (path.length < 2) return 'a path needs at least two waypoints';
  if (!near(path[0], mission.start)) return `the path must start at (${mission.start.join(', ')})`;
  if (!near(path[path.length - 1], mission.end)) return `the path must end at (${mission.end.join(', ')})`;
  const bad = path.find(([x, y]) => !(Math.abs(x) < INNER && Math.abs(y) < INNER));
  if (bad) return `waypoint (${bad.join(', ')}) touches or crosses a wall`;
  const byColor = new Map(rooms.map((room) => [room.color, room]));
  for (const color of mission.avoid) {
    const room = byColor.get(color)!;
    for (let i = 0; i + 1 < path.length; i++)
      if (segmentInRoom(path[i], path[i + 1], room)) return `segment ${i + 1} enters the ${color} area`;
  }
  if (!mission.ordered) {
    const missed = mission.visit.find(
      (color) => !path.some((p, i) => i + 1 < path.length && segmentInRoom(p, path[i + 1], byColor.get(color)!)),
    );
    return missed ? `the path never enters the ${missed} area` : null;
  }
  // Ordered visits: the earliest time in each room, each no earlier than the previous one.
  let segment = 0,
    t = 0;
  for (const color of mission.visit) {
    const room = byColor.get(color)!;
    let found = false;
    for (; segment + 1 < path.length; segment++, t = 0) {
      const hit = segmentInRoom(path[segment], path[segment + 1], room);
      if (hit && hit[1] >= t) {
        t = Math.max(t, hit[0]);
        found = true;
        break;
      }
    }
    if (!found) return `the path does not enter the ${color} area after the previous goal`;
  }
  return null;
}

const toGrid = (v: number) => Math.round(v / GRID_STEP);
const fromGrid = (k: number) => Math.round(k * GRID_STEP * 100) / 100;

/** Grid cells whose 0.051-neighbourhood misses every avoided room: 8-neighbour moves between them stay clear. */
function freeCells(avoid: Room[]): Uint8Array {
  const size = 2 * GRID_HALF + 1;
  const free = new Uint8Array(size * size).fill(1);
  const clearance = GRID_STEP + 0.001;
  for (const r of avoid) {
    // Mark the grid points within `clearance` of the room (a closed, padded rectangle).
    const i0 = Math.max(0, Math.ceil((r.x0 - clearance) / GRID_STEP - 1e-9) + GRID_HALF),
      i1 = Math.min(size - 1, Math.floor((r.x1 + clearance) / GRID_STEP + 1e-9) + GRID_HALF);
    const j0 = Math.max(0, Math.ceil((r.y0 - clearance) / GRID_STEP - 1e-9) + GRID_HALF),
      j1 = Math.min(size - 1, Math.floor((r.y1 + clearance) / GRID_STEP + 1e-9) + GRID_HALF);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) free[i * size + j] = 0;
  }
  return free;
}

const SIZE = 2 * GRID_HALF + 1;
/** Search buffers reused across calls (generation is synchronous). */
const previousBuffer = new Int32Array(SIZE * SIZE);
const queueBuffer = new Int32Array(SIZE * SIZE);

function gridLeg(free: Uint8Array, from: Point, to: Point): Point[] | null {
  const index = (p: Point) => (toGrid(p[0]) + GRID_HALF) * SIZE + (toGrid(p[1]) + GRID_HALF);
  const start = index(from),
    goal = index(to);
  if (!free[start] || !free[goal]) return null;
  const previous = previousBuffer.fill(-1);
  previous[start] = start;
  queueBuffer[0] = start;
  let tail = 1;
  for (let head = 0; head < tail && previous[goal] < 0; head++) {
    const cell = queueBuffer[head],
      i = Math.floor(cell / SIZE),
      j = cell % SIZE;
    for (let di = -1; di <= 1; di++) {
      const ni = i + di;
      if (ni < 0 || ni >= SIZE) continue;
      for (let dj = -1; dj <= 1; dj++) {
        const nj = j + dj,
          next = ni * SIZE + nj;
        if ((di || dj) && nj >= 0 && nj < SIZE && free[next] && previous[next] < 0) {
          previous[next] = cell;
          queueBuffer[tail++] = next;
        }
      }
    }
  }
  if (previous[goal] < 0) return null;
  const cells: Point[] = [];
  for (let cell = goal; ; cell = previous[cell]) {
    cells.push([fromGrid(Math.floor(cell / SIZE) - GRID_HALF), fromGrid((cell % SIZE) - GRID_HALF)]);
    if (cell === start) break;
  }
  return cells.reverse();
}

/**
 * Drops waypoints while the straight shortcut from the last kept one still misses every avoided room, with a
 * little room to spare: a shortcut through a room's very corner would pass or fail on rounding.
 */
function shortcut(points: Point[], avoid: Room[]): Point[] {
  const out: Point[] = [points[0]];
  const padded = avoid.map((r) => ({ ...r, x0: r.x0 - 1e-6, x1: r.x1 + 1e-6, y0: r.y0 - 1e-6, y1: r.y1 + 1e-6 }));
  const clear = (a: Point, b: Point) => padded.every((room) => segmentInRoom(a, b, room) === null);
  for (let i = 0; i < points.length - 1;) {
    let j = i + 1;
    while (j + 1 < points.length && clear(points[i], points[j + 1])) j++;
    out.push(points[j]);
    i = j;
  }
  return out;
}

/** One valid path through grid legs start → room centres → end, or null when none is found. */
export function planPath(rooms: Room[], mission: Mission): Point[] | null {
  const avoid = rooms.filter((room) => mission.avoid.includes(room.color));
  const free = freeCells(avoid);
  const anchors: Point[] = [mission.start];
  for (const color of mission.visit) {
    const room = rooms.find((r) => r.color === color)!;
    anchors.push([fromGrid(toGrid((room.x0 + room.x1) / 2)), fromGrid(toGrid((room.y0 + room.y1) / 2))]);
  }
  anchors.push(mission.end);
  const path: Point[] = [mission.start];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const leg = gridLeg(free, anchors[k], anchors[k + 1]);
    if (!leg) return null;
    path.push(...shortcut(leg, avoid).slice(1));
  }
  return path;
}
