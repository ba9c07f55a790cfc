/**
 * Parse one line of a Cygwin `strace` log (cygwin-fork.md §2.2): the message lines
 * `[hexmask] [delta] [total|hh:mm:ss] [thread] prog pid[!] [func: ]message`, strace's own `--- Process ...` event
 * lines and the banner (`Program name: ...`, `DLL version:  3005.4, api: 0.345`). Pure; never throws.
 */

export interface StraceMessage {
  kind: 'message';
  /** 12-hex-digit category mask (`-H`). */
  mask?: string;
  /** Microseconds since this process' previous line (absent with `-d`/`-t`). */
  delta?: number;
  /** Microseconds since the process started (absent with `-u`). */
  total?: number;
  /** `hh:mm:ss` with `-t`. */
  time?: string;
  thread: string;
  program: string;
  /** Cygwin pid; absent while the process has none yet (then `winpid` is set). */
  pid?: number;
  /** Windows pid when the pid field is `(winpid)`. */
  winpid?: number;
  /** The `!` after the pid: the process is exec'ing. */
  exec: boolean;
  /** `frok::parent`, `dofork`, ...; absent on banner and api_fatal lines. */
  func?: string;
  message: string;
}

export type ProcessEventType = 'created' | 'thread-created' | 'loaded' | 'unloaded' | 'exited' | 'thread-exited' | 'exception';

export interface StraceEvent {
  kind: 'event';
  type: ProcessEventType;
  winpid: number;
  pid?: number;
  /** `loaded`: the DLL's Windows path as strace printed it. */
  path?: string;
  /** `loaded`/`unloaded`/`exception`: the address, lower-case hex without 0x. */
  address?: string;
  /** `exited`/`thread-exited`: the exit status, e.g. `0x800000`. */
  status?: string;
  /** `exception`: the code, e.g. `c0000005`. */
  exception?: string;
  thread?: number;
}

export type StraceLine = StraceMessage | StraceEvent;

// [mask ] [delta ] (total | hh:mm:ss) [thread] prog pid[!] rest
// (Matched on the line without its leading white space: a `^\s*` here and the `\s*` before `[thread]` could share
// one run of blanks, which made a long blank line quadratic.)
const MSG =
  /^(?:([0-9a-fA-F]{12})\s+)?(?:(-?\d+)\s+)?(?:(\d+)|(\d\d:\d\d:\d\d(?:\.\d+)?))?\s*\[([^\]\s]+)\]\s+(\S+)\s+(\(\d+\)|\d+)(!?)\s(.*)$/;
// A function name as __PRETTY_FUNCTION__ renders it: `dofork`, `frok::parent`, `child_info_fork::abort`, `~fhandler`.
const FUNC = /^([A-Za-z_~][\w~]*(?:::[A-Za-z_~][\w~]*)*):\s(.*)$/s;
const EVENT = /^--- Process (\d+)(?: \(pid: (\d+)\))?,? (.*)$/;

/** Parse one cleaned line. Returns undefined for lines that are no strace line (console output, garbage). */
export function parseStraceLine(line: string): StraceLine | undefined {
  if (line.startsWith('--- Process ')) return parseEvent(line);
  const m = MSG.exec(line.trimStart());
  if (!m) return undefined;
  // Without delta/total/time there must be a thread: `[main] prog pid` alone is still a (-d -u) line.
  const pidField = m[7]!;
  const out: StraceMessage = {
    kind: 'message',
    thread: m[5]!,
    program: m[6]!,
    exec: m[8] === '!',
    message: m[9]!,
  };
  if (m[1]) out.mask = m[1].toLowerCase();
  if (m[4]) {
    // -t: absolute time, implies -d (no delta).
    out.time = m[4];
    if (m[2] !== undefined) out.delta = Number(m[2]);
  } else if (m[3] !== undefined) {
    if (m[2] !== undefined) out.delta = Number(m[2]);
    out.total = Number(m[3]);
  } else if (m[2] !== undefined) {
    // One number: with -d it is the total, with -u the delta. -d is the common one; both are only informative.
    out.total = Number(m[2]);
  }
  if (pidField.startsWith('(')) out.winpid = Number(pidField.slice(1, -1));
  else out.pid = Number(pidField);
  const f = FUNC.exec(out.message);
  // api_fatal lines have no func: `C:\cygwin64\bin\bash.exe: *** fatal error ...` must not read as func `C`.
  if (f && !/^[A-Za-z]$/.test(f[1]!)) {
    out.func = f[1]!;
    out.message = f[2]!;
  }
  return out;
}

function parseEvent(line: string): StraceEvent | undefined {
  const m = EVENT.exec(line);
  if (!m) return undefined;
  const winpid = Number(m[1]);
  const pid = m[2] ? Number(m[2]) : undefined;
  const rest = m[3]!;
  const base = (type: ProcessEventType): StraceEvent => {
    const e: StraceEvent = { kind: 'event', type, winpid };
    if (pid !== undefined) e.pid = pid;
    return e;
  };
  let r: RegExpExecArray | null;
  let e: StraceEvent;
  if (rest === 'created') return base('created');
  // Dispatch on the first word: one regex per line instead of trying each in turn.
  switch (rest.charCodeAt(0)) {
    case 116: // thread
      if ((r = /^thread (\d+) created$/.exec(rest))) {
        e = base('thread-created');
        e.thread = Number(r[1]);
        return e;
      }
      if ((r = /^thread (\d+) exited with status (0x[0-9a-fA-F]+)$/.exec(rest))) {
        e = base('thread-exited');
        e.thread = Number(r[1]);
        e.status = r[2]!.toLowerCase();
        return e;
      }
      return undefined;
    case 108: // loaded
      if ((r = /^loaded (.+) at (?:0x)?([0-9a-fA-F]+)$/.exec(rest))) {
        e = base('loaded');
        e.path = r[1]!;
        e.address = r[2]!.toLowerCase();
        return e;
      }
      return undefined;
    case 117: // unloaded
      if ((r = /^unloaded DLL at (?:0x)?([0-9a-fA-F]+)$/.exec(rest))) {
        e = base('unloaded');
        e.address = r[1]!.toLowerCase();
        return e;
      }
      return undefined;
    case 101: // exited, exception
      if ((r = /^exited with status (0x[0-9a-fA-F]+)$/.exec(rest))) {
        e = base('exited');
        e.status = r[1]!.toLowerCase();
        return e;
      }
      if ((r = /^exception ([0-9a-fA-F]+) at (?:0x)?([0-9a-fA-F]+)$/.exec(rest))) {
        e = base('exception');
        e.exception = r[1]!.toLowerCase();
        e.address = r[2]!.toLowerCase();
        return e;
      }
      return undefined;
    default:
      return undefined;
  }
}

export interface BannerProgram {
  /** Windows path of the program. */
  path: string;
  pid: number;
  ppid: number;
  winpid: number;
}

/** `Program name: C:\cygwin64\bin\bash.exe (pid 1234, ppid 1, windows pid 5678)` (the message part). */
export function parseProgramBanner(message: string): BannerProgram | undefined {
  const m = /Program name: (.+?) \(pid (\d+), ppid (\d+), windows pid (\d+)\)\s*$/.exec(message);
  if (!m) return undefined;
  return { path: m[1]!, pid: Number(m[2]), ppid: Number(m[3]), winpid: Number(m[4]) };
}
