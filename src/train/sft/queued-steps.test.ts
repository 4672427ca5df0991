// With a client that can queue requests (the real learner's), SFT queues each step's forward_backward
// and optim_step behind the previous step before reading that step's results, so the learner never
// waits for the client between steps; evaluation and checkpoints still see exactly their step's weights.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { byteTokenizer, FakeTrainingClient, sftRecord } from '../../../test/helpers/fake-training-client.js';
import type {
  AdamParams,
  ForwardBackwardInput,
  ForwardBackwardOutput,
  OptimStepResponse,
  QueuedRequest,
} from '../../learner/index.js';
import { runSft } from './run-sft.js';

/** Runs queued verbs at once, in order, as the learner does; logs when each result is read. */
class QueueingClient extends FakeTrainingClient {
  readonly log: string[] = [];

  async submitForwardBackward(modelId: string, input: ForwardBackwardInput) {
    const out = await this.forwardBackward(modelId, input);
    this.log.push(`fb ${this.steps(modelId) + 1}`);
    return this.queued(out, `fb ${this.steps(modelId) + 1}`);
  }

  async submitOptimStep(modelId: string, adam: AdamParams) {
    const out = await this.optimStep(modelId, adam);
    this.log.push(`optim ${this.steps(modelId)}`);
    return this.queued(out, `optim ${this.steps(modelId)}`);
  }

  override async forward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    this.log.push(`eval after ${this.steps(modelId)}`);
    return super.forward(modelId, input);
  }

  override async saveWeights(modelId: string, path?: string): Promise<string> {
    this.log.push(`save after ${this.steps(modelId)}`);
    return super.saveWeights(modelId, path);
  }

  private queued<T extends ForwardBackwardOutput | OptimStepResponse>(out: T, name: string): QueuedRequest<T> {
    return {
      result: async () => {
        this.log.push(`read ${name}`);
        return out;
      },
    };
  }
}

let dir: string | undefined;

/** runSft on the fake tiny model, batches of 2, one epoch, in a fresh folder. */
async function sft(client: FakeTrainingClient, train: number[], extra: Partial<Parameters<typeof runSft>[0]> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-sft-queued-'));
  const modelId = await client.createModel({ base_model: 'tiny' });
  return runSft({
    client,
    modelId,
    tokenizer: byteTokenizer,
    runDir: dir,
    train: train.map(sftRecord),
    batchSize: 2,
    epochs: 1,
    ...extra,
  });
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SFT steps queued on the learner', () => {
  it("queues the next step before reading this one's results, but not past an evaluation or checkpoint", async () => {
    const client = new QueueingClient();
    const result = await sft(client, [0, 1, 2, 3, 4, 5, 6, 7], {
      heldOut: [sftRecord(8)],
      evalEvery: 2,
      checkpointEvery: 3,
    });
    expect(result.steps).toBe(4);
    // What the learner ran, in order: each evaluation and checkpoint right after its step's optim_step.
    expect(client.log.filter((line) => !line.startsWith('read'))).toEqual([
      'fb 1',
      'optim 1',
      'fb 2',
      'optim 2',
      'eval after 2',
      'fb 3',
      'optim 3',
      'save after 3',
      'fb 4',
      'optim 4',
      'eval after 4',
      'save after 4',
    ]);
    const at = (line: string) => client.log.indexOf(line);
    expect(at('fb 2')).toBeLessThan(at('read optim 1')); // step 2 was queued before step 1's results were read
    expect(at('fb 3')).toBeGreaterThan(at('read optim 2')); // step 2 evaluates: nothing queued behind it
    expect(at('fb 4')).toBeGreaterThan(at('read optim 3')); // step 3 checkpoints
  });

  it('without queueing verbs, runs each step with the plain calls', async () => {
    const client = new FakeTrainingClient();
    const result = await sft(client, [0, 1, 2, 3]);
    expect(result.steps).toBe(2);
    expect(client.calls.filter((c) => c.verb === 'optim_step')).toHaveLength(2);
  });
});
