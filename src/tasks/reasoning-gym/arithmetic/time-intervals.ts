// rg.arithmetic.time_intervals: the duration between two times, dates or datetimes (with UTC
// offsets) in several formats (Reasoning-Gym `time_intervals`). The answer is computed from what the
// question shows, and an end written in another UTC offset is the same instant plus the duration.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { civilDate, dayNumber, MONTHS, WEEKDAYS, weekdayOf } from './calendar-arithmetic.js';

const TYPES = ['time', 'time_seconds', 'time_ms', 'date', 'datetime', 'datetime_tz'] as const;
const TEMPLATES = [
  'What is the duration between {start} and {end}? Please answer in {format}.',
  'Calculate the time difference between {start} and {end}. Express the result in {format}.',
  'How much time elapsed from {start} to {end}? Give your answer in {format}.',
  'A meeting started at {start} and ended at {end}. How long was the meeting? Answer in {format}.',
  'A flight departed at {start} and arrived at {end}. How long was the flight? Answer in {format}.',
  'A video call started at {start} and ended at {end}. How long was the call? Answer in {format}.',
];
const DATE_FORMATS = ['%Y-%m-%d', '%B %d, %Y', '%m/%d/%Y', '%A, %B %d, %Y', '%a %b %d %Y', '%d %B %Y', '%Y-%m-%d (%A)'];
const DATETIME_FORMATS = [
  '%Y-%m-%d %H:%M',
  '%Y-%m-%d %H:%M:%S',
  '%A, %B %d, %Y at %H:%M',
  '%a %b %d %Y %H:%M:%S',
  '%d %B %Y, %H:%M',
];
const DATETIME_TZ_FORMATS = [
  '%Y-%m-%d %H:%M %z',
  '%Y-%m-%d %H:%M:%S %z',
  '%d %B %Y, %H:%M %z',
  '%Y-%m-%d (%A) %H:%M:%S %z',
];
const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** strftime over a local time in ms since 1970 (no leap seconds) and a UTC offset in hours. */
function format(pattern: string, localMs: number, offsetHours: number): string {
  const days = Math.floor(localMs / DAY_MS),
    inDay = localMs - days * DAY_MS;
  const d = civilDate(days),
    weekday = WEEKDAYS[weekdayOf(days)];
  const parts: Record<string, string> = {
    Y: String(d.year),
    m: pad(d.month),
    d: pad(d.day),
    B: MONTHS[d.month - 1],
    b: MONTHS[d.month - 1].slice(0, 3),
    A: weekday,
    a: weekday.slice(0, 3),
    H: pad(Math.floor(inDay / 3_600_000)),
    M: pad(Math.floor(inDay / 60_000) % 60),
    S: pad(Math.floor(inDay / 1000) % 60),
    f: pad(inDay % 1000, 3),
    z: `${offsetHours < 0 ? '-' : '+'}${pad(Math.abs(offsetHours))}00`,
  };
  return pattern.replace(/%([a-zA-Z])/g, (_, key: string) => parts[key]);
}

/** `D days`, `HH:MM`, `HH:MM:SS`, `HH:MM:SS.mmm`, `D days, HH:MM[:SS]` of a duration in ms. */
function renderDuration(ms: number, shape: string): string {
  const days = Math.floor(ms / DAY_MS),
    rest = ms - days * DAY_MS;
  const hms = (withDays: boolean): string => {
    const base = withDays ? rest : ms;
    return `${pad(Math.floor(base / 3_600_000))}:${pad(Math.floor(base / 60_000) % 60)}`;
  };
  const seconds = pad(Math.floor(ms / 1000) % 60);
  switch (shape) {
    case 'D days':
      return `${days} days`;
    case 'HH:MM':
      return hms(false);
    case 'HH:MM:SS':
      return `${hms(false)}:${seconds}`;
    case 'HH:MM:SS.mmm':
      return `${hms(false)}:${seconds}.${pad(ms % 1000, 3)}`;
    case 'D days, HH:MM':
      return `${days} days, ${hms(true)}`;
    default:
      return `${days} days, ${hms(true)}:${seconds}`;
  }
}

type Made = { start: string; end: string; shape: string; ms: number; startIso: string; endIso: string };
type Settings = { maxSeconds: number; maxDays: number; minDay: number; maxDay: number };

const isoOf = (localMs: number, offset: number): string =>
  format(
    `%Y-%m-%dT%H:%M:%S.%f${offset === 0 ? '+00:00' : `${offset < 0 ? '-' : '+'}${pad(Math.abs(offset))}:00`}`,
    localMs,
    offset,
  );

function makeTimes(type: string, rng: Rng, s: Settings): Made {
  if (type.startsWith('time')) {
    const unit = type === 'time' ? 60_000 : type === 'time_seconds' ? 1000 : 1;
    const pattern = type === 'time' ? '%H:%M' : type === 'time_seconds' ? '%H:%M:%S' : '%H:%M:%S.%f';
    const perDay = DAY_MS / unit;
    const start = rng.int(0, perDay - 2);
    const span = rng.int(1, Math.max(1, Math.min(Math.floor((s.maxSeconds * 1000) / unit), perDay - 1 - start)));
    const a = start * unit,
      b = (start + span) * unit;
    return {
      start: format(pattern, a, 0),
      end: format(pattern, b, 0),
      shape: type === 'time' ? 'HH:MM' : type === 'time_seconds' ? 'HH:MM:SS' : 'HH:MM:SS.mmm',
      ms: b - a,
      startIso: isoOf(a, 0),
      endIso: isoOf(b, 0),
    };
  }
  if (type === 'date') {
    const pattern = rng.pick(DATE_FORMATS);
    const start = rng.int(s.minDay, Math.max(s.minDay, s.maxDay - s.maxDays)),
      span = rng.int(0, s.maxDays);
    const a = start * DAY_MS,
      b = (start + span) * DAY_MS;
    return {
      start: format(pattern, a, 0),
      end: format(pattern, b, 0),
      shape: 'D days',
      ms: b - a,
      startIso: isoOf(a, 0),
      endIso: isoOf(b, 0),
    };
  }
  const pattern = rng.pick(type === 'datetime' ? DATETIME_FORMATS : DATETIME_TZ_FORMATS);
  const unit = pattern.includes('%S') ? 1000 : 60_000;
  const startOffset = type === 'datetime' ? 0 : rng.int(-12, 12),
    endOffset = type === 'datetime' ? 0 : rng.int(-12, 12);
  const a = rng.int(s.minDay, s.maxDay) * DAY_MS + rng.int(0, DAY_MS / unit - 1) * unit;
  const duration =
    rng.int(0, s.maxDays) * DAY_MS + rng.int(1, Math.max(1, Math.floor((s.maxSeconds * 1000) / unit))) * unit;
  // The end is the instant start + duration, shown on the end's own UTC offset.
  const bLocal = a + duration + (endOffset - startOffset) * 3_600_000;
  return {
    start: format(pattern, a, startOffset),
    end: format(pattern, bLocal, endOffset),
    shape: unit === 1000 ? 'D days, HH:MM:SS' : rng.pick(['D days, HH:MM', 'D days, HH:MM:SS']),
    ms: duration,
    startIso: isoOf(a, startOffset),
    endIso: isoOf(bLocal, endOffset),
  };
}

/** A duration in ms from any of the answer shapes; null when unreadable. */
export function parseDuration(text: string): number | null {
  const t = text.trim().replace(/\.$/, '');
  const days = /^(\d{1,7})\s*days?$/i.exec(t);
  if (days) return Number(days[1]) * DAY_MS;
  const match = /^(?:(\d{1,7})\s*days?,?\s*)?(\d{1,7}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/i.exec(t);
  if (!match) return null;
  const [, d = '0', h, m, sec = '0', ms = '0'] = match;
  if (Number(m) > 59 || Number(sec) > 59) return null;
  return (
    Number(d) * DAY_MS + Number(h) * 3_600_000 + Number(m) * 60_000 + Number(sec) * 1000 + Number(ms.padEnd(3, '0'))
  );
}

export const timeIntervals = defineTask({
  id: 'rg.arithmetic.time_intervals',
  source: 'rg',
  category: 'arithmetic',
  description: 'The duration between two times, dates or datetimes given in various formats.',
  answerFormat: 'a duration in the format asked (HH:MM, D days, D days, HH:MM:SS, …)',
  options: {
    task_types: {
      kind: 'enum',
      default: 'all',
      values: ['all', ...TYPES],
      description: 'which kind of interval (all: each at random)',
    },
    max_time_difference_seconds: {
      kind: 'int',
      default: 86_400,
      min: 60,
      max: 86_400 * 10,
      description: 'largest time-of-day part of a duration, in seconds',
    },
    max_date_difference_days: {
      kind: 'int',
      default: 100,
      min: 1,
      max: 100_000,
      description: 'largest number of whole days in a duration',
    },
    min_year: {
      kind: 'int',
      default: 1900,
      min: 1,
      max: 9000,
      description: 'earliest year of a start date (Reasoning-Gym: min_date)',
    },
    max_year: {
      kind: 'int',
      default: 2999,
      min: 1,
      max: 9000,
      description: 'latest year of a start date (Reasoning-Gym: max_date)',
    },
  },
  ranges: [['min_year', 'max_year']],
  generate(options, rng) {
    const type = options.task_types === 'all' ? rng.pick(TYPES) : options.task_types;
    const made = makeTimes(type, rng, {
      maxSeconds: options.max_time_difference_seconds,
      maxDays: options.max_date_difference_days,
      minDay: dayNumber(options.min_year, 1, 1),
      maxDay: dayNumber(options.max_year, 12, 31),
    });
    const question = rng
      .pick(TEMPLATES)
      .replace('{start}', made.start)
      .replace('{end}', made.end)
      .replace('{format}', made.shape);
    const prompt =
      `${question}\nReturn your final answer within triple angle brackets, in the ` +
      `format ${made.shape}, e.g. <<<${made.shape}>>>.`;
    return {
      prompt,
      answer: renderDuration(made.ms, made.shape),
      metadata: {
        task_type: type,
        start: made.startIso,
        end: made.endIso,
        expected_format: made.shape,
        duration_ms: made.ms,
      },
    };
  },
  check(instance, answer) {
    const given = parseDuration(answer);
    if (given === null) return unparseable(`expected a duration as ${instance.metadata.expected_format as string}`);
    const gold = instance.metadata.duration_ms as number;
    if (given === gold) return CORRECT;
    const d = instance.metadata.difficulty as { max_time_difference_seconds: number; max_date_difference_days: number };
    const type = instance.metadata.task_type as string;
    const scale = type.startsWith('time') ? d.max_time_difference_seconds * 1000 : d.max_date_difference_days * DAY_MS;
    // Reasoning-Gym's finer credit: linear in the error over the largest possible duration; never `correct`.
    return wrong(undefined, Math.max(0, 1 - Math.abs(given - gold) / scale));
  },
  referenceSolution: (instance) =>
    `from datetime import datetime\na = datetime.fromisoformat("${instance.metadata.start as string}")\nb = ` +
    `datetime.fromisoformat("${instance.metadata.end as string}")\nd = b - a\nshape = ` +
    `"${instance.metadata.expected_format as string}"\nms = d.days * 86400000 + d.seconds * 1000 + ` +
    `d.microseconds // 1000\nh, rem = divmod(ms % 86400000 if "days," in shape else ms, 3600000)\nm, rem = ` +
    `divmod(rem, 60000)\ns, f = divmod(rem, 1000)\nif shape == "D days":\n    print(f"{d.days} days")\nelif ` +
    `shape.startswith("D days"):\n    print(f"{d.days} days, {h:02d}:{m:02d}" + (f":{s:02d}" if ` +
    `shape.endswith("SS") else ""))\nelse:\n    print(f"{h:02d}:{m:02d}" + (f":{s:02d}" if "SS" in shape else ` +
    `"") + (f".{f:03d}" if "mmm" in shape else ""))\n`,
});
