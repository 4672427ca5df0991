// symbench.letters: count a letter in a word and give its 1-based positions (CodeSteer's Letters:
// real English words of a length range when enough exist, synthesised letter strings otherwise).
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { wordsOfLength } from '../kit/index.js';

const byLengthLetterCount = new Map<number, Map<string, string[]>>();

/** Words of `length` with exactly `count` copies of `letter` (indexed once per length). */
function wordsWith(length: number, letter: string, count: number): readonly string[] {
  let index = byLengthLetterCount.get(length);
  if (!index) {
    index = new Map();
    for (const word of wordsOfLength(length)) {
      const counts = new Map<string, number>();
      for (const ch of word) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      for (const [ch, n] of counts) {
        const list = index.get(ch + n) ?? [];
        list.push(word);
        index.set(ch + n, list);
      }
    }
    byLengthLetterCount.set(length, index);
  }
  return index.get(letter + count) ?? [];
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

export const letters = defineTask({
  id: 'symbench.letters',
  source: 'symbench',
  description: 'Count how often a letter occurs in a word and list its 1-based positions.',
  answerFormat: 'Count: N, Positions: [p1, p2, ...]',
  options: {
    min_length: { kind: 'int', default: 10, min: 3, max: 800, description: 'shortest word' },
    max_length: {
      kind: 'int',
      default: 25,
      min: 3,
      max: 800,
      description: 'longest word (past ~30 letters words are synthesised)',
    },
    max_count: { kind: 'int', default: 5, min: 1, max: 20, description: 'most occurrences of the asked letter' },
  },
  ranges: [['min_length', 'max_length']],
  generate(options, rng) {
    const letter = rng.pick(Array.from(ALPHABET));
    const count = rng.int(1, Math.min(options.max_count, options.min_length));
    const length = rng.int(Math.max(options.min_length, count), options.max_length);
    const pool = wordsWith(length, letter, count);
    let word = pool.length > 0 ? rng.pick(pool) : '';
    if (!word) {
      const others = Array.from(ALPHABET).filter((ch) => ch !== letter);
      word = rng
        .shuffle([...Array(count).fill(letter), ...Array.from({ length: length - count }, () => rng.pick(others))])
        .join('');
    }
    const positions = Array.from(word).flatMap((ch, i) => (ch === letter ? [i + 1] : []));
    const prompt = [
      `How many '${letter}'s are in the word '${word}' and what are their positions? The position in the word ` +
        `counts from 1 not 0.`,
      'Surround the answer with <<<content>>>. Please respond in the format: <<<Count: X, Positions: [Y, Z, ...]>>>.',
    ].join('\n');
    return {
      prompt,
      answer: `Count: ${positions.length}, Positions: [${positions.join(', ')}]`,
      metadata: { word, letter },
    };
  },
  check(instance, answer) {
    const match = /^\s*Count\s*:\s*(\d+)\s*,?\s*Positions\s*:\s*\[([\d,\s]*)\]\s*$/i.exec(answer);
    if (!match) return unparseable('expected "Count: N, Positions: [p1, p2, ...]"');
    const positions = match[2]
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0)
      .map(Number);
    const word = instance.metadata.word as string,
      letter = instance.metadata.letter as string;
    const expected = Array.from(word).flatMap((ch, i) => (ch === letter ? [i + 1] : []));
    if (Number(match[1]) !== expected.length) return wrong(`count ${match[1]} is wrong`);
    const sorted = [...positions].sort((a, b) => a - b);
    return sorted.length === expected.length && sorted.every((p, i) => p === expected[i])
      ? CORRECT
      : wrong('positions are wrong');
  },
  referenceSolution(instance) {
    return [
      `word, letter = ${JSON.stringify(instance.metadata.word)}, ${JSON.stringify(instance.metadata.letter)}`,
      'positions = [i + 1 for i, ch in enumerate(word) if ch == letter]',
      'print(f"Count: {len(positions)}, Positions: [{\', \'.join(map(str, positions))}]")',
    ].join('\n');
  },
});
