// Equivalence of MATH-style final answers: light LaTeX normalisation (\dfrac, \left, units in \text,
// degrees, dollars, thousands separators), then structure (tuples, intervals, sets, lists) and values
// compared with @cortex-js/compute-engine: exact-valued numbers numerically, expressions at sample points.
import { ComputeEngine } from '@cortex-js/compute-engine';

const engine = new ComputeEngine();
let engineReady = false;

/** The engine defines its library and symbols lazily (~0.3 s at first use); math tasks call this when generating. */
export function warmMathEngine(): void {
  if (engineReady) return;
  engineReady = true;
  for (const latex of ['\\frac{\\sqrt{2}+x}{3}+\\infty', 'a b+x^2-y']) {
    const parsed = parseScalar(latex);
    if (parsed.ok) parsed.at({ x: 0.5, a: 1 });
  }
}

/** Longest answer text this module reads (the longest real MATH answer has 41 characters). */
export const MAX_MATH_ANSWER = 200;
/** Longest normalised scalar handed to the engine, and deepest bracket nesting: they bound its time. */
const MAX_PARSED = 120;
const MAX_DEPTH = 5;
const MAX_UNKNOWNS = 4;
/** Power towers make the engine slow (x^{x^{x^{…}}} costs ~10 ms a level); real answers have at most two powers. */
const MAX_POWERS = 3;
/** The characters a LaTeX math answer is written with; anything else is compared as text only. */
const LATEX_CHARS = /^[A-Za-z0-9\s\\{}()[\]+\-*/^_.,=<>|!':]*$/;
/** A plain word (4+ letters not part of a \\command) is text, not a product of symbols: compared as text only. */
const WORD = /(?<![\\A-Za-z])[A-Za-z_]{4,}/;

/** The content of the last \boxed{...} (or \fbox{...}) in `text`, or null. */
export function lastBoxed(text: string): string | null {
  const at = Math.max(text.lastIndexOf('\\boxed'), text.lastIndexOf('\\fbox'));
  if (at < 0) return null;
  const open = text.indexOf('{', at);
  if (open < 0) return null;
  const close = matchBrace(text, open);
  return close < 0 ? null : text.slice(open + 1, close);
}

function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Reads one LaTeX argument at `i` (a {group}, a \command or one character); returns [arg, next index]. */
function readArgument(text: string, i: number): [string, number] | null {
  while (text[i] === ' ') i++;
  if (i >= text.length) return null;
  if (text[i] === '{') {
    const close = matchBrace(text, i);
    return close < 0 ? null : [text.slice(i + 1, close), close + 1];
  }
  if (text[i] === '\\') {
    let j = i + 1;
    while (j < text.length && /[A-Za-z]/.test(text[j])) j++;
    return [text.slice(i, Math.max(j, i + 2)), Math.max(j, i + 2)];
  }
  return [text[i], i + 1];
}

/** Gives \frac and \sqrt braced arguments (`\frac12` → `\frac{1}{2}`, `\sqrt6` → `\sqrt{6}`). */
function braceArguments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const command = text.startsWith('\\frac', i)
      ? '\\frac'
      : text.startsWith('\\sqrt', i) && text[i + 5] !== '['
        ? '\\sqrt'
        : null;
    if (!command || /[A-Za-z]/.test(text[i + command.length] ?? '')) {
      out += text[i++];
      continue;
    }
    const count = command === '\\frac' ? 2 : 1;
    let j = i + command.length,
      args = '';
    for (let k = 0; k < count; k++) {
      const arg = readArgument(text, j);
      if (!arg) {
        args = '';
        break;
      }
      args += `{${braceArguments(arg[0])}}`;
      j = arg[1];
    }
    if (!args) {
      out += text[i++];
      continue;
    }
    out += command + args;
    i = j;
  }
  return out;
}

/** Removes presentation-only LaTeX so that equal answers spell the same; keeps the mathematics. */
export function normalizeLatex(raw: string): string {
  let t = raw.trim();
  const boxed = lastBoxed(t);
  if (boxed !== null) t = boxed;
  t = t.replace(/^\$+|\$+$/g, '').replace(/\\\$|\$/g, '');
  const wholeText = /^\\(?:text|textbf|mathrm|mbox)\{([^{}]*)\}$/.exec(t.trim());
  if (wholeText) t = wholeText[1];
  t = t
    .replace(/\\(?:text|textbf|mathrm|mbox)\{\s*(?:[A-Za-z]+\.?\s*)*\}/g, ' ')
    .replace(/\\(?:d|t)frac/g, '\\frac')
    .replace(/\\(?:d|t)binom/g, '\\binom')
    .replace(/\\left|\\right|\\displaystyle|\\!|\\,|\\;|\\:|\\quad|\\qquad|~/g, '')
    .replace(/\\ /g, ' ')
    .replace(/\^\s*\{?\s*\\circ\s*\}?|\\circ|\\degree|°|\\%|%/g, '')
    .replace(/π/g, '\\pi')
    .replace(/√/g, '\\sqrt')
    .replace(/×|\\times|\*/g, '\\cdot ')
    .replace(/(^|[^\\A-Za-z])pi\b/g, '$1\\pi')
    .replace(/(^|[^\\A-Za-z])sqrt\s*\(([^()]*)\)/g, '$1\\sqrt{$2}')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .trim();
  if (isThousands(t)) t = t.replace(/,/g, '');
  return braceArguments(t);
}

/** `1,000` or `12,345,678` as a whole answer (not a list such as `12,9` or `1,2,3`). */
function isThousands(whole: string): boolean {
  return /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(whole.trim());
}

type Structure = { open: string; close: string; items: string[] };

/** Splits at top-level commas; null when brackets do not balance. */
function splitTopLevel(text: string): string[] | null {
  const items: string[] = [];
  let depth = 0,
    start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  items.push(text.slice(start).trim());
  return items;
}

/** A tuple, interval, set or bare list; null for a single value. */
function readStructure(text: string): Structure | null {
  const set = /^\\\{(.*)\\\}$/.exec(text);
  if (set) return { open: '{', close: '}', items: splitTopLevel(set[1]) ?? [set[1]] };
  const first = text[0],
    last = text[text.length - 1];
  if ((first === '(' || first === '[') && (last === ')' || last === ']')) {
    const inner = splitTopLevel(text.slice(1, -1));
    if (inner && inner.length > 1 && splitTopLevel(text)?.length === 1)
      return { open: first, close: last, items: inner };
  }
  const items = splitTopLevel(text);
  return items && items.length > 1 ? { open: '', close: '', items } : null;
}

/** Drops a leading `x =` or `AB=` naming the value. */
function stripAssignment(text: string): string {
  const m = /^[A-Za-z][A-Za-z0-9_']*\s*=\s*(.+)$/.exec(text);
  return m && !m[1].includes('=') ? m[1] : text;
}

type Parsed = { ok: false } | { ok: true; unknowns: string[]; at(values: Record<string, number>): [number, number] };

const parseCache = new Map<string, Parsed>();

/** Parses a LaTeX scalar with the compute engine; `at` evaluates it numerically (re, im). */
export function parseScalar(latex: string): Parsed {
  const hit = parseCache.get(latex);
  if (hit) return hit;
  let parsed: Parsed = { ok: false };
  if (!withinEngineBounds(latex)) return parsed;
  try {
    const expr = engine.parse(latex);
    const unknowns = expr.isValid ? [...expr.unknowns].sort() : [];
    if (expr.isValid && unknowns.length <= MAX_UNKNOWNS && !JSON.stringify(expr.json).includes('Error')) {
      parsed = {
        ok: true,
        unknowns,
        at(values) {
          const subs: Record<string, number> = {};
          for (const u of unknowns) subs[u] = values[u] ?? 0;
          const value = (unknowns.length ? expr.subs(subs) : expr).N();
          return [value.re, value.im];
        },
      };
    }
  } catch {
    parsed = { ok: false };
  }
  if (parseCache.size > 5000) parseCache.clear();
  parseCache.set(latex, parsed);
  return parsed;
}

/** Inputs the engine handles in well under a millisecond or two; others are not parsed (they compare as text). */
function withinEngineBounds(latex: string): boolean {
  return (
    latex.length <= MAX_PARSED &&
    nestingDepth(latex) <= MAX_DEPTH &&
    latex.split('^').length - 1 <= MAX_POWERS &&
    LATEX_CHARS.test(latex) &&
    !/\d{40}|\d[eE][+-]?\d{3}/.test(latex) &&
    !WORD.test(latex)
  );
}

/** Deepest bracket nesting, or Infinity when brackets do not balance (the engine is slow on such junk). */
function nestingDepth(text: string): number {
  let depth = 0,
    most = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') most = Math.max(most, ++depth);
    else if ((ch === ')' || ch === ']' || ch === '}') && --depth < 0) return Infinity;
  }
  return depth === 0 ? most : Infinity;
}

function close(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const SAMPLE_POINTS = [0.37, 1.91, -2.3];

function scalarsEqual(gold: string, candidate: string): boolean {
  const g = stripAssignment(gold),
    c = stripAssignment(candidate);
  if (g.replace(/\s/g, '') === c.replace(/\s/g, '')) return true;
  const pg = parseScalar(g),
    pc = parseScalar(c);
  if (!pg.ok || !pc.ok || pg.unknowns.join() !== pc.unknowns.join()) return false;
  const points = pg.unknowns.length === 0 ? [0] : SAMPLE_POINTS;
  return points.every((p, k) => {
    const values = Object.fromEntries(pg.unknowns.map((u, i) => [u, p + 0.13 * i + 0.05 * k]));
    const [gr, gi] = pg.at(values),
      [cr, ci] = pc.at(values);
    return !Number.isNaN(gr) && close(gr, cr) && close(gi || 0, ci || 0);
  });
}

/** True when two MATH answers denote the same value (structure-aware; order-free for sets and bare lists). */
export function mathAnswersEqual(gold: string, candidate: string): boolean {
  if (candidate.length > MAX_MATH_ANSWER) return false;
  const g = normalizeLatex(gold),
    c = normalizeLatex(candidate);
  if (g === c) return true;
  if (c.length === 0) return false;
  const sg = readStructure(g),
    sc = readStructure(c);
  if (!sg || !sc) return !sg && !sc && scalarsEqual(g, c);
  if (sg.open !== sc.open || sg.close !== sc.close || sg.items.length !== sc.items.length) return false;
  if (sg.open === '(' || sg.open === '[') return sg.items.every((item, i) => mathAnswersEqual(item, sc.items[i]));
  const unused = [...sc.items];
  return sg.items.every((item) => {
    const at = unused.findIndex((other) => mathAnswersEqual(item, other));
    if (at < 0) return false;
    unused.splice(at, 1);
    return true;
  });
}
