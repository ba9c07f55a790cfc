import type { FailOn } from '../config/options.js';
import type { ReportDocument } from './document.js';
import { makeDocument } from './document.js';
import type { Finding, Severity } from './finding.js';

/**
 * Does this document fail the run under `failOn`? Notes never do: they are facts worth knowing that do not break
 * on Cygwin (e.g. a `system()` after a delete, which does not fork there).
 */
export function failsOn(doc: ReportDocument, failOn: FailOn): boolean {
  const counted = doc.findings.filter((f) => f.severity !== 'note');
  switch (failOn) {
    case 'none':
      return false;
    case 'any':
      return counted.length > 0;
    case 'runtime':
      return counted.some((f) => f.kind === 'runtime' || f.kind === 'predicted');
    case 'static':
      return counted.some((f) => f.kind === 'static');
  }
}

export interface DocumentSettings {
  /** Per rule id (exact, or a cause-level id like `runtime/deleted-dll`): a severity, or `off` to drop it. */
  rules?: Record<string, Severity | 'off'>;
  /** The Cygwin release to advise for when no log showed one. */
  cygwinVersion?: string;
}

/** Apply the user's settings (config `rules`, `cygwinVersion`, `--cygwin-version`) to a document. */
export function applySettings(doc: ReportDocument, s: DocumentSettings): ReportDocument {
  const rules = s.rules ?? {};
  let findings: Finding[] = doc.findings;
  if (Object.keys(rules).length) {
    findings = [];
    for (const f of doc.findings) {
      const setting = rules[f.ruleId];
      if (setting === 'off') continue;
      findings.push(setting ? { ...f, severity: setting } : f);
    }
  }
  const context = { ...doc.context };
  if (!context.cygwinVersion && s.cygwinVersion) context.cygwinVersion = s.cygwinVersion;
  if (findings === doc.findings && context.cygwinVersion === doc.context?.cygwinVersion) return doc;
  const next = makeDocument(findings, doc.diagnostics, Object.keys(context).length ? context : undefined);
  if (doc.rules) next.rules = doc.rules.filter((r) => findings.some((f) => f.ruleId === r.id));
  return next;
}
