import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type * as Sarif from 'sarif';
import { makeDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import { renderReport } from '../../src/report/index.js';
import { SARIF_LIMITS, buildSarif, fingerprint, toUri } from '../../src/report/sarif.js';
import { fixtureDocument, renderOpts } from './fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ch-sarif-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The validator's own findings for one file. It exits 0 even on errors, so its output log is what counts. */
function validate(sarifText: string, name: string): Sarif.Result[] {
  const input = path.join(dir, `${name}.sarif`);
  const output = path.join(dir, `${name}.validation.sarif`);
  writeFileSync(input, sarifText);
  const tool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  const r = spawnSync(tool, ['validate', '--rule-kind', 'Gh;Sarif', '-o', output, input], { encoding: 'utf8' });
  assert.equal(r.status, 0, `sarif-multitool failed to run: ${r.stdout}${r.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  return log.runs[0]!.results ?? [];
}

const describeResults = (rs: Sarif.Result[]) => rs.map((r) => `${r.ruleId} ${r.level}: ${JSON.stringify(r.message)}`).join('\n');

describe('sarif', () => {
  test('the fixture report passes sarif-multitool validate --rule-kind "Gh;Sarif" with no errors or warnings', async () => {
    const out = await renderReport(fixtureDocument(), 'sarif', renderOpts());
    const problems = validate(out, 'fixture');
    assert.deepEqual(problems.filter((r) => r.level === 'error' || r.level === 'warning'), [], describeResults(problems));
  });

  test('the validator does catch a broken file (the check above can fail)', async () => {
    const log = JSON.parse(await renderReport(fixtureDocument(), 'sarif', renderOpts())) as Sarif.Log;
    log.runs[0]!.results![0]!.ruleIndex = 999;
    const problems = validate(JSON.stringify(log), 'broken');
    assert.ok(problems.some((r) => r.level === 'error'), describeResults(problems));
  });

  test('structure: one run, rules with help and levels, ruleIndex points at the rule, relative %SRCROOT% uris', async () => {
    const log = JSON.parse(await renderReport(fixtureDocument(), 'sarif', renderOpts())) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), ['CH001', 'runtime/address-collision', 'runtime/deleted-dll', 'predicted/deleted-dll']);
    for (const r of rules) {
      assert.ok(r.helpUri?.startsWith('https://github.com/cygwin-hygiene/cygwin-hygiene/blob/v'), r.helpUri);
      assert.ok(r.help?.text && r.help.markdown && r.shortDescription?.text && r.fullDescription?.text);
      assert.ok(r.defaultConfiguration?.level);
    }
    assert.equal(rules[3]!.helpUri!.endsWith('/runtime-deleted-dll.md'), true);
    for (const res of run.results!) {
      assert.equal(rules[res.ruleIndex!]!.id, res.ruleId);
      const loc = res.locations![0]!.physicalLocation!;
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.ok(!loc.artifactLocation!.uri!.startsWith('/'));
    }
    const rt = run.results!.find((r) => r.ruleId === 'runtime/deleted-dll')!;
    assert.equal(rt.locations![0]!.physicalLocation!.artifactLocation!.uri, 'logs/strace.log');
    assert.deepEqual(
      rt.relatedLocations!.map((l) => l.message!.text!.split(' ').slice(0, 2).join(' ')),
      ['loaded at', 'deleted at', 'forked at', 'aborted at', 'failed at', 'loaded at', 'deleted at'],
    );
    assert.match(rt.message.text!, /Fix: Delete the library after the last fork.*\(change tests\/ffi-tests\.scm:26\)\./);
    assert.match(String(rt.properties!.suggestedChange), /^tests\/ffi-tests\.scm:26\n- \(delete-file lib-file\)\n\+ /);
    const hostile = run.results!.find((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!.includes('evil'))!;
    assert.equal(hostile.locations![0]!.physicalLocation!.artifactLocation!.uri, 'weird%20dir/evil%3A%3A%250A%2Cname%7Cx%60.c');
  });

  test('partialFingerprints survive line shifts and pid/timestamp changes, and differ between findings', () => {
    const doc = fixtureDocument();
    const shifted: Finding[] = doc.findings.map((f) => ({
      ...f,
      line: f.line + 7,
      evidence: f.evidence.map((e) => ({
        ...e,
        line: e.line + 7,
        pid: e.pid ? e.pid + 1000 : e.pid,
        text: e.text?.replace(/\b\d+\b/g, (d) => String(Number(d) + 13)), // pids, timestamps, counters
      })),
    }));
    assert.deepEqual(shifted.map(fingerprint), doc.findings.map(fingerprint));
    assert.equal(new Set(doc.findings.map(fingerprint)).size, doc.findings.length);
    const moved = { ...doc.findings[3]!, file: 'other/ffi-tests.scm' };
    assert.notEqual(fingerprint(moved), fingerprint(doc.findings[3]!));
    // Two identical findings still get distinct fingerprints in one run.
    const twice = buildSarif(makeDocument([doc.findings[3]!, { ...doc.findings[3]!, line: 99 }]));
    const fps = twice.runs[0]!.results!.map((r) => r.partialFingerprints!['cygwinHygiene/v1']);
    assert.equal(new Set(fps).size, 2);
  });

  test('upload limits: results beyond the per-run cap are cut by priority, with a notification', () => {
    const doc = fixtureDocument();
    const log = buildSarif(doc, {}, { ...SARIF_LIMITS, resultsPerRun: 3 });
    const run = log.runs[0]!;
    assert.equal(run.results!.length, 3);
    assert.deepEqual(run.results!.map((r) => r.ruleId), ['runtime/address-collision', 'runtime/deleted-dll', 'predicted/deleted-dll']);
    const note = run.invocations![0]!.toolExecutionNotifications!.find((n) => /cut/.test(n.message.text!))!;
    assert.match(note.message.text!, /^4 of 7 findings cut: code scanning accepts at most 3 results per run/);
    // Rules only for what is reported (plus the document's static rules).
    assert.ok(!run.tool.driver.rules!.some((r) => r.id === 'runtime/heap'));
  });

  test('gzip size cap: results are halved until the compressed log fits', () => {
    const base = fixtureDocument().findings[3]!;
    const many = Array.from({ length: 400 }, (_, i) => ({ ...base, file: `t/f${i}.scm`, message: `${base.message} ${'x'.repeat(200)} ${i}` }));
    const log = buildSarif(makeDocument(many), {}, { ...SARIF_LIMITS, gzipBytes: 20_000 });
    const n = log.runs[0]!.results!.length;
    assert.ok(n < 400 && n >= 1, `kept ${n}`);
    assert.ok(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.some((x) => /gzipped SARIF file under 20000 bytes/.test(x.message.text!)));
  });

  test('uris: relative segments encoded; absolute POSIX and Windows paths become file: uris', () => {
    assert.deepEqual(toUri('src/a b#1.c'), { uri: 'src/a%20b%231.c', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(toUri('/var/log/x.log'), { uri: 'file:///var/log/x.log' });
    assert.deepEqual(toUri('C:\\logs\\ü.log'), { uri: 'file:///C:/logs/%C3%BC.log' });
  });
});
