// bench:tasks: generation and verification throughput per task on one core, the median over
// tasks, the slowest tasks, and Reasoning-Gym's own Python generators as the anchor.
// Data-backed tasks read the data directory (R1CI_DATA_DIR); they are skipped when it lacks them.
import { hasDataset, listTasks, type Task } from '../src/tasks/index.js';

const BUDGET_MS = Number(process.env.BENCH_MS ?? 150);
/** Questions/s of Reasoning-Gym's Python generators measured on this kind of machine (the anchor). */
const RG_ANCHOR_MEDIAN = 9100;
const RG_ANCHORS: Record<string, number> = {
  'rg.games.sudoku': 57,
  'rg.games.futoshiki': 12,
  'rg.games.countdown': 96,
  'rg.algebra.polynomial_equations': 84,
  'rg.algebra.simple_integration': 290,
};

function rate(run: (i: number) => void): number {
  for (let i = 0; i < 20; i++) run(i); // warm-up
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < BUDGET_MS) run(20 + n++);
  return n / ((performance.now() - started) / 1000);
}

function measure(task: Task): { generate: number; verify: number } {
  const options = task.resolveOptions();
  const size = task.dataset ? task.dataset.size() : Infinity;
  const generate = rate((i) => task.generate(options, 1, i % size));
  const instances = Array.from({ length: Math.min(200, size) }, (_, i) => task.generate(options, 2, i));
  const responses = instances.map((instance) => `Reasoning first.\n<<<${instance.answer}>>>`);
  const verify = rate((i) => {
    const k = i % instances.length;
    if (!task.verify(instances[k], responses[k]).correct) throw new Error(`${task.id}: gold answer rejected`);
  });
  return { generate, verify };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2 : 0;
};
const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

const rows: { id: string; source: string; generate: number; verify: number }[] = [];
for (const entry of listTasks({ implementedOnly: true })) {
  const task = entry.task!;
  if (task.dataset && !hasDataset(task.dataset.name)) {
    console.log(`${entry.id.padEnd(52)} skipped: data ${task.dataset.name} missing (set R1CI_DATA_DIR)`);
    continue;
  }
  const result = measure(task);
  rows.push({ id: entry.id, source: entry.source, ...result });
  console.log(
    `${entry.id.padEnd(52)} ${fmt(result.generate).padStart(12)} gen/s ${fmt(result.verify).padStart(12)} verify/s`,
  );
}

console.log(`\n${rows.length} tasks, ${BUDGET_MS} ms per measurement, one core (this process)`);
for (const [label, subset] of [
  ['all tasks', rows],
  ['procedural (no fixed data)', rows.filter((r) => !r.id.startsWith('bbh.') && !/gsm_hard|math_/.test(r.id))],
  ['Reasoning-Gym', rows.filter((r) => r.source === 'rg')],
] as const) {
  if (!subset.length) continue;
  console.log(
    `median over ${label} (${subset.length}): ${fmt(median(subset.map((r) => r.generate)))} ` +
      `generated/s, ${fmt(median(subset.map((r) => r.verify)))} verified/s`,
  );
}
const rg = rows.filter((r) => r.source === 'rg');
if (rg.length)
  console.log(
    `Reasoning-Gym median vs its own Python generators ` +
      `(~${RG_ANCHOR_MEDIAN}/s): ${(median(rg.map((r) => r.generate)) / RG_ANCHOR_MEDIAN).toFixed(1)}×`,
  );
for (const [id, anchor] of Object.entries(RG_ANCHORS)) {
  const row = rows.find((r) => r.id === id);
  if (row)
    console.log(
      `  ${id}: ${fmt(row.generate)}/s vs Reasoning-Gym ${anchor}/s = ${(row.generate / anchor).toFixed(1)}×`,
    );
}
console.log(
  'slowest generation:',
  [...rows]
    .sort((a, b) => a.generate - b.generate)
    .slice(0, 6)
    .map((r) => `${r.id} ${fmt(r.generate)}/s`)
    .join(', '),
);
console.log(
  'slowest verification:',
  [...rows]
    .sort((a, b) => a.verify - b.verify)
    .slice(0, 6)
    .map((r) => `${r.id} ${fmt(r.verify)}/s`)
    .join(', '),
);
