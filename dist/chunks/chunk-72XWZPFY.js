import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  Bindings,
  EventSink,
  UNIQUE_SOURCES
} from "./chunk-32NCIY7H.js";

// src/scan/frontends/linebased.ts
function lineFrontEnd(lines, lang, interpolate) {
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const fnNames = /* @__PURE__ */ new Set();
  const codes = lines.map((l) => lang.code(l));
  let scope;
  const key = (expr) => interpolate(expr.trim(), (v) => b.get(scope, v));
  let depth = 0;
  let fnDepth = -1;
  codes.forEach((c) => {
    const m = lang.fnOpen.exec(c);
    if (m && fnDepth < 0) {
      scope = m[1];
      fnNames.add(m[1]);
      fnDepth = depth;
    }
    lang.bind(c, { set: (name, expr) => b.set(scope, name, key(expr), UNIQUE_SOURCES.test(expr)) });
    depth += braceDelta(c);
    if (fnDepth >= 0 && depth <= fnDepth) {
      fnDepth = -1;
      scope = void 0;
    }
  });
  scope = void 0;
  depth = 0;
  const stack = [];
  const api = { key, add: sink.add.bind(sink), fnNames };
  codes.forEach((c, i) => {
    const line = i + 1;
    const fm = lang.fnOpen.exec(c);
    const opens = braceDelta(c) > 0;
    lang.scan(c, line, api);
    if (opens) {
      if (fm) {
        const [fn, loops, oldScope] = [sink.fn, sink.loops, scope];
        sink.functions.add(fm[1]);
        sink.fn = fm[1];
        scope = fm[1];
        sink.loops = [];
        stack.push({ depth, kind: "fn", restore: () => (sink.fn = fn, sink.loops = loops, scope = oldScope) });
      } else if (lang.deferredOpen?.test(c)) {
        const d = sink.deferred;
        sink.deferred = true;
        stack.push({ depth, kind: "deferred", restore: () => sink.deferred = d });
      } else if (lang.loopOpen.test(c)) {
        const loops = sink.loops;
        sink.loops = [...loops, 1e6 + line];
        stack.push({ depth, kind: "loop", restore: () => sink.loops = loops });
      }
    }
    depth += braceDelta(c);
    while (stack.length && depth <= stack[stack.length - 1].depth) stack.pop().restore();
  });
  return sink.result();
}
function braceDelta(code) {
  let d = 0;
  let q = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (q) {
      if (c === "\\") i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === "{") d++;
    else if (c === "}") d--;
  }
  return d;
}
function splitArgs(s) {
  const out = [];
  let depth = 0;
  let q = null;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      cur += c;
      if (c === "\\") cur += s[++i] ?? "";
      else if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    if (c === "(" || c === "[" || c === "{") depth++;
    if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) break;
      depth--;
    }
    if ((c === "," || c === ";") && depth === 0) {
      if (c === ";") break;
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export {
  lineFrontEnd,
  splitArgs
};
