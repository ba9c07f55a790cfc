import { readFile } from 'node:fs/promises';
import type { Finding } from '../model/finding.js';
import { InputError } from '../util/errors.js';

/**
 * A baseline: accepted static findings, keyed by rule + file + a line-independent fingerprint (hash of the normalised
 * load and delete/replace code). Format (docs/scan.md#baseline):
 *   { "version": 1, "findings": [ { "ruleId": "CH001", "file": "tests/ffi-tests.scm", "fingerprint": "…" } ] }
 */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
}
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export function baselineKey(e: BaselineEntry): string {
  return `${e.ruleId}\0${e.file}\0${e.fingerprint}`;
}

export function toBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings
    .filter((f) => f.kind === 'static')
    .map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: String(f.properties?.fingerprint ?? '') }));
  entries.sort((a, b) => (baselineKey(a) < baselineKey(b) ? -1 : 1));
  return { version: 1, findings: entries };
}

export async function readBaseline(file: string): Promise<Baseline> {
  let raw: unknown;
  try {
    raw = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code ? `cannot read baseline ${file}: ${code}` : `baseline ${file} is not valid JSON`);
  }
  const b = raw as Partial<Baseline> | null;
  if (!b || b.version !== 1 || !Array.isArray(b.findings) || !b.findings.every((e) => e && typeof e.ruleId === 'string' && typeof e.file === 'string' && typeof e.fingerprint === 'string')) {
    throw new InputError(`baseline ${file}: expected {"version": 1, "findings": [{"ruleId", "file", "fingerprint"}]}`);
  }
  return b as Baseline;
}
