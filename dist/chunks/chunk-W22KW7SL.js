import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  CAUSE_INFO
} from "./chunk-KZW6LR3C.js";
import {
  DOCS_BASE
} from "./chunk-KF6F6BZT.js";
import {
  CAUSES
} from "./chunk-GQQAAGHG.js";
import {
  docsPageFor
} from "./chunk-F7VJF5RF.js";

// src/report/common.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
var ROLE_LABEL = {
  load: "loaded at",
  delete: "deleted at",
  replace: "replaced at",
  spawn: "spawned at",
  fork: "forked at",
  "fork-failure": "failed at",
  abort: "aborted at",
  exit: "exited at",
  context: "see"
};
function docsUrl(ruleId) {
  const page = docsPageFor(ruleId);
  return DOCS_BASE + encodeURIComponent(page.slice("docs/rules/".length)).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function pascal(s) {
  return s.replace(/(^|[-/_\s])(\w)/g, (_m, _sep, c) => c.toUpperCase());
}
function causeRule(kind, cause) {
  const info = CAUSE_INFO[cause];
  const id = `${kind}/${cause}`;
  return {
    id,
    name: pascal(`${kind === "runtime" ? "Runtime" : "Predicted"}-${cause}`),
    shortDescription: kind === "runtime" ? `Fork failure: ${info.title}` : `Predicted fork failure on Cygwin: ${info.title}`,
    fullDescription: info.description,
    docs: docsPageFor(id),
    defaultSeverity: "error"
  };
}
function rulesFor(doc) {
  const out = /* @__PURE__ */ new Map();
  for (const r of doc.rules ?? []) out.set(r.id, r);
  for (const f of doc.findings) {
    if (out.has(f.ruleId)) continue;
    const m = /^(runtime|predicted)\/(.+)$/.exec(f.ruleId);
    if (m && CAUSES.includes(m[2])) {
      out.set(f.ruleId, causeRule(m[1], m[2]));
    } else {
      out.set(f.ruleId, {
        id: f.ruleId,
        name: pascal(f.ruleId.replace(/[^\w/-]/g, "")) || "Rule",
        shortDescription: CAUSE_INFO[f.cause].title,
        fullDescription: CAUSE_INFO[f.cause].description,
        docs: docsPageFor(f.ruleId),
        defaultSeverity: f.severity
      });
    }
  }
  return [...out.values()];
}
function changedTest(changed) {
  if (!changed) return void 0;
  return (file, line) => {
    const c = changed.get(file);
    if (!c) return false;
    if (c instanceof Set) return c.has(line);
    return c.some((r) => line >= r.start && line <= r.end);
  };
}
function onChangedLines(f, isChanged) {
  if (!isChanged) return false;
  if (isChanged(f.file, f.line)) return true;
  return f.evidence.some((e) => isChanged(e.file, e.line));
}
var SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function tierOf(f, isChanged) {
  if (f.kind === "runtime") return 0;
  if (onChangedLines(f, isChanged)) return 1;
  if (f.kind === "predicted") return 2;
  return 3;
}
function rankFindings(findings, isChanged) {
  return findings.map((f, i) => ({ f, i, t: tierOf(f, isChanged) })).sort((a, b) => a.t - b.t || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}
function rootOf(doc, cwd) {
  return path.resolve(cwd, doc.context?.root ?? ".");
}
var MAX_SOURCE_BYTES = 4 * 1024 * 1024;
var SourceLines = class {
  constructor(root) {
    this.root = root;
  }
  root;
  cache = /* @__PURE__ */ new Map();
  line(file, line) {
    return this.lines(file)?.[line - 1];
  }
  lines(file) {
    const hit = this.cache.get(file);
    if (hit !== void 0) return hit;
    let result = null;
    const abs = path.resolve(this.root, file);
    const rel = path.relative(this.root, abs);
    if (!rel.startsWith("..") && !path.isAbsolute(rel)) {
      let fd;
      try {
        fd = openSync(abs, "r");
        const st = fstatSync(fd);
        if (st.isFile() && st.size <= MAX_SOURCE_BYTES) {
          const buf = Buffer.alloc(st.size);
          let off = 0;
          while (off < st.size) {
            const n = readSync(fd, buf, off, st.size - off, off);
            if (n <= 0) break;
            off += n;
          }
          if (!buf.subarray(0, off).includes(0)) result = buf.toString("utf8", 0, off).split(/\r?\n/);
        }
      } catch {
        result = null;
      } finally {
        if (fd !== void 0) closeSync(fd);
      }
    }
    this.cache.set(file, result);
    return result;
  }
};
function oneLine(s) {
  return s.replace(/\t/g, " ").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "\uFFFD");
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function countsPhrase(doc) {
  const s = doc.summary;
  const parts = [];
  if (s.runtime) parts.push(plural(s.runtime, "runtime failure"));
  if (s.predicted) parts.push(`${s.predicted} predicted`);
  if (s.static) parts.push(`${s.static} static`);
  return parts.join(", ");
}

export {
  ROLE_LABEL,
  docsUrl,
  rulesFor,
  changedTest,
  onChangedLines,
  rankFindings,
  rootOf,
  SourceLines,
  oneLine,
  plural,
  countsPhrase
};
