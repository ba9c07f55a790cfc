import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  ROLE_LABEL,
  changedTest,
  countsPhrase,
  docsUrl,
  plural,
  rankFindings
} from "./chunk-W22KW7SL.js";
import "./chunk-KZW6LR3C.js";
import "./chunk-KF6F6BZT.js";
import {
  dllBasename
} from "./chunk-GQQAAGHG.js";
import "./chunk-F7VJF5RF.js";
import "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";

// src/report/timeline.ts
function mermaidText(s, max = 80) {
  let t = s.replace(/\s+/g, " ").trim();
  if (t.length > max) t = `${t.slice(0, max - 1)}\u2026`;
  return t.replace(/[^A-Za-z0-9 ._/-]/g, (ch) => `#${ch.codePointAt(0)};`).replace(/--/g, "-#45;");
}
var PROGRAM = /\[[\w-]+\]\s+([^\s[\]]+)\s+(\d+)\s/;
function programOf(evidence, pid) {
  for (const e of evidence) {
    if (!e.text) continue;
    const m = PROGRAM.exec(e.text);
    if (m && Number(m[2]) === pid) return m[1];
  }
  return void 0;
}
function eventText(e, dll) {
  switch (e.role) {
    case "load":
      return `load ${dll}`;
    case "delete":
      return `delete ${dll}`;
    case "replace":
      return `replace ${dll}`;
    case "spawn":
      return "spawn";
    case "fork":
      return "fork()";
    case "fork-failure":
      return `fork failed${failureDetail(e.text)}`;
    case "abort":
      return `abort${failureDetail(e.text)}`;
    case "exit":
      return "exit";
    case "context":
      return e.text?.replace(/^\s*(?:\d+\s+){1,2}\[[^\]]*\]\s+\S+\s+\(?\d+\)?!?\s+/, "") ?? "context";
  }
}
function failureDetail(text) {
  if (!text) return "";
  const m = /(unable to map|address space needed|Loaded to different address|died [\w ]+|Win32 error \d+|errno \d+|cygheap[\w ]+)/.exec(text);
  if (!m) return "";
  const extra = /Win32 error \d+/.exec(text);
  return `: ${m[1]}${extra && extra[0] !== m[1] ? `, ${extra[0]}` : ""}`;
}
function hasTimeline(f) {
  return (f.kind === "runtime" || f.kind === "predicted") && f.evidence.some((e) => e.pid !== void 0);
}
function mermaidTimeline(f) {
  const events = f.evidence.filter((e) => e.pid !== void 0);
  if (!events.length) return void 0;
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.file === b.e.file ? a.e.line - b.e.line : a.i - b.i) || a.i - b.i).map((x) => x.e);
  const dll = f.dll ? dllBasename(f.dll) : "the DLL";
  const pids = [];
  for (const e of ordered) if (!pids.includes(e.pid)) pids.push(e.pid);
  const child = typeof f.properties?.childPid === "number" ? f.properties.childPid : void 0;
  if (child !== void 0 && !pids.includes(child) && ordered.some((e) => e.role === "fork")) pids.push(child);
  const lines = ["sequenceDiagram"];
  for (const pid of pids) {
    const prog = programOf(f.evidence, pid);
    lines.push(`  participant P${pid} as ${mermaidText(prog ? `${prog} ${pid}` : `pid ${pid}`, 40)}`);
  }
  const forker = ordered.find((e) => e.role === "fork")?.pid;
  for (const [i, e] of ordered.entries()) {
    const p = `P${e.pid}`;
    const label = mermaidText(eventText(e, dll));
    if (e.role === "fork" && e.pid !== forker) {
      lines.push(`  Note over ${p}: ${mermaidText("fork child starts")}`);
    } else if (e.role === "fork") {
      const next = ordered.slice(i + 1).find((x) => x.pid !== e.pid)?.pid ?? (child !== e.pid ? child : void 0);
      lines.push(next !== void 0 ? `  ${p}->>P${next}: ${label}` : `  ${p}->>${p}: ${label}`);
    } else if (e.role === "abort") {
      const parent = pids.find((x) => x !== e.pid && ordered.some((o) => o.pid === x && o.role === "fork"));
      lines.push(parent !== void 0 ? `  ${p}--xP${parent}: ${label}` : `  Note over ${p}: ${label}`);
    } else if (e.role === "fork-failure" || e.role === "exit" || e.role === "context") {
      lines.push(`  Note over ${p}: ${label}`);
    } else {
      lines.push(`  ${p}->>${p}: ${label}`);
    }
  }
  return lines.filter((l, i) => !(l.startsWith("  Note over") && l === lines[i - 1])).join("\n");
}

// src/report/markdown.ts
var STEP_SUMMARY_LIMIT = 1024 * 1024;
var DEFAULT_MARKDOWN_BUDGET = STEP_SUMMARY_LIMIT - 16 * 1024;
var MAX_TABLE_ROWS = 1e3;
function mdText(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/[\\`*_{}[\]<>#|~&$@]/g, (ch) => `&#${ch.codePointAt(0)};`);
}
function mdProse(s) {
  return s.split(/`([^`\n]+)`/).map((part, i) => i % 2 ? `<code>${mdText(part)}</code>` : mdText(part)).join("");
}
function fenced(code, lang = "") {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const info = lang.replace(/[^\w+-]/g, "");
  const clean = code.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\uFFFD");
  return `${fence}${info}
${clean}
${fence}`;
}
function encodePath(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
function locationLink(env, file, line, notInRepo) {
  const label = mdText(`${file}:${line}`);
  if (notInRepo?.has(file)) return label;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || /^[a-z]:|^\//i.test(file) || file.split("/").includes("..")) return label;
  if (!/^https?:\/\/[^\s()<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{7,64}$/i.test(sha)) return label;
  return `[${label}](${server}/${repo}/blob/${sha}/${encodePath(file)}#L${line})`;
}
var KIND_LABEL = { runtime: "runtime failure", predicted: "predicted failure", static: "static" };
var SEV_ICON = { error: "\u{1F534}", warning: "\u{1F7E0}", note: "\u{1F535}" };
function renderMarkdown(doc, opts) {
  const budget = opts.markdownBudget ?? DEFAULT_MARKDOWN_BUDGET;
  const isChanged = changedTest(opts.changedLines);
  const ranked = rankFindings(doc.findings, isChanged);
  const env = opts.env;
  const logs = new Set(doc.context?.logs ?? []);
  const s = doc.summary;
  const verdict = s.total === 0 ? "## \u2705 cygwin-hygiene: no fork hazards found" : s.runtime > 0 ? `## \u274C cygwin-hygiene: ${plural(s.runtime, "fork failure")} in the logs` : s.predicted > 0 ? `## \u26A0\uFE0F cygwin-hygiene: ${plural(s.predicted, "predicted fork failure")}` : `## \u26A0\uFE0F cygwin-hygiene: ${plural(s.static, "fork hazard")} in the sources`;
  const head = [verdict, ""];
  if (s.total) head.push(`${plural(s.total, "finding")}: ${countsPhrase(doc)}.`, "");
  const ctx = doc.context;
  const facts = [];
  if (ctx?.cygwinVersion) facts.push(`Cygwin ${mdText(ctx.cygwinVersion)}`);
  if (ctx?.logs?.length) facts.push(`logs: ${ctx.logs.map(mdText).join(", ")}`);
  facts.push(`${mdText(doc.tool.name)} ${mdText(doc.tool.version)}`);
  head.push(`<sub>${facts.join(" \xB7 ")}</sub>`, "");
  const sections = [];
  let order = 0;
  if (ranked.length) {
    sections.push({
      order: order++,
      priority: 0,
      category: "table",
      text: "| | Kind | Rule | Where | What |\n|---|---|---|---|---|"
    });
    ranked.forEach((f, i) => {
      const row = `| ${SEV_ICON[f.severity]} | ${KIND_LABEL[f.kind]} | [${mdText(f.ruleId)}](${docsUrl(f.ruleId)}) | ${locationLink(env, f.file, f.line, logs)} | ${mdText(f.message)} |`;
      sections.push({
        order: order++,
        priority: i >= MAX_TABLE_ROWS ? 99 : f.kind === "runtime" ? 1 : f.kind === "predicted" ? 3 : 6,
        category: "table rows",
        text: row
      });
    });
    sections.push({ order: order++, priority: 0, category: "table", text: "" });
  }
  const failureFindings = ranked.filter((f) => f.kind !== "static");
  const staticFindings = ranked.filter((f) => f.kind === "static");
  if (failureFindings.length) sections.push({ order: order++, priority: 2, category: "headings", text: "### Failures\n" });
  for (const f of failureFindings) {
    sections.push({ order: order++, priority: f.kind === "runtime" ? 2 : 4, category: "failure timelines", text: failureSection(f, env, logs) });
  }
  if (staticFindings.length) sections.push({ order: order++, priority: 5, category: "headings", text: "### Findings in the sources\n" });
  for (const f of staticFindings) {
    sections.push({ order: order++, priority: 7, category: "finding details", text: staticSection(f, env, logs) });
  }
  if (doc.diagnostics.length) {
    const items = doc.diagnostics.slice(0, 200).map((d) => `- **${d.level}**: ${d.file ? `${mdText(d.file)}: ` : ""}${mdText(d.message)}`);
    if (doc.diagnostics.length > 200) items.push(`- \u2026 ${doc.diagnostics.length - 200} more`);
    sections.push({ order: order++, priority: 5, category: "diagnostics", text: `### Diagnostics

${items.join("\n")}
` });
  }
  const headText = head.join("\n");
  const enc = (t) => Buffer.byteLength(t, "utf8") + 1;
  const NOTE_RESERVE = 600;
  let used = enc(headText) + NOTE_RESERVE;
  const admitted = /* @__PURE__ */ new Set();
  const byPriority = [...sections].sort((a, b) => a.priority - b.priority || a.order - b.order);
  const cut = /* @__PURE__ */ new Map();
  for (const sec of byPriority) {
    const size = enc(sec.text);
    if (sec.priority < 99 && used + size <= budget) {
      admitted.add(sec);
      used += size;
    } else {
      cut.set(sec.category, (cut.get(sec.category) ?? 0) + 1);
    }
  }
  const body = sections.filter((sec) => admitted.has(sec));
  const hasRows = body.some((x) => x.category === "table rows");
  const finalBody = body.filter((x) => x.category === "table" ? hasRows : true);
  const parts = [headText];
  if (cut.size) {
    const CUT_ORDER = ["table rows", "failure timelines", "diagnostics", "finding details"];
    const what = [...cut.entries()].filter(([k]) => CUT_ORDER.includes(k)).sort(([a], [b]) => CUT_ORDER.indexOf(a) - CUT_ORDER.indexOf(b)).map(([k, n]) => `${n.toLocaleString("en-US")} ${k}`).join(", ");
    parts.push(
      `> [!NOTE]
> Cut to stay under GitHub\u2019s 1 MiB step-summary limit${ranked.length > MAX_TABLE_ROWS ? ` (and the ${MAX_TABLE_ROWS}-row table cap)` : ""}: ${what}. The SARIF report and \`--format json\` have all ${ranked.length.toLocaleString("en-US")} findings.
`
    );
  }
  parts.push(...finalBody.map((x) => x.text));
  return `${parts.join("\n").replace(/\n+$/, "")}
`;
}
function evidenceList(f, env, logs) {
  return f.evidence.map(
    (e) => `- ${ROLE_LABEL[e.role]} ${locationLink(env, e.file, e.line, logs)}${e.pid !== void 0 ? ` (pid ${e.pid})` : ""}${e.text ? `: <code>${mdText(e.text)}</code>` : ""}`
  ).join("\n");
}
function recommendationBlock(f) {
  const rec = f.recommendation;
  if (!rec) return `[Docs](${docsUrl(f.ruleId)})`;
  const out = [`**Fix:** ${mdProse(rec.summary)}`];
  const first = rec.options[0];
  if (first?.because) out.push("", mdProse(first.because));
  if (first?.change) {
    const ch = first.change;
    out.push("", `Change ${mdText(`${ch.file}:${ch.line}`)}:`, "");
    if (ch.before) out.push(fenced(`- ${ch.before}`, "diff"), "");
    out.push(fenced(ch.after, ch.language ?? ""));
  }
  if (rec.options.length > 1) {
    out.push("", "<details><summary>Other options</summary>", "");
    for (const o of rec.options.slice(1)) out.push(`- **${mdProse(o.title)}**${o.because ? ` \u2014 ${mdProse(o.because)}` : ""}`);
    out.push("", "</details>");
  }
  out.push("", `[Docs: ${mdText(f.ruleId)}](${docsUrl(f.ruleId)})`);
  return out.join("\n");
}
function failureSection(f, env, logs) {
  const out = [`#### ${SEV_ICON[f.severity]} ${mdText(f.ruleId)} at ${locationLink(env, f.file, f.line, logs)}`, "", mdText(f.message), ""];
  if (hasTimeline(f)) {
    const diagram = mermaidTimeline(f);
    if (diagram) out.push(fenced(diagram, "mermaid"), "");
  }
  out.push("<details><summary>Evidence</summary>", "", evidenceList(f, env, logs), "", "</details>", "");
  out.push(recommendationBlock(f), "");
  return out.join("\n");
}
function staticSection(f, env, logs) {
  return [
    `<details><summary>${SEV_ICON[f.severity]} ${mdText(f.ruleId)} ${mdText(`${f.file}:${f.line}`)}: ${mdText(f.message)}</summary>`,
    "",
    locationLink(env, f.file, f.line, logs),
    "",
    evidenceList(f, env, logs),
    "",
    recommendationBlock(f),
    "",
    "</details>",
    ""
  ].join("\n");
}
export {
  DEFAULT_MARKDOWN_BUDGET,
  MAX_TABLE_ROWS,
  STEP_SUMMARY_LIMIT,
  fenced,
  locationLink,
  mdProse,
  mdText,
  renderMarkdown
};
