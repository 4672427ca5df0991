// rg.algorithmic.ransom_note: whether a note can be spelled with the letters of a magazine, each
// letter used at most once. Answer True or False.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { parseBoolean } from '../../kit/index.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** True when every letter of `note` occurs at least as often in `magazine`. */
export function canConstruct(note: string, magazine: string): boolean {
  const counts = new Map<string, number>();
  for (const ch of magazine) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of note) {
    const left = counts.get(ch) ?? 0;
    if (left === 0) return false;
    counts.set(ch, left - 1);
  }
  return true;
}

export const ransomNote = defineTask({
  id: 'rg.algorithmic.ransom_note',
  source: 'rg',
  category: 'algorithmic',
  description: 'Decide whether a ransom note can be built from the letters of a magazine.',
  answerFormat: 'True or False',
  options: {
    min_note_length: { kind: 'int', default: 1, min: 1, max: 1000, description: 'shortest note' },
    max_note_length: { kind: 'int', default: 10, min: 1, max: 1000, description: 'longest note' },
    min_magazine_length: { kind: 'int', default: 2, min: 2, max: 1000, description: 'shortest magazine' },
    max_magazine_length: { kind: 'int', default: 30, min: 2, max: 1000, description: 'longest magazine' },
    p_solvable: { kind: 'float', default: 0.5, min: 0, max: 1, description: 'probability that the note can be built' },
  },
  ranges: [
    ['min_note_length', 'max_note_length'],
    ['min_magazine_length', 'max_magazine_length'],
  ],
  validateOptions: (o) =>
    o.max_note_length >= o.max_magazine_length
      ? [
          {
            path: 'max_note_length',
            message: 'max_note_length must be below max_magazine_length',
            fix: 'lower max_note_length or raise max_magazine_length',
          },
        ]
      : [],
  generate(options, rng) {
    const noteLength = rng.int(options.min_note_length, options.max_note_length);
    const magazineLength = rng.int(Math.max(noteLength, options.min_magazine_length), options.max_magazine_length);
    const solvable = rng.next() < options.p_solvable;
    const note = Array.from({ length: noteLength }, () => rng.pick(ALPHABET));
    const magazine = note.slice();
    if (solvable) {
      for (let i = noteLength; i < magazineLength; i++) magazine.push(rng.pick(ALPHABET));
    } else {
      const removed = magazine.splice(rng.int(0, magazine.length - 1), 1)[0];
      const others = ALPHABET.filter((c) => c !== removed);
      for (let i = noteLength; i <= magazineLength; i++) magazine.push(rng.pick(others));
    }
    const [noteText, magazineText] = [rng.shuffle(note).join(''), rng.shuffle(magazine).join('')];
    const prompt = [
      'Given two strings representing a ransom note and a magazine, return True if you can construct the ransom ' +
        'note using the letters in the magazine, and False otherwise.',
      '',
      'Each letter in the magazine string can only be used once in your ransom note.',
      '',
      `Ransom note: ${noteText}`,
      `Magazine: ${magazineText}`,
      answerInstruction('True or False'),
    ].join('\n');
    return {
      prompt,
      answer: canConstruct(noteText, magazineText) ? 'True' : 'False',
      metadata: { ransom_note: noteText, magazine: magazineText },
    };
  },
  check(instance, answer) {
    const value = parseBoolean(answer, 'True/False');
    if (value === null) return unparseable('expected True or False');
    return (value ? 'True' : 'False') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `from collections import Counter
note, magazine = ${JSON.stringify(instance.metadata.ransom_note)}, ${JSON.stringify(instance.metadata.magazine)}
print('True' if not (Counter(note) - Counter(magazine)) else 'False')
`;
  },
});
