// rg.logic.circuit_logic: a two-level logic circuit (AND/NAND/XOR terms over possibly negated
// inputs, combined by an OR/NOR/XOR/AND output gate) given as a netlist; answer the output bit.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

type Term = { op: 'AND' | 'NAND' | 'XOR'; inputs: { name: string; negated: boolean }[] };

const inputName = (i: number): string => {
  let s = '';
  for (let k = i + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

function combine(op: string, values: number[]): number {
  const ones = values.filter((v) => v === 1).length;
  switch (op) {
    case 'AND':
      return ones === values.length ? 1 : 0;
    case 'NAND':
      return ones === values.length ? 0 : 1;
    case 'OR':
      return ones > 0 ? 1 : 0;
    case 'NOR':
      return ones > 0 ? 0 : 1;
    default:
      return ones % 2;
  }
}

export const circuitLogic = defineTask({
  id: 'rg.logic.circuit_logic',
  source: 'rg',
  category: 'logic',
  description: 'Evaluate the output of a two-level logic circuit for given input bits.',
  answerFormat: '0 or 1',
  options: {
    min_terms: { kind: 'int', default: 3, min: 1, max: 20, description: 'fewest first-level gates' },
    max_terms: { kind: 'int', default: 5, min: 1, max: 20, description: 'most first-level gates' },
    min_inputs: { kind: 'int', default: 2, min: 1, max: 10, description: 'fewest inputs per first-level gate' },
    max_inputs: { kind: 'int', default: 4, min: 1, max: 10, description: 'most inputs per first-level gate' },
    neg_prob: { kind: 'float', default: 0.3, min: 0, max: 1, description: 'probability that a gate input is negated' },
    allow_reuse: { kind: 'bool', default: true, description: 'let several gates read the same input' },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_inputs', 'max_inputs'],
  ],
  generate(options, rng) {
    const names: string[] = [];
    const nextInput = (): string => {
      if (options.allow_reuse && names.length && rng.bool()) return rng.pick(names);
      names.push(inputName(names.length));
      return names[names.length - 1];
    };
    const final = rng.pick(['OR', 'NOR', 'XOR', 'AND']);
    const terms: Term[] = Array.from({ length: rng.int(options.min_terms, options.max_terms) }, () => ({
      op: rng.pick(['AND', 'NAND', 'XOR'] as const),
      inputs: Array.from({ length: rng.int(options.min_inputs, options.max_inputs) }, () => ({
        name: nextInput(),
        negated: rng.next() < options.neg_prob,
      })),
    }));
    const inputs = [...names].sort((a, b) => a.length - b.length || a.localeCompare(b));
    const values: Record<string, number> = Object.fromEntries(inputs.map((name) => [name, rng.int(0, 1)]));
    const termValues = terms.map((t) =>
      combine(
        t.op,
        t.inputs.map((i) => (i.negated ? 1 - values[i.name] : values[i.name])),
      ),
    );
    const output = combine(final, termValues);
    const lines = [
      'Below is a randomly generated logic circuit, given gate by gate.',
      '',
      ...terms.map(
        (t, i) => `gate${i + 1} = ${t.op}(${t.inputs.map((x) => (x.negated ? `NOT ${x.name}` : x.name)).join(', ')})`,
      ),
      `OUT = ${final}(${terms.map((_, i) => `gate${i + 1}`).join(', ')})`,
      '',
      'NOT negates one input; AND is 1 when all its inputs are 1; NAND is the negation of AND; OR is 1 when any ' +
        'input is 1; NOR is the negation of OR; XOR is 1 when an odd number of its inputs are 1.',
      '',
      'Given the following input assignments:',
      ...inputs.map((name) => `  ${name} = ${values[name]}`),
      '',
      'What is the final output?',
      'Give the output bit (0 or 1) within triple angle brackets, as <<<bit>>>.',
    ];
    return {
      prompt: lines.join('\n'),
      answer: String(output),
      metadata: { terms, final_gate: final, assignments: values },
    };
  },
  check(instance, answer) {
    const t = answer.trim();
    if (t !== '0' && t !== '1') return unparseable('expected 0 or 1');
    return t === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `terms = ${JSON.stringify(instance.metadata.terms).replace(/true/g, 'True').replace(/false/g, 'False')}
final = ${JSON.stringify(instance.metadata.final_gate)}
values = ${JSON.stringify(instance.metadata.assignments)}
def gate(op, bits):
    if op == 'AND': return int(all(bits))
    if op == 'NAND': return int(not all(bits))
    if op == 'OR': return int(any(bits))
    if op == 'NOR': return int(not any(bits))
    return sum(bits) % 2
g = [gate(t['op'], [1 - values[x['name']] if x['negated'] else values[x['name']] for x in t['inputs']]) for t in terms]
print(gate(final, g))
`;
  },
});
