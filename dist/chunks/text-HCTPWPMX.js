import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  ROLE_LABEL,
  SourceLines,
  countsPhrase,
  docsUrl,
  oneLine,
  plural,
  rootOf
} from "./chunk-W22KW7SL.js";
import "./chunk-KZW6LR3C.js";
import "./chunk-KF6F6BZT.js";
import "./chunk-GQQAAGHG.js";
import "./chunk-F7VJF5RF.js";
import "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";

// src/report/text.ts
function renderText(doc, opts) {
  const c = opts.colors;
  const src = new SourceLines(rootOf(doc, opts.cwd));
  const out = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const f of doc.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, findings] of byFile) {
    out.push(c.bold(oneLine(file)));
    for (const f of findings) {
      const sev = f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.cyan("note");
      const where = `${f.line}${f.column ? `:${f.column}` : ""}`;
      out.push(`  ${where.padEnd(7)} ${sev}  ${oneLine(f.message)}  ${c.dim(`[${oneLine(f.ruleId)}]`)}`);
      const excerpt = sourceExcerpt(src, f);
      if (excerpt) out.push(...excerpt.map((l) => `    ${c.dim(l.gutter)}${l.text}`));
      for (const e of f.evidence) {
        const label = ROLE_LABEL[e.role].padEnd(10);
        const pid = e.pid !== void 0 ? c.dim(` (pid ${e.pid})`) : "";
        const text = e.text ? `  ${c.dim(oneLine(e.text))}` : "";
        out.push(`    ${label} ${oneLine(e.file)}:${e.line}${e.column ? `:${e.column}` : ""}${pid}${text}`);
      }
      const rec = f.recommendation;
      if (rec) {
        const first = rec.options[0];
        out.push(`    ${c.green("fix:")} ${oneLine(rec.summary)}`);
        if (first?.because) out.push(`         ${c.dim(oneLine(first.because))}`);
        if (first?.change) {
          const ch = first.change;
          out.push(`         ${c.dim(`change ${oneLine(ch.file)}:${ch.line}:`)}`);
          if (ch.before) out.push(`         ${c.red(`- ${oneLine(ch.before)}`)}`);
          for (const l of ch.after.split("\n")) out.push(`         ${c.green(`+ ${oneLine(l)}`)}`);
        }
        const more = rec.options.length - 1;
        if (more > 0) out.push(`         ${c.dim(`${plural(more, "other option")}: ${rec.options.slice(1).map((o) => o.id).join(", ")}`)}`);
      }
      out.push(`    ${c.dim(`docs: ${docsUrl(f.ruleId)}`)}`);
    }
    out.push("");
  }
  if (!opts.quiet) {
    for (const d of doc.diagnostics) {
      out.push(`${d.level === "error" ? c.red(d.level) : c.yellow(d.level)}: ${d.file ? `${oneLine(d.file)}: ` : ""}${oneLine(d.message)}`);
    }
    const s = doc.summary;
    if (s.total === 0) {
      out.push(c.green("no fork hazards found"));
    } else {
      const errors = doc.findings.filter((f) => f.severity === "error").length;
      const warnings = doc.findings.filter((f) => f.severity === "warning").length;
      const sev = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ");
      out.push(
        `${c.bold(plural(s.total, "finding"))} in ${plural(byFile.size, "file")}: ${countsPhrase(doc)}${sev ? ` (${sev})` : ""}` + (doc.diagnostics.length ? `; ${plural(doc.diagnostics.length, "diagnostic")}` : "")
      );
    }
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.length ? `${out.join("\n")}
` : "";
}
function sourceExcerpt(src, f) {
  const raw = src.line(f.file, f.line);
  if (raw === void 0) return void 0;
  const text = oneLine(raw.replace(/\s+$/, ""));
  if (!text.trim()) return void 0;
  const num = String(f.line);
  const gutter = `${num} | `;
  const blank = `${" ".repeat(num.length)} | `;
  const col = f.column ?? text.length - text.trimStart().length + 1;
  const endCol = f.endColumn && (!f.endLine || f.endLine === f.line) && f.endColumn > col ? f.endColumn : void 0;
  const width = endCol ? endCol - col : f.column ? Math.max(1, /^\S+/.exec(text.slice(col - 1))?.[0].length ?? 1) : 1;
  const caret = `${" ".repeat(Math.max(0, col - 1))}${"^".repeat(Math.max(1, Math.min(width, text.length - col + 1)))}`;
  return [
    { gutter, text },
    { gutter: blank, text: caret }
  ];
}
export {
  renderText
};
