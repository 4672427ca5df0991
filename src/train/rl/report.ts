// The run's report: a line chart per metric over steps (reward and its terms, accuracy, code use,
// KL, entropy, clip fraction, time split), as an HTML section that stands alone or goes before an
// eval report's sections (renderHtmlReport's sectionsBefore).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, RUN_COLOURS } from '../../eval/report/svg.js';
import type { StepMetrics } from './types.js';

export type Series = { name: string; points: readonly (readonly [number, number])[] };

/** One small line chart; x and y ranges from the data. */
export function lineChart(title: string, series: readonly Series[]): string {
  const width = 420,
    height = 170,
    left = 46,
    bottom = 24,
    top = 22;
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const xs = all.map((p) => p[0]),
    ys = all.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  const px = (x: number) => left + ((x - x0) / (x1 - x0)) * (width - left - 10);
  const py = (y: number) => height - bottom - ((y - y0) / (y1 - y0)) * (height - bottom - top);
  const parts = [
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" ` +
      `xmlns="http://www.w3.org/2000/svg">`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${escapeHtml(title)}</text>`,
    `<text x="4" y="${py(y1) + 4}" font-size="10">${fmt(y1)}</text><text x="4" y="${py(y0) + 4}" ` +
      `font-size="10">${fmt(y0)}</text>`,
    `<text x="${left}" y="${height - 6}" font-size="10">step ${x0}</text><text x="${width - 60}" ` +
      `y="${height - 6}" font-size="10">step ${x1}</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#999"/>`,
  ];
  series.forEach((s, i) => {
    const colour = RUN_COLOURS[i % RUN_COLOURS.length];
    const path = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="1.5" ` +
        `points="${path}"><title>${escapeHtml(s.name)}</title></polyline>`,
    );
    parts.push(
      `<text x="${width - 150}" y="${14 + i * 11}" font-size="10" fill="${colour}">${escapeHtml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2);
}

function seriesOf(
  metrics: readonly StepMetrics[],
  name: string,
  pick: (m: StepMetrics) => number | null | undefined,
): Series {
  return {
    name,
    points: metrics.flatMap((m) => {
      const v = pick(m);
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [[m.step, v] as const];
    }),
  };
}

/** Most tasks drawn as lines of their own in the per-task code-use chart; with more it is left out. */
const MAX_TASK_LINES = 8;

/** Code use per task, one line each, for runs on 2 to MAX_TASK_LINES tasks ('' otherwise). */
function perTaskCodeUse(metrics: readonly StepMetrics[]): string {
  const taskIds = [...new Set(metrics.flatMap((m) => Object.keys(m.tasks ?? {})))].sort();
  if (taskIds.length < 2 || taskIds.length > MAX_TASK_LINES) return '';
  return lineChart(
    'code use per task',
    taskIds.map((id) => seriesOf(metrics, id, (m) => m.tasks?.[id]?.codeUseRate)),
  );
}

/** The charts of an RL run, as one HTML section. */
export function renderRlCharts(metrics: readonly StepMetrics[], title = 'RL training'): string {
  const charts = [
    lineChart('reward and its terms', [
      seriesOf(metrics, 'reward', (m) => m.reward),
      seriesOf(metrics, 'correct', (m) => m.rewardCorrect),
      seriesOf(metrics, 'format', (m) => m.rewardFormat),
      seriesOf(metrics, 'turns', (m) => m.rewardTurns),
    ]),
    lineChart('accuracy', [
      seriesOf(metrics, 'rollouts', (m) => m.accuracy),
      seriesOf(metrics, 'held-out', (m) => m.eval?.accuracy),
    ]),
    lineChart('code use', [
      seriesOf(metrics, 'code-use rate', (m) => m.codeUseRate),
      seriesOf(metrics, 'code calls', (m) => m.codeCalls),
    ]),
    perTaskCodeUse(metrics),
    lineChart('response tokens', [seriesOf(metrics, 'tokens', (m) => m.responseTokens)]),
    lineChart('KL to reference', [seriesOf(metrics, 'kl', (m) => m.kl)]),
    lineChart('entropy', [seriesOf(metrics, 'entropy', (m) => m.entropy)]),
    lineChart('clip fraction', [seriesOf(metrics, 'clip fraction', (m) => m.clipFraction)]),
    lineChart('seconds per step', [
      seriesOf(metrics, 'sampling', (m) => m.samplingSeconds),
      seriesOf(metrics, 'execution', (m) => m.executionSeconds),
      seriesOf(metrics, 'training', (m) => m.trainingSeconds),
    ]),
  ].filter(Boolean);
  return `<section><h2>${escapeHtml(title)}</h2><div class="charts">${charts.join('\n')}</div></section>`;
}

/** Writes report.html into the run folder. */
export function writeRlReport(dir: string, metrics: readonly StepMetrics[]): string {
  const path = join(dir, 'report.html');
  writeFileSync(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><title>r1ci ` +
      `rl</title><style>body{font-family:sans-serif;margin:24px}.chart{margin:6px;border:1px solid ` +
      `#eee}</style></head><body>${renderRlCharts(metrics)}</body></html>\n`,
  );
  return path;
}
