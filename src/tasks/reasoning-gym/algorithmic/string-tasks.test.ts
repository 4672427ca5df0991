// The algorithmic string, number and text tasks: answers recomputed independently of the generators,
// plus tables of realistic answer spellings with their expected verdicts.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { ab } from './ab.js';
import { baseConversion } from './base-conversion.js';
import { binaryAlternation } from './binary-alternation.js';
import { caesarCipher } from './caesar-cipher.js';
import { countPrimes } from './count-primes.js';
import { isomorphicStrings } from './isomorphic-strings.js';
import { letterCounting } from './letter-counting.js';
import { letterJumble } from './letter-jumble.js';
import { numberFiltering } from './number-filtering.js';
import { numberSorting } from './number-sorting.js';
import { ransomNote } from './ransom-note.js';
import { sentenceReordering } from './sentence-reordering.js';
import { spellBackward } from './spell-backward.js';
import { wordSequenceReversal } from './word-sequence-reversal.js';
import { wordSorting } from './word-sorting.js';

function instances(task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => task.generate(resolved, 5, i));
}
function expectTable(task: Task, instance: TaskInstance, table: [string, boolean][]): void {
  for (const [answer, correct] of table)
    expect(task.verifyAnswer(instance, answer).correct, JSON.stringify(answer)).toBe(correct);
}

describe('ab', () => {
  it('matches a stack machine: each #Y passes leftwards over X# tokens until it meets a Y#', () => {
    for (const instance of instances(ab, 100, { length: 20 })) {
      const escaped: string[] = [],
        pending: string[] = [];
      for (const token of instance.metadata.program as string[]) {
        if (token.endsWith('#')) {
          pending.push(token);
          continue;
        }
        const match = pending.lastIndexOf(`${token[1]}#`);
        if (match >= 0) pending.splice(match, 1);
        else escaped.push(token);
      }
      expect(instance.answer).toBe([...escaped, ...pending].join(' '));
    }
  });
  it('reads tokens separated by any whitespace; rejects a missing or unknown token', () => {
    const instance = instances(ab, 40).find((i) => i.answer.split(' ').length >= 2)!;
    const tokens = instance.answer.split(' ');
    expectTable(ab, instance, [
      [tokens.join('  '), true],
      [`\n${tokens.join('\n')}\n`, true],
      [tokens.slice(1).join(' '), false],
      [`${instance.answer} C#`, false],
      [tokens.join(''), false],
    ]);
  });
});

describe('base_conversion', () => {
  it('reads back to the value with parseInt in both bases', () => {
    for (const instance of instances(baseConversion, 100, { max_base: 36 })) {
      const m = instance.metadata;
      expect(parseInt(m.source_repr as string, m.source_base as number)).toBe(m.value);
      expect(parseInt(instance.answer, m.target_base as number)).toBe(m.value);
      expect(instance.answer).toMatch(/^[0-9a-z]+$/);
    }
  });
  it('accepts upper case and leading zeros; rejects a digit outside the base', () => {
    const instance = instances(baseConversion, 100).find(
      (i) => i.metadata.target_base === 16 && /[a-f]/.test(i.answer),
    )!;
    expectTable(baseConversion, instance, [
      [instance.answer.toUpperCase(), true],
      [`0${instance.answer}`, true],
      [`${instance.answer}0`, false],
      ['g', false],
      [`0x${instance.answer}`, false],
    ]);
  });
});

describe('binary_alternation', () => {
  it('matches breadth-first search over single swaps for short strings', () => {
    for (const instance of instances(binaryAlternation, 60, { min_n: 2, max_n: 9 })) {
      const start = instance.metadata.string as string;
      const alternating = (s: string): boolean => [...s].every((c, i) => i === 0 || c !== s[i - 1]);
      const dist = new Map([[start, 0]]);
      let frontier = [start],
        best = alternating(start) ? 0 : -1;
      while (best === -1 && frontier.length > 0) {
        const next: string[] = [];
        for (const s of frontier)
          for (let i = 0; i < s.length; i++)
            for (let j = i + 1; j < s.length; j++) {
              if (s[i] === s[j]) continue;
              const t = s.slice(0, i) + s[j] + s.slice(i + 1, j) + s[i] + s.slice(j + 1);
              if (!dist.has(t)) {
                dist.set(t, dist.get(s)! + 1);
                next.push(t);
                if (alternating(t) && best === -1) best = dist.get(t)!;
              }
            }
        frontier = next;
      }
      expect(instance.answer).toBe(String(best));
    }
  });
});

describe('count_primes', () => {
  it('matches trial division', () => {
    const isPrime = (n: number): boolean => {
      if (n < 2) return false;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
      return true;
    };
    for (const instance of instances(countPrimes, 40)) {
      let count = 0;
      for (let n = instance.metadata.start as number; n <= (instance.metadata.end as number); n++)
        if (isPrime(n)) count++;
      expect(instance.answer).toBe(String(count));
    }
  });
});

describe('caesar_cipher', () => {
  it('shifting the cipher back by the rotation gives the answer', () => {
    for (const instance of instances(caesarCipher, 60)) {
      const k = instance.metadata.rotation as number;
      const back = (instance.metadata.cipher_text as string).replace(/[A-Z]/g, (c) =>
        String.fromCharCode(((c.charCodeAt(0) - 65 - k + 26) % 26) + 65),
      );
      expect(back).toBe(instance.answer);
    }
  });
  it('accepts any case, extra spaces and a final period; rejects a changed word', () => {
    const instance = instances(caesarCipher, 1)[0];
    const words = instance.answer.split(' ');
    expectTable(caesarCipher, instance, [
      [instance.answer.toLowerCase(), true],
      [`  ${words.join('   ')}.`, true],
      [words.slice(1).join(' '), false],
      [instance.metadata.cipher_text as string, false],
    ]);
  });
});

describe('isomorphic_strings and ransom_note', () => {
  it('isomorphism matches comparing first-occurrence patterns', () => {
    const pattern = (s: string): string => [...s].map((c) => s.indexOf(c)).join(',');
    for (const instance of instances(isomorphicStrings, 100)) {
      const [s, t] = instance.metadata.words as string[];
      expect(instance.answer).toBe(s.length === t.length && pattern(s) === pattern(t) ? 'True' : 'False');
    }
  });
  it('ransom note matches removing letters one by one from the magazine', () => {
    for (const instance of instances(ransomNote, 100)) {
      const magazine = [...(instance.metadata.magazine as string)];
      const ok = [...(instance.metadata.ransom_note as string)].every((c) => {
        const i = magazine.indexOf(c);
        if (i < 0) return false;
        magazine.splice(i, 1);
        return true;
      });
      expect(instance.answer).toBe(ok ? 'True' : 'False');
    }
  });
  it('reads True/False in any case and quoted; rejects yes/no', () => {
    const instance = instances(ransomNote, 1)[0];
    const other = instance.answer === 'True' ? 'False' : 'True';
    expectTable(ransomNote, instance, [
      [instance.answer.toLowerCase(), true],
      [`"${instance.answer}"`, true],
      [` ${instance.answer.toUpperCase()} `, true],
      [other, false],
      ['yes', false],
    ]);
  });
});

describe('letter_counting, spell_backward, word_sequence_reversal, word_sorting', () => {
  it('letter counts match splitting the text on the letter', () => {
    for (const instance of instances(letterCounting, 60)) {
      const text = (instance.metadata.span as string[]).join(' ').toLowerCase();
      expect(instance.answer).toBe(String(text.split(instance.metadata.target_letter as string).length - 1));
    }
  });
  it('spell_backward reverses the word; answers compare case-insensitively', () => {
    for (const instance of instances(spellBackward, 60))
      expect([...instance.answer].reverse().join('')).toBe(instance.metadata.word);
    const instance = instances(spellBackward, 1)[0];
    expectTable(spellBackward, instance, [
      [instance.answer.toUpperCase(), true],
      [(instance.metadata.word as string) === instance.answer ? 'zzz' : (instance.metadata.word as string), false],
    ]);
  });
  it('word_sequence_reversal lists the words backwards; spacing around commas is free', () => {
    for (const instance of instances(wordSequenceReversal, 40))
      expect(instance.answer.split(', ')).toEqual((instance.metadata.words as string[]).slice().reverse());
    const instance = instances(wordSequenceReversal, 1, { min_words: 4 })[0];
    const words = instance.answer.split(', ');
    expectTable(wordSequenceReversal, instance, [
      [words.join(','), true],
      [words.join(' ,  '), true],
      [(instance.metadata.words as string[]).join(', '), false],
      [words.join(' '), false],
    ]);
  });
  it('word_sorting matches byte-wise comparison of UTF-8 buffers', () => {
    for (const instance of instances(wordSorting, 60, { transformation: 'randomcase' })) {
      const sorted = (instance.metadata.words as string[])
        .slice()
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      if (instance.metadata.direction === 'descending') sorted.reverse();
      expect(instance.answer).toBe(sorted.join(', '));
    }
  });
});

describe('number_filtering and number_sorting', () => {
  it('filtering matches comparing the decimals as scaled integers', () => {
    for (const instance of instances(numberFiltering, 100)) {
      const m = instance.metadata;
      const scaled = (t: string): bigint => {
        const [i, f = ''] = t.split('.');
        return BigInt(i + f.padEnd(10, '0')) * (t.startsWith('-') && BigInt(i) === 0n ? -1n : 1n);
      };
      const limit = scaled(m.filter_value as string);
      const [mode, side] = (m.operation as string).split('_');
      const kept = (m.numbers as string[]).filter((t) => {
        const hit = side === 'larger' ? scaled(t) > limit : scaled(t) < limit;
        return mode === 'keep' ? hit : !hit;
      });
      expect(m.result).toEqual(kept);
    }
  });
  it('filtering accepts numbers or other spellings of the same values; rejects a dropped item', () => {
    const instance = instances(numberFiltering, 50).find((i) => (i.metadata.result as string[]).length >= 2)!;
    const values = instance.metadata.result as string[];
    expectTable(numberFiltering, instance, [
      [JSON.stringify(values), true],
      [`[${values.join(', ')}]`, true],
      [JSON.stringify(values.slice(1)), false],
      [values.join(', '), false],
    ]);
  });
  it('sorting matches an insertion sort on the values', () => {
    for (const instance of instances(numberSorting, 60)) {
      const out: string[] = [];
      for (const t of instance.metadata.numbers as string[]) {
        let i = 0;
        while (i < out.length && Number(out[i]) <= Number(t)) i++;
        out.splice(i, 0, t);
      }
      if (instance.metadata.direction === 'descending') out.reverse();
      expect((JSON.parse(instance.answer.replace(/'/g, '"')) as string[]).map(Number)).toEqual(out.map(Number));
    }
  });
  it('sorting rejects values off by a small amount (the source scorer allowed ±1)', () => {
    const instance = instances(numberSorting, 1)[0];
    const values = JSON.parse(instance.answer.replace(/'/g, '"')) as string[];
    const nudged = values.map((v, i) => (i === 0 ? String(Number(v) + 0.5) : v));
    expectTable(numberSorting, instance, [
      [JSON.stringify(values.map(Number)), true],
      [JSON.stringify(nudged), false],
      [JSON.stringify(values.slice().reverse()), values.length > 1 && new Set(values).size > 1 ? false : true],
    ]);
  });
});

describe('letter_jumble and sentence_reordering', () => {
  it('each scrambled word is a permutation of its original', () => {
    for (const instance of instances(letterJumble, 60)) {
      const sort = (w: string): string => [...w].sort().join('');
      const original = instance.metadata.original_words as string[];
      (instance.metadata.scrambled_words as string[]).forEach((w, i) => expect(sort(w)).toBe(sort(original[i])));
      expect(instance.answer).toBe(original.join(' '));
    }
  });
  it('accepts another dictionary anagram of a scrambled word; rejects a non-word and a missing word', () => {
    const instance = { ...instances(letterJumble, 1)[0] };
    instance.metadata = {
      ...instance.metadata,
      original_words: ['stop', 'the', 'boat'],
      scrambled_words: ['tsop', 'hte', 'tboa'],
    };
    instance.answer = 'stop the boat';
    expectTable(letterJumble, instance, [
      ['stop the boat', true],
      ['pots the boat', true],
      ['Stop The Boat', true],
      ['tops the boat', true],
      ['ptos the boat', false],
      ['stop the', false],
      ['stop the boat boat', false],
    ]);
  });
  it('the shuffled sentence is a permutation of the answer; only the exact order is correct', () => {
    for (const instance of instances(sentenceReordering, 60)) {
      expect((instance.metadata.shuffled as string[]).slice().sort()).toEqual(instance.answer.split(' ').sort());
    }
    const instance = instances(sentenceReordering, 1, { min_words_in_sentence: 6 })[0];
    const words = instance.answer.split(' ');
    const swapped = [words[1], words[0], ...words.slice(2)];
    expect(sentenceReordering.verifyAnswer(instance, `  ${words.join('  ')} `).correct).toBe(true);
    expect(sentenceReordering.verifyAnswer(instance, swapped.join(' '))).toMatchObject({
      correct: false,
      score: (words.length - 2) / words.length,
    });
  });
});
