/**
 * Quiet lines: the strace lines of a fork that went well (`child_copy: done`, `resume_child: signalled child`,
 * `sync_with_parent: awake`, ...). They hold a needle (so the reader hands them out), but none of them is a
 * failure message, a timeline event, a version, an MSYS marker or an upgrade: all they add is "this process
 * exists". `quietLine` recognises them on the raw latin1 line with one anchored regex, so `analyzeLogs` skips the
 * clean + parse + timeline + detector work for them (about two thirds of the hit lines of a fork-heavy log) and
 * only records the process (`TimelineBuilder.touch`). The shapes are strict on purpose: anything else (a timestamp
 * prefix, ANSI codes, non-ASCII bytes, a program name with `_`, `\` or `cygwin`, an unusual message) takes the full path.
 * test/diagnose/quiet.test.ts checks on every fixture line that a quiet line really adds nothing else.
 */

export interface QuietLine {
  program: string;
  pid?: number;
  winpid?: number;
}

// delta total [thread] prog pid func: message — thread and prog without `_` or `\\`, prog without `cygwin`/`msys`
// (so no version, upgrade or MSYS marker can hide in them), the message one of the fixed shapes Cygwin prints on a successful fork (fork.cc, sigproc.cc).
const HEX = '0x[0-9A-Fa-f]+';
const QUIET = new RegExp(
  String.raw`^ *-?\d+ +\d+ \[[A-Za-z0-9]+\] ([A-Za-z0-9.+-]+) (\d+|\(\d+\)) (?:` +
    [
      String.raw`child_copy: (?:done|[a-z ]+ - hp ${HEX} low ${HEX}, high ${HEX}, res 1)`,
      String.raw`resume_child: signalled child`,
      String.raw`sync_with_parent: (?:awake|signalling parent: [a-z ,]+)`,
      String.raw`child_info::sync: (?:n \d+, waiting for subproc_ready\(${HEX}\) and child process\(${HEX}\)|pid \d+, WFMO returned \d+, exit_code ${HEX}, res 1)`,
      String.raw`frok::parent: (?:priority class \d+|child is alive \(but stopped\))`,
      String.raw`frok::child: hParent ${HEX}, load_dlls \d+`,
      String.raw`dofork: 0 = fork\(\)`,
    ].join('|') +
    String.raw`)\r?$`,
);

const SUSPECT_PROGRAM = /cygwin|msys/i;

/** The process of a quiet line (see above), or undefined when the line needs the full analysis. */
export function quietLine(raw: string): QuietLine | undefined {
  const m = QUIET.exec(raw);
  if (!m || SUSPECT_PROGRAM.test(m[1]!)) return undefined;
  const id = m[2]!;
  return id.charCodeAt(0) === 40 ? { program: m[1]!, winpid: Number(id.slice(1, -1)) } : { program: m[1]!, pid: Number(id) };
}
