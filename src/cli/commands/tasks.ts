// `r1ci tasks`: list the suite, sample questions, verify answers, export question sets.
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { ConfigError } from '../../core/index.js';
import {
  describeOption,
  getTask,
  renderTasksDoc,
  listTasks,
  loadSplitFile,
  selectTasks,
  setDataDir,
} from '../../tasks/index.js';
import { QUESTION_FORMATS, toTrlQuestionRow, toVerlQuestionParquet, toVerlQuestionRow } from '../../service/index.js';
import {
  resolveTasksExportFlags,
  resolveTasksListFlags,
  resolveTasksSampleFlags,
  resolveTasksVerifyFlags,
  TASK_SOURCES,
  TASKS_DEFAULTS,
  type TasksExportFlags,
} from '../options/tasks.js';
import { printJson, readStdin, renderTable } from '../output.js';

/** Parses repeated `--set key=value` flags into an options object. */
function collectSet(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0)
    throw new ConfigError([
      { path: '--set', message: `bad --set ${JSON.stringify(value)}`, fix: 'write --set key=value' },
    ]);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

function splitAssignmentFrom(path: string | undefined) {
  if (!path) return undefined;
  return loadSplitFile(path, new Set(listTasks().map((entry) => entry.id)));
}

export function registerTasksCommands(program: Command): void {
  const tasks = program.command('tasks').description('the task suite: list, sample, verify, export');

  tasks
    .command('list')
    .description('list tasks with source, split and whether they are implemented')
    .option('--source <source>', `only this source (${TASK_SOURCES.join(', ')})`)
    .option('--split <split>', 'only train or test')
    .option('--split-file <file>', 'a JSON split file {"test": [ids]} instead of the fixed paper split')
    .option('--json', 'print JSON')
    .action((raw: unknown) => {
      const opts = resolveTasksListFlags(raw);
      const entries = listTasks({
        source: opts.source,
        split: opts.split,
        splitAssignment: splitAssignmentFrom(opts.splitFile),
      });
      const paper = entries.filter((e) => e.paperTask);
      const summary = {
        paperTasks: paper.length,
        train: paper.filter((e) => e.split === 'train').length,
        test: paper.filter((e) => e.split === 'test').length,
        implemented: entries.filter((e) => e.implemented).length,
        generatedVariants: entries.filter((e) => !e.paperTask).length,
      };
      if (opts.json) {
        return printJson({
          summary,
          tasks: entries.map((e) => ({
            id: e.id,
            source: e.source,
            category: e.category ?? null,
            split: e.split,
            paperTask: e.paperTask,
            implemented: e.implemented,
            description: e.task?.description ?? null,
            answerFormat: e.task?.answerFormat ?? null,
            options: e.task?.options ?? null,
          })),
        });
      }
      const rows = entries.map((e) => [
        e.id,
        e.source,
        e.split,
        e.implemented ? 'yes' : 'planned',
        e.task
          ? Object.entries(e.task.options)
              .map(([k, s]) => `${k}=${describeOption(s)}`)
              .join(' ')
          : '',
      ]);
      process.stdout.write(`${renderTable(['id', 'source', 'split', 'implemented', 'options'], rows)}\n`);
      process.stdout.write(
        `\n${summary.paperTasks} paper tasks (${summary.train} train, ${summary.test} test), ` +
          `${summary.generatedVariants} generated variants; ${summary.implemented} implemented\n`,
      );
    });

  tasks
    .command('sample <id>')
    .description('generate questions of one task')
    .option('--n <n>', `how many (default ${TASKS_DEFAULTS.n})`)
    .option('--seed <seed>', `seed (default ${TASKS_DEFAULTS.seed})`)
    .option('--index <index>', `first index (default ${TASKS_DEFAULTS.index})`)
    .option('--set <key=value>', 'set a task option (repeatable)', collectSet)
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option('--json', 'print JSON lines (one instance per line)')
    .action((id: string, raw: unknown) => {
      const opts = resolveTasksSampleFlags(raw);
      setDataDir(opts.dataDir);
      const task = getTask(id);
      const options = task.resolveOptions(opts.set);
      const { n, seed, index: first } = opts;
      for (let i = first; i < first + n; i++) {
        const instance = task.generate(options, seed, i);
        if (opts.json) process.stdout.write(`${JSON.stringify(instance)}\n`);
        else
          process.stdout.write(
            `### ${task.id} seed=${seed} index=${i}\n${instance.prompt}\n--- gold answer: ${instance.answer}\n\n`,
          );
      }
    });

  tasks
    .command('verify <id>')
    .description('verify a response (or --answer "-" to read it from stdin) for one generated question')
    .requiredOption('--seed <seed>', 'seed the question was generated with')
    .requiredOption('--index <index>', 'index of the question')
    .option('--answer <text>', 'the response text (a full response with <<<…>>>, or just the answer); "-" reads stdin')
    .option('--set <key=value>', 'task option the question was generated with (repeatable)', collectSet)
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option('--json', 'print JSON')
    .action(async (id: string, raw: unknown) => {
      const opts = resolveTasksVerifyFlags(raw);
      setDataDir(opts.dataDir);
      const task = getTask(id);
      const instance = task.generate(task.resolveOptions(opts.set), opts.seed, opts.index);
      const text = opts.answer === undefined || opts.answer === '-' ? await readStdin() : opts.answer;
      const result = text.includes('<<<') ? task.verify(instance, text) : task.verifyAnswer(instance, text.trim());
      if (opts.json) return printJson({ taskId: task.id, seed: instance.seed, index: instance.index, ...result });
      process.stdout.write(`${result.outcome}${result.detail ? `: ${result.detail}` : ''}\n`);
      process.exitCode = result.correct ? 0 : 1;
    });

  tasks
    .command('docs')
    .description('write the task reference (docs/tasks.md) generated from the registry')
    .option('--out <file>', 'output file (default: print)')
    .action((opts: { out?: string }) => {
      const text = renderTasksDoc();
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });

  tasks
    .command('export')
    .description('write generated questions of a split: JSONL records, verl parquet or TRL JSONL')
    .option('--split <split>', `train, test or all (default ${TASKS_DEFAULTS.exportSplit})`)
    .option('--tasks <selector>', 'instead of --split: ids, prefixes (rg.arithmetic.*), a source, train, test or all')
    .option('--per-task <n>', `questions per task (default ${TASKS_DEFAULTS.perTask})`)
    .option('--seed <seed>', `seed (default ${TASKS_DEFAULTS.seed})`)
    .option(
      '--format <format>',
      `${QUESTION_FORMATS.join(' | ')}: r1ci records, verl RL parquet, TRL (datasets) JSONL ` +
        `(default ${TASKS_DEFAULTS.format})`,
    )
    .option('--no-system-prompt', 'verl/trl: the question alone, without the code-interpreter system prompt')
    .option('--split-file <file>', 'a JSON split file instead of the fixed paper split')
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .requiredOption('--out <file>', 'output file')
    .action(async (raw: unknown) => {
      const opts = resolveTasksExportFlags(raw);
      setDataDir(opts.dataDir);
      const ids = selectTasks(opts.tasks ?? opts.split, splitAssignmentFrom(opts.splitFile));
      const written = await writeQuestions(ids, opts.perTask, opts.seed, opts);
      process.stderr.write(`wrote ${written} questions from ${ids.length} tasks to ${opts.out} (${opts.format})\n`);
    });
}

async function writeQuestions(
  ids: readonly string[],
  perTask: number,
  seed: number,
  opts: TasksExportFlags,
): Promise<number> {
  const instances = function* () {
    for (const id of ids) {
      const task = getTask(id);
      const options = task.resolveOptions();
      for (let i = 0; i < perTask; i++) yield task.generate(options, seed, i);
    }
  };
  if (opts.format === 'verl') {
    const entries = listTasks({ splitAssignment: splitAssignmentFrom(opts.splitFile) });
    const splits = new Map(entries.map((e) => [e.id, e.split]));
    const rows = [...instances()].map((q) => toVerlQuestionRow(q, splits.get(q.taskId)!, opts.systemPrompt));
    writeFileSync(opts.out, Buffer.from(toVerlQuestionParquet(rows)));
    return rows.length;
  }
  const out = createWriteStream(opts.out);
  let written = 0;
  for (const instance of instances()) {
    const row = opts.format === 'trl' ? toTrlQuestionRow(instance, opts.systemPrompt) : instance;
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    written++;
  }
  out.end();
  await once(out, 'finish');
  return written;
}
