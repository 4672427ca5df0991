// rg.arc.arc_1d: one-dimensional ARC puzzles. A hidden rule (shift, gravity, mirror, fill, denoise,
// recolour, …) maps each input row to an output row; apply it to a test row. Exact answer.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { ConfigError, type Rng } from '../../../core/index.js';

type Row = number[];
/** A rule instance: parameters fixed per puzzle; `input` may return null to ask for another draw. */
type Rule = { name: string; input(size: number): Row | null; apply(row: Row): Row };

const blocks = (row: Row): { start: number; end: number; color: number }[] => {
  const out: { start: number; end: number; color: number }[] = [];
  for (let i = 0; i < row.length; i++) if (row[i] && (i === 0 || row[i - 1] !== row[i])) { let j = i; while (j + 1 < row.length && row[j + 1] === row[i]) j++; out.push({ start: i, end: j, color: row[i] }); }
  return out;
};

function singleBlock(rng: Rng, size: number, color: number, margin: number): Row | null {
  const length = rng.int(1, Math.max(1, Math.floor(size / 2) - margin));
  if (length + 2 * margin > size) return null;
  const start = rng.int(margin, size - margin - length);
  return Array.from({ length: size }, (_, i) => (i >= start && i < start + length ? color : 0));
}

/** Builds one of the rule families with its per-puzzle parameters. */
function makeRule(rng: Rng, family: number): Rule {
  const color = rng.int(1, 9), other = ((color + rng.int(0, 7)) % 9) + 1;
  switch (family) {
    case 0: { const k = rng.int(1, 3), dir = rng.pick([-1, 1]);
      return { name: `move the block ${k} cell(s) ${dir > 0 ? 'right' : 'left'}`, input: (n) => singleBlock(rng, n, rng.int(1, 9), k), apply: (r) => r.map((_, i) => r[i - dir * k] ?? 0) }; }
    case 1: { const k = rng.int(1, 4);
      return { name: `rotate right by ${k}`, input: (n) => Array.from({ length: n }, () => (rng.bool(0.3) ? rng.int(1, 9) : 0)), apply: (r) => r.map((_, i) => r[(i - k + r.length) % r.length]) }; }
    case 2: { const right = rng.bool();
      return { name: `gravity ${right ? 'right' : 'left'}`, input: (n) => Array.from({ length: n }, () => (rng.bool(0.35) ? rng.int(1, 9) : 0)), apply: (r) => { const nz = r.filter(Boolean), z = new Array(r.length - nz.length).fill(0); return right ? [...z, ...nz] : [...nz, ...z]; } }; }
    case 3: return { name: 'mirror', input: (n) => Array.from({ length: n }, () => (rng.bool(0.4) ? rng.int(1, 9) : 0)), apply: (r) => r.slice().reverse() };
    case 4: return { name: 'fill between the two points', input: (n) => { const [a, b] = rng.sample(Array.from({ length: n }, (_, i) => i), 2).sort((x, y) => x - y); if (b - a < 2) return null; const c = rng.int(1, 9); return Array.from({ length: n }, (_, i) => (i === a || i === b ? c : 0)); },
      apply: (r) => { const nz = r.flatMap((v, i) => (v ? [i] : [])); return r.map((_, i) => (i >= nz[0] && i <= nz[1] ? r[nz[0]] : 0)); } };
    case 5: return { name: `recolour ${color} to ${other}`, input: (n) => Array.from({ length: n }, () => (rng.bool(0.4) ? color : 0)), apply: (r) => r.map((v) => (v === color ? other : v)) };
    case 6: return { name: 'remove noise, keep the long block', input: (n) => { const r = singleBlock(rng, n, color, 1); if (!r || r.filter(Boolean).length < 3) return null; for (let k = rng.int(1, 3); k > 0; k--) { const i = rng.int(0, n - 1); if (!r[i] && !r[i - 1] && !r[i + 1]) r[i] = color; } return r; },
      apply: (r) => { const big = blocks(r).reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)); return r.map((v, i) => (i >= big.start && i <= big.end ? v : 0)); } };
    case 7: return { name: 'slide the block until it touches the dot', input: (n) => { const r = singleBlock(rng, n, color, 0); if (!r || r.filter(Boolean).length < 2) return null; const free = r.flatMap((v, i) => (!v && !r[i - 1] && !r[i + 1] ? [i] : [])); if (!free.length) return null; r[rng.pick(free)] = other; return r; },
      apply: (r) => { const b = blocks(r), [blk, dot] = b[0].end > b[0].start ? [b[0], b[1]] : [b[1], b[0]]; const len = blk.end - blk.start + 1, start = dot.start > blk.end ? dot.start - len : dot.start + 1; return r.map((v, i) => (i === dot.start ? v : i >= start && i < start + len ? blk.color : 0)); } };
    case 8: return { name: 'paint the longest block', input: (n) => { const r = new Array(n).fill(0); for (let i = rng.int(0, 2); i < n; i += rng.int(2, 5)) { const len = rng.int(1, 5); for (let k = 0; k < len && i + k < n; k++) r[i + k] = color; i += len; } const lens = blocks(r).map((b) => b.end - b.start); return lens.length > 1 && lens.filter((l) => l === Math.max(...lens)).length === 1 ? r : null; },
      apply: (r) => { const big = blocks(r).reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)); return r.map((v, i) => (i >= big.start && i <= big.end ? (color === 1 ? 2 : 1) : v)); } };
    case 9: return { name: 'change every colour to 5', input: (n) => Array.from({ length: n }, () => (rng.bool(0.4) ? rng.int(1, 9) : 0)), apply: (r) => r.map((v) => (v ? 5 : 0)) };
    case 10: return { name: 'repeat the pattern', input: (n) => { const p = Array.from({ length: rng.int(2, 4) }, () => rng.int(1, 9)); const reps = rng.int(1, 2); if (p.length * (reps + 1) > n) return null; return Array.from({ length: n }, (_, i) => (i < p.length * reps ? p[i % p.length] : 0)); },
      apply: (r) => { const filled = r.findIndex((v) => !v); const body = r.slice(0, filled); let period = 1; while (!body.every((v, i) => v === body[i % period])) period++; return r.map((_, i) => body[i % period]); } };
    default: return { name: 'swap background and colour', input: (n) => Array.from({ length: n }, () => (rng.bool(0.5) ? color : 0)), apply: (r) => r.map((v) => (v ? 0 : color)) };
  }
}

export const arc1d = defineTask({
  id: 'rg.arc.arc_1d',
  source: 'rg',
  category: 'arc',
  description: 'Find the rule mapping 1D input rows to output rows from examples, and apply it to a test row.',
  answerFormat: 'the output row: integers separated by spaces',
  options: {
    min_size: { kind: 'int', default: 10, min: 8, max: 100, description: 'shortest row' },
    max_size: { kind: 'int', default: 30, min: 8, max: 100, description: 'longest row' },
    num_train: { kind: 'int', default: 3, min: 1, max: 10, description: 'solved examples shown' },
  },
  validateOptions: (o) => (o.min_size > o.max_size ? [{ path: 'min_size', message: 'min_size > max_size', fix: 'make min_size ≤ max_size' }] : []),
  generate(options, rng) {
    const family = rng.int(0, 11), rule = makeRule(rng, family), size = rng.int(options.min_size, options.max_size);
    const draw = (): Row => {
      for (let tries = 0; tries < 10_000; tries++) { const row = rule.input(size); if (row && row.some(Boolean) && (family === 10 || rule.apply(row).join() !== row.join())) return row; }
      throw new ConfigError(`rg.arc.arc_1d: rows of ${size} cells are too short for rule '${rule.name}'; raise min_size`);
    };
    const train = Array.from({ length: options.num_train }, draw), test = draw();
    const fmt = (r: Row): string => r.join(' ');
    let prompt = 'Find the common rule that maps an input grid to an output grid, given the examples below.\n\n';
    train.forEach((row, i) => { prompt += `Example ${i + 1}:\nInput:  ${fmt(row)}\nOutput: ${fmt(rule.apply(row))}\n\n`; });
    prompt += 'Below is a test input grid. Predict the corresponding output grid by applying the rule you found. ' +
      'Your final answer should be just the test output grid itself.\n\n' +
      `Input:\n${fmt(test)}\n\nGive the output grid (numbers separated by spaces) within triple angle brackets, as <<<grid>>>.`;
    return { prompt, answer: fmt(rule.apply(test)), metadata: { rule: rule.name, size, examples: train.map((row) => [row, rule.apply(row)]), test_input: test } };
  },
  check(instance, answer) {
    const cells = answer.trim().replace(/^\[|\]$/g, '').split(/[\s,]+/).filter((c) => c.length > 0);
    if (cells.length === 0 || cells.length > 500 || cells.some((c) => !/^\d$/.test(c))) return unparseable('expected digits separated by spaces');
    return cells.join(' ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `examples = ${JSON.stringify(instance.metadata.examples)}
test = ${JSON.stringify(instance.metadata.test_input)}
def blocks(r):
    out, i = [], 0
    while i < len(r):
        if r[i]:
            j = i
            while j + 1 < len(r) and r[j + 1] == r[i]: j += 1
            out.append((i, j, r[i])); i = j + 1
        else: i += 1
    return out
def shift(k): return lambda r: [r[i - k] if 0 <= i - k < len(r) else 0 for i in range(len(r))]
def rotate(k): return lambda r: [r[(i - k) % len(r)] for i in range(len(r))]
def fill(r):
    a, b = [i for i, v in enumerate(r) if v]
    return [r[a] if a <= i <= b else 0 for i in range(len(r))]
def keep_longest(r):
    s, e, _ = max(blocks(r), key=lambda b: b[1] - b[0])
    return [v if s <= i <= e else 0 for i, v in enumerate(r)]
def touch(r):
    bl = blocks(r)
    blk, dot = (bl[0], bl[1]) if bl[0][1] > bl[0][0] else (bl[1], bl[0])
    n = blk[1] - blk[0] + 1
    start = dot[0] - n if dot[0] > blk[1] else dot[0] + 1
    return [r[i] if i == dot[0] else blk[2] if start <= i < start + n else 0 for i in range(len(r))]
def paint(c):
    def f(r):
        s, e, _ = max(blocks(r), key=lambda b: b[1] - b[0])
        return [c if s <= i <= e else v for i, v in enumerate(r)]
    return f
def repeat(r):
    body = r[:r.index(0)] if 0 in r else r
    p = next(p for p in range(1, len(body) + 1) if all(body[i] == body[i % p] for i in range(len(body))))
    return [body[i % p] for i in range(len(r))]
hyps = [shift(k) for k in (1, 2, 3, -1, -2, -3)] + [rotate(k) for k in (1, 2, 3, 4)]
hyps += [lambda r: [0] * r.count(0) + [v for v in r if v], lambda r: [v for v in r if v] + [0] * r.count(0), lambda r: r[::-1], fill]
hyps += [(lambda a, b: lambda r: [b if v == a else v for v in r])(a, b) for a in range(1, 10) for b in range(1, 10) if a != b]
hyps += [keep_longest, touch, paint(1), paint(2), lambda r: [5 if v else 0 for v in r], repeat]
hyps += [(lambda c: lambda r: [0 if v else c for v in r])(c) for c in range(1, 10)]
def fits(h):
    try:
        return all(h(list(i)) == o for i, o in examples)
    except Exception:
        return False
h = next(h for h in hyps if fits(h))
print(' '.join(map(str, h(list(test)))))
`;
  },
});
