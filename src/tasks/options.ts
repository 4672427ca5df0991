// Option resolution: partial user options → complete, validated, frozen values. A bad option is a
// ConfigError that names the allowed range or values; unknown keys are errors too.
import { ConfigError, type ConfigProblem } from '../core/index.js';
import type { OptionRange, OptionSpec, OptionsSchema, OptionValues } from './types.js';

/** Resolves `input` against `schema`; strings (from the CLI) are coerced to the option's kind. */
export function resolveOptions<S extends OptionsSchema>(
  taskId: string,
  schema: S,
  input: Record<string, unknown> = {},
): OptionValues<S> {
  const problems: ConfigProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!(key in schema)) {
      const known = Object.keys(schema);
      problems.push({
        path: `${taskId}.${key}`,
        message: 'unknown option',
        fix: known.length ? `options are: ${known.join(', ')}` : 'this task has no options',
      });
    }
  }
  for (const [key, spec] of Object.entries(schema)) {
    const raw = input[key];
    if (raw === undefined) {
      out[key] = spec.default;
      continue;
    }
    const value = coerce(spec, raw);
    const problem = value === undefined ? describeAllowed(spec) : checkRange(spec, value);
    if (problem) problems.push({ path: `${taskId}.${key}`, message: `bad value ${JSON.stringify(raw)}`, fix: problem });
    else out[key] = value;
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(out) as OptionValues<S>;
}

/** One problem per declared `[low, high]` pair whose resolved values are out of order. */
export function rangeProblems<S extends OptionsSchema>(
  values: OptionValues<S>,
  ranges: readonly OptionRange<S>[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [low, high] of ranges) {
    const lowValue = values[low] as number,
      highValue = values[high] as number;
    if (lowValue > highValue) {
      problems.push({ path: low, message: `${low} ${lowValue} > ${high} ${highValue}`, fix: `make ${low} ≤ ${high}` });
    }
  }
  return problems;
}

function coerce(spec: OptionSpec, raw: unknown): number | boolean | string | undefined {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(value)) return undefined;
      return spec.kind === 'int' && !Number.isInteger(value) ? undefined : value;
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      return undefined;
    case 'enum':
      return typeof raw === 'string' ? raw : undefined;
  }
}

function checkRange(spec: OptionSpec, value: number | boolean | string): string | null {
  if ((spec.kind === 'int' || spec.kind === 'float') && ((value as number) < spec.min || (value as number) > spec.max))
    return describeAllowed(spec);
  if (spec.kind === 'enum' && !spec.values.includes(value as string)) return describeAllowed(spec);
  return null;
}

function describeAllowed(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'int':
      return `allowed: an integer from ${spec.min} to ${spec.max}`;
    case 'float':
      return `allowed: a number from ${spec.min} to ${spec.max}`;
    case 'bool':
      return 'allowed: true or false';
    case 'enum':
      return `allowed: ${spec.values.join(', ')}`;
  }
}

/** A knob's allowed range in words, for docs and `tasks list`. */
export function describeOption(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return `${spec.default} (${spec.min}–${spec.max})`;
    case 'bool':
      return String(spec.default);
    case 'enum':
      return `${spec.default} (${spec.values.join('|')})`;
  }
}
