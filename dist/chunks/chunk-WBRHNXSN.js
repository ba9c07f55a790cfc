import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  makeDocument
} from "./chunk-MT5TKJOX.js";

// src/model/verdict.ts
function failsOn(doc, failOn) {
  const counted = doc.findings.filter((f) => f.severity !== "note");
  switch (failOn) {
    case "none":
      return false;
    case "any":
      return counted.length > 0;
    case "runtime":
      return counted.some((f) => f.kind === "runtime" || f.kind === "predicted");
    case "static":
      return counted.some((f) => f.kind === "static");
  }
}
function applySettings(doc, s) {
  const rules = s.rules ?? {};
  let findings = doc.findings;
  if (Object.keys(rules).length) {
    findings = [];
    for (const f of doc.findings) {
      const setting = rules[f.ruleId];
      if (setting === "off") continue;
      findings.push(setting ? { ...f, severity: setting } : f);
    }
  }
  const context = { ...doc.context };
  if (!context.cygwinVersion && s.cygwinVersion) context.cygwinVersion = s.cygwinVersion;
  if (findings === doc.findings && context.cygwinVersion === doc.context?.cygwinVersion) return doc;
  const next = makeDocument(findings, doc.diagnostics, Object.keys(context).length ? context : void 0);
  if (doc.rules) next.rules = doc.rules.filter((r) => findings.some((f) => f.ruleId === r.id));
  return next;
}

export {
  failsOn,
  applySettings
};
