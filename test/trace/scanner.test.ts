import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeLogs, NEEDLE_LITERALS, NEEDLES } from '../../src/diagnose/index.js';
import { LineSplitter, splitFile, splitStream, type LineFilter, type NeedleSpec } from '../../src/trace/read.js';
import { Scanner } from '../../src/trace/scanner.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const texts = NEEDLE_LITERALS.map((l) => (typeof l === 'string' ? l : l.text));
const spec = (l: NeedleSpec) => (typeof l === 'string' ? { text: l } : l);

function scanner(): Scanner {
  const s = Scanner.create(
    NEEDLE_LITERALS.map((l) => {
      const n = spec(l);
      return { text: n.text, wordEnd: n.wordEnd === true, fingerprint: n.text.indexOf(n.fingerprint ?? n.text.slice(0, 3)), bucket: n.bucket ?? 0 };
    }),
  );
  assert.ok(s, 'the WebAssembly scanner loads here');
  return s;
}

/** The reference: the start of every line (from `from`) that the NEEDLES regex finds a needle in. */
function referenceStarts(text: string, from = 0): number[] {
  const out: number[] = [];
  let p = from;
  for (;;) {
    const nl = text.indexOf('\n', p);
    const line = text.slice(p, nl < 0 ? text.length : nl);
    if (NEEDLES.test(line)) out.push(p);
    if (nl < 0) return out;
    p = nl + 1;
  }
}

function scanText(s: Scanner, text: string, from = 0): number[] {
  s.buffer.write(text, 0, 'latin1');
  return Array.from(s.scan(from, text.length));
}

describe('the WebAssembly needle scanner', () => {
  test('every needle at every position of a 16-byte block, alone on its line and after others', () => {
    const s = scanner();
    for (const t of texts) {
      for (let pad = 0; pad < 40; pad++) {
        const line = `${'x'.repeat(pad)}${t}${t === '.so' ? ' ' : 'y'}`;
        const text = `plain line\n${line}\nother\n${'z'.repeat(pad % 7)}${line}`;
        assert.deepEqual(scanText(s, text), referenceStarts(text), `${t} at ${pad}`);
      }
    }
  });

  test('a line with many needles is reported once; a needle cut at the end of the buffer is none', () => {
    const s = scanner();
    assert.deepEqual(scanText(s, 'fork frok child_ .dll\nfork\n'), [0, 22]);
    assert.deepEqual(scanText(s, 'a\nfor'), []);
    assert.deepEqual(scanText(s, 'a\nfork'), [2]);
    // `.so` must end a word, unless the buffer ends there (the line goes on in the next chunk).
    assert.deepEqual(scanText(s, 'x.sox\nx.so.1\nx.so_\nx.so'), [6, 19]);
  });

  test('a needle before `from` does not count (it belongs to the line carried from the last chunk)', () => {
    const s = scanner();
    const text = 'fork\nfork plain\nplain\n';
    assert.deepEqual(scanText(s, text, 2), [5]);
    assert.deepEqual(scanText(s, text, 5), [5]);
  });

  test('property: random text of needle pieces and fingerprints, same lines as the regex', () => {
    const s = scanner();
    const piece = fc.constantFrom(...texts, ...NEEDLE_LITERALS.map((l) => spec(l).fingerprint ?? 'xyz'), 'fo', 'rk', 'ork', 'Pro', 'ded', 'cyg', 'una', '.s', '.so.', 'x', ' ', '\n', '\r\n', '_', 'é', '\xff', '\0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.nat(), (parts, f) => {
        const text = parts.join('');
        // `from` is a line start, as the splitter passes it.
        const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
        const from = starts[f % starts.length]!;
        assert.deepEqual(scanText(s, text, from), referenceStarts(text, from));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the splitter with and without the scanner', () => {
  const filter = (scanner: boolean): LineFilter => ({ needles: new RegExp(NEEDLES.source, 'g'), literals: NEEDLE_LITERALS, scanner, wantAll: () => false });
  function lines(chunks: (string | Buffer)[], scanner: boolean): { got: [number, string, boolean][]; lines: number } {
    const got: [number, string, boolean][] = [];
    const s = new LineSplitter((raw, no, _cut, matched) => got.push([no, raw, matched]), 1000, filter(scanner));
    for (const c of chunks) s.push(typeof c === 'string' ? c : c.toString('latin1'), typeof c === 'string' ? undefined : c);
    s.end();
    return { got, lines: s.stats.lines };
  }

  test('a chunk boundary inside a needle, inside a CRLF and right after a newline: the same lines either way', () => {
    const text = '   61  201327 [main] make 2345 dofork: entering\r\nplain\r\n--- Process 9 loaded C:\\x\\a.dll at 1\r\nlib.so\r\nend';
    for (let i = 1; i < text.length; i++) {
      const bytes = Buffer.from(text, 'latin1');
      const withScanner = lines([bytes.subarray(0, i), bytes.subarray(i)], true);
      const without = lines([text.slice(0, i), text.slice(i)], false);
      assert.deepEqual(withScanner, without, `cut at ${i}`);
      assert.equal(withScanner.lines, 5);
    }
  });

  test('property: any chunking of a fixture, the same hit lines and counts with and without the scanner', () => {
    const buf = readFileSync(path.join(FIXTURES, 'logs', 'chibi-strace.log'));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }), (sizes) => {
        const parts: Buffer[] = [];
        for (let p = 0, i = 0; p < buf.length; i++) {
          parts.push(buf.subarray(p, p + sizes[i % sizes.length]!));
          p += sizes[i % sizes.length]!;
        }
        assert.deepEqual(lines(parts, true), lines(parts, false));
      }),
      { numRuns: 100 },
    );
  });
});

describe('splitFile (a regular file read synchronously into the scanner)', () => {
  let dir = '';
  let generated = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'splitfile-'));
    generated = path.join(dir, 'gen.log');
    // 3 MB: many 64 KB chunks, failures at 0.25 MB and every 0.5 MB.
    execFileSync(process.execPath, [path.join(ROOT, 'bench/gen-strace-log.mjs'), generated, '3', '0.5']);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the same lines and statistics as splitStream, on every fixture log and a generated log', async () => {
    const files = [...['chibi-strace.log', 'github-crlf-wrapped.log', 'truncated.log', 'seed-chibi-ja.txt', 'console-resources.log'].map((n) => path.join(FIXTURES, 'logs', n)), generated];
    const filter = (): LineFilter => ({ needles: new RegExp(NEEDLES.source, 'g'), literals: NEEDLE_LITERALS, wantAll: () => false });
    for (const file of files) {
      const a: [number, string][] = [];
      const b: [number, string][] = [];
      const sa = splitFile(file, (raw, no) => a.push([no, raw]), { filter: filter() });
      const sb = await splitStream(createReadStream(file), (raw, no) => b.push([no, raw]), { filter: filter() });
      assert.deepEqual(sa, sb, file);
      assert.deepEqual(a, b, file);
      assert.ok(a.length > 0, file);
    }
  });

  test('a UTF-16 file is left to the stream (which decodes it)', () => {
    const f = path.join(dir, 'utf16.log');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('   61  201327 [main] make 2345 dofork: entering\n', 'utf16le')]));
    let called = 0;
    assert.equal(splitFile(f, () => called++), undefined);
    assert.equal(called, 0);
  });

  test('analyzeLogs gives the same result from the file as from a stream of it (generated log, findings and timelines)', async () => {
    const fromFile = await analyzeLogs([{ path: 'gen.log', file: generated, stream: Readable.from([]) }], { cwd: dir });
    const fromStream = await analyzeLogs([{ path: 'gen.log', stream: createReadStream(generated) }], { cwd: dir });
    const slow = await analyzeLogs([{ path: 'gen.log', stream: createReadStream(generated) }], { cwd: dir, quietLines: false });
    assert.equal(fromFile.findings.length, 6);
    assert.equal(JSON.stringify(fromFile), JSON.stringify(fromStream));
    assert.equal(JSON.stringify(fromFile), JSON.stringify(slow));
  });
});
