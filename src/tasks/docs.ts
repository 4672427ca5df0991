// docs/tasks.md, generated from the registry (a test keeps the file in sync): every task with
// id, source, split, answer format and difficulty knobs, and why the split is ours.
import { describeOption } from './options.js';
import { listTasks } from './registry.js';
import { SPLIT_SEED, TEST_COUNTS } from './split.js';
import type { TaskEntry, TaskSource } from './types.js';
import { ARC_1D_NOTES } from './reasoning-gym/arc/arc-1d.js';

const SOURCE_TITLES: Record<TaskSource, string> = {
  symbench: 'SymBench (CodeSteer)',
  bbh: 'BIG-Bench-Hard (official data)',
  rg: 'Reasoning-Gym',
  'bbh-gen': 'Generated BIG-Bench-Hard variants (training only)',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function row(entry: TaskEntry): string {
  const task = entry.task;
  if (!task) return `| \`${entry.id}\` | ${entry.split} | planned | | | |`;
  const knobs = Object.entries(task.options)
    .map(([name, spec]) => `\`${name}\`=${describeOption(spec)}`)
    .join(', ');
  // The intro states min_x ≤ max_x once; only other declared orders are listed per task.
  const ordered = (task.ranges ?? [])
    .filter(([low, high]) => !(low.startsWith('min_') && high === `max_${low.slice(4)}`))
    .map(([low, high]) => `\`${low}\` ≤ \`${high}\``)
    .join(', ');
  const data = task.dataset ? ` (data: \`${task.dataset.name}\`)` : '';
  const differs = cell(task.differsFromSource ?? '–');
  return (
    `| \`${entry.id}\` | ${entry.split} | ${cell(task.answerFormat)} | ` +
    `${cell((ordered ? `${knobs}; ${ordered}` : knobs) || '–')} | ${cell(task.description + data)} | ${differs} |`
  );
}

export function renderTasksDoc(): string {
  const all = listTasks();
  const paper = all.filter((e) => e.paperTask);
  const perSource = ['symbench', 'bbh', 'rg']
    .map((s) => `${paper.filter((e) => e.source === s).length} ${SOURCE_TITLES[s as TaskSource]}`)
    .join(', ');
  const lines = [
    '# Tasks',
    '',
    '<!-- Generated from the registry by `r1ci tasks docs --out docs/tasks.md`; a test keeps it in sync. -->',
    '',
    `r1ci's suite follows the paper: ${paper.length} tasks (` +
      `${perSource}), ` +
      (`${paper.filter((e) => e.split === 'train').length} for training ` +
        `and ${paper.filter((e) => e.split === 'test').length} for testing, plus ${all.length - paper.length} ` +
        `generated BBH variants that are training-only. `) +
      `${all.filter((e) => e.implemented).length} of the ${all.length} are implemented.`,
    '',
    '## The split, and why it is ours',
    '',
    `The paper's list of 37 test tasks (and of its 84 Reasoning-Gym tasks) is not public. r1ci fixes its own ` +
      `split: a seeded draw (seed \`${SPLIT_SEED}\`) stratified by source, ` +
      `${Object.entries(TEST_COUNTS)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ')} tasks in test (src/tasks/split.ts; a test pins it). ` +
      'Pass `--split-file FILE` (JSON `{"test": [ids]}`) to use another. ' +
      ('The Reasoning-Gym list is its May-2025 set minus the seven direct ports of SymBench tasks and the ' +
        'heaviest generators.'),
    '',
    'Test tasks: ' +
      paper
        .filter((e) => e.split === 'test')
        .map((e) => `\`${e.id}\``)
        .join(', ') +
      '.',
    '',
    'Every answer goes inside `<<<…>>>`; the verdict is exact and binary (`correct`); constraint and planning ' +
      'tasks accept any valid answer. ' +
      ('Beside it, `score` in [0, 1] carries the partial credit the source gives where it gives any (`r1ci rl ' +
        '--reward partial` trains on it). ') +
      "Defaults follow the source's defaults, and every answer spelling the source's own scorer accepts is accepted; " +
      ('the last column says where a task departs from its source on purpose, and why ' +
        '(src/tasks/source-parity.test.ts and src/tasks/reasoning-gym/source-parity.test.ts record the cases). ') +
      ("One departure holds for every task: Reasoning-Gym's default scorer (for tasks without a score_answer of " +
        'their own) gives an answer that contains the gold len(gold)/len(answer), so `-73` earns 0.67 against ' +
        '`73`; r1ci gives containment nothing, and an answer in a spelling it reads (`t = 73`, `73.0`, `152°`, ' +
        'the grid as a list) is correct.'),
    '',
    'Every `min_x` must be at most its `max_x`; other orders a task requires are listed after its knobs. ' +
      'A bad setting is refused before anything is generated, with every problem named at once.',
  ];
  for (const source of ['symbench', 'bbh', 'rg', 'bbh-gen'] as TaskSource[]) {
    const entries = all.filter((e) => e.source === source);
    lines.push(
      '',
      `## ${SOURCE_TITLES[source]} (${entries.length})`,
      '',
      '| id | split | answer format | knobs: default (range) | question | differs from source |',
      '|---|---|---|---|---|---|',
    );
    for (const entry of entries) lines.push(row(entry));
  }

  lines.push('', ...ARC_1D_NOTES);
  return `${lines.join('\n')}\n`;
}
