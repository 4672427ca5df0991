// rg.algorithmic.word_ladder: change one letter at a time from a start word to an end word, every
// step a dictionary word (`word-list`, see words.ts). Any valid ladder is accepted; the stored
// one is a shortest. Start and end words are common words so the question reads naturally.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import type { ConfigProblem } from '../../../core/index.js';
import { wordsOfLength } from './words.js';

const COMMON: Record<number, string> = {
  3: 'cat dog hat bat rat man can pan pen pin pit pot hot hut cut cup cap map mat sat set sit bit big bag bug rug run sun fun gun bun bed red rod god nod not net wet pet bet get got hit hip lip tip top hop mop cot dot lot log fog hog jog leg peg pig wig win tin ten hen den men far car bar jar tar war saw raw law paw low row cow how now new few dew day way say pay ray bay hay lay may',
  4: 'cold cord card ward word warm worm form farm harm hard herd here hire fire fine line lime time tame take lake make male mile mild wild will wall tall tale pale pole hole home hose rose nose note vote mate gate late lane land hand band bend send sand wand wind kind mind mint hint hunt hurt cart part port fort sort soft loft lift gift list lost most mist fist fish dish wish wash cash case cave gave have hate rate race face fact pact pack back bank tank talk walk wall ball bell tell fell feel heel head read real meal seal sell sale salt malt mall fall call cell coal goal gold bold bolt boat coat cost post past fast last vast',
  5: 'stone store shore share shape shake stake stale scale scare spare space spice slice slide stride bride pride price prize crane plane plant plate slate skate state shade grade trade tread bread break bleak cream dream dread bread brave grave grape drape crate crane chart charm chase cheat cheap clean clear climb crown frown flown blown brown bring thing think thick trick track truck stuck stick stock shock shirt short sport spore score scope slope sleep sheep steep steel wheel wheat sweet sweat swear spear spell smell small stall still stilt spilt split',
};

const commonByLength = new Map<number, string[]>();
const graphs = new Map<number, Map<string, string[]>>();

/** Common words of this length that are in the dictionary (the ladder's endpoints). */
function commonWords(length: number): string[] {
  let list = commonByLength.get(length);
  if (!list) {
    const known = new Set(wordsOfLength(length));
    list = [...new Set(COMMON[length].split(' '))].filter((w) => known.has(w));
    commonByLength.set(length, list);
  }
  return list;
}

/** One-letter-change graph over the dictionary words of a length, built once via wildcard buckets. */
export function ladderGraph(length: number): Map<string, string[]> {
  let graph = graphs.get(length);
  if (graph) return graph;
  const buckets = new Map<string, string[]>();
  const words = wordsOfLength(length);
  for (const word of words) {
    for (let i = 0; i < length; i++) {
      const key = `${word.slice(0, i)}_${word.slice(i + 1)}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(word);
      else buckets.set(key, [word]);
    }
  }
  graph = new Map(words.map((w) => [w, [] as string[]]));
  for (const bucket of buckets.values()) for (const a of bucket) for (const b of bucket) if (a !== b) graph.get(a)!.push(b);
  graphs.set(length, graph);
  return graph;
}

/** Breadth-first search from `start`: each reached word's predecessor. */
function bfsParents(graph: Map<string, string[]>, start: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[start, null]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const word of frontier) for (const n of graph.get(word)!) if (!parent.has(n)) { parent.set(n, word); next.push(n); }
    frontier = next;
  }
  return parent;
}

function pathTo(parent: Map<string, string | null>, end: string): string[] {
  const path: string[] = [];
  for (let w: string | null | undefined = end; w; w = parent.get(w)) path.push(w);
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
    min_chain_length: { kind: 'int', default: -1, min: -1, max: 30, description: 'fewest words in the shortest ladder (-1: any, at least 3)' },
    max_chain_length: { kind: 'int', default: -1, min: -1, max: 30, description: 'most words in the shortest ladder (-1: no limit)' },
  },
  validateOptions: (o) => {
    const problems: ConfigProblem[] = [];
    if (o.min_word_length > o.max_word_length) problems.push({ path: 'min_word_length', message: 'min_word_length > max_word_length', fix: 'make min_word_length ≤ max_word_length' });
    if ((o.min_chain_length !== -1 && o.min_chain_length < 3) || (o.max_chain_length !== -1 && o.max_chain_length < 3)) problems.push({ path: 'min_chain_length', message: 'chain lengths are -1 or at least 3', fix: 'use -1 or a value ≥ 3' });
    if (o.min_chain_length !== -1 && o.max_chain_length !== -1 && o.min_chain_length > o.max_chain_length) problems.push({ path: 'min_chain_length', message: 'min_chain_length > max_chain_length', fix: 'make min_chain_length ≤ max_chain_length' });
    return problems;
  },
  generate(options, rng) {
    const low = options.min_chain_length === -1 ? 3 : options.min_chain_length;
    const high = options.max_chain_length === -1 ? Infinity : options.max_chain_length;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const length = rng.int(options.min_word_length, options.max_word_length);
      const common = commonWords(length);
      const start = rng.pick(common);
      const parent = bfsParents(ladderGraph(length), start);
      const ends = common.filter((w) => {
        if (!parent.has(w)) return false;
        const size = pathTo(parent, w).length;
        return size >= low && size <= high;
      });
      if (ends.length === 0) continue;
      const end = rng.pick(ends);
      const path = pathTo(parent, end).map((w) => w.toUpperCase());
      const prompt = [
        `Transform the word ladder '${start.toUpperCase()}' to '${end.toUpperCase()}' by changing one letter at a time.`,
        'Provide your answer as a comma-separated sequence of uppercase words without spaces.',
        'Each step must be a valid English word.',
        answerInstruction('the words of the ladder, comma-separated, from the first word to the last'),
      ].join('\n');
      return { prompt, answer: path.join(','), metadata: { start_word: start.toUpperCase(), end_word: end.toUpperCase(), word_length: length, chain_length: path.length } };
    }
    throw new RangeError('word_ladder: no ladder of the requested length was found; widen min/max_chain_length');
  },
  check(instance, answer) {
    const words = answer.split(',').map((w) => w.trim().toUpperCase());
    if (words.length < 2 || words.length > 5000 || words.some((w) => !/^[A-Z]+$/.test(w))) return unparseable('expected comma-separated words');
    const m = instance.metadata;
    if (words[0] !== m.start_word || words[words.length - 1] !== m.end_word) return wrong('the ladder must start and end with the given words');
    const graph = ladderGraph(m.word_length as number);
    for (const w of words) if (!graph.has(w.toLowerCase())) return wrong(`${w.slice(0, 20)} is not a known ${m.word_length as number}-letter word`);
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
start, end = ${JSON.stringify((m.start_word as string).toLowerCase())}, ${JSON.stringify((m.end_word as string).toLowerCase())}
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
