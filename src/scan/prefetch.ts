import { statSync } from 'node:fs';
import path from 'node:path';
import { languageOf, type LanguageId } from './languages.js';
import { parserFor } from './treesitter.js';

/** The tree-sitter grammar of each language that has one (the others are read by small readers of our own). */
const GRAMMAR: Partial<Record<LanguageId, string>> = { c: 'c', cpp: 'cpp', python: 'python', ruby: 'ruby', shell: 'bash', lua: 'lua', make: 'make' };

/**
 * Start loading, without waiting, what scanning the files named on the command line will need: web-tree-sitter,
 * their grammars and their front-ends. The wasm compiles on V8's background threads and the files are read while
 * the command loads its configuration and walks, so a scan of one or a few files does not wait for each in turn.
 * Only for a handful of named files (a folder's languages are not known before the walk); never throws.
 */
export function prefetchForFiles(paths: readonly string[], cwd: string): void {
  if (paths.length === 0 || paths.length > 8) return;
  const langs = new Set<LanguageId>();
  for (const p of paths) {
    try {
      const abs = path.resolve(cwd, p);
      if (!statSync(abs).isFile()) continue;
      const lang = languageOf(abs);
      if (lang) langs.add(lang);
    } catch {
      // a missing path is reported by the scan itself
    }
  }
  for (const lang of langs) {
    const grammar = GRAMMAR[lang];
    if (grammar) parserFor(grammar).catch(() => undefined);
  }
}
