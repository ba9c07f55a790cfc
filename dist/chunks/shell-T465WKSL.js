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

// src/scan/frontends/shell.ts
var BUILTINS = /* @__PURE__ */ new Set(["cd", "echo", "printf", "test", "[", "[[", "export", "local", "set", "shift", "return", "exit", "read", "true", "false", ":", ".", "source", "eval", "trap", "enable", "declare", "typeset", "unset", "wait", "let", "pushd", "popd", "alias", "readonly", "shopt", "umask", "break", "continue", "getopts", "hash", "type", "command", "builtin", "exec"]);
async function shellFrontEnd(text, lines) {
  const root = await parse("bash", text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const trapFns = /* @__PURE__ */ new Set();
  const fnNames = /* @__PURE__ */ new Set();
  const key = (n) => {
    if (!n) return "";
    switch (n.type) {
      case "word":
      case "number":
        return n.text;
      case "raw_string":
        return n.text.slice(1, -1);
      case "string":
      case "concatenation": {
        let s = "";
        let last = n.startIndex + (n.type === "string" ? 1 : 0);
        for (const c of n.namedChildren) {
          if (!c) continue;
          s += text.slice(last, c.startIndex);
          s += key(c);
          last = c.endIndex;
        }
        s += text.slice(last, n.endIndex - (n.type === "string" ? 1 : 0));
        return s;
      }
      case "string_content":
        return n.text;
      case "command_name":
        return key(n.namedChildren[0]);
      case "simple_expansion":
      case "expansion": {
        const v = n.descendantsOfType("variable_name")[0]?.text;
        return v && n.namedChildren.length === 1 ? b.get(sink.fn, v) : `\${${n.text.replace(/^\$\{?|\}$/g, "")}}`;
      }
    }
    return `\${${n.text}}`;
  };
  const bind = (n, scope) => {
    if (n.type === "function_definition") {
      scope = n.childForFieldName("name")?.text;
      if (scope) fnNames.add(scope);
    }
    if (n.type === "variable_assignment") {
      const name = n.childForFieldName("name")?.text;
      const v = n.childForFieldName("value");
      if (name && v) b.set(scope, name, key(v), UNIQUE_SOURCES.test(v.text) || /mktemp/.test(v.text));
    }
    if (n.type === "command" && n.childForFieldName("name")?.text === "trap") {
      const args = n.childrenForFieldName("argument").filter((x) => !!x);
      if (args.some((x) => /^(?:EXIT|0)$/.test(x.text)) && args[0]) trapFns.add(key(args[0]));
    }
    for (const c of n.namedChildren) if (c) bind(c, scope);
  };
  bind(root, void 0);
  const effects = (words, call, line, col) => {
    for (const e of commandEffects(words)) sink.add(e.kind, `${call}`, line, col, { path: e.path, ...e.kind === "overwrite" && UNIQUE_SOURCES.test(e.path) ? { unique: true } : {} });
  };
  const walk = (n) => {
    switch (n.type) {
      case "function_definition": {
        const name = n.childForFieldName("name")?.text ?? "(function)";
        const body = () => sink.inFunction(name, () => n.namedChildren.forEach((c) => c && walk(c)));
        if (trapFns.has(name)) sink.inDeferred(body);
        else body();
        return;
      }
      case "for_statement":
      case "c_style_for_statement":
      case "while_statement":
        sink.inLoop(() => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case "subshell":
      case "command_substitution":
        sink.add("spawn", n.type === "subshell" ? "( ... )" : "$( ... )", lineOf(n), colOf(n), { forks: true });
        break;
      case "pipeline":
        sink.add("spawn", "... | ...", lineOf(n), colOf(n), { forks: true });
        break;
      case "command":
        n.namedChildren.forEach((c) => c && c.type !== "command_name" && walk(c));
        command(n);
        return;
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };
  const command = (n) => {
    const name = key(n.childForFieldName("name"));
    const args = n.childrenForFieldName("argument").filter((x) => !!x).map(key);
    const [line, col] = [lineOf(n), colOf(n)];
    if (!name) return;
    if (name === "enable" && args[0] === "-f" && args[1]) {
      sink.add("load", "enable -f", line, col, { path: args[1] });
      return;
    }
    if (name === "trap") {
      if (args.some((a) => /^(?:EXIT|0)$/.test(a)) && args[0] && !trapFns.has(args[0]))
        sink.inDeferred(() => splitWords(args[0]).forEach((w) => effects(w, `trap '${w.join(" ")}' EXIT`, line, col)));
      return;
    }
    if (name === "exec") return;
    if (BUILTINS.has(name)) return;
    if (fnNames.has(name)) {
      sink.add("call", name, line, col, { callee: name });
      return;
    }
    sink.add("spawn", name, line, col, { forks: true });
    effects([name, ...args], `${name} ${args.filter((a) => a.startsWith("-")).join(" ")}`.trim(), line, col);
  };
  walk(root);
  return sink.result();
}
export {
  shellFrontEnd
};
