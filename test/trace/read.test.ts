import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { cleanLine, readLines, splitStream } from '../../src/trace/read.js';
import { parseProgramBanner, parseStraceLine } from '../../src/trace/strace.js';

const lines = async (chunks: (string | Buffer)[], opts = {}) => {
  const out = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))), opts)) out.push(l);
  return out;
};

describe('readLines', () => {
  test('LF, CRLF, GitHub timestamps, ANSI codes, a final line without newline, 1-based numbers', async () => {
    const out = await lines(['2024-05-01T12:00:00.1234567Z \x1b[31mred\x1b[0m\r\nplain\n', 'tail without newline']);
    assert.deepEqual(out.map((l) => [l.no, l.text]), [[1, 'red'], [2, 'plain'], [3, 'tail without newline']]);
    assert.equal(out[2]!.unterminated, true);
  });

  test('a UTF-8 character split across chunks and invalid bytes decode right', async () => {
    const b = Buffer.from('C:\\cygwin64\\home\\José\\テスト\\x.dll\n', 'utf8');
    const out = await lines([b.subarray(0, 20), b.subarray(20, 23), b.subarray(23), Buffer.from([0x61, 0xff, 0x62, 0x0a])]);
    assert.equal(out[0]!.text, 'C:\\cygwin64\\home\\José\\テスト\\x.dll');
    assert.equal(out[1]!.text, 'a\uFFFDb');
  });

  test('a 10 MB line is cut to a bounded prefix, counted, and the next line keeps its number', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const stats = await splitStream(Readable.from([Buffer.from(`first\n${big}\nafter\n`)]), () => {}, { maxLineLength: 1000 });
    assert.equal(stats.longLines, 1);
    assert.equal(stats.lines, 3);
    const out = await lines([`first\n${big.slice(0, 3000000)}`, `${big.slice(3000000)}\nafter\n`], { maxLineLength: 1000 });
    assert.equal(out.length, 3);
    assert.equal(out[1]!.text.length, 1000);
    assert.equal(out[1]!.truncated, true);
    assert.deepEqual([out[2]!.no, out[2]!.text], [3, 'after']);
  });

  test('cleanLine strips a BOM and keeps text without prefixes unchanged', () => {
    assert.equal(cleanLine('\xef\xbb\xbfhello'), 'hello');
    assert.equal(cleanLine('2024-05-01 not a timestamp'), '2024-05-01 not a timestamp');
  });
});

describe('parseStraceLine', () => {
  test('default format with delta and total', () => {
    const l = parseStraceLine('   61  201327 [main] make 2345 dofork: entering');
    assert.deepEqual(l, { kind: 'message', delta: 61, total: 201327, thread: 'main', program: 'make', pid: 2345, exec: false, func: 'dofork', message: 'entering' });
  });
  test('(winpid) pid form, exec marker, -t, -H, -d', () => {
    const a = parseStraceLine('  118     118 [main] chibi-scheme (9340) child_copy: dll data - hp 0x1A8 low 0x180334000, high 0x180346D30, res 1');
    assert.equal(a?.kind === 'message' && a.winpid, 9340);
    const b = parseStraceLine('   10     20 [main] bash 12! spawnve: argv');
    assert.equal(b?.kind === 'message' && b.exec, true);
    const c = parseStraceLine('000000008000 12:00:01 [main] perl 3301 dofork: entering');
    assert.ok(c?.kind === 'message' && c.mask === '000000008000' && c.time === '12:00:01' && c.func === 'dofork');
    const d = parseStraceLine('201327 [sig] make 2345 sigpacket::process: signal 20 processing');
    assert.ok(d?.kind === 'message' && d.total === 201327 && d.delta === undefined && d.func === 'sigpacket::process');
  });
  test('api_fatal lines have no func', () => {
    const l = parseStraceLine('      0 [main] bash 1234 C:\\cygwin64\\bin\\bash.exe: *** fatal error in forked process - fork: can\'t reserve memory');
    assert.ok(l?.kind === 'message' && l.func === undefined && l.message.startsWith('C:\\cygwin64'));
  });
  test('--- Process event lines', () => {
    assert.deepEqual(parseStraceLine('--- Process 9340 (pid: 1630) exited with status 0x800000'), { kind: 'event', type: 'exited', winpid: 9340, pid: 1630, status: '0x800000' });
    assert.deepEqual(parseStraceLine('--- Process 8840 loaded C:\\x\\basic.dll at 00000005cffc0000'), { kind: 'event', type: 'loaded', winpid: 8840, path: 'C:\\x\\basic.dll', address: '00000005cffc0000' });
    assert.equal(parseStraceLine('--- Process 302196 thread 302200 exited with status 0x800000')?.kind, 'event');
    assert.equal(parseStraceLine('--- Process 1 unloaded DLL at 0000000180040000')?.kind, 'event');
  });
  test('banner and unparseable lines', () => {
    assert.deepEqual(parseProgramBanner('Program name: C:\\cygwin64\\bin\\bash.exe (pid 1234, ppid 1, windows pid 5678)'), { path: 'C:\\cygwin64\\bin\\bash.exe', pid: 1234, ppid: 1, winpid: 5678 });
    assert.equal(parseStraceLine('make: *** [all] Error 1'), undefined);
    assert.equal(parseStraceLine('\u0000\u0001garbage'), undefined);
  });
});
