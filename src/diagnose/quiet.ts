/**
 * Quiet and plain lines: the strace lines of a fork that went well, recognised on the raw latin1 line in the reader's
 * chunk by a hand-written parser (no copy, no regex), so `analyzeLogs` skips the clean + parse + detector work.
 *
 * - **Quiet** (`child_copy: done`, `resume_child: signalled child`, `sync_with_parent: awake`, `--- Process N thread
 *   M created`, ...): no failure message, no timeline event, no version, upgrade or MSYS marker; all they add is
 *   "this process exists" (`TimelineBuilder.touch`).
 * - **Plain** (`dofork: entering`, `dofork: 1624 = fork()`, `frok::parent: forked pid 9012`, `frok::child: child is
 *   running.  pid ..., ppid ..., stack here 0x...`, `--- Process N created`, `--- Process N (pid: M) exited with
 *   status 0x0`): timeline events, but no failure message, version, upgrade or MSYS marker; `plainAt` gives the
 *   same `StraceLine` `parseStraceLine` gives for them, and the analysis feeds it to the timeline directly.
 *
 * The shapes are strict on purpose: a timestamp or ANSI prefix, non-ASCII bytes, a program or thread name with `_`,
 * `\` or `cygwin`/`msys`, a 12-digit first number (a `-H` mask), a number of 16+ digits or any other text takes the
 * full path. test/diagnose/quiet.test.ts checks on every fixture line that a quiet line adds nothing else, that a
 * plain line parses the same, and that the whole result is the same without this path (`quietLines: false`).
 */
import type { StraceEvent, StraceLine, StraceMessage } from '../trace/strace.js';

export interface QuietLine {
  /** Absent on strace's own `--- Process N thread M created|exited` lines. */
  program?: string;
  pid?: number;
  winpid?: number;
}

const SUSPECT_PROGRAM = /cygwin|msys/i;

/** What the last `classify` found (reused: no allocation per line). Offsets are into the classified text. */
interface Parsed {
  /** Start of the text without leading blanks, and its end without the CR. */
  start: number;
  end: number;
  delta: number;
  total: number;
  threadFrom: number;
  threadTo: number;
  progFrom: number;
  progTo: number;
  pid: number;
  winpid: number;
  funcFrom: number;
  funcTo: number;
  /** Where the message (after `func: `) starts. */
  msgFrom: number;
  /** Plain kinds and their numbers. */
  kind: number;
  n1: number;
  n2: number;
  /** Hex value span (exit status). */
  hexFrom: number;
  /** A `--- Process` line. */
  proc: boolean;
}
const P: Parsed = { start: 0, end: 0, delta: 0, total: 0, threadFrom: 0, threadTo: 0, progFrom: 0, progTo: 0, pid: -1, winpid: -1, funcFrom: 0, funcTo: 0, msgFrom: 0, kind: 0, n1: 0, n2: -1, hexFrom: 0, proc: false };

// Results of classify().
const NONE = 0;
const QUIET = 1;
const PLAIN = 2;
// Plain kinds.
const K_ENTERING = 1;
const K_FORK_RESULT = 2;
const K_FORKED = 3;
const K_RUNNING = 4;
const K_CREATED = 5;
const K_EXITED = 6;

let num = 0;
/** Digits at i (at most 15): the position after them (the value in `num`), or -1. */
function digits(s: string, i: number, to: number): number {
  let v = 0;
  const st = i;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    i++;
  }
  if (i === st || i - st > 15) return -1;
  num = v;
  return i;
}

/** `0x` and hex digits at i: the position after them, or -1. */
function hex(s: string, i: number, to: number): number {
  if (i + 2 >= to || s.charCodeAt(i) !== 48 || s.charCodeAt(i + 1) !== 120) return -1;
  i += 2;
  const st = i;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) break;
    i++;
  }
  return i === st ? -1 : i;
}

/** `lit` at i: the position after it, or -1. */
function lit(s: string, i: number, to: number, l: string): number {
  return i + l.length <= to && s.startsWith(l, i) ? i + l.length : -1;
}

function alnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** [a-z ,]* (with comma) or [a-z ]* from i: the position after. */
function lowerRun(s: string, i: number, to: number, comma: boolean): number {
  while (i < to) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === 32 || (comma && c === 44)) i++;
    else break;
  }
  return i;
}

/**
 * Classify the line `s[from, to)` (`to` at its newline or the text's end): NONE, QUIET or PLAIN, the fields in P.
 * The prefix is `^ *-?\d+ +\d+ \[[A-Za-z0-9]+\] [A-Za-z0-9.+-]+ (\d+|\(\d+\)) ` or `--- Process `.
 */
function classify(s: string, from: number, to: number): number {
  const end = to > from && s.charCodeAt(to - 1) === 13 ? to - 1 : to;
  P.end = end;
  P.proc = s.startsWith('--- Process ', from);
  if (P.proc) return processLine(s, from, end);
  let i = from;
  while (i < end && s.charCodeAt(i) === 32) i++;
  P.start = i;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  const d0 = i;
  if ((i = digits(s, i, end)) < 0) return NONE;
  // 12 hex digits first would read as a -H mask.
  if (i - d0 === 12) return NONE;
  P.delta = neg ? -num : num;
  if (s.charCodeAt(i) !== 32) return NONE;
  while (i < end && s.charCodeAt(i) === 32) i++;
  if ((i = digits(s, i, end)) < 0) return NONE;
  P.total = num;
  if (s.charCodeAt(i) !== 32 || s.charCodeAt(i + 1) !== 91) return NONE;
  i += 2;
  P.threadFrom = i;
  while (i < end && alnum(s.charCodeAt(i))) i++;
  if (i === P.threadFrom || s.charCodeAt(i) !== 93 || s.charCodeAt(i + 1) !== 32) return NONE;
  P.threadTo = i;
  i += 2;
  P.progFrom = i;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!(alnum(c) || c === 46 || c === 43 || c === 45)) break;
  }
  if (i === P.progFrom || s.charCodeAt(i) !== 32) return NONE;
  P.progTo = i;
  i++;
  P.pid = -1;
  P.winpid = -1;
  if (s.charCodeAt(i) === 40) {
    if ((i = digits(s, i + 1, end)) < 0 || s.charCodeAt(i) !== 41) return NONE;
    P.winpid = num;
    i++;
  } else {
    if ((i = digits(s, i, end)) < 0) return NONE;
    P.pid = num;
  }
  if (s.charCodeAt(i) !== 32) return NONE;
  i++;
  P.funcFrom = i;
  const r = message(s, i, end);
  if (r !== NONE && SUSPECT_PROGRAM.test(s.slice(P.progFrom, P.progTo))) return NONE;
  return r;
}

/** The function name and message after the prefix. */
function message(s: string, f: number, end: number): number {
  let i: number;
  switch (s.charCodeAt(f)) {
    case 99: // c: child_copy, child_info::sync
      if ((i = lit(s, f, end, 'child_copy: ')) >= 0) {
        if (lit(s, i, end, 'done') === end) return QUIET;
        const k = lowerRun(s, i, end, false);
        // [a-z ]+ - hp HEX low HEX, high HEX, res 1
        if (k - 1 <= i || s.charCodeAt(k - 1) !== 32 || (i = lit(s, k, end, '- hp ')) < 0) return NONE;
        if ((i = hex(s, i, end)) < 0 || (i = lit(s, i, end, ' low ')) < 0 || (i = hex(s, i, end)) < 0) return NONE;
        if ((i = lit(s, i, end, ', high ')) < 0 || (i = hex(s, i, end)) < 0) return NONE;
        return lit(s, i, end, ', res 1') === end ? QUIET : NONE;
      }
      if ((i = lit(s, f, end, 'child_info::sync: ')) >= 0) {
        let j: number;
        if ((j = lit(s, i, end, 'n ')) >= 0) {
          if ((j = digits(s, j, end)) < 0 || (j = lit(s, j, end, ', waiting for subproc_ready(')) < 0 || (j = hex(s, j, end)) < 0) return NONE;
          if ((j = lit(s, j, end, ') and child process(')) < 0 || (j = hex(s, j, end)) < 0) return NONE;
          return lit(s, j, end, ')') === end ? QUIET : NONE;
        }
        if ((j = lit(s, i, end, 'pid ')) >= 0) {
          if ((j = digits(s, j, end)) < 0 || (j = lit(s, j, end, ', WFMO returned ')) < 0 || (j = digits(s, j, end)) < 0) return NONE;
          if ((j = lit(s, j, end, ', exit_code ')) < 0 || (j = hex(s, j, end)) < 0) return NONE;
          return lit(s, j, end, ', res 1') === end ? QUIET : NONE;
        }
      }
      return NONE;
    case 114: // resume_child
      return lit(s, f, end, 'resume_child: signalled child') === end ? QUIET : NONE;
    case 115: // sync_with_parent
      if ((i = lit(s, f, end, 'sync_with_parent: ')) < 0) return NONE;
      if (lit(s, i, end, 'awake') === end) return QUIET;
      if ((i = lit(s, i, end, 'signalling parent: ')) < 0) return NONE;
      return i < end && lowerRun(s, i, end, true) === end ? QUIET : NONE;
    case 102: // frok::parent, frok::child
      if ((i = lit(s, f, end, 'frok::parent: ')) >= 0) {
        let j: number;
        if ((j = lit(s, i, end, 'priority class ')) >= 0) return digits(s, j, end) === end ? QUIET : NONE;
        if (lit(s, i, end, 'child is alive (but stopped)') === end) return QUIET;
        if ((j = lit(s, i, end, 'forked pid ')) >= 0) {
          if (digits(s, j, end) !== end) return NONE;
          setPlain(f, 12, K_FORKED, num, -1);
          return PLAIN;
        }
        if ((j = lit(s, i, end, 'CreateProcessW (')) >= 0) return createProcess(s, j, end);
        return NONE;
      }
      if ((i = lit(s, f, end, 'frok::child: ')) >= 0) {
        let j: number;
        if ((j = lit(s, i, end, 'hParent ')) >= 0) {
          if ((j = hex(s, j, end)) < 0 || (j = lit(s, j, end, ', load_dlls ')) < 0) return NONE;
          return digits(s, j, end) === end ? QUIET : NONE;
        }
        if ((j = lit(s, i, end, 'child is running.  pid ')) >= 0) {
          if ((j = digits(s, j, end)) < 0) return NONE;
          const pid = num;
          if ((j = lit(s, j, end, ', ppid ')) < 0 || (j = digits(s, j, end)) < 0) return NONE;
          const ppid = num;
          if ((j = lit(s, j, end, ', stack here ')) < 0 || hex(s, j, end) !== end) return NONE;
          setPlain(f, 11, K_RUNNING, pid, ppid);
          return PLAIN;
        }
      }
      return NONE;
    case 100: // dofork
      if ((i = lit(s, f, end, 'dofork: ')) < 0) return NONE;
      if (lit(s, i, end, 'entering') === end) {
        setPlain(f, 6, K_ENTERING, 0, -1);
        return PLAIN;
      }
      {
        const neg = s.charCodeAt(i) === 45;
        const d = neg ? i + 1 : i;
        const j = digits(s, d, end);
        if (j < 0 || lit(s, j, end, ' = fork()') !== end) return NONE;
        if (!neg && j === d + 1 && s.charCodeAt(d) === 48) return QUIET;
        setPlain(f, 6, K_FORK_RESULT, 0, -1);
        return PLAIN;
      }
    default:
      return NONE;
  }
}

function setPlain(f: number, funcLen: number, kind: number, n1: number, n2: number): void {
  P.funcTo = f + funcLen;
  P.msgFrom = f + funcLen + 2;
  P.kind = kind;
  P.n1 = n1;
  P.n2 = n2;
}

/** `CreateProcessW ([A-Za-z0-9:\\. ,]*)` to the end, without a version, upgrade or MSYS/Git marker in it. */
function createProcess(s: string, i: number, end: number): number {
  const st = i;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!(alnum(c) || c === 58 || c === 92 || c === 46 || c === 32 || c === 44)) break;
  }
  if (i + 1 !== end || s.charCodeAt(i) !== 41) return NONE;
  const body = s.slice(st, end);
  if (body.includes('DLL version') || body.includes('  ') || body.includes('MINGW') || /[Mm][Ss][Yy][Ss]|\\[Gg][Ii][Tt]\\/.test(body)) return NONE;
  return QUIET;
}

/** `--- Process N[ (pid: M)] thread T created|exited with status HEX`, `... created`, `... exited with status HEX`. */
function processLine(s: string, from: number, end: number): number {
  P.start = from;
  let i = digits(s, from + 12, end);
  if (i < 0) return NONE;
  P.winpid = num;
  P.pid = -1;
  let j: number;
  if ((j = lit(s, i, end, ' (pid: ')) >= 0) {
    if ((j = digits(s, j, end)) < 0 || s.charCodeAt(j) !== 41) return NONE;
    P.pid = num;
    i = j + 1;
  }
  if ((j = lit(s, i, end, ' thread ')) >= 0) {
    if ((j = digits(s, j, end)) < 0) return NONE;
    if (lit(s, j, end, ' created') === end) return QUIET;
    if ((j = lit(s, j, end, ' exited with status ')) < 0) return NONE;
    return hex(s, j, end) === end ? QUIET : NONE;
  }
  if (lit(s, i, end, ' created') === end) {
    P.kind = K_CREATED;
    return PLAIN;
  }
  if ((j = lit(s, i, end, ' exited with status ')) >= 0 && hex(s, j, end) === end) {
    P.kind = K_EXITED;
    P.hexFrom = j;
    return PLAIN;
  }
  return NONE;
}

/** The process of a quiet line (see above), or undefined when the line needs more than that. */
export function quietLine(raw: string): QuietLine | undefined {
  return quietAt(raw, 0, raw.length);
}

/**
 * The same for the line `s[from, to)` of a bigger text (`to` is the line's end: a newline or the text's end), so
 * the reader can test a line in its chunk without copying it out.
 */
export function quietAt(s: string, from: number, to: number): QuietLine | undefined {
  if (classify(s, from, to) !== QUIET) return undefined;
  return quietResult(s);
}

function quietResult(s: string): QuietLine {
  if (P.proc) {
    return P.pid < 0 ? { winpid: P.winpid } : { winpid: P.winpid, pid: P.pid };
  }
  const program = s.slice(P.progFrom, P.progTo);
  return P.winpid >= 0 ? { program, winpid: P.winpid } : { program, pid: P.pid };
}

/** A line of `s` the fast path can take: a quiet line's process, or a plain line as `parseStraceLine` parses it. */
export type FastLine = { quiet: QuietLine } | { plain: StraceLine; text: string };

/**
 * Quiet or plain line `s[from, to)`, or undefined. `copy(a, b)` gives `s[a, b)` as a string of its own (the caller
 * copies out of the chunk's bytes, so nothing kept refers to the chunk).
 */
export function fastAt(s: string, from: number, to: number, copy: (a: number, b: number) => string): FastLine | undefined {
  const r = classify(s, from, to);
  if (r === NONE) return undefined;
  if (r === QUIET) {
    const q = quietResult(s);
    if (q.program !== undefined) q.program = copy(P.progFrom, P.progTo);
    return { quiet: q };
  }
  const text = copy(P.start, P.end);
  const o = P.start;
  if (P.kind === K_CREATED || P.kind === K_EXITED) {
    const e: StraceEvent = { kind: 'event', type: P.kind === K_CREATED ? 'created' : 'exited', winpid: P.winpid };
    if (P.pid >= 0) e.pid = P.pid;
    if (P.kind === K_EXITED) e.status = text.slice(P.hexFrom - o).toLowerCase();
    return { plain: e, text };
  }
  const m: StraceMessage = {
    kind: 'message',
    thread: text.slice(P.threadFrom - o, P.threadTo - o),
    program: text.slice(P.progFrom - o, P.progTo - o),
    exec: false,
    message: text.slice(P.funcFrom - o),
  };
  m.delta = P.delta;
  m.total = P.total;
  if (P.winpid >= 0) m.winpid = P.winpid;
  else m.pid = P.pid;
  m.func = text.slice(P.funcFrom - o, P.funcTo - o);
  m.message = text.slice(P.msgFrom - o);
  return { plain: m, text };
}

/** For tests: the plain line's parse, or undefined (a quiet or other line). */
export function plainLine(raw: string): { plain: StraceLine; text: string } | undefined {
  const r = fastAt(raw, 0, raw.length, (a, b) => raw.slice(a, b));
  return r && 'plain' in r ? r : undefined;
}
