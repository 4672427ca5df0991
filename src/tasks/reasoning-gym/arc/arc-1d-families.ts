// Reasoning-Gym's 70 arc_1d variants (its ARC_1D_TASKS table): how each draws an input row, as its
// generator does, and which rule maps it; and the check that no second rule explains a puzzle's examples.
import type { Rng } from '../../../core/index.js';
import * as rules from './arc-1d-rules.js';
import type { Row, Transform } from './arc-1d-rules.js';

/** One variant: a named input distribution and the rule that maps its rows. */
export type Variant = { name: string; input(rng: Rng, size: number): Row | null; rule: Transform };

const zeros = (n: number): Row => new Array<number>(n).fill(0);
const put = (row: Row, at: number, cells: Row): Row => {
  cells.forEach((v, i) => {
    row[at + i] = v;
  });
  return row;
};
const randomRow = (rng: Rng, size: number, colors: [number, number]): Row =>
  Array.from({ length: size }, () => (rng.bool(0.5) ? rng.int(colors[0], colors[1]) : 0));
const blockOf = (rng: Rng, size: number, solid: boolean): Row => {
  const color = rng.int(1, 9);
  return Array.from({ length: size }, () => (solid ? color : rng.int(1, 9)));
};

function moveInput(rng: Rng, size: number, k: number, solid: boolean): Row | null {
  if (size <= k + 1) return null;
  const blockSize = rng.int(1, size - k - 1),
    at = rng.int(0, size - blockSize - k);
  return put(zeros(size), at, blockOf(rng, blockSize, solid));
}

function wrappedInput(rng: Rng, size: number, solid: boolean): Row {
  const blockSize = rng.int(1, size),
    at = rng.int(0, size - 1),
    row = zeros(size);
  blockOf(rng, blockSize, solid).forEach((v, i) => {
    row[(at + i) % size] = v;
  });
  return row;
}

/** A dot and a block on one side of it (the touch, n-pixel and scale families). */
function dotBlockInput(rng: Rng, size: number, dotColor: number, lowestBlockColor: number): Row | null {
  const blockColor = rng.int(lowestBlockColor, 9),
    blockSize = rng.int(1, size - 1),
    dot = rng.int(0, size - 1);
  const left = dot >= blockSize,
    right = dot + blockSize < size;
  if (!left && !right) return null;
  const side = left && right ? rng.pick(['left', 'right']) : left ? 'left' : 'right';
  const at = side === 'left' ? rng.int(0, dot - blockSize) : rng.int(dot + 1, size - blockSize);
  const row = put(zeros(size), at, new Array<number>(blockSize).fill(blockColor));
  row[dot] = dotColor;
  return row;
}

function twoPointsInput(rng: Rng, size: number): Row | null {
  const color = rng.int(1, 9),
    a = rng.int(0, size - 1),
    b = rng.int(0, size - 1);
  if (a === b) return null;
  const row = zeros(size);
  row[a] = row[b] = color;
  return row;
}

/** A block with a differently coloured end cell; `random` paints the body in random colours. */
function borderPixelInput(rng: Rng, size: number, random: boolean): Row {
  const blockSize = rng.int(2, size);
  let block: Row;
  if (random) {
    const side = rng.bool(0.5) ? 'left' : 'right';
    const at = rng.int(0, size - blockSize),
      border = rng.int(1, 9);
    const others = [1, 2, 3, 4, 5, 6, 7, 8].filter((c) => c !== border);
    block = Array.from({ length: blockSize }, () => rng.pick(others));
    block[side === 'left' ? 0 : blockSize - 1] = border;
    return put(zeros(size), at, block);
  }
  const c1 = rng.int(1, 9),
    c2 = rng.pick([1, 2, 3, 4, 5, 6, 7, 8].filter((c) => c !== c1));
  const side = rng.bool(0.5) ? 'left' : 'right',
    at = rng.int(0, size - blockSize);
  block = new Array<number>(blockSize).fill(c1);
  block[side === 'left' ? 0 : blockSize - 1] = c2;
  return put(zeros(size), at, block);
}

function aroundDotInput(rng: Rng, size: number): Row | null {
  const dot = rng.int(0, size - 1),
    blockSize = rng.int(1, size - 1),
    at = rng.int(0, size - blockSize);
  const end = at + blockSize - 1;
  if (!(end < dot || at > dot)) return null;
  const color = rng.int(3, 9);
  if (2 * dot - end < 0 || 2 * dot - at >= size) return null;
  const row = put(zeros(size), at, new Array<number>(blockSize).fill(color));
  row[dot] = 2;
  return row;
}

function noiseInput(rng: Rng, size: number): Row | null {
  const blockSize = rng.int(2, size),
    at = rng.int(0, size - blockSize),
    color = rng.int(1, 9);
  const row = put(zeros(size), at, new Array<number>(blockSize).fill(color));
  const forbidden = row.map((_, i) => i >= at - 1 && i <= at + blockSize);
  const wanted = rng.int(1, 3);
  for (let k = 0; k < wanted; k++) {
    const allowed = forbidden.flatMap((f, i) => (f ? [] : [i]));
    if (!allowed.length) return null;
    const i = rng.pick(allowed);
    row[i] = color;
    for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < size) forbidden[j] = true;
  }
  return row;
}

function noiseInsideInput(rng: Rng, size: number): Row | null {
  if (size <= 6) return null;
  const blockSize = rng.int(6, size),
    at = rng.int(0, size - blockSize),
    color = rng.int(1, 9);
  const row = put(zeros(size), at, new Array<number>(blockSize).fill(color));
  const noise = rng.int(1, Math.max(1, Math.floor(blockSize / 2) - 1));
  for (const offset of rng.shuffle(Array.from({ length: blockSize }, (_, i) => i)).slice(0, noise)) {
    let c = rng.int(1, 9);
    while (c === color) c = rng.int(1, 9);
    row[at + offset] = c;
  }
  return row;
}

function copyToDotsInput(rng: Rng, size: number, colorful: boolean): Row | null {
  const blockSize = rng.bool(0.5) ? 3 : 5;
  if (blockSize >= size) return null;
  const color = rng.int(1, 9),
    row = put(zeros(size), 0, new Array<number>(blockSize).fill(color));
  let dots = 0;
  for (let at = blockSize + (blockSize >> 1) + 1; at <= size - blockSize; at++) {
    if (!rng.bool(0.5)) continue;
    row[at] = colorful ? rng.int(1, 9) : color;
    dots++;
    at += blockSize;
  }
  return dots ? row : null;
}

/** Blocks laid left to right: each cell starts one with probability 0.4 (paint_biggest_block, sort). */
function blocksInput(rng: Rng, size: number, minBlock: number, gap: () => number): Row | null {
  const color = rng.int(minBlock === 2 ? 2 : 1, 9),
    row = zeros(size);
  let at = 0,
    blocks = 0;
  while (at < size) {
    if (rng.bool(0.4) && size - at >= 2) {
      const blockSize = rng.int(minBlock, Math.min(size - at, 6));
      put(row, at, new Array<number>(blockSize).fill(color));
      blocks++;
      at += blockSize + gap();
    } else at++;
  }
  return blocks >= 2 ? row : null;
}

function completeSequenceInput(rng: Rng, size: number): Row | null {
  let largest = 1,
    used = 0;
  while (used + largest + 1 <= size) {
    used += largest + 1;
    largest++;
  }
  largest--;
  if (largest < 2) return null;
  const color = rng.int(1, 9),
    row = zeros(size);
  let at = 0;
  for (const blockSize of rng.shuffle(Array.from({ length: largest }, (_, i) => i + 1))) {
    put(row, at, new Array<number>(blockSize).fill(color));
    at += blockSize + 1;
  }
  return row;
}

function bySizeInput(rng: Rng, size: number): Row | null {
  const a = rng.int(2, 8);
  let b = rng.int(2, 8);
  while (b === a) b = rng.int(2, 8);
  if (a + b + 1 > size) return null;
  const first = rng.int(0, size - (a + b + 1)),
    second = rng.int(first + a + 1, size - b);
  return put(put(zeros(size), first, new Array<number>(a).fill(3)), second, new Array<number>(b).fill(3));
}

function ownSizeInput(rng: Rng, size: number): Row {
  const blockSize = rng.int(1, size >> 1),
    at = rng.int(0, size - 2 * blockSize);
  return put(zeros(size), at, new Array<number>(blockSize).fill(rng.int(1, 9)));
}

function paletteInput(rng: Rng, size: number): Row | null {
  const blockSize = rng.int(2, 4);
  let starts: number[] = [];
  for (let at = 0; at + blockSize <= size;) {
    if (rng.bool(0.4)) {
      starts.push(at);
      at += blockSize + 1;
    } else at++;
  }
  while (starts.length && starts[starts.length - 1] + blockSize + starts.length + 1 >= size) starts.pop();
  // More than nine blocks would need a tenth distinct colour: the source then loops forever; we redraw.
  if (!starts.length || starts.length > 9) return null;
  const palette: number[] = [];
  while (palette.length < starts.length) {
    const c = rng.int(1, 9);
    if (!palette.includes(c)) palette.push(c);
  }
  starts = starts.map((s) => s + palette.length + 1);
  const row = put(zeros(size), 0, palette);
  for (const s of starts) put(row, s, new Array<number>(blockSize).fill(5));
  return row;
}

function seedsInput(rng: Rng, size: number): Row | null {
  const blockSize = rng.int(2, 4);
  if (blockSize + 1 >= size || size <= 3 + blockSize) return null;
  const at = rng.int(2, size - blockSize - 2);
  let left = false,
    right = false;
  while (!left && !right) {
    left = rng.bool(0.5);
    right = rng.bool(0.5);
  }
  const row = put(zeros(size), at, new Array<number>(blockSize).fill(1));
  if (left) row[at - 2] = rng.int(1, 9);
  if (right) row[at + blockSize + 1] = rng.int(1, 9);
  return row;
}

function floodInput(rng: Rng, size: number): Row | null {
  if (size < 8) return null;
  const blockSize = rng.int(3, size - 5),
    at = rng.int(2, size - blockSize - 2),
    color = rng.int(1, 9);
  let seed = rng.int(1, 8);
  if (seed >= color) seed++;
  const row = put(zeros(size), at, new Array<number>(blockSize).fill(color));
  row[rng.bool(0.5) ? at - 1 : at + blockSize] = seed;
  return row;
}

function pairsInput(rng: Rng, size: number): Row | null {
  if (size < 8) return null;
  const sizes = [2];
  for (let at = 4; at < size;) {
    if (!rng.bool(0.4)) {
      sizes.push(0);
      at++;
      continue;
    }
    const s = rng.int(1, 3);
    if (at + s <= size) sizes.push(s);
    at += s + 2;
  }
  const row = zeros(size);
  let at = 0;
  for (const s of rng.shuffle(sizes)) {
    if (s === 0) {
      at++;
      continue;
    }
    if (at + s > size) return null;
    let color = rng.int(1, 8);
    if (color >= 3) color++;
    put(row, at, new Array<number>(s).fill(color));
    at += s + 2;
  }
  return row;
}

function collisionInput(rng: Rng, size: number): Row | null {
  if (size < 4) return null;
  const left = rng.bool(0.5),
    row = zeros(size),
    cells: number[] = [];
  row[left ? 0 : size - 1] = 5;
  for (let k = rng.int(2, 4); k > 0; k--) {
    let at = left ? rng.int(1, size - 1) : rng.int(0, size - 2);
    while (cells.includes(at)) at = left ? rng.int(1, size - 1) : rng.int(0, size - 2);
    cells.push(at);
  }
  for (const at of cells) {
    const c = rng.int(1, 8);
    row[at] = c >= 5 ? c + 1 : c;
  }
  return row;
}

function patternInput(rng: Rng, size: number): Row | null {
  const period = rng.int(2, 5),
    pattern = Array.from({ length: period }, () => rng.int(1, 9));
  if (2 * period >= size) return null;
  return put(put(zeros(size), 0, pattern), period, pattern);
}

function halvesInput(rng: Rng, size: number): Row | null {
  const row = zeros(size);
  let blocks = 0;
  for (let at = 0; at < size;) {
    if (!rng.bool(0.4)) {
      at++;
      continue;
    }
    const blockSize = rng.int(2, size >> 1);
    if (at + blockSize > size) break;
    put(row, at, new Array<number>(blockSize).fill(2));
    blocks++;
    at += blockSize + 1;
  }
  return blocks >= 2 ? row : null;
}

const mirror = (variant: Variant, name: string): Variant => ({
  name,
  input: (rng, size) => variant.input(rng, size)?.reverse() ?? null,
  rule: rules.mirrored(variant.rule),
});

function buildVariants(): Variant[] {
  const out: Variant[] = [];
  for (const wrapped of [false, true]) {
    for (const side of ['right', 'left'] as const) {
      for (const solid of [true, false]) {
        for (const k of [1, 2, 3, 4]) {
          const name = `move_${k}pix_${solid ? 'solid' : 'colorful'}${wrapped ? '_wrapped' : ''}`;
          const right: Variant = {
            name,
            rule: wrapped ? rules.rotate(k) : rules.shift(k),
            input: (rng, size) => (wrapped ? wrappedInput(rng, size, solid) : moveInput(rng, size, k, solid)),
          };
          out.push(side === 'right' ? { ...right, name: `${name}_right` } : mirror(right, `${name}_left`));
        }
      }
    }
  }
  const gravities: Variant[] = [
    { name: 'gravity', input: (rng, n) => randomRow(rng, n, [1, 9]), rule: rules.gravity },
    { name: 'gravity_counting', input: (rng, n) => randomRow(rng, n, [1, 9]), rule: rules.gravityCounting },
    { name: 'gravity_antigravity', input: (rng, n) => randomRow(rng, n, [1, 2]), rule: rules.gravityAntigravity },
    { name: 'gravity_one_step', input: (rng, n) => randomRow(rng, n, [1, 9]), rule: rules.gravityOneStep },
    { name: 'gravity_weighted_colors', input: (rng, n) => randomRow(rng, n, [1, 2]), rule: rules.gravityWeighted },
  ];
  out.push(...gravities.map((v) => ({ ...v, name: `${v.name}_right` })));
  out.push(...gravities.map((v) => mirror(v, `${v.name}_left`)));
  const fill: Variant = { name: 'two_points_and_fill', input: twoPointsInput, rule: rules.fillBetweenPoints };
  out.push(
    { name: 'block_touch_dot', input: (rng, n) => dotBlockInput(rng, n, 1, 2), rule: rules.blockToDot(1, Infinity) },
    ...[1, 2, 3, 4].map((k): Variant => ({
      name: `block_touch_dot_${k}pix`,
      input: (rng, n) => dotBlockInput(rng, n, 2, 3),
      rule: rules.blockToDot(2, k),
    })),
    { name: 'block_scale_to_dot', input: (rng, n) => dotBlockInput(rng, n, 2, 3), rule: rules.blockScaleToDot },
    { name: 'block_and_noise_remove', input: noiseInput, rule: rules.removeIsolatedCells },
    { name: 'block_and_noise_remove_inside', input: noiseInsideInput, rule: rules.repairSegment },
    { name: 'move_block_by_own_size', input: ownSizeInput, rule: rules.moveByOwnLength },
    fill,
    {
      name: 'two_points_and_fill_inv',
      rule: rules.keepBlockEnds,
      input: (rng, n) => {
        const row = fill.input(rng, n);
        return row && fill.rule(row);
      },
    },
    { name: 'copy_block_to_dots', input: (rng, n) => copyToDotsInput(rng, n, false), rule: rules.copyBlockToDots },
    {
      name: 'copy_block_to_dots_colors',
      input: (rng, n) => copyToDotsInput(rng, n, true),
      rule: rules.copyBlockToDots,
    },
    { name: 'repeat_pattern_full', input: patternInput, rule: rules.repeatPattern },
    {
      name: 'reflect_block_with_border_pixel',
      input: (rng, n) => borderPixelInput(rng, n, false),
      rule: rules.reverseSegment,
    },
    { name: 'reflect_block_random', input: (rng, n) => borderPixelInput(rng, n, true), rule: rules.reverseSegment },
    { name: 'reflect_block_around_dot', input: aroundDotInput, rule: rules.reflectAroundDot },
    { name: 'paint_biggest_block', input: (rng, n) => blocksInput(rng, n, 2, () => 1), rule: rules.paintLongestBlock },
    { name: 'recolor_blocks_by_size', input: bySizeInput, rule: rules.recolorBySize },
    { name: 'change_to_five', input: (rng, n) => randomRow(rng, n, [1, 9]), rule: rules.changeToFive },
    { name: 'recolor_blocks_from_palette', input: paletteInput, rule: rules.recolorFromPalette },
    { name: 'color_left_half_blocks', input: halvesInput, rule: rules.paintLeftHalves },
    {
      name: 'sort_blocks_by_size',
      rule: rules.sortBlocks,
      input: (rng, n) => blocksInput(rng, n, 1, () => rng.int(1, 4)),
    },
    { name: 'sort_complete_sequence', input: completeSequenceInput, rule: rules.sortBlocks },
    { name: 'duplicate_block_from_seeds', input: seedsInput, rule: rules.repeatFromSeeds },
    { name: 'fill_from_pixel', input: floodInput, rule: rules.floodFromEndCell },
    { name: 'fill_until_collision', input: collisionInput, rule: rules.fillUntilCollision },
    { name: 'mark_size_two_blocks', input: pairsInput, rule: rules.markPairs },
  );
  return out;
}

/** Every variant, in the source's table order. */
export const VARIANTS: readonly Variant[] = buildVariants();

/** Every distinct rule a solver could read from a puzzle: each variant's, plus two non-family readings. */
export const HYPOTHESES: readonly { name: string; rule: Transform }[] = [
  ...VARIANTS.filter((v, i) => VARIANTS.findIndex((w) => w.rule === v.rule) === i).map(({ name, rule }) => ({
    name,
    rule,
  })),
  { name: 'identity', rule: rules.identity },
  { name: 'reverse the row', rule: rules.reverseRow },
];

const same = (a: Row | null, b: Row): boolean => a !== null && a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The first rule that fits every example but maps the test input to another row than `answer`, or
 * null when the puzzle has one reading. A rule undefined on the test input gives no second answer.
 */
export function findSecondRule(examples: readonly (readonly [Row, Row])[], test: Row, answer: Row): string | null {
  for (const { name, rule } of HYPOTHESES) {
    if (!examples.every(([input, output]) => same(rule(input), output))) continue;
    const predicted = rule(test);
    if (predicted !== null && !same(predicted, answer)) return name;
  }
  return null;
}
