// symbench.boxnet: gold plans replayed by an independent simulator; a one-box-at-a-time plan
// verifies correct; dropped steps, non-adjacent moves and wrong targets verify wrong.
import { describe, expect, it } from 'vitest';
import { boxnet } from './boxnet.js';

const options = boxnet.resolveOptions();
const instances = Array.from({ length: 60 }, (_, i) => boxnet.generate(options, 6, i));
type Grid = string[][][];

function boxesLeftAfter(grid: Grid, plan: Record<string, string>[]): number | null {
  const g = grid.map((cells) => cells.map((items) => [...items]));
  for (const step of plan) {
    const moves: [number, number, string, string][] = [];
    for (const [agent, action] of Object.entries(step)) {
      const [r, c] = (agent.match(/[\d.]+/g) ?? []).map((x) => Number(x) - 0.5);
      const [, box, dest] = /move\((\w+), (.+)\)/.exec(action)!;
      if (!g[r][c].includes(box)) return null;
      moves.push([r, c, box, dest]);
    }
    for (const [r, c, box, dest] of moves) {
      g[r][c].splice(g[r][c].indexOf(box), 1);
      if (dest.startsWith('target')) {
        if (!g[r][c].includes(dest)) return null;
        g[r][c].splice(g[r][c].indexOf(dest), 1);
      } else {
        const [nr, nc] = (dest.match(/[\d.]+/g) ?? []).map((x) => Number(x) - 0.5);
        if (Math.abs(nr - r) + Math.abs(nc - c) !== 1) return null;
        g[nr][nc].push(box);
      }
    }
  }
  return g.flat(2).filter((x) => x.startsWith('box_')).length;
}

/** Moves boxes one by one, each to the farthest-first matching target, column before row. */
function oneAtATime(grid: Grid): Record<string, string>[] {
  const g = grid.map((cells) => cells.map((items) => [...items]));
  const plan: Record<string, string>[] = [];
  const name = (r: number, c: number) => `square[${r + 0.5}, ${c + 0.5}]`;
  g.forEach((cells, r) =>
    cells.forEach((items, c) => {
      for (const box of items.filter((x) => x.startsWith('box_'))) {
        const color = box.slice(4);
        const targets: [number, number][] = [];
        g.forEach((cs, tr) =>
          cs.forEach((its, tc) => {
            if (its.includes(`target_${color}`)) targets.push([tr, tc]);
          }),
        );
        const [tr, tc] = targets[targets.length - 1];
        g[tr][tc].splice(g[tr][tc].indexOf(`target_${color}`), 1);
        let [pr, pc] = [r, c];
        while (pr !== tr || pc !== tc) {
          const [nr, nc] = pc !== tc ? [pr, pc + Math.sign(tc - pc)] : [pr + Math.sign(tr - pr), pc];
          plan.push({ [`Agent[${pr + 0.5}, ${pc + 0.5}]`]: `move(${box}, ${name(nr, nc)})` });
          [pr, pc] = [nr, nc];
        }
        plan.push({ [`Agent[${pr + 0.5}, ${pc + 0.5}]`]: `move(${box}, target_${color})` });
      }
    }),
  );
  return plan;
}

describe('symbench.boxnet', () => {
  it('gold plans leave no box unmatched (independent replay)', () => {
    for (const instance of instances) {
      expect(
        boxesLeftAfter(instance.metadata.grid as Grid, JSON.parse(instance.answer) as Record<string, string>[]),
      ).toBe(0);
    }
  });

  it('a one-box-at-a-time plan verifies correct; mutations do not', () => {
    for (const instance of instances) {
      const grid = instance.metadata.grid as Grid;
      const plan = oneAtATime(grid);
      expect(boxesLeftAfter(grid, plan)).toBe(0);
      expect(JSON.stringify(plan)).not.toBe(instance.answer);
      expect(boxnet.verifyAnswer(instance, JSON.stringify(plan)).correct).toBe(true);
      expect(boxnet.verifyAnswer(instance, JSON.stringify(plan.slice(0, -1))).correct).toBe(false);
      const moveIndex = plan.findIndex((step) => Object.values(step)[0].includes('square'));
      if (moveIndex >= 0) {
        const far = plan.map((step, i) =>
          i === moveIndex
            ? Object.fromEntries(
                Object.entries(step).map(([k, v]) => [k, v.replace(/square\[[^\]]*\]/, 'square[9.5, 9.5]')]),
              )
            : step,
        );
        expect(boxnet.verifyAnswer(instance, JSON.stringify(far)).correct).toBe(false);
      }
    }
  });

  it('reads spellings and rejects invalid actions', () => {
    const grid: Grid = [[['box_red'], ['target_red', 'box_blue', 'target_blue']]];
    const instance = { ...instances[0], metadata: { ...instances[0].metadata, grid } };
    const table: [string, string][] = [
      [
        '[{"Agent[0.5, 0.5]": "move(box_red, square[0.5, 1.5])", "Agent[0.5, 1.5]": "move(box_blue, ' +
          'target_blue)"}, {"Agent[0.5, 1.5]": "move(box_red, target_red)"}]',
        'correct',
      ],
      [
        "[{'Agent[0.5,0.5]':'move(box_red, square[0.5,1.5])'}, {'Agent[0.5, 1.5]':'move(box_red, target_red)'}, " +
          "{'Agent[0.5, 1.5]':'move(box_blue, target_blue)'}]",
        'correct',
      ],
      [
        '[{"Agent[0.5, 0.5]": "move(box_red, square[0.5, 1.5])", "Agent[0.5, 1.5]": "move(box_red, ' +
          'target_red)"}, {"Agent[0.5, 1.5]": "move(box_blue, target_blue)"}]',
        'wrong',
      ],
      [
        '[{"Agent[0.5, 0.5]": "move(box_red, square[0.5, 1.5])"}, {"Agent[0.5, 1.5]": "move(box_red, target_red)"}]',
        'wrong',
      ],
      ['[{"Agent[0.5, 0.5]": "move(box_red, square[1.5, 0.5])"}]', 'wrong'],
      ['[{"Agent[0.5, 1.5]": "move(box_blue, target_red)"}]', 'unparseable'],
      ['[{"Agent[0.5, 0.5]": "push(box_red, right)"}]', 'unparseable'],
      ['move box_red right', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, boxnet.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });
});
