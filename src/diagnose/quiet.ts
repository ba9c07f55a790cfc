/**
 * Quiet lines: the strace lines of a fork that went well (`child_copy: done`, `resume_child: signalled child`,
 * `sync_with_parent: awake`, ...). They hold a needle (so the reader hands them out), but none of them is a
 * failure message, a timeline event, a version, an MSYS marker or an upgrade: all they add is "this process
 * exists". `quietLine` recognises them on the raw latin1 line with one anchored regex, so `analyzeLogs` skips the
 * clean + parse + timeline + detector work for them (about two thirds of the hit lines of a fork-heavy log) and
 * only records the process (`TimelineBuilder.touch`); strace's `--- Process N thread M created|exited` lines too. The shapes are strict on purpose: anything else (a timestamp
 * prefix, ANSI codes, non-ASCII bytes, a program name with `_`, `\` or `cygwin`, an unusual message) takes the full path.
 * test/diagnose/quiet.test.ts checks on every fixture line that a quiet line really adds nothing else.
 */

export interface QuietLine {
  /** Absent on strace's own `--- Process N thread M created|exited` lines. */
  program?: string;
  pid?: number;
  winpid?: number;
}

// delta total [thread] prog pid func: message — thread and prog without `_` or `\\`, prog without `cygwin`/`msys`
// (so no version, upgrade or MSYS marker can hide in them), the message one of the fixed shapes Cygwin prints on a successful fork (fork.cc, sigproc.cc).
const HEX = '0x[0-9A-Fa-f]+';
const QUIET = new RegExp(
  String.raw`^(?: *-?\d+ +\d+ \[[A-Za-z0-9]+\] ([A-Za-z0-9.+-]+) (\d+|\(\d+\)) (?:` +
    [
      String.raw`child_copy: (?:done|[a-z ]+ - hp ${HEX} low ${HEX}, high ${HEX}, res 1)`,
      String.raw`resume_child: signalled child`,
      String.raw`sync_with_parent: (?:awake|signalling parent: [a-z ,]+)`,
      String.raw`child_info::sync: (?:n \d+, waiting for subproc_ready\(${HEX}\) and child process\(${HEX}\)|pid \d+, WFMO returned \d+, exit_code ${HEX}, res 1)`,
      String.raw`frok::parent: (?:priority class \d+|child is alive \(but stopped\))`,
      // The program's Windows path: no `-`/`_` (every version and upgrade marker has one), no MSYS/Git marker.
      String.raw`frok::parent: CreateProcessW \((?![^\n]*(?:DLL version|  |[Mm][Ss][Yy][Ss]|MINGW|\\[Gg][Ii][Tt]\\))[A-Za-z0-9:\\. ,]*\)`,
      String.raw`frok::child: hParent ${HEX}, load_dlls \d+`,
      String.raw`dofork: 0 = fork\(\)`,
    ].join('|') +
    String.raw`)|--- Process (\d+)(?: \(pid: (\d+)\))? thread \d+ (?:created|exited with status ${HEX}))\r?$`,
  'my',
);
// The function names above, checked with startsWith before the regex runs (most hit lines are none of them).
const FUNCS = ['child_copy: ', 'resume_child: ', 'sync_with_parent: ', 'child_info::sync: ', 'frok::parent: p', 'frok::parent: c', 'frok::parent: C', 'frok::child: h', 'dofork: 0 '];

const SUSPECT_PROGRAM = /cygwin|msys/i;

/** The process of a quiet line (see above), or undefined when the line needs the full analysis. */
export function quietLine(raw: string): QuietLine | undefined {
  return quietAt(raw, 0, raw.length);
}

/**
 * The same for the line `s[from, to)` of a bigger text (`to` is the line's end: a newline or the text's end), so
 * the reader can test a line in its chunk without copying it out.
 */
export function quietAt(s: string, from: number, to: number): QuietLine | undefined {
  if (s.startsWith('--- Process ', from)) {
    QUIET.lastIndex = from;
    const e = QUIET.exec(s);
    if (!e || e.index + e[0].length !== to || e[3] === undefined) return undefined;
    return e[4] === undefined ? { winpid: Number(e[3]) } : { winpid: Number(e[3]), pid: Number(e[4]) };
  }
  // The function name: after `] prog pid `.
  const rb = s.indexOf('] ', from);
  if (rb < 0 || rb >= to) return undefined;
  const sp1 = s.indexOf(' ', rb + 2);
  const sp2 = sp1 < 0 ? -1 : s.indexOf(' ', sp1 + 1);
  if (sp2 < 0 || sp2 >= to) return undefined;
  let known = false;
  for (const f of FUNCS) {
    if (s.startsWith(f, sp2 + 1)) {
      known = true;
      break;
    }
  }
  if (!known) return undefined;
  QUIET.lastIndex = from;
  const m = QUIET.exec(s);
  if (!m || m.index + m[0].length !== to || m[1] === undefined || SUSPECT_PROGRAM.test(m[1])) return undefined;
  const id = m[2]!;
  return id.charCodeAt(0) === 40 ? { program: m[1]!, winpid: Number(id.slice(1, -1)) } : { program: m[1]!, pid: Number(id) };
}
