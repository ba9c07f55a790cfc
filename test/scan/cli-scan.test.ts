import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { existsSync } from 'node:fs';
import { ROOT, TSX, runCli, runProcess } from '../helpers/cli.js';

const hasScript = existsSync('/usr/bin/script');

describe('cygwin-hygiene scan (CLI, real process)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-scan-cli-'));
    await mkdir(path.join(dir, 'tests'), { recursive: true });
    await writeFile(path.join(dir, 'tests', 'blob.py'), Buffer.from([0x43, 0x44, 0x4c, 0x4c, 0, 0, 1, 2]));
    await writeFile(path.join(dir, 'tests', 'ok.py'), 'import ctypes\nctypes.CDLL("keep.so")\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exit 2 and one line for a missing path', async () => {
    const r = await runCli(['scan', 'no/such/dir'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'cygwin-hygiene: no such file or folder: no/such/dir\n');
    assert.equal(r.stdout, '');
  });

  it('exit 2 and a clear message for a bad glob', async () => {
    const r = await runCli(['scan', '--exclude', 'a/{b,c', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^cygwin-hygiene: bad glob "a\/\{b,c" in --exclude: Missing closing: "\}"/);
  });

  it('exit 2 for a bad --max-file-size', async () => {
    const r = await runCli(['scan', '--max-file-size', 'big', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--max-file-size must be a positive number of bytes/);
  });

  it('skips a binary file with a note and exits 0 when nothing is found', async () => {
    const r = await runCli(['scan', '--format', 'json', 'tests'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.findings, []);
    assert.deepEqual(doc.diagnostics, [{ level: 'info', file: 'tests/blob.py', message: 'binary file (NUL byte) skipped' }]);
    assert.match(r.stderr, /info: tests\/blob\.py: binary file \(NUL byte\) skipped/);
  });

  it('json output of the bundled chibi example: findings, rules, exit 1', async () => {
    const r = await runCli(['scan', '--format', 'json', 'examples/chibi-ffi'], { cwd: ROOT });
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.summary, { total: 2, static: 2, runtime: 0, predicted: 0 });
    assert.deepEqual(doc.rules.map((x: { id: string; docs: string }) => [x.id, x.docs]), [['CH001', 'docs/rules/CH001.md']]);
    const scm = doc.findings.find((f: { file: string }) => f.file === 'examples/chibi-ffi/tests/ffi-tests.scm');
    assert.deepEqual(
      { kind: scm.kind, ruleId: scm.ruleId, cause: scm.cause, severity: scm.severity, line: scm.line, column: scm.column, language: scm.language },
      { kind: 'static', ruleId: 'CH001', cause: 'deleted-dll', severity: 'error', line: 41, column: 14, language: 'scheme' },
    );
    assert.deepEqual(scm.evidence.map((e: { role: string; line: number }) => [e.role, e.line]), [['load', 34], ['delete', 41], ['spawn', 21]]);
    assert.equal(scm.properties.loadCall, 'load');
    assert.equal(scm.properties.deleteCall, 'delete-file');
    assert.equal(scm.properties.spawnCall, 'system');
    assert.equal(scm.dll, 'tests/ffi/basic');
    assert.equal(scm.properties.pathExpr, 'tests/ffi/${name-expr@test-ffi}${*shared-object-extension*}');
    // the report fills the recommendation: defer the deletion, shown as a Scheme change at the delete line
    assert.equal(scm.recommendation.options[0].id, 'defer-delete');
    assert.equal(scm.recommendation.options[0].change.language, 'scheme');
    assert.equal(scm.recommendation.options[0].change.line, 41);
    const c = doc.findings.find((f: { file: string }) => f.file === 'examples/chibi-ffi/tests/dl-test.c');
    assert.equal(c.dll, 'tests/plugin.so');
  });

  it('--write-baseline then --baseline: the same findings are accepted (exit 0)', async () => {
    const base = path.join(dir, 'baseline.json');
    const w = await runCli(['scan', '-q', '--write-baseline', base, 'examples/chibi-ffi'], { cwd: ROOT });
    assert.equal(w.code, 1);
    const b = JSON.parse(await readFile(base, 'utf8'));
    assert.equal(b.version, 1);
    assert.equal(b.findings.length, 2);
    const r = await runCli(['scan', '--baseline', base, 'examples/chibi-ffi'], { cwd: ROOT });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await writeFile(base, '{"version": 2}');
    const bad = await runCli(['scan', '--baseline', base, 'examples/chibi-ffi'], { cwd: ROOT });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /baseline .*: expected \{"version": 1/);
  });

  it('progress on stderr only when it is a terminal and not --quiet', { skip: hasScript ? false : 'no script(1) to get a pty' }, async () => {
    const cmd = (extra: string): string =>
      `${process.execPath} --import ${TSX} ${path.join(ROOT, 'src/cli.ts')} scan ${extra} --format json examples/chibi-ffi/tests >/dev/null`;
    const tty = await runProcess('script', ['-qec', cmd(''), '/dev/null'], { cwd: ROOT });
    assert.match(tty.stdout, /\rscanning 1\/3 files\rscanning 2\/3 files\rscanning 3\/3 files\r?\n/);
    const quiet = await runProcess('script', ['-qec', cmd('-q'), '/dev/null'], { cwd: ROOT });
    assert.doesNotMatch(quiet.stdout, /scanning/);
    const piped = await runCli(['scan', '--format', 'json', 'examples/chibi-ffi/tests'], { cwd: ROOT });
    assert.doesNotMatch(piped.stderr, /scanning/);
  });

  it('config include/exclude are honoured (globs relative to the config file)', async () => {
    const proj = path.join(dir, 'proj');
    await mkdir(path.join(proj, 'a'), { recursive: true });
    await mkdir(path.join(proj, 'b'), { recursive: true });
    const bad = '(load "x.so")\n(delete-file "x.so")\n(system "ls")\n';
    await writeFile(path.join(proj, 'a', 't.scm'), bad);
    await writeFile(path.join(proj, 'b', 't.scm'), bad);
    await writeFile(path.join(proj, '.cygwin-hygiene.json'), JSON.stringify({ exclude: ['b/**'] }));
    const r = await runCli(['scan', '--format', 'json', '.'], { cwd: proj });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file), ['a/t.scm']);
  });
});
