// The Python sudoku solver rg.games.sudoku and mini_sudoku embed in their reference solutions (MRV backtracking).

/** A Python script that solves `puzzle` (0 = empty) with boxes of boxRows×boxCols and prints the grid. */
export function sudokuPythonSolver(puzzle: readonly (readonly number[])[], boxRows: number, boxCols: number): string {
  return `grid = ${JSON.stringify(puzzle)}
BR, BC = ${boxRows}, ${boxCols}
N = BR * BC
def cands(r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(N)}
    br, bc = r - r % BR, c - c % BC
    used |= {grid[i][j] for i in range(br, br + BR) for j in range(bc, bc + BC)}
    return [v for v in range(1, N + 1) if v not in used]
def solve():
    best = None
    for r in range(N):
        for c in range(N):
            if grid[r][c] == 0:
                cs = cands(r, c)
                if best is None or len(cs) < len(best[2]):
                    best = (r, c, cs)
    if best is None:
        return True
    r, c, cs = best
    for v in cs:
        grid[r][c] = v
        if solve():
            return True
    grid[r][c] = 0
    return False
solve()
print("\\n".join(" ".join(str(v) for v in row) for row in grid))
`;
}
