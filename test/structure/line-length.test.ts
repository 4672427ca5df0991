// No line over 120 characters in the code: lines a reader sees whole. Prettier and black wrap code at
// 120 (scripts/format.sh) but leave long strings, comments and template literals alone; this catches
// those, and the files no formatter reads (shell scripts, JSON, generated banks).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['src', 'test', 'bench', 'scripts', 'learner', 'examples'];
const TEXT = new Set(['.ts', '.js', '.mjs', '.cjs', '.py', '.sh', '.json', '.toml', '.txt', '.yaml', '.yml']);
const SKIP = new Set(['node_modules', 'dist', '__pycache__']);
const LIMIT = 120;

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return SKIP.has(item.name) ? [] : textFiles(path);
    return item.isFile() && TEXT.has(extname(item.name)) ? [path] : [];
  });
}

/** `path:line (length)` for every line longer than the limit. */
export function longLines(paths: readonly string[], read: (path: string) => string): string[] {
  return paths.flatMap((path) =>
    read(path)
      .split('\n')
      .flatMap((line, index) => ([...line].length > LIMIT ? [`${path}:${index + 1} (${[...line].length})`] : [])),
  );
}

const files = DIRS.flatMap((dir) => textFiles(join(ROOT, dir))).map((path) => relative(ROOT, path));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('line length', () => {
  it('counts characters, not bytes, and reports path, line and length (the check itself works)', () => {
    const texts: Record<string, string> = { 'a.ts': `ok\n${'x'.repeat(121)}\n${'é'.repeat(120)}`, 'b.py': 'y' };
    expect(longLines(['a.ts', 'b.py'], (path) => texts[path])).toEqual(['a.ts:2 (121)']);
  });

  it(`no line in ${DIRS.join(', ')} is over ${LIMIT} characters`, () => {
    expect(files.length).toBeGreaterThan(400);
    expect(longLines(files, read)).toEqual([]);
  });
});
