import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../src/scan/engine.js';
import { languageOf, type LanguageId } from '../../src/scan/languages.js';
import type { Rule } from '../../src/scan/rules/index.js';
import { FIXTURES } from '../helpers/cli.js';

/** A case is either inline `code` (with a `filename` giving the language) or a fixture `file` under test/fixtures/scan/. */
export type Source = { code: string; filename: string } | { file: string };

export interface ExpectedError {
  line: number;
  column?: number;
  /** Evidence lines by role. */
  load?: number;
  delete?: number;
  replace?: number;
  spawn?: number;
  /** Substrings the message must contain. */
  message?: string[];
  dll?: string;
}

export type ValidCase = Source & { name?: string };
export type InvalidCase = Source & { name?: string; errors: ExpectedError[] };

async function load(src: Source): Promise<{ file: string; text: string; lang: LanguageId }> {
  if ('file' in src) {
    const text = (await readFile(path.join(FIXTURES, 'scan', src.file), 'utf8')).replace(/\r\n?/g, '\n');
    const lang = languageOf(src.file, text.split('\n')[0]);
    assert.ok(lang, `no language for ${src.file}`);
    return { file: src.file, text, lang };
  }
  const lang = languageOf(src.filename, src.code.split('\n')[0]);
  assert.ok(lang, `no language for ${src.filename}`);
  return { file: src.filename, text: src.code, lang };
}

const label = (c: Source & { name?: string }): string => c.name ?? ('file' in c ? c.file : c.filename);

/** ESLint-style RuleTester over the real engine (front-end → trace → this one rule). */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${label(c)}`, async () => {
        const { file, text, lang } = await load(c);
        const { findings } = await analyzeText(file, text, lang, { rules: [rule] });
        assert.deepEqual(findings.map((f) => `${f.line}:${f.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${label(c)}`, async () => {
        const { file, text, lang } = await load(c);
        const { findings } = await analyzeText(file, text, lang, { rules: [rule] });
        assert.equal(findings.length, c.errors.length, `findings: ${findings.map((f) => `${f.line}: ${f.message}`).join('\n')}`);
        findings.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
        c.errors.forEach((e, i) => {
          const f = findings[i]!;
          assert.equal(f.ruleId, rule.meta.id);
          assert.equal(f.kind, 'static');
          assert.equal(f.file, file);
          assert.equal(f.language, lang);
          assert.equal(f.line, e.line, f.message);
          if (e.column !== undefined) assert.equal(f.column, e.column);
          for (const role of ['load', 'delete', 'replace', 'spawn'] as const) {
            if (e[role] !== undefined) assert.equal(f.evidence.find((x) => x.role === role)?.line, e[role], `${role} line in ${f.message}`);
          }
          assert.equal(f.evidence.length, 3);
          for (const m of e.message ?? []) assert.ok(f.message.includes(m), `message lacks "${m}": ${f.message}`);
          if (e.dll !== undefined) assert.equal(f.dll, e.dll);
          assert.equal(typeof f.properties?.fingerprint, 'string');
          assert.equal(f.recommendation, undefined);
        });
      });
    }
  });
}
