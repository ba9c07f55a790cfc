import type { Diagnostic } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import type { RuleMeta } from '../model/rules.js';
import { baselineKey, type Baseline } from './baseline.js';
import { scanFile, type FileOutcome, type FileScanOptions, type FileTask } from './file.js';
import { languageOf } from './languages.js';
import { scanInWorkers, threadsFor } from './pool.js';
import { STATIC_RULE_META } from './rules/index.js';
import { DEFAULT_MAX_FILE_SIZE, walk, type WalkOptions } from './walker.js';

export { toBaseline, readBaseline, type Baseline } from './baseline.js';
export { analyzeText } from './engine.js';
export { STATIC_RULE_META, RULES } from './rules/index.js';
export { DEFAULT_MAX_FILE_SIZE } from './walker.js';
export { MIN_FILES_FOR_THREADS } from './pool.js';

/** The walker's options (root, globs, config globs, size limit: src/scan/walker.ts) and the scan's own. */
export interface ScanOptions extends WalkOptions {
  /** Per-rule severity or `off` (config `rules`). */
  ruleSeverity?: Record<string, Severity | 'off'>;
  /** Findings matching the baseline are dropped (counted in stats.baselined). */
  baseline?: Baseline;
  /** Called after each file: files done, files total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads that read and analyse the files: 0 = all on the calling thread. Default: none below
   * MIN_FILES_FOR_THREADS (2000) files in a language the scan reads, else one per core (at most 4).
   */
  threads?: number;
}

export interface ScanStats {
  /** Files in a language the scan reads. */
  files: number;
  /** Of those, files that passed the prefilter and were parsed. */
  parsed: number;
  /** Files skipped: binary, too big, unreadable, unknown language named explicitly. */
  skipped: number;
  baselined: number;
}

export interface ScanResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Metadata of the rules that fired. */
  rules: RuleMeta[];
  stats: ScanStats;
}

/** The static scan (issue 4). Pure apart from reading the files: no output, no exit. */
export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanResult> {
  const { files, diagnostics } = await walk(paths, opts);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const stats: ScanStats = { files: 0, parsed: 0, skipped: 0, baselined: 0 };
  const tasks: FileTask[] = [];
  for (const f of files) {
    const nameLang = languageOf(f.abs);
    // Extension-less scripts: decided by their #! line when read.
    if (nameLang || !/\.[^/]+$/.test(f.rel)) tasks.push({ abs: f.abs, rel: f.rel, nameLang });
    else if (f.explicit) {
      diagnostics.push({ level: 'info', file: f.rel, message: 'not a language the scan reads; skipped' });
      stats.skipped++;
    }
  }
  const fileOpts: FileScanOptions = { maxFileSize: max, ...(opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {}) };
  let done = 0;
  const progress = opts.onProgress ? (): void => opts.onProgress!(++done, tasks.length) : undefined;
  const threads = threadsFor(tasks.length, opts.threads);
  let results: FileOutcome[];
  if (threads > 0) {
    const r = await scanInWorkers(tasks, fileOpts, threads, progress);
    results = r.outcomes;
    // The files were all scanned (on this thread instead); say why the threads were not used.
    if (r.problem) diagnostics.push({ level: 'info', message: `worker threads not used for every file (${r.problem}); those files were scanned on the main thread` });
  } else {
    // One file after the other: the reads are synchronous (docs/scan.md, "Performance").
    results = [];
    for (const t of tasks) {
      results.push(await scanFile(t, fileOpts));
      progress?.();
    }
  }
  for (const r of results) {
    stats.files += r.files;
    stats.parsed += r.parsed;
    stats.skipped += r.skipped;
  }
  let findings = results.flatMap((r) => r.findings);
  for (const r of results) diagnostics.push(...r.diags);
  if (opts.baseline) {
    const keys = new Set(opts.baseline.findings.map(baselineKey));
    const before = findings.length;
    findings = findings.filter((f) => !keys.has(baselineKey({ ruleId: f.ruleId, file: f.file, fingerprint: String(f.properties?.fingerprint ?? '') })));
    stats.baselined = before - findings.length;
  }
  const fired = new Set(findings.map((f) => f.ruleId));
  return { findings, diagnostics, rules: STATIC_RULE_META.filter((m) => fired.has(m.id)), stats };
}
