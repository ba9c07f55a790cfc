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

const PREFILTER_BYTES = Object.fromEntries(
  Object.entries(PREFILTER).map(([lang, words]) => [lang, words.map((w) => Buffer.from(w, 'latin1'))]),
) as unknown as Record<LanguageId, readonly Buffer[]>;

/** The prefilter on a file's raw bytes (every word is ASCII), before any decoding. */
export function prefilterBytes(lang: LanguageId, buf: Buffer): boolean {
  return PREFILTER_BYTES[lang].some((w) => buf.includes(w));
}
