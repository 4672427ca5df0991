// Runs many small Python scripts in one interpreter (for reference-solution checks): each script
// gets fresh globals, its own captured stdout, and a time limit. Not a sandbox: only our own code.
import { spawn } from 'node:child_process';
import { resolvePython } from '../../src/core/index.js';

export type ScriptRun = { ok: boolean; stdout: string; error: string };

const DRIVER = String.raw`
import sys, json, io, contextlib, signal, traceback
def _alarm(signum, frame):
    raise TimeoutError("script took too long")
signal.signal(signal.SIGALRM, _alarm)
jobs = json.load(sys.stdin)
results = []
for job in jobs:
    out = io.StringIO()
    ok, err = True, ""
    signal.alarm(int(job["timeout"]))
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(job["code"], "<reference>", "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        ok = e.code in (None, 0)
        err = "" if ok else "SystemExit(%r)" % (e.code,)
    except BaseException:
        ok, err = False, traceback.format_exc(limit=3)
    finally:
        signal.alarm(0)
    results.append({"ok": ok, "stdout": out.getvalue(), "error": err})
sys.stdout.write(json.dumps(results))
`;

export async function runPythonScripts(scripts: readonly string[], timeoutSeconds = 20): Promise<ScriptRun[]> {
  const python = resolvePython();
  const child = spawn(python, ['-c', DRIVER], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
  });
  let stdout = '',
    stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(JSON.stringify(scripts.map((code) => ({ code, timeout: timeoutSeconds }))));
  const code: number = await new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', resolvePromise);
  });
  if (code !== 0) throw new Error(`python driver exited ${code}: ${stderr.slice(-2000)}`);
  return JSON.parse(stdout) as ScriptRun[];
}
