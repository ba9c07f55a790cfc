/**
 * Pure builder of the traced test command: Cygwin's `strace -o <log> [options] bash -l <fixed script file>`.
 *
 * The user's command never becomes part of any script text: it reaches bash in the environment variable CH_RUN and
 * runs through `eval "$CH_RUN"` inside a fixed script (RUN_SCRIPT, written to a file by the action); the working
 * folder arrives in CH_WORKDIR (POSIX form). The script is a file rather than a `-c` argument so that no argument
 * holds quotes or `$`: strace.exe is a native Windows program (winsup/utils/mingw) that rebuilds a Windows command
 * line for bash, and Cygwin re-parses (and globs) that line; plain paths survive both unchanged.
 * Strace is in the `cygwin` package itself (`/usr/bin/strace.exe`), so no extra package is needed.
 */
import { windowsToPosix } from './paths.js';

/**
 * Default strace options: none. Without `-m` strace uses the mask `all` (0x1), which already has `system`
 * (child_info_fork::abort and the parent's `dofork: child -1 - ...` lines), `debug` (silent first-attempt failures
 * when /var/run/cygfork is on, dlopen), `sigp` (child_info::sync, proc_retry) and `syscall` (`-1 = fork()`);
 * DEBUG_EVENT lines (`--- Process N loaded X.dll at ...`, `exited with status 0x800000`) are on by default (`-e`
 * toggles them off) and so is following children (`-f` toggles it off). See docs/action.md.
 */
export const DEFAULT_STRACE_OPTIONS: readonly string[] = [];

/**
 * Options refused in `strace-options`, with the reason: they would hide what the analysis needs or break the run.
 * Matching is on the option name (short or long, with or without `=value`).
 */
const FORBIDDEN: { names: string[]; why: string }[] = [
  { names: ['-o', '--output'], why: 'the action chooses the log file itself (output log-file)' },
  { names: ['-f', '--trace-children'], why: '-f is a toggle and children are traced by default: passing it would stop tracing the forked children' },
  { names: ['-e', '--events'], why: '-e is a toggle and turns off the "--- Process ... loaded/exited" lines the analysis reads' },
  { names: ['-n', '--crack-error-numbers', '--translate-error-numbers'], why: '-n drops the rest of the line after "Win32 error N", losing the DLL path' },
  { names: ['-p', '--pid', '-T', '--toggle'], why: 'attaching to a running process is not how the action runs tests' },
  { names: ['-w', '--new-window'], why: 'a new console window would detach the test output from the job log' },
  { names: ['-H', '--hex', '-u', '--usecs'], why: 'changes the line prefix the analysis parses' },
  { names: ['-h', '--help', '-V', '--version'], why: 'prints and exits without running the tests' },
];

/** Split and check `strace-options`; throws an Error naming the bad option and why. */
export function parseStraceOptions(s: string): string[] {
  const list = s.split(/\s+/).filter(Boolean);
  for (const opt of list) {
    if (!opt.startsWith('-')) continue;
    const name = opt.startsWith('--') ? opt.replace(/=.*$/, '') : opt.slice(0, 2);
    const bad = FORBIDDEN.find((f) => f.names.includes(name));
    if (bad) throw new Error(`input "strace-options": ${opt} is not allowed: ${bad.why}`);
  }
  return list;
}

/**
 * The fixed script bash runs. An EXIT trap records the test command's exit status in CH_RC_FILE even when the
 * command itself calls `exit`; strace's own exit status is the fallback.
 */
export const RUN_SCRIPT = [
  '# written by cygwin-hygiene: runs the test command given in $CH_RUN in $CH_WORKDIR (nothing else is substituted)',
  'trap \'ch_rc=$?; printf "%s\\n" "$ch_rc" > "$CH_RC_FILE"\' EXIT',
  'cd "$CH_WORKDIR" || exit 2',
  'eval "$CH_RUN"',
  '',
].join('\n');

export interface TracedCommandOptions {
  /** Windows path of the Cygwin root, e.g. `C:\cygwin`. */
  root: string;
  /** The user's test command (any shell text: it is eval'ed by bash, never pasted into a script). */
  run: string;
  /** Windows path of the working folder. */
  workdir: string;
  /** Windows path of the strace log to write, or undefined to run without strace (`strace: off`). */
  logFile?: string;
  /** Windows path of the exit-status file. */
  rcFile: string;
  /** Windows path where RUN_SCRIPT is written (by the caller) before the command runs. */
  scriptFile: string;
  straceOptions?: readonly string[];
}

export interface CommandLine {
  file: string;
  args: string[];
  /** Variables to add to the environment of the child. */
  env: Record<string, string>;
}

function rootDir(root: string): string {
  return root.replace(/[\\/]+$/, '');
}

export function buildTracedCommand(o: TracedCommandOptions): CommandLine {
  const root = rootDir(o.root);
  const bash = `${root}\\bin\\bash.exe`;
  const env = {
    CH_RUN: o.run,
    CH_WORKDIR: windowsToPosix(o.workdir, { root }),
    CH_RC_FILE: windowsToPosix(o.rcFile, { root }),
    CHERE_INVOKING: '1',
  };
  const bashArgs = ['-l', windowsToPosix(o.scriptFile, { root })];
  if (!o.logFile) return { file: bash, args: bashArgs, env };
  return {
    file: `${root}\\bin\\strace.exe`,
    args: ['-o', o.logFile, ...(o.straceOptions ?? DEFAULT_STRACE_OPTIONS), bash, ...bashArgs],
    env,
  };
}

/** Render a command line for people (dry-run, logs): arguments with spaces or quotes are double-quoted. */
export function formatCommandLine(c: { file: string; args: readonly string[] }): string {
  const q = (a: string) => (/^[\w@%+=:,./\\-]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, '\\$1')}"`);
  return [c.file, ...c.args].map(q).join(' ');
}

// ---- is this a Cygwin host? (for `cygwin-hygiene run`) ----------------------------------------------------------

export interface HostFacts {
  platform: NodeJS.Platform | string;
  /** `uname -s` output, when it could be run. */
  unameS?: string;
  /** Does `/usr/bin/cygcheck` (or `/usr/bin/cygpath`) exist? */
  hasCygcheck?: boolean;
}

/**
 * `cygwin` when Node itself is a Cygwin build or uname says CYGWIN_*, `msys` for MSYS2/Git for Windows, `win32`
 * for native Windows Node (Cygwin may be installed: the caller looks for it), else undefined.
 */
export function detectHost(f: HostFacts): 'cygwin' | 'msys' | 'win32' | undefined {
  const u = (f.unameS ?? '').trim().toUpperCase();
  if (f.platform === 'cygwin' || u.startsWith('CYGWIN')) return 'cygwin';
  if (u.startsWith('MSYS') || u.startsWith('MINGW')) return 'msys';
  if (f.platform === 'win32') return 'win32';
  if (f.hasCygcheck) return 'cygwin';
  return undefined;
}
