// withLearner stops the local learner it started, also when the work throws; openLearner of a
// remote connection starts nothing.
import { describe, expect, it } from 'vitest';
import { openLearner, withLearner, type OpenLearner } from './with-learner.js';
import { alive } from '../../test/helpers/processes.js';

describe('withLearner', () => {
  it('stops the local learner when the work throws, and a remote one is never started', async () => {
    let seen: OpenLearner | undefined;
    await expect(
      withLearner({ local: { threads: 1 } }, async (learner) => {
        seen = learner;
        expect(await learner.client.health()).toBe(true);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(seen?.remote).toBe(false);
    expect(alive(seen?.local?.child.pid)).toBe(false);
    const remote = await openLearner({ connection: { url: 'http://127.0.0.1:9', apiKey: 'k' } });
    expect([remote.remote, remote.local]).toEqual([true, undefined]);
  }, 90_000);
});
