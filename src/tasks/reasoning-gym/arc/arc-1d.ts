// rg.arc.arc_1d: one-dimensional ARC puzzles. One of Reasoning-Gym's 70 rule variants (move, wrap,
// gravity, fill, reflect, recolour, sort, …) maps each input row to an output row; apply it to a test row.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { ConfigError, type Rng } from '../../../core/index.js';
import { VARIANTS, findSecondRule, type Variant } from './arc-1d-families.js';
import type { Row } from './arc-1d-rules.js';

/** The arc_1d section of docs/tasks.md: what is kept from the source and where r1ci departs from it. */
export const ARC_1D_NOTES: readonly string[] = [
  '## rg.arc.arc_1d: variants and the one-reading check',
  '',
  "All 70 variants of Reasoning-Gym's `ARC_1D_TASKS` table (31 generator families plus their mirrored and " +
    'inverted forms), drawn uniformly as the source does, with the same row sizes and input distributions. Each ' +
    "family's rule is written as a function of the input row alone (src/tasks/reasoning-gym/arc/arc-1d-rules.ts).",
  '',
  'Departs from the source on purpose: a puzzle whose examples also fit another of the 51 distinct family rules (or ' +
    'identity, or reversing the whole row) that maps the test row differently is redrawn, so every puzzle has one ' +
    'answer (the source can ask for a wrapped move whose examples never wrap); after 50 such draws the row size is ' +
    'drawn again. A palette draw with more than nine ' +
    'blocks is redrawn (the source loops forever on it).',
];

/** Draws from one variant until it gives a row its rule maps (the source retries without a limit). */
function drawPair(variant: Variant, rng: Rng, size: number): [Row, Row] {
  for (let tries = 0; tries < 10_000; tries++) {
    const input = variant.input(rng, size),
      output = input && variant.rule(input);
    if (input && output) return [input, output];
  }
  throw new ConfigError(
    `rg.arc.arc_1d: variant ${variant.name} drew no row of ${size} cells in 10,000 tries; raise min_size`,
  );
}

/** Puzzles drawn per variant and size before the size is drawn again (an ambiguous draw is rejected). */
const DRAWS_PER_SIZE = 50;

/** A puzzle of one variant whose examples admit no second reading (see findSecondRule). */
function drawPuzzle(variant: Variant, rng: Rng, options: { min_size: number; max_size: number; num_train: number }) {
  for (let attempt = 0; attempt < 20 * DRAWS_PER_SIZE; attempt++) {
    const size = rng.int(options.min_size, options.max_size);
    for (let draw = 0; draw < DRAWS_PER_SIZE; draw++) {
      const examples = Array.from({ length: options.num_train }, () => drawPair(variant, rng, size));
      const [test, answer] = drawPair(variant, rng, size);
      if (findSecondRule(examples, test, answer) === null) return { size, examples, test, answer };
    }
  }
  throw new ConfigError(`rg.arc.arc_1d: every ${variant.name} puzzle drawn had two readings; raise num_train`);
}

export const arc1d = defineTask({
  id: 'rg.arc.arc_1d',
  source: 'rg',
  category: 'arc',
  description:
    'Find the rule mapping 1D input rows to output rows from examples, and apply it to a test row ' +
    "(Reasoning-Gym's 70 variants; see the arc_1d notes below).",
  answerFormat: 'the output row: integers separated by spaces',
  options: {
    min_size: { kind: 'int', default: 10, min: 8, max: 100, description: 'shortest row' },
    max_size: { kind: 'int', default: 30, min: 8, max: 100, description: 'longest row' },
    num_train: { kind: 'int', default: 3, min: 1, max: 10, description: 'solved examples shown' },
  },
  ranges: [['min_size', 'max_size']],
  generate(options, rng) {
    // As the source: a variant uniformly from its table, then the examples and the test row.
    const variant = rng.pick(VARIANTS),
      { size, examples, test, answer } = drawPuzzle(variant, rng, options);
    const fmt = (r: Row): string => r.join(' ');
    let prompt = 'Find the common rule that maps an input grid to an output grid, given the examples below.\n\n';
    examples.forEach(([input, output], i) => {
      prompt += `Example ${i + 1}:\nInput:  ${fmt(input)}\nOutput: ${fmt(output)}\n\n`;
    });
    prompt +=
      'Below is a test input grid. Predict the corresponding output grid by applying the rule you found. ' +
      'Your final answer should be just the test output grid itself.\n\n' +
      `Input:\n${fmt(test)}\n\n` +
      'Give the output grid (numbers separated by spaces) within triple angle brackets, as <<<grid>>>.';
    return { prompt, answer: fmt(answer), metadata: { task_name: variant.name, size, examples, test_input: test } };
  },
  check(instance, answer) {
    const cells = answer
      .trim()
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter((c) => c.length > 0);
    if (cells.length === 0 || cells.length > 500 || cells.some((c) => !/^\d$/.test(c))) {
      return unparseable('expected digits separated by spaces');
    }
    return cells.join(' ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `examples = ${JSON.stringify(instance.metadata.examples)}
test = ${JSON.stringify(instance.metadata.test_input)}
def runs(r, same=True):
    out, i = [], 0
    while i < len(r):
        if r[i]:
            j = i
            while j + 1 < len(r) and r[j + 1] and (r[j + 1] == r[i] or not same): j += 1
            out.append((i, j, r[i])); i = j + 1
        else: i += 1
    return out
def segs(r): return runs(r, False)
def mir(f):
    def g(r):
        o = f(r[::-1])
        return None if o is None else o[::-1]
    return g
def shift(k): return lambda r: [r[i - k] if 0 <= i - k < len(r) else 0 for i in range(len(r))]
def rot(k): return lambda r: [r[(i - k) % len(r)] for i in range(len(r))]
def grav(r):
    nz = [v for v in r if v]
    return nz + [0] * (len(r) - len(nz))
def counting(r):
    c = sum(1 for v in r if v)
    return [1] * c + [0] * (len(r) - c)
def two_colours(f): return lambda r: f(r.count(2), r.count(1), len(r)) if set(r) <= {0, 1, 2} else None
anti = two_colours(lambda a, b, n: [2] * a + [0] * (n - a - b) + [1] * b)
weighted = two_colours(lambda a, b, n: [2] * a + [1] * b + [0] * (n - a - b))
def one_step(r):
    o = list(r)
    for i in range(1, len(o)):
        if o[i] and not o[i - 1]: o[i - 1], o[i] = o[i], 0
    return o
def dot_block(r, dc):
    rs = runs(r)
    d = [x for x in rs if x[2] == dc]; b = [x for x in rs if x[2] != dc]
    if len(d) != 1 or d[0][0] != d[0][1] or len(b) != 1: return None
    return d[0][0], b[0]
def draw(n, d, dc, c, s, length):
    o = [0] * n
    o[d] = dc
    for i in range(s, s + length): o[i] = c
    return o
def touch(dc, m):
    def f(r):
        x = dot_block(r, dc)
        if x is None: return None
        d, (s, e, c) = x
        move = min(d - e - 1, m) if e < d else -min(s - d - 1, m)
        return draw(len(r), d, dc, c, s + move, e - s + 1)
    return f
def scale(r):
    x = dot_block(r, 2)
    if x is None: return None
    d, (s, e, c) = x
    a, b = (s, d) if e < d else (d, e)
    return draw(len(r), d, 2, c, a, b - a + 1)
def around(r):
    x = dot_block(r, 2)
    if x is None: return None
    d, (s, e, c) = x
    if 2 * d - e < 0 or 2 * d - s >= len(r): return None
    return draw(len(r), d, 2, c, 2 * d - e, e - s + 1)
def fill(r):
    at = [i for i, v in enumerate(r) if v]
    if len(at) != 2 or r[at[0]] != r[at[1]]: return None
    return [r[at[0]] if at[0] <= i <= at[1] else 0 for i in range(len(r))]
def ends(r):
    rs = runs(r)
    if len(segs(r)) != 1 or len(rs) != 1 or rs[0][0] == rs[0][1]: return None
    return [v if i in rs[0][:2] else 0 for i, v in enumerate(r)]
def reverse_segment(r):
    sg = segs(r)
    if len(sg) != 1: return None
    s, e, _ = sg[0]
    return r[:s] + r[s:e + 1][::-1] + r[e + 1:]
def denoise(r):
    n = len(r)
    return [0 if v and (i == 0 or not r[i - 1]) and (i == n - 1 or not r[i + 1]) else v for i, v in enumerate(r)]
def repair(r):
    sg = segs(r)
    if len(sg) != 1: return None
    s, e, _ = sg[0]
    c = max(set(r[s:e + 1]), key=r[s:e + 1].count)
    if 2 * r[s:e + 1].count(c) <= e - s + 1: return None
    return r[:s] + [c] * (e - s + 1) + r[e + 1:]
def copy_to_dots(r):
    rs = runs(r)
    if len(rs) < 2: return None
    (s, e, _), h, o = rs[0], (rs[0][1] - rs[0][0]) // 2, list(r)
    if s != 0 or e < 2 or e % 2: return None
    for a, b, c in rs[1:]:
        if a != b or a - h <= e or a + h >= len(r): return None
        o[a - h:a + h + 1] = [c] * (2 * h + 1)
    return o
def paint(r):
    rs = runs(r)
    top = max(e - s for s, e, _ in rs) if rs else 0
    win = [x for x in rs if x[1] - x[0] == top]
    if len(rs) < 2 or len(win) != 1: return None
    return [1 if win[0][0] <= i <= win[0][1] else v for i, v in enumerate(r)]
def sort_blocks(r):
    rs = runs(r)
    if len(rs) < 2 or len({x[2] for x in rs}) != 1: return None
    o, at = [0] * len(r), 0
    for n in sorted(e - s + 1 for s, e, _ in rs):
        o[at:at + n] = [rs[0][2]] * n; at += n + 1
    return o
def by_size(r):
    rs = runs(r)
    if len(rs) != 2 or {x[2] for x in rs} != {3} or rs[0][1] - rs[0][0] == rs[1][1] - rs[1][0]: return None
    big = max(rs, key=lambda x: x[1] - x[0])
    return [0 if not v else 1 if big[0] <= i <= big[1] else 2 for i, v in enumerate(r)]
def own_size(r):
    rs = runs(r)
    return shift(rs[0][1] - rs[0][0] + 1)(r) if len(rs) == 1 else None
def palette(r):
    sg = segs(r)
    if not sg or sg[0][0] != 0: return None
    blocks = [x for x in runs(r) if x[0] > sg[0][1]]
    if len(blocks) != sg[0][1] + 1 or any(x[2] != 5 for x in blocks): return None
    o = list(r)
    for k, (s, e, _) in enumerate(blocks): o[s:e + 1] = [r[k]] * (e - s + 1)
    return o
def seeds(r):
    rs = runs(r)
    big = [x for x in rs if x[1] > x[0]]
    if len(big) != 1: return None
    s, e, _ = big[0]
    n, others, o = e - s + 1, [x for x in rs if x != big[0]], list(r)
    if not others or any(a != b or a not in (s - 2, e + 2) for a, b, _ in others): return None
    for a, _, c in others:
        step = -1 if a < s else 1
        while 0 <= a < len(r):
            for k in range(n):
                if 0 <= a + step * k < len(r): o[a + step * k] = c
            a += step * (n + 1)
    return o
def flood(r):
    sg = segs(r)
    if len(sg) != 1 or sg[0][1] - sg[0][0] < 2: return None
    s, e, _ = sg[0]
    b = r[s:e + 1]
    left, right = b[0] != b[1] and len(set(b[1:])) == 1, b[-1] != b[-2] and len(set(b[:-1])) == 1
    if left == right: return None
    return [r[s] if left and i < s else r[e] if right and i > e else v for i, v in enumerate(r)]
def marks(r):
    o = list(r)
    for s, e, _ in runs(r):
        if e - s == 1:
            if s > 0: o[s - 1] = 3
            if e + 1 < len(r): o[e + 1] = 3
    return o
def back_to_marker(r):
    o, prev = list(r), 0
    for i in range(1, len(r)):
        if r[i]: o[prev + 1:i] = [r[i]] * (i - prev - 1); prev = i
    return o
def collide(r):
    if r.count(5) != 1 or 5 not in (r[0], r[-1]): return None
    return back_to_marker(r) if r[0] == 5 else mir(back_to_marker)(r)
def pattern(r):
    sg = segs(r)
    if len(sg) != 1 or sg[0][0] != 0 or (sg[0][1] + 1) % 2: return None
    p = (sg[0][1] + 1) // 2
    return [r[i % p] for i in range(len(r))] if r[:p] == r[p:2 * p] else None
def halves(r):
    o = list(r)
    for s, e, _ in runs(r): o[s:s + (e - s + 1) // 2] = [8] * ((e - s + 1) // 2)
    return o
hyps = [shift(k) for k in (1, 2, 3, 4, -1, -2, -3, -4)] + [rot(k) for k in (1, 2, 3, 4, -1, -2, -3, -4)]
hyps += [f for g in (grav, counting, anti, one_step, weighted) for f in (g, mir(g))]
hyps += [touch(1, len(test))] + [touch(2, k) for k in (1, 2, 3, 4)] + [scale, denoise, repair, own_size, fill, ends]
hyps += [copy_to_dots, pattern, reverse_segment, around, paint, by_size, lambda r: [5 if v else 0 for v in r]]
hyps += [palette, halves, sort_blocks, seeds, flood, collide, marks, lambda r: list(r), lambda r: r[::-1]]
def fits(h):
    try:
        return all(h(list(i)) == o for i, o in examples)
    except Exception:
        return False
for h in hyps:
    if fits(h) and h(list(test)) is not None:
        print(' '.join(map(str, h(list(test)))))
        break
`;
  },
});
