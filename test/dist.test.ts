import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, runProcess } from './helpers/cli.js';

// The bundle is built fresh into a temp folder (no node_modules anywhere above it) and run from there.
describe('bundled dist', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-dist-test-'));
    const b = await runProcess(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--outdir', path.join(dir, 'dist')]);
    assert.equal(b.code, 0, b.stderr);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the CLI bundle runs with no node_modules', async () => {
    const r = await runProcess(process.execPath, [path.join(dir, 'dist/cli.js'), '--help'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Usage: cygwin-hygiene/);
    const e = await runProcess(process.execPath, [path.join(dir, 'dist/cli.js'), 'explain', 'deleted-dll'], { cwd: dir });
    assert.equal(e.code, 0, e.stderr);
    assert.match(e.stdout, /Win32 error 126/);
  });

  test('a config file is validated by the bundle too (the lazy zod chunk loads)', async () => {
    await writeFile(path.join(dir, '.cygwin-hygiene.json'), '{"formt": "json"}');
    const r = await runProcess(process.execPath, [path.join(dir, 'dist/cli.js'), 'explain'], { cwd: dir });
    await rm(path.join(dir, '.cygwin-hygiene.json'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown key "formt"/);
  });

  test('the grammar and runtime wasm files are shipped', async () => {
    const assets = await readdir(path.join(dir, 'dist/assets'));
    assert.ok(assets.includes('tree-sitter.wasm'));
    assert.ok(assets.includes('tree-sitter-c.wasm'));
  });

  test("the scan's worker threads start from the bundle (dist/scan-worker.js) and report what one thread reports", async () => {
    const run = (threads: string): ReturnType<typeof runProcess> =>
      runProcess(process.execPath, [path.join(dir, 'dist/cli.js'), 'scan', 'test/fixtures/scan', '--format', 'json', '--threads', threads], { cwd: ROOT });
    const [one, two] = [await run('0'), await run('2')];
    assert.equal(one.code, 1, one.stderr);
    assert.equal(two.code, 1, two.stderr);
    const body = (s: string): unknown => {
      const d = JSON.parse(s) as { context?: { command?: unknown } };
      delete d.context?.command;
      return d;
    };
    assert.ok((JSON.parse(one.stdout) as { findings: unknown[] }).findings.length > 20);
    assert.deepEqual(body(two.stdout), body(one.stdout));
    // Without the worker entry the same files are scanned on the main thread, and a diagnostic says so.
    const broken = path.join(dir, 'no-worker');
    await cp(path.join(dir, 'dist'), broken, { recursive: true });
    await rm(path.join(broken, 'scan-worker.js'));
    const r = await runProcess(process.execPath, [path.join(broken, 'cli.js'), 'scan', 'test/fixtures/scan', '--format', 'json', '--threads', '2'], { cwd: ROOT });
    const d = JSON.parse(r.stdout) as { findings: unknown[]; diagnostics: Array<{ message: string }> };
    assert.deepEqual(d.findings, (JSON.parse(one.stdout) as { findings: unknown[] }).findings);
    assert.ok(d.diagnostics.some((x) => x.message.startsWith('worker threads not used for every file (the worker entry (scan-worker.js) was not found)')), r.stdout);
  });

  test('check-dist passes on a fresh build and names every difference on a stale one', async () => {
    const fresh = await runProcess(process.execPath, [path.join(ROOT, 'scripts/check-dist.mjs'), '--dist', path.join(dir, 'dist')]);
    assert.equal(fresh.code, 0, fresh.stderr);
    const stale = path.join(dir, 'stale');
    await cp(path.join(dir, 'dist'), stale, { recursive: true });
    await appendFile(path.join(stale, 'cli.js'), '\n// edited by hand\n');
    await writeFile(path.join(stale, 'leftover.js'), 'old chunk');
    await rm(path.join(stale, 'package.json'));
    const r = await runProcess(process.execPath, [path.join(ROOT, 'scripts/check-dist.mjs'), '--dist', stale]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /changed {2}cli\.js/);
    assert.match(r.stderr, /missing {2}package\.json/);
    assert.match(r.stderr, /extra {4}leftover\.js/);
  });
});
