import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import type { ReportDocument } from '../model/document.js';
import type { Evidence, Finding, Severity } from '../model/finding.js';
import type { RuleMeta } from '../model/rules.js';
import { ROLE_LABEL, changedTest, docsUrl, rankFindings, rulesFor } from './common.js';
import type { RenderOptions } from './types.js';
import { DOCS_BASE } from '../util/version.js';

/**
 * SARIF 2.1.0 for GitHub code scanning (upload-sarif). Limits from GitHub's "SARIF support for code scanning" and
 * "SARIF results exceed limits" pages (docs/reports.md): 25,000 results and 25,000 rules per run, 1,000 locations
 * per result (100 shown), a 10 MB gzip-compressed file. We cut by report priority and say so in the run's
 * invocation notifications.
 */
export interface SarifLimits {
  resultsPerRun: number;
  rulesPerRun: number;
  relatedLocationsPerResult: number;
  gzipBytes: number;
}

export const SARIF_LIMITS: Readonly<SarifLimits> = {
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  /** Shown per result by GitHub; we keep related locations at or below it. */
  relatedLocationsPerResult: 100,
  gzipBytes: 10 * 1000 * 1000,
};

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', note: 'note' };

/** A relative path as a URI reference (segments percent-encoded); absolute paths become file: URIs. */
export function toUri(file: string): { uri: string; uriBaseId?: string } {
  const p = file.replace(/\\/g, '/');
  const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  if (/^[a-z]:\//i.test(p)) return { uri: `file:///${p.slice(0, 2)}${enc(p.slice(2))}` };
  if (p.startsWith('/')) return { uri: `file://${enc(p)}` };
  return { uri: enc(p), uriBaseId: '%SRCROOT%' };
}

function physical(file: string, line: number, column?: number, endLine?: number, endColumn?: number): Sarif.PhysicalLocation {
  const region: Sarif.Region = { startLine: Math.max(1, line) };
  if (column) region.startColumn = column;
  if (endLine && endLine >= line) region.endLine = endLine;
  if (endColumn && column && (!endLine || endLine === line) && endColumn > column) region.endColumn = endColumn;
  return { artifactLocation: toUri(file), region };
}

/** Evidence text without what changes from run to run: pids, addresses, timestamps, counters. */
export function normaliseEvidenceText(text: string): string {
  return text
    .toLowerCase()
    .replace(/0x[0-9a-f]+/g, '#')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Stable across line shifts: rule, file, and the normalised evidence texts (roles + text), never line numbers. */
export function fingerprint(f: Finding): string {
  const h = createHash('sha256');
  h.update(`${f.ruleId}\0${f.file}\0`);
  for (const e of f.evidence) h.update(`${e.role}:${e.file}:${normaliseEvidenceText(e.text ?? '')}\0`);
  if (!f.evidence.length) h.update(normaliseEvidenceText(f.message));
  return h.digest('hex');
}

function ruleDescriptor(r: RuleMeta): Sarif.ReportingDescriptor {
  // The rule's own page when it names one under docs/rules/, else the page its id maps to.
  const url = r.docs.startsWith('docs/rules/') ? DOCS_BASE + r.docs.slice('docs/rules/'.length) : docsUrl(r.id);
  const full = r.fullDescription ?? r.shortDescription;
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: full },
    help: {
      text: `${full} See ${url}`,
      markdown: `${full}\n\n[Explanation and fixes](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: [r.id.startsWith('CH') ? 'static' : r.id.split('/')[0]!, 'cygwin', 'fork'] },
  };
}

function relatedLocation(e: Evidence, id: number): Sarif.Location {
  const pid = e.pid !== undefined ? ` (pid ${e.pid})` : '';
  return {
    id,
    physicalLocation: physical(e.file, e.line, e.column),
    message: { text: `${ROLE_LABEL[e.role]} ${e.file}:${e.line}${pid}${e.text ? `: ${e.text}` : ''}` },
  };
}

function resultFor(f: Finding, ruleIndex: number, fp: string): Sarif.Result {
  const rec = f.recommendation;
  const first = rec?.options[0];
  const change = first?.change ? ` (change ${first.change.file}:${first.change.line})` : '';
  const text = `${f.message}${/[.!?]$/.test(f.message) ? '' : '.'}${rec ? ` Fix: ${rec.summary}${change}.` : ''}`;
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation: physical(f.file, f.line, f.column, f.endLine, f.endColumn) }],
    partialFingerprints: { 'cygwinHygiene/v1': fp },
  };
  const related = f.evidence.slice(0, SARIF_LIMITS.relatedLocationsPerResult);
  if (related.length) result.relatedLocations = related.map((e, i) => relatedLocation(e, i + 1));
  const props: Record<string, unknown> = { kind: f.kind, cause: f.cause };
  if (f.confidence !== undefined) props.confidence = f.confidence;
  if (f.cygwinVersion) props.cygwinVersion = f.cygwinVersion;
  if (f.dll) props.dll = f.dll;
  if (f.evidence.length > related.length) props.evidenceCut = f.evidence.length - related.length;
  if (first?.because) props.recommendationBecause = first.because;
  if (rec) props.recommendations = rec.options.map((o) => o.title);
  const ch = first?.change;
  if (ch) {
    // A suggestion, not a SARIF `fix`: the snippets restructure code (collect here, delete at the end), so no
    // replacement of one region would be correct on its own.
    props.suggestedChange = `${ch.file}:${ch.line}${ch.before ? `\n- ${ch.before}` : ''}\n+ ${ch.after.split('\n').join('\n+ ')}`;
  }
  result.properties = props;
  return result;
}

export function buildSarif(doc: ReportDocument, opts: Pick<RenderOptions, 'changedLines'> = {}, limits: Readonly<SarifLimits> = SARIF_LIMITS): Sarif.Log {
  const ranked = rankFindings(doc.findings, changedTest(opts.changedLines));
  const notes: Sarif.Notification[] = [];
  let kept = ranked.slice(0, limits.resultsPerRun);
  if (ranked.length > kept.length) {
    notes.push({
      level: 'warning',
      message: { text: `${ranked.length - kept.length} of ${ranked.length} findings cut: code scanning accepts at most ${limits.resultsPerRun} results per run. The JSON report has all of them.` },
    });
  }
  const build = (findings: Finding[]): Sarif.Log => {
    const allRules = rulesFor({ ...doc, findings });
    const rules = allRules.slice(0, limits.rulesPerRun);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const seen = new Map<string, number>();
    const results: Sarif.Result[] = [];
    for (const f of findings) {
      const i = index.get(f.ruleId);
      if (i === undefined) continue;
      const base = fingerprint(f);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      results.push(resultFor(f, i, n ? `${base}:${n}` : base));
    }
    const run: Sarif.Run = {
      tool: {
        driver: {
          name: doc.tool.name,
          version: doc.tool.version,
          semanticVersion: doc.tool.version,
          informationUri: doc.tool.informationUri,
          rules: rules.map(ruleDescriptor),
        },
      },
      invocations: [
        {
          executionSuccessful: !doc.diagnostics.some((d) => d.level === 'error'),
          toolExecutionNotifications: [
            ...notes,
            ...doc.diagnostics.map(
              (d): Sarif.Notification => ({
                level: d.level === 'info' ? 'note' : d.level,
                message: { text: d.file ? `${d.file}: ${d.message}` : d.message },
                ...(d.file ? { locations: [{ physicalLocation: { artifactLocation: toUri(d.file) } }] } : {}),
              }),
            ),
          ],
        },
      ],
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned root (the repository checkout).' } } },
      columnKind: 'utf16CodeUnits',
      results,
    };
    if (doc.context?.cygwinVersion) run.properties = { cygwinVersion: doc.context.cygwinVersion };
    return { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run] };
  };
  let log = build(kept);
  // Stay under the upload size: halve the kept results until the gzipped file fits.
  while (kept.length > 1 && gzipSync(JSON.stringify(log)).length > limits.gzipBytes) {
    const before = kept.length;
    kept = kept.slice(0, Math.floor(kept.length / 2));
    notes.push({
      level: 'warning',
      message: { text: `${before - kept.length} more findings cut to keep the gzipped SARIF file under ${limits.gzipBytes} bytes.` },
    });
    log = build(kept);
  }
  return log;
}

export function renderSarif(doc: ReportDocument, opts: RenderOptions): string {
  return `${JSON.stringify(buildSarif(doc, opts), null, 2)}\n`;
}
