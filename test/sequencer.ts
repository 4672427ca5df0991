// The order in which vitest hands test files to its two workers. With durations recorded by an
// earlier run, vitest's own order (longest first). On a run with none (a fresh clone), vitest puts
// the largest files first, and small files that start processes (a learner, the CLI, a sandbox) and
// run for tens of seconds came last, leaving one worker to finish them alone: here those files come
// first, the ones that start the most processes first of all.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const PROCESS_STARTS =
  /startLocalLearner\(|start\w*Fixture\(|runCli\(|createLocalSandbox\(|withLearner\(|bin\/r1ci\.js/g;

/** How many processes a test file's code starts (a count of the calls that start them). */
export function processStarts(source: string): number {
  return source.match(PROCESS_STARTS)?.length ?? 0;
}

export default class ProcessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const recorded = sorted.filter((spec) =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`),
    ).length;
    if (recorded >= sorted.length / 2) return sorted;
    const starts = new Map(sorted.map((spec) => [spec, processStarts(readFileSync(spec.moduleId, 'utf8'))]));
    // Array.prototype.sort is stable: files with equal counts keep vitest's order.
    return [...sorted].sort((a, b) => starts.get(b)! - starts.get(a)!);
  }
}
