import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  lineFrontEnd
} from "./chunk-72XWZPFY.js";
import {
  commandEffects
} from "./chunk-QQEAJKWZ.js";
import "./chunk-32NCIY7H.js";
import "./chunk-AICJTZXL.js";
import "./chunk-GHFI43B4.js";

// src/scan/frontends/tcl.ts
function words(s) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    const open = s[i];
    const close = open === '"' ? '"' : open === "{" ? "}" : open === "[" ? "]" : null;
    let j = i + 1;
    if (close) {
      let depth = 1;
      while (j < s.length && depth > 0) {
        if (s[j] === "\\") j++;
        else if (close !== '"' && s[j] === open) depth++;
        else if (s[j] === close) depth--;
        j++;
      }
    } else while (j < s.length && !/\s/.test(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
var interp = (s, get) => {
  const fj = /^\[file\s+join\s+(.*)\]$/.exec(s);
  if (fj) return words(fj[1]).map((w) => interp(w, get)).join("/");
  let t = s;
  if (/^".*"$/.test(t)) t = t.slice(1, -1);
  else if (/^\{.*\}$/.test(t)) return t.slice(1, -1);
  else if (/^\[.*\]$/.test(t)) return `\${${t}}`;
  return t.replace(/\$\{?(\w+)\}?/g, (_m, v) => get(v)).replace(/\[info sharedlibextension\]/g, "${sharedlibextension}");
};
function scan(code, line, api) {
  const body = code.replace(/^\s*(?:if|while|for|foreach)\b[^{]*\{\s*/, "").replace(/^\s*\}\s*(?:else\s*\{)?\s*/, "");
  const segs = body.split(/;|\[(?=(?:load|exec|file)\b)/);
  for (const seg of segs) {
    const w = words(seg.replace(/\]\s*$/, ""));
    const col = code.indexOf(w[0] ?? "") + 1;
    if (w[0] === "load" && w[1]) api.add("load", "load", line, col, { path: api.key(w[1]) });
    else if (w[0] === "file" && w[1] === "delete") {
      const force = w.includes("-force");
      for (const a of w.slice(2).filter((x) => x !== "-force" && x !== "--")) {
        api.add("delete", `file delete${force ? " -force" : ""}`, line, col, { path: api.key(a) });
        if (force) api.add("deleteDir", "file delete -force", line, col, { path: api.key(a) });
      }
    } else if (w[0] === "file" && (w[1] === "rename" || w[1] === "copy")) {
      const files = w.slice(2).filter((x) => !x.startsWith("-"));
      if (files.length >= 2) api.add("overwrite", `file ${w[1]}`, line, col, { path: api.key(files[files.length - 1]) });
    } else if (w[0] === "exec" || w[0] === "open" && /^"?\|/.test(w[1] ?? "")) {
      api.add("spawn", w[0], line, col, { forks: true });
      const cmd = w[0] === "exec" ? w.slice(1).filter((x) => !x.startsWith("-")).map((x) => api.key(x)) : [];
      for (const e of commandEffects(cmd)) api.add(e.kind, `exec ${e.call}`, line, col, { path: e.path });
    } else if (w[0] && api.fnNames.has(w[0]) && !/^\s*proc\b/.test(code)) api.add("call", w[0], line, col, { callee: w[0] });
  }
}
function tclFrontEnd(lines) {
  return lineFrontEnd(
    lines,
    {
      code: (l) => /^\s*#/.test(l) ? "" : l.replace(/;\s*#.*$/, ""),
      fnOpen: /^\s*proc\s+(\S+)/,
      loopOpen: /^\s*(?:foreach|for|while)\b/,
      scan,
      bind: (c, api) => {
        const m = /^\s*set\s+(\w+)\s+(.+?)\s*$/.exec(c);
        if (m) api.set(m[1], m[2]);
      }
    },
    interp
  );
}
export {
  tclFrontEnd
};
