import type { FileEvents } from '../events.js';
import { Bindings, EventSink, UNIQUE_SOURCES } from './common.js';

/**
 * Shared machinery of the line-based readers (Perl, Tcl: no wasm grammar exists, tech-notes §2). Blocks are found
 * by brace counting outside quotes; a block opened by `sub NAME {` / `proc NAME ... {` is a function, one opened by
 * a loop keyword is a loop, `END {` is deferred. Good enough for test scripts; heredocs and braces in regexes can
 * confuse it (docs/scan.md).
 */
export interface LineLanguage {
  /** Remove a trailing comment and return the code part. */
  code(line: string): string;
  fnOpen: RegExp;
  loopOpen: RegExp;
  deferredOpen?: RegExp;
  /** Find the events on one line of code. */
  scan(code: string, line: number, api: LineApi): void;
  /** Record bindings of one line. */
  bind(code: string, api: { set(name: string, expr: string): void }): void;
}

export interface LineApi {
  key(expr: string): string;
  add: EventSink['add'];
  fnNames: Set<string>;
}

interface Block {
  depth: number;
  kind: 'fn' | 'loop' | 'deferred' | 'other';
  restore: () => void;
}

export function lineFrontEnd(lines: string[], lang: LineLanguage, interpolate: (s: string, get: (v: string) => string) => string): FileEvents {
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const fnNames = new Set<string>();
  const codes = lines.map((l) => lang.code(l));
  let scope: string | undefined;
  const key = (expr: string): string => interpolate(expr.trim(), (v) => b.get(scope, v));

  // Pass 1: function names and bindings (scoped by the function they are in).
  let depth = 0;
  let fnDepth = -1;
  codes.forEach((c) => {
    const m = lang.fnOpen.exec(c);
    if (m && fnDepth < 0) {
      scope = m[1];
      fnNames.add(m[1]!);
      fnDepth = depth;
    }
    lang.bind(c, { set: (name, expr) => b.set(scope, name, key(expr), UNIQUE_SOURCES.test(expr)) });
    depth += braceDelta(c);
    if (fnDepth >= 0 && depth <= fnDepth) {
      fnDepth = -1;
      scope = undefined;
    }
  });

  // Pass 2: events, with function / loop / deferred context from the block stack.
  scope = undefined;
  depth = 0;
  const stack: Block[] = [];
  const api: LineApi = { key, add: sink.add.bind(sink), fnNames };
  codes.forEach((c, i) => {
    const line = i + 1;
    const fm = lang.fnOpen.exec(c);
    const opens = braceDelta(c) > 0;
    lang.scan(c, line, api);
    if (opens) {
      if (fm) {
        const [fn, loops, oldScope] = [sink.fn, sink.loops, scope];
        sink.functions.add(fm[1]!);
        sink.fn = fm[1];
        scope = fm[1];
        sink.loops = [];
        stack.push({ depth, kind: 'fn', restore: () => ((sink.fn = fn), (sink.loops = loops), (scope = oldScope)) });
      } else if (lang.deferredOpen?.test(c)) {
        const d = sink.deferred;
        sink.deferred = true;
        stack.push({ depth, kind: 'deferred', restore: () => (sink.deferred = d) });
      } else if (lang.loopOpen.test(c)) {
        const loops = sink.loops;
        sink.loops = [...loops, 1_000_000 + line];
        stack.push({ depth, kind: 'loop', restore: () => (sink.loops = loops) });
      }
    }
    depth += braceDelta(c);
    while (stack.length && depth <= stack[stack.length - 1]!.depth) stack.pop()!.restore();
  });
  return sink.result();
}

/** `{` minus `}` outside quotes. */
export function braceDelta(code: string): number {
  let d = 0;
  let q: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (q) {
      if (c === '\\') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '{') d++;
    else if (c === '}') d--;
  }
  return d;
}

/** Split `a, b, c` at top-level commas (outside quotes and brackets). */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let q: string | null = null;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      cur += c;
      if (c === '\\') cur += s[++i] ?? '';
      else if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    }
    if ((c === ',' || c === ';') && depth === 0) {
      if (c === ';') break;
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
