// symbench.synthesis_decomposition: a farmer cycles through exchange methods in a fixed order until
// none applies (CodeSteer's synthesis_decomposition, complexity 1–5); the answer is the final stock.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { InvariantError } from '../../core/index.js';
import { parseCells } from '../kit/index.js';

/** The resources; A, B, C are crops, X and Y products. */
type Resource = 'A' | 'B' | 'C' | 'X' | 'Y';
type Stock = Partial<Record<Resource, number>>;
/** One exchange: what it consumes and what it yields. */
export type Method = { input: Stock; output: Stock };

type Regime = { crops: Resource[]; products: Resource[]; ranges: Stock[]; methods: Method[] };

/** CodeSteer's three regimes: complexity 1–2, 3–4 and 5. `ranges` give each crop's initial [min, max]. */
function regimeFor(complexity: number): Regime {
  if (complexity <= 2) {
    return {
      crops: ['A', 'B'], products: ['X'], ranges: [{ A: 3, B: 2 }, { A: 6, B: 4 }],
      methods: [{ input: { A: 1, B: 1 }, output: { X: 1 } }, { input: { A: 3 }, output: { X: 2 } }],
    };
  }
  if (complexity <= 4) {
    return {
      crops: ['A', 'B', 'C'], products: ['X'], ranges: [{ A: 4, B: 3, C: 2 }, { A: 8, B: 6, C: 5 }],
      methods: [
        { input: { A: 1, B: 1, C: 1 }, output: { X: 1 } },
        { input: { A: 1, B: 1 }, output: { C: 2 } },
        { input: { C: 2 }, output: { X: 1 } },
      ],
    };
  }
  return {
    crops: ['A', 'B', 'C'], products: ['X', 'Y'], ranges: [{ A: 5, B: 2, C: 4 }, { A: 8, B: 4, C: 7 }],
    methods: [
      { input: { A: 2, B: 1, C: 1 }, output: { X: 3 } },
      { input: { A: 1, B: 1 }, output: { C: 2 } },
      { input: { C: 2, X: 1 }, output: { Y: 1 } },
      { input: { A: 1, X: 2 }, output: { Y: 1 } },
    ],
  };
}

/**
 * Tries the methods in cyclic order, one attempt per turn, until none can run; returns the final
 * stock. No method can run exactly when a whole lap of attempts changed nothing.
 */
export function runCycle(initial: Stock, methods: readonly Method[]): Stock {
  const stock: Stock = { ...initial };
  const table = methods.map((m) => ({ need: Object.entries(m.input) as [Resource, number][], give: Object.entries(m.output) as [Resource, number][] }));
  for (let turn = 0, idle = 0; idle < table.length; turn++) {
    if (turn > 100_000) throw new InvariantError('synthesis_decomposition: the exchange cycle does not end (a bug in the method table)');
    const { need, give } = table[turn % table.length];
    if (!need.every(([resource, amount]) => (stock[resource] ?? 0) >= amount)) { idle++; continue; }
    for (const [resource, amount] of need) stock[resource] = (stock[resource] ?? 0) - amount;
    for (const [resource, amount] of give) stock[resource] = (stock[resource] ?? 0) + amount;
    idle = 0;
  }
  return stock;
}

const kindOf = (resource: string): string => (resource === 'X' || resource === 'Y' ? 'product' : 'crop');
const units = (amount: number, resource: string): string => `${amount} unit${amount === 1 ? '' : 's'} of ${kindOf(resource)} ${resource}`;
const describeStock = (stock: Stock): string => Object.entries(stock).map(([r, a]) => units(a ?? 0, r)).join(' and ');
const joinNames = (names: readonly string[]): string => (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`);

function renderPrompt(regime: Regime, methods: readonly Method[], initial: Stock, example: number[]): string {
  const { crops, products } = regime;
  const fields = [...crops.map((c) => `remaining_${c}`), ...products.map((p) => `obtained_${p}`)];
  const methodLines = methods.map((m, i) => (`Method ${i + 1}: ${describeStock(m.input)} can be exchanged for ${describeStock(m.output)}, and this ` + `can be done only once per cycle.`));
  return [
    (`Xiao Li is a farm owner who grows ${joinNames(crops)}. He can exchange these crops for agricultural ` + `product${products.length > 1 ? 's' : ''} ${joinNames(products)}. He has found the following methods to ` + `increase the farm's yield:`),
    '',
    methodLines.join('\n\n'),
    '',
    (`Xiao Li cycles through these methods in the given order, attempting one method at a time; a method whose ` + `inputs are not available is skipped. After Method ${methods.length}, he starts again from Method 1. He ` + `continues the cycle until no method can be executed.`),
    '',
    `Initially there are ${crops.map((c) => units(initial[c] ?? 0, c)).join(', ')}.`,
    '',
    (`First reason step by step, showing the stock after each exchange. Then give your final answer within ` + `triple angle brackets as a list [${fields.join(', ')}]. For example, ` + `if ${fields.map((f, i) => `${f} were ${example[i]}`).join(', ')}, you would write ` + `<<<[${example.join(', ')}]>>>.`),
  ].join('\n');
}

/** The answer fields for a regime: the crops, then the products. */
const answerOf = (regime: Regime, stock: Stock): number[] => [...regime.crops, ...regime.products].map((r) => stock[r] ?? 0);

export const synthesisDecomposition = defineTask({
  id: 'symbench.synthesis_decomposition',
  source: 'symbench',
  description: 'Simulate cyclic crop-to-product exchanges until none applies and report the final stock.',
  answerFormat: 'a list of integers [remaining crops…, obtained products…]',
  options: {
    min_complexity: { kind: 'int', default: 1, min: 1, max: 5, description: 'lowest complexity (1–2: crops A, B → X; 3–4: A, B, C → X; 5: A, B, C → X, Y)' },
    max_complexity: { kind: 'int', default: 5, min: 1, max: 5, description: 'highest complexity' },
    shuffle_methods: { kind: 'bool', default: true, description: 'list the methods in a random order (the cycle follows the listed order)' },
  },
  ranges: [['min_complexity', 'max_complexity']],
  generate(options, rng) {
    const complexity = rng.int(options.min_complexity, options.max_complexity);
    const regime = regimeFor(complexity);
    const methods = options.shuffle_methods ? rng.shuffle(regime.methods) : regime.methods;
    const initial: Stock = {};
    for (const crop of regime.crops) initial[crop] = rng.int(regime.ranges[0][crop] ?? 0, regime.ranges[1][crop] ?? 0);
    const answer = answerOf(regime, runCycle(initial, methods));
    const examples = [[1, 0, 2, 3, 1], [2, 1, 0, 4, 2]].map((e) => [...e.slice(0, regime.crops.length), ...e.slice(3, 3 + regime.products.length)]);
    const example = examples.find((e) => e.join() !== answer.join()) ?? examples[1];
    return {
      prompt: renderPrompt(regime, methods, initial, example),
      answer: `[${answer.join(', ')}]`,
      metadata: { complexity, initial, methods: methods.map((m) => ({ input: { ...m.input }, output: { ...m.output } })), fields: [...regime.crops, ...regime.products] },
    };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    const expected = instance.answer.slice(1, -1).split(', ');
    if (!cells || cells.length === 0 || !cells.every((c) => /^[+-]?\d{1,12}$/.test(c))) return unparseable('expected a list of integers such as [1, 0, 3]');
    if (cells.length !== expected.length) return wrong((`expected ${expected.length} numbers (${(instance.metadata.fields as string[]).join(', ')}), ` + `got ${cells.length}`));
    return cells.every((c, i) => Number(c) === Number(expected[i])) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return [
      `stock = ${JSON.stringify(instance.metadata.initial)}`,
      `methods = ${JSON.stringify(instance.metadata.methods)}`,
      `fields = ${JSON.stringify(instance.metadata.fields)}`,
      'def can(m):',
      '    return all(stock.get(k, 0) >= v for k, v in m["input"].items())',
      'i = 0',
      'while any(can(m) for m in methods):',
      '    m = methods[i % len(methods)]',
      '    if can(m):',
      '        for k, v in m["input"].items(): stock[k] = stock.get(k, 0) - v',
      '        for k, v in m["output"].items(): stock[k] = stock.get(k, 0) + v',
      '    i += 1',
      'print("[" + ", ".join(str(stock.get(f, 0)) for f in fields) + "]")',
    ].join('\n');
  },
});
