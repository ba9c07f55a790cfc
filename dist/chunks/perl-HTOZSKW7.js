import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  lineFrontEnd,
  splitArgs
} from "./chunk-72XWZPFY.js";
import {
  commandEffects,
  splitWords
} from "./chunk-QQEAJKWZ.js";
import "./chunk-32NCIY7H.js";
import "./chunk-AICJTZXL.js";
import "./chunk-GHFI43B4.js";

// src/scan/frontends/perl.ts
var interp = (s, get) => {
  const parts = s.split(/\s*\.\s*(?=(?:[^"']*["'][^"']*["'])*[^"']*$)/);
  if (parts.length > 1) return parts.map((p) => interp(p, get)).join("");
  const cat = /^(?:File::Spec->)?catfile\s*\((.*)\)$/.exec(s);
  if (cat) return splitArgs(cat[1]).map((p) => interp(p, get)).join("/");
  let m = /^"(.*)"$/.exec(s);
  if (m) return m[1].replace(/\$\{?(\w+)\}?/g, (_x, v) => get(v));
  m = /^'(.*)'$/.exec(s);
  if (m) return m[1];
  m = /^\$(\w+)$/.exec(s);
  if (m) return get(m[1]);
  return `\${${s}}`;
};
var first = (s) => splitArgs(s)[0] ?? "";
function scan(code, line, api) {
  const at = (re) => (re.exec(code)?.index ?? 0) + 1;
  let m;
  if (m = /DynaLoader::dl_load_file\s*\(\s*(.*)/.exec(code)) api.add("load", "DynaLoader::dl_load_file", line, at(/DynaLoader/), { path: api.key(first(m[1])) });
  if (m = /FFI::Raw->new\s*\(\s*(.*)/.exec(code)) api.add("load", "FFI::Raw->new", line, at(/FFI::Raw/), { path: api.key(first(m[1])) });
  if (m = /FFI::Platypus->new\s*\(.*\blib\s*=>\s*(.*)/.exec(code)) api.add("load", "FFI::Platypus->new(lib => ...)", line, at(/FFI::Platypus/), { path: api.key(first(m[1].replace(/^\[/, ""))) });
  if (m = /->lib\s*\(\s*(.*)/.exec(code)) api.add("load", "FFI::Platypus->lib", line, at(/->lib/), { path: api.key(first(m[1])) });
  if (m = /\bunlink\b\s*\(?\s*(.*)/.exec(code)) for (const a of splitArgs(m[1])) api.add("delete", "unlink", line, at(/\bunlink\b/), { path: api.key(a) });
  if (m = /\b(?:rmtree|remove_tree)\b\s*\(?\s*(.*)/.exec(code)) api.add("deleteDir", "File::Path::remove_tree", line, at(/\b(?:rmtree|remove_tree)\b/), { path: api.key(first(m[1])) });
  if (m = /\b(?:copy|move|rename)\s*\(\s*(.*)/.exec(code)) {
    const a = splitArgs(m[1]);
    if (a[1]) api.add("overwrite", /\b(copy|move|rename)\b/.exec(code)[1], line, at(/\b(?:copy|move|rename)\b/), { path: api.key(a[1]) });
  }
  if (m = /\bopen\s*\(?\s*(?:my\s+)?[$\w]+\s*,\s*['"]\+?>>?['"]\s*,\s*(.*)/.exec(code)) api.add("overwrite", "open(>)", line, at(/\bopen\b/), { path: api.key(first(m[1])) });
  const sys = /\bsystem\b\s*\(?\s*(.*)|`([^`]*)`|\bqx\s*[({/](.*)[)}/]|\bfork\b\s*(?:\(\s*\))?|\bopen\s*\(?.*['"](?:-\||\|-)['"]/.exec(code);
  if (sys) {
    const call = sys[0].startsWith("`") ? "`...`" : /^\w+/.exec(sys[0])?.[0] ?? "system";
    api.add("spawn", call, line, sys.index + 1, { forks: true });
    const cmd = sys[1] !== void 0 ? splitArgs(sys[1]).map((a) => api.key(a)) : sys[2] ?? sys[3];
    const words = Array.isArray(cmd) ? cmd.length === 1 ? splitWords(cmd[0]) : [cmd] : cmd ? splitWords(cmd) : [];
    for (const w of words) for (const e of commandEffects(w)) api.add(e.kind, `${call}(${e.call})`, line, sys.index + 1, { path: e.path });
  } else if (/\bexec\b/.test(code)) api.add("spawn", "exec", line, at(/\bexec\b/), { forks: false });
  for (const fm of code.matchAll(/(?:^|[;{\s])&?(\w+)\s*\(/g)) {
    if (api.fnNames.has(fm[1]) && !/\bsub\s+\w+/.test(code)) api.add("call", fm[1], line, (fm.index ?? 0) + 1, { callee: fm[1] });
  }
}
function perlFrontEnd(lines) {
  return lineFrontEnd(
    lines,
    {
      code: (l) => /^\s*#/.test(l) ? "" : l.replace(/\s#[^'"]*$/, ""),
      fnOpen: /^\s*sub\s+(\w+)/,
      loopOpen: /^\s*(?:for|foreach|while|until)\b|\)\s*(?:for|foreach)\b|\bfor\s*\(/,
      deferredOpen: /^\s*END\s*\{/,
      scan,
      bind: (c, api) => {
        const m = /^\s*(?:my|our|local)?\s*\$(\w+)\s*=\s*(.*?);\s*$/.exec(c);
        if (m) api.set(m[1], m[2]);
      }
    },
    interp
  );
}
export {
  perlFrontEnd
};
