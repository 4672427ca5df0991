// Everyday English words from the `word-list` package (MIT), for prompts that need real words.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let everydayWords: string[] | null = null;

/** Lowercase dictionary words of 3–8 letters from the `word-list` package (MIT), read once. */
export function everydayWordList(): readonly string[] {
  if (everydayWords === null) everydayWords = readFileSync(wordListPath, 'utf8').split('\n').map((w) => w.trim()).filter((w) => /^[a-z]{3,8}$/.test(w));
  return everydayWords;
}
