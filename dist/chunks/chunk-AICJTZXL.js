import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/scan/events.ts
function substitute(key, subst) {
  if (!subst) return key;
  return key.replace(/\$\{([^}]*)\}/g, (m, v) => subst[v] ?? m);
}
function snippet(text) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}
function normKey(k) {
  let s = k.replace(/\\\\?/g, "/").replace(/\/{2,}/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  return s;
}
function samePath(a, b) {
  return a !== void 0 && b !== void 0 && a !== "" && normKey(a) === normKey(b);
}
function isUnder(lib, dir) {
  if (!lib || !dir) return false;
  const l = normKey(lib);
  const d = normKey(dir).replace(/\/$/, "");
  return d !== "" && l.startsWith(`${d}/`);
}

export {
  substitute,
  snippet,
  normKey,
  samePath,
  isUnder
};
