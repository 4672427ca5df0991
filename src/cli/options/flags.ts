// Flag values as zod schemas: commander hands every flag over as a string (or undefined when not
// given), these parse and range-check it, and parseFlags turns every problem into `--flag: …` lines.
import { z } from 'zod';
import { ConfigError, type ConfigProblem } from '../../core/index.js';

/** Bounds of a numeric flag: `min` and `max` inclusive, `above` and `below` strict. */
export type Range = { min?: number; max?: number; above?: number; below?: number };

function rangeText(kind: 'an integer' | 'a number', range: Range): string {
  const parts = [
    ...(range.above !== undefined ? [`> ${range.above}`] : []),
    ...(range.min !== undefined ? [`≥ ${range.min}`] : []),
    ...(range.max !== undefined ? [`≤ ${range.max}`] : []),
    ...(range.below !== undefined ? [`< ${range.below}`] : []),
  ];
  return `use ${kind}${parts.length ? ` ${parts.join(' and ')}` : ''}`;
}

function inRange(n: number, range: Range): boolean {
  return (
    (range.above === undefined || n > range.above) &&
    (range.min === undefined || n >= range.min) &&
    (range.max === undefined || n <= range.max) &&
    (range.below === undefined || n < range.below)
  );
}

type Ctx = z.core.$RefinementCtx<string>;

function refuse(ctx: Ctx, text: string, fix: string): never {
  ctx.addIssue({ code: 'custom', message: `bad value ${JSON.stringify(text)}`, params: { fix } });
  return z.NEVER as never;
}

function numeric(kind: 'an integer' | 'a number', range: Range) {
  const fix = rangeText(kind, range);
  return z.string().transform((text, ctx): number => {
    const n = text.trim() === '' ? Number.NaN : Number(text);
    const whole = kind === 'a number' || Number.isInteger(n);
    return Number.isFinite(n) && whole && inRange(n, range) ? n : refuse(ctx, text, fix);
  });
}

/** A whole-number flag (default range: ≥ 1). */
export const intFlag = (range: Range = { min: 1 }) => numeric('an integer', range);

/** A real-number flag. */
export const numberFlag = (range: Range = {}) => numeric('a number', range);

/** A flag that takes one of a few words. */
export function choiceFlag<const T extends string>(choices: readonly T[]) {
  const fix = `use ${choices.slice(0, -1).join(', ')}${choices.length > 1 ? ' or ' : ''}${choices.at(-1)}`;
  return z.string().transform((text, ctx): T => (choices.includes(text as T) ? (text as T) : refuse(ctx, text, fix)));
}

/** A comma-separated list of words from `choices` (at least one). */
export function choiceListFlag<const T extends string>(choices: readonly T[]) {
  const fix = `use a comma-separated list of ${choices.join(', ')}`;
  return z.string().transform((text, ctx): T[] => {
    const items = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return items.length && items.every((i) => choices.includes(i as T)) ? (items as T[]) : refuse(ctx, text, fix);
  });
}

/** A flag whose text must match `pattern` (kept as text). */
export function patternFlag(pattern: RegExp, fix: string) {
  return z.string().transform((text, ctx): string => (pattern.test(text) ? text : refuse(ctx, text, fix)));
}

/** One http(s) URL, or several comma-separated (`list`), each checked before anything connects. */
export function urlFlag(options: { list?: boolean } = {}) {
  const fix = options.list ? 'write http://host:port, comma-separated for several' : 'write http://host:port';
  return z.string().transform((text, ctx): string => {
    const urls = options.list
      ? text
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : [text.trim()];
    const ok = urls.length > 0 && urls.every((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol));
    return ok ? text : refuse(ctx, text, fix);
  });
}

/** A free-text flag that must not be empty. */
export const textFlag = () =>
  z.string().transform((text, ctx): string => (text.trim() ? text : refuse(ctx, text, 'give a value')));

/** `camelCase` → `--kebab-case`, commander's attribute name back to the flag. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Parses commander's flags with a command's schema; every bad flag becomes one problem of one ConfigError. */
export function parseFlags<S extends z.ZodType>(
  schema: S,
  flags: unknown,
  names: Record<string, string> = {},
): z.output<S> {
  const result = schema.safeParse(flags);
  if (result.success) return result.data;
  const problems: ConfigProblem[] = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const fix = (issue as { params?: { fix?: string } }).params?.fix;
    return { path: key ? (names[key] ?? flagName(key)) : 'flags', message: issue.message, ...(fix ? { fix } : {}) };
  });
  throw new ConfigError(problems);
}

/** Commander attribute names of a command's options, to check a schema covers exactly them. */
export function optionKeys(command: { options: readonly { attributeName(): string }[] }): string[] {
  return command.options.map((o) => o.attributeName());
}

/** Awaits a recipe and names the problems of its input by flag: a ConfigError path listed in
 * `flags` (a config key such as `init`) becomes that flag (`--init`); other errors pass unchanged. */
export async function namingFlags<T>(run: Promise<T>, flags: Readonly<Record<string, string>>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    if (!(error instanceof ConfigError) || error.name !== 'ConfigError') throw error;
    if (!error.problems.some((p) => p.path in flags)) throw error;
    throw new ConfigError(
      error.problems.map((p) => ({ ...p, path: flags[p.path] ?? p.path })),
      { cause: error },
    );
  }
}
