/**
 * The story of a strace log: processes (Windows pid, Cygwin pid, program, parent), which DLLs they loaded, what
 * deleted, renamed or rewrote those files, the forks, and how they ended. Stream order is kept: strace's total
 * column is a per-process clock and is never used for ordering. Bounded: at most MAX_EVENTS events and
 * MAX_PROCESSES processes are kept per log (the counts of dropped ones are reported).
 */
import type { StraceLine, StraceMessage } from '../trace/strace.js';
import { parseProgramBanner } from '../trace/strace.js';

export type TimelineEventType =
  | 'start'
  | 'fork'
  | 'child-running'
  | 'load'
  | 'unload'
  | 'delete'
  | 'rename'
  | 'write'
  | 'abort'
  | 'fork-failure'
  | 'fork-result'
  | 'exit';

export interface TimelineEvent {
  type: TimelineEventType;
  /** 1-based line in the log. */
  line: number;
  pid?: number;
  winpid?: number;
  program?: string;
  /** The file concerned (load/delete/rename/write): as printed (Windows path or POSIX path, maybe relative). */
  path?: string;
  /** rename: the new name. */
  to?: string;
  /** exit status (`0x800000`), fork result (`-1`, a pid), child pid of a fork. */
  detail?: string;
  text: string;
}

export interface TimelineProcess {
  winpid?: number;
  pid?: number;
  program?: string;
  /** The Windows path from the banner. */
  path?: string;
  parentPid?: number;
  parentWinpid?: number;
  firstLine: number;
  exitStatus?: string;
  exitLine?: number;
}

export interface Timeline {
  /** The log, as given. */
  file: string;
  processes: TimelineProcess[];
  events: TimelineEvent[];
  droppedEvents: number;
}

export const MAX_EVENTS = 20_000;
const RING = 4096;
const FORK_RING = 64;
const PER_PATH = 16;
const MAX_PATHS = 50_000;

function basename(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s.slice(s.lastIndexOf('/') + 1).toLowerCase();
}
export const MAX_PROCESSES = 20_000;

const SYSTEM_DLL = /\\Windows\\(?:System32|SysWOW64|WinSxS)\\/i;
const LIB = /\.(?:dll|so|oct|pyd|node|exe)$/i;

/** The funcs `message()` looks at by name; any other line matters only as a `N = unlink(...)`-style syscall line. */
const INTERESTING_FUNC = new Set(['dofork', 'frok::parent', 'frok::child', 'child_info_fork::abort', 'child_info::sync']);

/** Builds one Timeline from the parsed strace lines of one log. */
export class TimelineBuilder {
  private readonly procs: TimelineProcess[] = [];
  private readonly byWinpid = new IdMap();
  private readonly byPid = new IdMap();
  private readonly events: TimelineEvent[] = [];
  private dropped = 0;
  /** Events pushed so far; and the last FORK_RING fork/child-running/start events with their number. */
  private pushed = 0;
  private readonly forkRing: { e: TimelineEvent; seq: number }[] = [];
  private forkAt = 0;
  private readonly byBase = new Map<string, TimelineEvent[]>();
  private readonly listeners = new Set<(e: TimelineEvent) => void>();
  /** Paths of DLLs with a load event: deletes/writes are kept for these (and for every .dll/.so path). */
  readonly windowsPaths: string[] = [];
  /** The last `frok::parent: forked pid W` seen per parent pid, to link child ↔ parent. */
  private readonly forkedBy = new Map<number, TimelineProcess>();

  constructor(readonly file: string) {}

  get size(): number {
    return this.events.length;
  }

  add(l: StraceLine, no: number, text: string): void {
    if (l.kind === 'event') {
      const p = this.proc(l.winpid, l.pid, undefined, no);
      switch (l.type) {
        case 'created':
          this.push({ type: 'start', line: no, winpid: l.winpid, ...(l.pid ? { pid: l.pid } : {}), text });
          break;
        case 'loaded':
          if (l.path && !SYSTEM_DLL.test(l.path)) {
            this.notePath(l.path);
            this.push({ type: 'load', line: no, winpid: l.winpid, ...(p.pid ? { pid: p.pid } : {}), ...prog(p), path: l.path, text });
          }
          break;
        case 'exited':
          p.exitStatus = l.status;
          p.exitLine = no;
          this.push({ type: 'exit', line: no, winpid: l.winpid, ...(p.pid ? { pid: p.pid } : {}), ...prog(p), detail: l.status!, text });
          break;
        default:
          break;
      }
      return;
    }
    this.message(l, no, text);
  }

  private message(l: StraceMessage, no: number, text: string): void {
    const p = this.proc(l.winpid, l.pid, l.program, no);
    const msg = l.message;
    const f = l.func;
    // Most lines are none of the kinds below: those end here without building anything.
    if (f && !INTERESTING_FUNC.has(f) && !msg.includes(' = ') && f !== 'unlink_nt' && f !== '_unlink_nt') return;
    // The event of this line, keys in the order the report shows them: type, line, pid, winpid, program, ..., text.
    const ev = (type: TimelineEventType, extra?: { detail?: string; path?: string; to?: string }): TimelineEvent => {
      const e = { type, line: no } as TimelineEvent;
      if (l.pid !== undefined) e.pid = l.pid;
      if (p.winpid !== undefined) e.winpid = p.winpid;
      e.program = l.program;
      if (extra?.detail !== undefined) e.detail = extra.detail;
      if (extra?.path !== undefined) e.path = extra.path;
      if (extra?.to !== undefined) e.to = extra.to;
      e.text = text;
      return e;
    };
    let m: RegExpExecArray | null;
    if (!f) {
      const b = parseProgramBanner(msg);
      if (b) {
        const q = this.proc(b.winpid, b.pid, l.program, no);
        q.path = b.path;
        if (b.ppid > 1) q.parentPid = b.ppid;
        this.notePath(b.path);
      }
      return;
    }
    switch (f) {
      case 'dofork':
        if (msg === 'entering') this.push(ev('fork'));
        else if ((m = /^(-?\d+) = fork\(\)/.exec(msg)) && m[1] !== '0') this.push(ev('fork-result', { detail: m[1]! }));
        return;
      case 'frok::parent':
        if ((m = /^forked pid (\d+)/.exec(msg))) {
          const c = this.proc(Number(m[1]), undefined, l.program, no);
          if (p.pid !== undefined) c.parentPid = p.pid;
          if (p.winpid !== undefined) c.parentWinpid = p.winpid;
          if (p.pid !== undefined) this.forkedBy.set(p.pid, c);
        } else if (msg.startsWith('returning -1')) {
          this.push(ev('fork-result', { detail: '-1' }));
        }
        return;
      case 'frok::child':
        if ((m = /^child is running\.\s+pid (\d+), ppid (\d+)/.exec(msg))) {
          const c = this.proc(l.winpid, Number(m[1]), l.program, no);
          c.parentPid = Number(m[2]);
          this.push({ type: 'child-running', line: no, pid: Number(m[1]), ...(c.winpid !== undefined ? { winpid: c.winpid } : {}), program: l.program, detail: m[2]!, text });
        }
        return;
      case 'child_info_fork::abort':
        this.push(ev('abort'));
        return;
      case 'child_info::sync':
        if ((m = /^pid (\d+), WFMO returned \d+, exit_code (0x[0-9a-fA-F]+), res 0/.exec(msg))) {
          this.push(ev('fork-failure', { detail: `child ${m[1]} exit_code ${m[2]}` }));
        }
        return;
      default:
        break;
    }
    // unlink(2) and friends: `%d = unlink (%s)` (syscalls.cc), also unlinkat / remove / rename / open.
    if ((m = /^(-?\d+) = (?:unlink|_unlink|unlinkat|remove) ?\((?:-?\d+, )?(.+?)(?:, \d+)?\)\s*$/.exec(msg))) {
      if (m[1] === '0') this.push(ev('delete', { path: m[2]! }));
      return;
    }
    if (f === 'unlink_nt' || f === '_unlink_nt') {
      const pm = /((?:\\\?\?\\)?[A-Za-z]:\\[^,]+?\.(?:dll|so))\b/i.exec(msg);
      if (pm && !/return status = 0x[1-9a-fA-F]/.test(msg)) this.push(ev('delete', { path: pm[1]! }));
      return;
    }
    if ((m = /^(-?\d+) = rename ?\((.+?), (.+?)\)\s*$/.exec(msg))) {
      if (m[1] === '0') this.push(ev('rename', { path: m[2]!, to: m[3]! }));
      return;
    }
    // `%R = open(%s, %y)`: a write open (O_WRONLY 1, O_RDWR 2, O_CREAT 0x200, O_TRUNC 0x400) of a library file.
    if ((m = /^(\d+) = open ?\((.+?), (0x[0-9a-fA-F]+)\)\s*$/.exec(msg)) && LIB.test(m[2]!)) {
      const flags = parseInt(m[3]!, 16);
      if (flags & 0x603) this.push(ev('write', { path: m[2]! }));
    }
  }

  private notePath(p: string): void {
    if (this.windowsPaths.length < 64) this.windowsPaths.push(p);
  }

  private push(e: TimelineEvent): void {
    if (this.events.length >= MAX_EVENTS) this.dropped++;
    else this.events.push(e);
    // Bounded indexes that stay complete however long the log is: the last fork-story events (of the last RING
    // events), and per DLL basename the last PER_PATH file events. Only these stay referenced, so the other events
    // die young (a ring of every event kept each one long enough to be promoted to the old generation).
    const seq = this.pushed++;
    if (e.type === 'fork' || e.type === 'child-running' || e.type === 'start') {
      if (this.forkRing.length < FORK_RING) this.forkRing.push({ e, seq });
      else this.forkRing[this.forkAt] = { e, seq };
      this.forkAt = (this.forkAt + 1) % FORK_RING;
    }
    if (e.path && (e.type === 'load' || e.type === 'delete' || e.type === 'rename' || e.type === 'write')) {
      this.index(e.path, e);
      if (e.to) this.index(e.to, e);
    }
    for (const l of this.listeners) l(e);
  }

  private index(p: string, e: TimelineEvent): void {
    const key = basename(p);
    let list = this.byBase.get(key);
    if (!list) {
      if (this.byBase.size >= MAX_PATHS) return;
      list = [];
      this.byBase.set(key, list);
    }
    if (list[list.length - 1] === e) return;
    list.push(e);
    if (list.length > PER_PATH) list.shift();
  }

  /** The last file events (load/delete/rename/write) of DLLs with this basename, oldest first. */
  fileEvents(path: string): TimelineEvent[] {
    return [...(this.byBase.get(basename(path)) ?? [])];
  }

  /** The last events (at most RING), oldest first. */
  /** The last FORK_RING (64) fork, child-running and start events among the last RING (4096) events, in order. */
  recentForks(): TimelineEvent[] {
    const r = this.forkRing;
    const ordered = r.length < FORK_RING ? r : [...r.slice(this.forkAt), ...r.slice(0, this.forkAt)];
    const since = this.pushed - RING;
    return ordered.filter((x) => x.seq >= since).map((x) => x.e);
  }

  /** Be told of every event from now on (until the returned function is called). */
  listen(l: (e: TimelineEvent) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** The process for these ids, created or merged (Windows pid and Cygwin pid learnt at different times). */
  /** A line that only shows a process exists (a quiet line, see quiet.ts): the process table as `add` would keep it. */
  touch(winpid: number | undefined, pid: number | undefined, program: string | undefined, no: number): void {
    this.proc(winpid, pid, program, no);
  }

  private proc(winpid: number | undefined, pid: number | undefined, program: string | undefined, no: number): TimelineProcess {
    let p = (winpid !== undefined ? this.byWinpid.get(winpid) : undefined) ?? (pid !== undefined ? this.byPid.get(pid) : undefined);
    if (!p) {
      p = { firstLine: no };
      if (this.procs.length < MAX_PROCESSES) this.procs.push(p);
    }
    if (winpid !== undefined && p.winpid === undefined) {
      p.winpid = winpid;
      this.byWinpid.set(winpid, p);
    }
    if (pid !== undefined && p.pid === undefined) {
      p.pid = pid;
      this.byPid.set(pid, p);
    }
    if (program && !p.program) p.program = program;
    return p;
  }

  /** Look up a process by either id. */
  find(ids: { pid?: number; winpid?: number }): TimelineProcess | undefined {
    return (ids.winpid !== undefined ? this.byWinpid.get(ids.winpid) : undefined) ?? (ids.pid !== undefined ? this.byPid.get(ids.pid) : undefined);
  }

  eventsSoFar(): readonly TimelineEvent[] {
    return this.events;
  }

  build(): Timeline {
    return { file: this.file, processes: this.procs, events: this.events, droppedEvents: this.dropped };
  }
}

/**
 * An id → process map that remembers the last MAX_IDS / 2 to MAX_IDS ids (two generations: when the young one is
 * full it becomes the old one and the oldest ids are forgotten), so memory stays flat in logs with millions of
 * processes; a failure's processes are always among the recent ones. Constant time per operation.
 */
export const MAX_IDS = 100_000;
class IdMap {
  private young = new Map<number, TimelineProcess>();
  private old = new Map<number, TimelineProcess>();
  get(k: number): TimelineProcess | undefined {
    return this.young.get(k) ?? this.old.get(k);
  }
  set(k: number, v: TimelineProcess): void {
    if (this.young.size >= MAX_IDS / 2 && !this.young.has(k)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(k, v);
  }
}

function prog(p: TimelineProcess): { program?: string } {
  return p.program ? { program: p.program } : {};
}

/** Do two printed paths name the same file? Compares separators/case-insensitively, relative paths by suffix. */
export function samePath(a: string, b: string): boolean {
  const na = norm(a);
  const nb = norm(b);
  if (na === nb) return true;
  const [long, short] = na.length >= nb.length ? [na, nb] : [nb, na];
  if (isAbsolute(short)) return false;
  return long.endsWith(`/${short.replace(/^(?:\.\/)+/, '')}`);
}

function norm(p: string): string {
  return p
    .replace(/^\\\?\?\\|^\\\\\?\\/, '')
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[a-z]:\//.test(p);
}
