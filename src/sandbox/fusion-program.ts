// Turns a SandboxFusion run_code request into the Python program the pool runs: bash through
// /bin/bash, `files` written into the snippet's working dir first, `fetch_files` read back after
// it ends and passed out on stderr behind a per-request marker that the service cuts off again.
import { randomBytes } from 'node:crypto';
import type { FusionLanguage } from './fusion-wire.js';

export type FusionProgram = {
  /** Python source for the pool. */
  code: string;
  /** The marker that precedes the fetched files on stderr (absent when none are fetched). */
  marker?: string;
};

export type FusionProgramInput = {
  code: string;
  language: FusionLanguage;
  files: Record<string, string>;
  fetchFiles: readonly string[];
  /** Largest total size of fetched files in bytes; larger ones are left out and named. */
  maxFetchBytes: number;
};

/** Plain Python runs as is (tracebacks stay those of the pool); anything else gets a small launcher. */
export function buildFusionProgram(input: FusionProgramInput): FusionProgram {
  const plain = input.language === 'python' && !Object.keys(input.files).length && !input.fetchFiles.length;
  if (plain) return { code: input.code };
  const marker = input.fetchFiles.length ? `\u0000r1ci-fetch-${randomBytes(12).toString('hex')}\u0000` : undefined;
  const settings = {
    code: input.code,
    language: input.language,
    files: input.files,
    fetch: input.fetchFiles,
    marker: marker ?? '',
    cap: input.maxFetchBytes,
  };
  return { code: `${LAUNCHER}\n_r1ci_launch(${JSON.stringify(JSON.stringify(settings))})\n`, marker };
}

/** Cuts the fetched-files block off stderr: the stderr the snippet wrote, and the files. */
export function takeFetchedFiles(
  stderr: string,
  marker: string | undefined,
): { stderr: string; files: Record<string, string>; omitted: string[] } {
  if (!marker) return { stderr, files: {}, omitted: [] };
  const start = stderr.lastIndexOf(marker);
  if (start < 0) return { stderr, files: {}, omitted: [] };
  const end = stderr.indexOf('\n', start);
  const block = stderr.slice(start + marker.length, end < 0 ? undefined : end);
  const rest = stderr.slice(0, start) + (end < 0 ? '' : stderr.slice(end + 1));
  try {
    const parsed = JSON.parse(block) as { files: Record<string, string>; omitted: string[] };
    return { stderr: rest, files: parsed.files, omitted: parsed.omitted };
  } catch {
    return { stderr: rest, files: {}, omitted: [] };
  }
}

// The launcher. A user traceback is printed without the launcher's frame, as the pool prints its
// own; SystemExit passes through; a signal that ended bash ends the launcher the same way.
const LAUNCHER = String.raw`def _r1ci_launch(settings):
    import base64, builtins, json, linecache, os, signal, subprocess, sys, traceback
    s = json.loads(settings)
    root = os.path.realpath(os.getcwd())
    for name, data in s['files'].items():
        path = os.path.realpath(os.path.join(root, name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as handle:
            handle.write(base64.b64decode(data))
    stop, signum = None, 0
    if s['language'] == 'bash':
        sys.stdout.flush()
        rc = subprocess.call(['/bin/bash', '-c', s['code'], 'bash'])
        stop, signum = (SystemExit(rc), 0) if rc >= 0 else (None, -rc)
    else:
        linecache.cache['<snippet>'] = (len(s['code']), None, s['code'].splitlines(True), '<snippet>')
        try:
            exec(compile(s['code'], '<snippet>', 'exec'), {'__name__': '__main__', '__builtins__': builtins})
        except SystemExit as error:
            stop = error
        except BaseException as error:
            tb = None if isinstance(error, SyntaxError) else error.__traceback__.tb_next
            traceback.print_exception(type(error), error, tb)
            stop = SystemExit(1)
    if s['fetch']:
        files, omitted, used = {}, [], 0
        for name in s['fetch']:
            path = os.path.realpath(os.path.join(root, name))
            if not path.startswith(root + os.sep) or not os.path.isfile(path):
                continue
            size = os.path.getsize(path)
            if used + size > s['cap']:
                omitted.append(name)
                continue
            used += size
            with open(path, 'rb') as handle:
                files[name] = base64.b64encode(handle.read()).decode()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        sys.stderr.write(s['marker'] + json.dumps({'files': files, 'omitted': omitted}) + '\n')
        sys.stderr.flush()
    if signum:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    if stop is not None:
        raise stop`;
