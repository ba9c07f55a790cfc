import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  parserFor
} from "./chunk-5QJNCRCM.js";
import {
  languageOf
} from "./chunk-KSXVKZTT.js";
import "./chunk-GHFI43B4.js";

// src/scan/prefetch.ts
import { statSync } from "node:fs";
import path from "node:path";
var GRAMMAR = { c: "c", cpp: "cpp", python: "python", ruby: "ruby", shell: "bash", lua: "lua", make: "make" };
function prefetchForFiles(paths, cwd) {
  if (paths.length === 0 || paths.length > 8) return;
  const langs = /* @__PURE__ */ new Set();
  for (const p of paths) {
    try {
      const abs = path.resolve(cwd, p);
      if (!statSync(abs).isFile()) continue;
      const lang = languageOf(abs);
      if (lang) langs.add(lang);
    } catch {
    }
  }
  for (const lang of langs) {
    const grammar = GRAMMAR[lang];
    if (grammar) parserFor(grammar).catch(() => void 0);
  }
}
export {
  prefetchForFiles
};
