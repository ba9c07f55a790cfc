import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { REPORT_FIXTURES, TREE } from './fixture.js';

const JSON_REPORT = path.join(REPORT_FIXTURES, 'golden/report.json');

describe('cygwin-hygiene render (a real process)', () => {
  test('renders a saved JSON report as github annotations; findings → exit 1, diagnostics on stderr', async () => {
    const r = await runCli(['render', JSON_REPORT, '--format', 'github']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, readFileSync(path.join(REPORT_FIXTURES, 'golden/report.github.txt'), 'utf8'));
    assert.equal(r.stderr, 'cygwin-hygiene: warning: build/cygext.dll: skipped: binary file\n');
  });

  test('text from the source tree shows the excerpt; from stdin works too', async () => {
    const r = await runCli(['render', '-', '--format', 'text', '--quiet'], { cwd: TREE, input: readFileSync(JSON_REPORT) });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\n {4}26 \| +\(delete-file lib-file\)\)\)\n/);
  });

  test('sarif and markdown render from the same file', async () => {
    const s = await runCli(['render', JSON_REPORT, '-f', 'sarif', '--fail-on', 'none']);
    assert.equal(s.code, 0);
    assert.equal(JSON.parse(s.stdout).runs[0].results.length, 7);
    const m = await runCli(['render', JSON_REPORT, '-f', 'markdown', '--fail-on', 'none']);
    assert.match(m.stdout, /^## ❌ cygwin-hygiene: 2 fork failures in the logs/);
  });

  test('bad input: one line, exit 2, no stack trace', async () => {
    const missing = await runCli(['render', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^cygwin-hygiene: cannot read nope\.json: ENOENT\n$/);
    const notJson = await runCli(['render', '-'], { input: 'not json' });
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /^cygwin-hygiene: standard input: not JSON \(/);
    assert.equal(notJson.stderr.split('\n').length, 2);
    const doc = JSON.parse(readFileSync(JSON_REPORT, 'utf8'));
    doc.findings[3].line = 'x';
    const bad = await runCli(['render', '-'], { input: JSON.stringify(doc) });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^cygwin-hygiene: standard input: not a cygwin-hygiene report \(findings\[3\]\.line: .*\)\n$/);
  });
});
