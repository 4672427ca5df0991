// One way to get a learner and give it back: a remote one when a connection is given (nothing to
// stop), else a local server started here and stopped when the work ends, however it ends.
import { LearnerClient } from './client.js';
import { startLocalLearner, type LocalLearner, type LocalLearnerOptions } from './launcher.js';
import type { LearnerConnection } from './types.js';

export type LearnerSource = {
  /** A remote learner (resolveLearnerConnection); undefined starts a local one. */
  connection?: LearnerConnection;
  /** Options of the local learner, when one is started. */
  local?: LocalLearnerOptions;
};

/** A learner in use: its client, whether it is remote, and how to let it go (idempotent). */
export type OpenLearner = { client: LearnerClient; remote: boolean; local?: LocalLearner; close(): Promise<void> };

/** Opens a learner; the caller must close() it (withLearner does so for a scoped use). */
export async function openLearner(source: LearnerSource = {}): Promise<OpenLearner> {
  if (source.connection) return { client: new LearnerClient(source.connection), remote: true, close: async () => {} };
  const local = await startLocalLearner(source.local);
  return { client: local.client, remote: false, local, close: () => local.stop() };
}

/** Runs `use` with a learner and stops a local one afterwards, also when `use` throws. */
export async function withLearner<T>(source: LearnerSource, use: (learner: OpenLearner) => Promise<T>): Promise<T> {
  const learner = await openLearner(source);
  try {
    return await use(learner);
  } finally {
    await learner.close();
  }
}
