// Writes results.json, report.md and report.html for one or more runs into a folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtmlReport } from './html.js';
import { renderMarkdownReport } from './markdown.js';
import type { RunSummary } from './types.js';

export function writeReports(outDir: string, runs: readonly RunSummary[]): void {
  const one = runs[0];
  const results =
    runs.length === 1
      ? { manifest: one.manifest, metrics: one.metrics, ...(one.incomplete ? { incomplete: one.incomplete } : {}) }
      : { runs: runs.map((r) => ({ label: r.label, manifest: r.manifest, metrics: r.metrics })) };
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'report.md'), renderMarkdownReport(runs));
  writeFileSync(join(outDir, 'report.html'), renderHtmlReport(runs));
}
