// Lint: typescript-eslint's recommended rules plus the dependency direction of the layout
// (core <- tasks, sandbox, backends <- agent <- eval, train, service <- cli; nothing imports cli).
import tseslint from 'typescript-eslint';

const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((dir) => ({ group: [`**/${dir}/*`, `**/${dir}`], message: `src/${from} must not import src/${dir} (see docs/architecture.md)` })),
    }],
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
  layer('core', ['tasks', 'sandbox', 'backends', 'agent', 'eval', 'train', 'learner', 'cli']),
  layer('tasks', ['sandbox', 'backends', 'agent', 'eval', 'train', 'learner', 'cli']),
  layer('sandbox', ['tasks', 'backends', 'agent', 'eval', 'train', 'learner', 'cli']),
  layer('backends', ['agent', 'eval', 'train', 'cli']),
  layer('learner', ['agent', 'eval', 'train', 'cli']),
  layer('agent', ['eval', 'train', 'cli']),
  layer('service', ['backends', 'learner', 'eval', 'train', 'cli']),
  layer('eval', ['train', 'cli']),
  layer('train', ['cli']),
);
