// symbench.cryptanalysis: deduce a lock code (two distinct digits, two distinct letters) from guesses
// with Mastermind-style feedback; guesses are added until exactly one code fits (CodeSteer's generator).
import { defineTask } from '../define-task.js';
import { CORRECT, parseLooseJson, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Feedback on one half (two digits or two letters) of a guess; `symbols` orders them for too small/large. */
export function halfFeedback(secret: string, guess: string, kind: 'number' | 'letter'): string {
  const order = kind === 'number' ? DIGITS : LETTERS;
  const [low, high] =
    kind === 'number' ? ['too small', 'too large'] : ['too early in the alphabet', 'too late in the alphabet'];
  let right = 0,
    misplaced = 0;
  const wrongOnes: string[] = [];
  const lo = Math.min(order.indexOf(secret[0]), order.indexOf(secret[1])),
    hi = Math.max(order.indexOf(secret[0]), order.indexOf(secret[1]));
  for (let i = 0; i < 2; i++) {
    if (guess[i] === secret[i]) right++;
    else if (secret.includes(guess[i])) misplaced++;
    else wrongOnes.push(order.indexOf(guess[i]) < lo ? low : order.indexOf(guess[i]) > hi ? high : '');
  }
  const parts: string[] = [];
  const noun = kind === 'number' ? ['number', 'numbers'] : ['letter', 'letters'];
  if (right === 1) parts.push(`one ${noun[0]} is correct and in the correct position`);
  if (right === 2) parts.push(`both ${noun[1]} are correct and in the correct positions`);
  if (misplaced === 1) parts.push(`one ${noun[0]} is correct but in the wrong position`);
  if (misplaced === 2) parts.push(`both ${noun[1]} are correct but in the wrong positions`);
  if (wrongOnes.length === 1) parts.push(`one ${noun[0]} is incorrect${wrongOnes[0] ? ` and ${wrongOnes[0]}` : ''}`);
  if (wrongOnes.length === 2)
    parts.push(
      `both ${noun[1]} are incorrect${wrongOnes[0] && wrongOnes[0] === wrongOnes[1] ? ` and ${wrongOnes[0]}` : ''}`,
    );
  return parts.join('; ');
}

function pairs(symbols: string): string[] {
  const out: string[] = [];
  for (const a of symbols) for (const b of symbols) if (a !== b) out.push(a + b);
  return out;
}
const NUMBER_PAIRS = pairs(DIGITS),
  LETTER_PAIRS = pairs(LETTERS);

function drawPuzzle(rng: Rng, maxGuesses: number): { code: string; guesses: string[] } | null {
  const code = rng.pick(NUMBER_PAIRS) + rng.pick(LETTER_PAIRS);
  let numbers = NUMBER_PAIRS,
    letters = LETTER_PAIRS;
  const guesses: string[] = [];
  // The feedback on digits and on letters is independent, so the candidates factor into two lists.
  while (guesses.length < maxGuesses && (numbers.length > 1 || letters.length > 1)) {
    const guess = rng.pick(NUMBER_PAIRS) + rng.pick(LETTER_PAIRS);
    if (guess === code || guesses.includes(guess)) continue;
    guesses.push(guess);
    const nf = halfFeedback(code.slice(0, 2), guess.slice(0, 2), 'number'),
      lf = halfFeedback(code.slice(2), guess.slice(2), 'letter');
    numbers = numbers.filter((n) => halfFeedback(n, guess.slice(0, 2), 'number') === nf);
    letters = letters.filter((l) => halfFeedback(l, guess.slice(2), 'letter') === lf);
  }
  return numbers.length === 1 && letters.length === 1 ? { code, guesses } : null;
}

export const cryptanalysis = defineTask({
  id: 'symbench.cryptanalysis',
  source: 'symbench',
  description: 'Deduce a two-digit, two-letter lock code from guesses and their feedback.',
  answerFormat: 'a list ["d1", "d2", "L1", "L2"]',
  maxAnswerLength: 200,
  // CodeSteer (create_dataset/create_dataset_cryptanalysis.py) draws a cap of 4–18 guesses (five bands of three,
  // 20 puzzles each), adds guesses until one code fits, and keeps only puzzles solved within the cap.
  options: {
    min_guesses: {
      kind: 'int',
      default: 4,
      min: 2,
      max: 40,
      description: 'fewest guesses the cap allows',
    },
    max_guesses: {
      kind: 'int',
      default: 18,
      min: 4,
      max: 40,
      description: 'most guesses the cap allows (guesses are added until the code is unique)',
    },
  },
  ranges: [['min_guesses', 'max_guesses']],
  generate(options, rng) {
    const cap = rng.int(options.min_guesses, options.max_guesses);
    let puzzle = drawPuzzle(rng, cap);
    while (!puzzle) puzzle = drawPuzzle(rng, cap);
    const { code, guesses } = puzzle;
    const lines = guesses.map((g, i) => {
      const numbers = halfFeedback(code.slice(0, 2), g.slice(0, 2), 'number');
      return `${i + 1}. Guess: ${g}, Feedback: ${numbers}; ${halfFeedback(code.slice(2), g.slice(2), 'letter')}.`;
    });
    const prompt = [
      `Please deduce the correct password based on the following ${guesses.length} known conditions:`,
      'A certain combination lock consists of two numbers and two letters, with neither the numbers nor the ' +
        'letters repeating. "Too small"/"too large" (or "too early"/"too late" in the alphabet) means the guessed ' +
        'symbol is below/above both symbols of that kind in the password.',
      ...lines,
      'Please provide your answer in the format <<< ["X", "Y", "Z", "W"] >>> where X and Y are the numbers and Z ' +
        'and W are the letters of the password.',
    ].join('\n');
    return { prompt, answer: JSON.stringify(Array.from(code)), metadata: { guesses, code } };
  },
  check(instance, answer) {
    const value = parseLooseJson(answer);
    const items = Array.isArray(value) ? value.map((v) => String(v).trim().toUpperCase()) : null;
    if (!items || items.length !== 4 || !items.every((v) => /^[0-9A-Z]$/.test(v)))
      return unparseable('expected a list of two digits and two letters, like ["5", "3", "F", "A"]');
    return items.join('') === instance.metadata.code ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const guesses = instance.metadata.guesses as string[];
    const feedback = guesses.map((g) => [
      halfFeedback((instance.metadata.code as string).slice(0, 2), g.slice(0, 2), 'number'),
      halfFeedback((instance.metadata.code as string).slice(2), g.slice(2), 'letter'),
    ]);
    // The script re-derives feedback for every candidate with its own rules and matches the shown text.
    return [
      'import itertools, string',
      `guesses = ${JSON.stringify(guesses)}`,
      `shown = ${JSON.stringify(feedback)}`,
      'def half(secret, guess, order, low, high, one, many):',
      '    lo, hi = sorted(order.index(s) for s in secret)',
      '    right = sum(g == s for g, s in zip(guess, secret))',
      '    mis = sum(g != s and g in secret for g, s in zip(guess, secret))',
      '    bad = [low if order.index(g) < lo else high if order.index(g) > hi else "" for g, s in zip(guess, ' +
        'secret) if g not in secret]',
      '    parts = []',
      '    if right == 1: parts.append(f"one {one} is correct and in the correct position")',
      '    if right == 2: parts.append(f"both {many} are correct and in the correct positions")',
      '    if mis == 1: parts.append(f"one {one} is correct but in the wrong position")',
      '    if mis == 2: parts.append(f"both {many} are correct but in the wrong positions")',
      '    if len(bad) == 1: parts.append(f"one {one} is incorrect" + (f" and {bad[0]}" if bad[0] else ""))',
      '    if len(bad) == 2: parts.append(f"both {many} are incorrect" + (f" and {bad[0]}" if bad[0] and bad[0] ' +
        '== bad[1] else ""))',
      '    return "; ".join(parts)',
      'D, L = string.digits, string.ascii_uppercase',
      'nums = [n for n in itertools.permutations(D, 2) if all(half(n, g[:2], D, "too small", "too large", ' +
        '"number", "numbers") == s[0] for g, s in zip(guesses, shown))]',
      'lets = [l for l in itertools.permutations(L, 2) if all(half(l, g[2:], L, "too early in the alphabet", ' +
        '"too late in the alphabet", "letter", "letters") == s[1] for g, s in zip(guesses, shown))]',
      'print([*nums[0], *lets[0]])',
    ].join('\n');
  },
});
