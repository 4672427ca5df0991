// The tiny preset from TypeScript: writes the Qwen2-architecture model (random weights plus a copy circuit) with its
// byte-level tokenizer (tokenizer.json, tokenizer_config.json with a ChatML template) to a folder.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LearnerError } from '../core/index.js';
import { resolveLearnerPython } from './launcher.js';
import { learnerRoot } from './locate.js';

const run = promisify(execFile);

/** Token ids of the tiny tokenizer: 0..255 are bytes, then these specials. */
export const TINY_SPECIAL_TOKENS = { '<|endoftext|>': 256, '<|im_start|>': 257, '<|im_end|>': 258 } as const;

export type TinyPresetOptions = {
  /** Weights depend only on this (default 0). */
  seed?: number;
  python?: string;
  /** A folder with tokenizer.json (and tokenizer_config.json): build a small random Qwen2 with that
   * tokenizer's vocabulary instead of the byte-level one, and copy its tokenizer files. */
  tokenizerFrom?: string;
};

/** Writes the tiny preset (weights depend only on `seed`) as a Hugging Face folder; resolves to `folder`. */
export async function createTinyPreset(folder: string, options: TinyPresetOptions = {}): Promise<string> {
  const python = resolveLearnerPython(options.python);
  const root = learnerRoot();
  const args = ['-m', 'learner.tiny', folder, '--seed', String(options.seed ?? 0)];
  if (options.tokenizerFrom) args.push('--tokenizer-from', options.tokenizerFrom);
  try {
    await run(python, args, {
      cwd: root,
      env: { ...process.env, PYTHONPATH: root },
      timeout: 120_000,
    });
  } catch (error) {
    throw new LearnerError(
      `could not write the tiny preset ` +
        `to ${folder}: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`,
      { cause: error },
    );
  }
  return folder;
}
