import { readFileSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type Picomatch from 'picomatch';
import type { Diagnostic } from '../model/document.js';
import { InputError, UsageError } from '../util/errors.js';
import { toModelPath } from '../model/finding.js';

/** Directories never descended into (vendored code and VCS data); each skip is an info Diagnostic. */
export const VENDORED = new Set(['node_modules', 'vendor', 'third_party', 'third-party', '.git', '.hg', '.svn', 'bower_components', '__pycache__', '.venv', '.tox']);
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface WalkOptions {
  /** Findings' `file` is relative to this folder; relative `paths` and CLI globs are resolved against it. */
  root: string;
  /** Globs relative to `root` (command line). */
  include?: string[];
  exclude?: string[];
  /** Globs relative to `configDir` (config file). */
  configInclude?: string[];
  configExclude?: string[];
  configDir?: string;
  /** Bytes; bigger files are skipped with a warning. Default 2 MiB. */
  maxFileSize?: number;
}

export interface WalkedFile {
  abs: string;
  /** Relative to root, forward slashes. */
  rel: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
}

let picomatch: typeof Picomatch | undefined;

/** Load the glob engine (picomatch); only walks with include/exclude globs need it, so start-up skips it. */
export async function loadGlobEngine(): Promise<void> {
  picomatch ??= (await import('picomatch')).default;
}

/** Compile a glob (after `loadGlobEngine()`); a malformed one is a UsageError (exit 2) naming it. */
export function compileGlob(glob: string, where: string): (p: string) => boolean {
  if (!picomatch) throw new Error('compileGlob before loadGlobEngine()');
  let re: RegExp;
  try {
    re = picomatch.makeRe(glob, { strictBrackets: true, dot: true });
  } catch (e) {
    throw new UsageError(`bad glob "${glob}" in ${where}: ${(e as Error).message}`);
  }
  if (re.source === '$^') throw new UsageError(`bad glob "${glob}" in ${where}: it can never match`);
  // A glob without a slash matches the basename anywhere (like .gitignore), else the whole relative path.
  const base = !glob.includes('/');
  return (p) => re.test(p) || (base && re.test(p.slice(p.lastIndexOf('/') + 1)));
}

function matcher(globs: string[] | undefined, where: string): ((p: string) => boolean) | undefined {
  if (!globs || globs.length === 0) return undefined;
  const fns = globs.map((g) => compileGlob(g, where));
  return (p) => fns.some((f) => f(p));
}

interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

function loadIgnore(dir: string): IgnoreLayer | undefined {
  try {
    return { dir, ig: ignore().add(readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** .gitignore files of the folders above `dir`, up to the one holding `.git` (at most 20 levels). */
function ancestorIgnores(dir: string): IgnoreLayer[] {
  const out: IgnoreLayer[] = [];
  let d = path.dirname(dir);
  for (let i = 0; i < 20; i++) {
    const l = loadIgnore(d);
    if (l) out.unshift(l);
    if (exists(path.join(d, '.git'))) break;
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

/** Is `abs` ignored by one of `layers` (each tests the path relative to its own folder, as git does)? */
function ignored(layers: readonly IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const { dir, ig } of layers) {
    const rel = slash(path.relative(dir, abs));
    if (!rel || rel.startsWith('..')) continue;
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

const slash = path.sep === '/' ? (p: string): string => p : (p: string): string => p.split(path.sep).join('/');
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * One folder being walked. The relative paths every test needs (to the root, to the config folder, to each
 * .gitignore's folder) are computed once per folder; an entry's is the folder's plus `/name`, which is what
 * `path.relative` gives for a child of the folder (a child of a folder is never one of these folders).
 */
interface Frame {
  dir: string;
  real: string;
  entries: Dirent[];
  next: number;
  layers: IgnoreLayer[];
  /** relative(layer.dir, dir) with forward slashes, per layer ('' for the layer's own folder). */
  layerRel: string[];
  /** relative(root, dir), platform separators. */
  rootRel: string;
  /** relative(configDir, dir), platform separators (only when config globs are given). */
  cfgRel: string;
}

const under = (base: string, name: string, sep: string): string => (base ? `${base}${sep}${name}` : name);

/**
 * The files to scan under `paths` (files or folders). Missing path: InputError. Honours nested .gitignore files,
 * include/exclude globs, skips vendored folders (info Diagnostic each), never follows a symlink into a folder it has
 * already visited.
 *
 * Synchronous file-system calls, one folder at a time: on a warm cache a `readdirSync` costs a few microseconds
 * and an async call (a round trip through libuv's thread pool) several times that, and on a cold cache the walk
 * is as fast as ripgrep's (measured: docs/scan.md, "Performance"). No stat per file: the entry's type comes with
 * `readdir`; only symlinks are stat'ed, and only links and named paths are resolved with `realpath`.
 */
export async function walk(paths: string[], opts: WalkOptions): Promise<{ files: WalkedFile[]; diagnostics: Diagnostic[] }> {
  if (opts.include?.length || opts.exclude?.length || opts.configInclude?.length || opts.configExclude?.length) await loadGlobEngine();
  return walkSync(paths, opts);
}

function walkSync(paths: string[], opts: WalkOptions): { files: WalkedFile[]; diagnostics: Diagnostic[] } {
  const root = path.resolve(opts.root);
  const include = matcher(opts.include, '--include');
  const exclude = matcher(opts.exclude, '--exclude');
  const cInclude = matcher(opts.configInclude, 'config "include"');
  const cExclude = matcher(opts.configExclude, 'config "exclude"');
  const cdir = path.resolve(opts.configDir ?? root);
  const needCfg = Boolean(cInclude || cExclude);
  const diagnostics: Diagnostic[] = [];
  const files: WalkedFile[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const sep = path.sep;
  const relOf = (raw: string, abs: string): string => toModelPath(slash(raw)) || path.basename(abs);
  const rel = (abs: string): string => relOf(path.relative(root, abs), abs);

  // `raw` = relative(root, abs), `cfg` = relative(configDir, abs), both with platform separators.
  const wanted = (r: string, cfg: string): boolean => {
    const c = needCfg ? toModelPath(slash(cfg)) : '';
    if (exclude?.(r) || cExclude?.(c)) return false;
    if (include && !include(r)) return false;
    if (cInclude && !cInclude(c)) return false;
    return true;
  };

  const addFile = (abs: string, r: string, explicit: boolean, knownReal?: string): void => {
    let real = knownReal ?? abs;
    if (!knownReal) {
      try {
        real = realpathSync(abs);
      } catch {
        real = abs;
      }
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ abs, rel: r, explicit });
  };

  const cannotRead = (dir: string, e: unknown): void => {
    diagnostics.push({ level: 'error', file: rel(dir), message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
  };

  /** Enter folder `dir` (its real path known when it was reached through no link): a frame, or none. */
  const enter = (dir: string, layers: IgnoreLayer[], knownReal: string | undefined): Frame | undefined => {
    let real: string;
    if (knownReal !== undefined) real = knownReal;
    else {
      try {
        real = realpathSync(dir);
      } catch (e) {
        cannotRead(dir, e);
        return undefined;
      }
    }
    if (seenDirs.has(real)) return undefined; // symlink loop or a folder reached twice
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      cannotRead(dir, e);
      return undefined;
    }
    // Only a folder that has a .gitignore entry is asked for one (no failed open per folder).
    const own = entries.some((e) => e.name === '.gitignore') ? loadIgnore(dir) : undefined;
    const here = own ? [...layers, own] : layers;
    entries.sort(byName);
    return {
      dir,
      real,
      entries,
      next: 0,
      layers: here,
      layerRel: here.map((l) => slash(path.relative(l.dir, dir))),
      rootRel: path.relative(root, dir),
      cfgRel: needCfg ? path.relative(cdir, dir) : '',
    };
  };

  /** `ignored()` for an entry of the frame's folder, from the per-folder relative paths. */
  const ignoredIn = (f: Frame, name: string, isDir: boolean): boolean => {
    for (let i = 0; i < f.layers.length; i++) {
      const r = under(f.layerRel[i]!, name, '/');
      if (r.startsWith('..')) continue;
      if (f.layers[i]!.ig.ignores(isDir ? `${r}/` : r)) return true;
    }
    return false;
  };

  const walkDir = (top: string, topLayers: IgnoreLayer[]): void => {
    const first = enter(top, topLayers, undefined);
    if (!first) return;
    const stack: Frame[] = [first];
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (f.next >= f.entries.length) {
        stack.pop();
        continue;
      }
      const ent = f.entries[f.next++]!;
      const name = ent.name;
      const abs = f.dir.endsWith(sep) ? f.dir + name : f.dir + sep + name;
      const link = ent.isSymbolicLink();
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (link) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (VENDORED.has(name)) {
          if (name !== '.git' && name !== '__pycache__') diagnostics.push({ level: 'info', file: rel(abs), message: 'vendored folder skipped' });
          continue;
        }
        if (ignoredIn(f, name, true)) continue;
        // A child folder can be the root itself or above it (`scan ..`): path.relative, not concatenation.
        const r = rel(abs);
        if (exclude?.(r) || cExclude?.(toModelPath(slash(path.relative(cdir, abs))))) continue;
        const child = enter(abs, f.layers, link ? undefined : f.real + (f.real.endsWith(sep) ? '' : sep) + name);
        if (child) stack.push(child);
      } else if (isFile) {
        if (name === '.gitignore' || ignoredIn(f, name, false)) continue;
        const r = relOf(under(f.rootRel, name, sep), abs);
        if ((include || exclude || needCfg) && !wanted(r, under(f.cfgRel, name, sep))) continue;
        addFile(abs, r, false, link ? undefined : f.real + (f.real.endsWith(sep) ? '' : sep) + name);
      }
    }
  };

  const given = paths.length ? paths : ['.'];
  const unreadable: string[] = [];
  for (const p of given) {
    const abs = path.resolve(root, p);
    let st;
    try {
      st = statSync(abs);
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
      let layers = ancestorIgnores(abs);
      // A folder named on the command line is scanned even when a .gitignore above it ignores it (like ripgrep
      // searching an explicit path); the rules inside it still apply.
      if (layers.length && ignored(layers, abs, true)) {
        diagnostics.push({ level: 'info', file: rel(abs), message: 'ignored by a .gitignore above it; scanned because it was named explicitly' });
        layers = [];
      }
      walkDir(abs, layers);
    }
    else if (st.isFile()) addFile(abs, rel(abs), true);
    // A FIFO or device would block the read forever.
    else diagnostics.push({ level: 'info', file: rel(abs), message: 'not a regular file; skipped' });
  }
  return { files, diagnostics };
}

/** Run `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
