import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { envInputName, inputGetter, parseInputs } from '../../src/action/inputs.js';
import { planAction, resolveScanPaths } from '../../src/action/plan.js';
import { parseWithBlock } from '../../src/action/with-block.js';
import { DEFAULT_SITES } from '../../src/cygwin/setup.js';
import { FIXTURES } from '../helpers/cli.js';

const get = (o: Record<string, string>) => (n: string) => o[n] ?? '';

describe('parseInputs', () => {
  test('defaults', () => {
    const i = parseInputs(get({}));
    assert.equal(i.run, '');
    assert.equal(i.installDir, 'C:\\cygwin');
    assert.equal(i.packageDir, 'C:\\cygwin-packages');
    assert.deepEqual(i.sites, DEFAULT_SITES);
    assert.equal(i.strace, true);
    assert.equal(i.failOn, 'runtime');
    assert.equal(i.scan, 'auto');
    assert.equal(i.cache && i.annotate && i.summary && i.verifySignature && i.verifyChecksum, true);
    assert.equal(i.addToPath, false);
  });
  test('lists are split, sorted and de-duplicated', () => {
    assert.deepEqual(parseInputs(get({ packages: 'make, gcc-core\nmake' })).packages, ['gcc-core', 'make']);
    assert.deepEqual(parseInputs(get({ scan: 'src tests' })).scan, ['src', 'tests']);
    assert.deepEqual(parseInputs(get({ scan: 'none' })).scan, []);
  });
  test('booleans are strict like core.getBooleanInput', () => {
    assert.equal(parseInputs(get({ cache: 'False' })).cache, false);
    assert.throws(() => parseInputs(get({ cache: 'yes' })), /input "cache": "yes" is not a boolean \(use true or false\)/);
    assert.throws(() => parseInputs(get({ annotate: '1' })), /input "annotate"/);
  });
  test('enums name the allowed values; aliases are explicit', () => {
    assert.throws(() => parseInputs(get({ 'fail-on': 'all' })), /input "fail-on": "all" is not allowed \(allowed: runtime, static, any, none\)/);
    assert.equal(parseInputs(get({ strace: 'off' })).strace, false);
    assert.equal(parseInputs(get({ strace: 'false' })).strace, false);
    assert.throws(() => parseInputs(get({ strace: 'maybe' })), /allowed: on, off/);
  });
  test('shape checks: folders, mirrors, package names, strace options', () => {
    assert.throws(() => parseInputs(get({ 'install-dir': 'cygwin' })), /input "install-dir": "cygwin" must be an absolute path/);
    assert.throws(() => parseInputs(get({ 'install-dir': 'C:\\a%PATH%' })), /must not contain/);
    assert.equal(parseInputs(get({ 'install-dir': 'D:\\cyg\\' })).packageDir, 'D:\\cyg-packages');
    assert.throws(() => parseInputs(get({ site: 'mirrors.kernel.org' })), /input "site": "mirrors.kernel.org\/" is not an http\(s\) or ftp URL/);
    assert.throws(() => parseInputs(get({ packages: 'make;rm' })), /input "packages": "make;rm"/);
    assert.throws(() => parseInputs(get({ 'strace-options': '-f' })), /input "strace-options": -f is not allowed/);
  });
  test('GitHub env names keep hyphens; unknown inputs are refused by the dry-run getter', () => {
    assert.equal(envInputName('fail-on'), 'INPUT_FAIL-ON');
    assert.throws(() => inputGetter({ 'fail-onn': 'x' }), /unknown input "fail-onn"/);
  });
});

describe('with: block reader', () => {
  test('reads the example workflow step', async () => {
    const w = parseWithBlock(await readFile(path.join(FIXTURES, 'action', 'with-block.yml'), 'utf8'));
    assert.deepEqual(w, {
      run: 'make -C test-projects/fork-deleted-dll check\necho done\n',
      packages: 'make gcc-core',
      'fail-on': 'none',
      site: 'https://mirrors.kernel.org/sourceware/cygwin/',
      'strace-options': '-b 65536',
      'working-directory': 'sub dir',
    });
  });
  test('rejects what it does not understand with the line number', () => {
    assert.throws(() => parseWithBlock('with:\n  run: "unterminated\n'), /line 2: unterminated/);
    assert.throws(() => parseWithBlock('with:\n  - list item\n'), /line 2: expected "key: value"/);
  });
});

describe('plan', () => {
  const env = { workspace: 'D:\\a\\repo\\repo', temp: 'D:\\a\\_temp', platform: 'win32-x64', pathStyle: 'win32' as const };
  test('Windows paths for a Windows runner', () => {
    const p = planAction(parseInputs(get({ run: 'make check', 'working-directory': 'sub' })), env);
    assert.equal(p.download.setupFile, 'D:\\a\\_temp\\cygwin-hygiene\\setup-x86_64.exe');
    assert.equal(p.workdir, 'D:\\a\\repo\\repo\\sub');
    assert.equal(p.test!.logFile, 'D:\\a\\_temp\\cygwin-hygiene\\strace.log');
    assert.equal(p.setupLog, 'C:\\cygwin\\var\\log\\setup.log.full');
    assert.equal(p.wrapper.file, 'D:\\a\\_temp\\cygwin-hygiene\\bin\\cygwin.cmd');
    assert.deepEqual(p.addToPath, ['D:\\a\\_temp\\cygwin-hygiene\\bin'], 'Cygwin bin is not added unless add-to-path');
    assert.equal(p.setup.length, 2);
    assert.equal(p.reports.sarifFile, 'D:\\a\\_temp\\cygwin-hygiene\\cygwin-hygiene.sarif');
  });
  test('scan-only without run; add-to-path adds the bin folder; auto scan finds test folders', () => {
    const p = planAction(parseInputs(get({ 'add-to-path': 'true' })), env);
    assert.equal(p.mode, 'scan-only');
    assert.equal(p.test, undefined);
    assert.deepEqual(p.addToPath, ['D:\\a\\_temp\\cygwin-hygiene\\bin', 'C:\\cygwin\\bin']);
    assert.deepEqual(resolveScanPaths('auto', new Set(['tests', 't'])), ['tests', 't']);
    assert.deepEqual(resolveScanPaths('auto', new Set()), ['.']);
    assert.deepEqual(resolveScanPaths(['src'], new Set(['tests'])), ['src']);
  });
});
