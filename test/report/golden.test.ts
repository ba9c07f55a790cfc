import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FORMATS } from '../../src/config/options.js';
import { renderReport } from '../../src/report/index.js';
import { REPORT_FIXTURES, fixtureDocument, renderOpts } from './fixture.js';

/**
 * Golden files: every format rendered from the same fixture document (test/fixtures/report/findings.json, sources
 * in tree/). `UPDATE_GOLDEN=1 npm test -- test/report/golden.test.ts` rewrites them; review the diff before
 * committing: a golden is only as good as the reading it got.
 */
const GOLDEN = path.join(REPORT_FIXTURES, 'golden');
const EXT = { text: 'txt', json: 'json', sarif: 'sarif', github: 'github.txt', markdown: 'md' } as const;

describe('golden reports', () => {
  for (const format of FORMATS) {
    test(`${format} matches golden/report.${EXT[format]}`, async () => {
      const out = await renderReport(fixtureDocument(), format, renderOpts());
      const file = path.join(GOLDEN, `report.${EXT[format]}`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`missing golden ${file}; run with UPDATE_GOLDEN=1 and review it`);
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, out);
      }
      assert.equal(out, readFileSync(file, 'utf8'));
    });
  }

  test('the same findings appear in every format (same count, same rule ids)', async () => {
    const doc = fixtureDocument();
    const ids = doc.findings.map((f) => f.ruleId).sort();
    const sarif = JSON.parse(await renderReport(doc, 'sarif', renderOpts()));
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ids);
    const json = JSON.parse(await renderReport(doc, 'json', renderOpts()));
    assert.deepEqual(json.findings.map((f: { ruleId: string }) => f.ruleId).sort(), ids);
    const gh = (await renderReport(doc, 'github', renderOpts())).trimEnd().split('\n');
    assert.equal(gh.length, doc.findings.length);
    const md = await renderReport(doc, 'markdown', renderOpts());
    assert.equal(md.match(/^\| (🔴|🟠|🔵) \|/gmu)?.length, doc.findings.length);
    const text = await renderReport(doc, 'text', renderOpts());
    assert.match(text, /7 findings in 6 files: 2 runtime failures, 1 predicted, 4 static \(3 errors, 3 warnings\); 1 diagnostic/);
  });
});
