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
  onChangedLines,
  plural,
  rankFindings
} from "./chunk-W22KW7SL.js";

// src/report/github.ts
import { randomUUID } from "node:crypto";
var ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10, perJob: 50 };
var LEVEL = { error: "error", warning: "warning", note: "notice" };
var UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u0085]/g;
function escapeData(s) {
  return s.replace(UNSAFE, "\uFFFD").replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(name, props, message) {
  const p = Object.entries(props).filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${name}${p ? ` ${p}` : ""}::${escapeData(message)}`;
}
function safeLogLine(s) {
  const t = s.replace(UNSAFE, "\uFFFD").replace(/\r|\n/g, "\uFFFD").replace(/##\[/g, "#\uFFFD[");
  return /^[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*::/.test(t) ? `\xB7 ${t}` : t;
}
function newStopToken() {
  return `ch-${randomUUID()}`;
}
function stopCommandsWrap(text, token = newStopToken()) {
  let t = token;
  while (text.includes(t)) t = newStopToken();
  const body = text.endsWith("\n") ? text : `${text}
`;
  return `::stop-commands::${t}
${body}::${t}::
`;
}
var MAX_ANNOTATION_MESSAGE = 8 * 1024;
var MAX_EVIDENCE_TEXT = 400;
function clip(s, max) {
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}
function annotationMessage(f) {
  const lines = [f.message];
  for (const e of f.evidence.slice(0, 8)) {
    const text = e.text ? `: ${clip(e.text, MAX_EVIDENCE_TEXT)}` : "";
    lines.push(`${ROLE_LABEL[e.role]} ${e.file}:${e.line}${e.pid !== void 0 ? ` (pid ${e.pid})` : ""}${text}`);
  }
  if (f.evidence.length > 8) lines.push(`\u2026 ${f.evidence.length - 8} more`);
  const rec = f.recommendation;
  if (rec) {
    lines.push(`Fix: ${rec.summary}`);
    const ch = rec.options[0]?.change;
    if (ch) lines.push(`Change ${ch.file}:${ch.line}${ch.before ? ` (${ch.before})` : ""} to:`, ...ch.after.split("\n"));
  }
  const docs = `Docs: ${docsUrl(f.ruleId)}`;
  return `${clip(lines.join("\n"), MAX_ANNOTATION_MESSAGE - docs.length - 1)}
${docs}`;
}
function titleOf(f) {
  const kind = f.kind === "runtime" ? "fork failure" : f.kind === "predicted" ? "predicted fork failure" : "fork hazard";
  return `cygwin-hygiene ${f.ruleId}: ${kind}`;
}
function annotationPlace(f, logs) {
  if (f.kind !== "static" && logs.has(f.file)) {
    for (const role of ["delete", "replace", "load"]) {
      const e = f.evidence.find((x) => x.role === role && !logs.has(x.file));
      if (e) return { file: e.file, line: e.line, ...e.column ? { column: e.column } : {}, moved: true };
    }
  }
  return { file: f.file, line: f.line, ...f.column ? { column: f.column } : {}, moved: false };
}
function annotation(f, logs = /* @__PURE__ */ new Set()) {
  const place = annotationPlace(f, logs);
  const outside = f.kind !== "static" && !place.moved && (/^(?:[A-Za-z]:)?[\\/]/.test(f.file) || f.file.startsWith("../"));
  const props = place.moved ? { file: place.file, line: place.line, col: place.column, title: titleOf(f) } : outside ? { title: titleOf(f) } : {
    file: f.file,
    line: f.line,
    col: f.column,
    endLine: f.endLine,
    endColumn: f.endLine === void 0 || f.endLine === f.line ? f.endColumn : void 0,
    title: titleOf(f)
  };
  const msg = annotationMessage(f);
  const where = place.moved ? `Failed at run time (${f.file}:${f.line}): ` : outside ? `${f.file}:${f.line}: ` : "";
  return workflowCommand(LEVEL[f.severity], props, `${where}${msg}`);
}
function renderGithub(doc, opts) {
  const isChanged = changedTest(opts.changedLines);
  const ranked = rankFindings(doc.findings, isChanged);
  const logs = new Set(doc.context?.logs ?? []);
  const used = { error: 0, warning: 0, notice: 0 };
  const out = [];
  const left = [];
  let total = 0;
  const limitFor = (lvl, reserveNotice) => ANNOTATION_LIMITS[lvl] - (lvl === "notice" && reserveNotice ? 1 : 0);
  const eligible = ranked.filter(
    (f) => !isChanged || opts.annotateAll || f.kind !== "static" || onChangedLines(f, isChanged)
  );
  const fitsAll = (() => {
    const n = { error: 0, warning: 0, notice: 0 };
    for (const f of eligible) n[LEVEL[f.severity]]++;
    return eligible.length === ranked.length && n.error <= ANNOTATION_LIMITS.error && n.warning <= ANNOTATION_LIMITS.warning && n.notice <= ANNOTATION_LIMITS.notice && eligible.length <= ANNOTATION_LIMITS.perJob;
  })();
  const reserve = !fitsAll;
  const perJob = ANNOTATION_LIMITS.perJob - (reserve ? 1 : 0);
  const eligibleSet = new Set(eligible);
  for (const f of ranked) {
    const lvl = LEVEL[f.severity];
    if (!eligibleSet.has(f) || used[lvl] >= limitFor(lvl, reserve) || total >= perJob) {
      left.push(f);
      continue;
    }
    used[lvl]++;
    total++;
    out.push(annotation(f, logs));
  }
  if (left.length) {
    const kinds = { runtime: 0, predicted: 0, static: 0 };
    for (const f of left) kinds[f.kind]++;
    const what = Object.entries(kinds).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ");
    const where = opts.reportLocations?.length ? opts.reportLocations.join(", ") : "the job summary, the SARIF report (code scanning) and `cygwin-hygiene check --format json`";
    const why = isChanged && !opts.annotateAll ? "annotations go to failures and the lines this PR changed first; " : "";
    out.push(
      workflowCommand(
        "notice",
        { title: "cygwin-hygiene: more findings" },
        `${plural(doc.findings.length, "finding")} in total; ${left.length} not annotated here (${what}): ${why}GitHub shows at most ${ANNOTATION_LIMITS.error} error, ${ANNOTATION_LIMITS.warning} warning and ${ANNOTATION_LIMITS.notice} notice annotations per step. The full report: ${where}.`
      )
    );
  }
  return out.length ? `${out.join("\n")}
` : "";
}

export {
  ANNOTATION_LIMITS,
  escapeData,
  escapeProperty,
  workflowCommand,
  safeLogLine,
  newStopToken,
  stopCommandsWrap,
  MAX_ANNOTATION_MESSAGE,
  annotationPlace,
  annotation,
  renderGithub
};
