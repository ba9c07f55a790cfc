/**
 * The preload recorder (recorder/recorder.c): built once per machine with the system C compiler into a cache
 * folder, then loaded into the traced command as LD_AUDIT + LD_PRELOAD. It writes the replay's events in strace's
 * line format, so `replay.ts` reads both. See docs/predict.md ("Tracers").
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RECORDER_SOURCE_NAME = 'cygwin-hygiene-recorder.c';
/** The environment variable that names the trace file for the recorder. */
export const RECORDER_TRACE_ENV = 'CYGWIN_HYGIENE_TRACE';

export type RecorderBuild = { library: string; built: boolean } | { problem: string };

/** The C source: dist/assets/ in the bundle, next to this module when running from source. */
export function recorderSourcePath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const p = path.join(dir, 'assets', RECORDER_SOURCE_NAME);
    if (existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return fileURLToPath(new URL('./recorder/recorder.c', import.meta.url));
}

/** `$CYGWIN_HYGIENE_CACHE`, else `$XDG_CACHE_HOME/cygwin-hygiene`, else `~/.cache/cygwin-hygiene`. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.CYGWIN_HYGIENE_CACHE) return env.CYGWIN_HYGIENE_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), '.cache');
  return path.join(base, 'cygwin-hygiene');
}

/** The C library this Node runs on: LD_AUDIT is glibc's (musl has no auditing interface). */
function glibcVersion(): string | undefined {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime;
}

const builds = new Map<string, RecorderBuild>();

/**
 * The recorder library for this machine, built (and checked on `/bin/sh -c true`) when not cached yet. Returns
 * the reason instead when it cannot be used here: not Linux with glibc, no C compiler (`$CC`, cc, gcc, clang), the
 * compile failing, or the dynamic loader refusing it.
 */
export function ensureRecorder(env: NodeJS.ProcessEnv = process.env): RecorderBuild {
  const key = `${env.CC ?? ''}\0${cacheDir(env)}`;
  const cached = builds.get(key);
  if (cached) return cached;
  const r = build(env);
  builds.set(key, r);
  return r;
}

function build(env: NodeJS.ProcessEnv): RecorderBuild {
  if (process.platform !== 'linux') return { problem: `the preload recorder needs Linux (this is ${process.platform})` };
  const glibc = glibcVersion();
  if (!glibc) return { problem: 'the preload recorder needs glibc (LD_AUDIT); this system’s C library is not glibc' };
  const source = readFileSync(recorderSourcePath());
  const compilers = env.CC ? [env.CC] : ['cc', 'gcc', 'clang'];
  const id = createHash('sha256').update(source).update(`${process.arch}\0${glibc}\0${compilers.join(',')}`).digest('hex');
  const dir = cacheDir(env);
  const library = path.join(dir, `cygwin-hygiene-recorder-${id.slice(0, 16)}.so`);
  // LD_PRELOAD is split at spaces and colons, LD_AUDIT at colons: such a path cannot be named in them.
  if (/[\s:]/.test(library)) {
    return { problem: `the preload recorder's cache path has a space or a colon (${library}); set CYGWIN_HYGIENE_CACHE to a plain path` };
  }
  if (existsSync(library)) return { library, built: false };

  let work: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    work = mkdtempSync(path.join(tmpdir(), 'cygwin-hygiene-recorder-'));
    const src = path.join(work, RECORDER_SOURCE_NAME);
    writeFileSync(src, source);
    const out = path.join(work, path.basename(library));
    let failure = '';
    let compiled = false;
    for (const cc of compilers) {
      const [prog, ...flags] = cc.split(/\s+/).filter(Boolean) as [string, ...string[]];
      const r = spawnSync(prog, [...flags, '-shared', '-fPIC', '-O2', '-o', out, src, '-ldl'], { encoding: 'utf8', env, timeout: 60_000 });
      if (r.status === 0) {
        compiled = true;
        break;
      }
      const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
      failure = code === 'ENOENT' ? `${prog} not found` : `${prog} failed: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}`;
      if (code !== 'ENOENT') break;
    }
    if (!compiled) return { problem: `cannot build the preload recorder (${failure || 'no C compiler'}); install a C compiler or set CC` };
    const problem = selfTest(out, work, env);
    if (problem) return { problem };
    // Atomic: a concurrent build of the same id renames an identical file over this one.
    const staged = `${library}.${process.pid}.tmp`;
    writeFileSync(staged, readFileSync(out));
    renameSync(staged, library);
    return { library, built: true };
  } catch (e) {
    return { problem: `cannot build the preload recorder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

/** Run `/bin/sh -c true` with the recorder: it must record the exec and not make the loader complain. */
function selfTest(library: string, work: string, env: NodeJS.ProcessEnv): string | undefined {
  const trace = path.join(work, 'self-test.log');
  writeFileSync(trace, '');
  const r = spawnSync('/bin/sh', ['-c', 'true'], {
    encoding: 'utf8',
    env: recorderEnv(env, library, trace),
    timeout: 30_000,
  });
  const text = readFileSync(trace, 'utf8');
  if (r.status !== 0 || r.stderr.trim() || !/ execve\("\/bin\/sh"/.test(text)) {
    const why = r.stderr.trim().split('\n')[0] || (r.error?.message ?? `exit code ${r.status}, nothing recorded`);
    return `the dynamic loader did not take the preload recorder (${why})`;
  }
  return undefined;
}

/** The traced command's environment: the recorder first in LD_AUDIT and LD_PRELOAD, the trace file named. */
export function recorderEnv(env: NodeJS.ProcessEnv, library: string, traceFile: string): NodeJS.ProcessEnv {
  const first = (v: string | undefined, sep: string): string => (v ? `${library}${sep}${v}` : library);
  return {
    ...env,
    LD_AUDIT: first(env.LD_AUDIT, ':'),
    LD_PRELOAD: first(env.LD_PRELOAD, ':'),
    [RECORDER_TRACE_ENV]: traceFile,
  };
}
