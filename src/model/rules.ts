import type { Severity } from './finding.js';

/**
 * What a report needs to know about a rule id that fired: SARIF `rules[]`, help links in text output and the job
 * summary. Static rules publish theirs from src/scan/rules/; runtime/<cause> and predicted/<cause> ids come from the
 * causes table (src/model/causes.ts).
 */
export interface RuleMeta {
  /** `CH001`, `runtime/deleted-dll`, ... */
  id: string;
  /** PascalCase name for SARIF, e.g. `DeleteWhileLoaded`. */
  name: string;
  shortDescription: string;
  fullDescription?: string;
  /** Page under docs/rules/, relative to the repository root (e.g. `docs/rules/CH001.md`). */
  docs: string;
  defaultSeverity: Severity;
}
