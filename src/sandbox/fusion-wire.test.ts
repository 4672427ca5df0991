// The run_code mapping: what SandboxFusion reports for each way a snippet ends, and r1ci's own
// notes carried beside it so an r1ci client gets back exactly what the local pool returns.
import { describe, expect, it } from 'vitest';
import { mapFusionToResult, mapResultToFusion } from './fusion-wire.js';
import type { ExecResult } from './types.js';

const result = (over: Partial<ExecResult>): ExecResult => ({
  status: 'exited',
  exitCode: 0,
  stdout: '',
  stderr: '',
  truncated: false,
  durationMs: 12,
  ...over,
});

describe('mapResultToFusion', () => {
  it('reports a signal as minus its number with raw stderr, and round-trips to the same result', () => {
    const stderr = 'partial\n\n[process killed by signal 11 (SIGSEGV)]\n';
    const killed = result({ status: 'killed', exitCode: null, stderr });
    const wire = mapResultToFusion(killed);
    expect([wire.status, wire.run_result]).toEqual([
      'Failed',
      { status: 'Finished', execution_time: 0.012, return_code: -11, stdout: '', stderr: 'partial\n' },
    ]);
    expect(mapFusionToResult(JSON.parse(JSON.stringify(wire)))).toEqual(killed);
  });

  it('maps a time limit, a MemoryError and the output cap as SandboxFusion would see them', () => {
    const stderr = 'x\n\n[timed out after 1004 ms]\n';
    const timeout = mapResultToFusion(result({ status: 'timeout', exitCode: null, stderr }));
    expect([
      timeout.status,
      timeout.run_result?.status,
      timeout.run_result?.return_code,
      timeout.run_result?.stderr,
    ]).toEqual(['Failed', 'TimeLimitExceeded', null, 'x\n']);
    expect(mapResultToFusion(result({ status: 'memory-limit', exitCode: null })).run_result?.return_code).toBe(1);
    expect(mapResultToFusion(result({ status: 'output-limit', exitCode: null })).run_result?.return_code).toBe(-9);
  });

  it('infers our status from a plain SandboxFusion response', () => {
    const plain = {
      status: 'Failed' as const,
      message: '',
      compile_result: null,
      executor_pod_name: null,
      files: {},
      run_result: { status: 'Finished' as const, execution_time: 0.5, return_code: -9, stdout: '', stderr: '' },
    };
    expect(mapFusionToResult(plain)).toEqual(result({ status: 'killed', exitCode: null, durationMs: 500 }));
  });
});
