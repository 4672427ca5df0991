// The format check that `npm run lint` runs (scripts/format.sh): on a temporary copy of the project's
// formatter config, a badly formatted TypeScript or Python file fails it and is named, `format write`
// fixes both, and a missing black is one line, never a silent pass.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = ['scripts/format.sh', '.prettierrc.json', '.prettierignore', 'pyproject.toml', '.gitignore'];
const hasBlack = spawnSync('black', ['--version']).status === 0;

const GOOD_TS = 'export const sum = (a: number, b: number): number => a + b;\n';
const BAD_TS = 'export const sum = ( a:number,b:number ):number=>{return a+b}\n';
const GOOD_PY = 'def total(a, b):\n    return a + b\n';
const BAD_PY = 'def total( a,b ):\n  return a+b\n';

let project = '';
afterEach(() => {
  if (project) rmSync(project, { recursive: true, force: true });
  project = '';
});

/** A copy of the formatter config with the given files, sharing the project's node_modules. */
function makeProject(files: Record<string, string>): string {
  project = mkdtempSync(join(tmpdir(), 'r1ci-format-'));
  for (const path of CONFIG) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    copyFileSync(join(ROOT, path), join(project, path));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  return project;
}

/** Runs the format script with colours off: Prettier colours its `[warn]` under CI or FORCE_COLOR. */
function format(dir: string, mode: 'check' | 'write', env: Record<string, string> = {}) {
  const { FORCE_COLOR: _forced, ...inherited } = process.env;
  const run = spawnSync('bash', [join(dir, 'scripts', 'format.sh'), mode], {
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', ...env },
  });
  return { status: run.status, lines: `${run.stdout}${run.stderr}`.split('\n').filter((line) => line !== '') };
}

describe('format check (npm run lint)', () => {
  it('fails on a badly formatted TypeScript file and names only it', () => {
    const dir = makeProject({ 'src/good.ts': GOOD_TS, 'src/bad.ts': BAD_TS });
    const result = format(dir, 'check');
    expect(result.status).toBe(1);
    expect(result.lines.filter((line) => /^\[warn\] \S+\.ts$/.test(line))).toEqual(['[warn] src/bad.ts']);
  }, 30_000);

  it.skipIf(!hasBlack)(
    'fails on a badly formatted Python file; format write fixes both and the check passes',
    () => {
      const dir = makeProject({ 'src/a.ts': BAD_TS, 'learner/good.py': GOOD_PY, 'learner/bad.py': BAD_PY });
      const before = format(dir, 'check');
      expect(before.status).toBe(1);
      expect(before.lines.filter((line) => line.startsWith('would reformat'))).toEqual([
        `would reformat ${join(dir, 'learner', 'bad.py')}`,
      ]);
      expect(format(dir, 'write').status).toBe(0);
      expect(readFileSync(join(dir, 'learner', 'bad.py'), 'utf8')).toBe(GOOD_PY);
      expect(readFileSync(join(dir, 'src', 'a.ts'), 'utf8')).toBe(
        'export const sum = (a: number, b: number): number => {\n  return a + b;\n};\n',
      );
      expect(format(dir, 'check')).toEqual({ status: 0, lines: [] });
    },
    30_000,
  );

  it('says in one line that black is missing and fails, even when every file is formatted', () => {
    const dir = makeProject({ 'src/good.ts': GOOD_TS, 'learner/good.py': GOOD_PY });
    const result = format(dir, 'check', { R1CI_BLACK: join(dir, 'no-such-black') });
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      `format: ${join(dir, 'no-such-black')} not found, so the Python files were neither checked nor formatted; ` +
        'install it with npm run setup (apt-get install black)',
    ]);
  }, 30_000);
});
