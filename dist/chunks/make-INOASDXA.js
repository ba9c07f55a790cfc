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
  colOf,
  lineOf
} from "./chunk-32NCIY7H.js";
import "./chunk-AICJTZXL.js";
import "./chunk-GHFI43B4.js";

// src/scan/frontends/make.ts
async function makeFrontEnd(text, lines) {
  const root = await parse("make", text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const expand = (s, target) => s.replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (_m, v) => b.get(void 0, v)).replace(/\$@/g, target).replace(/\$\$/g, "$");
  for (const n of root.descendantsOfType("variable_assignment")) {
    const name = n?.childForFieldName("name")?.text;
    const value = n?.childForFieldName("value")?.text ?? "";
    if (name) b.set(void 0, name, expand(value.trim(), ""));
  }
  for (const [v, d] of [["RM", "rm -f"], ["CC", "cc"], ["CXX", "g++"], ["LD", "ld"], ["CP", "cp"], ["MV", "mv"]]) {
    if (b.get(void 0, v) === `\${${v}}`) b.set(void 0, v, d);
  }
  const recipeLines = /* @__PURE__ */ new Set();
  for (const n of root.descendantsOfType("recipe_line")) if (n) recipeLines.add(lineOf(n));
  const items = [];
  lines.forEach((l, i) => {
    const m = /^\s*-?load\s+(\S+)/.exec(l);
    if (m && !recipeLines.has(i + 1) && !l.startsWith("	")) {
      items.push({ line: i + 1, run: () => sink.add("load", "load", i + 1, l.indexOf("load") + 1, { path: expand(m[1], "") }) });
    }
  });
  for (const rule of root.descendantsOfType("rule")) {
    if (!rule) continue;
    const target = rule.childForFieldName("targets")?.text.split(/\s+/)[0] ?? rule.namedChildren[0]?.text.split(/\s+/)[0] ?? "";
    for (const rl of rule.descendantsOfType("recipe_line")) {
      if (!rl) continue;
      const line = lineOf(rl);
      const col = colOf(rl);
      const cmd = expand(rl.text.replace(/^[@+-]+/, ""), expand(target, ""));
      const node = rl;
      items.push({
        line,
        run: () => {
          sink.add("spawn", "recipe line", line, col, { forks: true });
          for (const w of splitWords(cmd)) for (const e of commandEffects(w)) sink.add(e.kind, `recipe: ${e.call}`, line, col, { path: e.path });
          void node;
        }
      });
    }
  }
  items.sort((a, c) => a.line - c.line).forEach((x) => x.run());
  return sink.result();
}
export {
  makeFrontEnd
};
