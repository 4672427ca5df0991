// Episode → SFT record: the loop's kept turn texts and inserted feedback, in order, with train
// masks; and the chat-message view other stacks read (feedback as a user message).
import type { ChatMessage } from '../../backends/types.js';
import type { Episode } from '../../agent/index.js';
import type { PromptVariant, SynthRecord, SynthSegment } from './types.js';

/** Segments of an episode: each generation call's kept text (trained), each feedback (not trained). */
export function episodeSegments(episode: Episode): SynthSegment[] {
  const segments: SynthSegment[] = [];
  for (const turn of episode.turns) {
    segments.push({ role: 'model', text: turn.text, train: true });
    if (turn.feedback !== undefined) segments.push({ role: 'interpreter', text: turn.feedback, train: false });
  }
  return segments;
}

/** The chat view: consecutive model segments form one assistant message; feedback is a user message. */
export function segmentsToMessages(system: string, question: string, segments: readonly SynthSegment[]): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: question },
  ];
  for (const segment of segments) {
    const role = segment.role === 'model' ? 'assistant' : 'user';
    const last = messages[messages.length - 1];
    if (last.role === role && role === 'assistant') last.content += segment.text;
    else messages.push({ role, content: segment.text });
  }
  return messages;
}

export function episodeToRecord(episode: Episode, variant: PromptVariant, gold: string): SynthRecord {
  const segments = episodeSegments(episode);
  return {
    id: `${episode.taskId}#${episode.index}`,
    taskId: episode.taskId,
    index: episode.index,
    seed: episode.seed,
    variant,
    teacher: episode.backend,
    system: episode.system,
    question: episode.question,
    segments,
    messages: segmentsToMessages(episode.system, episode.question, segments),
    answer: episode.answer ?? '',
    gold,
    codeCalls: episode.codeCalls,
    generations: episode.turns.length,
  };
}

/** Among correct episodes of one question, the one to keep: most code calls, then most turns, then first. */
export function pickPreferred<T extends { episode: Episode }>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (!candidate.episode.verdict.correct || candidate.episode.stopReason !== 'final-answer') continue;
    const e = candidate.episode,
      b = best?.episode;
    if (!b || e.codeCalls > b.codeCalls || (e.codeCalls === b.codeCalls && e.turns.length > b.turns.length))
      best = candidate;
  }
  return best;
}
