// The checks every task must pass, as plain functions over one task, so the registry-wide test
// and per-family tests share them.
import { expect } from 'vitest';
import { isJsonRoundTrippable } from '../../src/core/index.js';
import { hasDataset, type Task, type TaskInstance } from '../../src/tasks/index.js';

/** True when a data-backed task's data is missing (the caller skips with a message). */
export function dataMissing(task: Task): boolean {
  return task.dataset !== undefined && !hasDataset(task.dataset.name);
}

export function sampleInstances(task: Task, seeds: readonly number[], perSeed: number): TaskInstance[] {
  const options = task.resolveOptions();
  const out: TaskInstance[] = [];
  for (const seed of seeds) for (let i = 0; i < perSeed; i++) out.push(task.generate(options, seed, i));
  return out;
}

/** Gold verifies correct; empty, garbage and the echoed prompt do not; deterministic and JSON-safe. */
export function checkUniversal(task: Task, instances: readonly TaskInstance[]): void {
  const options = task.resolveOptions();
  for (const instance of instances) {
    const gold = task.verify(instance, `Some reasoning first.\n<<<${instance.answer}>>>`);
    expect(
      gold,
      `${task.id} seed=${instance.seed} index=${instance.index}: gold answer ${JSON.stringify(instance.answer)}`,
    ).toMatchObject({ correct: true, outcome: 'correct' });
    expect(task.verify(instance, '').correct).toBe(false);
    expect(task.verify(instance, '<<<>>>').correct, `${task.id}: empty answer`).toBe(false);
    expect(task.verify(instance, 'I think the answer is <<<zq!garbage!qz>>>').correct, `${task.id}: garbage`).toBe(
      false,
    );
    expect(task.verify(instance, instance.prompt).correct, `${task.id} index=${instance.index}: echoed prompt`).toBe(
      false,
    );
    expect(task.verify(instance, instance.answer).outcome, `${task.id}: bare answer without <<<>>>`).toBe('no-answer');
    const again = task.generate(options, instance.seed, instance.index);
    expect(again, `${task.id}: generation is deterministic`).toEqual(instance);
    expect(isJsonRoundTrippable(instance), `${task.id}: instance is JSON-serialisable`).toBe(true);
    expect(instance.prompt).toContain('<<<');
  }
}

/** At least `min` distinct prompts among the first `tries` indices (seed 0). */
export function countDistinctPrompts(task: Task, tries: number): number {
  const options = task.resolveOptions();
  const prompts = new Set<string>();
  const limit = task.dataset ? Math.min(tries, task.dataset.size()) : tries;
  for (let i = 0; i < limit; i++) prompts.add(task.generate(options, 0, i).prompt);
  return prompts.size;
}

/** Hostile responses a verifier must survive quickly. */
export function hostileResponses(instance: TaskInstance): string[] {
  const big = 'x'.repeat(1 << 20);
  const unicode = '\u{1F600}\u0000\uFFFD\u202E\u200B'.repeat(1000);
  return [
    big,
    `<<<${big}>>>`,
    '<<<'.repeat(100_000),
    '>>>'.repeat(100_000),
    `${'<<<'.repeat(50_000)}1>>>`,
    `<<<${'['.repeat(5000)}${']'.repeat(5000)}>>>`,
    `<<<${'{'.repeat(5000)}>>>`,
    `<<<${unicode}>>>`,
    `<<<${instance.answer}`,
    `${instance.answer}>>>`,
    '<<<null>>>',
    '<<<undefined>>>',
    '<<<NaN>>>',
    '<<<Infinity>>>',
    '<<<-0>>>',
    '<<<1e999999>>>',
    '<<<__proto__>>>',
    '<<<{"__proto__": {"x": 1}}>>>',
    '<<<constructor>>>',
    '<<<[[[[[[[[[[]]]]]]]]]]>>>',
    '<<<((((((((((1))))))))))>>>',
    `<<<${'9'.repeat(100_000)}>>>`,
    `<<<${instance.answer.split('').reverse().join('')}>>>`,
    `<<<${instance.answer}\n${instance.answer}>>>`,
  ];
}
