import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/scan/treesitter.ts
import { readFile } from "node:fs/promises";
import { setFlagsFromString } from "node:v8";

// src/scan/assets.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
var SOURCES = {
  "tree-sitter.wasm": "web-tree-sitter/tree-sitter.wasm",
  "tree-sitter-make.wasm": "tree-sitter-make/tree-sitter-make.wasm"
};
var assetsDir;
function findAssetsDir() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const a = path.join(dir, "assets");
    if (existsSync(path.join(a, "tree-sitter.wasm"))) return a;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}
function assetPath(name) {
  if (assetsDir === void 0) assetsDir = findAssetsDir();
  if (assetsDir) {
    const p = path.join(assetsDir, name);
    if (existsSync(p)) return p;
  }
  const spec = SOURCES[name] ?? `tree-sitter-wasms/out/${name}`;
  try {
    return createRequire(import.meta.url).resolve(spec);
  } catch {
    throw new Error(`grammar file ${name} not found (looked in ${assetsDir ?? "no assets/ folder"} and node_modules/${spec})`);
  }
}

// src/scan/treesitter.ts
var mod;
var languages = /* @__PURE__ */ new Map();
var parsers = /* @__PURE__ */ new Map();
var loading = Promise.resolve();
function memoizeNodeGetters(proto) {
  for (const name of ["type", "text"]) {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    const get = desc?.get;
    if (!get || get.memoized) continue;
    const slot = Symbol(name);
    const memo = function() {
      const v = this[slot];
      if (v !== void 0) return v;
      return this[slot] = get.call(this);
    };
    memo.memoized = true;
    Object.defineProperty(proto, name, { ...desc, get: memo });
  }
}
function runtime() {
  mod ??= (async () => {
    setFlagsFromString("--liftoff-only");
    const m = await import("./tree-sitter-W6TQKEB4.js");
    memoizeNodeGetters(m.Node.prototype);
    const wasm = await readFile(assetPath("tree-sitter.wasm"));
    await m.Parser.init({ wasmBinary: wasm });
    return m;
  })();
  return mod;
}
async function parserFor(grammar) {
  const cached = parsers.get(grammar);
  if (cached) return cached;
  const m = await runtime();
  let lang = languages.get(grammar);
  if (!lang) {
    const file = assetPath(`tree-sitter-${grammar}.wasm`);
    lang = loading.then(async () => m.Language.load(await readFile(file)));
    loading = lang.catch(() => void 0);
    languages.set(grammar, lang);
  }
  const language = await lang;
  const p = parsers.get(grammar) ?? new m.Parser();
  p.setLanguage(language);
  parsers.set(grammar, p);
  return p;
}
async function parse(grammar, text) {
  const p = await parserFor(grammar);
  const tree = p.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse (${grammar})`);
  return tree.rootNode;
}

export {
  parserFor,
  parse
};
