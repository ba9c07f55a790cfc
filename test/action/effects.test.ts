import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { realEffects } from '../../src/action/effects.js';
import { fitSummary } from '../../src/action/main.js';
import { backoffDelays, withRetries } from '../../src/action/retry.js';

describe('real effects on this machine (download over local HTTP, exec of real processes)', () => {
  let server: Server;
  let base: string;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-fx-'));
    server = createServer((req, res) => {
      if (req.url === '/setup-x86_64.exe') res.end('MZ fake setup');
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000);
      else {
        res.statusCode = 404;
        res.end('no');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  test('download writes the body, creating the folder', async () => {
    const dest = path.join(dir, 'sub', 'setup.exe');
    await realEffects().download(`${base}/setup-x86_64.exe`, dest, 5000);
    assert.equal(await readFile(dest, 'utf8'), 'MZ fake setup');
  });
  test('HTTP errors and timeouts reject with the URL / reason', async () => {
    await assert.rejects(realEffects().download(`${base}/missing`, path.join(dir, 'x'), 5000), /GET .*\/missing: HTTP 404/);
    await assert.rejects(realEffects().download(`${base}/slow`, path.join(dir, 'y'), 200), /timeout|aborted/i);
  });
  test('exec streams output to the listeners and returns the exit code without throwing', async () => {
    let streamed = '';
    const r = await realEffects().exec({
      file: 'sh',
      args: ['-c', 'echo out; echo "$CH_X" >&2; exit 7'],
      env: { CH_X: 'from env' },
      onStdout: (c) => (streamed += c),
      onStderr: (c) => (streamed += c),
    });
    assert.equal(r.exitCode, 7);
    assert.match(streamed, /out/);
    assert.match(streamed, /from env/);
  });
});

describe('retries and the summary budget', () => {
  test('exponential back-off, capped', () => {
    assert.deepEqual(backoffDelays(4, 2000), [2000, 4000, 8000]);
    assert.deepEqual(backoffDelays(8, 10_000, 30_000), [10_000, 20_000, 30_000, 30_000, 30_000, 30_000, 30_000]);
    assert.deepEqual(backoffDelays(1, 5), []);
  });
  test('withRetries gives up after the last attempt with the last error', async () => {
    const slept: number[] = [];
    let n = 0;
    await assert.rejects(
      withRetries('download x', async () => { n++; throw new Error(`boom ${n}`); }, { attempts: 3, baseMs: 10, sleep: async (ms) => { slept.push(ms); }, log: () => undefined }),
      /download x: failed after 3 attempts: boom 3/,
    );
    assert.deepEqual(slept, [10, 20]);
  });
  test('fitSummary cuts at a line boundary under the budget and says so', () => {
    const md = Array.from({ length: 1000 }, (_, i) => `- line ${i} ✓`).join('\n');
    const cut = fitSummary(md, 2000);
    assert.ok(Buffer.byteLength(cut) <= 2000);
    assert.match(cut, /cut to fit GitHub's 1 MiB limit/);
    assert.equal(fitSummary('short', 2000), 'short');
  });
});
