// How BIG-Bench-Hard answers are read and scored, per answer kind: multiple choice (a letter, a
// letter with its option text, or the option text alone), two-label answers (True/False, Yes/No,
// valid/invalid), integers, and exact token sequences (dyck completions, sorted word lists).
import { CORRECT, normalizeText, parseInteger, parseNumber, unparseable, wrong } from '../answer.js';
import type { VerifyResult } from '../types.js';

export type AnswerKind = 'choice' | 'labels' | 'integer' | 'brackets' | 'words';

/** One listed option of a multiple-choice question: `(B) 12/25/1937` → {letter: 'B', text: '12/25/1937'}. */
export type ChoiceOption = { letter: string; text: string };

/** The `(X) text` lines after the last `Options:` of a question, in order. */
export function parseOptions(question: string): ChoiceOption[] {
  const at = question.lastIndexOf('Options:');
  if (at < 0) return [];
  const out: ChoiceOption[] = [];
  for (const line of question.slice(at + 'Options:'.length).split('\n')) {
    const match = /^\(([A-Z])\)\s?(.*)$/.exec(line.trim());
    if (match) out.push({ letter: match[1], text: match[2].trim() });
  }
  return out;
}

/** Whitespace folded, one layer of quotes and markdown emphasis removed, trailing period dropped. */
function cleanAnswer(answer: string): string {
  let text = normalizeText(answer);
  for (let i = 0; i < 3; i++) {
    const stripped = text
      .replace(/^\*\*(.*)\*\*$/, '$1')
      .replace(/^\$\\boxed\{(.*)\}\$$/, '$1')
      .replace(/^\\boxed\{(.*)\}$/, '$1')
      .trim();
    if (stripped === text) break;
    text = normalizeText(stripped);
  }
  return text.endsWith('.') && !text.endsWith('..') ? text.slice(0, -1).trimEnd() : text;
}

/** Option text compared case-insensitively with whitespace folded and a trailing period dropped. */
export function foldOptionText(text: string): string {
  return cleanAnswer(text).toLowerCase();
}

const LETTER_ONLY = /^\(?([A-Za-z])\)?:?$/;
const LETTER_WITH_TEXT = /^(?:\(([A-Za-z])\)|([A-Za-z])[.):])\s*(\S.*)$/;

/** The option letter an answer names, or a reason it names none. */
export function readChoice(answer: string, options: readonly ChoiceOption[]): { letter: string } | { problem: string } {
  const text = cleanAnswer(answer);
  if (text.length === 0) return { problem: 'empty answer' };
  const only = LETTER_ONLY.exec(text);
  if (only) return { letter: only[1].toUpperCase() };
  const withText = LETTER_WITH_TEXT.exec(text);
  if (withText) {
    const letter = (withText[1] ?? withText[2]).toUpperCase();
    const option = options.find((o) => o.letter === letter);
    const folded = foldOptionText(withText[3]);
    if (option && foldOptionText(option.text) === folded) return { letter };
    const other = options.find((o) => foldOptionText(o.text) === folded);
    if (other) return { problem: `(${letter}) is followed by the text of option (${other.letter})` };
    if (!option) return { letter };
    return { problem: `(${letter}) is followed by text that is not option (${letter})'s` };
  }
  const folded = foldOptionText(text);
  const matches = options.filter((o) => foldOptionText(o.text) === folded);
  if (matches.length === 1) return { letter: matches[0].letter };
  if (matches.length > 1) return { problem: `the text matches ${matches.length} options; answer with the letter` };
  return { problem: 'not one of the listed options; answer with the option letter, e.g. (A)' };
}

/**
 * Scores a multiple-choice answer. `gold` is the official target: normally `(X)`; a few official
 * targets are an answer text that is not one listed option (options split at a comma in the
 * source data), and then only that text, compared like option text, is correct.
 */
export function checkChoice(gold: string, options: readonly ChoiceOption[], answer: string): VerifyResult {
  const goldLetter = /^\(([A-Z])\)$/.exec(gold)?.[1];
  if (goldLetter === undefined) {
    return foldOptionText(answer) === foldOptionText(gold)
      ? CORRECT
      : wrong('the official answer is the text of two listed options joined; only that text is correct');
  }
  const read = readChoice(answer, options);
  if ('problem' in read) return unparseable(read.problem);
  if (!options.some((o) => o.letter === read.letter)) return wrong(`there is no option (${read.letter})`);
  return read.letter === goldLetter ? CORRECT : wrong(`chose (${read.letter})`);
}

/** Scores a two-label answer (`labels` are the two allowed answers, e.g. ['Yes', 'No']), case-insensitively. */
export function checkLabel(gold: string, labels: readonly string[], answer: string): VerifyResult {
  const text = cleanAnswer(answer).toLowerCase();
  const hit = labels.find((label) => label.toLowerCase() === text);
  if (hit === undefined) return unparseable(`expected ${labels.join(' or ')}`);
  return hit.toLowerCase() === gold.toLowerCase() ? CORRECT : wrong(`answered ${hit}`);
}

/** Scores an integer answer numerically (`-12`, `+5`, `1,234`, `24.0`). */
export function checkInteger(gold: string, answer: string): VerifyResult {
  const text = cleanAnswer(answer);
  let value = parseInteger(text);
  if (value === null) {
    const number = parseNumber(text);
    if (number === null || !Number.isSafeInteger(number)) return unparseable('expected an integer');
    value = BigInt(number);
  }
  return value === BigInt(gold) ? CORRECT : wrong();
}

const BRACKETS = /^[()[\]{}<>]+$/;

/** Scores a dyck completion: the closing brackets in order; spaces or commas between them are optional. */
export function checkBrackets(gold: string, answer: string): VerifyResult {
  const text = cleanAnswer(answer).replace(/[\s,]+/g, '');
  if (!BRACKETS.test(text)) return unparseable('expected only brackets, e.g. ) ] }');
  return text === gold.replace(/\s+/g, '') ? CORRECT : wrong();
}

/** Scores a word list: the exact words in order, separated by whitespace or commas. */
export function checkWords(gold: string, answer: string): VerifyResult {
  let text = cleanAnswer(answer);
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const words = text
    .split(/[\s,]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.replace(/^(['"])(.*)\1$/, '$2'));
  if (words.length === 0) return unparseable('expected the sorted words separated by spaces');
  const expected = gold.split(/\s+/).filter((word) => word.length > 0);
  if (words.length !== expected.length) return wrong(`${words.length} words; expected ${expected.length}`);
  return words.every((word, i) => word === expected[i]) ? CORRECT : wrong('words differ or are out of order');
}

/** What a BBH verifier needs, stored in `instance.metadata` by official and generated tasks alike. */
export type BbhAnswerMetadata = { answerKind: AnswerKind; labels?: string[]; options?: ChoiceOption[] };

/** The answer instruction appended to a question; it never contains a sample answer. */
export function answerInstructionFor(kind: AnswerKind, labels: readonly string[] = []): string {
  const lead = 'Return your final answer within triple angle brackets, as <<<answer>>>, where the answer is';
  switch (kind) {
    case 'choice':
      return (
        'Return your final answer within triple angle brackets, as <<<(X)>>>, where X is the letter of the ' +
        'correct option.'
      );
    case 'labels':
      return `${lead} ${labels.join(' or ')}.`;
    case 'integer':
      return `${lead} a single integer.`;
    case 'brackets':
      return `${lead} only the closing brackets that complete the sequence, separated by spaces.`;
    case 'words':
      return `${lead} the sorted words separated by single spaces.`;
  }
}

/** Scores `answer` against the gold answer with the reader for the instance's answer kind. */
export function checkBbhAnswer(gold: string, metadata: BbhAnswerMetadata, answer: string): VerifyResult {
  switch (metadata.answerKind) {
    case 'choice':
      return checkChoice(gold, metadata.options ?? [], answer);
    case 'labels':
      return checkLabel(gold, metadata.labels ?? [], answer);
    case 'integer':
      return checkInteger(gold, answer);
    case 'brackets':
      return checkBrackets(gold, answer);
    case 'words':
      return checkWords(gold, answer);
  }
}
