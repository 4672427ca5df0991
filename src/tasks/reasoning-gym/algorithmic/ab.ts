// rg.algorithmic.ab: the A::B rewriting system (four tokens, neighbours whose '#' face each other
// are rewritten); the answer is the program's normal form.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';

const TOKENS = ['A#', 'B#', '#A', '#B'] as const;

/** Rewrites the leftmost facing pair until none is left; A::B always terminates. */
export function computeAb(program: readonly string[]): string[] {
  let current = program.slice();
  for (;;) {
    let changed = false;
    for (let i = 0; i + 1 < current.length; i++) {
      const a = current[i],
        b = current[i + 1];
      if (a[1] !== '#' || b[0] !== '#') continue;
      const replacement = a[0] === b[1] ? [] : [b, a];
      current = [...current.slice(0, i), ...replacement, ...current.slice(i + 2)];
      changed = true;
      break;
    }
    if (!changed) return current;
  }
}

export const ab = defineTask({
  id: 'rg.algorithmic.ab',
  source: 'rg',
  category: 'algorithmic',
  description: 'Compute the normal form of an A::B program (token rewriting).',
  answerFormat: 'the final program: tokens separated by spaces',
  options: {
    length: { kind: 'int', default: 10, min: 2, max: 100, description: 'number of tokens in the initial program' },
  },
  generate(options, rng) {
    let program: string[], result: string[];
    do {
      program = Array.from({ length: options.length }, () => rng.pick(TOKENS));
      result = computeAb(program);
    } while (result.length === 0); // an empty normal form cannot be written inside <<<…>>>
    const prompt = [
      'A::B is a system with 4 tokens: `A#`, `#A`, `B#` and `#B`.',
      '',
      'An A::B program is a sequence of tokens, for example:',
      '',
      '    B# A# #B #A B#',
      '',
      'To compute a program, neighbouring tokens are rewritten with these rules:',
      '',
      '    A# #A ... becomes ... nothing',
      '    A# #B ... becomes ... #B A#',
      '    B# #A ... becomes ... #A B#',
      '    B# #B ... becomes ... nothing',
      '',
      "That is, whenever two neighbouring tokens have their '#' facing each other, they are rewritten by the " +
        'matching rule, until no rule applies.',
      '',
      'Now, consider the following program:',
      '',
      program.join(' '),
      '',
      'Return the final state of the program.',
      answerInstruction('the final program, tokens separated by single spaces'),
    ].join('\n');
    return { prompt, answer: result.join(' '), metadata: { program } };
  },
  check(instance, answer) {
    const tokens = answer
      .trim()
      .split(/\s+/)
      .filter((t) => t.length > 0);
    if (tokens.length === 0) return unparseable('expected tokens such as A# #B');
    if (tokens.some((t) => !(TOKENS as readonly string[]).includes(t)))
      return unparseable('tokens must be A#, B#, #A or #B');
    return tokens.join(' ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `program = ${JSON.stringify(instance.metadata.program)}
stack = []
for token in program:
    stack.append(token)
    # keep reducing at the top while the last two tokens face each other
    changed = True
    while changed:
        changed = False
        i = len(stack) - 2
        while i >= 0:
            a, b = stack[i], stack[i + 1]
            if a[1] == '#' and b[0] == '#':
                stack[i:i + 2] = [] if a[0] == b[1] else [b, a]
                changed = True
                break
            i -= 1
print(' '.join(stack))
`;
  },
});
