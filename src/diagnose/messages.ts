/**
 * Every fork-failure message Cygwin (and MSYS2's msys-2.0.dll, same code) prints, as regexes over the message
 * part of a line, from cygwin-fork.md §1 (format strings quoted in docs/messages.md). Pure data + one matcher.
 */

export type MessageKind =
  // parent side, `dofork: child %d - %s, errno %d` (`fork:` before 3.0)
  | 'parent-died'
  | 'parent-createprocess'
  | 'parent-copy'
  | 'parent-dll-loading'
  | 'parent-event'
  | 'parent-other'
  // parent side, strace only
  | 'parent-fork-failed'
  // child side, child_info_fork::abort (dll_init.cc)
  | 'abort-different-address'
  | 'abort-different-dll'
  | 'abort-occupied'
  | 'abort-interim'
  | 'abort-remap'
  | 'abort-map-address'
  | 'abort-map'
  | 'abort-memory'
  | 'abort-other'
  // child side, api_fatal `*** fatal error in forked process - ...`
  | 'fatal-stack'
  | 'fatal-heap'
  | 'fatal-commit'
  | 'fatal-mmap'
  | 'fatal-sync'
  | 'fatal-other'
  // either side
  | 'copy-failed'
  | 'mismatch'
  | 'wait-failed'
  | 'subproc-event'
  // very old runtimes (Cygwin 1.5, msys 1.0)
  | 'old-sync'
  | 'old-reserve'
  | 'old-remap'
  // the application's own complaint (EAGAIN/ENOMEM): supporting evidence
  | 'symptom';

export interface MessageMatch {
  kind: MessageKind;
  /** The DLL or program path as printed (NT path possible). */
  dll?: string;
  /** `(using X)`: the file actually passed to LoadLibrary (a forkable hardlink or the file itself). */
  using?: string;
  /** `parent loaded:` / ` child loaded:` of the multi-line message. */
  parentDll?: string;
  childDll?: string;
  win32Error?: number;
  /** `%E` translated by `strace -n`: the text instead of the number. */
  win32Text?: string;
  errno?: number;
  /** Exit code of the child as printed (`0xC0000142`, or decimal in old releases). */
  exitCode?: string;
  retry?: number;
  /** Windows pid of the child (`forked process %u`, `windows pid %u`, `pid %u, exitval`). */
  childWinpid?: number;
  /** `child %d` (Cygwin pid of the child, -1 before it had one). */
  childPid?: number;
  address?: string;
  parentAddress?: string;
  childAddress?: string;
  /** child_copy region (`stack`, `cygheap`, `linked dll data`, ...) and direction. */
  region?: string;
  direction?: 'read' | 'write';
  /** The pre-3.0 form (no `(using ...)`, `fork:` instead of `dofork:`). */
  pre30?: boolean;
  /** `%s mismatch detected`: what mismatched (`cygheap base`, `proc intro`, ...). */
  what?: string;
}

const E = String.raw`(?:Win32 error (\d+)|(.+?))`;
const ADDR = String.raw`(0x[0-9A-Fa-f]+)`;

function err(m: MessageMatch, num: string | undefined, text: string | undefined): MessageMatch {
  if (num !== undefined) m.win32Error = Number(num);
  else if (text !== undefined) m.win32Text = text.trim();
  return m;
}

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray): MessageMatch;
}

/** child_info_fork::abort messages (the part after `child_info_fork::abort: `). */
const ABORT_RULES: Rule[] = [
  {
    re: new RegExp(String.raw`^(.+?): Loaded to different address: parent\(${ADDR}\) != child\(${ADDR}\)`),
    make: (m) => ({ kind: 'abort-different-address', dll: m[1]!, parentAddress: m[2]!, childAddress: m[3]! }),
  },
  {
    re: /^\s*Loaded different DLL with same basename in forked child,?\s*(?:parent loaded: (.+?)\s+child loaded: (.+?)(?:\s+The DLLs differ\b.*)?)?$/s,
    make: (m) => {
      const r: MessageMatch = { kind: 'abort-different-dll' };
      if (m[1]) r.parentDll = m[1].trim();
      if (m[2]) r.childDll = m[2].trim();
      if (m[2]) r.dll = m[2].trim();
      return r;
    },
  },
  {
    re: new RegExp(String.raw`^address space needed by '([^']+)' \(${ADDR}\) is already occupied`),
    make: (m) => ({ kind: 'abort-occupied', dll: m[1]!, address: m[2]! }),
  },
  {
    re: new RegExp(String.raw`^unable to create interim mapping for (.+?)(?: \(using (.+?)\))?, ${E}$`),
    make: (m) => err(using({ kind: 'abort-interim', dll: m[1]! }, m[2]), m[3], m[4]),
  },
  {
    re: new RegExp(String.raw`^unable to remap (.+?)(?: \(using (.+?)\))? to same address as parent \(${ADDR}\)`),
    make: (m) => using({ kind: 'abort-remap', dll: m[1]!, address: m[3]! }, m[2]),
  },
  {
    re: new RegExp(String.raw`^unable to map (.+?)(?: \(using (.+?)\))? to same address as parent: ${ADDR} != ${ADDR}`),
    make: (m) => using({ kind: 'abort-map-address', dll: m[1]!, parentAddress: m[3]!, childAddress: m[4]! }, m[2]),
  },
  {
    re: new RegExp(String.raw`^unable to map (.+?)(?: \(using (.+?)\))?, ${E}$`),
    make: (m) => err(using({ kind: 'abort-map', dll: m[1]! }, m[2]), m[3], m[4]),
  },
  {
    re: new RegExp(String.raw`^couldn't (?:examine memory at ${ADDR} while mapping (.+?)|allocate memory ${ADDR}\(\d+\) for '(.+?)' alignment|release memory ${ADDR} for '(.+?)' alignment), ${E}$`),
    make: (m) => err({ kind: 'abort-memory', address: (m[1] ?? m[3] ?? m[5])!, dll: (m[2] ?? m[4] ?? m[6])! }, m[7], m[8]),
  },
  {
    re: new RegExp(String.raw`^unable to (?:release protective reservation \(${ADDR}\) for (.+?)|release protective reservation for (.+?) \(${ADDR}\)|unload interim mapping of (.+?)(?: \(using .+?\))?), ${E}$`),
    make: (m) => err({ kind: 'abort-memory', dll: (m[2] ?? m[3] ?? m[5])!, ...(m[1] ?? m[4] ? { address: (m[1] ?? m[4])! } : {}) }, m[6], m[7]),
  },
  {
    re: new RegExp(String.raw`^unable to block off ${ADDR} to prevent (.+?) from loading there`),
    make: (m) => ({ kind: 'abort-memory', address: m[1]!, dll: m[2]! }),
  },
];

function using(m: MessageMatch, u: string | undefined): MessageMatch {
  if (u !== undefined) m.using = u;
  else if (m.kind !== 'abort-different-address' && m.kind !== 'abort-occupied') m.pre30 = true;
  return m;
}

/** api_fatal bodies after `*** fatal error in forked process - `. */
const FATAL_RULES: Rule[] = [
  {
    re: new RegExp(String.raw`^fork: can't reserve memory for parent stack ${ADDR} - ${ADDR}, \(child has ${ADDR} - ${ADDR}\), ${E}$`),
    make: (m) => err({ kind: 'fatal-stack', address: m[1]! }, m[5], m[6]),
  },
  {
    re: new RegExp(String.raw`^(?:can't commit (?:child )?memory for stack ${ADDR}\(\w+\)|fork: couldn't allocate new stack guard page ${ADDR}), ${E}$`),
    make: (m) => err({ kind: 'fatal-stack', address: (m[1] ?? m[2])! }, m[3], m[4]),
  },
  {
    re: new RegExp(String.raw`^couldn't allocate heap, ${E}, base ${ADDR}`),
    make: (m) => err({ kind: 'fatal-heap', address: m[3]! }, m[1], m[2]),
  },
  {
    re: new RegExp(String.raw`^heap allocated at wrong address ${ADDR} \(mapped\) != ${ADDR} \(expected\)`),
    make: (m) => ({ kind: 'fatal-heap', childAddress: m[1]!, parentAddress: m[2]! }),
  },
  { re: new RegExp(String.raw`^MEM_COMMIT failed, ${E}$`), make: (m) => err({ kind: 'fatal-commit' }, m[1], m[2]) },
  { re: /^recreate_mmaps_after_fork_failed/, make: () => ({ kind: 'fatal-mmap' }) },
  { re: /^recreate_shm areas after fork failed/, make: () => ({ kind: 'fatal-sync' }) },
  {
    re: new RegExp(String.raw`^WFSO (?:timed out|failed) (after longjmp|performed fork fixups and dynamic dll loading)(?:, fork_finished ${ADDR}, ${E})?`),
    make: (m) => err({ kind: 'fatal-sync', what: m[1]! }, m[3], m[4]),
  },
];

/** Parent-side errmsg of `child %d - %s, errno %d`. */
const PARENT_RULES: Rule[] = [
  {
    re: /^forked process (\d+) died unexpectedly, retry (\d+), exit code (0x[0-9A-Fa-f]+|-?\d+)$/,
    make: (m) => ({ kind: 'parent-died', childWinpid: Number(m[1]), retry: Number(m[2]), exitCode: m[3]! }),
  },
  {
    re: /^forked process died unexpectedly, retry (\d+), exit code (0x[0-9A-Fa-f]+|-?\d+)$/,
    make: (m) => ({ kind: 'parent-died', retry: Number(m[1]), exitCode: m[2]! }),
  },
  {
    re: /^died waiting for longjmp before initialization, retry (\d+), exit code (0x[0-9A-Fa-f]+|-?\d+)$/,
    make: (m) => ({ kind: 'parent-died', retry: Number(m[1]), exitCode: m[2]!, pre30: true }),
  },
  { re: /^CreateProcessW failed for '(.*)'$/s, make: (m) => ({ kind: 'parent-createprocess', dll: m[1]! }) },
  {
    re: /^pid (\d+), exitval (0x[0-9A-Fa-f]+)$/,
    make: (m) => ({ kind: 'parent-copy', childWinpid: Number(m[1]), exitCode: m[2]! }),
  },
  { re: /^couldn't copy linked dll data\/bss$/, make: () => ({ kind: 'parent-copy', region: 'linked dll data/bss' }) },
  { re: /^copying data\/bss for a loaded dll$/, make: () => ({ kind: 'parent-copy', region: 'loaded dll data/bss' }) },
  { re: /^died waiting for dll loading$/, make: () => ({ kind: 'parent-dll-loading' }) },
  { re: /^unable to allocate forker_finished event$/, make: () => ({ kind: 'parent-event' }) },
];

const PARENT_LINE = /\b(do)?fork: child (-?\d+) - (.+), errno (\d+)\s*$/s;
const ABORT_LINE = /\bchild_info_fork::abort: ?(.*)$/s;
const FATAL_LINE = /\*\*\* fatal error (in forked process )?- (.*)$/s;
const COPY_LINE = /\bchild_copy: (.+?) (read|write) copy failed, (0x[0-9A-Fa-f]+)\.\.(0x[0-9A-Fa-f]+), done (\d+), windows pid (\d+), (?:Win32 error (\d+)|(.+?))$/;
const MISMATCH = /\b((?:cygheap base|proc intro|proc size|fhandler size|user shared memory version|system shared memory version|shared region|[\w ]{1,40}?)) (magic number )?mismatch detected - (0x[0-9A-Fa-f]+|\d+)\/(0x[0-9A-Fa-f]+|\d+)/;
const FORK_FAILED = /\bdofork: fork failed - child pid (-?\d+), errno (\d+)/;
const WAIT_FAILED = /\bchild_info::sync: wait failed, pid (\d+), (?:Win32 error (\d+)|(.+?))$|\bwait failed, pid (\d+), (?:Win32 error (\d+)|(.+?))$/;
const SUBPROC = /\bunable to allocate subproc_ready event, (?:Win32 error (\d+)|(.+?))$/;
const OLD_SYNC = /\bsync_with_child: child (\d+)\((0x[0-9A-Fa-f]+)\) died before initialization with status code (0x[0-9A-Fa-f]+|\d+)/;
const OLD_RESERVE = /\*\*\* fork: can't reserve memory for stack (0x[0-9A-Fa-f]+)/;
const OLD_REMAP = /\*\*\* unable to remap (.+?) to same address as parent\s*\(?(0x[0-9A-Fa-f]+)?/;
const SYMPTOM =
  /\bfork: (?:retry: )?(?:Resource temporarily unavailable|Cannot allocate memory|No child processes)\b|\bfork failed: resource temporarily unavailable\b|\bcould not fork child process\b|\bcannot fork\(\) for\b|\bCan't fork\b|\bBlockingIOError: \[Errno 11\] Resource temporarily unavailable/i;

/** Needles at least one of which a line must contain before any regex runs (checked on raw latin1 text too). */
export const LINE_NEEDLES = [
  'fork',
  'child_copy',
  'mismatch detected',
  'unable to remap',
  'sync_with_child',
  'wait failed',
  'subproc_ready',
  'Resource temporarily',
  'Cannot allocate',
  "Can't fork",
  'Loaded different DLL',
] as const;

export function hasNeedle(s: string): boolean {
  for (const n of LINE_NEEDLES) if (s.includes(n)) return true;
  return false;
}

export interface LocatedMatch extends MessageMatch {
  /** Where the Cygwin message starts in the (joined) text. */
  offset: number;
  /** `<func>` that printed it: `dofork`, `fork`, `child_info_fork::abort`, `child_copy`, or undefined (api_fatal). */
  func?: string;
}

/**
 * The result of looking at one (possibly joined) text: a match, `partial` when a message started but its end is
 * missing (a wrapped or multi-line message: join the next line and try again), or undefined.
 */
export function matchMessage(text: string): LocatedMatch | 'partial' | undefined {
  if (!hasNeedle(text)) return undefined;
  let m: RegExpExecArray | null;
  // Each regex below is tried only when the text holds a literal part of it (the same result, far fewer regex runs).
  if (text.includes('child_info_fork::abort') && (m = ABORT_LINE.exec(text))) {
    const body = m[1]!.replace(/\s+$/, '');
    for (const r of ABORT_RULES) {
      const x = r.re.exec(body);
      if (!x) continue;
      const made = r.make(x);
      // The multi-line message is complete only with its ` child loaded:` line.
      if (made.kind === 'abort-different-dll' && made.childDll === undefined) return 'partial';
      // `, Win32 err` cut by a terminal reads as translated error text: wait for the rest.
      if (made.win32Text !== undefined && /^W(?:i(?:n(?:3(?:2(?: (?:e(?:r(?:r(?:o(?:r(?: \d*)?)?)?)?)?)?)?)?)?)?)?$/.test(made.win32Text)) return 'partial';
      return { ...made, offset: m.index, func: 'child_info_fork::abort' };
    }
    if (body === '' || /^\s*Loaded different DLL/.test(body) || looksCut(body)) return 'partial';
    return { kind: 'abort-other', offset: m.index, func: 'child_info_fork::abort', ...errOf(body) };
  }
  const parentish = text.includes('fork: child ');
  if (parentish && (m = PARENT_LINE.exec(text))) {
    const body = m[3]!;
    const base = { offset: m.index, func: m[1] ? 'dofork' : 'fork', childPid: Number(m[2]), errno: Number(m[4]) };
    for (const r of PARENT_RULES) {
      const x = r.re.exec(body);
      if (x) return { ...r.make(x), ...base, ...(m[1] ? {} : { pre30: true }) };
    }
    return { kind: 'parent-other', ...base, ...(m[1] ? {} : { pre30: true }) };
  }
  if (parentish && /\b(?:do)?fork: child -?\d+ - /.test(text)) return 'partial';
  if (text.includes('*** fatal error') && (m = FATAL_LINE.exec(text))) {
    const body = m[2]!.replace(/\s+$/, '');
    const inFork = Boolean(m[1]);
    const mm = MISMATCH.exec(body);
    if (mm) return mismatch(mm, m.index);
    if (!inFork) {
      // Only the fork-specific bodies count without "in forked process" (the stack/heap ones are fork-only).
      for (const r of FATAL_RULES) {
        const x = r.re.exec(body);
        if (x && (x[0].startsWith('fork:') || /heap|stack/.test(r.re.source))) return { ...r.make(x), offset: m.index };
      }
      return undefined;
    }
    for (const r of FATAL_RULES) {
      const x = r.re.exec(body);
      if (x) return { ...r.make(x), offset: m.index };
    }
    if (looksCut(body)) return 'partial';
    return { kind: 'fatal-other', offset: m.index, ...errOf(body) };
  }
  const copyish = text.includes('child_copy: ') && text.includes(' copy failed');
  if (copyish && (m = COPY_LINE.exec(text))) {
    const c = err(
      { kind: 'copy-failed', region: m[1]!, direction: m[2] as 'read' | 'write', address: m[3]!, childWinpid: Number(m[6]) },
      m[7],
      m[8],
    );
    return { ...c, offset: m.index, func: 'child_copy' };
  }
  if (copyish && /\bchild_copy: .+ copy failed/.test(text)) return 'partial';
  if (text.includes('mismatch detected') && (m = MISMATCH.exec(text))) return mismatch(m, m.index);
  if (text.includes('dofork: fork failed - child pid ') && (m = FORK_FAILED.exec(text))) return { kind: 'parent-fork-failed', offset: m.index, func: 'dofork', childPid: Number(m[1]), errno: Number(m[2]) };
  if (text.includes('unable to allocate subproc_ready event, ') && (m = SUBPROC.exec(text))) return { ...err({ kind: 'subproc-event' }, m[1], m[2]), offset: m.index, func: 'dofork' };
  if (text.includes('wait failed, pid ') && (m = WAIT_FAILED.exec(text))) {
    return { ...err({ kind: 'wait-failed', childWinpid: Number(m[1] ?? m[4]) }, m[2] ?? m[5], m[3] ?? m[6]), offset: m.index };
  }
  if (text.includes('sync_with_child: child ') && (m = OLD_SYNC.exec(text))) {
    return { kind: 'old-sync', offset: m.index, childWinpid: Number(m[1]), exitCode: m[3]!, pre30: true };
  }
  if (text.includes("*** fork: can't reserve memory for stack ") && (m = OLD_RESERVE.exec(text))) return { kind: 'old-reserve', offset: m.index, address: m[1]!, pre30: true };
  if (text.includes('*** unable to remap ') && (m = OLD_REMAP.exec(text))) {
    return { kind: 'old-remap', offset: m.index, dll: m[1]!, ...(m[2] ? { address: m[2] } : {}), pre30: true };
  }
  if ((m = SYMPTOM.exec(text))) return { kind: 'symptom', offset: m.index };
  return undefined;
}

function mismatch(m: RegExpExecArray, offset: number): LocatedMatch {
  return { kind: 'mismatch', offset, what: m[1]!.trim(), parentAddress: m[3]!, childAddress: m[4]! };
}

function errOf(body: string): Partial<MessageMatch> {
  const e = /Win32 error (\d+)/.exec(body);
  return e ? { win32Error: Number(e[1]) } : {};
}

/** A message body that stops where its format says more must follow (a terminal wrapped it). */
function looksCut(body: string): boolean {
  if (/Win32 error \d+$|rebaseall$|occupied$|\)$|there$/.test(body)) return false;
  return /^(?:unable to|couldn't|address space|fork: can't|can't commit|heap allocated|.+: Loaded to)/.test(body);
}
