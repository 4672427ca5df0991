// Progress of long work on the terminal: one redrawn bar line with an ETA on a TTY, and plain lines
// at a steady pace when piped (logs, CI), so a user always sees that work goes on and for how long.
import type { OnProgress } from '../core/index.js';

export type ProgressOptions = {
  /** Where to draw (default: process.stderr). */
  stream?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };
  /** Draw a bar (default: the stream is a TTY). */
  tty?: boolean;
  /** Plain mode: at most one line per stage this often, besides its first and last (default 10 s). */
  plainEveryMs?: number;
  /** Clock in ms (tests). */
  now?: () => number;
};

export type Progress = {
  /** Updates a stage (a new stage name ends the previous stage's line). */
  update: OnProgress;
  /** Prints a line above the bar, or plainly when piped; `to` writes it elsewhere (stdout). */
  log(line: string, to?: Pick<NodeJS.WriteStream, 'write'>): void;
  /** Ends the bar's line. */
  stop(): void;
};

/** `m:ss` (or `h:mm:ss`) for a duration in seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** One line for a stage: counts, percent, elapsed and the ETA from the rate so far. */
export function renderProgressLine(
  stage: string,
  done: number,
  total: number,
  elapsedMs: number,
  note = '',
  bar = 0,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const eta = done > 0 && done < total ? `, ETA ${formatDuration(((elapsedMs / done) * (total - done)) / 1000)}` : '';
  const drawn = bar > 0 ? ` [${'#'.repeat(Math.round(fraction * bar)).padEnd(bar, '-')}]` : '';
  const tail = note ? ` | ${note}` : '';
  const elapsed = `${formatDuration(elapsedMs / 1000)} elapsed`;
  return `${stage}${drawn} ${done}/${total} (${Math.round(100 * fraction)}%) ${elapsed}${eta}${tail}`;
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean(stream.isTTY);
  const every = options.plainEveryMs ?? 10_000;
  const now = options.now ?? (() => Date.now());
  let current: { stage: string; started: number; lastPlain: number; line: string } | undefined;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const end = () => {
    if (tty && drawn) stream.write('\n');
    drawn = false;
  };
  return {
    update(stage, done, total, note) {
      const at = now();
      if (!current || current.stage !== stage) {
        end();
        current = { stage, started: at, lastPlain: -Infinity, line: '' };
      }
      const finished = done >= total;
      if (tty) {
        const width = Math.max(40, (stream.columns ?? 100) - 1);
        current.line = renderProgressLine(stage, done, total, at - current.started, note, 20).slice(0, width);
        clear();
        stream.write(current.line);
        drawn = true;
        if (finished) {
          end();
          current.line = '';
        }
      } else if (finished || at - current.lastPlain >= every) {
        current.lastPlain = at;
        stream.write(`${renderProgressLine(stage, done, total, at - current.started, note)}\n`);
      }
    },
    log(line, to = stream) {
      clear();
      to.write(`${line}\n`);
      if (tty && current?.line) {
        stream.write(current.line);
        drawn = true;
      }
    },
    stop() {
      end();
      current = undefined;
    },
  };
}
