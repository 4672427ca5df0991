// symbench.string_deletion_and_modification: rewrite an a/b/c string with a random subset of CodeSteer's
// 20 rules, always applying the first rule (in list order) that applies, until none does.
import { defineTask } from '../define-task.js';
import { CORRECT, normalizeText, unparseable, wrong } from '../answer.js';

type Rule = { text: string; apply(s: string): string | null };

/** The rule pool; `apply` returns the rewritten string, or null when the rule does not apply. */
export const DELETION_RULES: readonly Rule[] = [
  {
    text: "If the string prefix is 'ab', replace it with 'ca'.",
    apply: (s) => (s.startsWith('ab') ? 'ca' + s.slice(2) : null),
  },
  {
    text: "If the string suffix is 'ac', replace it with 'cb'.",
    apply: (s) => (s.endsWith('ac') ? s.slice(0, -2) + 'cb' : null),
  },
  {
    text: "If the string prefix is 'bc', delete the first two characters and append 'aa' to the end.",
    apply: (s) => (s.startsWith('bc') ? s.slice(2) + 'aa' : null),
  },
  {
    text: "If the string suffix is 'bb', delete the last two characters.",
    apply: (s) => (s.endsWith('bb') ? s.slice(0, -2) : null),
  },
  {
    text: "If the string prefix is 'cb', replace it with 'aa' and delete the last character.",
    apply: (s) => (s.startsWith('cb') ? 'aa' + s.slice(2, -1) : null),
  },
  {
    text: "If the string prefix is 'ca', replace it with 'bb' and append 'c' to the end.",
    apply: (s) => (s.startsWith('ca') ? 'bb' + s.slice(2) + 'c' : null),
  },
  {
    text: "If the string suffix is 'cc', replace it with 'b' and prepend 'a' to the start.",
    apply: (s) => (s.endsWith('cc') ? 'a' + s.slice(0, -2) + 'b' : null),
  },
  {
    text: "If the string prefix is 'aa', remove the first character.",
    apply: (s) => (s.startsWith('aa') ? s.slice(1) : null),
  },
  {
    text: "If the string contains 'abc', replace the first occurrence with 'cab'.",
    apply: (s) => (s.includes('abc') ? s.replace('abc', 'cab') : null),
  },
  {
    text: "If the string contains 'bca', delete the first occurrence entirely.",
    apply: (s) => (s.includes('bca') ? s.replace('bca', '') : null),
  },
  {
    text: "If the string ends with 'ba', replace it with 'ab'.",
    apply: (s) => (s.endsWith('ba') ? s.slice(0, -2) + 'ab' : null),
  },
  {
    text: "If the string starts with 'cc', remove the first two characters.",
    apply: (s) => (s.startsWith('cc') ? s.slice(2) : null),
  },
  {
    text: "If the string contains 'acb', replace the first occurrence with its reverse ('bca').",
    apply: (s) => (s.includes('acb') ? s.replace('acb', 'bca') : null),
  },
  {
    text: "If the string ends with 'ca', remove the last character.",
    apply: (s) => (s.endsWith('ca') ? s.slice(0, -1) : null),
  },
  {
    text: "If the string starts with 'bb', remove the second character.",
    apply: (s) => (s.startsWith('bb') ? s[0] + s.slice(2) : null),
  },
  {
    text: "If the string ends with 'aa', replace it with 'cc'.",
    apply: (s) => (s.endsWith('aa') ? s.slice(0, -2) + 'cc' : null),
  },
  {
    text:
      "If the string contains 'ca' (not at the start), remove the first occurrence found after the first " +
      'character.',
    apply: (s) => {
      const i = s.indexOf('ca', 1);
      return i < 0 ? null : s.slice(0, i) + s.slice(i + 2);
    },
  },
  {
    text: "If the string contains an even number of 'b's (and at least one 'b'), append 'ab' at the end.",
    apply: (s) => {
      const b = s.split('b').length - 1;
      return b > 0 && b % 2 === 0 ? s + 'ab' : null;
    },
  },
  {
    text: 'If the string length is greater than 15, remove the middle character.',
    apply: (s) => (s.length > 15 ? s.slice(0, s.length >> 1) + s.slice((s.length >> 1) + 1) : null),
  },
  {
    text: "If the string starts with 'ac', replace the first two characters with 'zz'.",
    apply: (s) => (s.startsWith('ac') ? 'zz' + s.slice(2) : null),
  },
];

const MAX_STEPS = 200;

/** The states from start to the fixed point, or null when it runs past MAX_STEPS (a cycle). */
export function rewriteToFixedPoint(start: string, ruleIds: readonly number[]): string[] | null {
  const states = [start];
  for (let step = 0; step < MAX_STEPS; step++) {
    const current = states[states.length - 1];
    let next: string | null = null;
    for (const id of ruleIds) {
      next = DELETION_RULES[id].apply(current);
      if (next !== null) break;
    }
    if (next === null) return states;
    states.push(next);
  }
  return null;
}

export const stringDeletionAndModification = defineTask({
  id: 'symbench.string_deletion_and_modification',
  source: 'symbench',
  description: 'Rewrite an a/b/c string with a list of prefix/suffix/substring rules until no rule applies.',
  answerFormat: 'a quoted string, e.g. "abc"',
  options: {
    num_rules: {
      kind: 'int',
      default: 6,
      min: 2,
      max: 20,
      description: 'how many rules are drawn from the pool of 20',
    },
    min_len: { kind: 'int', default: 10, min: 2, max: 40, description: 'shortest starting string' },
    max_len: { kind: 'int', default: 20, min: 2, max: 40, description: 'longest starting string' },
    min_operations: {
      kind: 'int',
      default: 4,
      min: 1,
      max: 20,
      description: 'fewest rule applications a kept question needs',
    },
  },
  ranges: [['min_len', 'max_len']],
  generate(options, rng) {
    for (let attempt = 0; ; attempt++) {
      const start = Array.from({ length: rng.int(options.min_len, options.max_len) }, () =>
        rng.pick(['a', 'b', 'c']),
      ).join('');
      const ruleIds = rng.sample(
        DELETION_RULES.map((_, i) => i),
        options.num_rules,
      );
      const states = rewriteToFixedPoint(start, ruleIds);
      const required = attempt < 2000 ? options.min_operations : 1;
      if (!states || states.length - 1 < required || states[states.length - 1] === '') continue;
      const rules = ruleIds.map((id, i) => `${i + 1}. ${DELETION_RULES[id].text}`).join('\n');
      const prompt = [
        'Cycle through the following operations one at a time until no further operations can be performed:',
        '',
        rules,
        '',
        'At each step, perform the first operation in this list (lowest number) that applies, then start again ' +
          'from operation 1.',
        '',
        `For the string "${start}", what is the final string after performing all operations?`,
        '',
        'Provide your answer as a string in the following format:',
        '',
        '<<< "some_final_string" >>>',
      ].join('\n');
      return { prompt, answer: states[states.length - 1], metadata: { start, rule_ids: ruleIds } };
    }
  },
  check(instance, answer) {
    const text = normalizeText(answer);
    if (!/^[a-z]+$/.test(text)) return unparseable('expected a string of lowercase letters, optionally in quotes');
    return text === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const ids = instance.metadata.rule_ids as number[];
    return [
      'def mid(s):',
      '    return s[:len(s)//2] + s[len(s)//2+1:]',
      'pool = [',
      "  lambda s: 'ca' + s[2:] if s.startswith('ab') else None,",
      "  lambda s: s[:-2] + 'cb' if s.endswith('ac') else None,",
      "  lambda s: s[2:] + 'aa' if s.startswith('bc') else None,",
      "  lambda s: s[:-2] if s.endswith('bb') else None,",
      "  lambda s: 'aa' + s[2:-1] if s.startswith('cb') else None,",
      "  lambda s: 'bb' + s[2:] + 'c' if s.startswith('ca') else None,",
      "  lambda s: 'a' + s[:-2] + 'b' if s.endswith('cc') else None,",
      "  lambda s: s[1:] if s.startswith('aa') else None,",
      "  lambda s: s.replace('abc', 'cab', 1) if 'abc' in s else None,",
      "  lambda s: s.replace('bca', '', 1) if 'bca' in s else None,",
      "  lambda s: s[:-2] + 'ab' if s.endswith('ba') else None,",
      "  lambda s: s[2:] if s.startswith('cc') else None,",
      "  lambda s: s.replace('acb', 'bca', 1) if 'acb' in s else None,",
      "  lambda s: s[:-1] if s.endswith('ca') else None,",
      "  lambda s: s[0] + s[2:] if s.startswith('bb') else None,",
      "  lambda s: s[:-2] + 'cc' if s.endswith('aa') else None,",
      "  lambda s: (s[:s.find('ca', 1)] + s[s.find('ca', 1) + 2:]) if s.find('ca', 1) != -1 else None,",
      "  lambda s: s + 'ab' if s.count('b') > 0 and s.count('b') % 2 == 0 else None,",
      '  lambda s: mid(s) if len(s) > 15 else None,',
      "  lambda s: 'zz' + s[2:] if s.startswith('ac') else None,",
      ']',
      `rules = [pool[i] for i in ${JSON.stringify(ids)}]`,
      `s = ${JSON.stringify(instance.metadata.start)}`,
      'while True:',
      '    for rule in rules:',
      '        t = rule(s)',
      '        if t is not None:',
      '            s = t',
      '            break',
      '    else:',
      '        break',
      'print(s)',
    ].join('\n');
  },
});
