import { open } from 'node:fs/promises';
import type { Diagnostic } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import type { RuleMeta } from '../model/rules.js';
import { baselineKey, type Baseline } from './baseline.js';
import { analyzeText } from './engine.js';
import { languageOf, prefilterBytes } from './languages.js';
import { STATIC_RULE_META } from './rules/index.js';
import { DEFAULT_MAX_FILE_SIZE, mapLimit, walk, type WalkOptions } from './walker.js';

export { toBaseline, readBaseline, type Baseline } from './baseline.js';
export { analyzeText } from './engine.js';
export { STATIC_RULE_META, RULES } from './rules/index.js';
export { DEFAULT_MAX_FILE_SIZE } from './walker.js';

/** The walker's options (root, globs, config globs, size limit: src/scan/walker.ts) and the scan's own. */
export interface ScanOptions extends WalkOptions {
  /** Per-rule severity or `off` (config `rules`). */
  ruleSeverity?: Record<string, Severity | 'off'>;
  /** Findings matching the baseline are dropped (counted in stats.baselined). */
  baseline?: Baseline;
  /** Called after each file: files done, files total. */
  onProgress?: (done: number, total: number) => void;
  /** Files read and analysed at once (default 8). */
  concurrency?: number;
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

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The static scan (issue 4). Pure apart from reading the files: no output, no exit. */
export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanResult> {
  const { files, diagnostics } = await walk(paths, opts);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const stats: ScanStats = { files: 0, parsed: 0, skipped: 0, baselined: 0 };
  const candidates = files.filter((f) => {
    if (languageOf(f.abs)) return true;
    // Extension-less scripts: decided by their #! line below.
    if (!/\.[^/]+$/.test(f.rel)) return true;
    if (f.explicit) {
      diagnostics.push({ level: 'info', file: f.rel, message: 'not a language the scan reads; skipped' });
      stats.skipped++;
    }
    return false;
  });
  let done = 0;
  const results = await mapLimit(candidates, opts.concurrency ?? 8, async (f) => {
    const diags: Diagnostic[] = [];
    try {
      // one open for the size check and the read (a stat and a readFile would resolve the path twice)
      const fh = await open(f.abs, 'r');
      let buf: Buffer;
      try {
        const size = (await fh.stat()).size;
        if (size > max) {
          stats.files++;
          stats.skipped++;
          diags.push({ level: 'warning', file: f.rel, message: `skipped: ${size} bytes is over the --max-file-size of ${max}` });
          return { findings: [], diags };
        }
        buf = await fh.readFile();
      } finally {
        await fh.close();
      }
      const nul = buf.subarray(0, 8192).includes(0);
      const firstLine = nul ? '' : buf.subarray(0, 200).toString('latin1').split('\n')[0] ?? '';
      const lang = languageOf(f.abs, firstLine);
      if (!lang) return { findings: [], diags };
      stats.files++;
      if (nul) {
        stats.skipped++;
        diags.push({ level: 'info', file: f.rel, message: 'binary file (NUL byte) skipped' });
        return { findings: [], diags };
      }
      // The prefilter's words are ASCII, so they are found in the raw bytes exactly when they are in the text:
      // files that cannot match are never decoded.
      if (!prefilterBytes(lang, buf)) return { findings: [], diags };
      let text: string;
      try {
        text = decoder.decode(buf);
      } catch {
        text = lenient.decode(buf);
        diags.push({ level: 'info', file: f.rel, message: 'not valid UTF-8; read with replacement characters' });
      }
      text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      stats.parsed++;
      const r = await analyzeText(f.rel, text, lang, opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {});
      return { findings: r.findings, diags: [...diags, ...r.diagnostics] };
    } catch (e) {
      stats.skipped++;
      const code = (e as NodeJS.ErrnoException).code;
      diags.push({ level: 'error', file: f.rel, message: code ? `cannot read: ${code}` : `could not analyse: ${(e as Error).message}` });
      return { findings: [], diags };
    } finally {
      opts.onProgress?.(++done, candidates.length);
    }
  });
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
