// Answer parsers for small values shared by many tasks: a two-way verdict in the words the question
// asked for, and a list of strings in JSON/Python syntax.
import { normalizeText, parseLooseJson } from '../answer.js';

/** The pair of words a two-way question asks for; the answer must use the same pair. */
export type BooleanWords = 'True/False' | 'Yes/No';

/**
 * A two-way answer read in the words the question asked for: `True`/`False` or `Yes`/`No`, any case,
 * in matching quotes, with a final period. Null for anything else, the other pair of words included:
 * the prompt names the words, and a scorer that took either pair would grade a format it never asked for.
 */
export function parseBoolean(text: string, words: BooleanWords): boolean | null {
  const t = normalizeText(text).replace(/\.$/, '').trim().toLowerCase();
  const [yes, no] = words === 'True/False' ? ['true', 'false'] : ['yes', 'no'];
  if (t === yes) return true;
  if (t === no) return false;
  return null;
}

/** A list of strings from JSON/Python list syntax; numbers are kept as their text. Null otherwise. */
export function parseStringList(text: string): string[] | null {
  const value = parseLooseJson(text);
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' && Number.isFinite(item)) out.push(String(item));
    else return null;
  }
  return out;
}
