/** `r1ci rl` arguments for two tiny steps against a remote learner at `url`: LoRA rank 2, no KL, two
 * questions of two answers a step, eight tokens a turn. `init` is the base folder (omit it to train the
 * learner's own preset). */
export function tinyRemoteRlArgs(out: string, url: string, init?: string): string[] {
  return [
    'rl',
    '--out',
    out,
    ...(init ? ['--init', init] : []),
    '--learner',
    url,
    '--steps',
    '2',
    '--lora-rank',
    '2',
    '--kl',
    '0',
    '--group-size',
    '2',
    '--questions-per-step',
    '2',
    '--max-tokens-per-turn',
    '8',
    '--max-total-tokens',
    '16',
    '--concurrency',
    '4',
    '--lr',
    '1e-3',
  ];
}
