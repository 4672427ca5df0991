// symbench.constrained_linear_arrangement: from your own cards and each round's result in a
// card duel (five elements, stick-tiger-chicken-worm, jungle animals), deduce cards the opponent
// played (CodeSteer's constrained linear arrangement). Any sequence consistent with every result is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { parseCells } from '../kit/index.js';

type Game = 'elements' | 'stick_game' | 'animal';
type Result = 'win' | 'loss' | 'draw';
const PIECES: Record<Game, string> = { elements: 'ABCDE', stick_game: 'ABCD', animal: 'ABCDEFGH' };
const GENERATES: Record<string, string> = { A: 'B', B: 'C', C: 'D', D: 'E', E: 'A' };
const OVERCOMES: Record<string, string> = { A: 'C', C: 'E', E: 'B', B: 'D', D: 'A' };
const BEATS: Record<string, string> = { A: 'B', B: 'C', C: 'D', D: 'A' };

/** The result for the player who plays `mine` against `theirs`. */
export function duel(game: Game, mine: string, theirs: string): Result {
  if (mine === theirs) return 'draw';
  if (game === 'elements') {
    if (OVERCOMES[mine] === theirs || GENERATES[theirs] === mine) return 'win';
    return 'loss';
  }
  if (game === 'stick_game') return BEATS[mine] === theirs ? 'win' : BEATS[theirs] === mine ? 'loss' : 'draw';
  if (mine === 'H' && theirs === 'A') return 'win';
  if (mine === 'A' && theirs === 'H') return 'loss';
  return mine < theirs ? 'win' : 'loss';
}

const RULES: Record<Game, string> = {
  elements: `Both parties, A and B, each have a set of five-element flags, with each person holding five cards \
representing Metal, Wood, Water, Fire, and Earth. Each card can only be used once. Both players play their cards \
simultaneously without seeing the opponent's card, and the referee announces the result of each round.
Rules:
1. When card 1 generates card 2, the holder of card 1 loses;
2. When card 1 overcomes card 2, the holder of card 1 wins;
3. When both cards are the same, it is a draw.
Known:
1. Generation: Wood A generates Fire B, Fire B generates Earth C, Earth C generates Metal D, Metal D generates Water \
E, Water E generates Wood A.
2. Overcoming: Wood A overcomes Earth C, Earth C overcomes Water E, Water E overcomes Fire B, Fire B overcomes Metal \
D, Metal D overcomes Wood A.`,
  stick_game: `Both parties, A and B, are playing a game called "Stick, Tiger, Chicken." Each person has four cards: \
Stick (A), Tiger (B), Chicken (C), and Worm (D). Each card can only be used once. Both players play their cards \
simultaneously without seeing the other's card, and a referee announces the result of each round.
Rules:
1. Stick beats Tiger, Tiger eats Chicken, Chicken eats Worm, Worm beats Stick, and so on in a cycle.
2. If both players play the same card, or cards that are not next to each other in the cycle (Stick and Chicken, \
Tiger and Worm), it is a draw.`,
  animal: `Both parties, A and B, play a game similar to Jungle Chess. Each player has 8 animal pieces, ranked from \
largest to smallest: Elephant (A), Lion (B), Tiger (C), Leopard (D), Wolf (E), Dog (F), Cat (G), and Mouse (H). Both \
players reveal their pieces simultaneously, but cannot see the opponent's piece. The referee announces the result of \
the match.
Rules:
1. When a smaller piece encounters a larger piece, the smaller piece is captured, and the player with the larger \
piece wins.
2. Mutual capture: When pieces of the same type encounter each other, they mutually capture and the result is a draw.
3. Mouse captures Elephant: Apart from the size hierarchy, the Mouse can capture the Elephant, but the Elephant \
cannot capture the Mouse.
4. Each piece can only be used once.`,
};

export const constrainedLinearArrangement = defineTask({
  id: 'symbench.constrained_linear_arrangement',
  source: 'symbench',
  description: "Deduce the opponent's cards in a card duel from your cards and each round's result.",
  answerFormat: 'comma-separated letters, one per round',
  differsFromSource:
    "Its rules text is stricter than CodeSteer's: it spells out every pairing's result. Any opponent sequence " +
    'consistent with every result is accepted.',
  options: {
    game_type: {
      kind: 'enum',
      default: 'any',
      values: ['any', 'elements', 'stick_game', 'animal'],
      description: 'which duel (any: drawn per question)',
    },
    min_rounds: { kind: 'int', default: 3, min: 1, max: 8, description: "fewest rounds (capped by the game's cards)" },
    max_rounds: { kind: 'int', default: 5, min: 1, max: 8, description: "most rounds (capped by the game's cards)" },
  },
  ranges: [['min_rounds', 'max_rounds']],
  generate(options, rng) {
    const game = (
      options.game_type === 'any' ? rng.pick(['elements', 'stick_game', 'animal']) : options.game_type
    ) as Game;
    const pieces = PIECES[game].split('');
    const rounds = Math.min(pieces.length, rng.int(options.min_rounds, options.max_rounds));
    const mine = rng.sample(pieces, rounds),
      theirs = rng.sample(pieces, rounds);
    const results = mine.map((m, i) => duel(game, m, theirs[i]));
    const prompt =
      `${RULES[game]}\n\nAssuming you are one of the players, deduce what cards your opponent played each ` +
      `round based on the cards you played and the results of each round ` +
      '(the results are yours; your opponent also uses each card at most once).\n\nRounds:\n' +
      mine.map((m, i) => `Round ${i + 1}: ${m}, ${results[i]}.`).join('\n') +
      '\n\nUse a list of letters, one per round in order, to show your answer, in the form <<<letter,letter,...>>>.';
    return { prompt, answer: theirs.join(','), metadata: { game_type: game, player_moves: mine, results } };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    const game = instance.metadata.game_type as Game;
    const mine = instance.metadata.player_moves as string[],
      results = instance.metadata.results as Result[];
    if (cells === null || cells.length === 0 || cells.some((c) => !/^[A-Za-z]$/.test(c)))
      return unparseable('expected letters separated by commas');
    const theirs = cells.map((c) => c.toUpperCase());
    if (theirs.length !== mine.length) return wrong(`expected ${mine.length} cards, got ${theirs.length}`);
    if (theirs.some((c) => !PIECES[game].includes(c)))
      return wrong(`cards must be among ${PIECES[game].split('').join(', ')}`);
    if (new Set(theirs).size !== theirs.length) return wrong('each card can only be used once');
    const bad = theirs.findIndex((c, i) => duel(game, mine[i], c) !== results[i]);
    return bad < 0 ? CORRECT : wrong(`round ${bad + 1} would not be a ${results[bad]}`);
  },
  referenceSolution(instance) {
    return `from itertools import permutations
game = ${JSON.stringify(instance.metadata.game_type)}
mine = ${JSON.stringify(instance.metadata.player_moves)}
results = ${JSON.stringify(instance.metadata.results)}
pieces = {"elements": "ABCDE", "stick_game": "ABCD", "animal": "ABCDEFGH"}[game]
gen = dict(zip("ABCDE", "BCDEA"))
over = {"A": "C", "C": "E", "E": "B", "B": "D", "D": "A"}
beats = dict(zip("ABCD", "BCDA"))
def duel(m, t):
    if m == t:
        return "draw"
    if game == "elements":
        return "win" if over[m] == t or gen[t] == m else "loss"
    if game == "stick_game":
        return "win" if beats[m] == t else "loss" if beats[t] == m else "draw"
    if (m, t) == ("H", "A"):
        return "win"
    if (m, t) == ("A", "H"):
        return "loss"
    return "win" if m < t else "loss"
for option in permutations(pieces, len(mine)):
    if all(duel(m, t) == r for m, t, r in zip(mine, option, results)):
        print(",".join(option))
        break
`;
  },
});
