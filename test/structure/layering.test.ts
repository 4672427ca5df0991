// The layering lint (eslint.config.js): the CLI may import recipes, recipes may import the library,
// and no library folder imports recipes or the CLI. Each case lints a one-line probe file placed in
// a folder, so the rule itself is what is tested, not today's imports.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const LIBRARY = ['core', 'tasks', 'sandbox', 'backends', 'learner', 'agent', 'service', 'eval', 'train'];
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The layering messages of a probe at src/<folder>/probe.ts (or deeper) importing `specifier`. */
async function layeringErrors(file: string, specifier: string): Promise<string[]> {
  const code = `import * as probe from '${specifier}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: file });
  // ESLint puts "'<specifier>' import is restricted from being used by a pattern. " before our message.
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message.replace(/^.* by a pattern\. /, ''));
}

describe('the layering lint', () => {
  it('refuses recipes and the CLI in every library folder, at any depth', async () => {
    for (const folder of LIBRARY) {
      expect(await layeringErrors(`src/${folder}/probe.ts`, '../recipes/index.js')).toEqual([
        `src/${folder} must not import src/recipes (see docs/architecture.md)`,
      ]);
      expect(await layeringErrors(`src/${folder}/deep/probe.ts`, '../../recipes/demo/run-demo.js')).toEqual([
        `src/${folder} must not import src/recipes (see docs/architecture.md)`,
      ]);
      expect(await layeringErrors(`src/${folder}/probe.ts`, '../cli/main.js')).toEqual([
        `src/${folder} must not import src/cli (see docs/architecture.md)`,
      ]);
    }
  }, 30_000);

  it('lets recipes import the library but not the CLI, and the CLI import recipes', async () => {
    for (const folder of LIBRARY) {
      expect(await layeringErrors('src/recipes/probe.ts', `../${folder}/index.js`)).toEqual([]);
    }
    expect(await layeringErrors('src/recipes/demo/probe.ts', '../../train/rl/index.js')).toEqual([]);
    expect(await layeringErrors('src/recipes/probe.ts', '../cli/options/rl.js')).toEqual([
      'src/recipes must not import src/cli (see docs/architecture.md)',
    ]);
    expect(await layeringErrors('src/cli/commands/probe.ts', '../../recipes/index.js')).toEqual([]);
  }, 30_000);
});
