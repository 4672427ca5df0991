// Means over seeds with a 95% interval (Student's t, since 5 seeds are few), and the verdict a
// difference earns: its interval above zero, below zero, or across it.

/** The two-sided 97.5% quantile of Student's t for 1..30 degrees of freedom (beyond 30: 1.96 is close). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** A mean with its 95% interval half-width (null with fewer than two values). */
export type Estimate = { mean: number; halfWidth: number | null; n: number };

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, halfWidth: null, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, halfWidth: null, n };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const df = n - 1;
  const t = df <= T_975.length ? T_975[df - 1] : 1.96;
  return { mean, halfWidth: t * Math.sqrt(variance / n), n };
}

/** Where a difference's interval lies: above 0, below 0, or across it (no verdict with fewer than 2 seeds). */
export type Direction = 'above' | 'below' | 'across' | 'unknown';

export function directionOf(e: Estimate): Direction {
  if (e.halfWidth === null || Number.isNaN(e.mean)) return 'unknown';
  if (e.mean - e.halfWidth > 0) return 'above';
  if (e.mean + e.halfWidth < 0) return 'below';
  return 'across';
}

/** "0.42 ± 0.05" (points when `percent`). */
export function formatEstimate(e: Estimate, percent = false): string {
  if (Number.isNaN(e.mean)) return '–';
  const scale = percent ? 100 : 1;
  const digits = percent ? 1 : 3;
  const mean = (e.mean * scale).toFixed(digits);
  return e.halfWidth === null ? mean : `${mean} ± ${(e.halfWidth * scale).toFixed(digits)}`;
}
