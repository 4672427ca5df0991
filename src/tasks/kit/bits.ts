// Bit counting for the bitmask candidate sets of the grid-puzzle solvers (sudoku, futoshiki).

/** Number of set bits of a 32-bit value. */
export function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
