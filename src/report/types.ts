import type { Colors } from '../util/color.js';

/** Lines a pull request changed, per file (relative to the root, forward slashes): a set of lines or ranges. */
export type ChangedLines = Map<string, Set<number> | ReadonlyArray<{ start: number; end: number }>>;

export interface RenderOptions {
  colors: Colors;
  quiet: boolean;
  /** For links in markdown/SARIF (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA) and PR context. */
  env: NodeJS.ProcessEnv;
  /** Source lines are read relative to `cwd` joined with `doc.context.root`. */
  cwd: string;
  /**
   * Lines the PR changed (the action computes them from the PR diff). When given, the github format annotates runtime
   * and predicted failures plus the findings on changed lines, and counts the rest in its overflow notice.
   */
  changedLines?: ChangedLines;
  /** github: annotate findings off the changed lines too (still within the per-step limits). */
  annotateAll?: boolean;
  /** github: where the full report is, for the overflow notice (e.g. `the job summary`, `SARIF in code scanning`). */
  reportLocations?: string[];
  /** markdown: byte budget for the job summary (default: just under GitHub's 1 MiB per step). */
  markdownBudget?: number;
}
