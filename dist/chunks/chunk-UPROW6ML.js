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
  openLogs
} from "./chunk-DD7446KY.js";
import {
  makeColors
} from "./chunk-AMW6UCQI.js";
import {
  makeDocument
} from "./chunk-MT5TKJOX.js";

// src/pipeline/index.ts
function createPipeline(opts = {}) {
  return {
    async analyze(logPaths, o) {
      const { analyzeLogs } = await import("./diagnose-L3VP7A5P.js");
      const opened = await openLogs(logPaths, { cwd: o.cwd, ...opts.stdin ? { stdin: opts.stdin } : {} });
      const r = await analyzeLogs(opened.inputs, { cwd: o.cwd, ...o.root ? { cygwinRoot: o.root } : {} });
      const out = { findings: r.findings, diagnostics: [...opened.diagnostics, ...r.diagnostics] };
      if (r.cygwinVersion) out.cygwinVersion = r.cygwinVersion;
      return out;
    },
    async scan(paths, o) {
      const { scanPaths } = await import("./scan-RCC5NMQA.js");
      const r = await scanPaths([...paths], { ...o.engine, root: o.cwd });
      return { findings: r.findings, diagnostics: r.diagnostics, rules: r.rules };
    },
    combine: combineResults,
    async render(doc, format, o) {
      const { renderReport } = await import("./report-YYX6M6VK.js");
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
