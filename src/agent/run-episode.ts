// One episode of the code-interpreter loop as a small state machine: generate until a python
// block closes, run it, insert the feedback, repeat, until the model answers or a limit ends it.
// Token backends keep sampled tokens as sampled (mask 1) and insert feedback tokens (mask 0).
import { hashKeys } from '../core/index.js';
import { extractAnswer, noAnswer, type Task, type TaskInstance, type VerifyResult } from '../tasks/index.js';
import type { Backend, ChatMessage, FinishReason, Tokenizer } from '../backends/types.js';
import type { ExecResult, Sandbox } from '../sandbox/types.js';
import { scanFirstBlock, stripCodeBlocks } from './parse-code-blocks.js';
import { encodePrompt } from './prompt-tokens.js';
import { systemPromptFor } from './prompts.js';
import { renderExecResult } from './render-exec-result.js';
import { TokenState } from './token-state.js';
import type { Episode, ResolvedAgentConfig, StopReason, Turn } from './types.js';

/** The stop string that ends a turn when a code fence closes (kept in the output). */
export const CODE_STOP = '```\n';

export type EpisodeContext = {
  task: Task;
  instance: TaskInstance;
  sample?: number;
  backend: Backend;
  /** Required for token backends: renders the prompt and tokenises feedback. */
  tokenizer?: Tokenizer;
  sandbox: Sandbox;
  config: ResolvedAgentConfig;
  /** Sampling seed for this episode (backends that support it). */
  seed?: number;
};

type Generated = { text: string; finishReason: FinishReason };

/**
 * The sampling seed of one generation call: the episode's seed for the first call, then one derived
 * from (episode seed, call), so a later turn draws fresh noise instead of replaying the first turn's
 * (its logprobs assume a draw from the policy given its own prefix).
 */
export function turnSeed(episodeSeed: number | undefined, call: number): number | undefined {
  if (episodeSeed === undefined || call <= 1) return episodeSeed;
  return hashKeys(['turn', episodeSeed, call]) % 2_147_483_647;
}

export class EpisodeRun {
  phase: 'generate' | 'execute' | 'done' = 'generate';
  private readonly turns: Turn[] = [];
  private readonly messages: ChatMessage[];
  private readonly tokens?: TokenState;
  private segment = ''; // model text since the last feedback
  private lengthBefore = 0; // response tokens before the current generation call
  private prose = ''; // kept model text outside code blocks (where the final answer is read)
  private pendingCode: string | null = null;
  private codeCalls = 0;
  private generations = 0;
  private usedTokens = 0;
  private stopReason: StopReason | null = null;
  private answer: string | null = null;
  private error?: string;
  private readonly started = performance.now();
  private generateMs = 0;
  private execMs = 0;

  constructor(private readonly ctx: EpisodeContext) {
    const system = ctx.config.systemPrompt ?? systemPromptFor(ctx.config.mode);
    this.messages = [
      { role: 'system', content: system },
      { role: 'user', content: ctx.instance.prompt },
    ];
    if (ctx.backend.kind === 'token') {
      if (!ctx.tokenizer) throw new TypeError('a token backend needs a tokenizer');
      this.tokens = new TokenState(ctx.tokenizer, encodePrompt(ctx.tokenizer, this.messages));
    }
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  async step(): Promise<void> {
    if (this.phase === 'generate') await this.generate();
    else if (this.phase === 'execute') await this.execute();
  }

  private finish(reason: StopReason, error?: string): void {
    this.stopReason = reason;
    if (error) this.error = error;
    this.phase = 'done';
  }

  private async generate(): Promise<void> {
    const { config } = this.ctx;
    const left = config.maxTotalTokens - this.usedTokens;
    if (left <= 0) return this.finish('max-tokens');
    if (this.generations >= config.maxGenerations) return this.finish('max-turns');
    this.generations++;
    this.lengthBefore = this.tokens?.length ?? 0;
    const t0 = performance.now();
    let generated: Generated;
    try {
      generated = await this.callBackend(Math.min(config.maxTokensPerTurn, left));
    } catch (error) {
      return this.finish('backend-error', (error as Error)?.message ?? String(error));
    } finally {
      this.generateMs += performance.now() - t0;
    }
    this.afterGeneration(generated);
  }

  private async callBackend(maxTokens: number): Promise<Generated> {
    const { backend, config } = this.ctx;
    const wantsStop = config.mode !== 'text';
    if (backend.kind === 'token') {
      const state = this.tokens!;
      const sample = await backend.sample(
        {
          promptTokens: state.all(),
          maxTokens,
          temperature: config.temperature,
          topP: config.topP,
          stop: wantsStop ? [CODE_STOP] : undefined,
          stopTokenIds: this.ctx.tokenizer!.eosTokenIds,
          seed: turnSeed(this.ctx.seed, this.generations),
        },
        undefined,
      );
      state.appendSampled(sample.tokens, sample.logprobs);
      this.usedTokens += sample.tokens.length;
      return { text: state.decodeSegment(), finishReason: sample.finishReason };
    }
    // Chat APIs cannot continue a cut assistant message, so no stop string is sent: the loop keeps
    // the text up to the first closed block and discards the rest.
    const messages = this.segment
      ? [...this.messages, { role: 'assistant' as const, content: this.segment }]
      : this.messages;
    const reply = await backend.chat({
      messages,
      maxTokens,
      temperature: config.temperature,
      topP: config.topP,
      seed: turnSeed(this.ctx.seed, this.generations),
    });
    this.usedTokens += reply.usage?.completionTokens ?? Math.ceil(reply.text.length / 4);
    return { text: this.segment + reply.text, finishReason: reply.finishReason };
  }

  /** Decides what the generated text means: a closed block to run, a continuation, or the end. */
  private afterGeneration(generated: Generated): void {
    const { config } = this.ctx;
    const before = this.segment;
    let text = generated.text;
    const scan = config.mode === 'text' ? { kind: 'none' as const } : scanFirstBlock(text, 0);
    const turn: Turn = { text: text.slice(before.length), finishReason: generated.finishReason };
    if (scan.kind === 'complete') {
      // Whitespace after the fence is not writing past it: a BPE token can complete the fence and
      // carry a blank line ("`\n\n" in Qwen). That token stays whole, as sampled.
      if (scan.block.end < text.length && text.slice(scan.block.end).trim() !== '') {
        turn.discarded = text.slice(scan.block.end);
        text = text.slice(0, scan.block.end);
        turn.text = text.slice(before.length);
        this.tokens?.cutSegmentAt(text.length);
      } else this.tokens?.dropTrailingEos();
    }
    if (this.tokens) turn.sampledTokens = this.tokens.length - this.lengthBefore;
    this.turns.push(turn);
    this.segment = text;
    if (scan.kind === 'complete') {
      if (config.mode === 'ci' && this.codeCalls >= config.maxExecCalls) return this.finish('max-exec-calls');
      this.pendingCode = scan.block.code;
      this.phase = 'execute';
      return;
    }
    const reason = generated.finishReason.unified;
    if (reason === 'length') return this.finish('max-tokens');
    if (reason === 'stop-string') return; // a plain fence closed, or a stop inside text: keep generating
    this.closeSegment();
    if (config.mode === 'code') return this.finish('no-answer', 'the reply had no complete python block');
    this.answer = extractAnswer(this.prose);
    if (reason === 'content-filter' || reason === 'other')
      return this.finish('backend-error', `generation ended with finish reason ${generated.finishReason.raw}`);
    this.finish(this.answer === null ? 'no-answer' : 'final-answer');
  }

  private closeSegment(): void {
    this.prose += `${stripCodeBlocks(this.segment)}\n`;
    if (this.ctx.backend.kind === 'chat' && this.segment)
      this.messages.push({ role: 'assistant', content: this.segment });
    this.segment = '';
    this.tokens?.closeSegment();
  }

  private async execute(): Promise<void> {
    const { config, sandbox } = this.ctx;
    const code = this.pendingCode!;
    this.pendingCode = null;
    this.codeCalls++;
    const turn = this.turns[this.turns.length - 1];
    turn.code = code;
    const t0 = performance.now();
    let result: ExecResult;
    try {
      result = await sandbox.exec({ code, timeoutMs: config.execTimeoutMs, memoryMb: config.execMemoryMb });
    } catch (error) {
      this.closeSegment();
      return this.finish('sandbox-error', (error as Error)?.message ?? String(error));
    } finally {
      this.execMs += performance.now() - t0;
    }
    turn.exec = result;
    this.closeSegment();
    if (config.mode === 'code') {
      const printed = result.stdout.trim();
      this.answer = printed ? (extractAnswer(printed) ?? printed) : null;
      return this.finish(this.answer === null ? 'no-answer' : 'final-answer');
    }
    const tokenizer = this.ctx.tokenizer;
    const feedback = renderExecResult(result, {
      timeoutMs: config.execTimeoutMs,
      truncation: config.truncation,
      measure: tokenizer ? (t) => tokenizer.encode(t).length : undefined,
    });
    turn.feedback = feedback;
    if (this.tokens) {
      const added = this.tokens.appendObservation(feedback);
      turn.observationTokens = added;
      this.usedTokens += added;
    } else {
      this.messages.push({ role: 'user', content: feedback });
      this.usedTokens += Math.ceil(feedback.length / 4);
    }
    this.phase = 'generate';
  }

  episode(): Episode {
    const { instance, config, task } = this.ctx;
    const sample = this.ctx.sample ?? 0;
    const verdict: VerifyResult =
      this.answer === null
        ? noAnswer(this.stopReason === 'final-answer' ? undefined : `episode ended: ${this.stopReason}`)
        : task.verifyAnswer(instance, this.answer);
    const state = this.tokens;
    return {
      id: `${instance.taskId}#${instance.index}#${sample}`,
      taskId: instance.taskId,
      index: instance.index,
      seed: instance.seed,
      sample,
      mode: config.mode,
      backend: this.ctx.backend.name,
      system: this.messages[0].content,
      question: instance.prompt,
      turns: this.turns,
      answer: this.answer,
      verdict,
      stopReason: this.stopReason ?? 'max-turns',
      codeCalls: this.codeCalls,
      usage: state ? state.usage() : { promptTokens: 0, sampledTokens: this.usedTokens, observationTokens: 0 },
      timing: { totalMs: performance.now() - this.started, generateMs: this.generateMs, execMs: this.execMs },
      ...(state && config.recordTokens ? { trajectory: state.trajectory(), drift: state.drift() } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }
}

/** Runs one episode to its end; never throws for model, backend or sandbox failures. */
export async function runEpisode(ctx: EpisodeContext): Promise<Episode> {
  const run = new EpisodeRun(ctx);
  while (!run.done) await run.step();
  return run.episode();
}
