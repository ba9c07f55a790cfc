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

// src/scan/frontends/ruby.ts
var LOOP_METHODS = /^(?:each\w*|times|loop|upto|downto|step|map|collect|select|reject|each_with_index|each_with_object|flat_map|inject|reduce|until|while)$/;
var FORKING = /^(?:system|spawn|fork|Process\.spawn|Process\.fork|Kernel\.system|Kernel\.spawn|IO\.popen|Open3\.\w+|PTY\.spawn|sh|ruby)$/;
var argsOf = (n) => (n.childForFieldName("arguments")?.namedChildren ?? []).filter((x) => !!x && x.type !== "pair");
async function rubyFrontEnd(text, lines) {
  const root = await parse("ruby", text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const key = (n) => {
    if (!n) return "";
    switch (n.type) {
      case "string":
      case "subshell":
        return n.namedChildren.map((c) => !c ? "" : c.type === "interpolation" ? key(c.namedChildren[0]) : c.text).join("");
      case "simple_symbol":
        return n.text.slice(1);
      case "identifier":
      case "constant":
        return b.get(sink.fn, n.text);
      case "parenthesized_statements":
        return key(n.namedChildren[0]);
      case "binary":
        if (n.childForFieldName("operator")?.text === "+") return `${key(n.childForFieldName("left"))}${key(n.childForFieldName("right"))}`;
        break;
      case "call": {
        const callee = calleeOf(n);
        if (/^(?:File\.join|File\.expand_path|Pathname\.new|File\.absolute_path)$/.test(callee)) return argsOf(n).map(key).join("/");
        if (/\.(?:to_s|path|to_path)$/.test(callee)) return key(n.childForFieldName("receiver"));
        break;
      }
    }
    return `\${${n.text}}`;
  };
  const calleeOf = (n) => {
    const r = n.childForFieldName("receiver");
    const m = n.childForFieldName("method")?.text ?? "";
    return r ? `${r.text}.${m}` : m;
  };
  const bind = (n, scope) => {
    if (n.type === "method" || n.type === "singleton_method") {
      scope = n.childForFieldName("name")?.text;
      if (scope) {
        const ps = (n.childForFieldName("parameters")?.namedChildren ?? []).map((p) => !p ? "" : p.type === "identifier" ? p.text : p.childForFieldName("name")?.text ?? "");
        ps.forEach((p) => p && b.param(scope, p));
        sink.params[scope] = ps;
      }
    }
    if (n.type === "assignment" || n.type === "operator_assignment") {
      const l = n.childForFieldName("left");
      const r = n.childForFieldName("right");
      if (l && r && (l.type === "identifier" || l.type === "constant")) {
        const old = sink.fn;
        sink.fn = scope;
        b.set(scope, l.text, key(r), UNIQUE_SOURCES.test(r.text));
        sink.fn = old;
      }
    }
    for (const c of n.namedChildren) if (c) bind(c, scope);
  };
  bind(root, void 0);
  const walk = (n) => {
    switch (n.type) {
      case "method":
      case "singleton_method": {
        const name = n.childForFieldName("name")?.text ?? "(method)";
        sink.inFunction(name, () => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      }
      case "while":
      case "until":
      case "for":
        sink.inLoop(() => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case "subshell":
        sink.add("spawn", "`...`", lineOf(n), colOf(n), { forks: true });
        for (const w of splitWords(key(n))) for (const e of commandEffects(w)) sink.add(e.kind, `\`${e.call}\``, lineOf(n), colOf(n), { path: e.path });
        return;
      case "call":
        return call(n);
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };
  const call = (n) => {
    const callee = calleeOf(n);
    const method = n.childForFieldName("method")?.text ?? "";
    const a = argsOf(n);
    const block = n.childForFieldName("block");
    const [line, col] = [lineOf(n), colOf(n)];
    const r = n.childForFieldName("receiver");
    if (r) walk(r);
    for (const x of a) walk(x);
    if (method === "at_exit" || callee === "END") {
      if (block) sink.inDeferred(() => walk(block));
      return;
    }
    if (/^(?:Fiddle\.dlopen|Fiddle::Handle\.new|DL\.dlopen|DL::Handle\.new|ffi_lib|FFI::DynamicLibrary\.open)$/.test(callee)) {
      sink.add("load", callee, line, col, { path: key(a[0]) });
    } else if (/^(?:require|require_relative|load)$/.test(callee) && a[0] && /\.(?:so|bundle|dll)$/.test(key(a[0]))) {
      sink.add("load", callee, line, col, { path: key(a[0]) });
    } else if (/^(?:File|FileUtils)\.(?:delete|unlink|rm|rm_f|remove_file|safe_unlink)$/.test(callee)) {
      for (const x of a) sink.add("delete", callee, line, col, { path: key(x) });
    } else if (/^FileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry|remove_entry_secure|rmtree)$/.test(callee)) {
      for (const x of a) {
        sink.add("deleteDir", callee, line, col, { path: key(x) });
        sink.add("delete", callee, line, col, { path: key(x) });
      }
    } else if (/^(?:FileUtils\.(?:cp|mv|copy|copy_file|install|ln_sf?|move)|File\.rename|IO\.copy_stream)$/.test(callee)) {
      sink.add("overwrite", callee, line, col, { path: key(a[1]) });
    } else if (/^(?:File\.write|File\.binwrite)$/.test(callee) || callee === "File.open" && /[wa]/.test(a[1] ? key(a[1]) : "")) {
      sink.add("overwrite", callee, line, col, { path: key(a[0]) });
    } else if (FORKING.test(callee) || callee === "exec" || callee === "Kernel.exec") {
      sink.add("spawn", callee, line, col, { forks: !/exec$/.test(callee) });
      const words = a.length === 1 ? splitWords(key(a[0])) : [a.map(key)];
      for (const w of words) for (const e of commandEffects(w)) sink.add(e.kind, `${callee}(${e.call})`, line, col, { path: e.path });
    } else if (!r && method) {
      sink.add("call", method, line, col, { callee: method, args: a.map((x) => key(x)) });
    }
    if (block) {
      if (/^(?:Dir\.mktmpdir|Dir\.mktmpdir)$/.test(callee) || callee === "Tempfile.create") {
        const p = block.childForFieldName("parameters")?.namedChildren[0]?.text;
        walk(block);
        if (p) sink.add(callee === "Tempfile.create" ? "delete" : "deleteDir", `${callee} block end`, line, col, { path: `\${${p}}` });
      } else if (LOOP_METHODS.test(method)) sink.inLoop(() => walk(block));
      else walk(block);
    }
  };
  walk(root);
  return sink.result();
}
export {
  rubyFrontEnd
};
