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

// src/scan/frontends/c.ts
var LOADS = /^(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?|lt_dlopen(?:ext)?|g_module_open|uv_dlopen)$/;
var UNLOADS = /^(?:dlclose|FreeLibrary|lt_dlclose|g_module_close|uv_dlclose)$/;
var DELETES = { unlink: 0, remove: 0, _unlink: 0, DeleteFile: 0, DeleteFileA: 0, DeleteFileW: 0, unlinkat: 1 };
var OVERWRITES = { rename: 1, CopyFile: 1, CopyFileA: 1, CopyFileW: 1, MoveFileEx: 1, MoveFileExA: 1, MoveFileExW: 1, renameat: 3, link: 1, symlink: 1 };
var FORKS = /^(?:fork|vfork|_Fork|posix_spawnp?)$/;
var NO_FORK = /^(?:system|popen|_popen|exec[lv]p?e?|execvpe|spawn[lv]p?e?|_spawn\w+|CreateProcess[AW]?|ShellExecute\w*)$/;
function declName(n) {
  while (n) {
    if (n.type === "identifier" || n.type === "field_identifier") return n.text;
    if (n.type === "qualified_identifier" || n.type === "destructor_name") return n.text;
    n = n.childForFieldName("declarator") ?? n.namedChildren.find((c) => c?.type === "identifier") ?? null;
  }
  return void 0;
}
function literal(n) {
  if (n.type === "string_literal" || n.type === "raw_string_literal") {
    return n.namedChildren.map((c) => c?.type === "escape_sequence" ? c.text.replace(/\\\\/g, "/") : c?.text ?? "").join("");
  }
  if (n.type === "concatenated_string") return n.namedChildren.map((c) => c ? literal(c) ?? `\${${c.text}}` : "").join("");
  return void 0;
}
async function cFrontEnd(text, lines, grammar) {
  const root = await parse(grammar, text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const handles = /* @__PURE__ */ new Map();
  const atexit = /* @__PURE__ */ new Set();
  const key = (n, scope) => {
    if (!n) return "";
    const lit = literal(n);
    if (lit !== void 0) return lit;
    if (n.type === "identifier") return b.get(scope, n.text);
    if (n.type === "parenthesized_expression" || n.type === "cast_expression") return key(n.namedChildren[n.namedChildren.length - 1], scope);
    return `\${${n.text}}`;
  };
  const fmt = (args, scope) => {
    const f = args[0] ? literal(args[0]) : void 0;
    if (f === void 0) return void 0;
    let k = 1;
    return f.replace(/%[-0-9.]*[a-z]+/g, () => key(args[k++], scope));
  };
  const bind = (n, scope) => {
    if (n.type === "function_definition") {
      scope = declName(n.childForFieldName("declarator"));
      const params = n.descendantsOfType("parameter_list")[0]?.namedChildren ?? [];
      if (scope) {
        const names = params.map((p) => p?.type === "parameter_declaration" ? declName(p.childForFieldName("declarator")) ?? "" : "");
        names.forEach((p) => p && b.param(scope, p));
        sink.params[scope] = names;
      }
    }
    let name;
    let value = null;
    if (n.type === "init_declarator") [name, value] = [declName(n.childForFieldName("declarator")), n.childForFieldName("value")];
    else if (n.type === "assignment_expression" && n.childForFieldName("left")?.type === "identifier")
      [name, value] = [n.childForFieldName("left").text, n.childForFieldName("right")];
    else if (n.type === "assignment_expression") {
      const r = n.childForFieldName("right");
      if (r?.type === "call_expression" && LOADS.test(r.childForFieldName("function")?.text ?? ""))
        handles.set(n.childForFieldName("left").text, key(r.childForFieldName("arguments")?.namedChildren[0], scope));
    } else if (n.type === "preproc_def") {
      const v = n.childForFieldName("value")?.text.trim();
      const m = v ? /^"(.*)"$/.exec(v) : null;
      if (n.childForFieldName("name") && v) b.set(void 0, n.childForFieldName("name").text, m ? m[1] : `\${${v}}`);
    } else if (n.type === "call_expression") {
      const fn = n.childForFieldName("function")?.text ?? "";
      const args = (n.childForFieldName("arguments")?.namedChildren ?? []).filter((x) => !!x);
      if (fn === "atexit" && args[0]) atexit.add(args[0].text.replace(/^&/, ""));
      if ((fn === "snprintf" || fn === "sprintf" || fn === "strcpy" || fn === "strncpy") && args[0]?.type === "identifier") {
        const rest = fn === "snprintf" || fn === "strncpy" ? args.slice(fn === "snprintf" ? 2 : 1) : args.slice(1);
        const k = fn.endsWith("printf") ? fmt(rest, scope) : key(rest[0], scope);
        if (k !== void 0) b.set(scope, args[0].text, k, UNIQUE_SOURCES.test(n.text));
      }
    }
    if (name && value) {
      if (value.type === "call_expression" && LOADS.test(value.childForFieldName("function")?.text ?? "")) {
        handles.set(name, key(value.childForFieldName("arguments")?.namedChildren[0], scope));
      } else b.set(scope, name, key(value, scope), UNIQUE_SOURCES.test(value.text));
    }
    for (const c of n.namedChildren) if (c) bind(c, scope);
  };
  bind(root, void 0);
  const walk = (n) => {
    switch (n.type) {
      case "function_definition": {
        const name = declName(n.childForFieldName("declarator")) ?? "(anonymous)";
        const body = () => sink.inFunction(name, () => n.namedChildren.forEach((c) => c && walk(c)));
        if (atexit.has(name)) sink.inDeferred(body);
        else body();
        return;
      }
      case "for_statement":
      case "while_statement":
      case "do_statement":
      case "for_range_loop":
        sink.inLoop(() => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case "call_expression": {
        n.namedChildren.forEach((c) => c && walk(c));
        call(n);
        return;
      }
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };
  const call = (n) => {
    const callee = n.childForFieldName("function")?.text ?? "";
    const args = (n.childForFieldName("arguments")?.namedChildren ?? []).filter((x) => !!x);
    const [line, col] = [lineOf(n), colOf(n)];
    const sc = sink.fn;
    if (LOADS.test(callee)) sink.add("load", callee, line, col, { path: key(args[0], sc) });
    else if (UNLOADS.test(callee)) {
      const h = args[0]?.text ?? "";
      sink.add("unload", callee, line, col, { path: handles.get(h) ?? `\${${h}}` });
    } else if (callee in DELETES) sink.add("delete", callee, line, col, { path: key(args[DELETES[callee]], sc) });
    else if (callee in OVERWRITES) sink.add("overwrite", callee, line, col, { path: key(args[OVERWRITES[callee]], sc) });
    else if ((callee === "fopen" || callee === "_wfopen") && /w/.test(args[1] ? literal(args[1]) ?? "" : ""))
      sink.add("overwrite", callee, line, col, { path: key(args[0], sc) });
    else if (callee === "open" && /O_TRUNC|O_CREAT/.test(args[1]?.text ?? "")) sink.add("overwrite", callee, line, col, { path: key(args[0], sc) });
    else if (FORKS.test(callee)) sink.add("spawn", callee, line, col, { forks: true });
    else if (NO_FORK.test(callee)) {
      sink.add("spawn", callee, line, col, { forks: false });
      const cmd = callee === "system" || callee === "popen" ? args[0] ? literal(args[0]) : void 0 : void 0;
      if (cmd) for (const words of splitWords(cmd)) for (const e of commandEffects(words)) sink.add(e.kind, `${callee}("${e.call}")`, line, col, { path: e.path });
    } else if (callee && /^[A-Za-z_]\w*$/.test(callee)) sink.add("call", callee, line, col, { callee, args: args.map((a) => key(a, sc)) });
  };
  walk(root);
  return sink.result();
}
export {
  cFrontEnd
};
