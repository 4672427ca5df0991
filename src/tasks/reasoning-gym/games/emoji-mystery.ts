// rg.games.emoji_mystery: a sentence hidden in the Unicode variation selectors that follow an
// emoji (one selector per UTF-8 byte); decode it. Exact sentence answer (whitespace-normalised).
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { everydayWordList } from '../../kit/index.js';

const EMOJIS = Array.from(
  '😀😃😄😁😆😅🤣😂🙂😉😊😇🥰😍🤩😘😋😛🤪😎🤓🧐🤠🥳😺🐶🐱🐭🐹🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🦉🦄🐝🐢🐙🦋🌵🌻🍀🍎🍉🍒🍕🍩🎈🎉🚀⭐🌈',
);

const HINT = `Here is a hint:
\`\`\`python
def selector_to_byte(ch):
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F:
        return code - 0xFE00          # selectors 1-16 carry bytes 0-15
    if 0xE0100 <= code <= 0xE01EF:
        return code - 0xE0100 + 16    # supplementary selectors carry bytes 16-255
    return None

def decode(text):
    data = [b for b in (selector_to_byte(ch) for ch in text[1:]) if b is not None]
    return bytes(data).decode('utf-8')
\`\`\``;

function encode(sentence: string, emoji: string): string {
  let out = emoji;
  for (const byte of Buffer.from(sentence, 'utf8'))
    out += String.fromCodePoint(byte < 16 ? 0xfe00 + byte : 0xe0100 + byte - 16);
  return out;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const emojiMystery = defineTask({
  id: 'rg.games.emoji_mystery',
  source: 'rg',
  category: 'games',
  description: 'Decode a sentence hidden in the variation selectors after an emoji.',
  answerFormat: 'the decoded sentence, exactly',
  options: {
    min_words_in_sentence: {
      kind: 'int',
      default: 3,
      min: 1,
      max: 100,
      description: 'fewest words in the hidden sentence',
    },
    max_words_in_sentence: {
      kind: 'int',
      default: 35,
      min: 1,
      max: 100,
      description: 'most words in the hidden sentence',
    },
  },
  ranges: [['min_words_in_sentence', 'max_words_in_sentence']],
  generate(options, rng) {
    const words = everydayWordList();
    const count = rng.int(options.min_words_in_sentence, options.max_words_in_sentence);
    const picked = Array.from({ length: count }, () => rng.pick(words));
    const sentence = `${picked[0][0].toUpperCase()}${picked.join(' ').slice(1)}.`;
    const encoded = encode(sentence, rng.pick(EMOJIS));
    const prompt =
      `The following emoji is encoded with a sentence.\n\nDecode the following sentence from the ` +
      `emoji: ${encoded}\n\n${HINT}\n\n` +
      'Return the secret sentence as your final answer, within triple angle brackets, as <<<sentence>>>.';
    return { prompt, answer: sentence, metadata: { encoded } };
  },
  check(instance, answer) {
    const text = normalise(answer);
    if (text.length === 0) return unparseable('empty sentence');
    return text === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const codes = Array.from(instance.metadata.encoded as string).map((ch) => ch.codePointAt(0));
    return `codes = ${JSON.stringify(codes)}
data = []
for code in codes[1:]:
    if 0xFE00 <= code <= 0xFE0F:
        data.append(code - 0xFE00)
    elif 0xE0100 <= code <= 0xE01EF:
        data.append(code - 0xE0100 + 16)
print(bytes(data).decode('utf-8'))
`;
  },
});
