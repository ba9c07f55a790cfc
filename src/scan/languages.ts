import path from 'node:path';

export type LanguageId = 'c' | 'cpp' | 'python' | 'ruby' | 'shell' | 'lua' | 'make' | 'javascript' | 'typescript' | 'scheme' | 'perl' | 'tcl';

const BY_EXT: Record<string, LanguageId> = {
  '.c': 'c', '.h': 'c',
  '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.c++': 'cpp', '.hpp': 'cpp', '.hh': 'cpp', '.hxx': 'cpp',
  '.py': 'python', '.pyw': 'python',
  '.rb': 'ruby', '.rake': 'ruby',
  '.sh': 'shell', '.bash': 'shell', '.ksh': 'shell', '.bats': 'shell',
  '.lua': 'lua',
  '.mk': 'make', '.mak': 'make',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescript',
  '.scm': 'scheme', '.ss': 'scheme', '.sld': 'scheme', '.sls': 'scheme', '.rkt': 'scheme', '.lisp': 'scheme', '.lsp': 'scheme', '.el': 'scheme', '.stub': 'scheme',
  '.pl': 'perl', '.pm': 'perl', '.t': 'perl',
  '.tcl': 'tcl', '.test': 'tcl',
};
const BY_NAME: Record<string, LanguageId> = { makefile: 'make', gnumakefile: 'make', 'makefile.in': 'make', rakefile: 'ruby', gemfile: 'ruby' };

const AMBIGUOUS = new Set(['.test', '.t']);

/** The language of a file, by name, then by `#!` line; undefined = not scanned. */
export function languageOf(file: string, firstLine = ''): LanguageId | undefined {
  const base = path.basename(file).toLowerCase();
  if (BY_NAME[base]) return BY_NAME[base];
  if (base.endsWith('.d.ts')) return undefined;
  const ext = path.extname(base);
  const lang = BY_EXT[ext];
  // `.test` / `.t` are Tcl / Perl by convention, but autotools test scripts are often `#!/bin/sh` `.test` files.
  if (lang && !(AMBIGUOUS.has(ext) && firstLine.startsWith('#!'))) return lang;
  const m = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(\S+)/.exec(firstLine);
  if (m) {
    const i = m[1]!.replace(/[\d.]+$/, '');
    if (i === 'sh' || i === 'bash' || i === 'dash' || i === 'ksh' || i === 'zsh') return 'shell';
    if (i === 'python') return 'python';
    if (i === 'perl') return 'perl';
    if (i === 'ruby') return 'ruby';
    if (i === 'lua') return 'lua';
    if (i === 'node') return 'javascript';
    if (i === 'tclsh' || i === 'wish') return 'tcl';
    if (i === 'chibi-scheme' || i === 'guile' || i === 'racket' || i === 'gosh' || i === 'csi') return 'scheme';
  }
  return lang;
}

/**
 * Whether a file's `#!` line can change its language: false when `languageOf(file, anything)` is
 * `languageOf(file)` (a known file name, or an extension that is not `.t` / `.test`), so the scan need not look.
 */
export function firstLineMatters(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  if (BY_NAME[base] || base.endsWith('.d.ts')) return false;
  const ext = path.extname(base);
  return !BY_EXT[ext] || AMBIGUOUS.has(ext);
}

/** Comment openers per language, for inline suppressions. */
export const COMMENT: Record<LanguageId, RegExp> = {
  c: /\/\/|\/\*/, cpp: /\/\/|\/\*/, javascript: /\/\/|\/\*/, typescript: /\/\/|\/\*/,
  python: /#/, ruby: /#/, shell: /#/, make: /#/, perl: /#/, tcl: /#/,
  lua: /--/, scheme: /;|#\|/,
};

/**
 * Prefilter: a file is parsed only when its text contains one of these (a load of some kind). Chosen so every
 * load the front-end recognises contains one of them; see docs/scan.md.
 */
export const PREFILTER: Record<LanguageId, readonly string[]> = {
  c: ['dlopen', 'LoadLibrary', 'lt_dlopen', 'g_module_open', 'uv_dlopen'],
  cpp: ['dlopen', 'LoadLibrary', 'lt_dlopen', 'g_module_open', 'uv_dlopen'],
  python: ['CDLL', 'PyDLL', 'WinDLL', 'OleDLL', 'LoadLibrary', 'dlopen', 'spec_from_file_location', 'load_dynamic', 'ExtensionFileLoader'],
  ruby: ['dlopen', 'ffi_lib', 'require', 'load', 'DL.'],
  shell: ['enable', 'LD_PRELOAD'],
  lua: ['loadlib', 'require'],
  make: ['load'],
  javascript: ['require', 'dlopen', 'ffi', 'koffi', 'import'],
  typescript: ['require', 'dlopen', 'ffi', 'koffi', 'import'],
  scheme: ['load', 'dlopen', 'ffi-lib', 'dynamic-link', 'foreign-library', 'require-extension'],
  perl: ['DynaLoader', 'XSLoader', 'dl_load_file', 'FFI::', 'Platypus', 'FFI::Raw'],
  tcl: ['load'],
};

export function prefilter(lang: LanguageId, text: string): boolean {
  return PREFILTER[lang].some((s) => text.includes(s));
}

/**
 * The byte searches that decide the prefilter, per language. A word that contains another word of its list is
 * dropped (`lt_dlopen` holds `dlopen`, `koffi` holds `ffi`): the shorter one is found wherever the longer one is.
 * Words ending in the same three upper-case letters are searched by those and confirmed around each hit (`CDLL`, `PyDLL`,
 * `WinDLL`, `OleDLL` → one search for `DLL`): Buffer#indexOf finds a short needle by scanning for its first byte,
 * which is fast for a rare upper-case letter and slow for a common lower-case one.
 */
interface Search {
  needle: Buffer;
  /** Words found through this needle: the bytes before it that must precede a hit (empty: any hit matches). */
  heads: Buffer[];
}

function searches(words: readonly string[]): Search[] {
  const kept = words.filter((w, i) => !words.some((o, j) => j !== i && w.includes(o) && (o !== w || j < i)));
  const byTail = new Map<string, Buffer[]>();
  const plain: Search[] = [];
  for (const w of kept) {
    const m = /^(.+)([A-Z]{3})$/.exec(w);
    if (!m) {
      plain.push({ needle: Buffer.from(w, 'latin1'), heads: [] });
      continue;
    }
    const heads = byTail.get(m[2]!) ?? [];
    heads.push(Buffer.from(m[1]!, 'latin1'));
    byTail.set(m[2]!, heads);
  }
  return [...[...byTail].map(([tail, heads]) => ({ needle: Buffer.from(tail, 'latin1'), heads })), ...plain];
}

const PREFILTER_SEARCHES = Object.fromEntries(Object.entries(PREFILTER).map(([lang, words]) => [lang, searches(words)])) as unknown as Record<
  LanguageId,
  readonly Search[]
>;

function found(buf: Buffer, s: Search): boolean {
  if (s.heads.length === 0) return buf.includes(s.needle);
  for (let i = buf.indexOf(s.needle); i >= 0; i = buf.indexOf(s.needle, i + 1)) {
    for (const h of s.heads) if (i >= h.length && buf.compare(h, 0, h.length, i - h.length, i) === 0) return true;
  }
  return false;
}

/** The prefilter on a file's raw bytes (every word is ASCII), before any decoding: `prefilter` on the text. */
export function prefilterBytes(lang: LanguageId, buf: Buffer): boolean {
  for (const s of PREFILTER_SEARCHES[lang]) if (found(buf, s)) return true;
  return false;
}
