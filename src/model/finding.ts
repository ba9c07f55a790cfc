/**
 * The one finding model every engine produces (static scan, runtime diagnosis, prediction) and every report
 * consumes. Pure data: no I/O here. The JSON contract built from it is documented in docs/json-format.md.
 */

export const FINDING_KINDS = ['static', 'runtime', 'predicted'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Why a fork failed (runtime, predicted) or would fail (static). See docs/causes.md. */
export const CAUSES = [
  'deleted-dll',
  'replaced-dll',
  'address-collision',
  'heap',
  'resources',
  'interference',
  'unknown',
] as const;
export type Cause = (typeof CAUSES)[number];

export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EVIDENCE_ROLES = [
  'load',
  'delete',
  'replace',
  'spawn',
  'fork',
  'fork-failure',
  'abort',
  'exit',
  'context',
] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

/** A related place: where the DLL was loaded, deleted, where the fork happened or failed. */
export interface Evidence {
  role: EvidenceRole;
  /** Relative to the scanned root (forward slashes) for sources; the log path for log lines. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
  /** The source or log text of that line (trimmed), or a short description. */
  text?: string;
  /** Process ids where the place is a process event (runtime, predicted). */
  pid?: number;
  winpid?: number;
}

/** One option of a recommendation, most preferred first. */
export interface RecommendationOption {
  /** Stable id, e.g. `defer-delete`, `unique-name`, `spawn-no-fork`, `cygfork-dir`, `rebase`. */
  id: string;
  /** One line. */
  title: string;
  /** Why this option applies here (the condition that selected it, e.g. the Cygwin version). */
  because?: string;
  /** A paragraph of plain text (may contain inline code in backticks). */
  detail?: string;
  /** A concrete edit when the engine knows the file and language. */
  change?: {
    file: string;
    line: number;
    language?: string;
    before?: string;
    after: string;
  };
}

export interface Recommendation {
  /** One line: the first option's title, phrased as an action. */
  summary: string;
  options: RecommendationOption[];
  /** Docs page for the cause or rule, relative to the repository (docs/rules/...). */
  docs?: string;
}

export interface Finding {
  kind: FindingKind;
  /** `CH...` rule ids for static rules, `runtime/<cause>` and `predicted/<cause>` for the others. */
  ruleId: string;
  cause: Cause;
  severity: Severity;
  /** Relative to the scanned root (forward slashes); for runtime findings, the log file. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  recommendation?: Recommendation;
  evidence: Evidence[];
  /** Confidence of the cause, 0..1 (runtime and predicted findings). */
  confidence?: number;
  /** The Cygwin release the evidence came from, e.g. `3.5.4`, when known. */
  cygwinVersion?: string;
  /** The DLL / shared object concerned: POSIX path where known, else as printed. */
  dll?: string;
  /** Source language of `file` for static findings (`c`, `python`, ...). */
  language?: string;
  /** Free-form machine-readable facts, e.g. pids, Win32 error, the exit status. */
  properties?: Record<string, string | number | boolean>;
}

/** Normalise a path for the model: forward slashes, no leading `./`. */
export function toModelPath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

const KIND_ORDER: Record<FindingKind, number> = { runtime: 0, predicted: 1, static: 2 };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** A deterministic order: runtime failures first, then predictions, then static; by file, line, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The basename of a DLL path in either Windows or POSIX form, lower-cased (Windows file names ignore case). */
export function dllBasename(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s.slice(s.lastIndexOf('/') + 1).toLowerCase();
}
