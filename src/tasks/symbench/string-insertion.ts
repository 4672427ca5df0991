// symbench.string_insertion: one left-to-right pass of the T operation over an A–E string (CodeSteer's
// string_insertion: each 4-letter trigger such as ABCD inserts a letter after it). Exact string answer.
import { defineTask } from '../define-task.js';
import { CORRECT, normalizeText, unparseable, wrong } from '../answer.js';

/** The trigger substrings and the letter each inserts after itself. */
export const INSERTION_RULES: readonly (readonly [string, string])[] = [
  ['ABCD', 'A'],
  ['BCDE', 'B'],
  ['CDEA', 'C'],
  ['DEAB', 'D'],
  ['EABC', 'E'],
];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

/** Applies T: every trigger found in the original string gets its letter inserted right after it. */
export function applyInsertion(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += text[i];
    if (i >= 3) {
      const window = text.slice(i - 3, i + 1);
      const rule = INSERTION_RULES.find(([trigger]) => trigger === window);
      if (rule) out += rule[1];
    }
  }
  return out;
}

function countTriggers(text: string): number {
  let count = 0;
  for (let i = 0; i + 4 <= text.length; i++) if (INSERTION_RULES.some(([t]) => text.startsWith(t, i))) count++;
  return count;
}

export const stringInsertion = defineTask({
  id: 'symbench.string_insertion',
  source: 'symbench',
  description: 'Apply one left-to-right pass of substring-triggered insertions to a string over A–E.',
  answerFormat: 'a string of letters A–E',
  options: {
    num_insertions: {
      kind: 'int',
      default: 3,
      min: 1,
      max: 8,
      description: 'how many trigger substrings the string contains',
    },
    max_padding: {
      kind: 'int',
      default: 2,
      min: 0,
      max: 10,
      description: 'most random letters added before and after the triggers',
    },
  },
  generate(options, rng) {
    for (;;) {
      const rules = Array.from({ length: options.num_insertions }, () => rng.pick(INSERTION_RULES));
      let body = rules[0][0];
      for (const [trigger] of rules.slice(1)) body += rng.pick(LETTERS) + trigger;
      const pad = (): string =>
        Array.from({ length: rng.int(0, options.max_padding) }, () => rng.pick(LETTERS)).join('');
      const original = pad() + body + pad();
      if (countTriggers(original) !== options.num_insertions) continue;
      const answer = applyInsertion(original);
      const prompt = [
        'Given the string consisting of characters A, B, C, D, and E, define the T operation as follows:',
        '',
        ...INSERTION_RULES.map(
          ([t, c], i) =>
            `${i + 1}. If there is a substring ${t} in the string, insert the character ${c} after that substring.`,
        ),
        '',
        `Question: Given the string ${original}, what will the string be after one operation T? String ` +
          `insertion from left to right: every substring present in the given string triggers its insertion once.`,
        'Return the answer with the format <<<a string>>>.',
      ].join('\n');
      return { prompt, answer, metadata: { original } };
    }
  },
  check(instance, answer) {
    const text = normalizeText(answer);
    if (!/^[A-E]+$/.test(text)) return unparseable('expected a string of the letters A–E');
    return text === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return [
      `s = ${JSON.stringify(instance.metadata.original)}`,
      "rules = {'ABCD': 'A', 'BCDE': 'B', 'CDEA': 'C', 'DEAB': 'D', 'EABC': 'E'}",
      'inserts = [(i + 4, rules[s[i:i + 4]]) for i in range(len(s) - 3) if s[i:i + 4] in rules]',
      'out = s',
      'for k, (pos, ch) in enumerate(inserts):',
      '    out = out[:pos + k] + ch + out[pos + k:]',
      'print(out)',
    ].join('\n');
  },
});
