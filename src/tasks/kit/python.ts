// Python text for prompts and reference solutions: literals of JSON-safe values and small helpers
// the reference solutions embed.

/** A Python literal for a JSON-safe value (lists, numbers, strings, booleans). */
export function pythonLiteral(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * A Python helper for reference solutions: `ev(text)` evaluates + - * / ( ) and unary minus over
 * integer and decimal literals exactly, as a Fraction (Python's own `/` would go through floats).
 */
export const PY_EXACT_EVAL = `import ast
from fractions import Fraction
def ev(text):
    def go(n):
        if isinstance(n, ast.Expression): return go(n.body)
        if isinstance(n, ast.Constant): return Fraction(str(n.value))
        if isinstance(n, ast.UnaryOp): return -go(n.operand) if isinstance(n.op, ast.USub) else go(n.operand)
        a, b = go(n.left), go(n.right)
        if isinstance(n.op, ast.Add): return a + b
        if isinstance(n.op, ast.Sub): return a - b
        if isinstance(n.op, ast.Mult): return a * b
        return a / b
    return go(ast.parse(text, mode="eval"))
`;

/** Python's `str()` of a list of strings: `['a', 'b']`. */
export function pythonStringList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
}
