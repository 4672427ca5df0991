// Rush Hour boards and the search over every position reachable from one: each position's distance
// to a solved one and an optimal plan. Boards render as 36 characters in Fogleman's format, which
// Reasoning-Gym reads ('o' empty, 'x' wall, 'A' the red car on row 3). Used by the bank generator.

export const SIZE = 6;
export const EXIT_ROW = 2;
/** First cell of the red car when solved (it fills the two rightmost cells of the exit row). */
export const GOAL_CELL = EXIT_ROW * SIZE + SIZE - 2;

/** A vehicle: first cell (row-major index), length, horizontal or not. */
export type Car = { cell: number; length: number; horizontal: boolean };
/** A board: its cars (index 0 is the red car) and wall cells. */
export type Board = { cars: Car[]; walls: number[] };
/** One slide: the car's index and the signed number of cells. */
export type Slide = [car: number, delta: number];

export function cellsOf(car: Car, cell = car.cell): number[] {
  return Array.from({ length: car.length }, (_, k) => cell + k * (car.horizontal ? 1 : SIZE));
}

/** The board as 36 characters with cars at `positions` (default: where they are), letters A, B, … */
export function renderBoard(board: Board, positions = board.cars.map((c) => c.cell), empty = 'o'): string {
  const grid = new Array<string>(SIZE * SIZE).fill(empty);
  for (const w of board.walls) grid[w] = 'x';
  board.cars.forEach((car, i) => {
    for (const c of cellsOf(car, positions[i])) grid[c] = String.fromCharCode(65 + i);
  });
  return grid.join('');
}

/**
 * The positions reachable from a board, each one's distance to a solved position, and the moves
 * between them (flat arrays: state k's moves are entries first[k] … first[k + 1] - 1). A position
 * is a number: car i's offset along its axis (0–4) in base-8 digit i.
 */
export type Cluster = {
  states: number[];
  distance: Int32Array;
  first: number[];
  to: number[];
  car: number[];
  delta: number[];
};

/** Car cells (first cell of each car) of an encoded position. */
export function decodePositions(board: Board, state: number): number[] {
  return board.cars.map((car) => {
    const offset = state % 8;
    state = (state - offset) / 8;
    const fixed = car.horizontal ? Math.floor(car.cell / SIZE) : car.cell % SIZE;
    return car.horizontal ? fixed * SIZE + offset : offset * SIZE + fixed;
  });
}

function encodePositions(board: Board, positions: readonly number[]): number {
  let state = 0;
  for (let i = board.cars.length - 1; i >= 0; i--) {
    state = state * 8 + (board.cars[i].horizontal ? positions[i] % SIZE : Math.floor(positions[i] / SIZE));
  }
  return state;
}

/**
 * Position → state number, by open addressing over typed arrays: positions exceed 2^31, and a Map
 * keyed by such numbers is several times slower, which the bank generator's search feels.
 */
class StateIndex {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  constructor(maxStates: number) {
    let capacity = 1024;
    while (capacity < 2 * (maxStates + 64)) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }
  private slot(key: number): number {
    const low = key % 0x4000000,
      high = (key - low) / 0x4000000;
    let at = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & this.mask;
    while (this.keys[at] !== -1 && this.keys[at] !== key) at = (at + 1) & this.mask;
    return at;
  }
  /** The state number of a position, or -1. */
  get(key: number): number {
    const at = this.slot(key);
    return this.keys[at] === key ? this.values[at] : -1;
  }
  set(key: number, value: number): void {
    const at = this.slot(key);
    this.keys[at] = key;
    this.values[at] = value;
  }
}

/**
 * Explores every position reachable from the board (slides are reversible, so this is its whole
 * connected set) and measures each one's fewest slides to a solved position (-1: cannot be solved).
 * Returns null when the set has more than `maxStates` positions. Written without allocation in
 * the inner loop: the bank generator runs it on hundreds of thousands of boards.
 */
export function exploreCluster(board: Board, maxStates: number): Cluster | null {
  const n = board.cars.length,
    cars = board.cars;
  const fixed = cars.map((c) => (c.horizontal ? Math.floor(c.cell / SIZE) : c.cell % SIZE));
  const weight = cars.map((_, i) => 8 ** i),
    offsets = new Int8Array(n),
    occupied = new Uint8Array(SIZE * SIZE);
  const start = encodePositions(
    board,
    cars.map((c) => c.cell),
  );
  const states = [start],
    index = new StateIndex(maxStates);
  index.set(start, 0);
  const first: number[] = [],
    to: number[] = [],
    car: number[] = [],
    delta: number[] = [];
  const cell = (i: number, offset: number): number =>
    cars[i].horizontal ? fixed[i] * SIZE + offset : offset * SIZE + fixed[i];
  const add = (here: number, i: number, d: number): void => {
    const key = here + d * weight[i];
    let j = index.get(key);
    if (j < 0) {
      j = states.length;
      index.set(key, j);
      states.push(key);
    }
    to.push(j);
    car.push(i);
    delta.push(d);
  };
  for (let head = 0; head < states.length; head++) {
    if (states.length > maxStates) return null;
    first.push(to.length);
    let here = states[head];
    occupied.fill(0);
    for (const w of board.walls) occupied[w] = 1;
    for (let i = 0; i < n; i++) {
      offsets[i] = here % 8;
      here = (here - offsets[i]) / 8;
      const stride = cars[i].horizontal ? 1 : SIZE;
      for (let k = 0, c = cell(i, offsets[i]); k < cars[i].length; k++, c += stride) occupied[c] = 1;
    }
    here = states[head];
    for (let i = 0; i < n; i++) {
      const o = offsets[i],
        length = cars[i].length;
      for (let s = 1; o - s >= 0 && !occupied[cell(i, o - s)]; s++) add(here, i, -s);
      for (let s = 1; o + length - 1 + s < SIZE && !occupied[cell(i, o + length - 1 + s)]; s++) add(here, i, s);
    }
  }
  first.push(to.length);
  const distance = new Int32Array(states.length).fill(-1),
    queue: number[] = [];
  const goalOffset = GOAL_CELL % SIZE;
  states.forEach((state, k) => {
    if (state % 8 === goalOffset) {
      distance[k] = 0;
      queue.push(k);
    }
  });
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    for (let e = first[at]; e < first[at + 1]; e++)
      if (distance[to[e]] < 0) {
        distance[to[e]] = distance[at] + 1;
        queue.push(to[e]);
      }
  }
  return { states, distance, first, to, car, delta };
}

/** An optimal plan from state `at` of the cluster, following strictly decreasing distances. */
export function planFrom(cluster: Cluster, at: number): Slide[] {
  const plan: Slide[] = [];
  while (cluster.distance[at] > 0) {
    let e = cluster.first[at];
    while (cluster.distance[cluster.to[e]] !== cluster.distance[at] - 1) e++;
    plan.push([cluster.car[e], cluster.delta[e]]);
    at = cluster.to[e];
  }
  return plan;
}

/** A plan as the task writes it: `B+1 A-2 …`. */
export function renderPlan(plan: readonly Slide[]): string {
  return plan
    .map(([car, delta]) => `${String.fromCharCode(65 + car)}${delta > 0 ? '+' : '-'}${Math.abs(delta)}`)
    .join(' ');
}
