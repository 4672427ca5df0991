// Generated variant of temporal_sequences: a day of sightings from waking until a place closes, with
// one free slot; the question asks when the person could have gone there, in the official wording.
import type { Rng } from '../../../core/rng.js';
import { defineGeneratedBbhTask, FIRST_NAMES, LETTERS } from './define-variant.js';

const ACTIVITIES = [
  'buying clothes at the mall',
  'taking photos near the Eiffel Tower',
  'reading at the library',
  'waiting at the airport',
  'working at the office',
  'buying lunch at the deli',
  'walking in the garden',
  'playing tennis at the tennis court',
  'sitting on a rooftop',
  'watching a movie at the theater',
  'getting a coffee at the cafe',
  'stretching at a yoga studio',
  'driving to the water park',
  'buying a phone at the electronics store',
  'walking towards the Statue of Liberty',
  'buying cookies at a bakery',
  'fixing their computer at the electronic store',
  'waiting at the train station',
  'taking photos near the Leaning Tower of Pisa',
  'buying a bike at the bike shop',
];

const PLACES = [
  'the coffee shop',
  'the soccer field',
  'the restaurant',
  'the park',
  'the museum',
  'the beach',
  'the bookstore',
  'the gym',
  'the swimming pool',
  'the art studio',
  'the clothing store',
  'the football field',
  'the dance studio',
  'the bakery',
  'the art show',
];

/** 24-hour clock hour (5–23) as the official questions write it: 7am, 12pm, 9pm. */
export function formatHour(hour: number): string {
  if (hour === 12) return '12pm';
  return hour < 12 ? `${hour}am` : `${hour - 12}pm`;
}

/** Splits `total` hours into `parts` positive lengths of at most `maxLength` (total ≤ parts·maxLength). */
function splitHours(rng: Rng, total: number, parts: number, maxLength: number): number[] {
  const lengths = Array(parts).fill(1);
  for (let left = total - parts; left > 0; left--) {
    const open = lengths.map((length, i) => (length < maxLength ? i : -1)).filter((i) => i >= 0);
    lengths[rng.pick(open)]++;
  }
  return lengths;
}

export const temporalSequencesGen = defineGeneratedBbhTask({
  name: 'temporal_sequences',
  description: 'Find the one free slot in a day of sightings, between waking up and a place closing.',
  answerFormat: 'an option letter, e.g. (B)',
  kind: 'choice',
  options: {
    min_sightings: { kind: 'int', default: 3, min: 3, max: 8, description: 'fewest sightings during the day' },
    max_sightings: { kind: 'int', default: 6, min: 3, max: 8, description: 'most sightings during the day' },
  },
  ranges: [['min_sightings', 'max_sightings']],
  generate(options, rng) {
    const sightings = rng.int(options.min_sightings, options.max_sightings);
    const slots = sightings + 1;
    const wake = rng.int(5, 11);
    const close = rng.int(Math.min(23, wake + slots + 1), Math.min(23, wake + slots * 3));
    const lengths = splitHours(rng, close - wake, slots, 4);
    const free = rng.int(0, slots - 1);
    const [person, ...witnesses] = rng.sample(FIRST_NAMES, sightings + 1);
    const place = rng.pick(PLACES);
    const activities = rng.sample(ACTIVITIES, sightings);
    const intervals: [number, number][] = [];
    let start = wake;
    for (const length of lengths) {
      intervals.push([start, start + length]);
      start += length;
    }
    const lines: string[] = [];
    let witness = 0;
    intervals.forEach(([from, to], i) => {
      if (i !== free)
        lines.push(
          `${witnesses[witness]} saw ${person} ${activities[witness++]} from ${formatHour(from)} to ${formatHour(to)}.`,
        );
    });
    const busy = intervals.filter((_, i) => i !== free);
    const choices = rng.shuffle([intervals[free], ...rng.sample(busy, 3)]);
    const question = [
      `Today, ${person} went to ${place}. Between what times could they have gone?`,
      'We know that:',
      `${person} woke up at ${formatHour(wake)}.`,
      ...lines,
      `${place[0].toUpperCase()}${place.slice(1)} was closed after ${formatHour(close)}.`,
      `Between what times could ${person} have gone to ${place}?`,
      'Options:',
      ...choices.map(([from, to], i) => `(${LETTERS[i]}) ${formatHour(from)} to ${formatHour(to)}`),
    ].join('\n');
    return { question, answer: `(${LETTERS[choices.indexOf(intervals[free])]})` };
  },
});
