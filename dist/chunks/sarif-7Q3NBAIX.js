import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  ROLE_LABEL,
  changedTest,
  docsUrl,
  rankFindings,
  rulesFor
} from "./chunk-W22KW7SL.js";
import "./chunk-KZW6LR3C.js";
import {
  DOCS_BASE
} from "./chunk-KF6F6BZT.js";
import "./chunk-GQQAAGHG.js";
import "./chunk-F7VJF5RF.js";
import "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";

// src/report/sarif.ts
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
var SARIF_LIMITS = {
  resultsPerRun: 25e3,
  rulesPerRun: 25e3,
  /** Shown per result by GitHub; we keep related locations at or below it. */
  relatedLocationsPerResult: 100,
  gzipBytes: 10 * 1e3 * 1e3
};
var LEVEL = { error: "error", warning: "warning", note: "note" };
function toUri(file) {
  const p = file.replace(/\\/g, "/");
  const enc = (s) => s.split("/").map(encodeURIComponent).join("/");
  if (/^[a-z]:\//i.test(p)) return { uri: `file:///${p.slice(0, 2)}${enc(p.slice(2))}` };
  if (p.startsWith("/")) return { uri: `file://${enc(p)}` };
  return { uri: enc(p), uriBaseId: "%SRCROOT%" };
}
function physical(file, line, column, endLine, endColumn) {
  const region = { startLine: Math.max(1, line) };
  if (column) region.startColumn = column;
  if (endLine && endLine >= line) region.endLine = endLine;
  if (endColumn && column && (!endLine || endLine === line) && endColumn > column) region.endColumn = endColumn;
  return { artifactLocation: toUri(file), region };
}
function normaliseEvidenceText(text) {
  return text.toLowerCase().replace(/0x[0-9a-f]+/g, "#").replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}
function fingerprint(f) {
  const h = createHash("sha256");
  h.update(`${f.ruleId}\0${f.file}\0`);
  for (const e of f.evidence) h.update(`${e.role}:${e.file}:${normaliseEvidenceText(e.text ?? "")}\0`);
  if (!f.evidence.length) h.update(normaliseEvidenceText(f.message));
  return h.digest("hex");
}
function ruleDescriptor(r) {
  const url = r.docs.startsWith("docs/rules/") ? DOCS_BASE + r.docs.slice("docs/rules/".length) : docsUrl(r.id);
  const full = r.fullDescription ?? r.shortDescription;
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: full },
    help: {
      text: `${full} See ${url}`,
      markdown: `${full}

[Explanation and fixes](${url})`
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: [r.id.startsWith("CH") ? "static" : r.id.split("/")[0], "cygwin", "fork"] }
  };
}
function relatedLocation(e, id) {
  const pid = e.pid !== void 0 ? ` (pid ${e.pid})` : "";
  return {
    id,
    physicalLocation: physical(e.file, e.line, e.column),
    message: { text: `${ROLE_LABEL[e.role]} ${e.file}:${e.line}${pid}${e.text ? `: ${e.text}` : ""}` }
  };
}
function resultFor(f, ruleIndex, fp) {
  const rec = f.recommendation;
  const first = rec?.options[0];
  const change = first?.change ? ` (change ${first.change.file}:${first.change.line})` : "";
  const text = `${f.message}${/[.!?]$/.test(f.message) ? "" : "."}${rec ? ` Fix: ${rec.summary}${change}.` : ""}`;
  const result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation: physical(f.file, f.line, f.column, f.endLine, f.endColumn) }],
    partialFingerprints: { "cygwinHygiene/v1": fp }
  };
  const related = f.evidence.slice(0, SARIF_LIMITS.relatedLocationsPerResult);
  if (related.length) result.relatedLocations = related.map((e, i) => relatedLocation(e, i + 1));
  const props = { kind: f.kind, cause: f.cause };
  if (f.confidence !== void 0) props.confidence = f.confidence;
  if (f.cygwinVersion) props.cygwinVersion = f.cygwinVersion;
  if (f.dll) props.dll = f.dll;
  if (f.evidence.length > related.length) props.evidenceCut = f.evidence.length - related.length;
  if (first?.because) props.recommendationBecause = first.because;
  if (rec) props.recommendations = rec.options.map((o) => o.title);
  const ch = first?.change;
  if (ch) {
    props.suggestedChange = `${ch.file}:${ch.line}${ch.before ? `
- ${ch.before}` : ""}
+ ${ch.after.split("\n").join("\n+ ")}`;
  }
  result.properties = props;
  return result;
}
function buildSarif(doc, opts = {}, limits = SARIF_LIMITS) {
  const ranked = rankFindings(doc.findings, changedTest(opts.changedLines));
  const notes = [];
  let kept = ranked.slice(0, limits.resultsPerRun);
  if (ranked.length > kept.length) {
    notes.push({
      level: "warning",
      message: { text: `${ranked.length - kept.length} of ${ranked.length} findings cut: code scanning accepts at most ${limits.resultsPerRun} results per run. The JSON report has all of them.` }
    });
  }
  const build = (findings) => {
    const allRules = rulesFor({ ...doc, findings });
    const rules = allRules.slice(0, limits.rulesPerRun);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const seen = /* @__PURE__ */ new Map();
    const results = [];
    for (const f of findings) {
      const i = index.get(f.ruleId);
      if (i === void 0) continue;
      const base = fingerprint(f);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      results.push(resultFor(f, i, n ? `${base}:${n}` : base));
    }
    const run = {
      tool: {
        driver: {
          name: doc.tool.name,
          version: doc.tool.version,
          semanticVersion: doc.tool.version,
          informationUri: doc.tool.informationUri,
          rules: rules.map(ruleDescriptor)
        }
      },
      invocations: [
        {
          executionSuccessful: !doc.diagnostics.some((d) => d.level === "error"),
          toolExecutionNotifications: [
            ...notes,
            ...doc.diagnostics.map(
              (d) => ({
                level: d.level === "info" ? "note" : d.level,
                message: { text: d.file ? `${d.file}: ${d.message}` : d.message },
                ...d.file ? { locations: [{ physicalLocation: { artifactLocation: toUri(d.file) } }] } : {}
              })
            )
          ]
        }
      ],
      originalUriBaseIds: { "%SRCROOT%": { description: { text: "The scanned root (the repository checkout)." } } },
      columnKind: "utf16CodeUnits",
      results
    };
    if (doc.context?.cygwinVersion) run.properties = { cygwinVersion: doc.context.cygwinVersion };
    return { version: "2.1.0", $schema: "https://json.schemastore.org/sarif-2.1.0.json", runs: [run] };
  };
  let log = build(kept);
  while (kept.length > 1 && gzipSync(JSON.stringify(log)).length > limits.gzipBytes) {
    const before = kept.length;
    kept = kept.slice(0, Math.floor(kept.length / 2));
    notes.push({
      level: "warning",
      message: { text: `${before - kept.length} more findings cut to keep the gzipped SARIF file under ${limits.gzipBytes} bytes.` }
    });
    log = build(kept);
  }
  return log;
}
function renderSarif(doc, opts) {
  return `${JSON.stringify(buildSarif(doc, opts), null, 2)}
`;
}
export {
  SARIF_LIMITS,
  buildSarif,
  fingerprint,
  normaliseEvidenceText,
  renderSarif,
  toUri
};
