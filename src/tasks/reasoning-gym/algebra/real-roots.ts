// Distinct real roots of an integer polynomial: exact square-free reduction over the rationals, then
// bisection between the real critical points (found the same way, recursively).
import { Rational } from '../../kit/index.js';

/** Dense coefficients, index = power. */
type Dense = Rational[];

const trim = (p: Dense): Dense => {
  const q = p.slice();
  while (q.length > 0 && q[q.length - 1].isZero()) q.pop();
  return q;
};
const differentiate = (p: Dense): Dense => trim(p.slice(1).map((c, i) => c.mul(Rational.of(i + 1))));

function remainder(a: Dense, b: Dense): Dense {
  let r = trim(a);
  const lead = b[b.length - 1];
  while (r.length >= b.length && r.length > 0) {
    const factor = r[r.length - 1].div(lead),
      shift = r.length - b.length;
    r = trim(r.map((c, i) => (i >= shift && i - shift < b.length ? c.sub(factor.mul(b[i - shift])) : c)));
  }
  return r;
}

function quotient(a: Dense, b: Dense): Dense {
  let r = trim(a);
  const out: Dense = new Array(Math.max(1, r.length - b.length + 1)).fill(Rational.of(0));
  const lead = b[b.length - 1];
  while (r.length >= b.length && r.length > 0) {
    const factor = r[r.length - 1].div(lead),
      shift = r.length - b.length;
    out[shift] = factor;
    r = trim(r.map((c, i) => (i >= shift && i - shift < b.length ? c.sub(factor.mul(b[i - shift])) : c)));
  }
  return out;
}

function squareFree(p: Dense): Dense {
  let a = p,
    b = differentiate(p);
  if (b.length === 0) return p;
  while (b.length > 0) [a, b] = [b, remainder(a, b)];
  return a.length <= 1 ? p : trim(quotient(p, a));
}

const evaluate = (p: readonly number[], x: number): number => p.reduceRight((acc, c) => acc * x + c, 0);

function rootsOf(p: Dense): number[] {
  const q = squareFree(trim(p));
  if (q.length <= 1) return [];
  const f = q.map((c) => c.toNumber());
  if (q.length === 2) return [-f[0] / f[1]];
  const lead = Math.abs(f[f.length - 1]);
  const bound = 1 + Math.max(...f.slice(0, -1).map((c) => Math.abs(c) / lead));
  const points = [-bound, ...rootsOf(differentiate(q)).filter((x) => Math.abs(x) < bound), bound];
  const roots: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    let lo = points[i],
      hi = points[i + 1];
    let flo = evaluate(f, lo);
    const fhi = evaluate(f, hi);
    if (flo === 0) {
      roots.push(lo);
      continue;
    }
    if (Math.sign(flo) === Math.sign(fhi)) continue;
    for (let step = 0; step < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); step++) {
      const mid = (lo + hi) / 2,
        fm = evaluate(f, mid);
      if (fm === 0) {
        lo = hi = mid;
        break;
      }
      if (Math.sign(fm) === Math.sign(flo)) {
        lo = mid;
        flo = fm;
      } else hi = mid;
    }
    roots.push((lo + hi) / 2);
  }
  return roots;
}

/** The distinct real roots of the polynomial with integer `coefficients` (index = power), ascending. */
export function distinctRealRoots(coefficients: readonly number[]): number[] {
  const roots = rootsOf(coefficients.map((c) => Rational.of(c))).sort((a, b) => a - b);
  return roots.filter((x, i) => i === 0 || Math.abs(x - roots[i - 1]) > 1e-9);
}
