// The task kit: exact numbers, polynomials, grids and matrices, answer parsers and prompt text
// helpers that the task files share. Each helper lives here once; tasks import it through this file.
export * from './bits.js';
export * from './cells.js';
export * from './english.js';
export * from './grid.js';
export * from './integer-expression.js';
export * from './matrix.js';
export * from './number-answer.js';
export * from './parsers.js';
export * from './polynomial.js';
export * from './python.js';
export * from './rational.js';
export * from './words.js';
