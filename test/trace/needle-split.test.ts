import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeLogs, NEEDLE_LITERALS, NEEDLES } from '../../src/diagnose/index.js';
import { LineSplitter, type LineFilter } from '../../src/trace/read.js';

const filter = (wantAll: () => boolean = () => false): LineFilter => ({ needles: new RegExp(NEEDLES.source, 'g'), literals: NEEDLE_LITERALS, wantAll });

/** What the analyzer sees: lines the splitter marked as matched, or that hold a needle when it checks them itself. */
function seen(chunks: string[], maxLine = 1000, wantAll?: (no: number) => boolean): { got: [number, string][]; lines: number; wrongMatch: string[] } {
  const got: [number, string][] = [];
  const wrongMatch: string[] = [];
  let last = 0;
  const s = new LineSplitter(
    (raw, no, _cut, matched) => {
      // Was the consumer wanting every line when this one was handed out (as the analyzer decides)?
      const wanting = wantAll?.(last) ?? false;
      last = no;
      if (matched && !NEEDLES.test(raw)) wrongMatch.push(raw);
      if (matched || NEEDLES.test(raw) || wanting) got.push([no, raw]);
    },
    maxLine,
    filter(wantAll ? () => wantAll(last) : undefined),
  );
  for (const c of chunks) s.push(c);
  s.end();
  return { got, lines: s.stats.lines, wrongMatch };
}

/** The reference: split the whole text, keep the lines (cut at the cap) that hold a needle. */
function reference(text: string, maxLine = 1000): [number, string][] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l, i) => [i + 1, l.slice(0, maxLine)] as [number, string]).filter(([, l]) => NEEDLES.test(l));
}

function cut(text: string, at: number[]): string[] {
  const out: string[] = [];
  let p = 0;
  for (const a of [...at].sort((x, y) => x - y)) {
    out.push(text.slice(p, a));
    p = a;
  }
  out.push(text.slice(p));
  return out.filter((c) => c.length > 0);
}

describe('the needle splitter (one indexOf pass per needle)', () => {
  test('the literal list is the regex, alternative for alternative', () => {
    const texts = NEEDLE_LITERALS.map((l) => (typeof l === 'string' ? l : l.text));
    for (const t of texts) assert.ok(NEEDLES.test(`x ${t} y`), t);
    for (const l of NEEDLE_LITERALS) if (typeof l !== 'string' && l.search) assert.ok(l.text.includes(l.search), l.text);
    assert.equal(NEEDLES.source.split('|').length, texts.length);
  });

  test('a needle split across two chunks, at every cut position', () => {
    const text = 'plain line\n   61  201327 [main] make 2345 dofork: entering\nother\n--- Process 9 loaded C:\\x\\a.dll at 1\nend';
    for (let i = 1; i < text.length; i++) {
      const r = seen([text.slice(0, i), text.slice(i)]);
      assert.deepEqual(r.got, reference(text), `cut at ${i}`);
      assert.equal(r.lines, 5);
    }
  });

  test('a hit on the first and on the last byte of a chunk', () => {
    const a = seen(['fork\nplain\n', 'x\nend .dll', '\nfork']);
    assert.deepEqual(a.got, [[1, 'fork'], [4, 'end .dll'], [5, 'fork']]);
    assert.equal(a.lines, 5);
    // The last byte of a chunk is the end of `.so`: whether it ends a word is only known with the next chunk.
    assert.deepEqual(seen(['a lib.so', 'x\nb lib.so', '.1\n']).got, [[2, 'b lib.so.1']]);
    assert.deepEqual(seen(['a lib.so\n']).got, [[1, 'a lib.so']]);
  });

  test('CRLF at a chunk boundary keeps the CR with its line', () => {
    const r = seen(['0 [main] bash 1 dofork: entering\r', '\nplain\r\nfork\r\n']);
    assert.deepEqual(r.got, [[1, '0 [main] bash 1 dofork: entering\r'], [3, 'fork\r']]);
  });

  test('a 10 MB line: a needle beyond the cap does not count, one inside it does, the next line keeps its number', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const text = `first\n${big} fork\nfork ${big}\nafter fork\n`;
    const r = seen([text.slice(0, 3_000_000), text.slice(3_000_000, 10_500_000), text.slice(10_500_000)], 1000);
    assert.deepEqual(r.got.map(([no, l]) => [no, l.length]), [[3, 1000], [4, 10]]);
    assert.equal(r.lines, 4);
    assert.deepEqual(r.wrongMatch, []);
  });

  test('while the consumer wants every line, every line comes; then only hits again', () => {
    const text = 'fork a\nb\nc\nd\nfork e\nf\n';
    const r = seen([text.slice(0, 9), text.slice(9)], 1000, (no) => no >= 1 && no < 3);
    assert.deepEqual(r.got, [[1, 'fork a'], [2, 'b'], [3, 'c'], [5, 'fork e']]);
  });

  test('property: any text, any chunking, the same lines as splitting the whole text', () => {
    const piece = fc.constantFrom('fork', 'frok', 'fo', 'rk', '--- Process ', 'x86_64', 'cygwin  ', 'cygwin ', '.so', '.sox', '.so.1', 'lib', '_NT-', 'NT-', 'loaded: ', 'ded: ', 'sync_with', 'ync_wi', 'Proces', 'cygwin-', 'win-', 'ubproc_ready', 'subproc_ready', '\n', '\r\n', ' ', 'é', '\xff');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, cuts) => {
        const text = parts.join('');
        const r = seen(cut(text, cuts.map((c) => c % (text.length + 1))));
        assert.deepEqual(r.got, reference(text));
        assert.deepEqual(r.wrongMatch, []);
        assert.equal(r.lines, text.split('\n').length - (text.endsWith('\n') || text === '' ? 1 : 0));
      }),
      { numRuns: 400 },
    );
  });
});

describe('hit lines are decoded as UTF-8, however the chunks fall', () => {
  const log = Buffer.concat([
    Buffer.from('--- Process 8840 loaded C:\\cygwin64\\home\\José\\テスト\\basic.dll at 00000005cffc0000\n', 'utf8'),
    Buffer.from('   44  100 [main] chibi-scheme 1630 unlink_nt: \\??\\C:\\cygwin64\\home\\José\\テスト\\basic.dll, 0\n', 'utf8'),
    Buffer.from('   10  110 [main] chibi-scheme 1630 stat64: entering \xff\xfe\n', 'latin1'),
    Buffer.from('   66  200 [main] chibi-scheme 1631 child_info_fork::abort: unable to map C:\\cygwin64\\home\\José\\テスト\\basic.dll, Win32 error 126\n', 'utf8'),
    Buffer.from('   12  210 [main] chibi-scheme 1630 fork: child 1631 - bad \xc3(\xff) bytes, errno 11\n', 'latin1'),
  ]);

  test('non-ASCII path in the DLL, invalid UTF-8 in another hit line, every two-chunk split', async () => {
    const whole = await analyzeLogs([{ path: 'x.log', stream: Readable.from([log]) }]);
    const f = whole.findings[0]!;
    assert.equal(f.dll, '/home/José/テスト/basic.dll');
    assert.equal(f.cause, 'deleted-dll');
    assert.ok(f.evidence.some((e) => e.role === 'delete' && e.text?.includes('José\\テスト')));
    const parent = f.evidence.find((e) => e.line === 5);
    assert.ok(parent?.text?.includes('bad \uFFFD(\uFFFD) bytes'), parent?.text);
    const key = JSON.stringify([whole.findings, whole.stats]);
    for (let i = 1; i < log.length; i += 7) {
      const r = await analyzeLogs([{ path: 'x.log', stream: Readable.from([log.subarray(0, i), log.subarray(i)]) }]);
      assert.equal(JSON.stringify([r.findings, r.stats]), key, `split at byte ${i}`);
    }
  });
});
