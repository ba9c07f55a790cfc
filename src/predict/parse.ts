/**
 * Parse one line of Linux `strace -f` output into a record. Pure, no I/O.
 *
 * Line shapes handled (strace 4.x-6.x):
 *   `PID  name(args) = ret`                    (-f -o FILE)
 *   `[pid  PID] name(args) = ret`              (-f to stderr)
 *   `name(args) = ret`                         (no -f: one process)
 * each optionally with a time prefix (`-t`, `-tt`, `-ttt`, `-r`) and a `<0.000012>` duration suffix (`-T`);
 *   `PID  name(args <unfinished ...>` and `PID  <... name resumed>rest) = ret` (joined by the replay per pid);
 *   `PID  +++ exited with N +++`, `+++ killed by SIGKILL +++`, `--- SIGCHLD {...} ---`.
 * Arguments are split at top-level commas, respecting strings (`"..."` with C escapes and `"..."...` truncation),
 * brackets, braces, parentheses and `-y` fd decorations (`3</path/to/x.so>`, `AT_FDCWD</cwd>`).
 */

export type ParsedLine =
  | { type: 'syscall'; pid?: number; name: string; args: string[]; ret: SyscallReturn; text: string }
  | { type: 'unfinished'; pid?: number; name: string; head: string; text: string }
  | { type: 'resumed'; pid?: number; name: string; tail: string; text: string }
  | { type: 'exit'; pid?: number; status?: number; signal?: string; text: string }
  | { type: 'signal'; pid?: number; signal: string; text: string }
  | { type: 'other'; pid?: number; text: string };

export interface SyscallReturn {
  /** The numeric value (`-1` on error, `NaN` for `?`). Addresses are parsed from hex. */
  value: number;
  /** `ENOENT`, ... when the call failed. */
  errno?: string;
  /** The `-y` decoration of a returned fd, e.g. the path of the file `openat` opened. */
  path?: string;
  raw: string;
}

// A time prefix: -t/-tt (`12:00:01.000001`), -ttt (`1700000000.123456`), -r (`0.000123`). A pid has no dot.
const PREFIX = /^\s*(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?(?:(?:\d\d:\d\d:\d\d(?:\.\d+)?|\d+\.\d+)\s+)?/;
const DURATION = /\s+<\d+\.\d+>$/;

/** Parse one trace line (without its newline). Never throws: unknown shapes come back as `other`. */
export function parseStraceLine(line: string): ParsedLine {
  const raw = line.replace(/\r$/, '');
  const m = PREFIX.exec(raw);
  const pidText = m?.[1] ?? m?.[2];
  const pid = pidText ? Number(pidText) : undefined;
  const text = tidyCallText(raw.slice(m ? m[0].length : 0).replace(DURATION, ''));
  const rest = text;

  if (rest.startsWith('+++ ')) {
    const ex = /^\+\+\+ exited with (\d+) \+\+\+$/.exec(rest);
    if (ex) return { type: 'exit', pid, status: Number(ex[1]), text };
    if (/^\+\+\+ superseded by execve in pid \d+ \+\+\+$/.test(rest)) return { type: 'exit', pid, text };
    const ki = /^\+\+\+ killed by (SIG\w+)/.exec(rest);
    if (ki) return { type: 'exit', pid, signal: ki[1], text };
    return { type: 'other', pid, text };
  }
  if (rest.startsWith('--- ')) {
    const sg = /^--- (SIG\w+|\w+)/.exec(rest);
    return sg ? { type: 'signal', pid, signal: sg[1]!, text } : { type: 'other', pid, text };
  }
  const res = /^<\.\.\. (\w+) resumed>\s?(.*)$/.exec(rest);
  if (res) return { type: 'resumed', pid, name: res[1]!, tail: res[2]!, text };
  const call = /^(\w+)\(/.exec(rest);
  if (!call) return { type: 'other', pid, text };
  const name = call[1]!;
  const unf = /\s*<unfinished \.\.\.>$/.exec(rest);
  if (unf) return { type: 'unfinished', pid, name, head: rest.slice(0, unf.index), text };
  const parsed = parseCallText(rest);
  if (!parsed) return { type: 'other', pid, text };
  return { type: 'syscall', pid, name, args: parsed.args, ret: parsed.ret, text };
}

/** Trim, and drop strace's column alignment before ` = ret`. */
export function tidyCallText(s: string): string {
  return s.trim().replace(/\)\s{2,}= /, ') = ');
}

/** Parse a complete `name(args) = ret` text (also the join of an unfinished head and its resumed tail). */
export function parseCallText(s: string): { name: string; args: string[]; ret: SyscallReturn } | undefined {
  const call = /^(\w+)\(/.exec(s);
  if (!call) return undefined;
  const split = splitArgs(s, call[0].length);
  if (!split) return undefined;
  const after = s.slice(split.end).trim();
  const eq = /^=\s*(.*)$/.exec(after);
  if (!eq) return undefined;
  return { name: call[1]!, args: split.args, ret: parseReturn(eq[1]!) };
}

function parseReturn(s: string): SyscallReturn {
  const m = /^(0x[0-9a-fA-F]+|-?\d+|\?)(?:<(.*?)>)?(?:\s+(E[A-Z0-9]+))?/.exec(s);
  if (!m) return { value: Number.NaN, raw: s };
  const v = m[1] === '?' ? Number.NaN : m[1]!.startsWith('0x') ? parseInt(m[1]!, 16) : Number(m[1]);
  const r: SyscallReturn = { value: v, raw: s };
  if (m[2] !== undefined) r.path = decodeDecoration(m[2]);
  if (m[3]) r.errno = m[3];
  return r;
}

/**
 * Split the arguments that start at `start` (just after the opening parenthesis). Returns the arguments, trimmed,
 * and the index just after the closing parenthesis, or undefined when the text ends first (a cut-off line).
 */
export function splitArgs(s: string, start: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let cur = start;
  let i = start;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"') {
      i = skipString(s, i);
      continue;
    }
    if (ch === '<' && isDecorationStart(s, i)) {
      i = skipDecoration(s, i);
      continue;
    }
    if (ch === '/' && s[i + 1] === '*') {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? s.length : close + 2;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ')') {
      if (depth === 0) {
        const last = s.slice(cur, i).trim();
        if (last || args.length) args.push(last);
        return { args, end: i + 1 };
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(s.slice(cur, i).trim());
      cur = i + 1;
    }
    i++;
  }
  return undefined;
}

/** A `<` opens a -y decoration right after an fd number or AT_FDCWD (`3</x>`, `AT_FDCWD</y>`). */
function isDecorationStart(s: string, i: number): boolean {
  const prev = s[i - 1];
  if (prev !== undefined && prev >= '0' && prev <= '9') return true;
  return s.slice(Math.max(0, i - 8), i) === 'AT_FDCWD';
}

function skipString(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === '\\') j += 2;
    else if (s[j] === '"') {
      j++;
      if (s.startsWith('...', j)) j += 3;
      return j;
    } else j++;
  }
  return j;
}

function skipDecoration(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === '\\') j += 2;
    else if (s[j] === '>') return j + 1;
    else j++;
  }
  return j;
}

/** Decode strace's C-style escapes (`\"`, `\\`, `\n`, `\t`, `\xHH`, octal `\NNN`) to a UTF-8 string. */
export function decodeEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      const code = s.codePointAt(i)!;
      if (code < 0x80) bytes.push(code);
      else {
        const c = String.fromCodePoint(code);
        bytes.push(...enc.encode(c));
        i += c.length - 1;
      }
      continue;
    }
    const n = s[i + 1];
    if (n === undefined) break;
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, '"': 34, '\\': 92, "'": 39 };
    if (n in simple) {
      bytes.push(simple[n]!);
      i++;
    } else if (n === 'x' && /^[0-9a-fA-F]{2}/.test(s.slice(i + 2, i + 4))) {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A string argument: its decoded value and whether strace cut it (`"..."...`). Undefined for NULL/addresses. */
export function parseStringArg(arg: string | undefined): { value: string; truncated: boolean } | undefined {
  if (!arg || !arg.startsWith('"')) return undefined;
  const end = skipString(arg, 0);
  const truncated = arg.slice(0, end).endsWith('"...');
  const inner = arg.slice(1, truncated ? end - 4 : end - 1);
  return { value: decodeEscapes(inner), truncated };
}

/** An fd argument: `3`, `3</path>`, `AT_FDCWD`, `AT_FDCWD</cwd>`. */
export function parseFdArg(
  arg: string | undefined,
): { fd: number | 'AT_FDCWD'; path?: string; deleted?: boolean } | undefined {
  if (!arg) return undefined;
  const m = /^(-?\d+|AT_FDCWD)(?:<(.*)>)?$/s.exec(arg);
  if (!m) return undefined;
  const fd = m[1] === 'AT_FDCWD' ? 'AT_FDCWD' : Number(m[1]);
  if (m[2] === undefined) return { fd };
  return m[2].endsWith(' (deleted)') ? { fd, path: decodeDecoration(m[2]), deleted: true } : { fd, path: decodeDecoration(m[2]) };
}

/** The path inside a -y decoration, without a ` (deleted)` mark; sockets/pipes (`socket:[123]`) come back as-is. */
export function decodeDecoration(s: string): string {
  return decodeEscapes(s).replace(/ \(deleted\)$/, '');
}

/** Flags like `O_RDONLY|O_CLOEXEC` or `flags=CLONE_VM|SIGCHLD` as a set. */
export function parseFlags(arg: string | undefined): Set<string> {
  if (!arg) return new Set();
  const v = arg.includes('=') && !arg.startsWith('{') ? arg.slice(arg.indexOf('=') + 1) : arg;
  return new Set(v.split('|').map((x) => x.trim()));
}

/** The `flags=` member of clone3's struct argument, or of clone's `flags=` argument. */
export function cloneFlags(name: string, args: readonly string[]): Set<string> {
  if (name === 'clone3') {
    const m = /flags=([A-Z0-9_|]+)/.exec(args[0] ?? '');
    const set = m ? parseFlags(m[1]) : new Set<string>();
    const sig = /exit_signal=(SIG\w+)/.exec(args[0] ?? '');
    if (sig) set.add(sig[1]!);
    return set;
  }
  const f = args.find((a) => a.startsWith('flags='));
  return f ? parseFlags(f) : new Set();
}

/** The elements of an argv array argument `["sh", "-c", "true"]` (a `...` marks a cut list). */
export function parseArgvArg(arg: string | undefined): string[] {
  if (!arg || !arg.startsWith('[')) return [];
  const split = splitArgs(`${arg.slice(1, arg.lastIndexOf(']'))})`, 0);
  if (!split) return [];
  return split.args.map((a) => parseStringArg(a)?.value ?? a);
}
