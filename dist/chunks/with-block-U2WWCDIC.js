import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import "./chunk-GHFI43B4.js";

// src/action/with-block.ts
var WithBlockError = class extends Error {
  name = "WithBlockError";
};
function unquote(v, lineNo) {
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) throw new WithBlockError(`line ${lineNo}: unterminated '...'`);
    return v.slice(1, -1).replace(/''/g, "'");
  }
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new WithBlockError(`line ${lineNo}: unterminated "..."`);
    return v.slice(1, -1).replace(/\\(["\\n])/g, (_m, c) => c === "n" ? "\n" : c);
  }
  return v.replace(/\s+#.*$/, "");
}
function parseWithBlock(text) {
  let lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const withAt = lines.findIndex((l) => /^\s*with:\s*$/.test(l));
  let base = 0;
  if (withAt >= 0) {
    base = withAt + 1;
    lines = lines.slice(base);
  }
  const out = {};
  let indent;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = base + i + 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const ind = /^\s*/.exec(line)[0].length;
    indent ??= ind;
    if (ind < indent) break;
    const m = /^\s*([A-Za-z0-9_-]+):(?:\s+(.*?))?\s*$/.exec(line);
    if (!m || ind !== indent) throw new WithBlockError(`line ${lineNo}: expected "key: value", got: ${line.trim()}`);
    const key = m[1];
    const v = m[2] ?? "";
    if (v === "|" || v === ">" || v === "|-" || v === ">-") {
      const body = [];
      let bodyIndent;
      while (i + 1 < lines.length) {
        const next = lines[i + 1];
        const ni = /^\s*/.exec(next)[0].length;
        if (next.trim() !== "" && ni <= indent) break;
        i++;
        if (next.trim() === "") {
          body.push("");
          continue;
        }
        bodyIndent ??= ni;
        body.push(next.slice(Math.min(bodyIndent, ni)));
      }
      while (body.length && body[body.length - 1] === "") body.pop();
      let s = v.startsWith("|") ? body.join("\n") : body.join(" ");
      if (!v.endsWith("-") && body.length) s += "\n";
      out[key] = s;
    } else {
      out[key] = unquote(v, lineNo);
    }
  }
  return out;
}
export {
  WithBlockError,
  parseWithBlock
};
