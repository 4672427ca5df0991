// The interpreter search: a candidate qualifies by having the modules installed (found, not run), and
// R1CI_PYTHON without them is refused in one message that names what it lacks and how to fix it.
import { describe, expect, it } from 'vitest';
import { PythonNotFoundError, resolvePython } from './python.js';

const python = '/usr/bin/python3';

describe('resolvePython', () => {
  it.runIf(process.platform === 'linux')('takes R1CI_PYTHON when it has the modules', () => {
    expect(resolvePython({ modules: ['json'], env: { R1CI_PYTHON: python } })).toMatch(/python/);
  });

  it.runIf(process.platform === 'linux')('refuses R1CI_PYTHON without them, naming the missing ones', () => {
    const call = () => resolvePython({ modules: ['json', 'r1ci_no_such_module'], env: { R1CI_PYTHON: python } });
    expect(call).toThrow(PythonNotFoundError);
    expect(call).toThrow(`R1CI_PYTHON=${python} cannot be used (${python}: lacks r1ci_no_such_module)`);
  });
});
