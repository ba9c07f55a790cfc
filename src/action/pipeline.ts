/**
 * THE place where the engines are wired into the orchestration (the action, `cygwin-hygiene run`, and
 * `cygwin-hygiene dry-run --log`). Everything else receives a `Pipeline` (src/pipeline/types.ts) and never imports
 * an engine itself, so tests inject their own.
 *
 * LEAD, at merge: replace the three bodies marked WIRE with the real engines, e.g.
 *   analyze: (logs, o) => import('../diagnose/index.js').then((m) => m.analyzeLogs(logs, o)),
 *   scan:    (paths, o) => import('../scan/index.js').then((m) => m.scanPaths(paths, o)),
 *   render:  (doc, f, o) => import('../report/index.js').then((m) => m.renderReport(doc, f, { ...o, colors, quiet })),
 * and `combine` with joinFindings + withRecommendations (src/model/join.ts, src/recommend/).
 * Until then analyze/scan report an error Diagnostic (the run still reports the tests' exit code) and render knows
 * the formats src/report/ has today (json, text). No @actions import here.
 */
import { makeDocument, type ReportDocument } from '../model/document.js';
import { joinFindings } from '../model/join.js';
import { renderReport } from '../report/index.js';
import { makeColors } from '../util/color.js';
import type { AnalyzeResult, Pipeline, ScanResult } from '../pipeline/types.js';

export async function loadPipeline(): Promise<Pipeline> {
  return {
    // WIRE: src/diagnose/ analyzeLogs
    async analyze(logPaths) {
      return {
        findings: [],
        diagnostics: [{ level: 'error', message: `the log analyzer is not wired into this build (logs not analysed: ${logPaths.join(', ')})` }],
      };
    },
    // WIRE: src/scan/ scanPaths
    async scan(paths) {
      return {
        findings: [],
        rules: [],
        diagnostics: [{ level: 'warning', message: `the static scanner is not wired into this build (not scanned: ${paths.join(', ')})` }],
      };
    },
    combine: combineDefault,
    // WIRE: src/report/ renderReport with github/markdown/sarif
    render: (doc, format, o) => renderReport(doc, format, { colors: makeColors(false), quiet: false, env: o.env, cwd: o.cwd }),
  };
}

/** Runtime + static findings in one document, joined on the library name (src/model/join.ts). */
export async function combineDefault(a: AnalyzeResult, s: ScanResult, context: ReportDocument['context']): Promise<ReportDocument> {
  const doc = makeDocument(joinFindings([...a.findings, ...s.findings]), [...a.diagnostics, ...s.diagnostics], context);
  if (s.rules.length) doc.rules = s.rules;
  return doc;
}
