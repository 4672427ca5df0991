// The terminal progress: a redrawn bar with an ETA on a TTY, and paced plain lines when piped.
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, renderProgressLine } from './progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 200, write: (s: string) => (writes.push(s), true) } };
}

describe('progress', () => {
  it('computes the ETA from the rate so far', () => {
    expect(renderProgressLine('sft', 25, 100, 30_000, 'loss 1.2')).toBe(
      'sft 25/100 (25%) 0:30 elapsed, ETA 1:30 | loss 1.2',
    );
    expect(renderProgressLine('eval', 0, 8, 0)).toBe('eval 0/8 (0%) 0:00 elapsed');
    expect(renderProgressLine('eval', 8, 8, 65_000)).toBe('eval 8/8 (100%) 1:05 elapsed');
    expect(renderProgressLine('rl', 1, 2, 1000, '', 10)).toBe('rl [#####-----] 1/2 (50%) 0:01 elapsed, ETA 0:01');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it("when piped, prints a stage's first and last line and at most one line per interval between", () => {
    const { writes, stream } = fakeStream(false);
    let t = 0;
    const progress = createProgress({ stream, plainEveryMs: 10_000, now: () => t });
    for (let done = 0; done <= 30; done++) {
      progress.update('synthesis', done, 30);
      t += 1_000;
    }
    progress.update('sft', 1, 2);
    expect(writes).toEqual([
      'synthesis 0/30 (0%) 0:00 elapsed\n',
      'synthesis 10/30 (33%) 0:10 elapsed, ETA 0:20\n',
      'synthesis 20/30 (67%) 0:20 elapsed, ETA 0:10\n',
      'synthesis 30/30 (100%) 0:30 elapsed\n',
      'sft 1/2 (50%) 0:00 elapsed, ETA 0:00\n',
    ]);
  });

  it('on a terminal, redraws one line, ends it when the stage ends, and keeps it under logged lines', () => {
    const { writes, stream } = fakeStream(true);
    let t = 0;
    const progress = createProgress({ stream, now: () => t });
    progress.update('eval', 1, 4);
    t = 2_000;
    progress.update('eval', 2, 4);
    progress.log('eval base/ci: accuracy 0%');
    progress.update('eval', 4, 4);
    progress.log('done');
    const bar2 = 'eval [##########----------] 2/4 (50%) 0:02 elapsed, ETA 0:02';
    expect(writes).toEqual([
      'eval [#####---------------] 1/4 (25%) 0:00 elapsed, ETA 0:00',
      '\r\x1b[2K',
      bar2,
      '\r\x1b[2K',
      'eval base/ci: accuracy 0%\n',
      bar2,
      '\r\x1b[2K',
      'eval [####################] 4/4 (100%) 0:02 elapsed',
      '\n',
      'done\n',
    ]);
  });
});
