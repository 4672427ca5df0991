// rg.graphs.course_schedule: can every course be finished given its prerequisite pairs (is the
// prerequisite graph acyclic)? Answer True or False.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseBoolean } from '../../kit/index.js';

/** Kahn's algorithm: true when all n courses can be ordered. */
function canFinish(n: number, prerequisites: readonly (readonly [number, number])[]): boolean {
  const indegree = new Array(n).fill(0);
  const next: number[][] = Array.from({ length: n }, () => []);
  for (const [course, prereq] of prerequisites) {
    next[prereq].push(course);
    indegree[course]++;
  }
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  let done = 0;
  while (queue.length) {
    const c = queue.pop()!;
    done++;
    for (const m of next[c]) if (--indegree[m] === 0) queue.push(m);
  }
  return done === n;
}

export const courseSchedule = defineTask({
  id: 'rg.graphs.course_schedule',
  source: 'rg',
  category: 'graphs',
  description: 'Decide whether all courses can be finished given prerequisite pairs.',
  answerFormat: 'True or False',
  options: {
    min_num_courses: { kind: 'int', default: 5, min: 3, max: 100, description: 'fewest courses' },
    max_num_courses: { kind: 'int', default: 10, min: 3, max: 100, description: 'most courses' },
    min_num_prerequisites: { kind: 'int', default: 1, min: 1, max: 20, description: 'fewest prerequisites per course' },
    max_num_prerequisites: { kind: 'int', default: 2, min: 1, max: 20, description: 'most prerequisites per course' },
    min_cycle_length: {
      kind: 'int',
      default: 3,
      min: 3,
      max: 100,
      description: 'shortest cycle added to unsolvable schedules',
    },
    max_cycle_length: {
      kind: 'int',
      default: 5,
      min: 3,
      max: 100,
      description: 'longest cycle added to unsolvable schedules',
    },
    p_solvable: {
      kind: 'float',
      default: 0.5,
      min: 0,
      max: 1,
      description: 'probability that the schedule is solvable',
    },
  },
  ranges: [
    ['min_num_courses', 'max_num_courses'],
    ['min_num_prerequisites', 'max_num_prerequisites'],
    ['min_cycle_length', 'max_cycle_length'],
  ],
  generate(options, rng) {
    const n = rng.int(options.min_num_courses, options.max_num_courses);
    const courses = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    const solvable = rng.next() < options.p_solvable;
    const pairs = new Map<string, [number, number]>();
    for (let i = n - 1; i > 0; i--) {
      const count = Math.min(i, rng.int(options.min_num_prerequisites, options.max_num_prerequisites));
      for (const p of rng.sample(courses.slice(0, i), count)) pairs.set(`${courses[i]},${p}`, [courses[i], p]);
    }
    if (!solvable) {
      const cycle = rng.sample(courses, Math.min(n, rng.int(options.min_cycle_length, options.max_cycle_length)));
      cycle.forEach((c, i) => pairs.set(`${c},${cycle[(i + 1) % cycle.length]}`, [c, cycle[(i + 1) % cycle.length]]));
    }
    const prerequisites = rng.shuffle([...pairs.values()]);
    const answer = canFinish(n, prerequisites) ? 'True' : 'False';
    const prompt =
      `There are a total of ${n} courses you have to take, labeled from 0 to ${n - 1}.\n` +
      ('You are given the following list of prerequisites, where prerequisites[i] = (a_i, b_i) indicates that you ' +
        'must first take course b_i if you want to take course a_i:\n') +
      `[${prerequisites.map(([a, b]) => `(${a}, ${b})`).join(', ')}]\n\n` +
      'Return True if you can finish all courses considering the prerequisites, or False otherwise.\n' +
      'Give your final answer (True or False) within triple angle brackets, as <<<answer>>>.';
    return { prompt, answer, metadata: { num_courses: n, prerequisites } };
  },
  check(instance, answer) {
    const value = parseBoolean(answer, 'True/False');
    if (value === null) return unparseable('expected True or False');
    return String(value) === instance.answer.toLowerCase() ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `n = ${instance.metadata.num_courses}
pairs = ${JSON.stringify(instance.metadata.prerequisites)}
state = [0] * n
adj = [[] for _ in range(n)]
for a, b in pairs:
    adj[a].append(b)
def acyclic(u):
    state[u] = 1
    for v in adj[u]:
        if state[v] == 1 or (state[v] == 0 and not acyclic(v)):
            return False
    state[u] = 2
    return True
print(all(state[u] == 2 or acyclic(u) for u in range(n)))
`;
  },
});
