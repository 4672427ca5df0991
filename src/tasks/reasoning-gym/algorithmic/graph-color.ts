// rg.algorithmic.graph_color: colour a random graph with a few colours so no edge joins two equal
// colours. Any proper colouring of every vertex with the allowed colours is accepted.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseLooseJson } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

type Edge = [number, number];

function randomEdges(rng: Rng, vertices: number, p: number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < vertices; i++) for (let j = i + 1; j < vertices; j++) if (rng.next() < p) edges.push([i, j]);
  return edges;
}

/** Greedy colouring in vertex order (smallest free colour); null when some vertex has none free. */
export function greedyColoring(vertices: number, edges: readonly Edge[], colors: number): number[] | null {
  const neighbours = Array.from({ length: vertices }, () => [] as number[]);
  for (const [u, v] of edges) {
    neighbours[u].push(v);
    neighbours[v].push(u);
  }
  const coloring: number[] = [];
  for (let v = 0; v < vertices; v++) {
    const taken = new Set(neighbours[v].filter((u) => u < v).map((u) => coloring[u]));
    let color = 1;
    while (taken.has(color)) color++;
    if (color > colors) return null;
    coloring.push(color);
  }
  return coloring;
}

export const graphColor = defineTask({
  id: 'rg.algorithmic.graph_color',
  source: 'rg',
  category: 'algorithmic',
  description: 'Give a proper vertex colouring of a random graph with a fixed set of colours.',
  answerFormat: 'a JSON object mapping each vertex to a colour (any proper colouring)',
  options: {
    num_colors: { kind: 'int', default: 3, min: 1, max: 10, description: 'number of allowed colours' },
    min_num_vertices: { kind: 'int', default: 10, min: 2, max: 100, description: 'fewest vertices' },
    max_num_vertices: { kind: 'int', default: 10, min: 2, max: 100, description: 'most vertices' },
    edge_probability: {
      kind: 'float',
      default: 0.1,
      min: 0,
      max: 0.99,
      description: 'probability of each possible edge',
    },
  },
  ranges: [['min_num_vertices', 'max_num_vertices']],
  generate(options, rng) {
    let vertices: number, edges: Edge[], coloring: number[] | null;
    let attempts = 0;
    do {
      vertices = rng.int(options.min_num_vertices, options.max_num_vertices);
      edges = randomEdges(rng, vertices, attempts > 1000 ? 0 : options.edge_probability);
      coloring = greedyColoring(vertices, edges, options.num_colors);
      attempts++;
    } while (coloring === null);
    const colors = Array.from({ length: options.num_colors }, (_, i) => i + 1);
    const vertexList = Array.from({ length: vertices }, (_, i) => i);
    const prompt = [
      'Please provide a coloring for this graph such that every vertex is not connected to a vertex of the same ' +
        'color. The graph has these properties:',
      '',
      `Vertices: [${vertexList.join(', ')}]`,
      `Edges: [${edges.map(([u, v]) => `(${u}, ${v})`).join(', ')}]`,
      `Possible colors: [${colors.join(', ')}]`,
      '',
      'Return your solution as a JSON map of vertices to colors. (For example: {"0": 1, "1": 2, "2": 3}.)',
      answerInstruction('the JSON map from every vertex to its color'),
    ].join('\n');
    const answer = JSON.stringify(Object.fromEntries(coloring.map((c, v) => [String(v), c])));
    return { prompt, answer, metadata: { vertices, edges, num_colors: options.num_colors } };
  },
  check(instance, answer) {
    const value = parseLooseJson(answer);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return unparseable('expected a JSON object');
    const vertices = instance.metadata.vertices as number;
    const colors = instance.metadata.num_colors as number;
    const entries = Object.entries(value as Record<string, unknown>);
    const coloring = new Map<number, number>();
    for (const [key, color] of entries) {
      if (!/^\d+$/.test(key.trim()) || Number(key) >= vertices) return wrong(`${key.slice(0, 20)} is not a vertex`);
      if (coloring.has(Number(key))) return wrong(`vertex ${key} is coloured twice`);
      const c = typeof color === 'string' && /^\d+$/.test(color) ? Number(color) : color;
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 1 || c > colors)
        return wrong(`vertex ${key} has a colour that is not allowed`);
      coloring.set(Number(key), c);
    }
    if (coloring.size !== vertices) return wrong(`${vertices - coloring.size} vertices have no colour`);
    for (const [u, v] of instance.metadata.edges as Edge[])
      if (coloring.get(u) === coloring.get(v)) return wrong(`vertices ${u} and ${v} share a colour`);
    return CORRECT;
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    return `import json
n = ${m.vertices as number}
edges = ${JSON.stringify(m.edges)}
k = ${m.num_colors as number}
adj = {v: set() for v in range(n)}
for u, v in edges:
    adj[u].add(v); adj[v].add(u)
order = sorted(range(n), key=lambda v: -len(adj[v]))
col = {}
def bt(i):
    if i == n:
        return True
    v = order[i]
    for c in range(1, k + 1):
        if all(col.get(u) != c for u in adj[v]):
            col[v] = c
            if bt(i + 1):
                return True
            del col[v]
    return False
bt(0)
print(json.dumps({str(v): col[v] for v in range(n)}))
`;
  },
});
