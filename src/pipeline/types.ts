/**
 * The seam between the orchestration (the GitHub Action, `cygwin-hygiene run`, `cygwin-hygiene dry-run --log`) and
 * the engines (log analysis, static scan, reports). Types only: no implementation lives here.
 *
 * The orchestration never imports an engine directly; it receives a `Pipeline`. Tests inject a small one; the real
 * one is assembled in `src/pipeline/index.ts` (`createPipeline()`), the single place that wires the engines:
 *   analyze → src/diagnose/ `analyzeLogs`, scan → src/scan/ `scanPaths`,
 *   render  → src/report/ `renderReport` (after src/recommend/ `withRecommendations`).
 */
import type { Diagnostic, ReportDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rules.js';
import type { ScanOptions as EngineScanOptions } from '../scan/index.js';

export interface AnalyzeOptions {
  /** Windows folder of the Cygwin root the logs come from (maps `C:\cygwin\home\x` to `/home/x`). */
  root?: string;
  /** Folder that relative paths in findings are relative to (the workspace / working directory). */
  cwd: string;
}

export interface AnalyzeResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Cygwin release seen in the logs (e.g. strace's `DLL version:` banner), `3.5.4`. */
  cygwinVersion?: string;
}

export interface ScanOptions {
  /** Root of the scan; finding paths are relative to it. */
  cwd: string;
  /** Respect .gitignore (default true in the engines). */
  gitignore?: boolean;
  /** Further options of the scan engine (include/exclude globs, config, baseline, progress). */
  engine?: Omit<Partial<EngineScanOptions>, 'root'>;
}

export interface ScanResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Metadata of the static rules that fired (SARIF `rules[]`). */
  rules: RuleMeta[];
}

/** The report formats the orchestration asks for. */
export type PipelineFormat = 'json' | 'text' | 'github' | 'markdown' | 'sarif';

export interface PipelineRenderOptions {
  /** GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA for links; NO_COLOR. */
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Pipeline {
  /** Console output and/or Cygwin strace logs → runtime findings. Never throws for bad log content: diagnostics. */
  analyze(logPaths: readonly string[], opts: AnalyzeOptions): Promise<AnalyzeResult>;
  /** Source files or folders → static findings. */
  scan(paths: readonly string[], opts: ScanOptions): Promise<ScanResult>;
  /**
   * Join runtime and static findings into one document (join + recommendations). Optional: without it the
   * orchestration uses `makeDocument` on the concatenated findings.
   */
  combine?(runtime: AnalyzeResult, stat: ScanResult, context: ReportDocument['context']): Promise<ReportDocument>;
  /** One document in one format. `github` = workflow commands (annotations), `markdown` = the job summary. */
  render(doc: ReportDocument, format: PipelineFormat, opts: PipelineRenderOptions): Promise<string>;
}
