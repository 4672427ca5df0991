// The demo's outputs: the per-task table (base, SFT and SFT+GRPO accuracy in ci, choice and text
// modes, code use), the training and reward curves of report.html, and demo.json with every number.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtmlReport } from '../../eval/index.js';
import { escapeHtml } from '../../eval/report/svg.js';
import type { SftStepMetrics } from '../../train/sft/types.js';
import type { StepMetrics } from '../../train/rl/types.js';
import type { DemoContext, DemoStage } from './context.js';

const pct = (x: number | undefined): string => (x === undefined ? '-' : `${(100 * x).toFixed(0)}%`);

export type DemoRow = {
  taskId: string;
  kind: string;
  accuracy: Record<string, number>;
  codeUse: Record<string, number>;
  codeCalls: Record<string, number>;
};

export function demoRows(ctx: DemoContext): DemoRow[] {
  return ctx.settings.tasks.map((task) => {
    const row: DemoRow = { taskId: task.id, kind: task.kind, accuracy: {}, codeUse: {}, codeCalls: {} };
    for (const [key, run] of ctx.evals) {
      const metrics = run.metrics.tasks.find((t) => t.taskId === task.id);
      if (!metrics) continue;
      row.accuracy[key] = metrics.accuracy;
      row.codeUse[key] = metrics.codeUseRate;
      row.codeCalls[key] = metrics.meanCodeCalls;
    }
    return row;
  });
}

/** The printed table: one accuracy column per model/mode, then the code use of each trained model's
 * runs that may use code (code calls per episode are in demo.json). */
export function renderDemoTable(ctx: DemoContext): { header: string[]; rows: string[][] } {
  const keys = [...ctx.evals.keys()];
  const codeKeys = keys.filter((k) => !k.endsWith('/text') && !k.startsWith('base/'));
  const header = ['task', ...keys.map((k) => `acc ${k}`), ...codeKeys.map((k) => `code use ${k}`)];
  const rows = demoRows(ctx).map((r) => [
    r.taskId,
    ...keys.map((k) => pct(r.accuracy[k])),
    ...codeKeys.map((k) => pct(r.codeUse[k])),
  ]);
  const mean = (k: string) => ctx.evals.get(k)!.metrics;
  rows.push(['mean', ...keys.map((k) => pct(mean(k).meanAccuracy)), ...codeKeys.map((k) => pct(mean(k).codeUseRate))]);
  return { header, rows };
}

function lineChart(title: string, series: { name: string; colour: string; points: [number, number][] }[]): string {
  const all = series.flatMap((s) => s.points);
  if (!all.length) return '';
  const w = 560,
    h = 220,
    pad = 40;
  const maxX = Math.max(...all.map((p) => p[0])),
    maxY = Math.max(...all.map((p) => p[1])),
    minY = Math.min(0, ...all.map((p) => p[1]));
  const x = (v: number) => pad + ((w - 2 * pad) * v) / Math.max(1, maxX);
  const y = (v: number) => h - pad - ((h - 2 * pad) * (v - minY)) / Math.max(1e-9, maxY - minY);
  const lines = series
    .filter((s) => s.points.length)
    .map((s) => {
      const points = s.points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${points}"/>`;
    });
  const legend = series.map((s, i) => {
    const at = pad + i * Math.min(150, (w - pad) / series.length);
    return `<text x="${at}" y="16" fill="${s.colour}" font-size="12">${escapeHtml(s.name)}</text>`;
  });
  const axes =
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/>` +
    `<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#999"/>`;
  const labels =
    `<text x="${w / 2}" y="${h - 8}" font-size="12" text-anchor="middle">step (max ${maxX})</text>` +
    `<text x="4" y="${pad}" font-size="12">${maxY.toFixed(2)}</text>` +
    `<text x="4" y="${h - pad}" font-size="12">${minY.toFixed(2)}</text>`;
  const open = `<svg width="${w}" height="${h}" role="img" aria-label="${escapeHtml(title)}">`;
  return `${open}${axes}\n${labels}${lines.join('')}${legend.join('')}</svg>`;
}

/** The RL stage's curves: mean rollout reward and its correctness term, rollout accuracy and code use, per step. */
function rlCurves(metrics: readonly StepMetrics[]): string {
  return lineChart('RL reward', [
    { name: 'mean reward', colour: '#3b6fd8', points: metrics.map((m) => [m.step, m.reward]) },
    { name: 'correct term', colour: '#e0803a', points: metrics.map((m) => [m.step, m.rewardCorrect]) },
    { name: 'accuracy', colour: '#3aa565', points: metrics.map((m) => [m.step, m.accuracy]) },
    { name: 'code use', colour: '#8a4fc8', points: metrics.map((m) => [m.step, m.codeUseRate]) },
  ]);
}

export function trainingCurvesSection(
  metrics: readonly SftStepMetrics[],
  timings: Record<string, number>,
  rl: readonly StepMetrics[] = [],
): string {
  const loss = lineChart('SFT loss', [
    { name: 'train loss (per token)', colour: '#3b6fd8', points: metrics.map((m) => [m.step, m.loss]) },
    {
      name: 'held-out loss',
      colour: '#e0803a',
      points: metrics.filter((m) => m.heldOutLoss !== undefined).map((m) => [m.step, m.heldOutLoss!]),
    },
  ]);
  const lr = lineChart('learning rate', [
    { name: 'learning rate', colour: '#3aa565', points: metrics.map((m) => [m.step, m.learningRate]) },
  ]);
  const times = Object.entries(timings)
    .map(([stage, ms]) => `<tr><td>${escapeHtml(stage)}</td><td>${(ms / 1000).toFixed(1)} s</td></tr>`)
    .join('');
  const reward = rl.length ? `<h3>GRPO after SFT</h3><p>Per step, over that step's rollouts.</p>${rlCurves(rl)}` : '';
  const wall = `<h3>Wall time by stage</h3><table>${times}</table>`;
  return `<section><h2>Training curves</h2>${loss}${lr}${reward}${wall}</section>`;
}

export const reportStage: DemoStage = {
  name: 'report',
  async run(ctx) {
    const runs = [...ctx.evals.values()];
    const html = renderHtmlReport(runs, {
      title: `r1ci demo: the tiny model before and after SFT${ctx.rl ? ' and GRPO' : ''}`,
      sectionsBefore: trainingCurvesSection(ctx.sft?.metrics ?? [], ctx.timings, ctx.rl?.metrics),
    });
    writeFileSync(join(ctx.outDir, 'report.html'), html);
    const summary = {
      settings: ctx.settings,
      timings: ctx.timings,
      sftTokensPerSecond: ctx.sft?.tokensPerSecond ?? null,
      sftSteps: ctx.sft?.steps ?? 0,
      records: ctx.records?.length ?? 0,
      rl: ctx.rl?.metrics ?? [],
      rows: demoRows(ctx),
      runs: runs.map((r) => ({ label: r.label, metrics: r.metrics })),
    };
    writeFileSync(join(ctx.outDir, 'demo.json'), `${JSON.stringify(summary, null, 2)}\n`);
  },
};
