// The recipes' shared nouns: how a recipe reports while it works. Each recipe's own config (what
// its command's schema resolves to; a TypeScript caller builds one directly) sits beside it.
import type { OnProgress } from '../core/index.js';

/** Where a recipe reports; every hook is optional and a recipe prints nothing itself. */
export type RecipeEvents = {
  /** Progress of long work: a stage, done, total and a note (the CLI draws it as a bar). */
  progress?: OnProgress;
  /** A line worth showing as the work goes on (an RL step, a demo stage). */
  log?: (line: string) => void;
  /** A line about something left out or degraded (unreadable lines, tasks that cannot run). */
  warn?: (line: string) => void;
};
