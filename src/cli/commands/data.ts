// `r1ci data`: where fixed datasets live, and downloading them.
import type { Command } from 'commander';
import { bbhDataset, BBH_NAMES, DATASETS, dataDir, fetchDatasets, hasDataset, setDataDir } from '../../tasks/index.js';
import { printJson, renderTable } from '../output.js';

function allDatasetNames(): string[] {
  for (const name of BBH_NAMES) bbhDataset(name);
  return Object.keys(DATASETS).sort();
}

export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('fixed datasets (GSM-Hard, MATH, BIG-Bench-Hard): list and fetch');
  data
    .command('list')
    .description('list datasets and whether they are present in the data directory')
    .option('--data-dir <dir>', 'data directory (default: $R1CI_DATA_DIR or ~/.cache/r1ci/data)')
    .option('--json', 'print JSON')
    .action((opts: { dataDir?: string; json?: boolean }) => {
      setDataDir(opts.dataDir);
      const rows = allDatasetNames().map((name) => ({
        name,
        present: hasDataset(name),
        path: DATASETS[name].path,
        licence: DATASETS[name].licence,
      }));
      if (opts.json) return printJson({ dataDir: dataDir(), datasets: rows });
      process.stdout.write(
        `data directory: ${dataDir()}\n${renderTable(
          ['dataset', 'present', 'licence'],
          rows.map((r) => [r.name, r.present ? 'yes' : 'no', r.licence]),
        )}\n`,
      );
    });
  data
    .command('fetch [names...]')
    .description('download datasets (all missing ones when no name is given) into the data directory')
    .option('--data-dir <dir>', 'data directory')
    .option('--force', 'download again even when present')
    .action(async (names: string[], opts: { dataDir?: string; force?: boolean }) => {
      setDataDir(opts.dataDir);
      const wanted = names.length ? names : allDatasetNames().filter((name) => opts.force || !hasDataset(name));
      if (!wanted.length) return void process.stdout.write(`all datasets are present in ${dataDir()}\n`);
      const written = await fetchDatasets(wanted, fetch, (name) => process.stderr.write(`fetching ${name}\n`));
      process.stdout.write(`wrote ${written.length} file(s) under ${dataDir()}\n`);
    });
}
