/** Cygwin release numbers as logs show them, and comparisons the recommendations depend on. */

export interface CygwinVersion {
  major: number;
  minor: number;
  patch: number;
}

export function formatVersion(v: CygwinVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** `3.5.4`, `3.5`, `3.5.4-1`, `3.5.4-1.x86_64`, `3.6.0-123-gabcdef012345.x86_64`, `2.11.2(0.329/5/3)`. */
export function parseVersion(s: string): CygwinVersion | undefined {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?(?:[-(.].*)?$/.exec(s);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** strace's banner encodes the DLL version as major*1000+minor: `DLL version:  3005.4` is 3.5.4. */
export function parseStraceDllVersion(s: string): CygwinVersion | undefined {
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 1000) return { major: n, minor: Number(m[2]), patch: 0 };
  return { major: Math.floor(n / 1000), minor: n % 1000, patch: Number(m[2]) };
}

/**
 * Find a Cygwin version in one log line, from the places it shows: `uname -r`/`-a` output, strace's
 * `DLL version:` banner, `cygcheck` (`DLL version: 3.5.4`, `cygwin  3.5.4-1  OK`), setup's `cygwin-3.5.4-1`.
 * MSYS2 runtime versions (`3.5.4-2.x86_64` under `MSYS_NT`) read the same: they follow Cygwin's numbering.
 */
export function findVersionInLine(line: string): CygwinVersion | undefined {
  let m = /DLL version:\s+(\d{4,}\.\d+)\b/.exec(line);
  if (m) return parseStraceDllVersion(m[1]!);
  m = /DLL version:\s+(\d+\.\d+\.\d+)\b/.exec(line);
  if (m) return parseVersion(m[1]!);
  m = /\b(?:CYGWIN|MSYS|MINGW(?:32|64)?|UCRT64|CLANG64)_NT-[\w.-]+\s+\S+\s+(\d+\.\d+\.\d+)(?:-[\w.]+)?\b/.exec(line);
  if (m) return parseVersion(m[1]!);
  m = /^\s*(\d+\.\d+\.\d+)-\d+\.(?:x86_64|i686|aarch64|unknown)\s*$/.exec(line);
  if (m) return parseVersion(m[1]!);
  m = /^\s*cygwin\s+(\d+\.\d+\.\d+)-\d+\s+OK\b/.exec(line);
  if (m) return parseVersion(m[1]!);
  m = /\bcygwin-(\d+\.\d+\.\d+)-\d+\b/.exec(line);
  if (m) return parseVersion(m[1]!);
  return undefined;
}

export function compareVersions(a: CygwinVersion, b: CygwinVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** `atLeast(v, '3.0')`: is v at or after that release? */
export function atLeast(v: CygwinVersion, min: string): boolean {
  const m = parseVersion(min);
  if (!m) throw new Error(`bad version ${min}`);
  return compareVersions(v, m) >= 0;
}
