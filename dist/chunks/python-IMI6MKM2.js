import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  commandEffects,
  splitWords
} from "./chunk-QQEAJKWZ.js";
import {
  parse
} from "./chunk-5QJNCRCM.js";
import {
  Bindings,
  EventSink,
  UNIQUE_SOURCES,
  colOf,
  lineOf
} from "./chunk-32NCIY7H.js";
import "./chunk-AICJTZXL.js";
import "./chunk-GHFI43B4.js";

// src/scan/frontends/python.ts
function paramNames(fn) {
  const out = [];
  for (const p of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!p) continue;
    const id = p.type === "identifier" ? p : p.childForFieldName("name") ?? p.namedChildren.find((c) => c?.type === "identifier");
    out.push(id?.text ?? "");
  }
  return out;
}
var LOAD_LAST = /^(?:CDLL|PyDLL|WinDLL|OleDLL|LoadLibrary|dlopen)$/;
var FORKING = /^(?:subprocess\.\w+|(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|os\.fork|os\.forkpty|os\.popen|os\.spawn\w*|os\.posix_spawnp?|multiprocessing\.Process|Process|pty\.spawn|pool\.\w+|multiprocessing\.Pool|asyncio\.create_subprocess_\w+)$/;
var NO_FORK = /^(?:os\.system|system|os\.exec\w+)$/;
var args = (call) => (call.childForFieldName("arguments")?.namedChildren ?? []).filter((x) => !!x && x.type !== "keyword_argument" && x.type !== "comment");
var kwarg = (call, name) => call.childForFieldName("arguments")?.namedChildren.find((x) => x?.type === "keyword_argument" && x.childForFieldName("name")?.text === name)?.childForFieldName("value") ?? void 0;
function strLit(n, key) {
  if (n.type === "concatenated_string") return n.namedChildren.map((c) => c ? strLit(c, key) ?? "" : "").join("");
  if (n.type !== "string") return void 0;
  let s = "";
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === "string_content" || c.type === "escape_sequence") s += c.text;
    else if (c.type === "interpolation") {
      const e = c.childForFieldName("expression") ?? c.namedChildren[0];
      s += e ? key(e) : "";
    }
  }
  if (!n.namedChildren.some((c) => c?.type === "string_content" || c?.type === "interpolation")) {
    const m = /^[a-zA-Z]*(['"]{1,3})([\s\S]*)\1$/.exec(n.text);
    if (m) s = m[2];
  }
  return s;
}
async function pythonFrontEnd(text, lines) {
  const root = await parse("python", text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const tempDirs = /* @__PURE__ */ new Set();
  const handles = /* @__PURE__ */ new Map();
  const atexit = /* @__PURE__ */ new Set();
  let scope;
  const key = (n) => {
    if (!n) return "";
    const s = strLit(n, key);
    if (s !== void 0) return s;
    switch (n.type) {
      case "identifier":
        return b.get(scope, n.text);
      case "parenthesized_expression":
        return key(n.namedChildren[0]);
      case "attribute": {
        const attr = n.childForFieldName("attribute")?.text;
        if (attr === "name" || attr === "path") return key(n.childForFieldName("object"));
        return `\${${n.text}}`;
      }
      case "binary_operator": {
        const op = n.childForFieldName("operator")?.text ?? n.children[1]?.text;
        const [l, r] = [key(n.childForFieldName("left")), key(n.childForFieldName("right"))];
        if (op === "/") return `${l}/${r}`;
        if (op === "+") return `${l}${r}`;
        if (op === "%") return l.replace(/%[-0-9.]*[sdr]/, r);
        return `\${${n.text}}`;
      }
      case "call": {
        const fn = n.childForFieldName("function")?.text ?? "";
        const a = args(n);
        if (/(?:^|\.)(?:join)$/.test(fn) && /path/.test(fn)) return a.map(key).join("/");
        if (/^(?:(?:pathlib\.)?(?:Pure)?(?:Posix|Windows)?Path|str|os\.fspath|os\.path\.abspath|os\.path\.realpath|os\.path\.normpath|os\.fsencode)$/.test(fn) && a.length === 1) return key(a[0]);
        if (/^(?:(?:pathlib\.)?Path)$/.test(fn) && a.length > 1) return a.map(key).join("/");
        if (/\.format$/.test(fn)) {
          let i = 0;
          return key(n.childForFieldName("function").childForFieldName("object")).replace(/\{[^}]*\}/g, () => key(a[i++]));
        }
        return `\${${n.text}}`;
      }
    }
    return `\${${n.text}}`;
  };
  const isUniqueExpr = (n) => UNIQUE_SOURCES.test(n.text);
  const bind = (n) => {
    const old = scope;
    if (n.type === "function_definition") {
      scope = n.childForFieldName("name")?.text;
      if (scope) {
        const ps = paramNames(n);
        ps.forEach((p) => p && b.param(scope, p));
        sink.params[scope] = ps;
      }
    }
    if (scope !== void 0 && (n.type === "as_pattern_target" || n.type === "for_statement" && n.childForFieldName("left")?.type === "identifier")) {
      const id = n.type === "for_statement" ? n.childForFieldName("left") : n.namedChildren[0];
      if (id?.type === "identifier") b.param(scope, id.text);
    }
    if (n.type === "assignment") {
      const l = n.childForFieldName("left");
      const r = n.childForFieldName("right");
      if (l?.type === "identifier" && r) {
        b.set(scope, l.text, key(r), isUniqueExpr(r));
        if (r.type === "call" && /TemporaryDirectory$/.test(r.childForFieldName("function")?.text ?? "")) tempDirs.add(l.text);
        if (r.type === "call" && LOAD_LAST.test((r.childForFieldName("function")?.text ?? "").replace(/^.*\./, ""))) handles.set(l.text, key(args(r)[0]));
      } else if (l && r && isUniqueExpr(r)) {
        for (const id of l.namedChildren) if (id?.type === "identifier") b.set(scope, id.text, Bindings.ref(scope, id.text), true);
      }
    }
    if (n.type === "call" && /(?:^|\.)atexit\.register$|^register$/.test(n.childForFieldName("function")?.text ?? "")) {
      const a = args(n)[0];
      if (a?.type === "identifier") atexit.add(a.text);
    }
    if (n.type === "decorated_definition" && n.namedChildren.some((d) => d?.type === "decorator" && /atexit\.register/.test(d.text))) {
      const name = n.childForFieldName("definition")?.childForFieldName("name")?.text;
      if (name) atexit.add(name);
    }
    for (const c of n.namedChildren) if (c) bind(c);
    scope = old;
  };
  bind(root);
  const walk = (n) => {
    switch (n.type) {
      case "function_definition": {
        const name = n.childForFieldName("name")?.text ?? "(lambda)";
        const body = () => sink.inFunction(name, () => {
          const old = scope;
          scope = name;
          n.namedChildren.forEach((c) => c && walk(c));
          scope = old;
        });
        if (atexit.has(name)) sink.inDeferred(body);
        else body();
        return;
      }
      case "for_statement":
      case "while_statement":
        sink.inLoop(() => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case "with_statement": {
        const ends = [];
        for (const item of n.descendantsOfType("with_item")) {
          if (!item) continue;
          let value = item.childForFieldName("value");
          let alias = null;
          if (value?.type === "as_pattern") {
            alias = value.childForFieldName("alias")?.namedChildren[0] ?? value.childForFieldName("alias");
            value = value.namedChildren[0] ?? null;
          }
          if (value?.type !== "call") continue;
          walk(value);
          const fn = value.childForFieldName("function")?.text ?? "";
          const name = alias?.text;
          const [line, col] = [lineOf(n), colOf(n)];
          if (/TemporaryDirectory$/.test(fn) && name) {
            const k = Bindings.ref(scope, name);
            b.set(scope, name, k);
            ends.push(() => sink.add("deleteDir", `${fn}() block end`, line, col, { path: k }));
          } else if (/NamedTemporaryFile$/.test(fn) && name && kwarg(value, "delete")?.text !== "False") {
            const k = Bindings.ref(scope, name);
            b.set(scope, name, k);
            ends.push(() => sink.add("delete", `${fn}(delete=True) block end`, line, col, { path: k }));
          }
        }
        const body = n.childForFieldName("body");
        if (body) walk(body);
        ends.reverse().forEach((f) => f());
        return;
      }
      case "call":
        n.namedChildren.forEach((c) => c && walk(c));
        call(n);
        return;
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };
  const commandWords = (n) => {
    if (!n) return [];
    if (n.type === "list" || n.type === "tuple") return [n.namedChildren.map((c) => c ? key(c) : "")];
    const s = strLit(n, key);
    return s !== void 0 ? splitWords(s) : [];
  };
  const call = (n) => {
    const fnNode = n.childForFieldName("function");
    const callee = fnNode?.text ?? "";
    const last = callee.replace(/^.*\./, "");
    const a = args(n);
    const [line, col] = [lineOf(n), colOf(n)];
    const obj = fnNode?.type === "attribute" ? fnNode.childForFieldName("object") : null;
    if (LOAD_LAST.test(last) && (callee === last || /ctypes|cdll|windll|pydll|ffi|CDLL/i.test(callee))) {
      sink.add("load", callee, line, col, { path: key(a[0]) });
    } else if (/(?:^|\.)(?:dlclose|FreeLibrary)$/.test(callee) && a[0]) {
      const h = a[0].type === "attribute" ? a[0].childForFieldName("object")?.text ?? "" : a[0].text;
      sink.add("unload", callee, line, col, { path: handles.get(h) ?? `\${${h}}` });
    } else if (/(?:^|\.)(?:spec_from_file_location|load_dynamic|ExtensionFileLoader)$/.test(callee)) {
      sink.add("load", callee, line, col, { path: key(a[1] ?? a[0]) });
    } else if (/^(?:os\.remove|os\.unlink|remove|unlink)$/.test(callee)) {
      sink.add("delete", callee, line, col, { path: key(a[0]) });
    } else if (last === "unlink" && obj) {
      sink.add("delete", callee, line, col, { path: key(obj) });
    } else if (/^(?:shutil\.rmtree|rmtree)$/.test(callee)) {
      sink.add("deleteDir", callee, line, col, { path: key(a[0]) });
    } else if (last === "cleanup" && obj?.type === "identifier" && tempDirs.has(obj.text)) {
      sink.add("deleteDir", callee, line, col, { path: key(obj) });
    } else if (/^(?:shutil\.(?:copy2?|copyfile|move)|os\.(?:rename|replace|link|symlink)|copy2?|copyfile|move)$/.test(callee)) {
      sink.add("overwrite", callee, line, col, { path: key(a[1]) });
    } else if (callee === "open" && /[wx]/.test(a[1] ? strLit(a[1], key) ?? "" : kwarg(n, "mode")?.text ?? "")) {
      sink.add("overwrite", callee, line, col, { path: key(a[0]) });
    } else if ((last === "write_bytes" || last === "write_text") && obj) {
      sink.add("overwrite", callee, line, col, { path: key(obj) });
    } else if (NO_FORK.test(callee) || FORKING.test(callee)) {
      const forks = !NO_FORK.test(callee);
      sink.add("spawn", callee, line, col, { forks });
      for (const words of commandWords(a[0])) for (const e of commandEffects(words)) sink.add(e.kind, `${callee}(${e.call})`, line, col, { path: e.path });
    } else if (fnNode?.type === "identifier") sink.add("call", callee, line, col, { callee, args: a.map((x) => key(x)) });
  };
  walk(root);
  return sink.result();
}
export {
  pythonFrontEnd
};
