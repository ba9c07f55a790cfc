import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION
} from "./chunk-KF6F6BZT.js";
import {
  sortFindings
} from "./chunk-GQQAAGHG.js";

// src/model/document.ts
function makeDocument(findings, diagnostics = [], context) {
  const sorted = sortFindings(findings);
  const summary = { total: sorted.length, static: 0, runtime: 0, predicted: 0 };
  for (const f of sorted) summary[f.kind]++;
  const doc = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI },
    findings: sorted,
    summary,
    diagnostics: [...diagnostics]
  };
  if (context) doc.context = context;
  return doc;
}

export {
  makeDocument
};
