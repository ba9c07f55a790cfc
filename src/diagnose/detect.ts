/**
 * The console/strace failure detector: finds fork-failure messages anywhere in a line (after test-runner dots,
 * CI timestamps, `make: ` ...), joins terminal-wrapped continuation lines and the multi-line
 * `Loaded different DLL with same basename` message. Stateful per file, one line at a time, pure.
 */
import { matchMessage, type LocatedMatch } from './messages.js';

export interface Detection extends LocatedMatch {
  /** 1-based line where the message starts, and where it ends (joined lines). */
  line: number;
  endLine: number;
  /** The message from its Cygwin prefix on (joined with `\n` for multi-line, directly for wrapped lines). */
  text: string;
  /** The `<total> [thread] prog pid` prefix in front of the message, when there is one. */
  program?: string;
  pid?: number;
  winpid?: number;
  /** The message's end was never seen (truncated log or a line cut by the terminal and never continued). */
  incomplete?: boolean;
}

const PREFIX_AT_END = /(?:^|[^\w])(\d+) \[([^\]\s]+)\] (\S+) (\(\d+\)|\d+)!? (?:\S.*?: )?$/;
const NEW_LINE_START = /^\s*(?:[0-9a-fA-F]{12}\s+)?(?:-?\d+\s+)?(?:\d+|\d\d:\d\d:\d\d)\s+\[[^\]\s]+\] \S+ \(?\d+\)?!? |^--- Process /;
const MAX_JOIN = 8;

export class Detector {
  private pending: { lines: string[]; first: number; last: number; multi: boolean } | null = null;

  /** Is a message waiting for its continuation? (Then every following line must be fed.) */
  get busy(): boolean {
    return this.pending !== null;
  }

  push(text: string, no: number): Detection[] {
    const out: Detection[] = [];
    const p = this.pending;
    if (p) {
      if (NEW_LINE_START.test(text) && !/^\s*(?:parent|child) loaded: /.test(text)) {
        out.push(this.force());
      } else {
        p.lines.push(text);
        p.last = no;
        const joined = p.lines.join(p.multi ? '\n' : '');
        const r = matchMessage(joined);
        if (r && r !== 'partial') {
          this.pending = null;
          out.push(make(r, joined, p.first, no));
          return out;
        }
        if (r === 'partial' && p.lines.length < MAX_JOIN) return out;
        out.push(this.force());
        return out;
      }
    }
    const r = matchMessage(text);
    if (r === 'partial') {
      this.pending = { lines: [text], first: no, last: no, multi: /child_info_fork::abort: ?\s*$/.test(text) || /Loaded different DLL/.test(text) };
    } else if (r) {
      out.push(make(r, text, no, no));
    }
    return out;
  }

  /** At the end of the file: a message still waiting is reported as incomplete. */
  end(): Detection[] {
    return this.pending ? [this.force()] : [];
  }

  private force(): Detection {
    const p = this.pending!;
    this.pending = null;
    const joined = p.lines.join(p.multi ? '\n' : '');
    const kind = /child_info_fork::abort/.test(joined)
      ? /Loaded different DLL/.test(joined)
        ? 'abort-different-dll'
        : 'abort-other'
      : /fork: child/.test(joined)
        ? 'parent-other'
        : /child_copy/.test(joined)
          ? 'copy-failed'
          : 'fatal-other';
    const at = Math.max(0, joined.search(/child_info_fork::abort|(?:do)?fork: child|child_copy|\*\*\* fatal error/));
    const r: LocatedMatch = { kind, offset: at };
    const e = /Win32 error (\d+)/.exec(joined);
    if (e) r.win32Error = Number(e[1]);
    const dll = /(?:map|remap|for|mapping|loaded:) ((?:\\\?\?\\)?[A-Za-z]:\\.+?\.(?:dll|so|oct|pyd|node|exe))\b/i.exec(joined);
    if (dll) r.dll = dll[1]!;
    const d = make(r, joined, p.first, p.last);
    d.incomplete = true;
    return d;
  }
}

function make(r: LocatedMatch, text: string, first: number, last: number): Detection {
  const before = text.slice(0, r.offset);
  const pm = PREFIX_AT_END.exec(before);
  const start = pm ? pm.index + (pm[0].startsWith(pm[1]!) ? 0 : 1) : r.offset;
  const d: Detection = { ...r, line: first, endLine: last, text: text.slice(start).trim() };
  if (pm) {
    d.program = pm[3]!;
    if (pm[4]!.startsWith('(')) d.winpid = Number(pm[4]!.slice(1, -1));
    else d.pid = Number(pm[4]);
  }
  return d;
}
