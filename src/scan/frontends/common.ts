import type { EventKind, FileEvents, ScanEvent } from '../events.js';
import { normKey, snippet } from '../events.js';
import type { SyntaxNode } from '../treesitter.js';

/** What a language table says about one call. */
export interface Classified {
  kind: EventKind;
  /** Index of the argument holding the path, or a node, or a ready key. */
  arg?: number;
  node?: SyntaxNode;
  key?: string;
  forks?: boolean;
  unique?: boolean;
}

/** Builds events with the right fn/loop context while a front-end walks a file. */
export class EventSink {
  readonly events: ScanEvent[] = [];
  readonly functions = new Set<string>();
  readonly params: Record<string, string[]> = {};
  private loopId = 0;
  fn: string | undefined;
  loops: number[] = [];
  /** Path keys known to be fresh per run (from Bindings): rebuilding there is not "to the same path". */
  uniqueKeys: ReadonlySet<string> = new Set();
  deferred = false;

  constructor(private readonly lines: string[]) {}

  add(kind: EventKind, call: string, line: number, column: number, extra: Partial<ScanEvent> = {}): ScanEvent {
    const e: ScanEvent = {
      kind,
      call,
      line,
      column,
      text: snippet(this.lines[line - 1] ?? call),
      loops: [...this.loops],
      ...(this.fn !== undefined ? { fn: this.fn } : {}),
      ...(this.deferred ? { deferred: true } : {}),
      ...extra,
    };
    if (e.path !== undefined) {
      e.path = normKey(e.path);
      if (e.unique === undefined && isUniqueKey(e.path, this.uniqueKeys)) e.unique = true;
    }
    this.events.push(e);
    return e;
  }

  inFunction<T>(name: string, body: () => T): T {
    const [fn, loops] = [this.fn, this.loops];
    this.functions.add(name);
    this.fn = name;
    this.loops = [];
    try {
      return body();
    } finally {
      this.fn = fn;
      this.loops = loops;
    }
  }

  inLoop<T>(body: () => T): T {
    const loops = this.loops;
    this.loops = [...loops, ++this.loopId];
    try {
      return body();
    } finally {
      this.loops = loops;
    }
  }

  inDeferred<T>(body: () => T): T {
    const d = this.deferred;
    this.deferred = true;
    try {
      return body();
    } finally {
      this.deferred = d;
    }
  }

  result(): FileEvents {
    return { events: this.events, functions: [...this.functions], params: this.params };
  }
}

/**
 * Variable bindings for path expressions: `name -> key`, per function scope, then file scope. A variable whose value
 * is unknown (a parameter, an opaque call result, two different assignments) is known by its identity instead:
 * `${name}` at file scope, `${name@fn}` inside function `fn` — so `filename` in two functions are two values, and a
 * call `f(LIB)` substitutes `${p@f}` by LIB's key in the trace (flow.ts). Names bound nowhere in the file
 * (imports, builtins) stay `${name}`.
 */
export class Bindings {
  private readonly map = new Map<string, string | null>();
  private readonly unique = new Set<string>();
  /** Keys bound from a fresh-name source (mkstemp, uuid ...). */
  readonly uniqueKeys = new Set<string>();

  static ref(scope: string | undefined, name: string): string {
    return scope === undefined ? `\${${name}}` : `\${${name}@${scope}}`;
  }

  set(scope: string | undefined, name: string, key: string, unique = false): void {
    // An opaque call result (`${mkdtemp()}`) is known only by the variable holding it: two calls are two values.
    if (/^\$\{[^}]*\(.*\}$/.test(key) && !key.slice(2, -1).includes('${')) key = Bindings.ref(scope, name);
    const k = `${scope ?? ''}\u0000${name}`;
    const old = this.map.get(k);
    if (old === undefined) this.map.set(k, key);
    else if (old !== key) this.map.set(k, null);
    if (unique) {
      this.unique.add(k);
      this.uniqueKeys.add(key);
    }
  }

  /** A function parameter: its value comes from the call (substituted in the trace). */
  param(scope: string, name: string): void {
    this.map.set(`${scope}\u0000${name}`, null);
  }

  /** Resolve `name` as seen from `scope` (then the file scope). */
  get(scope: string | undefined, name: string): string {
    if (scope !== undefined) {
      const v = this.map.get(`${scope}\u0000${name}`);
      if (v === null) return Bindings.ref(scope, name);
      if (v !== undefined) return v;
    }
    const g = this.map.get(`\u0000${name}`);
    return g ?? `\${${name}}`;
  }
}

/** Calls whose result is a fresh name each time: a path built from them is unique per load. */
export const UNIQUE_SOURCES = /\b(mkstemp|mkdtemp|mktemp|tmpnam|tempnam|NamedTemporaryFile|uuid\w*|randomUUID|getpid|time|Time\.now|Date\.now|counter|rand\w*|\$\$|\$RANDOM|Dir\.mktmpdir|Tempfile|os\.tmpdir\(\)\s*\+|tmpfile)\b/;

/** Is a path key fresh per run: bound from a unique source, or built from a placeholder naming one? */
export function isUniqueKey(key: string, known: ReadonlySet<string>): boolean {
  if (known.has(key)) return true;
  for (const k of known) if (key.startsWith(`${k}`) && k.startsWith('${')) return true;
  for (const m of key.matchAll(/\$\{([^}]*)\}/g)) if (UNIQUE_SOURCES.test(m[1]!)) return true;
  return false;
}

/** Does the file's text look like it could hold an event of this language (the prefilter's job)? */
export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}
export function colOf(node: SyntaxNode): number {
  return node.startPosition.column + 1;
}

/** Strip one level of quotes from a string literal's text. */
export function unquote(s: string): string {
  const m = /^(?:[rbuRBUfF]{0,2})("""|'''|"|'|`)([\s\S]*)\1$/.exec(s);
  return m ? m[2]! : s;
}
