// report.md: the numbers of one or more runs as Markdown tables.
import type { RunSummary } from './types.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}`;

export function renderMarkdownReport(runs: readonly RunSummary[]): string {
  const lines: string[] = ['# Evaluation report', ''];
  lines.push(
    '| run | mean accuracy over tasks (%) | pass@k (%) | k | episodes | code use (%) | mean code calls | ' +
      'self-check (%) |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const run of runs) {
    const m = run.metrics;
    lines.push(
      `| ${run.label} | ${pct(m.meanAccuracy)} | ${pct(m.meanPassAtK)} | ${m.k} | ${m.episodes} ` +
        `| ${pct(m.codeUseRate)} | ${m.meanCodeCalls.toFixed(2)} | ${pct(m.selfCheckRate)} |`,
    );
  }
  const taskIds = [...new Set(runs.flatMap((run) => run.metrics.tasks.map((t) => t.taskId)))].sort();
  lines.push(
    '',
    '## Accuracy per task (%)',
    '',
    `| task | ${runs.map((r) => r.label).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
  );
  for (const id of taskIds) {
    lines.push(
      `| ${id} | ${runs
        .map((run) => {
          const t = run.metrics.tasks.find((x) => x.taskId === id);
          return t ? pct(t.accuracy) : '–';
        })
        .join(' | ')} |`,
    );
  }
  for (const run of runs) {
    const m = run.metrics;
    lines.push('', `## ${run.label}`, '');
    lines.push(
      `- stop reasons: ${
        Object.entries(m.stopReasons)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
    );
    lines.push(`- code calls per episode (0, 1, 2, …): ${m.codeCallHistogram.join(', ')}`);
    lines.push(
      `- mean tokens per episode: ${m.meanSampledTokens.toFixed(0)} ` +
        `sampled, ${m.meanObservationTokens.toFixed(0)} from code output`,
    );
    lines.push(
      `- errors: ${m.errors.count}${m.errors.examples.length ? ` (${m.errors.examples.slice(0, 3).join('; ')})` : ''}`,
    );
    const infra = m.infrastructureFailures;
    if (infra.count)
      lines.push(
        `- infrastructure failures (not scored; a rerun redoes them): ${infra.count} ` +
          `(${infra.examples.slice(0, 3).join('; ')})`,
      );
    const unavailable = Object.entries(run.incomplete?.unavailable ?? {});
    if (run.incomplete?.missing) {
      const notRun = unavailable.map(([id, why]) => `${id} (${why})`).join(', ');
      lines.push(
        `- not finished: ${run.incomplete.missing} episodes${unavailable.length ? `; tasks not run: ${notRun}` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
