import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanPaths, type ScanOptions } from '../../src/scan/index.js';
import { threadsFor, workerEntry } from '../../src/scan/pool.js';
import { ROOT, runCli } from '../helpers/cli.js';

// Worker threads read and analyse the files of a big tree (src/scan/pool.ts). Whatever the number of threads,
// the result must be the one the main thread alone gives: same findings, diagnostics (in order), stats, rules.
describe('scan with worker threads gives what the single-threaded scan gives', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-threads-'));
    // Every fixture, three times over (more than one batch per worker), plus the awkward cases.
    for (const copy of ['one', 'two', 'three']) await cp(path.join(ROOT, 'test/fixtures/scan'), path.join(dir, copy), { recursive: true });
    await mkdir(path.join(dir, 'odd'));
    await writeFile(path.join(dir, 'odd/deep.c'), `void *h = dlopen("lib.dll", 0);\nint x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`);
    await writeFile(path.join(dir, 'odd/binary.c'), Buffer.concat([Buffer.from('dlopen('), Buffer.from([0, 1, 0])]));
    await writeFile(path.join(dir, 'odd/big.py'), `import ctypes\nctypes.CDLL("x.so")\n#${'x'.repeat(40_000)}\n`);
    await writeFile(path.join(dir, 'odd/latin1.py'), Buffer.from('# caf\xe9\nimport ctypes, os, subprocess\nl = ctypes.CDLL("a.so")\nos.remove("a.so")\nsubprocess.run(["x"])\n', 'latin1'));
    await writeFile(path.join(dir, 'odd/crlf.py'), '\uFEFFimport ctypes, os, subprocess\r\nl = ctypes.CDLL("a.so")\r\nos.remove("a.so")\r\nsubprocess.run(["x"])\r\n');
    await writeFile(path.join(dir, 'odd/script'), '#!/bin/sh\nenable -f ./mod.so mod\nrm ./mod.so\nls\n');
    await writeFile(path.join(dir, 'odd/empty.py'), '');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const scan = (threads: number, extra: Partial<ScanOptions> = {}): ReturnType<typeof scanPaths> =>
    scanPaths(['.'], { root: dir, maxFileSize: 30_000, threads, ...extra });

  it('0, 1, 2 and 3 threads: identical results', async () => {
    const inline = await scan(0);
    assert.ok(inline.findings.length > 60, `${inline.findings.length} findings`);
    const diags = inline.diagnostics.map((d) => `${d.level} ${d.file}: ${d.message}`);
    assert.ok(diags.includes('error odd/deep.c: nested too deeply to analyse (the syntax tree walk ran out of stack); file skipped'), diags.join('\n'));
    assert.ok(diags.includes('info odd/binary.c: binary file (NUL byte) skipped'));
    assert.ok(diags.some((d) => d.startsWith('warning odd/big.py: skipped: ')));
    assert.ok(diags.includes('info odd/latin1.py: not valid UTF-8; read with replacement characters'));
    for (const n of [1, 2, 3]) assert.deepEqual(await scan(n), inline, `${n} threads`);
  });

  it('progress counts every file once with threads too', async () => {
    const seen: Array<[number, number]> = [];
    const r = await scan(2, { onProgress: (d, t) => seen.push([d, t]) });
    assert.ok(r.stats.files > 100);
    assert.deepEqual(
      seen.map(([d]) => d),
      seen.map((_, i) => i + 1),
    );
    assert.deepEqual(seen.at(-1), [seen.length, seen.length]);
  });

  it('the rules config applies the same way in the workers', async () => {
    const opts: Partial<ScanOptions> = { ruleSeverity: { CH001: 'warning', CH002: 'off' } };
    const inline = await scan(0, opts);
    assert.ok(inline.findings.every((f) => f.ruleId !== 'CH002'));
    assert.ok(inline.findings.some((f) => f.ruleId === 'CH001' && f.severity === 'warning'));
    assert.deepEqual(await scan(2, opts), inline);
  });

  it('threads are used from MIN_FILES_FOR_THREADS files (when there are cores), never below', () => {
    assert.equal(threadsFor(10), 0);
    assert.equal(threadsFor(10, 3), 3);
    assert.equal(threadsFor(100_000, 0), 0);
    assert.ok(threadsFor(100_000) <= 4);
    assert.ok(workerEntry()?.href.endsWith('/src/scan/worker.ts'));
  });

  it('the CLI: --threads 2 prints the report --threads 0 prints; a bad --threads is a usage error', async () => {
    const args = ['scan', 'test/fixtures/scan', '--format', 'json'];
    const a = await runCli([...args, '--threads', '0']);
    const b = await runCli([...args, '--threads', '2']);
    assert.equal(a.code, 1, a.stderr);
    assert.equal(b.code, 1, b.stderr);
    assert.equal(b.stdout.replace('"--threads",\n      "2"', ''), a.stdout.replace('"--threads",\n      "0"', ''));
    const bad = await runCli(['scan', 'test/fixtures/scan', '--threads', 'many']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--threads must be a number from 0 to 64, got "many"/);
  });
});
