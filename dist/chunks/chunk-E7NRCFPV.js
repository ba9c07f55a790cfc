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
  makeColors,
  renderReport
} from "./chunk-NLOXBU7M.js";
import {
  makeDocument
} from "./chunk-26BJACE5.js";

// src/action/pipeline.ts
async function loadPipeline() {
  return {
    // WIRE: src/diagnose/ analyzeLogs
    async analyze(logPaths) {
      return {
        findings: [],
        diagnostics: [{ level: "error", message: `the log analyzer is not wired into this build (logs not analysed: ${logPaths.join(", ")})` }]
      };
    },
    // WIRE: src/scan/ scanPaths
    async scan(paths) {
      return {
        findings: [],
        rules: [],
        diagnostics: [{ level: "warning", message: `the static scanner is not wired into this build (not scanned: ${paths.join(", ")})` }]
      };
    },
    combine: combineDefault,
    // WIRE: src/report/ renderReport with github/markdown/sarif
    render: (doc, format, o) => renderReport(doc, format, { colors: makeColors(false), quiet: false, env: o.env, cwd: o.cwd })
  };
}
async function combineDefault(a, s, context) {
  const doc = makeDocument(joinFindings([...a.findings, ...s.findings]), [...a.diagnostics, ...s.diagnostics], context);
  if (s.rules.length) doc.rules = s.rules;
  return doc;
}

export {
  loadPipeline,
  combineDefault
};
