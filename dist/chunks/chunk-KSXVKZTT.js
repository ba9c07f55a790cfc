import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/scan/languages.ts
import path from "node:path";
var BY_EXT = {
  ".c": "c",
  ".h": "c",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".c++": "cpp",
  ".hpp": "cpp",
  ".hh": "cpp",
  ".hxx": "cpp",
  ".py": "python",
  ".pyw": "python",
  ".rb": "ruby",
  ".rake": "ruby",
  ".sh": "shell",
  ".bash": "shell",
  ".ksh": "shell",
  ".bats": "shell",
  ".lua": "lua",
  ".mk": "make",
  ".mak": "make",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "typescript",
  ".scm": "scheme",
  ".ss": "scheme",
  ".sld": "scheme",
  ".sls": "scheme",
  ".rkt": "scheme",
  ".lisp": "scheme",
  ".lsp": "scheme",
  ".el": "scheme",
  ".stub": "scheme",
  ".pl": "perl",
  ".pm": "perl",
  ".t": "perl",
  ".tcl": "tcl",
  ".test": "tcl"
};
var BY_NAME = { makefile: "make", gnumakefile: "make", "makefile.in": "make", rakefile: "ruby", gemfile: "ruby" };
var AMBIGUOUS = /* @__PURE__ */ new Set([".test", ".t"]);
function languageOf(file, firstLine = "") {
  const base = path.basename(file).toLowerCase();
  if (BY_NAME[base]) return BY_NAME[base];
  if (base.endsWith(".d.ts")) return void 0;
  const ext = path.extname(base);
  const lang = BY_EXT[ext];
  if (lang && !(AMBIGUOUS.has(ext) && firstLine.startsWith("#!"))) return lang;
  const m = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(\S+)/.exec(firstLine);
  if (m) {
    const i = m[1].replace(/[\d.]+$/, "");
    if (i === "sh" || i === "bash" || i === "dash" || i === "ksh" || i === "zsh") return "shell";
    if (i === "python") return "python";
    if (i === "perl") return "perl";
    if (i === "ruby") return "ruby";
    if (i === "lua") return "lua";
    if (i === "node") return "javascript";
    if (i === "tclsh" || i === "wish") return "tcl";
    if (i === "chibi-scheme" || i === "guile" || i === "racket" || i === "gosh" || i === "csi") return "scheme";
  }
  return lang;
}
function firstLineMatters(file) {
  const base = path.basename(file).toLowerCase();
  if (BY_NAME[base] || base.endsWith(".d.ts")) return false;
  const ext = path.extname(base);
  return !BY_EXT[ext] || AMBIGUOUS.has(ext);
}
var COMMENT = {
  c: /\/\/|\/\*/,
  cpp: /\/\/|\/\*/,
  javascript: /\/\/|\/\*/,
  typescript: /\/\/|\/\*/,
  python: /#/,
  ruby: /#/,
  shell: /#/,
  make: /#/,
  perl: /#/,
  tcl: /#/,
  lua: /--/,
  scheme: /;|#\|/
};
var PREFILTER = {
  c: ["dlopen", "LoadLibrary", "lt_dlopen", "g_module_open", "uv_dlopen"],
  cpp: ["dlopen", "LoadLibrary", "lt_dlopen", "g_module_open", "uv_dlopen"],
  python: ["CDLL", "PyDLL", "WinDLL", "OleDLL", "LoadLibrary", "dlopen", "spec_from_file_location", "load_dynamic", "ExtensionFileLoader"],
  ruby: ["dlopen", "ffi_lib", "require", "load", "DL."],
  shell: ["enable", "LD_PRELOAD"],
  lua: ["loadlib", "require"],
  make: ["load"],
  javascript: ["require", "dlopen", "ffi", "koffi", "import"],
  typescript: ["require", "dlopen", "ffi", "koffi", "import"],
  scheme: ["load", "dlopen", "ffi-lib", "dynamic-link", "foreign-library", "require-extension"],
  perl: ["DynaLoader", "XSLoader", "dl_load_file", "FFI::", "Platypus", "FFI::Raw"],
  tcl: ["load"]
};
function searches(words) {
  const kept = words.filter((w, i) => !words.some((o, j) => j !== i && w.includes(o) && (o !== w || j < i)));
  const byTail = /* @__PURE__ */ new Map();
  const plain = [];
  for (const w of kept) {
    const m = /^(.+)([A-Z]{3})$/.exec(w);
    if (!m) {
      plain.push({ needle: Buffer.from(w, "latin1"), heads: [] });
      continue;
    }
    const heads = byTail.get(m[2]) ?? [];
    heads.push(Buffer.from(m[1], "latin1"));
    byTail.set(m[2], heads);
  }
  return [...[...byTail].map(([tail, heads]) => ({ needle: Buffer.from(tail, "latin1"), heads })), ...plain];
}
var PREFILTER_SEARCHES = Object.fromEntries(Object.entries(PREFILTER).map(([lang, words]) => [lang, searches(words)]));
function found(buf, s) {
  if (s.heads.length === 0) return buf.includes(s.needle);
  for (let i = buf.indexOf(s.needle); i >= 0; i = buf.indexOf(s.needle, i + 1)) {
    for (const h of s.heads) if (i >= h.length && buf.compare(h, 0, h.length, i - h.length, i) === 0) return true;
  }
  return false;
}
function prefilterBytes(lang, buf) {
  for (const s of PREFILTER_SEARCHES[lang]) if (found(buf, s)) return true;
  return false;
}

export {
  languageOf,
  firstLineMatters,
  COMMENT,
  prefilterBytes
};
