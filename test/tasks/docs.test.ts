// docs/tasks.md is generated from the registry; this keeps the committed file in sync.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTasksDoc } from '../../src/tasks/index.js';

describe('docs/tasks.md', () => {
  it('matches the registry (regenerate with: npx tsx src/cli/run.ts tasks docs --out docs/tasks.md)', () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'tasks.md'), 'utf8')).toBe(renderTasksDoc());
  });
});
