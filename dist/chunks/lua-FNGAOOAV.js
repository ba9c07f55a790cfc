import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
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

// src/scan/frontends/lua.ts
var argsOf = (n) => {
  const a = n.childForFieldName("arguments");
  const list = a?.namedChildren[0]?.type === "expression_list" ? a.namedChildren[0].namedChildren : a?.namedChildren ?? [];
  return list.filter((x) => !!x);
};
async function luaFrontEnd(text, lines) {
  const root = await parse("lua", text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const key = (n) => {
    if (!n) return "";
    if (n.type === "string") return n.text.replace(/^(["']|\[=*\[)|(["']|\]=*\])$/g, "");
    if (n.type === "variable" && n.childForFieldName("name") && !n.childForFieldName("table")) return b.get(sink.fn, n.text);
    if (n.type === "identifier") return b.get(sink.fn, n.text);
    if (n.type === "binary_expression" && n.children[1]?.text === "..") return `${key(n.childForFieldName("left"))}${key(n.childForFieldName("right"))}`;
    if (n.type === "parenthesized_expression") return key(n.namedChildren[0]);
    return `\${${n.text}}`;
  };
  const fnName = (n) => n.childForFieldName("name")?.text ?? "(function)";
  const bind = (n, scope) => {
    if (n.type === "function_definition_statement" || n.type === "local_function_definition_statement") {
      scope = fnName(n);
      const ps = n.childForFieldName("parameters")?.childrenForFieldName("name").map((p) => p?.text ?? "") ?? [];
      ps.forEach((p) => p && b.param(scope, p));
      sink.params[scope] = ps;
    }
    if (n.type === "local_variable_declaration" || n.type === "variable_assignment" || n.type === "assignment_statement") {
      const names = n.descendantsOfType("variable_list")[0]?.namedChildren ?? [];
      const values = n.descendantsOfType("expression_list")[0]?.namedChildren ?? [];
      names.forEach((v, i) => {
        const val = values[i];
        if (v && val) {
          const old = sink.fn;
          sink.fn = scope;
          b.set(scope, v.text, key(val), UNIQUE_SOURCES.test(val.text) || /os\.tmpname/.test(val.text));
          sink.fn = old;
        }
      });
    }
    for (const c of n.namedChildren) if (c) bind(c, scope);
  };
  bind(root, void 0);
  const walk = (n) => {
    switch (n.type) {
      case "function_definition_statement":
      case "local_function_definition_statement":
        sink.inFunction(fnName(n), () => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case "while_statement":
      case "repeat_statement":
      case "for_numeric_statement":
      case "for_generic_statement":
        sink.inLoop(() => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case "call": {
        n.namedChildren.forEach((c) => c && walk(c));
        const callee = n.childForFieldName("function")?.text ?? "";
        const a = argsOf(n);
        const [line, col] = [lineOf(n), colOf(n)];
        if (/^(?:package\.loadlib|ffi\.load|alien\.load)$/.test(callee)) sink.add("load", callee, line, col, { path: key(a[0]) });
        else if (callee === "os.remove") sink.add("delete", callee, line, col, { path: key(a[0]) });
        else if (callee === "os.rename") sink.add("overwrite", callee, line, col, { path: key(a[1]) });
        else if (callee === "io.open" && /[wa]/.test(a[1] ? key(a[1]) : "")) sink.add("overwrite", callee, line, col, { path: key(a[0]) });
        else if (/^(?:os\.execute|io\.popen)$/.test(callee)) sink.add("spawn", callee, line, col, { forks: false });
        else if (/^(?:posix\.fork|posix\.unistd\.fork|unistd\.fork|posix\.spawn|posix\.spawnp)$/.test(callee)) sink.add("spawn", callee, line, col, { forks: true });
        else if (/^[A-Za-z_][\w.]*$/.test(callee)) sink.add("call", callee, line, col, { callee, args: a.map((x) => key(x)) });
        return;
      }
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(root);
  return sink.result();
}
export {
  luaFrontEnd
};
