// symbench.path_plan: plan a waypoint trajectory for a robot in a walled square with colored
// rooms, entering some rooms (in order or not) and never touching others (CodeSteer's continuous
// path planning, with generated environments). A geometric checker accepts any valid path.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { InvariantError, type Rng } from '../../core/index.js';
import { GRID_STEP, INNER, pathProblem, planPath, type Mission, type Point, type Room } from './path-geometry.js';

const COLORS = ['yellow', 'red', 'green', 'blue', 'pink', 'purple', 'orange'];
const WALLS = '(-1.5, -1.4, -1.5, 1.5), (1.4, 1.5, -1.5, 1.5), (-1.5, 1.5, -1.5, -1.4), (-1.5, 1.5, 1.4, 1.5)';
const MAX_WAYPOINTS = 1000;
/** Gap between a room and its part's edge. */
const MARGIN = 0.1;
/** CodeSteer's starts and ends are 1.4–3.8 apart, 3.0 on average; most sit in opposite corners. */
const MIN_TRIP = 2.8;

const snap = (v: number) => Math.round(v * 100) / 100;
const gridValue = (rng: Rng, low: number, high: number) =>
  snap(rng.int(Math.round(low / GRID_STEP), Math.round(high / GRID_STEP)) * GRID_STEP);

type Part = { x0: number; x1: number; y0: number; y1: number };
const area = (p: Part) => (p.x1 - p.x0) * (p.y1 - p.y0);

/**
 * A floor plan like CodeSteer's hand-drawn ones, whose rooms cover about half the floor: the floor inside the
 * walls is cut into `count` parts (the largest part each time, across its longer side, 35–65% along), and each
 * room fills 70–100% of its part less a margin, so neighbouring rooms are at least 2·MARGIN apart.
 */
function placeRooms(rng: Rng, count: number): Room[] {
  const parts: Part[] = [{ x0: -INNER, x1: INNER, y0: -INNER, y1: INNER }];
  while (parts.length < count) {
    parts.sort((a, b) => area(b) - area(a));
    const part = parts.shift()!;
    if (part.x1 - part.x0 >= part.y1 - part.y0) {
      const cut = gridValue(rng, part.x0 + 0.35 * (part.x1 - part.x0), part.x0 + 0.65 * (part.x1 - part.x0));
      parts.push({ ...part, x1: cut }, { ...part, x0: cut });
    } else {
      const cut = gridValue(rng, part.y0 + 0.35 * (part.y1 - part.y0), part.y0 + 0.65 * (part.y1 - part.y0));
      parts.push({ ...part, y1: cut }, { ...part, y0: cut });
    }
  }
  const within = (low: number, high: number): [number, number] => {
    const span = snap(high - low - 2 * MARGIN);
    const size = gridValue(rng, Math.min(span, Math.max(0.3, span * 0.7)), span);
    const start = gridValue(rng, low + MARGIN, high - MARGIN - size);
    return [start, snap(start + size)];
  };
  return rng.sample(COLORS, count).map((color, k) => {
    const [x0, x1] = within(parts[k].x0, parts[k].x1),
      [y0, y1] = within(parts[k].y0, parts[k].y1);
    return { color, x0, x1, y0, y1 };
  });
}

function freePoint(rng: Rng, rooms: Room[]): Point {
  for (;;) {
    const p: Point = [gridValue(rng, -1.35, 1.35), gridValue(rng, -1.35, 1.35)];
    if (rooms.every((r) => p[0] < r.x0 - 0.06 || p[0] > r.x1 + 0.06 || p[1] < r.y0 - 0.06 || p[1] > r.y1 + 0.06))
      return p;
  }
}

function list(colors: string[]): string {
  return colors.length <= 1 ? colors.join('') : `${colors.slice(0, -1).join(', ')} and ${colors[colors.length - 1]}`;
}

function instruction(mission: Mission): string {
  if (!mission.ordered)
    return (
      `Visit the ${list(mission.visit)} area${mission.visit.length > 1 ? 's' : ''} (in any order) during your ` +
      `trajectory, but never enter any of the other colored areas.`
    );
  const [first, ...rest] = mission.visit;
  const then = rest.map((c, i) => `${i === 0 ? ' and go to' : ', and then to'} the ${c} room`).join('');
  const goals = `Navigate into the ${first} room${then}.`;
  if (!mission.avoid.length) return goals;
  const areas = `${list(mission.avoid)} area${mission.avoid.length > 1 ? 's' : ''}`;
  return `${goals} Remember do not enter the ${areas} at any time.`;
}

const centre = (room: Room): Point => [(room.x0 + room.x1) / 2, (room.y0 + room.y1) / 2];
const tour = (points: Point[]) =>
  points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - points[i][0], p[1] - points[i][1]), 0);

/** A mission in these rooms, or null when no start and end far enough apart were found. */
function drawMission(rng: Rng, rooms: Room[], maxVisit: number, maxAvoid: number): Mission | null {
  const count = rng.int(1, Math.min(maxVisit, rooms.length - 1));
  let start = freePoint(rng, rooms),
    end = freePoint(rng, rooms);
  for (let attempt = 0; Math.hypot(end[0] - start[0], end[1] - start[1]) < MIN_TRIP; attempt++) {
    if (attempt === 100) return null;
    start = freePoint(rng, rooms);
    end = freePoint(rng, rooms);
  }
  const length = (order: Room[]) => tour([start, ...order.slice(0, count).map(centre), end]);
  let order = rng.shuffle(rooms);
  // CodeSteer's ten instructions send the robot across the floor (green to yellow, a loop through four rooms):
  // of two random visit lists, the one with the longer tour is asked.
  const other = rng.shuffle(rooms);
  if (length(other) > length(order)) order = other;
  const colors = order.map((room) => room.color);
  const visit = colors.slice(0, count);
  if (rng.bool(0.3)) return { start, end, visit, ordered: false, avoid: colors.slice(count) };
  const avoid = colors.slice(count, count + rng.int(0, Math.min(maxAvoid, colors.length - count)));
  return { start, end, visit, ordered: true, avoid };
}

function parsePath(text: string): Point[] | string {
  if (!/^[\s\d.,()[\]+\-eE]*$/.test(text)) return 'expected a list of (x, y) waypoints';
  const numbers = text.match(/[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\.\d+/g) ?? [];
  if (numbers.length < 4 || numbers.length % 2 === 1) return 'expected a list of (x, y) waypoints';
  if (numbers.length > 2 * MAX_WAYPOINTS) return `at most ${MAX_WAYPOINTS} waypoints are read`;
  return Array.from(
    { length: numbers.length / 2 },
    (_, i) => [Number(numbers[2 * i]), Number(numbers[2 * i + 1])] as Point,
  );
}

export const pathPlan = defineTask({
  id: 'symbench.path_plan',
  source: 'symbench',
  description: 'Give waypoints of a robot trajectory that enters and avoids colored rooms as instructed.',
  answerFormat: 'a list of waypoints [(x0, y0), (x1, y1), …]',
  differsFromSource:
    'CodeSteer asks ten hand-written instructions in each of 14 hand-drawn layouts; r1ci draws layouts and ' +
    "instructions, matched to CodeSteer's in rooms entered and avoided, order, start-to-end distance, floor " +
    'covered and planned path length. An instruction in any order here always forbids every other room ' +
    "(one of CodeSteer's forbids only one).",
  options: {
    num_rooms: { kind: 'int', default: 7, min: 2, max: 7, description: 'colored rooms in the environment' },
    max_visit: { kind: 'int', default: 4, min: 1, max: 4, description: 'most rooms to enter' },
    max_avoid: { kind: 'int', default: 1, min: 0, max: 5, description: 'most rooms to avoid (ordered instructions)' },
  },
  generate(options, rng) {
    for (;;) {
      const rooms = placeRooms(rng, options.num_rooms);
      const mission = drawMission(rng, rooms, options.max_visit, options.max_avoid);
      const path = mission && planPath(rooms, mission);
      if (!path) continue;
      const problem = pathProblem(path, rooms, mission);
      if (problem) throw new InvariantError(`path_plan planned an invalid path: ${problem}`);
      const boxes = rooms
        .map((r) => `${r.color === 'orange' ? 'an' : 'a'} ${r.color} colored box (${r.x0}, ${r.x1}, ${r.y0}, ${r.y1})`)
        .join('; ');
      const prompt =
        'I am a mobile robot and I hope you can help me plan the trajectory to fulfill the navigation instruction. ' +
        ('I will give you the position and size of each box in the whole environment and the instruction is to ' +
          'enter or avoid the box. ') +
        ('Each box is a rectangle described by (x_start, x_end, y_start, y_end): x_start, x_end are its ' +
          'boundaries in x, y_start, y_end its boundaries in y.\n') +
        `First, there are four black colored walls with position ${WALLS}. Then the boxes are: ${boxes}.\n` +
        (`During navigation, the trajectory should always not touch the black wall. The starting position of ` +
          `the car is (${mission.start.join(', ')}), the ending position of the car is ` +
          `(${mission.end.join(', ')}).\n`) +
        (`The instruction is '${instruction(mission)}' The car should fulfill the instruction and in the end ` +
          `stop at the end position.\n`) +
        ('The whole trajectory is acquired by directly connecting the near waypoints with straight lines; these ' +
          'straight lines must also fulfill the instruction. ') +
        ('Entering an area means the trajectory intersects the box, including its boundary, so a path that must ' +
          'avoid a box may not even touch its boundary.\n') +
        ('Return your answer as a list of waypoints starting with the starting position and ending with the ' +
          'ending position, in the format <<<[(x0, y0), (x1, y1), ...]>>>.');
      const answer = `[${path.map(([x, y]) => `(${x}, ${y})`).join(', ')}]`;
      return {
        prompt,
        answer,
        metadata: {
          rooms,
          start: mission.start,
          end: mission.end,
          visit: mission.visit,
          ordered: mission.ordered,
          avoid: mission.avoid,
        },
      };
    }
  },
  check(instance, answer) {
    const path = parsePath(answer);
    if (typeof path === 'string') return unparseable(path);
    const m = instance.metadata;
    const mission: Mission = {
      start: m.start as Point,
      end: m.end as Point,
      visit: m.visit as string[],
      ordered: m.ordered as boolean,
      avoid: m.avoid as string[],
    };
    const problem = pathProblem(path, m.rooms as Room[], mission);
    return problem === null ? CORRECT : wrong(problem);
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    return `from collections import deque
rooms = {r["color"]: r for r in ${JSON.stringify(m.rooms)}}
start, end = tuple(${JSON.stringify(m.start)}), tuple(${JSON.stringify(m.end)})
visit, avoid = ${JSON.stringify(m.visit)}, ${JSON.stringify(m.avoid)}
step = 0.05
def ok(i, j):
    # clear of every avoided box by more than one grid step, so diagonal moves stay clear too
    x, y = i * step, j * step
    return all(x < r["x0"] - 0.051 or x > r["x1"] + 0.051 or y < r["y0"] - 0.051 or y > r["y1"] + 0.051 for r in \
(rooms[c] for c in avoid))
def leg(a, b):
    a, b = (round(a[0] / step), round(a[1] / step)), (round(b[0] / step), round(b[1] / step))
    prev = {a: None}
    queue = deque([a])
    while queue:
        cur = queue.popleft()
        if cur == b:
            break
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                nxt = (cur[0] + di, cur[1] + dj)
                if nxt not in prev and abs(nxt[0]) <= 27 and abs(nxt[1]) <= 27 and ok(*nxt):
                    prev[nxt] = cur
                    queue.append(nxt)
    cells = []
    while b is not None:
        cells.append(b)
        b = prev[b]
    return cells[::-1]
centres = [((rooms[c]["x0"] + rooms[c]["x1"]) / 2, (rooms[c]["y0"] + rooms[c]["y1"]) / 2) for c in visit]
anchors = [start] + centres + [end]
cells = [leg(anchors[0], anchors[0])[0]]
for a, b in zip(anchors, anchors[1:]):
    cells += leg(a, b)[1:]
print("[" + ", ".join(f"({round(i * step, 2)}, {round(j * step, 2)})" for i, j in cells) + "]")
`;
  },
});
