// Min/max option pairs across the registry: every `min_x`/`max_x` pair is declared as a range, an
// inverted pair is refused before generation with one problem naming both options, and all at once.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import { ALL_TASKS, type OptionSpec, type Task } from '../../src/tasks/index.js';

type NumericSpec = Extract<OptionSpec, { kind: 'int' | 'float' }>;

/** Every `min_x` with a numeric `max_x` sibling in a task's schema. */
function minMaxPairs(task: Task): [string, NumericSpec, string, NumericSpec][] {
  const numeric = (name: string): NumericSpec | undefined => {
    const spec = task.options[name];
    return spec && (spec.kind === 'int' || spec.kind === 'float') ? spec : undefined;
  };
  return Object.keys(task.options).flatMap((name) => {
    const high = name.startsWith('min_') ? `max_${name.slice(4)}` : '';
    const lowSpec = numeric(name),
      highSpec = numeric(high);
    return lowSpec && highSpec ? [[name, lowSpec, high, highSpec] as [string, NumericSpec, string, NumericSpec]] : [];
  });
}

/** Values for low > high that each lie within their own option's bounds, or null when none exist. */
function invertedValues(low: NumericSpec, high: NumericSpec): [number, number] | null {
  const highValue = Math.max(high.min, low.min);
  const lowValue = low.kind === 'int' ? highValue + 1 : (highValue + low.max) / 2;
  return highValue <= high.max && lowValue <= low.max && lowValue > highValue ? [lowValue, highValue] : null;
}

const PAIRED = ALL_TASKS.flatMap((task) =>
  minMaxPairs(task).map(([low, lowSpec, high, highSpec]) => ({ task, low, lowSpec, high, highSpec })),
);

describe('min ≤ max option pairs', () => {
  it('the registry has pairs to check (more than 100)', () => {
    expect(PAIRED.length).toBeGreaterThan(100);
  });

  it('every inverted min_x > max_x is refused with a ConfigError naming min_x', () => {
    const accepted: string[] = [];
    for (const { task, low, lowSpec, high, highSpec } of PAIRED) {
      const values = invertedValues(lowSpec, highSpec);
      if (values === null) continue;
      try {
        task.resolveOptions({ [low]: values[0], [high]: values[1] });
        accepted.push(`${task.id} ${low}=${values[0]} ${high}=${values[1]}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).message).toContain(low);
      }
    }
    expect(accepted).toEqual([]);
  });

  // Checked by the task's own validateOptions instead: word_ladder's chain lengths take -1 for "no
  // bound", and advanced_geometry needs min_coord < max_coord strictly (a triangle needs room).
  const NOT_A_RANGE = new Set([
    'rg.algorithmic.word_ladder min_chain_length',
    'rg.geometry.advanced_geometry min_coord',
  ]);

  it("every min_x/max_x pair is declared in the task's ranges", () => {
    const undeclared = PAIRED.filter(
      ({ task, low, high }) => !(task.ranges ?? []).some(([a, b]) => a === low && b === high),
    )
      .map(({ task, low }) => `${task.id} ${low}`)
      .filter((entry) => !NOT_A_RANGE.has(entry));
    expect(undeclared).toEqual([]);
  });

  it('every declared range names two numeric options of its task', () => {
    const bad = ALL_TASKS.flatMap((task) =>
      (task.ranges ?? [])
        .filter(
          ([low, high]) => ![low, high].every((name) => ['int', 'float'].includes(task.options[name]?.kind ?? '')),
        )
        .map(([low, high]) => `${task.id} [${low}, ${high}]`),
    );
    expect(bad).toEqual([]);
  });

  it('one problem per inverted pair, all reported at once, in one wording', () => {
    const task = ALL_TASKS.find((t) => t.id === 'rg.games.countdown')!;
    let caught: unknown;
    try {
      task.resolveOptions({ min_numbers: 5, max_numbers: 4, min_value: 50, max_value: 40 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      {
        path: 'rg.games.countdown.min_numbers',
        message: 'min_numbers 5 > max_numbers 4',
        fix: 'make min_numbers ≤ max_numbers',
      },
      {
        path: 'rg.games.countdown.min_value',
        message: 'min_value 50 > max_value 40',
        fix: 'make min_value ≤ max_value',
      },
    ]);
  });
});
