// Agent config: user options (all optional) → a frozen resolved config with the paper's defaults.
// Unknown keys and out-of-range values are a ConfigError listing every problem.
import { ConfigError, type ConfigProblem } from '../core/index.js';
import { AGENT_DEFAULTS, type AgentOptions, type ResolvedAgentConfig } from './types.js';

const POSITIVE_INTS = [
  'maxExecCalls',
  'execTimeoutMs',
  'execMemoryMb',
  'maxTokensPerTurn',
  'maxTotalTokens',
  'maxGenerations',
] as const;

export function resolveAgentConfig(options: AgentOptions = {}): ResolvedAgentConfig {
  const problems: ConfigProblem[] = [];
  const known = new Set([...Object.keys(AGENT_DEFAULTS), 'systemPrompt', 'topP']);
  for (const key of Object.keys(options))
    if (!known.has(key))
      problems.push({ path: `agent.${key}`, message: 'unknown option', fix: `options are: ${[...known].join(', ')}` });
  const merged = {
    ...AGENT_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as ResolvedAgentConfig;
  if (!['ci', 'text', 'code'].includes(merged.mode))
    problems.push({ path: 'agent.mode', message: `unknown mode ${merged.mode}`, fix: 'use ci, text or code' });
  for (const key of POSITIVE_INTS)
    if (!Number.isInteger(merged[key]) || merged[key] < (key === 'maxExecCalls' ? 0 : 1))
      problems.push({ path: `agent.${key}`, message: `bad value ${merged[key]}`, fix: 'use a positive integer' });
  if (!(merged.temperature >= 0 && merged.temperature <= 5))
    problems.push({
      path: 'agent.temperature',
      message: `bad value ${merged.temperature}`,
      fix: 'use a number from 0 to 5',
    });
  if (merged.topP !== undefined && !(merged.topP > 0 && merged.topP <= 1))
    problems.push({ path: 'agent.topP', message: `bad value ${merged.topP}`, fix: 'use a number in (0, 1]' });
  if (!['chars', 'tokens'].includes(merged.truncation.unit) || !(merged.truncation.budget >= 16))
    problems.push({
      path: 'agent.truncation',
      message: 'bad truncation budget',
      fix: 'use {unit: "chars"|"tokens", budget ≥ 16}',
    });
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({ ...merged, truncation: Object.freeze({ ...merged.truncation }) });
}
