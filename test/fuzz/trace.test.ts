/**
 * Fuzz: the strace line parser and the stream reader (src/trace/). No input throws; every byte is accounted for
 * (line numbers and counts agree with the input, whatever the chunking); a real strace line survives damage around it.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import path from 'node:path';
import { DEFAULT_MAX_LINE, LineSplitter, cleanLine, readLines, splitStream } from '../../src/trace/read.js';
import { parseProgramBanner, parseStraceLine } from '../../src/trace/strace.js';
import { FIXTURES, TSX, runProcess } from '../helpers/cli.js';
import { FUZZ_TEST, boundedParams, chunked, fuzzParams, garbageBytes, logFragments, logText, within } from '../helpers/fuzz.js';

const PARSE_LINE = path.join(FIXTURES, 'fuzz/parse-line.ts');

const collect = async (chunks: Buffer[], opts = {}) => {
  const out = [];
  for await (const l of readLines(Readable.from(chunks), opts)) out.push(l);
  return out;
};

describe('fuzz: parseStraceLine', () => {
  test('never throws on log-like text, and what it returns is well-formed', FUZZ_TEST, () => {
    fc.assert(
      fc.property(logText, (text) => {
        for (const line of text.split('\n')) {
          const r = parseStraceLine(cleanLine(line));
          parseProgramBanner(line);
          if (!r) continue;
          if (r.kind === 'message') {
            assert.equal(typeof r.program, 'string');
            assert.ok(r.pid === undefined || Number.isSafeInteger(r.pid));
            assert.ok(r.winpid === undefined || Number.isSafeInteger(r.winpid));
            assert.ok(r.pid !== undefined || r.winpid !== undefined);
          } else {
            assert.ok(Number.isSafeInteger(r.winpid), JSON.stringify(r));
          }
        }
      }),
      fuzzParams(),
    );
  });

  test('a real message line keeps its fields with any trailing damage after the message', FUZZ_TEST, () => {
    const line = logFragments[0]!;
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }).filter((s) => !/[\r\n]/.test(s)), (tail) => {
        const r = parseStraceLine(line + tail);
        assert.ok(r && r.kind === 'message');
        assert.deepEqual([r.program, r.pid, r.func, r.total, r.delta], ['chibi-scheme', 302196, 'child_info_fork::abort', 64828379, 66]);
        assert.ok(r.message.startsWith('unable to map C:\\cygwin64\\home\\oku\\tests\\ffi\\basic.dll, Win32 error 126'));
      }),
      fuzzParams(),
    );
  });

  test('huge lines and long digit/bracket/colon runs answer (no catastrophic backtracking)', FUZZ_TEST, () => {
    const mb = 1024 * 1024;
    for (const s of [
      '1 '.repeat(mb / 2) + '[main',
      '['.repeat(mb),
      `0000000000000 ${'9'.repeat(mb)} [main] p 1`,
      `--- Process 1 loaded ${'C:\\a '.repeat(mb / 5)} at`,
      `   66 64828379 [main] p 1 ${'a::'.repeat(mb / 3)}`,
      `    1 2 [main] p 1 ${'~'.repeat(mb)}:`,
    ]) {
      const r = parseStraceLine(s);
      assert.ok(r === undefined || typeof r === 'object');
    }
  });

  // A regex cannot be interrupted in-thread, so the whitespace case runs in a child process with a time cap.
  // Regression: MSG once began with ^\s* while a later \s* could match the same blanks, which made a blank line
  // quadratic (~5 s for 64 KiB, the reader's line cap). Four times the cap would take over a minute that way; linear,
  // it is milliseconds plus the child's start-up, well inside the 10 s cap even on a loaded machine.
  for (const kind of ['spaces', 'tabs']) {
    test(`a line of 4 × 64 KiB leading ${kind} parses in linear time (no hang)`, async () => {
      const r = await runProcess(process.execPath, ['--import', TSX, PARSE_LINE, kind, String(4 * DEFAULT_MAX_LINE)], { timeoutMs: 10_000 });
      assert.equal(r.code, 0, `killed or failed: ${r.stderr}`);
    });
  }
});

describe('fuzz: the stream reader', () => {
  test('any bytes in any chunking: same lines as splitting on \\n, numbered 1.., never longer than the cap', FUZZ_TEST, async () => {
    await fc.assert(
      fc.asyncProperty(garbageBytes, fc.array(fc.integer({ min: 1, max: 97 }), { maxLength: 20 }), fc.integer({ min: 8, max: 300 }), async (buf, sizes, cap) => {
        if (buf[0] === 0xff || buf[0] === 0xfe) buf = Buffer.concat([Buffer.from('#\n'), buf]); // a BOM would make it UTF-16
        const out = await collect(chunked(buf, sizes), { maxLineLength: cap });
        const expected = buf.toString('latin1').split('\n');
        if (expected.at(-1) === '') expected.pop();
        assert.deepEqual(out.map((l) => l.no), expected.map((_, i) => i + 1));
        for (const l of out) assert.ok(l.text.length <= cap * 2, `line ${l.no} is ${l.text.length} chars`);
        out.forEach((l, i) => assert.equal(Boolean(l.truncated), expected[i]!.length > cap, `line ${l.no}`));
        const stats = await splitStream(Readable.from(chunked(buf, sizes)), () => {}, { maxLineLength: cap });
        assert.equal(stats.lines, expected.length);
        assert.equal(stats.bytes, buf.length);
        assert.equal(stats.unterminated, buf.length > 0 && buf.at(-1) !== 0x0a);
      }),
      boundedParams(),
    );
  });

  test('a real strace line among garbage, in any chunking, with CRLF/ANSI/timestamp around it, parses the same', FUZZ_TEST, async () => {
    const real = logFragments[0]!;
    await fc.assert(
      fc.asyncProperty(
        garbageBytes,
        garbageBytes,
        fc.constantFrom('', '2024-05-01T12:00:00.1234567Z ', '\u001b[32m', '2024-05-01T12:00:00.1234567Z \u001b[0m'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 61 }), { maxLength: 30 }),
        async (before, after, prefix, eol, sizes) => {
          const buf = Buffer.concat([Buffer.from('#\n'), before, Buffer.from(`\n${prefix}${real}${eol}`), after]);
          const lines = await collect(chunked(buf, sizes));
          const parsed = lines.map((l) => parseStraceLine(l.text)).filter((r) => r?.kind === 'message' && r.func === 'child_info_fork::abort');
          assert.equal(parsed.length, 1);
          assert.equal(parsed[0]!.kind === 'message' && parsed[0]!.message, 'unable to map C:\\cygwin64\\home\\oku\\tests\\ffi\\basic.dll, Win32 error 126');
        },
      ),
      boundedParams(),
    );
  });

  test('UTF-16LE with a BOM (PowerShell redirect), in odd chunk sizes, decodes non-ASCII Windows paths', FUZZ_TEST, async () => {
    await fc.assert(
    // eslint-disable-next-line no-control-regex -- control characters are what the filter keeps out
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n\u0000-\u001f\u007f\u0080-\u009f\u2028\u0085]/.test(s)), fc.integer({ min: 1, max: 13 }), fc.array(fc.integer({ min: 1, max: 13 }), { maxLength: 40 }), async (name, first, rest) => {
        const sizes = [first, ...rest];
        const text = `\uFEFFok\r\n--- Process 4711 loaded C:\\cygwin64\\home\\${name}\\x.dll at 0000000500000000\r\n`;
        const lines = await collect(chunked(Buffer.from(text, 'utf16le'), sizes));
        const ev = parseStraceLine(lines[1]!.text);
        assert.ok(ev && ev.kind === 'event' && ev.type === 'loaded', JSON.stringify(lines));
        assert.equal(ev.path, `C:\\cygwin64\\home\\${name}\\x.dll`);
      }),
      boundedParams(),
    );
  });

  test('regression: a UTF-16LE BOM split over the first two chunks still selects UTF-16', async () => {
    const buf = Buffer.from('\uFEFF--- Process 4711 loaded C:\\x\\a.dll at 0000000500000000\r\n', 'utf16le');
    const lines = await collect([buf.subarray(0, 1), buf.subarray(1)]);
    const ev = parseStraceLine(lines[0]!.text);
    assert.equal(ev?.kind === 'event' && ev.path, 'C:\\x\\a.dll');
  });

  test('a few 10 MB lines (one LF-less, one NUL-filled) are cut and counted, the lines after them intact', FUZZ_TEST, async () => {
    const ten = 10 * 1024 * 1024;
    const buf = Buffer.concat([
      Buffer.alloc(ten, 'x'),
      Buffer.from('\n'),
      Buffer.alloc(ten, 0),
      Buffer.from(`\n${logFragments[4]}\r\n`),
      Buffer.alloc(ten, 0xe3),
    ]);
    const seen: { no: number; len: number; truncated: boolean }[] = [];
    const split = new LineSplitter((raw, no, truncated) => seen.push({ no, len: raw.length, truncated }));
    for (const c of chunked(buf, Array(400).fill(65_536))) split.push(c.toString('latin1'));
    split.end();
    assert.deepEqual(seen.map((s) => [s.no, s.truncated]), [[1, true], [2, true], [3, false], [4, true]]);
    assert.equal(split.stats.longLines, 3);
    assert.ok(split.stats.unterminated);
    const lines = await within(collect(chunked(buf, [1 << 20, 3, 1 << 22, 7])), 20_000, '30 MB through readLines');
    assert.equal(lines.length, 4);
    assert.equal(parseStraceLine(lines[2]!.text)?.kind, 'message');
  });
});
