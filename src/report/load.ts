import { z } from 'zod';
import { CAUSES, EVIDENCE_ROLES, FINDING_KINDS, SEVERITIES } from '../model/finding.js';
import type { ReportDocument } from '../model/document.js';
import { InputError } from '../util/errors.js';

const line = z.number().int().positive();
const evidence = z.looseObject({
  role: z.enum(EVIDENCE_ROLES),
  file: z.string(),
  line,
  column: line.optional(),
  text: z.string().optional(),
  pid: z.number().int().optional(),
  winpid: z.number().int().optional(),
});
const option = z.looseObject({
  id: z.string(),
  title: z.string(),
  because: z.string().optional(),
  detail: z.string().optional(),
  change: z
    .looseObject({ file: z.string(), line, language: z.string().optional(), before: z.string().optional(), after: z.string() })
    .optional(),
});
const finding = z.looseObject({
  kind: z.enum(FINDING_KINDS),
  ruleId: z.string().min(1),
  cause: z.enum(CAUSES),
  severity: z.enum(SEVERITIES),
  file: z.string(),
  line,
  column: line.optional(),
  endLine: line.optional(),
  endColumn: line.optional(),
  message: z.string(),
  recommendation: z.looseObject({ summary: z.string(), options: z.array(option), docs: z.string().optional() }).optional(),
  evidence: z.array(evidence),
  confidence: z.number().min(0).max(1).optional(),
  cygwinVersion: z.string().optional(),
  dll: z.string().optional(),
  language: z.string().optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
const documentSchema = z.looseObject({
  version: z.literal(1),
  tool: z.looseObject({ name: z.string(), version: z.string(), informationUri: z.string() }),
  findings: z.array(finding),
  summary: z.looseObject({ total: z.number(), static: z.number(), runtime: z.number(), predicted: z.number() }),
  diagnostics: z.array(z.looseObject({ level: z.enum(['error', 'warning', 'info']), message: z.string(), file: z.string().optional() })),
  rules: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        shortDescription: z.string(),
        fullDescription: z.string().optional(),
        docs: z.string(),
        defaultSeverity: z.enum(SEVERITIES),
      }),
    )
    .optional(),
  context: z
    .looseObject({
      root: z.string().optional(),
      cygwinVersion: z.string().optional(),
      logs: z.array(z.string()).optional(),
      command: z.array(z.string()).optional(),
    })
    .optional(),
});

/**
 * A `--format json` document read back (docs/json-format.md), validated: the input of `cygwin-hygiene render`, so the
 * action can run the engines once and render every format from the saved JSON. Bad input → InputError naming the
 * first problem's path, e.g. `findings[3].line: expected number`.
 */
export function parseReportDocument(text: string, source: string): ReportDocument {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${source}: not JSON (${(e as Error).message})`);
  }
  const r = documentSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new InputError(`${source}: not a cygwin-hygiene report (${where || 'document'}: ${issue.message})`);
  }
  return r.data as unknown as ReportDocument;
}
