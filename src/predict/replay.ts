/**
 * Replay a Linux `strace -f` log with Cygwin's rules: every process-creating call made while the process has a
 * shared library mapped whose file has since been deleted, moved away or replaced would fail on Cygwin, because a
 * Cygwin fork child loads every DLL of the parent again from its path on disk.
 *
 * A pure streaming module: lines in (any async or sync iterable of strings), predictions out. Memory is bounded by
 * the live processes and their mapped libraries, not by the length of the log. See docs/predict.md for the model and
 * its limits.
 */
import path from 'node:path';
import {
  cloneFlags,
  parseArgvArg,
  parseCallText,
  parseFdArg,
  parseFlags,
  parseStraceLine,
  parseStringArg,
  tidyCallText,
  type ParsedLine,
} from './parse.js';

/** The line the preload recorder (recorder/recorder.c) writes for a process without its LD_PRELOAD half. */
export const RECORDER_NO_PRELOAD = '--- recorder: no LD_PRELOAD ---';

/** How a process-creating call behaves on Cygwin. */
export type SpawnKind = 'fork' | 'vfork' | 'posix_spawn' | 'system-popen';

export const SPAWN_KIND_INFO: Record<SpawnKind, { forksOnCygwin: boolean; describe: string }> = {
  fork: { forksOnCygwin: true, describe: 'fork() (clone without CLONE_VM, or the fork syscall): forks on Cygwin' },
  vfork: {
    forksOnCygwin: true,
    describe: 'vfork() (Python subprocess, shells): Cygwin’s vfork is fork, so it forks',
  },
  posix_spawn: {
    forksOnCygwin: true,
    describe:
      'posix_spawn() (clone(CLONE_VM|CLONE_VFORK) or clone3 followed by an exec of the program): Cygwin’s posix_spawn forks',
  },
  'system-popen': {
    forksOnCygwin: false,
    describe:
      'probably system() or popen(): clone(CLONE_VM|CLONE_VFORK)/clone3 followed by execve("/bin/sh", ["sh", "-c", ...]) as glibc does it; on Cygwin these spawn /bin/sh without forking',
  },
};

/** A place in the trace: 1-based line, the process (thread) id printed on it, and the syscall text. */
export interface TracePlace {
  line: number;
  pid: number;
  text: string;
  /** The program the process was running (its last successful execve), when the trace showed it. */
  exe?: string;
}

export type GoneHow =
  | 'unlinked'
  | 'renamed-away'
  | 'dir-renamed'
  | 'dir-removed'
  | 'renamed-over'
  | 'overwritten'
  | 'recreated';

export interface GoneEvent extends TracePlace {
  how: GoneHow;
  syscall: string;
  /** The path the call named, resolved (for a directory event, the directory). */
  path: string;
}

export interface ForkPlace extends TracePlace {
  syscall: string;
  spawn: SpawnKind;
  childPid?: number;
  /** For clone(CLONE_VM|CLONE_VFORK)/clone3: what the child executed first (argv), which decided `spawn`. */
  childExec?: string[];
  /** True when the classification is a guess because the child's exec was not seen. */
  guessed?: boolean;
}

export interface Prediction {
  cause: 'deleted-dll' | 'replaced-dll';
  /** `error` when the call forks on Cygwin; `note` for system()/popen()-style spawns, which do not. */
  severity: 'error' | 'note';
  /** The process id (as strace printed it) of the process that forked. */
  pid: number;
  /** The library's path as mapped (strace -y shows the real path). */
  library: string;
  /** Other names of the same file seen in the trace (the path the program opened, if different). */
  aliases: string[];
  load: TracePlace;
  gone: GoneEvent;
  /** A new file at the same path after the deletion (a rebuild): the reason for `replaced-dll`. */
  recreated?: GoneEvent;
  fork: ForkPlace;
  /** Further forking calls of the same process while the library stayed gone (not reported separately). */
  furtherForks: number;
  /** system()/popen()-style spawns of the same process while the library was gone (do not fork on Cygwin). */
  nonForkingSpawns: number;
  /** The assumption the classification rests on, for the message. */
  assumption?: string;
}

export interface ReplayOptions {
  /** The working directory of the first process, for relative paths before any `AT_FDCWD<...>` shows it. */
  cwd?: string;
  /**
   * Lines of not-yet-claimed child pids (whose parent's clone has not returned yet) held before the biggest waiting
   * pid is replayed without a parent (default 5000 lines or 4 MB of text, whichever comes first).
   */
  maxBufferedLines?: number;
  maxBufferedChars?: number;
  /** Receives the statistics at the end of the replay. */
  onStats?: (stats: ReplayStats) => void;
  /** Receives the replay's events as they happen (library loads, deletions of mapped libraries, forks, execs). */
  onEvent?: (event: ReplayEvent) => void;
}

/**
 * What the replay saw, in trace order. `fork.spawn` is the first classification: a clone(CLONE_VM|CLONE_VFORK) says
 * `posix_spawn` here and may become `system-popen` once the child's exec is seen (the prediction has the final one).
 */
export type ReplayEvent =
  | { type: 'load'; line: number; pid: number; library: string }
  | { type: 'gone'; line: number; pid: number; library: string; how: GoneHow; syscall: string }
  | { type: 'fork'; line: number; pid: number; childPid: number; syscall: string; spawn: SpawnKind; goneLibraries: string[] }
  | { type: 'exec'; line: number; pid: number; file?: string };

export interface ReplayStats {
  lines: number;
  syscalls: number;
  /** Lines that are not strace output (or a shape the parser does not know). */
  unparsed: number;
  processes: number;
  /** Process-creating calls seen (threads excluded). */
  forks: number;
  /** Executable file mappings seen (library loads). */
  libraryLoads: number;
  /** Deletions/replacements that hit a mapped library. */
  goneWhileMapped: number;
  /** Relative paths that could not be resolved (unknown cwd or dirfd). */
  unresolvedPaths: number;
  /** Path arguments cut by strace (`"..."...`): raise `-s`. */
  truncatedPaths: number;
  /** Processes whose parent was never seen (replayed with an empty state). */
  orphans: number;
  /** Predictions not reported because the process would not exist on Cygwin (its own fork was predicted to fail). */
  suppressed: number;
  /** `<... resumed>` lines without their `<unfinished ...>` head. */
  unmatchedResumed: number;
  /**
   * Processes the preload recorder saw start without its LD_PRELOAD half (the program replaced LD_PRELOAD): their
   * loads are in the trace, their forks and deletions are not.
   */
  unrecorded: number;
}

// ---------------------------------------------------------------------------------------------------------------

let nextImageId = 1;

/** One mapped file image (one load of a library). Shared by every process that inherited the mapping. */
interface Image {
  id: number;
  path: string;
  aliases: Set<string>;
  load: TracePlace;
  gone?: GoneEvent;
  recreated?: GoneEvent;
  /** Address spaces holding it. */
  refs: number;
}

interface Interval {
  start: number;
  end: number;
  img: Image;
}

/** An address space (shared by threads). */
interface Mem {
  intervals: Interval[];
  count: Map<Image, number>;
}

interface Acc {
  img: Image;
  gone: GoneEvent;
  recreated?: GoneEvent;
  first?: ForkPlace;
  firstNote?: ForkPlace;
  further: number;
  notes: number;
}

let nextProcId = 1;

interface Proc {
  id: number;
  /** The pid strace printed for the process (its first thread). */
  pid: number;
  tids: Set<number>;
  mem: Mem;
  fs: { cwd?: string };
  fds: Map<number, { real: string; requested?: string }>;
  exe?: string;
  acc: Map<Image, Acc>;
  /**
   * Libraries whose loss already made an ancestor's fork fail (predicted): on Cygwin this process would not exist,
   * so its own forks with the same library are not reported again (they are counted as `suppressed`).
   */
  doomed: Set<Image>;
  /** clone(CLONE_VM|CLONE_VFORK) children of this process waiting for their exec to classify the call. */
  pendingSpawns: number;
  finished: boolean;
  /** Set on a CLONE_VM|CLONE_VFORK child until its first exec (or exit) classifies the parent's call. */
  spawnedBy?: PendingSpawn;
}

interface PendingSpawn {
  parent: Proc;
  place: ForkPlace;
  imgs: Image[];
}

const PAGE = 4096;
/** File names of loadable shared objects: `libx.so`, `libx.so.1.2`, Node addons, Python extension modules. */
const SHARED_OBJECT = /\.(so(\.[\w.]+)?|node|pyd|dll|dylib|bundle)$/i;

export class Replayer {
  readonly stats: ReplayStats = {
    lines: 0,
    syscalls: 0,
    unparsed: 0,
    processes: 0,
    forks: 0,
    libraryLoads: 0,
    goneWhileMapped: 0,
    unresolvedPaths: 0,
    truncatedPaths: 0,
    orphans: 0,
    suppressed: 0,
    unrecorded: 0,
    unmatchedResumed: 0,
  };
  private readonly out: Prediction[] = [];
  private readonly byTid = new Map<number, Proc>();
  private readonly index = new Map<string, Set<Image>>();
  private readonly unfinished = new Map<number, { name: string; head: string; line: number }>();
  private readonly buffered = new Map<number, { line: number; parsed: ParsedLine }[]>();
  private bufferedTotal = 0;
  private bufferedChars = 0;
  private rootSeen = false;
  private root: Proc | undefined;
  private readonly maxBuffered: number;
  private readonly maxBufferedChars: number;

  constructor(private readonly opts: ReplayOptions = {}) {
    this.maxBuffered = opts.maxBufferedLines ?? 5000;
    this.maxBufferedChars = opts.maxBufferedChars ?? 4_000_000;
  }

  /** What the replay holds right now (for bounded-memory checks): live processes, indexed paths, buffered lines. */
  live(): { processes: number; paths: number; bufferedLines: number; unfinished: number } {
    return {
      processes: new Set(this.byTid.values()).size,
      paths: this.index.size,
      bufferedLines: this.bufferedTotal,
      unfinished: this.unfinished.size,
    };
  }

  /** Feed one line; returns the predictions that became final. */
  push(line: string): Prediction[] {
    const n = ++this.stats.lines;
    const parsed = parseStraceLine(line);
    if (parsed.type === 'other') {
      if (parsed.text) this.stats.unparsed++;
      return this.drain();
    }
    const pid = parsed.pid ?? 0;
    if (!this.byTid.has(pid)) {
      if (!this.rootSeen) {
        this.rootSeen = true;
        this.root = this.newRoot(pid, this.opts.cwd);
      } else if (this.root && this.root.pid === 0 && parsed.pid !== undefined && !this.root.finished && !this.buffered.has(pid)) {
        // `strace -f` to a terminal prints `[pid N]` only once there are several processes: the unprefixed lines
        // so far were N's.
        this.root.pid = pid;
        this.root.tids.add(pid);
        this.byTid.set(pid, this.root);
      } else if ((parsed.type === 'exit' || parsed.type === 'signal') && !this.buffered.has(pid)) {
        // The exit line of a process already finished by its exit_group (or of an untracked thread).
        return this.drain();
      } else {
        this.buffer(pid, n, parsed);
        return this.drain();
      }
    }
    this.handle(pid, n, parsed);
    return this.drain();
  }

  /** End of the log: replay what is still buffered, classify pending spawns, emit everything. */
  end(): Prediction[] {
    for (const pid of [...this.buffered.keys()]) this.adoptOrphan(pid);
    const procs = new Set(this.byTid.values());
    for (const p of procs) {
      if (p.spawnedBy) this.classify(p, undefined);
    }
    for (const p of procs) this.finish(p);
    this.opts.onStats?.(this.stats);
    return this.drain();
  }

  private drain(): Prediction[] {
    return this.out.length ? this.out.splice(0) : [];
  }

  // --- processes -------------------------------------------------------------------------------------------------

  private newProc(pid: number, mem: Mem, fs: { cwd?: string }): Proc {
    this.stats.processes++;
    const p: Proc = {
      id: nextProcId++,
      pid,
      tids: new Set([pid]),
      mem,
      fs,
      fds: new Map(),
      acc: new Map(),
      doomed: new Set(),
      pendingSpawns: 0,
      finished: false,
    };
    this.byTid.set(pid, p);
    return p;
  }

  private newRoot(pid: number, cwd: string | undefined): Proc {
    return this.newProc(pid, { intervals: [], count: new Map() }, cwd ? { cwd } : {});
  }

  private buffer(pid: number, line: number, parsed: ParsedLine): void {
    const list = this.buffered.get(pid) ?? [];
    list.push({ line, parsed });
    this.buffered.set(pid, list);
    this.bufferedTotal++;
    this.bufferedChars += parsed.text.length;
    while (this.bufferedTotal > this.maxBuffered || this.bufferedChars > this.maxBufferedChars) {
      // The biggest waiting pid is most likely one whose parent we will never see.
      let worst = pid;
      for (const [k, v] of this.buffered) if (v.length > (this.buffered.get(worst)?.length ?? 0)) worst = k;
      this.adoptOrphan(worst);
    }
  }

  private adoptOrphan(pid: number): void {
    this.stats.orphans++;
    this.newRoot(pid, undefined);
    this.replayBuffered(pid);
  }

  private replayBuffered(pid: number): void {
    const list = this.buffered.get(pid);
    if (!list) return;
    this.buffered.delete(pid);
    this.bufferedTotal -= list.length;
    for (const b of list) this.bufferedChars -= b.parsed.text.length;
    for (const { line, parsed } of list) {
      if (this.byTid.has(pid)) this.handle(pid, line, parsed);
    }
  }

  private copyMem(m: Mem): Mem {
    const mem: Mem = { intervals: m.intervals.map((i) => ({ ...i })), count: new Map(m.count) };
    for (const img of mem.count.keys()) img.refs++;
    return mem;
  }

  private releaseMem(m: Mem): void {
    for (const img of m.count.keys()) this.unref(img);
    m.intervals = [];
    m.count.clear();
  }

  private unref(img: Image): void {
    if (--img.refs > 0) return;
    for (const name of [img.path, ...img.aliases]) {
      const set = this.index.get(name);
      if (!set) continue;
      set.delete(img);
      if (set.size === 0) this.index.delete(name);
    }
  }

  /** The process is gone (exit_group, last thread exited, or its image replaced by execve). */
  private finish(p: Proc): void {
    if (p.finished) return;
    p.finished = true;
    for (const t of p.tids) if (this.byTid.get(t) === p) this.byTid.delete(t);
    for (const t of p.tids) this.unfinished.delete(t);
    if (p.spawnedBy) this.classify(p, undefined);
    this.releaseMem(p.mem);
    this.emitIfDone(p);
  }

  private emitIfDone(p: Proc): void {
    if (!p.finished || p.pendingSpawns > 0) return;
    this.emit(p);
  }

  private emit(p: Proc): void {
    for (const a of p.acc.values()) {
      const fork = a.first ?? a.firstNote;
      if (!fork) continue;
      const replaced = a.recreated !== undefined || a.gone.how === 'renamed-over' || a.gone.how === 'overwritten';
      const pred: Prediction = {
        cause: replaced ? 'replaced-dll' : 'deleted-dll',
        severity: a.first ? 'error' : 'note',
        pid: fork.pid,
        library: a.img.path,
        aliases: [...a.img.aliases],
        load: a.img.load,
        gone: a.gone,
        fork,
        furtherForks: a.first ? a.further : 0,
        nonForkingSpawns: a.first ? a.notes : a.notes - 1,
      };
      if (a.recreated) pred.recreated = a.recreated;
      const assumption = assumptionFor(fork);
      if (assumption) pred.assumption = assumption;
      this.out.push(pred);
    }
    p.acc.clear();
  }

  // --- lines -----------------------------------------------------------------------------------------------------

  private handle(pid: number, line: number, parsed: ParsedLine): void {
    switch (parsed.type) {
      case 'exit': {
        const p = this.byTid.get(pid);
        if (!p) return;
        p.tids.delete(pid);
        this.byTid.delete(pid);
        this.unfinished.delete(pid);
        if (p.tids.size === 0) this.finish(p);
        return;
      }
      case 'signal':
        if (parsed.text.startsWith(RECORDER_NO_PRELOAD)) this.stats.unrecorded++;
        return;
      case 'other':
        return;
      case 'unfinished':
        this.unfinished.set(pid, { name: parsed.name, head: parsed.head, line });
        return;
      case 'resumed': {
        const head = this.unfinished.get(pid);
        if (!head || head.name !== parsed.name) {
          this.stats.unmatchedResumed++;
          return;
        }
        this.unfinished.delete(pid);
        const text = tidyCallText(head.head + parsed.tail);
        const call = parseCallText(text);
        if (!call) {
          this.stats.unparsed++;
          return;
        }
        this.syscall(pid, head.line, call.name, call.args, call.ret, text);
        return;
      }
      case 'syscall':
        this.syscall(pid, line, parsed.name, parsed.args, parsed.ret, parsed.text);
        return;
    }
  }

  private syscall(
    pid: number,
    line: number,
    name: string,
    args: string[],
    ret: { value: number; errno?: string; path?: string },
    text: string,
  ): void {
    this.stats.syscalls++;
    const p = this.byTid.get(pid);
    if (!p) return;
    const ok = !ret.errno && !Number.isNaN(ret.value) && ret.value >= 0;
    const place = (): TracePlace => withExe({ line, pid, text }, p.exe);
    switch (name) {
      case 'execve':
      case 'execveat': {
        if (p.spawnedBy) {
          const argv = parseArgvArg(args[name === 'execve' ? 1 : 2]);
          const file = parseStringArg(args[name === 'execve' ? 0 : 1])?.value;
          this.classify(p, file !== undefined ? [file, ...argv] : argv);
        }
        if (ret.errno || ret.value !== 0) return;
        const file = parseStringArg(args[name === 'execve' ? 0 : 1])?.value;
        this.opts.onEvent?.(file !== undefined ? { type: 'exec', line, pid, file } : { type: 'exec', line, pid });
        this.execed(p, pid, file);
        return;
      }
      case 'exit_group':
        this.finish(p);
        return;
      case 'fork':
      case 'vfork':
      case 'clone':
      case 'clone3':
        if (ok && ret.value > 0) this.created(p, pid, line, name, args, ret.value, text);
        return;
      case 'chdir': {
        if (!ok) return;
        const dir = this.resolve(p, undefined, args[0]);
        if (dir) p.fs.cwd = dir;
        return;
      }
      case 'fchdir': {
        if (!ok) return;
        const fd = parseFdArg(args[0]);
        const dir = fd?.path ?? (typeof fd?.fd === 'number' ? p.fds.get(fd.fd)?.real : undefined);
        if (dir?.startsWith('/')) p.fs.cwd = dir;
        else delete p.fs.cwd;
        return;
      }
      case 'open':
      case 'openat': {
        const dirArg = name === 'openat' ? args[0] : undefined;
        const pathArg = name === 'openat' ? args[1] : args[0];
        const flags = parseFlags(name === 'openat' ? args[2] : args[1]);
        const requested = this.resolve(p, dirArg, pathArg);
        if (!ok) return;
        const real = ret.path?.startsWith('/') ? ret.path : requested;
        if (real) p.fds.set(ret.value, requested && requested !== real ? { real, requested } : { real });
        const write = flags.has('O_WRONLY') || flags.has('O_RDWR');
        if (requested && (flags.has('O_TRUNC') || (write && flags.has('O_CREAT')))) {
          this.goneExact(requested, { ...place(), how: 'overwritten', syscall: name, path: requested });
          if (real && real !== requested) {
            this.goneExact(real, { ...place(), how: 'overwritten', syscall: name, path: real });
          }
        } else if (requested && flags.has('O_CREAT')) {
          this.recreate(requested, { ...place(), how: 'recreated', syscall: name, path: requested });
        }
        return;
      }
      case 'mmap':
        if (ok) this.mmap(p, line, pid, args, ret.value, text);
        return;
      case 'munmap':
        if (ok) this.unmap(p.mem, parseAddr(args[0]), parseLen(args[1]));
        return;
      case 'unlink':
      case 'unlinkat':
      case 'rmdir': {
        if (!ok) return;
        const target = name === 'unlinkat' ? this.resolve(p, args[0], args[1]) : this.resolve(p, undefined, args[0]);
        if (!target) return;
        const dir = name === 'rmdir' || (name === 'unlinkat' && parseFlags(args[2]).has('AT_REMOVEDIR'));
        if (dir) this.goneUnder(target, { ...place(), how: 'dir-removed', syscall: name, path: target });
        else this.goneExact(target, { ...place(), how: 'unlinked', syscall: name, path: target });
        return;
      }
      case 'rename':
      case 'renameat':
      case 'renameat2': {
        if (!ok) return;
        const from = name === 'rename' ? this.resolve(p, undefined, args[0]) : this.resolve(p, args[0], args[1]);
        const to = name === 'rename' ? this.resolve(p, undefined, args[1]) : this.resolve(p, args[2], args[3]);
        const exchange = name === 'renameat2' && parseFlags(args[4]).has('RENAME_EXCHANGE');
        if (from) {
          if (exchange) this.goneExact(from, { ...place(), how: 'renamed-over', syscall: name, path: from });
          else {
            this.goneExact(from, { ...place(), how: 'renamed-away', syscall: name, path: from });
            this.goneUnder(from, { ...place(), how: 'dir-renamed', syscall: name, path: from });
          }
        }
        if (to) {
          this.goneExact(to, { ...place(), how: 'renamed-over', syscall: name, path: to });
          if (exchange) this.goneUnder(to, { ...place(), how: 'dir-renamed', syscall: name, path: to });
        }
        return;
      }
      default:
        return;
    }
  }

  /** Resolve a path argument against a dirfd argument (decorated or from the fd table) or the cwd. */
  private resolve(p: Proc, dirArg: string | undefined, pathArg: string | undefined): string | undefined {
    const dirfd = dirArg !== undefined ? parseFdArg(dirArg) : undefined;
    if (dirfd?.fd === 'AT_FDCWD' && dirfd.path?.startsWith('/')) p.fs.cwd = dirfd.path;
    const s = parseStringArg(pathArg);
    if (!s) return undefined;
    if (s.truncated) {
      this.stats.truncatedPaths++;
      return undefined;
    }
    if (s.value.startsWith('/')) return path.posix.normalize(s.value);
    let base: string | undefined;
    if (dirfd === undefined || dirfd.fd === 'AT_FDCWD') base = p.fs.cwd;
    else base = dirfd.path ?? p.fds.get(dirfd.fd)?.real;
    if (!base?.startsWith('/')) {
      this.stats.unresolvedPaths++;
      return undefined;
    }
    return path.posix.join(base, s.value);
  }

  // --- mappings --------------------------------------------------------------------------------------------------

  private mmap(p: Proc, line: number, pid: number, args: string[], addr: number, text: string): void {
    const len = parseLen(args[1]);
    if (!Number.isFinite(addr) || len <= 0) return;
    const end = addr + Math.ceil(len / PAGE) * PAGE;
    // A new mapping replaces whatever was mapped in its range (MAP_FIXED over a library, or a reused range).
    this.unmap(p.mem, addr, len);
    const prot = parseFlags(args[2]);
    const flags = parseFlags(args[3]);
    if (!prot.has('PROT_EXEC') || flags.has('MAP_ANONYMOUS') || flags.has('MAP_ANON')) return;
    const fd = parseFdArg(args[4]);
    if (!fd || fd.fd === 'AT_FDCWD' || fd.fd < 0 || fd.deleted) return; // an already-unlinked file is no library
    const entry = p.fds.get(fd.fd);
    const file = fd.path ?? entry?.real;
    if (!file?.startsWith('/') || file.startsWith('/memfd:') || file.startsWith('/dev/')) return;
    // Only what the dynamic loader maps: glibc's ld.so maps library segments with MAP_DENYWRITE; other loaders
    // (musl) are recognised by the file name. A PROT_EXEC mmap of some other file is a plain mapping, which a
    // Cygwin fork child inherits by handle, not by path.
    if (!flags.has('MAP_DENYWRITE') && !SHARED_OBJECT.test(path.posix.basename(file))) return;
    let img: Image | undefined;
    for (const i of p.mem.count.keys()) {
      if (i.path === file && !i.gone) {
        img = i;
        break;
      }
    }
    if (!img) {
      this.stats.libraryLoads++;
      img = { id: nextImageId++, path: file, aliases: new Set(), load: withExe({ line, pid, text }, p.exe), refs: 0 };
      this.indexAdd(file, img);
      this.opts.onEvent?.({ type: 'load', line, pid, library: file });
    }
    // The path the program opened, when only a directory on the way was a symlink (/lib -> /usr/lib): the same
    // file under another name. A symlinked *file* (libfoo.so -> libfoo.so.1) is not an alias: deleting the link
    // leaves the library in place, and Cygwin records the target's path.
    if (
      entry &&
      entry.real === file &&
      entry.requested &&
      path.posix.basename(entry.requested) === path.posix.basename(file) &&
      !img.aliases.has(entry.requested)
    ) {
      img.aliases.add(entry.requested);
      this.indexAdd(entry.requested, img);
    }
    p.mem.intervals.push({ start: addr, end, img });
    const c = p.mem.count.get(img) ?? 0;
    if (c === 0) img.refs++;
    p.mem.count.set(img, c + 1);
  }

  private indexAdd(name: string, img: Image): void {
    const set = this.index.get(name) ?? new Set<Image>();
    set.add(img);
    this.index.set(name, set);
  }

  /** Remove [addr, addr+len) from an address space, splitting intervals; drop images left with no interval. */
  private unmap(m: Mem, addr: number, len: number): void {
    if (!Number.isFinite(addr) || len <= 0 || m.intervals.length === 0) return;
    const end = addr + Math.ceil(len / PAGE) * PAGE;
    const next: Interval[] = [];
    let changed = false;
    for (const iv of m.intervals) {
      if (iv.end <= addr || iv.start >= end) {
        next.push(iv);
        continue;
      }
      changed = true;
      const c = m.count.get(iv.img)! - 1;
      let pieces = 0;
      if (iv.start < addr) {
        next.push({ start: iv.start, end: addr, img: iv.img });
        pieces++;
      }
      if (iv.end > end) {
        next.push({ start: end, end: iv.end, img: iv.img });
        pieces++;
      }
      const total = c + pieces;
      if (total === 0) {
        m.count.delete(iv.img);
        this.unref(iv.img);
      } else m.count.set(iv.img, total);
    }
    if (changed) m.intervals = next;
  }

  // --- file-system events ----------------------------------------------------------------------------------------

  private goneExact(file: string, ev: GoneEvent): void {
    const set = this.index.get(file);
    if (!set) return;
    for (const img of set) this.markGone(img, ev);
  }

  private goneUnder(dir: string, ev: GoneEvent): void {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    for (const [name, set] of this.index) {
      if (!name.startsWith(prefix)) continue;
      for (const img of set) this.markGone(img, ev);
    }
  }

  private markGone(img: Image, ev: GoneEvent): void {
    if (!img.gone) {
      img.gone = ev;
      this.stats.goneWhileMapped++;
      this.opts.onEvent?.({ type: 'gone', line: ev.line, pid: ev.pid, library: img.path, how: ev.how, syscall: ev.syscall });
    } else if (!img.recreated && (ev.how === 'renamed-over' || ev.how === 'overwritten')) {
      img.recreated = { ...ev, how: 'recreated' };
    }
  }

  private recreate(file: string, ev: GoneEvent): void {
    const set = this.index.get(file);
    if (!set) return;
    for (const img of set) if (img.gone && !img.recreated) img.recreated = ev;
  }

  // --- process creation ------------------------------------------------------------------------------------------

  private created(p: Proc, pid: number, line: number, name: string, args: string[], child: number, text: string): void {
    const flags = name === 'fork' || name === 'vfork' ? new Set<string>() : cloneFlags(name, args);
    const vm = flags.has('CLONE_VM');
    const vforkLike = flags.has('CLONE_VFORK');
    if (flags.has('CLONE_THREAD') || (vm && !vforkLike)) {
      // A thread (or a CLONE_VM sibling): the same address space, the same process for our purposes.
      p.tids.add(child);
      this.byTid.set(child, p);
      this.replayBuffered(child);
      return;
    }
    this.stats.forks++;
    const spawn: SpawnKind = name === 'vfork' ? 'vfork' : vm && vforkLike ? 'posix_spawn' : 'fork';
    const place: ForkPlace = withExe({ line, pid, text, syscall: name, spawn, childPid: child }, p.exe);
    const gone = [...p.mem.count.keys()].filter((i) => i.gone);
    this.opts.onEvent?.({ type: 'fork', line, pid, childPid: child, syscall: name, spawn, goneLibraries: gone.map((i) => i.path) });

    const old = this.byTid.get(child);
    if (old && old !== p) this.finish(old); // pid reuse without an exit line
    const c = this.newProc(child, this.copyMem(p.mem), flags.has('CLONE_FS') ? p.fs : { ...p.fs });
    c.fds = new Map(p.fds);
    c.doomed = new Set(p.doomed);

    if (vm && vforkLike) {
      // glibc's posix_spawn, system() and popen() all look like this; the child's exec tells them apart.
      c.spawnedBy = { parent: p, place, imgs: gone };
      p.pendingSpawns++;
    } else {
      for (const img of gone) {
        if (p.doomed.has(img)) this.stats.suppressed++;
        else {
          this.count(p, img, place);
          c.doomed.add(img);
        }
      }
    }
    this.replayBuffered(child);
  }

  /** Decide what a CLONE_VM|CLONE_VFORK call was, from the child's first exec (argv with the file first). */
  private classify(child: Proc, exec: string[] | undefined): void {
    const s = child.spawnedBy;
    if (!s) return;
    delete child.spawnedBy;
    const place = s.place;
    if (exec) {
      const [file, ...argv] = exec;
      place.childExec = argv.length ? argv : [file ?? ''];
      place.spawn = file === '/bin/sh' && argv[0] === 'sh' && argv[1] === '-c' ? 'system-popen' : 'posix_spawn';
    } else {
      place.guessed = true;
    }
    for (const img of s.imgs) {
      if (s.parent.doomed.has(img)) this.stats.suppressed++;
      else {
        this.count(s.parent, img, place);
        if (SPAWN_KIND_INFO[place.spawn].forksOnCygwin) child.doomed.add(img);
      }
    }
    s.parent.pendingSpawns--;
    this.emitIfDone(s.parent);
  }

  private count(p: Proc, img: Image, place: ForkPlace): void {
    let a = p.acc.get(img);
    if (!a) {
      a = { img, gone: img.gone!, further: 0, notes: 0 };
      if (img.recreated) a.recreated = img.recreated;
      p.acc.set(img, a);
    }
    if (SPAWN_KIND_INFO[place.spawn].forksOnCygwin) {
      if (!a.first) {
        a.first = place;
        if (img.recreated) a.recreated = img.recreated;
      } else if (place.line < a.first.line) {
        a.first = place;
        a.further++;
      } else a.further++;
    } else {
      a.notes++;
      if (!a.firstNote || place.line < a.firstNote.line) a.firstNote = place;
    }
  }

  private execed(p: Proc, pid: number, exe: string | undefined): void {
    // The old image is gone: its predictions are final. The process continues with a fresh address space.
    const fresh: Proc = {
      ...p,
      id: nextProcId++,
      tids: new Set([pid]),
      mem: { intervals: [], count: new Map() },
      acc: new Map(),
      doomed: new Set(),
      pendingSpawns: 0,
      finished: false,
    };
    delete fresh.spawnedBy;
    if (exe !== undefined) fresh.exe = exe;
    for (const t of p.tids) if (t !== pid && this.byTid.get(t) === p) this.byTid.delete(t);
    p.tids = new Set([pid]);
    this.byTid.set(pid, fresh);
    if (this.root === p) this.root = fresh;
    // finish() the old one without dropping the pid from byTid.
    p.finished = true;
    this.releaseMem(p.mem);
    this.emitIfDone(p);
  }
}

function withExe<T extends TracePlace>(place: T, exe: string | undefined): T {
  if (exe !== undefined) place.exe = exe;
  return place;
}

function parseAddr(arg: string | undefined): number {
  if (!arg) return Number.NaN;
  if (arg === 'NULL') return 0;
  return arg.startsWith('0x') ? parseInt(arg, 16) : Number(arg);
}

function parseLen(arg: string | undefined): number {
  if (!arg) return 0;
  const v = arg.startsWith('0x') ? parseInt(arg, 16) : Number(arg);
  return Number.isFinite(v) ? v : 0;
}

function assumptionFor(fork: ForkPlace): string | undefined {
  if (fork.spawn === 'system-popen') {
    return 'assumed system()/popen() because the child ran execve("/bin/sh", ["sh", "-c", ...]) right after clone(CLONE_VM|CLONE_VFORK); Cygwin spawns /bin/sh for these without forking';
  }
  if (fork.spawn === 'posix_spawn') {
    return fork.guessed
      ? 'assumed posix_spawn() because of clone(CLONE_VM|CLONE_VFORK); the child’s exec was not in the trace'
      : 'assumed posix_spawn() (or a vfork-style spawn) because of clone(CLONE_VM|CLONE_VFORK) followed by an exec of the program; Cygwin’s posix_spawn forks';
  }
  return undefined;
}

/** Replay a whole trace, yielding each prediction as soon as it is final (when its process exits or execs). */
export async function* replay(
  lines: AsyncIterable<string> | Iterable<string>,
  opts: ReplayOptions = {},
): AsyncGenerator<Prediction, ReplayStats> {
  const r = new Replayer(opts);
  for await (const line of lines) {
    for (const p of r.push(line)) yield p;
  }
  for (const p of r.end()) yield p;
  return r.stats;
}
