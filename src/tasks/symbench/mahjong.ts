// symbench.mahjong: letter cards are added and removed round by round; say whether the last added
// card makes Peng (1), Chi (2) or Pass (0) with the hand (CodeSteer's mahjong pattern).
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTER_LIST = LETTERS.split('');
const POOL = LETTER_LIST.flatMap((c) => [c, c]);

function count(hand: string, card: string): number {
  let n = 0;
  for (let i = 0; i < hand.length; i++) if (hand[i] === card) n++;
  return n;
}

/**
 * 1 when the hand holds two of the new card, else 2 when two hand cards and it form three consecutive letters, else 0.
 */
function judge(hand: string, card: string, allowChi: boolean): number {
  if (count(hand, card) >= 2) return 1;
  if (!allowChi) return 0;
  const code = card.charCodeAt(0);
  const has = (offset: number) => hand.includes(String.fromCharCode(code + offset));
  return (has(-2) && has(-1)) || (has(-1) && has(1)) || (has(1) && has(2)) ? 2 : 0;
}

/** Biased toward cards that make a pattern, as CodeSteer does, so all three results occur. */
function drawCard(rng: Rng, hand: string, allowChi: boolean): string {
  const roll = rng.next();
  const pairs = LETTER_LIST.filter((c) => count(hand, c) >= 2);
  if (roll < 0.35 && pairs.length > 0) return rng.pick(pairs);
  if (allowChi && roll < 0.7) {
    const c = hand.charCodeAt(rng.int(0, hand.length - 1)) + rng.pick([-2, -1, 1, 2]);
    if (c >= 65 && c <= 90) return String.fromCharCode(c);
  }
  return rng.pick(LETTER_LIST);
}

export const mahjong = defineTask({
  id: 'symbench.mahjong',
  source: 'symbench',
  description: 'Follow added and removed letter cards and judge the last round as Peng, Chi or Pass.',
  answerFormat: '0, 1 or 2',
  options: {
    complexity: { kind: 'int', default: 5, min: 1, max: 5, description: 'number of rounds; Chi is in play from 3 on' },
  },
  generate(options, rng) {
    const allowChi = options.complexity > 2;
    let hand = rng.sample(POOL, 13).join('');
    const initial = hand;
    const rounds: { add: string; remove: string }[] = [];
    let result = 0;
    for (let r = 0; r < options.complexity; r++) {
      const add = drawCard(rng, hand, allowChi);
      result = judge(hand, add, allowChi);
      const next = hand + add;
      const remove = next[rng.int(0, next.length - 1)];
      rounds.push({ add, remove });
      hand = next.replace(remove, '');
    }
    const rules = [
      '1. Initially, there are 13 cards.',
      '2. Each time, a new card is added, and a result is determined. Then, one card is removed.',
      ('3. When there are two identical cards in hand, and the newly added card is the same as these two cards, ' + 'the result is determined as "Peng," represented by the number 1.'),
      ...(allowChi
        ? [('4. If two cards in hand and the new card can form a consecutive letter sequence, the result is ' + 'determined as "Chi," represented by the number 2. For example, ABC, OPQ, etc.'),
          ('5. If the new card does not meet the conditions of 3 and 4, the result is determined as "Pass," ' + 'represented by the number 0.'),
          '6. "Peng" takes precedence over "Chi."', '7. The card that is removed does not affect the result determination.']
        : [('4. If the newly added card does not meet the condition in rule 3, the result is determined as ' + '"Pass," represented by the number 0.'),
          '5. The removed card does not affect the result determination.']),
    ];
    const roundText = rounds.map((round, i) => `Round ${i + 1}: Add a ${round.add} card${i < rounds.length - 1 ? ` and remove a ${round.remove} card.` : ''}`);
    const prompt =
      (`There are several letter cards, and the game rules are as follows:\n${rules.join('\n')}\nGiven the ` + `initial cards:${initial}\n\n${roundText.join('\n')}\n\n`) +
      'Based on the above information, determine the number judged in the final round.\n' +
      (`Return your answer with the format <<<x>>>, where x is 0 for Pass, 1 for ` + `Peng${allowChi ? ', or 2 for Chi' : ''}.`);
    return { prompt, answer: String(result), metadata: { initial, rounds, allow_chi: allowChi } };
  },
  check(instance, answer) {
    const t = answer.trim();
    if (!/^[0-2]$/.test(t)) return unparseable('expected 0, 1 or 2');
    return t === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `hand = list(${JSON.stringify(instance.metadata.initial)})
rounds = \
${JSON.stringify((instance.metadata.rounds as { add: string; remove: string }[]).map((r) => [r.add, r.remove]))}
allow_chi = ${instance.metadata.allow_chi ? 'True' : 'False'}
result = 0
for add, remove in rounds:
    if hand.count(add) >= 2:
        result = 1
    elif allow_chi and any({chr(ord(add) + a), chr(ord(add) + b)} <= set(hand) for a, b in ((-2, -1), (-1, 1), (1, 2))):
        result = 2
    else:
        result = 0
    hand.append(add)
    hand.remove(remove)
print(result)
`;
  },
});
