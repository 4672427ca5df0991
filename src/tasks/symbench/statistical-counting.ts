// symbench.statistical_counting: scan a letter string and add each letter's score for every run of
// two or more consecutive copies of it (CodeSteer's statistical counting). Exact integer answer.
import { defineTask } from '../define-task.js';
import { CORRECT, parseInteger, unparseable, wrong } from '../answer.js';

const LETTERS = 'ABCDEFGHIJK';

function letterList(letters: string[]): string {
  return letters.length === 1 ? `the letter ${letters[0]}` : `letters ${letters.slice(0, -1).join(', ')} and ${letters[letters.length - 1]}`;
}

export const statisticalCounting = defineTask({
  id: 'symbench.statistical_counting',
  source: 'symbench',
  description: 'Total the scores of runs of two or more equal letters in a string.',
  answerFormat: 'an integer',
  options: {
    sequence_length: { kind: 'int', default: 25, min: 2, max: 200, description: 'length of the letter string' },
    num_letters: { kind: 'int', default: 4, min: 1, max: 11, description: 'how many letters (A, B, …) appear; letter i scores i' },
  },
  generate(options, rng) {
    const letters = LETTERS.slice(0, options.num_letters).split('');
    let sequence = '';
    for (let i = 0; i < options.sequence_length; i++) sequence += rng.pick(letters);
    let score = 0;
    for (let i = 0; i < sequence.length; ) {
      let j = i;
      while (j < sequence.length && sequence[j] === sequence[i]) j++;
      if (j - i >= 2) score += LETTERS.indexOf(sequence[i]) + 1;
      i = j;
    }
    const rules = letters.map((letter, i) => `${i + 1}. If there are two or more consecutive ${letter}'s, add ${i + 1} to the total score.`);
    const prompt =
      (`The initial total score is 0. Given a string consisting of ${letterList(letters)}, scan from front to ` + `back:\n\n`) +
      `${rules.join('\n')}\n\n` +
      `What is the total score of the string ${sequence}?\n` +
      'Return your answer with the format <<<number>>>, where number is the total score as an integer.';
    return { prompt, answer: String(score), metadata: { sequence, num_letters: options.num_letters } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `import itertools
sequence = ${JSON.stringify(instance.metadata.sequence)}
print(sum(ord(k) - ord('A') + 1 for k, run in itertools.groupby(sequence) if len(list(run)) >= 2))
`;
  },
});
