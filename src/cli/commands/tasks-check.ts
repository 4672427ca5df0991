// `r1ci tasks check`: for every implemented task, generate questions and verify their gold
// answers, and print a summary table (a whole-suite health check; exit 1 on a rejected gold answer).
import type { Command } from 'commander';
import { listTasks, setDataDir, hasDataset } from '../../tasks/index.js';
import { resolveTasksCheckFlags, TOOL_DEFAULTS } from '../options/tools.js';
import { printJson, renderTable } from '../output.js';

export function registerTasksCheckCommand(program: Command): void {
  const tasks = program.commands.find((command) => command.name() === 'tasks') ?? program.command('tasks');
  tasks
    .command('check')
    .description('generate questions for every implemented task and verify their gold answers')
    .option('--per-task <n>', `questions per task (default ${TOOL_DEFAULTS.tasksCheckPerTask})`)
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option('--json', 'print JSON')
    .action((raw: unknown) => {
      const opts = resolveTasksCheckFlags(raw);
      setDataDir(opts.dataDir);
      const perTask = opts.perTask;
      const rows: {
        id: string;
        source: string;
        split: string;
        generated: number;
        goldCorrect: number;
        perSecond: number;
        note: string;
      }[] = [];
      for (const entry of listTasks({ implementedOnly: true })) {
        const task = entry.task!;
        if (task.dataset && !hasDataset(task.dataset.name)) {
          rows.push({
            id: entry.id,
            source: entry.source,
            split: entry.split,
            generated: 0,
            goldCorrect: 0,
            perSecond: 0,
            note: `data missing: r1ci data fetch ${task.dataset.name}`,
          });
          continue;
        }
        const options = task.resolveOptions();
        const started = performance.now();
        let correct = 0;
        for (let i = 0; i < perTask; i++) {
          const instance = task.generate(options, 0, i);
          if (task.verify(instance, `<<<${instance.answer}>>>`).correct) correct++;
        }
        const seconds = (performance.now() - started) / 1000;
        rows.push({
          id: entry.id,
          source: entry.source,
          split: entry.split,
          generated: perTask,
          goldCorrect: correct,
          perSecond: Math.round(perTask / seconds),
          note: correct === perTask ? '' : 'GOLD ANSWER REJECTED',
        });
      }
      const all = listTasks();
      const summary = {
        planned: all.length,
        implemented: rows.length,
        goldFailures: rows.filter((r) => r.goldCorrect !== r.generated).length,
        missingData: rows.filter((r) => r.generated === 0).length,
      };
      if (opts.json) return printJson({ summary, tasks: rows });
      process.stdout.write(
        `${renderTable(
          ['task', 'source', 'split', 'questions', 'gold ok', 'gen+verify/s', 'note'],
          rows.map((r) => [r.id, r.source, r.split, r.generated, r.goldCorrect, r.perSecond, r.note]),
        )}\n\n`,
      );
      process.stdout.write(
        `${summary.implemented} of ${summary.planned} catalogued tasks implemented; ` +
          `${summary.goldFailures} with rejected gold answers; ${summary.missingData} missing data\n`,
      );
      if (summary.goldFailures > summary.missingData) process.exitCode = 1;
    });
}
