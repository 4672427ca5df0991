// Lint: typescript-eslint's recommended rules plus the dependency direction of the layout
// (core <- tasks, sandbox, backends, learner <- agent <- eval, train, service <- recipes <- cli):
// the library never imports recipes or cli, recipes never import cli, nothing imports cli.
import tseslint from 'typescript-eslint';

const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((dir) => ({
          group: [`**/${dir}/*`, `**/${dir}`],
          message: `src/${from} must not import src/${dir} (see docs/architecture.md)`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'learner/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  layer('core', ['tasks', 'sandbox', 'backends', 'agent', 'eval', 'train', 'learner', 'recipes', 'cli']),
  layer('tasks', ['sandbox', 'backends', 'agent', 'eval', 'train', 'learner', 'recipes', 'cli']),
  layer('sandbox', ['tasks', 'backends', 'agent', 'eval', 'train', 'learner', 'recipes', 'cli']),
  layer('backends', ['agent', 'eval', 'train', 'recipes', 'cli']),
  layer('learner', ['agent', 'eval', 'train', 'recipes', 'cli']),
  layer('agent', ['eval', 'train', 'recipes', 'cli']),
  layer('service', ['backends', 'learner', 'eval', 'train', 'recipes', 'cli']),
  layer('eval', ['train', 'recipes', 'cli']),
  layer('train', ['recipes', 'cli']),
  layer('recipes', ['cli']),
);
