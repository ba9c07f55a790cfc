import type { Finding, FindingKind } from './finding.js';
import { sortFindings } from './finding.js';
import type { RuleMeta } from './rules.js';
import { TOOL_NAME, TOOL_VERSION, TOOL_URI } from '../util/version.js';

/** Something the tool wants the user to know that is not a finding: a skipped file, a truncated log. */
export interface Diagnostic {
  level: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
}

/** Everything a report renders. `--format json` prints exactly this (docs/json-format.md). */
export interface ReportDocument {
  version: 1;
  tool: { name: string; version: string; informationUri: string };
  findings: Finding[];
  /** Counts by kind, for a quick verdict without walking the findings. */
  summary: { total: number } & Record<FindingKind, number>;
  /** What went wrong on the way (unreadable files, truncated logs): the findings above are still valid. */
  diagnostics: Diagnostic[];
  /** Metadata of the rules that fired (static rules; the report derives runtime/predicted ones from causes). */
  rules?: RuleMeta[];
  /** Facts about the run, e.g. the Cygwin version detected, the scanned root, the logs read. */
  context?: { root?: string; cygwinVersion?: string; logs?: string[]; command?: string[] };
}

export function makeDocument(
  findings: readonly Finding[],
  diagnostics: readonly Diagnostic[] = [],
  context?: ReportDocument['context'],
): ReportDocument {
  const sorted = sortFindings(findings);
  const summary = { total: sorted.length, static: 0, runtime: 0, predicted: 0 };
  for (const f of sorted) summary[f.kind]++;
  const doc: ReportDocument = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI },
    findings: sorted,
    summary,
    diagnostics: [...diagnostics],
  };
  if (context) doc.context = context;
  return doc;
}
