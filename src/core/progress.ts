// The progress of long work, as the library reports it: a stage's name, how much of it is done, and
// a short note (a loss, an accuracy). The CLI draws it (src/cli/progress.ts); library callers may
// pass any function.

/** Called as a stage advances: `done` of `total` units, with an optional short note. */
export type OnProgress = (stage: string, done: number, total: number, note?: string) => void;
