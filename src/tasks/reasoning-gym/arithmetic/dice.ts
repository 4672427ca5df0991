// rg.arithmetic.dice: the probability that a roll of mixed dice reaches a target total, as a reduced
// fraction (Reasoning-Gym `dice`).
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { bigGcd } from '../../kit/index.js';

/** Ways to roll each total with `dice` (index = total), exact as bigints. */
function countTotals(dice: readonly number[]): bigint[] {
  const outcomes = dice.reduce((acc, sides) => acc * sides, 1);
  if (outcomes < 2 ** 53) {
    let ways = [1];
    for (const sides of dice) {
      const next = new Array<number>(ways.length + sides).fill(0);
      for (let total = 0; total < ways.length; total++)
        if (ways[total]) for (let face = 1; face <= sides; face++) next[total + face] += ways[total];
      ways = next;
    }
    return ways.map((w) => BigInt(w));
  }
  let ways = [1n];
  for (const sides of dice) {
    const next = new Array<bigint>(ways.length + sides).fill(0n);
    for (let total = 0; total < ways.length; total++)
      if (ways[total]) for (let face = 1; face <= sides; face++) next[total + face] += ways[total];
    ways = next;
  }
  return ways;
}

export const dice = defineTask({
  id: 'rg.arithmetic.dice',
  source: 'rg',
  category: 'arithmetic',
  description: 'Probability of rolling at least a target total with several dice, as a reduced fraction.',
  answerFormat: 'a reduced fraction (e.g. 1/60)',
  options: {
    num_dice: { kind: 'int', default: 4, min: 1, max: 12, description: 'how many dice are rolled' },
    max_dice_size: {
      kind: 'int',
      default: 20,
      min: 2,
      max: 100,
      description: 'sides of the largest die (the others have fewer)',
    },
  },
  generate(options, rng) {
    const sizes = [options.max_dice_size];
    for (let i = 1; i < options.num_dice; i++)
      sizes.push(options.max_dice_size > 2 ? rng.int(2, options.max_dice_size - 1) : 2);
    sizes.sort((a, b) => b - a);
    const minTotal = options.num_dice,
      maxTotal = sizes.reduce((a, b) => a + b, 0);
    const target = rng.int(
      minTotal + Math.floor((maxTotal - minTotal) / 3),
      minTotal + Math.floor((2 * (maxTotal - minTotal)) / 3),
    );
    const ways = countTotals(sizes);
    let favourable = 0n,
      total = 0n;
    ways.forEach((w, sum) => {
      total += w;
      if (sum >= target) favourable += w;
    });
    const g = bigGcd(favourable, total);
    const answer = `${favourable / g}/${total / g}`;
    const prompt =
      `I have these dice: ${sizes.map((s) => `1d${s}`).join(', ')}. What are the odds of rolling ${target} or ` +
      `higher? ` +
      "(Assume that all dice are rolled at once, and that '1d6' represents one roll of a 6-sided dice.) " +
      'Please respond with a reduced fraction representing the probability.\n' +
      'Return your final answer within triple angle brackets, as <<<numerator/denominator>>>.';
    return { prompt, answer, metadata: { dice: sizes, target } };
  },
  check(instance, answer) {
    const match = /^\s*\$?\s*(\d{1,60})\s*(?:\/\s*(\d{1,60}))?\s*\$?\s*$/.exec(answer);
    if (!match) return unparseable('expected a fraction such as 1/60');
    const [goldNum, goldDen] = instance.answer.split('/');
    const den = match[2] ?? '1';
    if (BigInt(match[1]) * BigInt(goldDen) !== BigInt(goldNum) * BigInt(den)) return wrong();
    // The question asks for the reduced fraction: an equal but unreduced one is not the answer.
    return BigInt(match[1]) === BigInt(goldNum) && BigInt(den) === BigInt(goldDen)
      ? CORRECT
      : wrong('the fraction is not reduced');
  },
  referenceSolution: (instance) =>
    `from fractions import Fraction\nfrom itertools import product\ndice ` +
    `= ${JSON.stringify(instance.metadata.dice)}\nways = {0: 1}\nfor s in dice:\n    nxt = {}\n    for t, w in ` +
    `ways.items():\n        for f in range(1, s + 1):\n            nxt[t + f] = nxt.get(t + f, 0) + w\n    ways ` +
    `= nxt\ntotal = sum(ways.values())\nfav = sum(w for t, w in ways.items() if t ` +
    `>= ${instance.metadata.target as number})\nf = Fraction(fav, ` +
    `total)\nprint(f"{f.numerator}/{f.denominator}")\n`,
});
