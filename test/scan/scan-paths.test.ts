import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanPaths, toBaseline } from '../../src/scan/index.js';
import { InputError, UsageError } from '../../src/util/errors.js';
import { ROOT } from '../helpers/cli.js';

const C_BAD = 'void f(void) {\n  void *h = dlopen("x.so", 0);\n  unlink("x.so");\n  fork();\n}\n';

describe('scanPaths: walking, skipping and reading files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-scan-'));
    const w = async (rel: string, data: string | Buffer): Promise<void> => {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), data);
    };
    await w('.gitignore', 'ignored-top/\n*.gen.c\n');
    await w('src/a.c', C_BAD);
    await w('src/b.gen.c', C_BAD);
    await w('ignored-top/c.c', C_BAD);
    await w('sub/.gitignore', 'local.c\n');
    await w('sub/local.c', C_BAD);
    await w('sub/kept.c', C_BAD);
    await w('node_modules/pkg/x.c', C_BAD);
    await w('vendor/y.c', C_BAD);
    await w('bin/blob.c', Buffer.concat([Buffer.from('dlopen'), Buffer.from([0, 1, 2, 0]), Buffer.from(C_BAD)]));
    await w('big/huge.c', `${C_BAD}/*${'x'.repeat(5000)}*/\n`);
    await w('crlf/win.c', C_BAD.replace(/\n/g, '\r\n'));
    await w('utf8/bad.c', Buffer.concat([Buffer.from('/* \xff\xfe */\n', 'latin1'), Buffer.from(C_BAD)]));
    await w('名前/ライブラリ.c', C_BAD);
    await w('notes.txt', 'dlopen unlink fork');
    await symlink('..', path.join(dir, 'sub', 'loop'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('honours nested .gitignore files, skips vendored folders and follows no symlink loop', async () => {
    const r = await scanPaths(['.'], { root: dir, maxFileSize: 4000 });
    const files = [...new Set(r.findings.map((f) => f.file))].sort();
    assert.deepEqual(files, ['crlf/win.c', 'src/a.c', 'sub/kept.c', 'utf8/bad.c', '名前/ライブラリ.c']);
    const info = r.diagnostics.map((d) => `${d.level} ${d.file}: ${d.message}`);
    assert.ok(info.includes('info node_modules: vendored folder skipped'), info.join('\n'));
    assert.ok(info.includes('info vendor: vendored folder skipped'));
    assert.ok(info.includes('info bin/blob.c: binary file (NUL byte) skipped'));
    assert.ok(info.some((d) => d.startsWith('warning big/huge.c: skipped: ') && d.includes('--max-file-size of 4000')));
    assert.ok(info.includes('info utf8/bad.c: not valid UTF-8; read with replacement characters'));
    assert.equal(r.stats.skipped, 2);
    assert.equal(r.stats.parsed, 5);
    assert.deepEqual(r.rules.map((x) => x.id), ['CH001']);
  });

  it('scans a folder named explicitly even when a .gitignore above it ignores it; rules inside still apply', async () => {
    await mkdir(path.join(dir, 'ignored-top', 'inner'), { recursive: true });
    await writeFile(path.join(dir, 'ignored-top', '.gitignore'), 'skip.c\n');
    await writeFile(path.join(dir, 'ignored-top', 'skip.c'), C_BAD);
    const r = await scanPaths(['ignored-top'], { root: dir });
    assert.deepEqual(r.findings.map((f) => f.file), ['ignored-top/c.c']);
    assert.ok(r.diagnostics.some((d) => d.level === 'info' && d.file === 'ignored-top' && /named explicitly/.test(d.message)));
    // walking from above, the folder stays ignored
    const all = await scanPaths(['.'], { root: dir });
    assert.ok(!all.findings.some((f) => f.file.startsWith('ignored-top/')));
    await rm(path.join(dir, 'ignored-top', 'skip.c'));
    await rm(path.join(dir, 'ignored-top', '.gitignore'));
  });

  it('keeps CRLF files on the right lines and columns', async () => {
    const r = await scanPaths(['crlf'], { root: dir });
    assert.equal(r.findings.length, 1);
    assert.deepEqual(r.findings[0]!.evidence.map((e) => [e.role, e.line, e.column]), [['load', 2, 13], ['delete', 3, 3], ['spawn', 4, 3]]);
    assert.equal(r.findings[0]!.evidence[0]!.text, 'void *h = dlopen("x.so", 0);');
  });

  it('applies --include/--exclude globs (relative to root) and config globs (relative to the config folder)', async () => {
    const inc = await scanPaths(['.'], { root: dir, include: ['src/**'] });
    assert.deepEqual(inc.findings.map((f) => f.file), ['src/a.c']);
    const exc = await scanPaths(['.'], { root: dir, exclude: ['*.c'] });
    assert.equal(exc.findings.length, 0);
    const cfg = await scanPaths(['.'], { root: path.join(dir, 'src'), configDir: dir, configExclude: ['sub/**', 'crlf/**', 'utf8/**', '名前/**'] });
    assert.deepEqual(cfg.findings.map((f) => f.file).sort(), ['a.c']);
    const cfg2 = await scanPaths([dir], { root: dir, configDir: dir, configInclude: ['sub/*.c'] });
    assert.deepEqual(cfg2.findings.map((f) => f.file), ['sub/kept.c']);
  });

  it('rejects a missing path (InputError) and a malformed glob (UsageError)', async () => {
    await assert.rejects(scanPaths(['does-not-exist'], { root: dir }), (e: unknown) => e instanceof InputError && /no such file or folder: does-not-exist/.test(e.message));
    await assert.rejects(scanPaths(['.'], { root: dir, include: ['src/[a'] }), (e: unknown) => e instanceof UsageError && /bad glob "src\/\[a" in --include/.test(e.message));
  });

  it('reports an unreadable file as an error diagnostic and goes on', { skip: process.getuid?.() === 0 ? 'running as root: chmod 000 does not stop reads' : false }, async () => {
    const f = path.join(dir, 'src', 'locked.c');
    await writeFile(f, C_BAD);
    await chmod(f, 0);
    try {
      const r = await scanPaths(['src'], { root: dir });
      assert.ok(r.diagnostics.some((d) => d.level === 'error' && d.file === 'src/locked.c' && /EACCES/.test(d.message)));
      assert.ok(r.findings.some((f2) => f2.file === 'src/a.c'));
    } finally {
      await rm(f, { force: true });
    }
  });

  it('drops baselined findings, keyed independently of line numbers', async () => {
    const first = await scanPaths(['src'], { root: dir });
    assert.equal(first.findings.length, 1);
    const baseline = toBaseline(first.findings);
    assert.deepEqual(Object.keys(baseline.findings[0]!).sort(), ['file', 'fingerprint', 'ruleId']);
    // Shift every line down: the fingerprint must still match.
    await writeFile(path.join(dir, 'src/a.c'), `/* moved */\n\n${C_BAD}`);
    const second = await scanPaths(['src'], { root: dir, baseline });
    assert.equal(second.findings.length, 0);
    assert.equal(second.stats.baselined, 1);
    await writeFile(path.join(dir, 'src/a.c'), C_BAD.replace('"x.so"', '"y.so"').replace('"x.so"', '"y.so"'));
    const third = await scanPaths(['src'], { root: dir, baseline });
    assert.equal(third.findings.length, 1, 'a changed load/delete is a new finding');
    await writeFile(path.join(dir, 'src/a.c'), C_BAD);
  });

  it('skips a FIFO named on the command line instead of blocking on it', async () => {
    const fifo = path.join(dir, 'pipe.c');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    try {
      const r = await scanPaths(['pipe.c', 'src'], { root: dir });
      assert.deepEqual(r.diagnostics, [{ level: 'info', file: 'pipe.c', message: 'not a regular file; skipped' }]);
      assert.equal(r.findings.length, 1);
    } finally {
      await rm(fifo, { force: true });
    }
  });

  it('reports progress as files done / total', async () => {
    const seen: Array<[number, number]> = [];
    await scanPaths(['src', 'sub'], { root: dir, onProgress: (d, t) => seen.push([d, t]) });
    assert.deepEqual(seen.at(-1), [seen.length, seen.length]);
    assert.ok(seen.length >= 2);
  });
});

describe('scanPaths over every fixture at once (all grammars loaded concurrently)', () => {
  it('reads every language without an error diagnostic and finds the positive fixtures only', async () => {
    const r = await scanPaths(['test/fixtures/scan', 'examples/chibi-ffi'], { root: ROOT });
    assert.deepEqual(r.diagnostics.filter((d) => d.level !== 'info'), []);
    const langs = new Set(r.findings.map((f) => f.language));
    assert.deepEqual([...langs].sort(), ['c', 'cpp', 'javascript', 'lua', 'make', 'perl', 'python', 'ruby', 'scheme', 'shell', 'tcl', 'typescript']);
    const negatives = ['c/dlclose-before-delete.c', 'c/struct-handle.c', 'c/system-only.c', 'cpp/atexit-cleanup.cpp', 'python/negatives.py', 'python/dlclose_first.py', 'python/os_system.py', 'python/unique_rebuild.py', 'ruby/tmpdir_ok.rb', 'shell/trap-cleanup.sh', 'lua/execute_only.lua', 'make/Makefile', 'javascript/keep.js', 'typescript/unique.ts', 'scheme/defer.scm', 'perl/end-block.pl', 'tcl/keep.tcl'];
    for (const n of negatives) assert.ok(!r.findings.some((f) => f.file === `test/fixtures/scan/${n}`), `finding in negative fixture ${n}`);
    assert.ok(r.stats.parsed > 30 && r.stats.parsed <= r.stats.files, JSON.stringify(r.stats));
  });
});

describe('suppressions', () => {
  it('suppresses on the same or the next line, per rule and per file; reports unknown and unused ones', async () => {
    const { analyzeText } = await import('../../src/scan/engine.js');
    const base = 'import ctypes, os, subprocess\nctypes.CDLL("a.so")\n';
    const same = await analyzeText('s.py', `${base}os.remove("a.so")  # cygwin-hygiene-ignore CH001: the child never runs\nsubprocess.run(["x"])\n`, 'python');
    assert.equal(same.findings.length, 0);
    assert.deepEqual(same.diagnostics, []);
    const next = await analyzeText('s.py', `${base}# cygwin-hygiene-ignore CH001\nos.remove("a.so")\nsubprocess.run(["x"])\n`, 'python');
    assert.equal(next.findings.length, 0);
    const other = await analyzeText('s.py', `${base}# cygwin-hygiene-ignore CH002\nos.remove("a.so")\nsubprocess.run(["x"])\n`, 'python');
    assert.equal(other.findings.length, 1, 'a suppression for another rule does not apply');
    assert.deepEqual(other.diagnostics.map((d) => d.message), ['line 3: unused suppression (nothing to suppress here)']);
    const file = await analyzeText('s.py', `# cygwin-hygiene-ignore-file: generated\n${base}os.remove("a.so")\nsubprocess.run(["x"])\n`, 'python');
    assert.equal(file.findings.length, 0);
    const unknown = await analyzeText('s.py', `# cygwin-hygiene-ignore CH999\n${base}`, 'python');
    assert.deepEqual(unknown.diagnostics.map((d) => d.message), ['line 1: suppression names unknown rule CH999']);
    const notComment = await analyzeText('s.py', `${base}os.remove("a.so"); x = "cygwin-hygiene-ignore CH001"\nsubprocess.run(["x"])\n`, 'python');
    assert.equal(notComment.findings.length, 1, 'the marker must be in a comment');
    const scheme = await analyzeText('s.scm', '(load "a.so")\n(delete-file "a.so") ; cygwin-hygiene-ignore CH001: ok\n(system "ls")\n', 'scheme');
    assert.equal(scheme.findings.length, 0);
  });

  it('config rules: a severity override and off', async () => {
    const { analyzeText } = await import('../../src/scan/engine.js');
    const code = '(load "a.so")\n(delete-file "a.so")\n(system "ls")\n';
    assert.equal((await analyzeText('s.scm', code, 'scheme', { ruleSeverity: { CH001: 'note' } })).findings[0]?.severity, 'note');
    assert.equal((await analyzeText('s.scm', code, 'scheme', { ruleSeverity: { CH001: 'off' } })).findings.length, 0);
  });
});

describe('flow trace bounds', () => {
  it('deeply nested loops and calls finish, and a truncated trace is reported', async () => {
    const { analyzeText } = await import('../../src/scan/engine.js');
    // 24 nested loops: unrolled naively that is 3^24 visits of the innermost call.
    let code = 'import ctypes, os, subprocess\n';
    for (let i = 0; i < 24; i++) code += `${'    '.repeat(i)}for x${i} in range(2):\n`;
    code += `${'    '.repeat(24)}helper(x0)\n${'    '.repeat(24)}subprocess.run(["true"])\n`;
    const r = await analyzeText('deep.py', code, 'python');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.diagnostics.map((d) => d.message), ['the flow trace hit its size bound (deep nesting or many calls); later findings in this file may be missed']);
    // Only calls of a (harmless) local function inside: nothing is emitted, the work bound must still stop it.
    let calls = 'def helper(x):\n    pass\n';
    for (let i = 0; i < 24; i++) calls += `${'    '.repeat(i)}for x${i} in range(2):\n`;
    calls += `${'    '.repeat(24)}helper(x0)\n`;
    const r2 = await analyzeText('calls.py', calls, 'python');
    assert.equal(r2.diagnostics.length, 1);
    const shallow = await analyzeText('ok.py', 'import subprocess\nfor i in range(3):\n    subprocess.run(["true"])\n', 'python');
    assert.deepEqual(shallow.diagnostics, []);
  });
});
