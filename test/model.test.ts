import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeDocument } from '../src/model/document.js';
import { libraryKey, joinFindings } from '../src/model/join.js';
import { toModelPath, type Finding } from '../src/model/finding.js';

const staticFinding: Finding = {
  kind: 'static',
  ruleId: 'CH001',
  cause: 'deleted-dll',
  severity: 'warning',
  file: 'tests/ffi-tests.scm',
  line: 30,
  message: 'basic.dll is deleted while loaded',
  evidence: [
    { role: 'load', file: 'tests/ffi-tests.scm', line: 26, text: '(load lib-file)' },
    { role: 'delete', file: 'tests/ffi-tests.scm', line: 30, text: '(delete-file lib-file)' },
  ],
  dll: 'tests/ffi/basic',
};
const runtimeFinding: Finding = {
  kind: 'runtime',
  ruleId: 'runtime/deleted-dll',
  cause: 'deleted-dll',
  severity: 'error',
  file: 'logs/strace.log',
  line: 12,
  message: 'fork failed: unable to map basic.dll',
  evidence: [{ role: 'abort', file: 'logs/strace.log', line: 12 }],
  dll: '/home/oku/chibi/tests/ffi/basic.dll',
};

describe('finding model', () => {
  test('libraryKey meets Windows, POSIX and extension-less names', () => {
    assert.equal(libraryKey('C:\\cygwin64\\home\\oku\\tests\\ffi\\Basic.DLL'), 'basic');
    assert.equal(libraryKey('/tmp/x/basic.so'), 'basic');
    assert.equal(libraryKey('/tmp/x/libfoo.so.1.2'), 'libfoo');
    assert.equal(libraryKey('tests/ffi/basic'), 'basic');
    assert.equal(libraryKey('build/addon.node'), 'addon');
  });

  test('join adds the source load/delete lines to the runtime finding and the failure to the static one', () => {
    const joined = joinFindings([staticFinding, runtimeFinding]);
    const rt = joined.find((f) => f.kind === 'runtime')!;
    const st = joined.find((f) => f.kind === 'static')!;
    assert.deepEqual(
      rt.evidence.map((e) => `${e.role}@${e.file}:${e.line}`),
      ['abort@logs/strace.log:12', 'load@tests/ffi-tests.scm:26', 'delete@tests/ffi-tests.scm:30'],
    );
    assert.equal(rt.properties?.joinedWith, 'tests/ffi-tests.scm:30');
    assert.equal(st.properties?.confirmed, true);
    assert.equal(st.evidence.at(-1)?.role, 'fork-failure');
    // inputs untouched
    assert.equal(runtimeFinding.evidence.length, 1);
  });

  test('join leaves unrelated libraries alone', () => {
    const other = { ...runtimeFinding, dll: '/usr/lib/other.dll' };
    const joined = joinFindings([staticFinding, other]);
    assert.deepEqual(joined, [staticFinding, other]);
  });

  test('the document sorts runtime first and counts by kind', () => {
    const doc = makeDocument([staticFinding, runtimeFinding]);
    assert.equal(doc.version, 1);
    assert.equal(doc.tool.name, 'cygwin-hygiene');
    assert.deepEqual(doc.findings.map((f) => f.kind), ['runtime', 'static']);
    assert.deepEqual(doc.summary, { total: 2, static: 1, runtime: 1, predicted: 0 });
  });

  test('model paths use forward slashes', () => {
    assert.equal(toModelPath('.\\tests\\ffi\\basic.c'), 'tests/ffi/basic.c');
  });
});
