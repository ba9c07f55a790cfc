import type { RuleMeta } from '../../model/rules.js';
import { CH001 } from './CH001.js';
import { CH002 } from './CH002.js';
import { CH003 } from './CH003.js';
import type { Rule } from './types.js';

export type { Rule, RuleContext, RuleHandlers, RuleReport } from './types.js';

/** Every static rule, by id order. */
export const RULES: readonly Rule[] = [CH001, CH002, CH003];

/** Metadata of the static rules, for reports (SARIF rules[], help links). */
export const STATIC_RULE_META: RuleMeta[] = RULES.map(({ meta }) => ({
  id: meta.id,
  name: meta.name,
  shortDescription: meta.shortDescription,
  ...(meta.fullDescription ? { fullDescription: meta.fullDescription } : {}),
  docs: meta.docs,
  defaultSeverity: meta.defaultSeverity,
}));
