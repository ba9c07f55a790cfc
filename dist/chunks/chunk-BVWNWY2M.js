import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/cygwin/version.ts
function formatVersion(v) {
  return `${v.major}.${v.minor}.${v.patch}`;
}
function parseVersion(s) {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?(?:[-(.].*)?$/.exec(s);
  if (!m) return void 0;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}
function parseStraceDllVersion(s) {
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(s);
  if (!m) return void 0;
  const n = Number(m[1]);
  if (n < 1e3) return { major: n, minor: Number(m[2]), patch: 0 };
  return { major: Math.floor(n / 1e3), minor: n % 1e3, patch: Number(m[2]) };
}
function findVersionInLine(line) {
  let m = /DLL version:\s+(\d{4,}\.\d+)\b/.exec(line);
  if (m) return parseStraceDllVersion(m[1]);
  m = /DLL version:\s+(\d+\.\d+\.\d+)\b/.exec(line);
  if (m) return parseVersion(m[1]);
  m = /\b(?:CYGWIN|MSYS|MINGW(?:32|64)?|UCRT64|CLANG64)_NT-[\w.-]+\s+\S+\s+(\d+\.\d+\.\d+)(?:-[\w.]+)?\b/.exec(line);
  if (m) return parseVersion(m[1]);
  m = /^\s*(\d+\.\d+\.\d+)-\d+\.(?:x86_64|i686|aarch64|unknown)\s*$/.exec(line);
  if (m) return parseVersion(m[1]);
  m = /^\s*cygwin\s+(\d+\.\d+\.\d+)-\d+\s+OK\b/.exec(line);
  if (m) return parseVersion(m[1]);
  m = /\bcygwin-(\d+\.\d+\.\d+)-\d+\b/.exec(line);
  if (m) return parseVersion(m[1]);
  return void 0;
}
function compareVersions(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
function atLeast(v, min) {
  const m = parseVersion(min);
  if (!m) throw new Error(`bad version ${min}`);
  return compareVersions(v, m) >= 0;
}

export {
  formatVersion,
  parseVersion,
  findVersionInLine,
  compareVersions,
  atLeast
};
