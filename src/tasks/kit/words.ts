// The English dictionary for the word tasks: the `word-list` npm package (Sindre Sorhus, MIT
// licence; ~274k lowercase words), read once for every task, lazily; indexed by length and anagram key.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let allWords: readonly string[] | null = null;
let allWordSet: ReadonlySet<string> | null = null;
const byLength = new Map<number, readonly string[]>();
const anagramGroupsByRange = new Map<string, readonly (readonly string[])[]>();

/** Every word of the dictionary (lowercase a–z), in the package's alphabetical order. */
export function dictionaryWords(): readonly string[] {
  if (allWords === null) {
    allWords = readFileSync(wordListPath, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => /^[a-z]+$/.test(w));
  }
  return allWords;
}

/** True when `word` (any case) is in the dictionary. */
export function isDictionaryWord(word: string): boolean {
  if (allWordSet === null) allWordSet = new Set(dictionaryWords());
  return allWordSet.has(word.toLowerCase());
}

/** The dictionary words of exactly `length` letters. */
export function wordsOfLength(length: number): readonly string[] {
  let words = byLength.get(length);
  if (!words) {
    words = dictionaryWords().filter((w) => w.length === length);
    byLength.set(length, words);
  }
  return words;
}

/** Dictionary words with length in [min, max] (a fresh array). */
export function wordsInLengthRange(min: number, max: number): string[] {
  const out: string[] = [];
  for (let n = min; n <= max; n++) out.push(...wordsOfLength(n));
  return out;
}

/** The letters of a word in alphabetical order: equal keys ⇔ anagrams. */
export function anagramKey(word: string): string {
  return word.split('').sort().join('');
}

/** Groups of ≥ 2 dictionary words that are anagrams of each other, words of `min`..`max` letters. */
export function anagramGroups(min: number, max: number): readonly (readonly string[])[] {
  const cacheKey = `${min}-${max}`;
  let groups = anagramGroupsByRange.get(cacheKey);
  if (!groups) {
    const byKey = new Map<string, string[]>();
    for (const word of wordsInLengthRange(min, max)) {
      const key = anagramKey(word);
      const group = byKey.get(key);
      if (group) group.push(word);
      else byKey.set(key, [word]);
    }
    groups = [...byKey.values()].filter((g) => g.length >= 2);
    anagramGroupsByRange.set(cacheKey, groups);
  }
  return groups;
}

let everydayWords: readonly string[] | null = null;

/** Dictionary words of 3–8 letters, in alphabetical order: short enough to read as everyday words. */
export function everydayWordList(): readonly string[] {
  if (everydayWords === null) everydayWords = dictionaryWords().filter((w) => w.length >= 3 && w.length <= 8);
  return everydayWords;
}
