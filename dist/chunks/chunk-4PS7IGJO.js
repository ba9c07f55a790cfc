import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  joinFindings
} from "./chunk-4HNNP3VV.js";
import {
  makeColors
} from "./chunk-AMW6UCQI.js";
import {
  makeDocument
} from "./chunk-26BJACE5.js";

// src/pipeline/logs.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
async function openLogs(paths, opts) {
  const inputs = [];
  const diagnostics = [];
  let stdinUsed = false;
  for (const p of paths) {
    if (p === "-") {
      if (!opts.stdin) diagnostics.push({ level: "error", file: p, message: "standard input is not available here" });
      else if (!stdinUsed) inputs.push({ path: "-", stream: opts.stdin });
      stdinUsed = true;
      continue;
    }
    const abs = path.resolve(opts.cwd, p);
    try {
      const st = await stat(abs);
      if (st.isDirectory()) {
        diagnostics.push({ level: "error", file: p, message: "is a directory, not a log file" });
        continue;
      }
    } catch (e) {
      const code = e.code;
      diagnostics.push({ level: "error", file: p, message: code === "ENOENT" ? "no such file" : `cannot read (${code ?? String(e)})` });
      continue;
    }
    inputs.push({ path: p, stream: createReadStream(abs, { highWaterMark: 64 * 1024 }) });
  }
  return { inputs, diagnostics };
}

// src/pipeline/index.ts
function createPipeline(opts = {}) {
  return {
    async analyze(logPaths, o) {
      const { analyzeLogs } = await import("./diagnose-H53IRKPD.js");
      const opened = await openLogs(logPaths, { cwd: o.cwd, ...opts.stdin ? { stdin: opts.stdin } : {} });
      const r = await analyzeLogs(opened.inputs, { cwd: o.cwd, ...o.root ? { cygwinRoot: o.root } : {} });
      const out = { findings: r.findings, diagnostics: [...opened.diagnostics, ...r.diagnostics] };
      if (r.cygwinVersion) out.cygwinVersion = r.cygwinVersion;
      return out;
    },
    async scan(paths, o) {
      const { scanPaths } = await import("./scan-ENWEKNQN.js");
      const r = await scanPaths([...paths], { ...o.engine, root: o.cwd });
      return { findings: r.findings, diagnostics: r.diagnostics, rules: r.rules };
    },
    combine: combineResults,
    async render(doc, format, o) {
      const { renderReport } = await import("./report-ZCUDSNIM.js");
      return renderReport(doc, format, { colors: makeColors(false), quiet: false, env: o.env, cwd: o.cwd });
    }
  };
}
async function combineResults(a, s, context) {
  const doc = makeDocument(joinFindings([...a.findings, ...s.findings]), [...a.diagnostics, ...s.diagnostics], context);
  if (s.rules.length) doc.rules = s.rules;
  return doc;
}

export {
  createPipeline,
  combineResults
};
