import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  normKey,
  snippet
} from "./chunk-AICJTZXL.js";

// src/scan/frontends/common.ts
var EventSink = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  events = [];
  functions = /* @__PURE__ */ new Set();
  params = {};
  loopId = 0;
  fn;
  loops = [];
  /** Path keys known to be fresh per run (from Bindings): rebuilding there is not "to the same path". */
  uniqueKeys = /* @__PURE__ */ new Set();
  deferred = false;
  add(kind, call, line, column, extra = {}) {
    const e = {
      kind,
      call,
      line,
      column,
      text: snippet(this.lines[line - 1] ?? call),
      loops: [...this.loops],
      ...this.fn !== void 0 ? { fn: this.fn } : {},
      ...this.deferred ? { deferred: true } : {},
      ...extra
    };
    if (e.path !== void 0) {
      e.path = normKey(e.path);
      if (e.unique === void 0 && isUniqueKey(e.path, this.uniqueKeys)) e.unique = true;
    }
    this.events.push(e);
    return e;
  }
  inFunction(name, body) {
    const [fn, loops] = [this.fn, this.loops];
    this.functions.add(name);
    this.fn = name;
    this.loops = [];
    try {
      return body();
    } finally {
      this.fn = fn;
      this.loops = loops;
    }
  }
  inLoop(body) {
    const loops = this.loops;
    this.loops = [...loops, ++this.loopId];
    try {
      return body();
    } finally {
      this.loops = loops;
    }
  }
  inDeferred(body) {
    const d = this.deferred;
    this.deferred = true;
    try {
      return body();
    } finally {
      this.deferred = d;
    }
  }
  result() {
    return { events: this.events, functions: [...this.functions], params: this.params };
  }
};
var Bindings = class _Bindings {
  map = /* @__PURE__ */ new Map();
  unique = /* @__PURE__ */ new Set();
  /** Keys bound from a fresh-name source (mkstemp, uuid ...). */
  uniqueKeys = /* @__PURE__ */ new Set();
  static ref(scope, name) {
    return scope === void 0 ? `\${${name}}` : `\${${name}@${scope}}`;
  }
  set(scope, name, key, unique = false) {
    if (/^\$\{[^}]*\(.*\}$/.test(key) && !key.slice(2, -1).includes("${")) key = _Bindings.ref(scope, name);
    const k = `${scope ?? ""}\0${name}`;
    const old = this.map.get(k);
    if (old === void 0) this.map.set(k, key);
    else if (old !== key) this.map.set(k, null);
    if (unique) {
      this.unique.add(k);
      this.uniqueKeys.add(key);
    }
  }
  /** A function parameter: its value comes from the call (substituted in the trace). */
  param(scope, name) {
    this.map.set(`${scope}\0${name}`, null);
  }
  /** Resolve `name` as seen from `scope` (then the file scope). */
  get(scope, name) {
    if (scope !== void 0) {
      const v = this.map.get(`${scope}\0${name}`);
      if (v === null) return _Bindings.ref(scope, name);
      if (v !== void 0) return v;
    }
    const g = this.map.get(`\0${name}`);
    return g ?? `\${${name}}`;
  }
};
var UNIQUE_SOURCES = /\b(mkstemp|mkdtemp|mktemp|tmpnam|tempnam|NamedTemporaryFile|uuid\w*|randomUUID|getpid|time|Time\.now|Date\.now|counter|rand\w*|\$\$|\$RANDOM|Dir\.mktmpdir|Tempfile|os\.tmpdir\(\)\s*\+|tmpfile)\b/;
function isUniqueKey(key, known) {
  if (known.has(key)) return true;
  for (const k of known) if (key.startsWith(`${k}`) && k.startsWith("${")) return true;
  for (const m of key.matchAll(/\$\{([^}]*)\}/g)) if (UNIQUE_SOURCES.test(m[1])) return true;
  return false;
}
function lineOf(node) {
  return node.startPosition.row + 1;
}
function colOf(node) {
  return node.startPosition.column + 1;
}

export {
  EventSink,
  Bindings,
  UNIQUE_SOURCES,
  lineOf,
  colOf
};
