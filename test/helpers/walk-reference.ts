// The walker as it was before it was rewritten for speed (per-entry path.relative and `ignore` calls, async
// fs calls one at a time). Kept as the reference the fast walker must agree with: test/scan/walker.test.ts compares
// the two on trees with nested .gitignore files, negations, symlinks and non-ASCII names.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '../../src/model/document.js';
import { toModelPath } from '../../src/model/finding.js';
import { InputError } from '../../src/util/errors.js';
import { VENDORED, compileGlob, loadGlobEngine, type WalkOptions, type WalkedFile } from '../../src/scan/walker.js';

function matcher(globs: string[] | undefined, where: string): ((p: string) => boolean) | undefined {
  if (!globs || globs.length === 0) return undefined;
  const fns = globs.map((g) => compileGlob(g, where));
  return (p) => fns.some((f) => f(p));
}

interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

async function loadIgnore(dir: string): Promise<IgnoreLayer | undefined> {
  try {
    const text = await readFile(path.join(dir, '.gitignore'), 'utf8');
    return { dir, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/** .gitignore files of the folders above `dir`, up to the one holding `.git` (at most 20 levels). */
async function ancestorIgnores(dir: string): Promise<IgnoreLayer[]> {
  const out: IgnoreLayer[] = [];
  let d = path.dirname(dir);
  for (let i = 0; i < 20; i++) {
    const l = await loadIgnore(d);
    if (l) out.unshift(l);
    try {
      await stat(path.join(d, '.git'));
      break;
    } catch {
      /* keep going up */
    }
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

function ignored(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const { dir, ig } of layers) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * The files to scan under `paths` (files or folders). Missing path: InputError. Honours nested .gitignore files,
 * include/exclude globs, skips vendored folders (info Diagnostic each), never follows a symlink into a folder it has
 * already visited.
 */
export async function walkReference(paths: string[], opts: WalkOptions): Promise<{ files: WalkedFile[]; diagnostics: Diagnostic[] }> {
  await loadGlobEngine();
  const root = path.resolve(opts.root);
  const include = matcher(opts.include, '--include');
  const exclude = matcher(opts.exclude, '--exclude');
  const cInclude = matcher(opts.configInclude, 'config "include"');
  const cExclude = matcher(opts.configExclude, 'config "exclude"');
  const cdir = path.resolve(opts.configDir ?? root);
  const diagnostics: Diagnostic[] = [];
  const files: WalkedFile[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const rel = (abs: string): string => toModelPath(path.relative(root, abs).split(path.sep).join('/')) || path.basename(abs);

  const wanted = (abs: string): boolean => {
    const r = rel(abs);
    const c = toModelPath(path.relative(cdir, abs).split(path.sep).join('/'));
    if (exclude?.(r) || cExclude?.(c)) return false;
    if (include && !include(r)) return false;
    if (cInclude && !cInclude(c)) return false;
    return true;
  };
  const excludedDir = (abs: string): boolean => Boolean(exclude?.(rel(abs)) || cExclude?.(toModelPath(path.relative(cdir, abs).split(path.sep).join('/'))));

  // Files are told apart by their real path. A plain file's is its folder's real path (already known) joined with
  // its name; only links and paths given on the command line need a realpath call.
  const addFile = async (abs: string, explicit: boolean, knownReal?: string): Promise<void> => {
    let real = knownReal ?? abs;
    if (!knownReal) {
      try {
        real = await realpath(abs);
      } catch {
        real = abs;
      }
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ abs, rel: rel(abs), explicit });
  };

  const walkDir = async (dir: string, layers: IgnoreLayer[]): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (e) {
      diagnostics.push({ level: 'error', file: rel(dir), message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    if (seenDirs.has(real)) return; // symlink loop or a folder reached twice
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      diagnostics.push({ level: 'error', file: rel(dir), message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    const own = await loadIgnore(dir);
    const here = own ? [...layers, own] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = await stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (VENDORED.has(ent.name)) {
          if (ent.name !== '.git' && ent.name !== '__pycache__') diagnostics.push({ level: 'info', file: rel(abs), message: 'vendored folder skipped' });
          continue;
        }
        if (ignored(here, abs, true) || excludedDir(abs)) continue;
        await walkDir(abs, here);
      } else if (isFile) {
        if (ent.name === '.gitignore' || ignored(here, abs, false) || !wanted(abs)) continue;
        await addFile(abs, false, ent.isSymbolicLink() ? undefined : path.join(real, ent.name));
      }
    }
  };

  const given = paths.length ? paths : ['.'];
  const unreadable: string[] = [];
  for (const p of given) {
    const abs = path.resolve(root, p);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? `no such file or folder: ${p}` : `cannot read ${p}: ${code ?? String(e)}`;
      // One bad path among good ones is an error diagnostic (the others are still scanned and reported); when no
      // path can be read there is nothing to report: throw.
      unreadable.push(message);
      diagnostics.push({ level: 'error', file: rel(abs), message: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? String(e)}` });
      if (unreadable.length === given.length) throw new InputError(unreadable.length === 1 ? message : unreadable.join('; '));
      continue;
    }
    if (st.isDirectory()) {
      let layers = await ancestorIgnores(abs);
      // A folder named on the command line is scanned even when a .gitignore above it ignores it (like ripgrep
      // searching an explicit path); the rules inside it still apply.
      if (layers.length && ignored(layers, abs, true)) {
        diagnostics.push({ level: 'info', file: rel(abs), message: 'ignored by a .gitignore above it; scanned because it was named explicitly' });
        layers = [];
      }
      await walkDir(abs, layers);
    }
    else if (st.isFile()) await addFile(abs, true);
    // A FIFO or device would block the read forever.
    else diagnostics.push({ level: 'info', file: rel(abs), message: 'not a regular file; skipped' });
  }
  return { files, diagnostics };
}
