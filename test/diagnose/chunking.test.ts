import { fuzzParams } from '../helpers/fuzz.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeLogs } from '../../src/diagnose/index.js';
import { LineSplitter } from '../../src/trace/read.js';
import { FIXTURES } from '../helpers/cli.js';

const LOGS = path.join(FIXTURES, 'logs');

function chunked(buf: Buffer, sizes: number[]): Readable {
  const parts: Buffer[] = [];
  let p = 0;
  let i = 0;
  while (p < buf.length) {
    const n = sizes[i++ % sizes.length]!;
    parts.push(buf.subarray(p, p + n));
    p += n;
  }
  return Readable.from(parts);
}

describe('chunk boundaries do not change the result', () => {
  for (const name of ['chibi-strace.log', 'github-crlf-wrapped.log', 'strace-different-dll-H.log', 'console-resources.log']) {
    test(name, async () => {
      const buf = readFileSync(path.join(LOGS, name));
      const whole = await analyzeLogs([{ path: name, stream: Readable.from([buf]) }]);
      const key = (r: typeof whole) => JSON.stringify([r.findings, r.stats.lines]);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
          const r = await analyzeLogs([{ path: name, stream: chunked(buf, sizes) }]);
          assert.equal(key(r), key(whole));
        }),
        fuzzParams({ numRuns: 25 }),
      );
    });
  }

  test('the needle filter hands out exactly the lines holding a needle, with their numbers', () => {
    const text = 'a\nfork one\nb\nc fork two\n\nfork';
    const got: [number, string][] = [];
    const s = new LineSplitter((raw, no) => got.push([no, raw]), 1000, { needles: /fork/g, wantAll: () => false });
    s.push(text.slice(0, 7));
    s.push(text.slice(7));
    s.end();
    assert.deepEqual(got, [[2, 'fork one'], [4, 'c fork two'], [6, 'fork']]);
    assert.equal(s.stats.lines, 6);
  });
});
