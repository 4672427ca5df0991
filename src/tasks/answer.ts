// Answer extraction and the normalisers tasks share. The answer is the text between the last
// `<<<` and the `>>>` that closes it; everything here is linear-time and never throws on odd text.
import type { VerifyResult } from './types.js';

/** The text inside the last complete <<<…>>> of `response`, or null when there is none. */
export function extractAnswer(response: string): string | null {
  if (typeof response !== 'string') return null;
  const close = response.lastIndexOf('>>>');
  if (close < 3) return null;
  const open = response.lastIndexOf('<<<', close - 3);
  if (open < 0) return null;
  return response.slice(open + 3, close);
}

export const CORRECT: VerifyResult = Object.freeze({ correct: true, score: 1, outcome: 'correct' }) as VerifyResult;

export function wrong(detail?: string, score = 0): VerifyResult {
  return detail === undefined
    ? { correct: false, score, outcome: 'wrong' }
    : { correct: false, score, outcome: 'wrong', detail };
}

export function unparseable(detail: string): VerifyResult {
  return { correct: false, score: 0, outcome: 'unparseable', detail };
}

export function noAnswer(detail = 'no <<<…>>> answer found'): VerifyResult {
  return { correct: false, score: 0, outcome: 'no-answer', detail };
}

/** Trims, folds runs of whitespace to one space, and strips one layer of matching quotes or backticks. */
export function normalizeText(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  for (;;) {
    const first = t[0],
      last = t[t.length - 1];
    if (t.length >= 2 && first === last && (first === '"' || first === "'" || first === '`')) t = t.slice(1, -1).trim();
    else break;
  }
  return t;
}

/** The typographic minus sign (U+2212) that models and word processors write for '-'. */
const MINUS_SIGN = /^\u2212/;

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A finite number from a plain numeric answer (`-12`, `−12`, `3.50`, `1,234`, `1e3`, `+7`); null otherwise.
 * A trailing period or surrounding `$`/`\boxed{}` is not accepted: tasks that want that strip it.
 */
export function parseNumber(text: string): number | null {
  const t = normalizeText(text).replace(MINUS_SIGN, '-');
  if (t.length === 0 || t.length > 400 || !NUMBER_RE.test(t) || !/\d/.test(t)) return null;
  const value = Number(t.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** An exact integer as a bigint from `-123`, `−123`, `1,234`, `+5`; null for anything else (no decimals). */
export function parseInteger(text: string): bigint | null {
  const t = normalizeText(text)
    .replace(MINUS_SIGN, '-')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (t.length === 0 || t.length > 10_000 || !/^[+-]?\d+$/.test(t)) return null;
  return BigInt(t);
}

/** Equality within a relative/absolute tolerance (default 1e-6 of the larger magnitude, at least 1e-9). */
export function numbersClose(a: number, b: number, relative = 1e-6): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, relative * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * Parses a JSON-like value the way models write it: JSON, or Python literals (single quotes,
 * True/False/None, tuples as lists). Returns undefined when it is not such a value.
 */
export function parseLooseJson(text: string): unknown {
  const t = text.trim();
  if (t.length === 0 || t.length > 200_000 || nestingDepth(t) > MAX_NESTING) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    // fall through to the Python-literal reading
  }
  const converted = pythonLiteralToJson(t);
  if (converted === null) return undefined;
  try {
    return JSON.parse(converted);
  } catch {
    return undefined;
  }
}

/** Deeper answers than this are not values any task asks for (and deep JSON is slow to walk). */
const MAX_NESTING = 32;

/** The deepest bracket nesting of the text, counting [ ( { outside quotes. */
function nestingDepth(text: string): number {
  let depth = 0,
    max = 0,
    quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ']' || ch === ')' || ch === '}') depth--;
  }
  return max;
}

function pythonLiteralToJson(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1,
        body = '';
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\' && j + 1 < text.length) {
          body += text[j] + text[j + 1];
          j += 2;
          continue;
        }
        body += text[j++];
      }
      if (j >= text.length) return null;
      out += JSON.stringify(ch === "'" ? body.replace(/\\'/g, "'") : body.replace(/\\"/g, '"'));
      i = j;
    } else if (ch === '(') out += '[';
    else if (ch === ')') out += ']';
    else if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < text.length && /[A-Za-z_0-9]/.test(text[j])) j++;
      const word = text.slice(i, j);
      const mapped = word === 'True' ? 'true' : word === 'False' ? 'false' : word === 'None' ? 'null' : word;
      if (mapped === word && !['true', 'false', 'null'].includes(word) && !/^[eE]\d*$/.test(word)) return null;
      out += mapped;
      i = j - 1;
    } else out += ch;
  }
  return out.replace(/,\s*([\]}])/g, '$1');
}

/** A list of numbers from `[1, 2, 3]`, `1, 2, 3` or `1 2 3`; null when any item is not a number. */
export function parseNumberList(text: string): number[] | null {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  else if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  if (t.trim() === '') return [];
  const parts = t.includes(',') ? t.split(',') : t.trim().split(/\s+/);
  const out: number[] = [];
  for (const part of parts) {
    const value = parseNumber(part);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

/** A matrix from JSON/Python nested lists or from rows of whitespace/comma-separated cells. */
export function parseMatrix(text: string): string[][] | null {
  const t = text.trim();
  if (t.startsWith('[')) {
    if (/^\[\s*\[\s*\[/.test(t)) return null; // a matrix nests two deep, no more
    const value = parseLooseJson(t);
    if (!Array.isArray(value) || !value.every(Array.isArray)) return null;
    return (value as unknown[][]).map((row) => row.map((cell) => String(cell)));
  }
  const rows = t
    .split(/\n/)
    .map((row) => row.trim())
    .filter((row) => row.length > 0);
  if (rows.length === 0) return null;
  return rows.map((row) => row.split(/[\s,]+/).filter((cell) => cell.length > 0));
}
