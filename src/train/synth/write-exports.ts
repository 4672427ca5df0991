// Writes the exports of a records file beside it: <base>.openai.jsonl, <base>.sharegpt.json with
// dataset_info.json, and <base>.parquet (verl).
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { shareGptDatasetInfo, toJsonl, toOpenAiChat, toShareGpt } from './exports.js';
import { toVerlParquet } from './parquet.js';
import type { SynthRecord } from './types.js';

export type ExportFormat = 'openai' | 'sharegpt' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['openai', 'sharegpt', 'parquet'];

export function parseExportFormats(text: string): ExportFormat[] {
  const formats = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = formats.filter((f) => !EXPORT_FORMATS.includes(f as ExportFormat));
  if (bad.length)
    throw new ConfigError([
      { path: '--export', message: `unknown export format ${bad.join(', ')}`, fix: `use ${EXPORT_FORMATS.join(', ')}` },
    ]);
  return formats as ExportFormat[];
}

/** Writes each format next to `recordsPath`; returns the written paths. */
export function writeExports(
  records: readonly SynthRecord[],
  recordsPath: string,
  formats: readonly ExportFormat[],
): string[] {
  const base = recordsPath.replace(/\.jsonl$/, '');
  const written: string[] = [];
  for (const format of formats) {
    if (format === 'openai') {
      writeFileSync(`${base}.openai.jsonl`, toJsonl(records.map(toOpenAiChat)));
      written.push(`${base}.openai.jsonl`);
    } else if (format === 'sharegpt') {
      const file = `${base}.sharegpt.json`;
      writeFileSync(file, `${JSON.stringify(records.map(toShareGpt), null, 1)}\n`);
      writeFileSync(
        join(dirname(file), 'dataset_info.json'),
        `${JSON.stringify(shareGptDatasetInfo(basename(base), basename(file)), null, 2)}\n`,
      );
      written.push(file);
    } else {
      writeFileSync(`${base}.parquet`, Buffer.from(toVerlParquet(records)));
      written.push(`${base}.parquet`);
    }
  }
  return written;
}
