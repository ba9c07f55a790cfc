/**
 * The engines assembled into one pipeline: logs → runtime findings, sources → static findings, both joined on the
 * library and given recommendations, then rendered. The CLI's `check`, `run` and `dry-run --log` and the GitHub
 * Action all take it from here (the action through `createPipeline()`); tests may inject their own `Pipeline`.
 * Pure apart from reading the inputs: no @actions import, no output.
 */
import { makeDocument, type ReportDocument } from '../model/document.js';
import { joinFindings } from '../model/join.js';
import { makeColors } from '../util/color.js';
import { openLogs } from './logs.js';
import type { AnalyzeResult, Pipeline, ScanResult } from './types.js';

export type { AnalyzeResult, Pipeline, PipelineFormat, ScanResult } from './types.js';

export function createPipeline(opts: { stdin?: NodeJS.ReadableStream } = {}): Pipeline {
  return {
    async analyze(logPaths, o) {
      const { analyzeLogs } = await import('../diagnose/index.js');
      const opened = await openLogs(logPaths, { cwd: o.cwd, ...(opts.stdin ? { stdin: opts.stdin } : {}) });
      const r = await analyzeLogs(opened.inputs, { cwd: o.cwd, ...(o.root ? { cygwinRoot: o.root } : {}) });
      const out: AnalyzeResult = { findings: r.findings, diagnostics: [...opened.diagnostics, ...r.diagnostics] };
      if (r.cygwinVersion) out.cygwinVersion = r.cygwinVersion;
      return out;
    },
    async scan(paths, o) {
      const { scanPaths } = await import('../scan/index.js');
      const r = await scanPaths([...paths], { ...o.engine, root: o.cwd });
      return { findings: r.findings, diagnostics: r.diagnostics, rules: r.rules };
    },
    combine: combineResults,
    async render(doc, format, o) {
      const { renderReport } = await import('../report/index.js');
      return renderReport(doc, format, { colors: makeColors(false), quiet: false, env: o.env, cwd: o.cwd });
    },
  };
}

/** Runtime + static findings in one document, joined on the library name (src/model/join.ts). */
export async function combineResults(a: AnalyzeResult, s: ScanResult, context: ReportDocument['context']): Promise<ReportDocument> {
  const doc = makeDocument(joinFindings([...a.findings, ...s.findings]), [...a.diagnostics, ...s.diagnostics], context);
  if (s.rules.length) doc.rules = s.rules;
  return doc;
}
