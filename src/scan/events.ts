/**
 * The small event language every front-end turns a source file into. Rules never see syntax trees, only these
 * events, in an execution-order trace built by flow.ts.
 */
export type EventKind =
  /** A shared library is mapped into this process (dlopen, CDLL, load, require of a .node ...). */
  | 'load'
  /** The library is unmapped (dlclose, FreeLibrary): a later delete of it is harmless. */
  | 'unload'
  /** A file is removed (unlink, os.remove, delete-file, rm -f ...). */
  | 'delete'
  /** A directory tree is removed (rmtree, rm -rf, TemporaryDirectory block end ...). */
  | 'deleteDir'
  /** A file is written / compiled / copied / renamed to (gcc -o, open(w), cp, rename ...). */
  | 'overwrite'
  /** A child process is started; `forks` says whether that start calls fork() on Cygwin. */
  | 'spawn'
  /** A call of a function or macro defined in the same file (inlined by flow.ts). */
  | 'call';

export interface ScanEvent {
  kind: EventKind;
  /** Normalised path expression (see PathKey in docs/scan.md); for spawns/calls may be empty. */
  path?: string;
  /** 1-based line and column of the call. */
  line: number;
  column: number;
  /** The source text of the call (one line, trimmed, at most 160 chars). */
  text: string;
  /** The callee as written (`dlopen`, `os.remove`, `delete-file`, `rm -f`). */
  call: string;
  /** spawn: does this start fork() on Cygwin (see the per-language table in docs/scan.md)? */
  forks?: boolean;
  /** Innermost enclosing function / method / macro name, or undefined at top level. */
  fn?: string;
  /** Ids of enclosing loops inside `fn`, outermost first. */
  loops: number[];
  /** Runs at process exit (atexit handler, END block, trap EXIT): moved to the end of the trace. */
  deferred?: boolean;
  /** call: the callee's name. */
  callee?: string;
  /** call: the path keys of the arguments (for parameter substitution in the trace). */
  args?: string[];
  /** The path is fresh for every load (mkstemp, uuid, counter): rebuilding there is not "to the same path". */
  unique?: boolean;
}

export interface FileEvents {
  events: ScanEvent[];
  /** Names of functions/macros defined in the file (the targets of `call` events). */
  functions: string[];
  /** Parameter names per function/macro, where the front-end knows them (Scheme). */
  params?: Record<string, string[]>;
}

/** Replace `${param}` placeholders by the call's argument keys. */
export function substitute(key: string, subst: Readonly<Record<string, string>> | undefined): string {
  if (!subst) return key;
  return key.replace(/\$\{([^}]*)\}/g, (m, v: string) => subst[v] ?? m);
}

/** One line of source, trimmed and shortened, for evidence and messages. */
export function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

/** Normalise a path key: forward slashes, no leading ./, no doubled slashes. */
export function normKey(k: string): string {
  let s = k.replace(/\\\\?/g, '/').replace(/\/{2,}/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/** Same library path? */
export function samePath(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== '' && normKey(a) === normKey(b);
}

/** Is the file `lib` inside directory `dir` (by path expression)? */
export function isUnder(lib: string | undefined, dir: string | undefined): boolean {
  if (!lib || !dir) return false;
  const l = normKey(lib);
  const d = normKey(dir).replace(/\/$/, '');
  return d !== '' && l.startsWith(`${d}/`);
}
