import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../src/scan/index.js';

// Found by test/fuzz/scan.test.ts: the C front-end's recursive tree walk overflowed the stack and analyzeText threw.
describe('scan: deeply nested sources', () => {
  test('C with 10,000 nested parentheses: one diagnostic, no exception', async () => {
    const src = `void *h = dlopen("lib.dll", 0);\nint x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`;
    const r = await analyzeText('deep.c', src, 'c');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.level, d.file, d.message]), [
      ['error', 'deep.c', 'nested too deeply to analyse (the syntax tree walk ran out of stack); file skipped'],
    ]);
  });
});
