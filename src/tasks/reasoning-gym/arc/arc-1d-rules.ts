// The transformations of Reasoning-Gym's arc_1d families, each written as a function of the input row
// alone (null where the row is outside the rule's domain), so any rule can be tried on any puzzle.
// Directions follow the source's family names, whose "right" variants pack or move as written there.

export type Row = number[];
/** A transformation of one row; null when the rule does not apply to this row. */
export type Transform = (row: Row) => Row | null;
/** A maximal run of equal non-zero cells, or of non-zero cells of any colour (see `segments`). */
export type Run = { start: number; end: number; color: number };

const zeros = (n: number): Row => new Array<number>(n).fill(0);
const length = (run: Run): number => run.end - run.start + 1;

// Rows are never changed once drawn, and the ambiguity check reads each through some 50 rules: their runs,
// segments and mirror image are computed once per row.
const runsOf = new WeakMap<Row, Run[]>(),
  segmentsOf = new WeakMap<Row, Run[]>(),
  mirrorOf = new WeakMap<Row, Row>();

/** Maximal runs of one non-zero colour. */
export function runs(row: Row): Run[] {
  const known = runsOf.get(row);
  if (known) return known;
  const out: Run[] = [];
  runsOf.set(row, out);
  for (let i = 0; i < row.length; i++) {
    if (!row[i] || (i > 0 && row[i - 1] === row[i])) continue;
    let j = i;
    while (j + 1 < row.length && row[j + 1] === row[i]) j++;
    out.push({ start: i, end: j, color: row[i] });
  }
  return out;
}

/** Maximal runs of non-zero cells whatever their colours (`color` is the first cell's). */
export function segments(row: Row): Run[] {
  const known = segmentsOf.get(row);
  if (known) return known;
  const out: Run[] = [];
  segmentsOf.set(row, out);
  for (let i = 0; i < row.length; i++) {
    if (!row[i] || (i > 0 && row[i - 1])) continue;
    let j = i;
    while (j + 1 < row.length && row[j + 1]) j++;
    out.push({ start: i, end: j, color: row[i] });
  }
  return out;
}

// Factories return one function per parameter, so the rules the variants share compare equal and
// the ambiguity check tries each distinct rule once.
const mirrors = new WeakMap<Transform, Transform>();
const shifts = new Map<number, Transform>(),
  rotations = new Map<number, Transform>();
type Cache<K> = { get(key: K): Transform | undefined; set(key: K, value: Transform): unknown };
const once = <K>(cache: Cache<K>, key: K, make: () => Transform): Transform => {
  const made = cache.get(key) ?? make();
  cache.set(key, made);
  return made;
};

/** The same rule seen in a mirror: reverse the row, apply, reverse back. */
export const mirrored = (f: Transform): Transform =>
  once(mirrors, f, () => (row) => f(mirrorImage(row))?.reverse() ?? null);

function mirrorImage(row: Row): Row {
  const known = mirrorOf.get(row);
  if (known) return known;
  const image = row.slice().reverse();
  mirrorOf.set(row, image);
  return image;
}

/** Moves everything right by k (left for k < 0); what crosses the border is lost. */
export const shift = (k: number): Transform =>
  once(shifts, k, () => (row) => row.map((_, i) => (i - k >= 0 && i - k < row.length ? row[i - k] : 0)));

/** Moves everything right by k (left for k < 0), wrapping around the border. */
export const rotate = (k: number): Transform =>
  once(rotations, k, () => (row) => row.map((_, i) => row[(((i - k) % row.length) + row.length) % row.length]));

/** Non-zero cells packed at the start in their order. */
export const gravity: Transform = (row) => {
  const filled = row.filter(Boolean);
  return [...filled, ...zeros(row.length - filled.length)];
};

/** As many 1s at the start as there are non-zero cells. */
export const gravityCounting: Transform = (row) => {
  const count = row.filter(Boolean).length;
  return row.map((_, i) => (i < count ? 1 : 0));
};

const onlyOneAndTwo = (row: Row): boolean => row.every((v) => v === 0 || v === 1 || v === 2);
const count = (row: Row, color: number): number => row.filter((v) => v === color).length;

/** Colour 2 packs at the start, colour 1 at the end (rows of 0, 1 and 2 only). */
export const gravityAntigravity: Transform = (row) => {
  if (!onlyOneAndTwo(row)) return null;
  const twos = count(row, 2),
    ones = count(row, 1);
  return row.map((_, i) => (i < twos ? 2 : i >= row.length - ones ? 1 : 0));
};

/** All 2s then all 1s packed at the start: 2 is the heavier colour (rows of 0, 1 and 2 only). */
export const gravityWeighted: Transform = (row) => {
  if (!onlyOneAndTwo(row)) return null;
  const twos = count(row, 2),
    ones = count(row, 1);
  return row.map((_, i) => (i < twos ? 2 : i < twos + ones ? 1 : 0));
};

/** One left-to-right pass: a cell with an empty cell before it moves into it (so a whole run moves). */
export const gravityOneStep: Transform = (row) => {
  const out = row.slice();
  for (let i = 1; i < out.length; i++) if (out[i] && !out[i - 1]) [out[i - 1], out[i]] = [out[i], 0];
  return out;
};

/** The single dot of `dotColor` and the single solid block of another colour, or null. */
function dotAndBlock(row: Row, dotColor: number): { dot: number; block: Run } | null {
  const all = runs(row),
    dots = all.filter((r) => r.color === dotColor);
  const others = all.filter((r) => r.color !== dotColor);
  if (dots.length !== 1 || length(dots[0]) !== 1 || others.length !== 1) return null;
  return { dot: dots[0].start, block: others[0] };
}

/** Draws a row with a dot and a block placed at `start`. */
function withBlock(size: number, dot: number, dotColor: number, block: Run, start: number, blockLength: number): Row {
  const out = zeros(size);
  out[dot] = dotColor;
  for (let i = start; i < start + blockLength; i++) out[i] = block.color;
  return out;
}

/** The block moves towards the dot (colour `dotColor`) by at most `maxMove` cells, stopping beside it. */
export const blockToDot =
  (dotColor: number, maxMove: number): Transform =>
  (row) => {
    const found = dotAndBlock(row, dotColor);
    if (!found) return null;
    const { dot, block } = found,
      size = length(block);
    const gap = block.end < dot ? dot - block.end - 1 : block.start - dot - 1;
    const move = Math.min(gap, maxMove) * (block.end < dot ? 1 : -1);
    return withBlock(row.length, dot, dotColor, block, block.start + move, size);
  };

/** The block stretches its near end over the dot (colour 2), its far end fixed. */
export const blockScaleToDot: Transform = (row) => {
  const found = dotAndBlock(row, 2);
  if (!found) return null;
  const { dot, block } = found;
  const [start, end] = block.end < dot ? [block.start, dot] : [dot, block.end];
  return withBlock(row.length, dot, 2, block, start, end - start + 1);
};

/** Two cells of one colour, and nothing else: the span between them filled. */
export const fillBetweenPoints: Transform = (row) => {
  const cells = row.flatMap((v, i) => (v ? [i] : []));
  if (cells.length !== 2 || row[cells[0]] !== row[cells[1]]) return null;
  return row.map((_, i) => (i >= cells[0] && i <= cells[1] ? row[cells[0]] : 0));
};

/** One solid block of two or more cells, and nothing else: only its two end cells kept. */
export const keepBlockEnds: Transform = (row) => {
  const all = segments(row);
  if (all.length !== 1 || runs(row).length !== 1 || length(all[0]) < 2) return null;
  return row.map((v, i) => (i === all[0].start || i === all[0].end ? v : 0));
};

/** One non-zero segment, and nothing else: reversed in place. */
export const reverseSegment: Transform = (row) => {
  const all = segments(row);
  if (all.length !== 1) return null;
  const out = row.slice(),
    { start, end } = all[0];
  for (let i = start; i <= end; i++) out[i] = row[start + end - i];
  return out;
};

/** The block mirrored through the dot (colour 2); null when the image leaves the row. */
export const reflectAroundDot: Transform = (row) => {
  const found = dotAndBlock(row, 2);
  if (!found) return null;
  const { dot, block } = found;
  if (2 * dot - block.end < 0 || 2 * dot - block.start >= row.length) return null;
  return withBlock(row.length, dot, 2, block, 2 * dot - block.end, length(block));
};

/** Every isolated single cell erased. */
export const removeIsolatedCells: Transform = (row) =>
  row.map((v, i) => (v && (i === 0 || !row[i - 1]) && (i + 1 === row.length || !row[i + 1]) ? 0 : v));

/** One non-zero segment, and nothing else: every cell repainted in the segment's majority colour. */
export const repairSegment: Transform = (row) => {
  const all = segments(row);
  if (all.length !== 1) return null;
  const { start, end } = all[0],
    tally = new Map<number, number>();
  for (let i = start; i <= end; i++) tally.set(row[i], (tally.get(row[i]) ?? 0) + 1);
  const [color, most] = [...tally].reduce((a, b) => (b[1] > a[1] ? b : a));
  if (2 * most <= end - start + 1) return null;
  return row.map((v, i) => (i >= start && i <= end ? color : v));
};

/** A block of odd length at the start, single dots after it: each dot becomes a copy centred on it. */
export const copyBlockToDots: Transform = (row) => {
  const [block, ...dots] = runs(row),
    out = row.slice();
  if (!block || block.start !== 0 || length(block) < 3 || length(block) % 2 === 0 || dots.length === 0) return null;
  const half = (length(block) - 1) / 2;
  for (const dot of dots) {
    if (length(dot) !== 1 || dot.start - half <= block.end || dot.start + half >= row.length) return null;
    for (let i = dot.start - half; i <= dot.start + half; i++) out[i] = dot.color;
  }
  return out;
};

/** The single longest block painted 1. */
export const paintLongestBlock: Transform = (row) => {
  const all = runs(row),
    longest = Math.max(...all.map(length));
  const winners = all.filter((r) => length(r) === longest);
  if (all.length < 2 || winners.length !== 1) return null;
  return row.map((v, i) => (i >= winners[0].start && i <= winners[0].end ? 1 : v));
};

/** Blocks of one colour packed from the start, shortest first, one empty cell apart. */
export const sortBlocks: Transform = (row) => {
  const all = runs(row);
  if (all.length < 2 || all.some((r) => r.color !== all[0].color)) return null;
  const out = zeros(row.length);
  let at = 0;
  for (const size of all.map(length).sort((a, b) => a - b)) {
    for (let i = at; i < at + size; i++) out[i] = all[0].color;
    at += size + 1;
  }
  return out;
};

/** Two blocks of colour 3 and different lengths: the longer painted 1, the shorter 2. */
export const recolorBySize: Transform = (row) => {
  const all = runs(row);
  if (all.length !== 2 || all.some((r) => r.color !== 3) || length(all[0]) === length(all[1])) return null;
  const longer = length(all[0]) > length(all[1]) ? all[0] : all[1];
  return row.map((v, i) => (v ? (i >= longer.start && i <= longer.end ? 1 : 2) : 0));
};

/** A single block moved right by its own length (cells crossing the border are lost). */
export const moveByOwnLength: Transform = (row) => {
  const all = runs(row);
  return all.length === 1 ? shift(length(all[0]))(row) : null;
};

/** Every non-zero cell becomes 5. */
export const changeToFive: Transform = (row) => row.map((v) => (v ? 5 : 0));

/** A palette of colours at the start, then as many blocks of 5: the i-th block takes the i-th colour. */
export const recolorFromPalette: Transform = (row) => {
  const [palette] = segments(row),
    blocks = runs(row).filter((r) => palette && r.start > palette.end);
  if (!palette || palette.start !== 0 || blocks.length !== length(palette)) return null;
  if (blocks.some((b) => b.color !== 5)) return null;
  const out = row.slice();
  blocks.forEach((b, k) => {
    for (let i = b.start; i <= b.end; i++) out[i] = row[k];
  });
  return out;
};

/** One block and seed cells two cells from its ends: copies of the block, one cell apart, run from each
 * seed to the border in the seed's colour. */
export const repeatFromSeeds: Transform = (row) => {
  const all = runs(row),
    blocks = all.filter((r) => length(r) >= 2);
  if (blocks.length !== 1) return null;
  const block = blocks[0],
    size = length(block),
    seeds = all.filter((r) => r !== block);
  const beside = (s: Run): boolean => length(s) === 1 && (s.start === block.start - 2 || s.start === block.end + 2);
  if (seeds.length === 0 || !seeds.every(beside)) return null;
  const out = row.slice();
  for (const seed of seeds) {
    const step = seed.start < block.start ? -1 : 1;
    for (let near = seed.start; near >= 0 && near < row.length; near += step * (size + 1)) {
      for (let k = 0, at = near; k < size && at >= 0 && at < row.length; k++, at += step) out[at] = seed.color;
    }
  }
  return out;
};

/** One segment whose end cell differs from its solid rest: that colour floods from it to the border. */
export const floodFromEndCell: Transform = (row) => {
  const all = segments(row);
  if (all.length !== 1) return null;
  const { start, end } = all[0],
    body = row.slice(start, end + 1);
  const solid = (cells: Row): boolean => cells.length >= 2 && cells.every((v) => v === cells[0]);
  const left = body[0] !== body[1] && solid(body.slice(1));
  const right = body[body.length - 1] !== body[body.length - 2] && solid(body.slice(0, -1));
  if (left === right) return null;
  return row.map((v, i) => (left && i < start ? row[start] : !left && i > end ? row[end] : v));
};

/** Every block of length exactly 2 gets a 3 on each side. */
export const markPairs: Transform = (row) => {
  const out = row.slice();
  for (const r of runs(row)) {
    if (length(r) !== 2) continue;
    if (r.start > 0) out[r.start - 1] = 3;
    if (r.end + 1 < row.length) out[r.end + 1] = 3;
  }
  return out;
};

/** A 5 at the start: each cell after it extends back towards the previous non-zero cell. */
const fillBackToMarker: Transform = (row) => {
  const out = row.slice();
  let previous = 0;
  for (let i = 1; i < row.length; i++) {
    if (!row[i]) continue;
    for (let j = previous + 1; j < i; j++) out[j] = row[i];
    previous = i;
  }
  return out;
};

/** A 5 at one end and no other 5: cells fill the gaps towards the marker. */
export const fillUntilCollision: Transform = (row) => {
  const n = row.length;
  if (count(row, 5) !== 1 || (row[0] !== 5 && row[n - 1] !== 5)) return null;
  return row[0] === 5 ? fillBackToMarker(row) : mirrored(fillBackToMarker)(row);
};

/** A pattern written twice at the start: repeated to the end of the row. */
export const repeatPattern: Transform = (row) => {
  const [first] = segments(row);
  if (!first || first.start !== 0 || segments(row).length !== 1 || length(first) % 2 !== 0) return null;
  const period = length(first) / 2;
  if (row.slice(0, period).join() !== row.slice(period, 2 * period).join()) return null;
  return row.map((_, i) => row[i % period]);
};

/** In every block, the left half (rounded down) painted 8. */
export const paintLeftHalves: Transform = (row) => {
  const out = row.slice();
  for (const r of runs(row)) for (let i = r.start; i < r.start + Math.floor(length(r) / 2); i++) out[i] = 8;
  return out;
};

/** No change: not a family, but a reading a solver may try. */
export const identity: Transform = (row) => row.slice();

/** The whole row reversed: not a family, but a reading a solver may try. */
export const reverseRow: Transform = (row) => row.slice().reverse();
