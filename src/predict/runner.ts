/**
 * Run a command with one of two tracers, both writing the strace line format the replay reads: the preload
 * recorder (recorder.ts: in-process, fast; Linux with glibc and a C compiler) or Linux strace with the minimal
 * syscall set the replay needs (any program, but every traced call stops the process). The only part of predict/
 * that starts processes; it writes nothing to stdout itself (the traced command inherits stdio).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../util/errors.js';
import { ensureRecorder, recorderEnv } from './recorder.js';

/** The syscalls traced. `?` = don't fail on architectures without the legacy call (aarch64 has no open/fork/...). */
export const TRACED_SYSCALLS = [
  '?open',
  'openat',
  'mmap',
  'munmap',
  '?unlink',
  'unlinkat',
  '?rmdir',
  '?rename',
  'renameat',
  '?renameat2',
  'chdir',
  'fchdir',
  '?fork',
  '?vfork',
  'clone',
  '?clone3',
  'execve',
  '?execveat',
  'exit_group',
];

export const STRACE_INSTALL_HINT =
  'predict needs Linux strace: install it (`apt-get install strace` or `dnf install strace`) or pass --strace PATH';

export class StraceMissingError extends InputError {
  override name = 'StraceMissingError';
}

/** Find an executable on PATH (or check an explicit path). */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = name.includes('/')
    ? [name]
    : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, name));
  for (const c of candidates) {
    try {
      if (!statSync(c).isFile()) continue;
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  return undefined;
}

const seccompCache = new Map<string, boolean>();

/**
 * Does this strace + kernel support `--seccomp-bpf` (strace >= 5.3, a kernel with seccomp filters)? Probed once
 * per strace binary by tracing `true`; any complaint on stderr counts as "no".
 */
export function probeSeccomp(strace: string): boolean {
  const cached = seccompCache.get(strace);
  if (cached !== undefined) return cached;
  const r = spawnSync(strace, ['-f', '--seccomp-bpf', '-qq', '-e', 'trace=clone,execve', '-o', '/dev/null', 'true'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  const ok = r.status === 0 && !r.error && (r.stderr ?? '').trim() === '';
  seccompCache.set(strace, ok);
  return ok;
}

/** Check that strace can trace at all here (ptrace may be forbidden in a container); returns the problem or undefined. */
export function probePtrace(strace: string): string | undefined {
  const r = spawnSync(strace, ['-qq', '-e', 'trace=execve', '-o', '/dev/null', 'true'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error) return `cannot run ${strace}: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}`;
  if (r.status === 0) return undefined;
  const first = (r.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit code ${r.status}`;
  return `strace cannot trace here (${first.trim()}); in a container, allow ptrace (e.g. docker --cap-add=SYS_PTRACE)`;
}

export const TRACERS = ['auto', 'preload', 'strace'] as const;
export type TracerChoice = (typeof TRACERS)[number];
export type Tracer = Exclude<TracerChoice, 'auto'>;

export interface RunTracedOptions {
  /** `auto` (default): the preload recorder where it can be built, else strace. */
  tracer?: TracerChoice;
  /** strace binary (default: `strace` on PATH). */
  strace?: string;
  /** Keep the trace here; default: a temporary file, removed by `cleanup()`. */
  traceFile?: string;
  /** Use `--seccomp-bpf`: `true`, `false`, or probe (default). */
  seccomp?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** stdio of the traced command (default `inherit`: output and exit code pass through unchanged). */
  stdio?: 'inherit' | 'ignore';
}

export interface TracedRun {
  /** The command's exit code (strace exits with it); null when it was killed by `signal`. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  traceFile: string;
  /** Whether the trace file is temporary (removed by cleanup()). */
  temporary: boolean;
  tracer: Tracer;
  /** Why `auto` chose strace (the recorder could not be used here). */
  fallback?: string;
  /** The recorder library, when this run built it (first use on this machine). */
  recorderBuilt?: string;
  /** The command could not be started (preload tracer: there is no strace to say so). */
  startError?: string;
  seccomp: boolean;
  /** strace's arguments (empty for the preload recorder). */
  straceArgs: string[];
  cleanup(): void;
}

/** The strace arguments for a run (exported for docs and tests). */
export function straceArgs(traceFile: string, seccomp: boolean, cmd: string, args: readonly string[]): string[] {
  return [
    '-f',
    ...(seccomp ? ['--seccomp-bpf'] : []),
    '-q',
    '-y',
    '-s',
    '4096',
    '-e',
    `trace=${TRACED_SYSCALLS.join(',')}`,
    '-o',
    traceFile,
    '--',
    cmd,
    ...args,
  ];
}

/**
 * Run `cmd args` traced. Resolves when the command (and strace) ended. Throws StraceMissingError when strace is
 * needed and not there, InputError when the chosen tracer cannot trace here.
 */
export async function runTraced(cmd: string, args: readonly string[], opts: RunTracedOptions = {}): Promise<TracedRun> {
  const env = opts.env ?? process.env;
  const choice = opts.tracer ?? 'auto';
  let library: string | undefined;
  let fallback: string | undefined;
  let built = false;
  if (choice !== 'strace') {
    const rec = ensureRecorder(env);
    if ('library' in rec) {
      library = rec.library;
      built = rec.built;
    }
    else if (choice === 'preload') throw new InputError(rec.problem);
    else fallback = rec.problem;
  }
  let strace: string | undefined;
  let seccomp = false;
  if (!library) {
    strace = findExecutable(opts.strace ?? 'strace', env);
    if (!strace) {
      const missing = opts.strace ? `${opts.strace} not found` : 'strace not found on PATH';
      throw new StraceMissingError(`${missing}${fallback ? ` and ${fallback}` : ''}; ${STRACE_INSTALL_HINT}`);
    }
    seccomp = opts.seccomp ?? probeSeccomp(strace);
    if (!seccomp) {
      const problem = probePtrace(strace);
      if (problem) throw new InputError(problem);
    }
  }
  let dir: string | undefined;
  let traceFile = opts.traceFile;
  if (!traceFile) {
    dir = mkdtempSync(path.join(tmpdir(), 'cygwin-hygiene-predict-'));
    traceFile = path.join(dir, 'trace.log');
  } else traceFile = path.resolve(opts.cwd ?? process.cwd(), traceFile);
  let child;
  let argv: string[] = [];
  if (library) {
    // The recorder appends; the file must exist and start empty.
    writeFileSync(traceFile, '');
    child = spawn(cmd, args, { cwd: opts.cwd, env: recorderEnv(env, library, traceFile), stdio: opts.stdio ?? 'inherit' });
  } else {
    argv = straceArgs(traceFile, seccomp, cmd, args);
    child = spawn(strace!, argv, { cwd: opts.cwd, env, stdio: opts.stdio ?? 'inherit' });
  }
  // Ctrl-C reaches the whole foreground process group; SIGTERM from a CI runner is passed on.
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  const onTerm = forward('SIGTERM');
  const onInt = (): void => undefined;
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  try {
    const { code, signal, startError } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; startError?: string }>(
      (resolve) => {
        child.on('error', (e: NodeJS.ErrnoException) =>
          resolve({ code: 127, signal: null, startError: `cannot run ${library ? cmd : strace!}: ${e.code === 'ENOENT' ? 'not found' : (e.code ?? e.message)}` }),
        );
        child.on('close', (c, s) => resolve({ code: c, signal: s }));
      },
    );
    const run: TracedRun = {
      exitCode: code,
      signal,
      traceFile,
      temporary: dir !== undefined,
      tracer: library ? 'preload' : 'strace',
      seccomp,
      straceArgs: argv,
      cleanup: () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
    if (fallback) run.fallback = fallback;
    if (built && library) run.recorderBuilt = library;
    if (startError) run.startError = startError;
    return run;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}
