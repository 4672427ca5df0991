// rg.arithmetic.calendar_arithmetic: weekday, day-count, business-day, recurring-event and leap-year
// questions about one year (Reasoning-Gym `calendar_arithmetic`), on our own proleptic-Gregorian
// day arithmetic. Every date is printed with its own year.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseDecimal, stripNumberWrappers } from '../../kit/index.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const TASKS = [
  'weekday_offset',
  'weekday_of_date',
  'weekday_of_date_from_first_date',
  'recurring_event_day',
  'count_days',
  'count_business_days',
  'is_leap_year',
] as const;
const DAY_TAILS = [
  "Answer with the weekday's name (e.g., Monday, Tuesday, etc.).",
  'Provide the full name of the weekday.',
  'State the weekday (Monday through Sunday).',
  'Give the weekday name in full.',
  'Reply with just the weekday name.',
  'Name the day of the week in full.',
];
const COUNT_TAILS = [
  'Answer with a number.',
  'Provide the count as a number.',
  'Respond with just the number.',
  'Give the count numerically.',
  'Express your answer as a number.',
];

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

export const weekdayOf = (days: number): number => (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
export const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const monthLength = (year: number, month: number): number =>
  dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
const iso = (days: number): string => {
  const d = civilDate(days);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};
/** "Wednesday, March 13, 2024". */
const longDate = (days: number): string => {
  const d = civilDate(days);
  return `${WEEKDAYS[weekdayOf(days)]}, ${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
};

type Made = {
  question: string;
  answer: string;
  kind: 'weekday' | 'count' | 'yesno';
  facts: Record<string, string | number>;
};
type Settings = { year: number; offset: number; leapRange: number };

function makeQuestion(task: string, rng: Rng, s: Settings): Made {
  const first = dayNumber(s.year, 1, 1),
    last = dayNumber(s.year, 12, 31);
  switch (task) {
    case 'weekday_offset': {
      const start = rng.int(first, last),
        offset = rng.int(1, s.offset) * (rng.bool() ? 1 : -1);
      const ask =
        offset > 0
          ? rng.pick([
              `If today is ${longDate(start)}, what day of the week will it be in ${offset} days?`,
              `Count forward ${offset} days from ${longDate(start)} - what's the weekday?`,
            ])
          : rng.pick([
              `If today is ${longDate(start)}, what day of the week was it ${-offset} days ago?`,
              `Count backward ${-offset} days from ${longDate(start)} - what's the weekday?`,
            ]);
      return {
        question: `${ask} ${rng.pick(DAY_TAILS)}`,
        answer: WEEKDAYS[weekdayOf(start + offset)],
        kind: 'weekday',
        facts: { start_date: iso(start), offset_days: offset },
      };
    }
    case 'weekday_of_date': {
      const target = rng.int(first, last),
        d = civilDate(target);
      const ask = rng.pick([
        `What day of the week was ${MONTHS[d.month - 1]} ${d.day}, ${d.year}?`,
        `Name the day of the week for ${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}.`,
      ]);
      return {
        question: `${ask} ${rng.pick(DAY_TAILS)}`,
        answer: WEEKDAYS[weekdayOf(target)],
        kind: 'weekday',
        facts: { target_date: iso(target) },
      };
    }
    case 'weekday_of_date_from_first_date': {
      const firstDay = rng.int(0, 6),
        target = rng.int(first + 1, Math.max(first + 1, Math.min(last, first + s.offset)));
      const d = civilDate(target);
      const ask =
        `If the first day of the year was a ${WEEKDAYS[firstDay]}, what day of the week ` +
        `will ${MONTHS[d.month - 1]} ${d.day} be?`;
      return {
        question: `${ask} ${rng.pick(DAY_TAILS)}`,
        answer: WEEKDAYS[(firstDay + target - first) % 7],
        kind: 'weekday',
        facts: { first_day: WEEKDAYS[firstDay], target_date: iso(target) },
      };
    }
    case 'recurring_event_day':
      return recurring(rng, s.year);
    case 'count_days':
    case 'count_business_days':
      return counting(task, rng, first, last, s.offset);
    default: {
      const year = rng.int(Math.max(1, s.year - Math.floor(s.leapRange / 2)), s.year + Math.floor(s.leapRange / 2));
      const ask = rng.pick([
        `Determine if the year ${year} is a leap year.`,
        `Is ${year} a leap year?`,
        `Tell me whether ${year} is a leap year.`,
      ]);
      return {
        question: `${ask} Answer with Yes or No.`,
        answer: isLeap(year) ? 'Yes' : 'No',
        kind: 'yesno',
        facts: { year },
      };
    }
  }
}

function recurring(rng: Rng, year: number): Made {
  const month = rng.int(1, 12),
    weekday = rng.int(0, 6);
  const ordinal = rng.pick(['first', 'second', 'third', 'fourth', 'last']);
  const start = dayNumber(year, month, 1),
    length = monthLength(year, month);
  const firstMatch = 1 + ((weekday - weekdayOf(start) + 7) % 7);
  const matches = [];
  for (let day = firstMatch; day <= length; day += 7) matches.push(day);
  const day =
    ordinal === 'last' ? matches[matches.length - 1] : matches[['first', 'second', 'third', 'fourth'].indexOf(ordinal)];
  const ask =
    `If a meeting is scheduled on the ${ordinal} ${WEEKDAYS[weekday]} of ${MONTHS[month - 1]} ${year}, ` +
    `on which day of the month does it occur?`;
  return {
    question: `${ask} ${rng.pick(COUNT_TAILS)} Answer with -1 if the ordinal does not exist in the month.`,
    answer: String(day),
    kind: 'count',
    facts: { year, month, ordinal, weekday: WEEKDAYS[weekday] },
  };
}

function counting(task: string, rng: Rng, first: number, last: number, offset: number): Made {
  const start = rng.int(first, last);
  const end = rng.int(start, task === 'count_days' ? Math.min(last, start + offset) : start + offset);
  if (task === 'count_days') {
    const weekday = rng.int(0, 6);
    let count = 0;
    for (let day = start; day <= end; day++) if (weekdayOf(day) === weekday) count++;
    const ask =
      `How many ${WEEKDAYS[weekday]}s are there from ${longDate(start)} to ${longDate(end)} (inclusive ` +
      `of both dates)?`;
    return {
      question: `${ask} ${rng.pick(COUNT_TAILS)}`,
      answer: String(count),
      kind: 'count',
      facts: { start_date: iso(start), end_date: iso(end), weekday: WEEKDAYS[weekday] },
    };
  }
  let count = 0;
  for (let day = start; day <= end; day++) if (weekdayOf(day) < 5) count++;
  const ask =
    `How many business days (Monday-Friday) are there from ${longDate(start)} to ${longDate(end)} ` +
    `(inclusive of both dates)?`;
  return {
    question: `${ask} ${rng.pick(COUNT_TAILS)}`,
    answer: String(count),
    kind: 'count',
    facts: { start_date: iso(start), end_date: iso(end) },
  };
}

const INSTRUCTION = { weekday: '<<<weekday>>>', count: '<<<number>>>', yesno: '<<<Yes or No>>>' };

export const calendarArithmetic = defineTask({
  id: 'rg.arithmetic.calendar_arithmetic',
  source: 'rg',
  category: 'arithmetic',
  description: 'Weekday, day-counting and leap-year questions about dates in a year.',
  answerFormat: 'a weekday name, an integer, or Yes/No',
  options: {
    year: { kind: 'int', default: 2022, min: 1, max: 9000, description: 'the year the questions are about' },
    tasks: {
      kind: 'enum',
      default: 'all',
      values: ['all', ...TASKS],
      description: 'which kind of question (all: each at random)',
    },
    offset_upper_bound: {
      kind: 'int',
      default: 100,
      min: 1,
      max: 3650,
      description: 'largest day offset or counting range',
    },
    leap_year_range: {
      kind: 'int',
      default: 200,
      min: 0,
      max: 4000,
      description: 'width of the year range for leap-year questions',
    },
  },
  generate(options, rng) {
    const task = options.tasks === 'all' ? rng.pick(TASKS) : options.tasks;
    const made = makeQuestion(task, rng, {
      year: options.year,
      offset: options.offset_upper_bound,
      leapRange: options.leap_year_range,
    });
    const prompt =
      `${made.question}\n` + `Return your final answer within triple angle brackets, as ${INSTRUCTION[made.kind]}.`;
    return { prompt, answer: made.answer, metadata: { task, kind: made.kind, ...made.facts } };
  },
  check(instance, answer) {
    const text = answer.trim().replace(/[.!]$/, '').trim();
    if (instance.metadata.kind !== 'count') {
      if (!/^[A-Za-z]{2,12}$/.test(text))
        return unparseable(instance.metadata.kind === 'yesno' ? 'expected Yes or No' : 'expected a weekday name');
      return text.toLowerCase() === instance.answer.toLowerCase() ? CORRECT : wrong();
    }
    const value = parseDecimal(stripNumberWrappers(text));
    if (!value || !value.isInteger()) return unparseable('expected an integer');
    const gold = Number(instance.answer),
      given = Number(value.num);
    if (given === gold) return CORRECT;
    // Reasoning-Gym's finer credit for counts: exp(-5 × relative error); never `correct`.
    return wrong(undefined, gold === 0 ? 0 : Math.exp((-5 * Math.abs(given - gold)) / Math.abs(gold)));
  },
  referenceSolution: (instance) => calendarReference(instance.metadata as Record<string, unknown>),
});

function calendarReference(m: Record<string, unknown>): string {
  const head =
    'import datetime, calendar\nD = datetime.date.fromisoformat\nW = ' +
    '["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]\n';
  const year = (m.difficulty as { year: number }).year;
  switch (m.task) {
    case 'weekday_offset':
      return `${head}print(W[(D("${m.start_date}") + datetime.timedelta(days=${m.offset_days})).weekday()])\n`;
    case 'weekday_of_date':
      return `${head}print(W[D("${m.target_date}").weekday()])\n`;
    case 'weekday_of_date_from_first_date':
      return (
        `${head}delta = (D("${m.target_date}") - datetime.date(${year}, 1, ` +
        `1)).days\nprint(W[(W.index("${m.first_day}") + delta) % 7])\n`
      );
    case 'recurring_event_day':
      return (
        `${head}days = [d for d in range(1, calendar.monthrange(${m.year}, ${m.month})[1] + 1) if ` +
        `W[datetime.date(${m.year}, ${m.month}, d).weekday()] == "${m.weekday}"]\no = ` +
        `"${m.ordinal}"\nprint(days[-1] if o == "last" else days[["first","second","third","fourth"].index(o)])\n`
      );
    case 'count_days':
      return (
        `${head}a, b = D("${m.start_date}"), D("${m.end_date}")\nprint(sum(1 for i in range((b - a).days + 1) ` +
        `if W[(a + datetime.timedelta(days=i)).weekday()] == "${m.weekday}"))\n`
      );
    case 'count_business_days':
      return (
        `${head}a, b = D("${m.start_date}"), D("${m.end_date}")\nprint(sum(1 for i in range((b - a).days + 1) ` +
        `if (a + datetime.timedelta(days=i)).weekday() < 5))\n`
      );
    default:
      return `${head}print("Yes" if calendar.isleap(${m.year}) else "No")\n`;
  }
}
