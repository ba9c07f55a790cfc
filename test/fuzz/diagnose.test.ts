/**
 * Fuzz: the console/strace failure detector (src/diagnose/). analyzeLogs never rejects for bad content, and a real
 * failure line among garbage (or truncated right after it, or with CRLF/ANSI/timestamps) is still found with the
 * right cause and DLL.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeLogs } from '../../src/diagnose/index.js';
import { Detector } from '../../src/diagnose/detect.js';
import { FIXTURES, TSX, runProcess } from '../helpers/cli.js';
import { FUZZ_TEST, boundedParams, chunked, fuzzParams, garbageBytes, logText } from '../helpers/fuzz.js';

const analyze = (chunks: Buffer[]) => analyzeLogs([{ path: 'fuzz.log', stream: Readable.from(chunks) }], { cwd: '/' });

// Real failure lines: from the seed (chibi-scheme, Japanese report) and the console fixtures.
const seedLine = readFileSync(path.join(FIXTURES, 'logs/seed-chibi-ja.txt'), 'utf8').split('\n').find((l) => l.includes('302196 child_info_fork::abort'))!;
const REAL: { line: string; cause: string; dll: string }[] = [
  { line: seedLine, cause: 'deleted-dll', dll: '/home/oku/repos2/chibi-scheme/tests/ffi/basic.dll' },
  {
    line: '      0 [main] python3 4410 child_info_fork::abort: C:\\cygwin64\\home\\José\\テスト\\_speedups.dll: Loaded to different address: parent(0x3F6A50000) != child(0x3F6A60000)',
    cause: 'address-collision',
    dll: '/home/José/テスト/_speedups.dll',
  },
];

describe('fuzz: analyzeLogs', () => {
  test('never rejects on log-like text or random bytes in any chunking; findings are well-formed', FUZZ_TEST, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(logText.map((t) => Buffer.from(t, 'latin1')), garbageBytes), fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 10 }), async (buf, sizes) => {
        const r = await analyze(chunked(buf, sizes));
        for (const f of r.findings) {
          assert.equal(f.kind, 'runtime');
          assert.ok(Number.isInteger(f.line) && f.line >= 1, JSON.stringify(f));
          assert.ok(f.evidence.length > 0);
        }
        for (const d of r.diagnostics) assert.equal(typeof d.message, 'string');
      }),
      boundedParams(),
    );
  });

  test('a real failure line among garbage, with CRLF/ANSI/timestamps, or truncated after it: right cause and DLL', FUZZ_TEST, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REAL),
        garbageBytes,
        fc.oneof(garbageBytes, fc.constant(Buffer.alloc(0))),
        fc.constantFrom('', '2024-05-01T12:00:00.1234567Z ', '\u001b[31m', 'ffi: ....'),
        fc.constantFrom('\n', '\r\n', ''),
        fc.array(fc.integer({ min: 1, max: 97 }), { maxLength: 20 }),
        async (real, before, after, prefix, eol, sizes) => {
          const tail = eol === '' ? Buffer.alloc(0) : after; // '' = the log is cut right after the line
          const line = `${prefix}${real.line}${prefix === '\u001b[31m' ? '\u001b[0m' : ''}`;
          const buf = Buffer.concat([Buffer.from('#\n'), before, Buffer.from(`\n${line}${eol}`, 'utf8'), tail]);
          const r = await analyze(chunked(buf, sizes));
          const hits = r.findings.filter((f) => f.dll === real.dll);
          assert.equal(hits.length, 1, JSON.stringify(r.findings.map((f) => [f.line, f.cause, f.dll])));
          assert.equal(hits[0]!.cause, real.cause);
        },
      ),
      boundedParams(),
    );
  });

  test('a log of long whitespace lines holding a needle is analysed in linear time (no hang)', FUZZ_TEST, async () => {
    // In a child process with a time cap: in-thread it would block the runner for seconds.
    const r = await runProcess(process.execPath, ['--import', TSX, path.join(FIXTURES, 'fuzz/parse-line.ts'), 'analyze', String(64 * 1024)], { timeoutMs: 10_000 });
    assert.equal(r.code, 0);
  });
});

describe('fuzz: Detector', () => {
  test('push/end never throw; every detection lies within the lines fed and is reported once', FUZZ_TEST, () => {
    fc.assert(
      fc.property(logText, (text) => {
        const d = new Detector();
        const lines = text.split('\n');
        const out = lines.flatMap((l, i) => d.push(l, i + 1));
        out.push(...d.end());
        assert.equal(d.busy, false);
        for (const x of out) {
          assert.ok(x.line >= 1 && x.endLine >= x.line && x.endLine <= lines.length, JSON.stringify(x));
          assert.equal(typeof x.text, 'string');
        }
        const starts = out.map((x) => x.line);
        assert.equal(new Set(starts).size, starts.length, 'two detections start on the same line');
      }),
      fuzzParams(),
    );
  });

  test('a real message split by a terminal wrap at any point is joined, also with garbage lines after it', FUZZ_TEST, () => {
    const msg = REAL[0]!.line;
    // A cut inside the final number (`Win32 error 12` + `6`) leaves a complete message on the first line, and a cut
    // before `unable to` reads as a complete `child_info_fork::abort: <other>`: both ambiguous. A cut inside the
    // function name is a known gap (todo test below).
    fc.assert(
      fc.property(fc.integer({ min: msg.indexOf('unable to map') + 'unable to'.length, max: msg.indexOf(', Win32 error') }), fc.array(fc.string({ maxLength: 80 }), { maxLength: 5 }), (cut, tail) => {
        const d = new Detector();
        const out = [...d.push(msg.slice(0, cut), 1), ...d.push(msg.slice(cut), 2)];
        tail.forEach((t, i) => out.push(...d.push(t, 3 + i)));
        out.push(...d.end());
        const hit = out.find((x) => x.dll?.endsWith('basic.dll'));
        assert.ok(hit, JSON.stringify(out));
        assert.equal(hit.win32Error, 126);
      }),
      fuzzParams(),
    );
  });

  test('regression: a terminal wrap inside `child_info_fork::abort` still finds the failure', {
    todo: 'bug (src/diagnose/detect.ts): Detector joins a wrapped line only when the first part already matches partially (matchMessage → "partial"); a wrap inside the keyword (`... 302196 child_in` + `fo_fork::abort: unable to map ...basic.dll, Win32 error 126`) yields no detection at all',
  }, () => {
    const msg = REAL[0]!.line;
    const cut = msg.indexOf('child_info') + 8;
    const d = new Detector();
    const out = [...d.push(msg.slice(0, cut), 1), ...d.push(msg.slice(cut), 2), ...d.end()];
    assert.equal(out.find((x) => x.dll?.endsWith('basic.dll'))?.win32Error, 126, JSON.stringify(out));
  });
});
