import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  InputError
} from "./chunk-7KBCVPFB.js";
import {
  external_exports
} from "./chunk-SNCGIOIY.js";
import {
  CAUSES,
  EVIDENCE_ROLES,
  FINDING_KINDS,
  SEVERITIES
} from "./chunk-GQQAAGHG.js";
import "./chunk-GHFI43B4.js";

// src/report/load.ts
var line = external_exports.number().int().positive();
var evidence = external_exports.looseObject({
  role: external_exports.enum(EVIDENCE_ROLES),
  file: external_exports.string(),
  line,
  column: line.optional(),
  text: external_exports.string().optional(),
  pid: external_exports.number().int().optional(),
  winpid: external_exports.number().int().optional()
});
var option = external_exports.looseObject({
  id: external_exports.string(),
  title: external_exports.string(),
  because: external_exports.string().optional(),
  detail: external_exports.string().optional(),
  change: external_exports.looseObject({ file: external_exports.string(), line, language: external_exports.string().optional(), before: external_exports.string().optional(), after: external_exports.string() }).optional()
});
var finding = external_exports.looseObject({
  kind: external_exports.enum(FINDING_KINDS),
  ruleId: external_exports.string().min(1),
  cause: external_exports.enum(CAUSES),
  severity: external_exports.enum(SEVERITIES),
  file: external_exports.string(),
  line,
  column: line.optional(),
  endLine: line.optional(),
  endColumn: line.optional(),
  message: external_exports.string(),
  recommendation: external_exports.looseObject({ summary: external_exports.string(), options: external_exports.array(option), docs: external_exports.string().optional() }).optional(),
  evidence: external_exports.array(evidence),
  confidence: external_exports.number().min(0).max(1).optional(),
  cygwinVersion: external_exports.string().optional(),
  dll: external_exports.string().optional(),
  language: external_exports.string().optional(),
  properties: external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).optional()
});
var documentSchema = external_exports.looseObject({
  version: external_exports.literal(1),
  tool: external_exports.looseObject({ name: external_exports.string(), version: external_exports.string(), informationUri: external_exports.string() }),
  findings: external_exports.array(finding),
  summary: external_exports.looseObject({ total: external_exports.number(), static: external_exports.number(), runtime: external_exports.number(), predicted: external_exports.number() }),
  diagnostics: external_exports.array(external_exports.looseObject({ level: external_exports.enum(["error", "warning", "info"]), message: external_exports.string(), file: external_exports.string().optional() })),
  rules: external_exports.array(
    external_exports.looseObject({
      id: external_exports.string(),
      name: external_exports.string(),
      shortDescription: external_exports.string(),
      fullDescription: external_exports.string().optional(),
      docs: external_exports.string(),
      defaultSeverity: external_exports.enum(SEVERITIES)
    })
  ).optional(),
  context: external_exports.looseObject({
    root: external_exports.string().optional(),
    cygwinVersion: external_exports.string().optional(),
    logs: external_exports.array(external_exports.string()).optional(),
    command: external_exports.array(external_exports.string()).optional()
  }).optional()
});
function parseReportDocument(text, source) {
  let data;
  try {
    data = JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${source}: not JSON (${e.message})`);
  }
  const r = documentSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("").replace(/^\./, "");
    throw new InputError(`${source}: not a cygwin-hygiene report (${where || "document"}: ${issue.message})`);
  }
  return r.data;
}
export {
  parseReportDocument
};
