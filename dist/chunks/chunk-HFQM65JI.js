import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/cygwin/paths.ts
var DEFAULT_ROOT = "C:\\cygwin64";
function normalizeWindowsPath(p) {
  let s = p.trim().replace(/\//g, "\\");
  const unc = /^\\(?:\?\?|\\\?)\\UNC\\/i.exec(s);
  if (unc) s = `\\\\${s.slice(unc[0].length)}`;
  else s = s.replace(/^\\(?:\?\?|\\\?|\\\.)\\(?=[A-Za-z]:)/, "");
  if (/^[a-z]:/.test(s)) s = s[0].toUpperCase() + s.slice(1);
  return s.replace(/(?<!^)\\{2,}/g, "\\");
}
function isWindowsPath(p) {
  return /^(?:\\\?\?\\|\\\\\?\\)?[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\]/.test(p) || /^\\\?\?\\UNC\\/i.test(p);
}
function trimRoot(root) {
  return normalizeWindowsPath(root).replace(/\\+$/, "");
}
function windowsToPosix(p, opts = {}) {
  const s = normalizeWindowsPath(p);
  const root = trimRoot(opts.root ?? DEFAULT_ROOT);
  if (s.toLowerCase() === root.toLowerCase()) return "/";
  if (s.toLowerCase().startsWith(`${root.toLowerCase()}\\`)) return s.slice(root.length).replace(/\\/g, "/");
  const drive = /^([A-Za-z]):(?:\\(.*))?$/.exec(s);
  if (drive) {
    const letter = drive[1].toLowerCase();
    const rest = (drive[2] ?? "").replace(/\\/g, "/");
    const prefix = opts.driveStyle === "msys" ? `/${letter}` : `/cygdrive/${letter}`;
    return rest ? `${prefix}/${rest}` : prefix;
  }
  if (s.startsWith("\\\\")) return `//${s.slice(2).replace(/\\/g, "/")}`;
  return s.replace(/\\/g, "/");
}
function guessRoot(paths) {
  for (const raw of paths) {
    const s = normalizeWindowsPath(raw);
    const m = /^(.*?)\\(?:usr\\)?bin\\(?:cygwin1\.dll|msys-2\.0\.dll|bash\.exe|sh\.exe)$/i.exec(s) ?? /^(.*?)\\home\\/i.exec(s);
    if (m && /^[A-Z]:/.test(m[1])) return m[1];
  }
  return void 0;
}

export {
  normalizeWindowsPath,
  isWindowsPath,
  windowsToPosix,
  guessRoot
};
