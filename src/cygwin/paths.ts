/**
 * Windows ⇄ POSIX path mapping as Cygwin (and MSYS2) does it, for paths read from logs. Pure string functions:
 * no file system access, so they behave the same on Linux and Windows.
 */

export interface PathMapOptions {
  /** The Windows folder of the Cygwin root, e.g. `C:\cygwin64` (default) or `D:\a\_temp\cygwin`. */
  root?: string;
  /** `cygdrive` maps `C:\x` to `/cygdrive/c/x` (Cygwin); `msys` to `/c/x` (MSYS2, Git for Windows). */
  driveStyle?: 'cygdrive' | 'msys';
}

const DEFAULT_ROOT = 'C:\\cygwin64';

/** Strip NT and Win32 namespace prefixes (`\??\`, `\\?\`, `\\.\`, `\??\UNC\`) and normalise separators to `\`. */
export function normalizeWindowsPath(p: string): string {
  let s = p.trim().replace(/\//g, '\\');
  const unc = /^\\(?:\?\?|\\\?)\\UNC\\/i.exec(s);
  if (unc) s = `\\\\${s.slice(unc[0].length)}`;
  else s = s.replace(/^\\(?:\?\?|\\\?|\\\.)\\(?=[A-Za-z]:)/, '');
  if (/^[a-z]:/.test(s)) s = s[0]!.toUpperCase() + s.slice(1);
  return s.replace(/(?<!^)\\{2,}/g, '\\');
}

export function isWindowsPath(p: string): boolean {
  return /^(?:\\\?\?\\|\\\\\?\\)?[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\]/.test(p) || /^\\\?\?\\UNC\\/i.test(p);
}

function trimRoot(root: string): string {
  return normalizeWindowsPath(root).replace(/\\+$/, '');
}

/** `C:\cygwin64\home\me\x.dll` → `/home/me/x.dll`; `D:\src\x.dll` → `/cygdrive/d/src/x.dll`. */
export function windowsToPosix(p: string, opts: PathMapOptions = {}): string {
  const s = normalizeWindowsPath(p);
  const root = trimRoot(opts.root ?? DEFAULT_ROOT);
  if (s.toLowerCase() === root.toLowerCase()) return '/';
  if (s.toLowerCase().startsWith(`${root.toLowerCase()}\\`)) return s.slice(root.length).replace(/\\/g, '/');
  const drive = /^([A-Za-z]):(?:\\(.*))?$/.exec(s);
  if (drive) {
    const letter = drive[1]!.toLowerCase();
    const rest = (drive[2] ?? '').replace(/\\/g, '/');
    const prefix = opts.driveStyle === 'msys' ? `/${letter}` : `/cygdrive/${letter}`;
    return rest ? `${prefix}/${rest}` : prefix;
  }
  if (s.startsWith('\\\\')) return `//${s.slice(2).replace(/\\/g, '/')}`;
  return s.replace(/\\/g, '/');
}

/** `/home/me/x.dll` → `C:\cygwin64\home\me\x.dll`; `/cygdrive/d/x` (or `/d/x` for msys) → `D:\x`. */
export function posixToWindows(p: string, opts: PathMapOptions = {}): string {
  const root = trimRoot(opts.root ?? DEFAULT_ROOT);
  const drive =
    /^\/cygdrive\/([A-Za-z])(?:\/(.*))?$/.exec(p) ?? (opts.driveStyle === 'msys' ? /^\/([A-Za-z])(?:\/(.*))?$/.exec(p) : null);
  if (drive) return `${drive[1]!.toUpperCase()}:\\${(drive[2] ?? '').replace(/\//g, '\\')}`;
  if (p.startsWith('//')) return `\\\\${p.slice(2).replace(/\//g, '\\')}`;
  if (p === '/') return root;
  if (p.startsWith('/')) return `${root}${p.replace(/\//g, '\\')}`;
  return p.replace(/\//g, '\\');
}

/**
 * Guess the Cygwin root from Windows paths seen in a log: the folder above `\bin\cygwin1.dll`, `\bin\msys-2.0.dll`,
 * `\bin\bash.exe` or `\home\`. Returns undefined when nothing tells.
 */
export function guessRoot(paths: Iterable<string>): string | undefined {
  for (const raw of paths) {
    const s = normalizeWindowsPath(raw);
    const m = /^(.*?)\\(?:usr\\)?bin\\(?:cygwin1\.dll|msys-2\.0\.dll|bash\.exe|sh\.exe)$/i.exec(s) ?? /^(.*?)\\home\\/i.exec(s);
    if (m && /^[A-Z]:/.test(m[1]!)) return m[1];
  }
  return undefined;
}
