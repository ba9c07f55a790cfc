import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { guessRoot, isWindowsPath, normalizeWindowsPath, posixToWindows, windowsToPosix } from '../../src/cygwin/paths.js';
import { atLeast, findVersionInLine, formatVersion, parseStraceDllVersion, parseVersion } from '../../src/cygwin/version.js';

describe('path mapping', () => {
  const cases: [string, string, Parameters<typeof windowsToPosix>[1]?][] = [
    ['C:\\cygwin64\\home\\oku\\repos2\\chibi-scheme\\tests\\ffi\\basic.dll', '/home/oku/repos2/chibi-scheme/tests/ffi/basic.dll'],
    ['\\??\\C:\\cygwin64\\bin\\cygz.dll', '/bin/cygz.dll'],
    ['c:\\CYGWIN64\\tmp\\x.dll', '/tmp/x.dll'],
    ['D:\\a\\proj\\build\\ext.dll', '/cygdrive/d/a/proj/build/ext.dll'],
    ['D:\\a\\proj\\build\\ext.dll', '/d/a/proj/build/ext.dll', { driveStyle: 'msys', root: 'C:\\msys64' }],
    ['D:\\a\\_temp\\cygwin\\home\\runneradmin\\x.dll', '/home/runneradmin/x.dll', { root: 'D:\\a\\_temp\\cygwin\\' }],
    ['\\\\server\\share\\lib.dll', '//server/share/lib.dll'],
    ['\\??\\UNC\\server\\share\\lib.dll', '//server/share/lib.dll'],
    ['C:\\cygwin64\\home\\José\\テスト\\ffi.dll', '/home/José/テスト/ffi.dll'],
  ];
  for (const [win, posix, opts] of cases) {
    test(`${win} → ${posix}`, () => assert.equal(windowsToPosix(win, opts), posix));
  }
  test('and back', () => {
    assert.equal(posixToWindows('/home/oku/x.dll'), 'C:\\cygwin64\\home\\oku\\x.dll');
    assert.equal(posixToWindows('/cygdrive/d/a/x.dll'), 'D:\\a\\x.dll');
    assert.equal(posixToWindows('/d/a/x.dll', { driveStyle: 'msys', root: 'C:\\msys64' }), 'D:\\a\\x.dll');
    assert.equal(posixToWindows('/'), 'C:\\cygwin64');
  });
  test('normalise and recognise', () => {
    assert.equal(normalizeWindowsPath('\\\\?\\c:\\x\\\\y'), 'C:\\x\\y');
    assert.ok(isWindowsPath('C:/x/y.dll'));
    assert.ok(isWindowsPath('\\??\\C:\\x'));
    assert.ok(!isWindowsPath('/home/x'));
  });
  test('guess the root from a log', () => {
    assert.equal(guessRoot(['C:\\Windows\\x.dll', '\\??\\D:\\cygwin\\bin\\cygwin1.dll']), 'D:\\cygwin');
    assert.equal(guessRoot(['C:\\cygwin64\\home\\oku\\x.dll']), 'C:\\cygwin64');
    assert.equal(guessRoot(['C:\\Windows\\System32\\ntdll.dll']), undefined);
  });
});

describe('versions', () => {
  test('parse the forms logs show', () => {
    assert.equal(formatVersion(parseVersion('3.5.4-1.x86_64')!), '3.5.4');
    assert.equal(formatVersion(parseVersion('2.11.2(0.329/5/3)')!), '2.11.2');
    assert.equal(formatVersion(parseStraceDllVersion('3005.4')!), '3.5.4');
    assert.equal(parseVersion('latest'), undefined);
  });
  const lines: [string, string][] = [
    ['   42   1234 [main] bash 1 strace::dll_info: DLL version:  3005.4, api: 0.345', '3.5.4'],
    ['CYGWIN_NT-10.0-20348 runnervm 3.6.1-1.x86_64 2025-03-01 10:00 UTC x86_64 Cygwin', '3.6.1'],
    ['MSYS_NT-10.0-20348 fv-az 3.5.4-2.x86_64 2024-08-25 16:52 UTC x86_64 Msys', '3.5.4'],
    ['3.4.10-1.x86_64', '3.4.10'],
    ['    DLL version: 3.5.4', '3.5.4'],
    ['cygwin                                  3.5.4-1                 OK', '3.5.4'],
    ['Installing cygwin-3.5.3-1', '3.5.3'],
  ];
  for (const [line, want] of lines) {
    test(`find ${want} in "${line.slice(0, 40)}..."`, () => assert.equal(formatVersion(findVersionInLine(line)!), want));
  }
  test('no version in an ordinary line', () => assert.equal(findVersionInLine('make: Entering directory /x'), undefined));
  test('atLeast', () => {
    assert.ok(atLeast(parseVersion('3.0.0')!, '3.0'));
    assert.ok(!atLeast(parseVersion('2.11.2')!, '3.0'));
  });
});
