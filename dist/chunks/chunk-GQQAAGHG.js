import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/model/finding.ts
var FINDING_KINDS = ["static", "runtime", "predicted"];
var CAUSES = [
  "deleted-dll",
  "replaced-dll",
  "address-collision",
  "heap",
  "resources",
  "interference",
  "unknown"
];
var SEVERITIES = ["error", "warning", "note"];
var EVIDENCE_ROLES = [
  "load",
  "delete",
  "replace",
  "spawn",
  "fork",
  "fork-failure",
  "abort",
  "exit",
  "context"
];
function toModelPath(p) {
  let s = p.replace(/\\/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  return s;
}
var KIND_ORDER = { runtime: 0, predicted: 1, static: 2 };
var SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function compareFindings(a, b) {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
function sortFindings(findings) {
  return [...findings].sort(compareFindings);
}
function dllBasename(p) {
  const s = p.replace(/\\/g, "/");
  return s.slice(s.lastIndexOf("/") + 1).toLowerCase();
}

export {
  FINDING_KINDS,
  CAUSES,
  SEVERITIES,
  EVIDENCE_ROLES,
  toModelPath,
  sortFindings,
  dllBasename
};
