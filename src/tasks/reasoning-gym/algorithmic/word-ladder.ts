// rg.algorithmic.word_ladder: change one letter at a time from a start word to an end word, every
// step a dictionary word (`word-list`, see words.ts). Any valid ladder is accepted; the stored
// one is a shortest. Start and end words are common words so the question reads naturally.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import type { ConfigProblem } from '../../../core/index.js';
import { wordsOfLength } from '../../kit/index.js';

const COMMON: Record<number, string> = {
  3:
    'cat dog hat bat rat man can pan pen pin pit pot hot hut cut cup cap map mat sat set sit bit big bag bug rug ' +
    'run sun fun gun bun bed red rod god nod not net wet pet bet get got hit hip lip tip top hop mop cot dot lot ' +
    'log fog hog jog leg peg pig wig win tin ten hen den men far car bar jar tar war saw raw law paw low row cow ' +
    'how now new few dew day way say pay ray bay hay lay may',
  4:
    'cold cord card ward word warm worm form farm harm hard herd here hire fire fine line lime time tame take lake ' +
    'make male mile mild wild will wall tall tale pale pole hole home hose rose nose note vote mate gate late lane ' +
    'land hand band bend send sand wand wind kind mind mint hint hunt hurt cart part port fort sort soft loft lift ' +
    'gift list lost most mist fist fish dish wish wash cash case cave gave have hate rate race face fact pact pack ' +
    'back bank tank talk walk wall ball bell tell fell feel heel head read real meal seal sell sale salt malt mall ' +
    'fall call cell coal goal gold bold bolt boat coat cost post past fast last vast',
  5:
    'stone store shore share shape shake stake stale scale scare spare space spice slice slide stride bride pride ' +
    'price prize crane plane plant plate slate skate state shade grade trade tread bread break bleak cream dream ' +
    'dread bread brave grave grape drape crate crane chart charm chase cheat cheap clean clear climb crown frown ' +
    'flown blown brown bring thing think thick trick track truck stuck stick stock shock shirt short sport spore ' +
    'score scope slope sleep sheep steep steel wheel wheat sweet sweat swear spear spell smell small stall still ' +
    'stilt spilt split',
};

type Ladders = {
  words: readonly string[];
  index: Map<string, number>;
  neighbours: Int32Array[];
  common: number[];
  fromStart: Map<number, Int32Array>;
};
const laddersByLength = new Map<number, Ladders>();

/** The one-letter-change graph over the dictionary words of a length (built once, via wildcard buckets). */
function ladders(length: number): Ladders {
  let built = laddersByLength.get(length);
  if (built) return built;
  const words = wordsOfLength(length);
  const index = new Map(words.map((w, i) => [w, i]));
  const buckets = new Map<string, number[]>();
  words.forEach((word, i) => {
    for (let k = 0; k < length; k++) {
      const key = `${word.slice(0, k)}_${word.slice(k + 1)}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  const lists: number[][] = words.map(() => []);
  for (const bucket of buckets.values()) for (const a of bucket) for (const b of bucket) if (a !== b) lists[a].push(b);
  const common = [...new Set(COMMON[length].split(' '))].filter((w) => index.has(w)).map((w) => index.get(w)!);
  built = { words, index, neighbours: lists.map((l) => Int32Array.from(l)), common, fromStart: new Map() };
  laddersByLength.set(length, built);
  return built;
}

/** True when `word` (lowercase) is a dictionary word of its length. */
export function isLadderWord(word: string): boolean {
  return word.length >= 3 && word.length <= 5 && ladders(word.length).index.has(word);
}

/** Breadth-first search from word `start`: each word's predecessor (-1 unreached, -2 the start); cached per start. */
function parentsFrom(graph: Ladders, start: number): Int32Array {
  let parent = graph.fromStart.get(start);
  if (parent) return parent;
  parent = new Int32Array(graph.words.length).fill(-1);
  parent[start] = -2;
  const queue = new Int32Array(graph.words.length);
  let head = 0,
    tail = 0;
  queue[tail++] = start;
  while (head < tail) {
    const word = queue[head++];
    for (const n of graph.neighbours[word])
      if (parent[n] === -1) {
        parent[n] = word;
        queue[tail++] = n;
      }
  }
  graph.fromStart.set(start, parent);
  return parent;
}

function pathTo(graph: Ladders, parent: Int32Array, end: number): string[] {
  const path: string[] = [];
  for (let w = end; w >= 0; w = parent[w]) path.push(graph.words[w]);
  return path.reverse();
}

export const wordLadder = defineTask({
  id: 'rg.algorithmic.word_ladder',
  source: 'rg',
  category: 'algorithmic',
  description: 'Transform one word into another by changing one letter at a time through valid words.',
  answerFormat: 'comma-separated uppercase words, from the start word to the end word',
  options: {
    min_word_length: { kind: 'int', default: 4, min: 3, max: 5, description: 'shortest word length' },
    max_word_length: { kind: 'int', default: 4, min: 3, max: 5, description: 'longest word length' },
    min_chain_length: {
      kind: 'int',
      default: -1,
      min: -1,
      max: 30,
      description: 'fewest words in the shortest ladder (-1: any, at least 3)',
    },
    max_chain_length: {
      kind: 'int',
      default: -1,
      min: -1,
      max: 30,
      description: 'most words in the shortest ladder (-1: no limit)',
    },
  },
  ranges: [['min_word_length', 'max_word_length']],
  // Chain lengths use -1 for "no bound", so their order is checked here rather than as a range.
  validateOptions: (o) => {
    const problems: ConfigProblem[] = [];
    if ((o.min_chain_length !== -1 && o.min_chain_length < 3) || (o.max_chain_length !== -1 && o.max_chain_length < 3))
      problems.push({
        path: 'min_chain_length',
        message: 'chain lengths are -1 or at least 3',
        fix: 'use -1 or a value ≥ 3',
      });
    if (o.min_chain_length !== -1 && o.max_chain_length !== -1 && o.min_chain_length > o.max_chain_length)
      problems.push({
        path: 'min_chain_length',
        message: 'min_chain_length > max_chain_length',
        fix: 'make min_chain_length ≤ max_chain_length',
      });
    return problems;
  },
  generate(options, rng) {
    const low = options.min_chain_length === -1 ? 3 : options.min_chain_length;
    const high = options.max_chain_length === -1 ? Infinity : options.max_chain_length;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const length = rng.int(options.min_word_length, options.max_word_length);
      const graph = ladders(length);
      const start = rng.pick(graph.common);
      const parent = parentsFrom(graph, start);
      const sizes = new Map(
        graph.common.filter((w) => parent[w] !== -1).map((w) => [w, pathTo(graph, parent, w).length]),
      );
      const ends = graph.common.filter((w) => (sizes.get(w) ?? 0) >= low && (sizes.get(w) ?? 0) <= high);
      if (ends.length === 0) continue;
      const end = ends[rng.int(0, ends.length - 1)];
      const path = pathTo(graph, parent, end).map((w) => w.toUpperCase());
      const prompt = [
        `Transform the word ladder '${path[0]}' to '${path[path.length - 1]}' by changing one letter at a time.`,
        'Provide your answer as a comma-separated sequence of uppercase words without spaces.',
        'Each step must be a valid English word.',
        answerInstruction('the words of the ladder, comma-separated, from the first word to the last'),
      ].join('\n');
      return {
        prompt,
        answer: path.join(','),
        metadata: {
          start_word: path[0],
          end_word: path[path.length - 1],
          word_length: length,
          chain_length: path.length,
        },
      };
    }
    throw new RangeError('word_ladder: no ladder of the requested length was found; widen min/max_chain_length');
  },
  check(instance, answer) {
    const words = answer.split(',').map((w) => w.trim().toUpperCase());
    if (words.length < 2 || words.length > 5000 || words.some((w) => !/^[A-Z]+$/.test(w)))
      return unparseable('expected comma-separated words');
    const m = instance.metadata;
    if (words[0] !== m.start_word || words[words.length - 1] !== m.end_word)
      return wrong('the ladder must start and end with the given words');
    for (const w of words)
      if (w.length !== (m.word_length as number) || !isLadderWord(w.toLowerCase()))
        return wrong(`${w.slice(0, 20)} is not a known ${m.word_length as number}-letter word`);
    for (let i = 1; i < words.length; i++) {
      let diff = 0;
      for (let k = 0; k < words[i].length; k++) if (words[i][k] !== words[i - 1][k]) diff++;
      if (diff !== 1) return wrong(`${words[i - 1]} → ${words[i]} is not a one-letter change`);
    }
    return CORRECT;
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    const length = m.word_length as number;
    return `from collections import deque
words = set(${JSON.stringify(wordsOfLength(length).join(' '))}.split())
start, end \
= ${JSON.stringify((m.start_word as string).toLowerCase())}, ${JSON.stringify((m.end_word as string).toLowerCase())}
prev = {start: None}
q = deque([start])
while q:
    w = q.popleft()
    if w == end:
        break
    for i in range(len(w)):
        for c in 'abcdefghijklmnopqrstuvwxyz':
            n = w[:i] + c + w[i + 1:]
            if n in words and n not in prev:
                prev[n] = w
                q.append(n)
path = []
w = end
while w:
    path.append(w.upper())
    w = prev[w]
print(','.join(reversed(path)))
`;
  },
});
