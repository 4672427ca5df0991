// Python reference solvers for the algorithmic BBH tasks. Each reads the question text (embedded as
// a literal) and computes the answer, so the same solver checks the official data and the generators.
import { InvariantError } from '../../core/index.js';

const OBJECT_CATEGORIES = {
  'musical instruments': ['accordion', 'clarinet', 'drum', 'flute', 'piano', 'trombone', 'trumpet', 'violin'],
  fruits: ['apple', 'banana', 'blackberry', 'grape', 'nectarine', 'orange', 'peach', 'plum', 'raspberry', 'strawberry'],
  animals: [
    'bear',
    'cat',
    'chicken',
    'cow',
    'dog',
    'donkey',
    'duck',
    'fish',
    'frog',
    'goat',
    'mouse',
    'pig',
    'rabbit',
    'snail',
    'snake',
  ],
  vegetables: [
    'cabbage',
    'carrot',
    'cauliflower',
    'garlic',
    'head of broccoli',
    'lettuce head',
    'onion',
    'potato',
    'stalk of celery',
    'yam',
  ],
  objects: ['bed', 'car', 'chair', 'couch', 'fridge', 'lamp', 'microwave', 'oven', 'stove', 'table', 'toaster'],
};

const SOLVERS: Record<string, string> = {
  boolean_expressions: String.raw`
expr = question.strip()
if expr.endswith(' is'):
    expr = expr[:-3]
tokens = expr.split()
assert all(t in ('True', 'False', 'not', 'and', 'or', '(', ')') for t in tokens), tokens
print(eval(' '.join(tokens)))
`,
  multistep_arithmetic_two: String.raw`
import re
expr = question.strip().rstrip('=').strip()
assert re.fullmatch(r'[-+*() 0-9]+', expr), expr
print(eval(expr))
`,
  word_sorting: String.raw`
words = question.split('List:', 1)[1].split()
print(' '.join(sorted(words)))
`,
  dyck_languages: String.raw`
pairs = {'(': ')', '[': ']', '{': '}', '<': '>'}
stack = []
for token in question.split('Input:', 1)[1].split():
    if token in pairs:
        stack.append(token)
    else:
        assert pairs[stack.pop()] == token
print(' '.join(pairs[t] for t in reversed(stack)))
`,
  navigate: String.raw`
import re
body = question.split('?', 1)[1].split('Options:')[0]
x = y = 0
dx, dy = 0, 1
STEP = r'Take (\d+) steps?(?: (forward|backward|left|right))?|Turn (left|right|around)'
for n, direction, turn in re.findall(STEP, body):
    if turn:
        dx, dy = {'left': (-dy, dx), 'right': (dy, -dx), 'around': (-dx, -dy)}[turn]
        continue
    moves = {'forward': (dx, dy), 'backward': (-dx, -dy), 'left': (-dy, dx), 'right': (dy, -dx)}
    vx, vy = moves[direction or 'forward']
    x += vx * int(n)
    y += vy * int(n)
print('Yes' if x == 0 and y == 0 else 'No')
`,
  web_of_lies: String.raw`
import re
truth = {}
for sentence in [s.strip() for s in re.split(r'[.?]', question.split('Question:', 1)[-1]) if s.strip()]:
    said = re.fullmatch(r'(\S+) says (\S+) (tells the truth|lies)', sentence)
    plain = re.fullmatch(r'(\S+) (tells the truth|lies)', sentence)
    asked = re.fullmatch(r'Does (\S+) tell the truth', sentence)
    if said:
        truth[said[1]] = truth[said[2]] == (said[3] == 'tells the truth')
    elif plain:
        truth[plain[1]] = plain[2] == 'tells the truth'
    elif asked:
        print('Yes' if truth[asked[1]] else 'No')
`,
  object_counting: String.raw`
import re
words = {'a': 1, 'an': 1, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8,
         'nine': 9, 'ten': 10}
irregular = {'mice': 'mouse', 'fish': 'fish', 'heads of broccoli': 'head of broccoli',
             'stalks of celery': 'stalk of celery'}
category_of = {item: name for name, items in CATEGORIES.items() for item in items}
def singular(text):
    if text in irregular: return irregular[text]
    if text in category_of: return text
    for suffix, replacement in (('ies', 'y'), ('es', ''), ('s', '')):
        if text.endswith(suffix) and text[:-len(suffix)] + replacement in category_of:
            return text[:-len(suffix)] + replacement
    raise ValueError(text)
m = re.fullmatch(r'I have (.*)\. How many (.*) do I have\?', question.strip())
total = 0
for part in re.split(r', and |, | and ', m[1]):
    count, name = part.split(' ', 1)
    if category_of[singular(name)] == m[2]:
        total += words[count]
print(total)
`,
  tracking: String.raw`
import re
first, rest = question.split('\n', 1)
people = [p for p in re.split(r', and |, | and ', first.split(' are ', 1)[0])]
clause = first.split(': ', 1)[1].rstrip('.')
parts = re.split(r', (?:and )?(?=(?:' + '|'.join(people) + r') )', clause)
held = {}
for part in parts:
    person, what = part.split(' ', 1)
    held[person] = re.sub(r'^(gets|is dancing with|is playing|has an|has a|has) ', '', what)
for a, b in re.findall(r'(\w+) and (\w+) (?:swap|switch|trade)', rest):
    held[a], held[b] = held[b], held[a]
who = re.search(r'At the end of the \w+, (\w+) ', rest)[1]
options = re.findall(r'^\(([A-Z])\) (.*)$', rest, re.M)
print(''.join('(%s)' % letter for letter, text in options if text.strip() == held[who]))
`,
  temporal_sequences: String.raw`
import re
def hour(t):
    m = re.fullmatch(r'(\d+)(am|pm)', t)
    return int(m[1]) % 12 + (12 if m[2] == 'pm' else 0)
facts = question.split('Options:')[0]
wake = hour(re.search(r'woke up at (\w+)', facts)[1])
close = hour(re.search(r'closed after (\w+)', facts)[1])
busy = [(hour(a), hour(b)) for a, b in re.findall(r'from (\w+) to (\w+)', facts)]
free = {h for h in range(wake, close) if not any(a <= h < b for a, b in busy)}
for letter, a, b in re.findall(r'^\(([A-Z])\) (\w+) to (\w+)$', question, re.M):
    if hour(a) < hour(b) and all(h in free for h in range(hour(a), hour(b))):
        print('(%s)' % letter)
`,
  geometric_shapes: String.raw`
import re, math
d = re.search(r'd="([^"]*)"', question)[1]
options = re.findall(r'^\(([A-Z])\) (.*)$', question, re.M)
if 'A' in d:
    # The official labels use inclusive names: a closed arc is an ellipse, even with rx == ry.
    shape = 'sector' if 'L' in d else 'ellipse'
else:
    points = []
    for x, y in re.findall(r'([-\d.]+),([-\d.]+)', d):
        p = (float(x), float(y))
        if p not in points:
            points.append(p)
    n = len(points)
    shape = {2: 'line', 3: 'triangle', 5: 'pentagon', 6: 'hexagon', 7: 'heptagon', 8: 'octagon'}.get(n)
    if n == 4:
        edges = [(points[(i + 1) % 4][0] - points[i][0], points[(i + 1) % 4][1] - points[i][1]) for i in range(4)]
        length = [math.hypot(*e) for e in edges]
        def parallel(a, b):
            return abs(a[0] * b[1] - a[1] * b[0]) <= 0.02 * math.hypot(*a) * math.hypot(*b)
        close = lambda a, b: abs(a - b) <= 0.02 * max(a, b)
        # Inclusive names again: a kite is two pairs of equal adjacent sides; any other
        # quadrilateral with a pair of parallel sides (rectangles too) is a trapezoid.
        if (close(length[0], length[1]) and close(length[2], length[3])) or (
                close(length[1], length[2]) and close(length[3], length[0])):
            shape = 'kite'
        elif parallel(edges[0], edges[2]) or parallel(edges[1], edges[3]):
            shape = 'trapezoid'
        else:
            shape = 'quadrilateral'
for letter, text in options:
    if text == shape:
        print('(%s)' % letter)
`,
  logical_deduction: String.raw`
import re, itertools
ORD = {'first': 1, 'second': 2, 'third': 3, 'fourth': 4, 'fifth': 5, 'sixth': 6, 'seventh': 7}
LOW = ('left', 'oldest', 'cheapest')
BEFORE = ('to the left of', 'above', 'older than', 'less expensive than', 'cheaper than')
AFTER = ('to the right of', 'below', 'newer than', 'more expensive than')
head = question.split('\n')[0].split('within each paragraph. ', 1)[1]
listing, clues = head.split(': ', 1)[1].split('. ', 1)
objects = [re.sub(r'^(a|an) ', '', o) for o in re.split(r', and |, | and ', listing)]
n = len(objects)
def name(text):
    text = re.sub(r'^(The|the) ', '', text.strip())
    assert text in objects, text
    return text
def parse(clue):
    subject, predicate = re.fullmatch(r'(.+?) (?:is|are|finished) (.+)', clue.strip().rstrip('.')).groups()
    for words in BEFORE + AFTER:
        if predicate.startswith(words + ' '):
            return ('rel', name(subject), name(predicate[len(words) + 1:]), words in BEFORE)
    predicate = re.sub(r'^the ', '', predicate)
    if predicate in ('leftmost', 'first', 'oldest', 'cheapest'):
        return ('at', name(subject), 0)
    if predicate in ('rightmost', 'last', 'newest', 'most expensive'):
        return ('at', name(subject), n - 1)
    if predicate in ORD:
        return ('at', name(subject), ORD[predicate] - 1)
    ends = 'left|right|to-last|oldest|newest|cheapest|most expensive'
    k, end = re.fullmatch(r'(\w+)(?: from the |-)(' + ends + ')', predicate).groups()
    return ('at', name(subject), ORD[k] - 1 if end in LOW else n - ORD[k])
def holds(fact, pos):
    if fact[0] == 'at':
        return pos[fact[1]] == fact[2]
    return (pos[fact[1]] < pos[fact[2]]) == fact[3]
facts = [parse(c) for c in clues.split('. ') if c.strip()]
solutions = []
for order in itertools.permutations(objects):
    pos = {o: i for i, o in enumerate(order)}
    if all(holds(f, pos) for f in facts):
        solutions.append(pos)
assert len(solutions) == 1, len(solutions)
for letter, text in re.findall(r'^\(([A-Z])\) (.*)$', question, re.M):
    if holds(parse(text), solutions[0]):
        print('(%s)' % letter)
`,
};

const SOLVER_OF: Record<string, string> = {
  tracking_shuffled_objects_three_objects: 'tracking',
  tracking_shuffled_objects_five_objects: 'tracking',
  tracking_shuffled_objects_seven_objects: 'tracking',
  logical_deduction_three_objects: 'logical_deduction',
  logical_deduction_five_objects: 'logical_deduction',
  logical_deduction_seven_objects: 'logical_deduction',
};

/** The BBH task names (file names) that have a reference solver. */
export const SOLVABLE: ReadonlySet<string> = new Set([
  ...Object.keys(SOLVERS).filter((name) => name !== 'tracking' && name !== 'logical_deduction'),
  ...Object.keys(SOLVER_OF),
]);

/** The object vocabulary of object_counting, by the category the question names. */
export const OBJECT_COUNTING_CATEGORIES: Readonly<Record<string, readonly string[]>> = OBJECT_CATEGORIES;

/** A self-contained Python script that solves `question` (a BBH task's official wording). */
export function solverScript(task: string, question: string): string {
  const body = SOLVERS[SOLVER_OF[task] ?? task];
  if (body === undefined) throw new InvariantError(`no BBH solver for ${task}; src/tasks/bbh/solvers.ts lacks it`);
  const categories = task === 'object_counting' ? `CATEGORIES = ${JSON.stringify(OBJECT_CATEGORIES)}\n` : '';
  return `question = ${JSON.stringify(question)}\n${categories}${body}`;
}
