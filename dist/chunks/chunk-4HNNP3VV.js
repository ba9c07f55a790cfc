import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  dllBasename
} from "./chunk-GQQAAGHG.js";

// src/model/join.ts
var LIB_EXT = /\.(dll|so(\.\d+)*|node|dylib|bundle|pyd|oo?)$/i;
function libraryKey(path) {
  return dllBasename(path).replace(LIB_EXT, "");
}
function joinFindings(findings) {
  const staticByKey = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.kind !== "static" || !f.dll) continue;
    const key = libraryKey(f.dll);
    if (!key) continue;
    const list = staticByKey.get(key) ?? [];
    list.push(f);
    staticByKey.set(key, list);
  }
  if (staticByKey.size === 0) return [...findings];
  const extraForStatic = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    if (f.kind === "static" || !f.dll) {
      out.push(f);
      continue;
    }
    const matches = staticByKey.get(libraryKey(f.dll));
    if (!matches) {
      out.push(f);
      continue;
    }
    const evidence = [...f.evidence];
    for (const s of matches) {
      for (const e of s.evidence) {
        if (e.role !== "load" && e.role !== "delete" && e.role !== "replace") continue;
        if (!evidence.some((x) => x.file === e.file && x.line === e.line && x.role === e.role)) evidence.push(e);
      }
      const back = {
        role: f.kind === "runtime" ? "fork-failure" : "fork",
        file: f.file,
        line: f.line,
        text: f.kind === "runtime" ? `failed at run time: ${f.message}` : `predicted: ${f.message}`
      };
      extraForStatic.set(s, [...extraForStatic.get(s) ?? [], back]);
    }
    out.push({
      ...f,
      evidence,
      properties: { ...f.properties, joinedWith: matches.map((s) => `${s.file}:${s.line}`).join(", ") }
    });
  }
  return out.map((f) => {
    const extra = extraForStatic.get(f);
    return extra ? { ...f, evidence: [...f.evidence, ...extra], properties: { ...f.properties, confirmed: true } } : f;
  });
}

export {
  libraryKey,
  joinFindings
};
