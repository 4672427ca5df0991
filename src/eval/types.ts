// The nouns the eval harness and its reports share (a cycle-free home: reports import these, not
// run-eval.ts, which imports the reports).

/** What identifies a run; resuming into a folder with a different identity is refused. */
export type RunManifest = {
  model: string;
  mode: string;
  taskIds: string[];
  perTask: number;
  samples: number;
  seed: number;
  temperature: number;
  /** The system prompt, when the run set its own (the demo's modes do). */
  systemPrompt?: string;
  startedAt: string;
};
