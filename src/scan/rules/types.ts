import type { Cause, Severity } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rules.js';
import type { EventKind } from '../events.js';
import type { TraceItem } from '../flow.js';

/** What a rule reports: the three places, the engine writes the finding (message, evidence, fingerprint). */
export interface RuleReport {
  cause: Cause;
  load: TraceItem;
  /** The delete / rmtree / block end (cause deleted-dll) or the overwrite (cause replaced-dll). */
  change: TraceItem;
  spawn: TraceItem;
}

export interface RuleContext {
  report(r: RuleReport): void;
}

export type RuleHandlers = Partial<Record<EventKind, (item: TraceItem) => void>>;

/** A static rule, ESLint style: metadata plus `create(ctx)` returning handlers over the execution-order trace. */
export interface Rule {
  meta: RuleMeta & { languages: readonly string[]; defaultSeverity: Severity };
  create(ctx: RuleContext): RuleHandlers;
}
