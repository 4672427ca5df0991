// Reasoning-Gym tasks, group B (one file per task under <category>/): the algorithmic tasks from
// ab to word_sorting listed below.
import type { Task } from '../types.js';
import { ab } from './algorithmic/ab.js';
import { baseConversion } from './algorithmic/base-conversion.js';
import { binaryAlternation } from './algorithmic/binary-alternation.js';
import { binaryMatrix } from './algorithmic/binary-matrix.js';
import { caesarCipher } from './algorithmic/caesar-cipher.js';
import { countPrimes } from './algorithmic/count-primes.js';
import { cryptarithm } from './algorithmic/cryptarithm.js';
import { gameOfLife } from './algorithmic/game-of-life.js';
import { graphColor } from './algorithmic/graph-color.js';
import { groupAnagrams } from './algorithmic/group-anagrams.js';
import { isomorphicStrings } from './algorithmic/isomorphic-strings.js';
import { jugs } from './algorithmic/jugs.js';
import { letterCounting } from './algorithmic/letter-counting.js';
import { letterJumble } from './algorithmic/letter-jumble.js';
import { manipulateMatrix } from './algorithmic/manipulate-matrix.js';
import { numberFiltering } from './algorithmic/number-filtering.js';
import { numberSorting } from './algorithmic/number-sorting.js';
import { palindromeGeneration } from './algorithmic/palindrome-generation.js';
import { palindromePartitioning } from './algorithmic/palindrome-partitioning.js';
import { poolMatrix } from './algorithmic/pool-matrix.js';
import { ransomNote } from './algorithmic/ransom-note.js';
import { rotateMatrix } from './algorithmic/rotate-matrix.js';
import { rottenOranges } from './algorithmic/rotten-oranges.js';
import { sentenceReordering } from './algorithmic/sentence-reordering.js';
import { spellBackward } from './algorithmic/spell-backward.js';
import { spiralMatrix } from './algorithmic/spiral-matrix.js';
import { wordLadder } from './algorithmic/word-ladder.js';
import { wordSequenceReversal } from './algorithmic/word-sequence-reversal.js';
import { wordSorting } from './algorithmic/word-sorting.js';

export const reasoningGymGroupB: readonly Task[] = [
  ab, baseConversion, binaryAlternation, binaryMatrix, caesarCipher, countPrimes, cryptarithm, gameOfLife,
  graphColor, groupAnagrams, isomorphicStrings, jugs, letterCounting, letterJumble, manipulateMatrix,
  numberFiltering, numberSorting, palindromeGeneration, palindromePartitioning, poolMatrix, ransomNote,
  rotateMatrix, rottenOranges, sentenceReordering, spellBackward, spiralMatrix, wordLadder,
  wordSequenceReversal, wordSorting,
] as Task[];
