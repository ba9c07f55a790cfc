import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeLogs } from '../../src/diagnose/index.js';
import { matchMessage } from '../../src/diagnose/messages.js';
import type { Finding } from '../../src/model/finding.js';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';

const LOGS = path.join(FIXTURES, 'logs');
async function analyze(...names: string[]) {
  return analyzeLogs(names.map((n) => ({ path: path.relative(ROOT, path.join(LOGS, n)), stream: createReadStream(path.join(LOGS, n)) })), { cwd: ROOT });
}
const brief = (f: Finding) => [f.line, f.cause, f.dll];

describe('analyzeLogs on fixtures', () => {
  test('seed (real chibi-scheme excerpt): both failures are deleted-dll on basic.dll', async () => {
    const r = await analyze('seed-chibi-ja.txt');
    assert.deepEqual(r.findings.map(brief), [
      [51, 'deleted-dll', '/home/oku/repos2/chibi-scheme/tests/ffi/basic.dll'],
      [65, 'deleted-dll', '/home/oku/repos2/chibi-scheme/tests/ffi/basic.dll'],
    ]);
    const s = r.findings[1]!;
    assert.equal(s.properties?.childPid, 302196);
    assert.equal(s.properties?.parentPid, 299940);
    assert.equal(s.properties?.exitStatus, '0x800000');
    assert.deepEqual(s.evidence.map((e) => [e.role, e.line]), [['fork', 63], ['abort', 65], ['exit', 67], ['fork-failure', 69], ['fork-failure', 71]]);
  });

  test('chibi strace: load → unlink → fork → abort 126 → exit 0x800000 → -1, in stream order, deleted-dll 0.95', async () => {
    const r = await analyze('chibi-strace.log');
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.deepEqual(brief(f), [52, 'deleted-dll', '/home/dev/chibi-ffi/tests/ffi/basic.dll']);
    assert.equal(f.confidence, 0.95);
    assert.equal(f.ruleId, 'runtime/deleted-dll');
    assert.equal(f.cygwinVersion, '3.5.4');
    assert.equal(f.file, 'test/fixtures/logs/chibi-strace.log');
    assert.deepEqual(
      { win32Error: f.properties?.win32Error, parentPid: f.properties?.parentPid, parentWinpid: f.properties?.parentWinpid, childPid: f.properties?.childPid, childWinpid: f.properties?.childWinpid, exitStatus: f.properties?.exitStatus },
      { win32Error: 126, parentPid: 1623, parentWinpid: 8840, childPid: 1630, childWinpid: 9340, exitStatus: '0x800000' },
    );
    const roles = f.evidence.map((e) => `${e.role}@${e.line}`);
    assert.deepEqual(roles, ['context@25', 'load@29', 'delete@33', 'fork@34', 'fork@50', 'abort@52', 'exit@54', 'fork-failure@56', 'fork-failure@57', 'fork-failure@58', 'fork-failure@59']);
    const tl = r.timelines[0]!;
    const lines = tl.events.map((e) => e.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'timeline keeps stream order');
    const child = tl.processes.find((p) => p.winpid === 9340)!;
    assert.deepEqual([child.pid, child.parentPid, child.exitStatus], [1630, 1623, '0x800000']);
  });

  test('console + strace of the same run: one finding, evidence from both', async () => {
    const r = await analyze('chibi-console.log', 'chibi-strace.log');
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.equal(f.cause, 'deleted-dll');
    assert.ok(f.evidence.some((e) => e.file.endsWith('chibi-console.log') && e.line === 7));
    assert.ok(f.evidence.some((e) => e.file.endsWith('chibi-strace.log') && e.role === 'delete'));
  });

  test('console alone: build then failure under tests/ → deleted-dll, medium confidence', async () => {
    const [f] = (await analyze('chibi-console.log')).findings;
    assert.deepEqual([f!.cause, f!.confidence, f!.cygwinVersion], ['deleted-dll', 0.7, '3.5.4']);
    assert.ok(f!.evidence.some((e) => e.role === 'context' && /Resource temporarily unavailable/.test(e.text ?? '')));
  });

  test('rewritten after load → replaced-dll; different DLL same basename (multi-line, -H -t) → replaced-dll', async () => {
    const [a] = (await analyze('strace-replaced.log')).findings;
    assert.deepEqual([a!.cause, a!.confidence, a!.dll, a!.cygwinVersion], ['replaced-dll', 0.9, '/home/ci/proj/build/lib/_speedups.dll', '3.6.1']);
    const [b] = (await analyze('strace-different-dll-H.log')).findings;
    assert.equal(b!.cause, 'replaced-dll');
    assert.equal(b!.properties?.messageKind, 'abort-different-dll');
    assert.equal(b!.dll, '/usr/local/bin/cygz.dll');
    assert.equal(b!.endLine, 8);
  });

  test('forkables: a silent attempt and the hardlink retry of one fork() are one finding; interleaved child lines', async () => {
    const r = await analyze('strace-forkables-interleaved.log');
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.deepEqual([f.line, f.cause, f.dll, f.cygwinVersion], [20, 'deleted-dll', '/tmp/build/cygplugin-1.dll', '3.6.0']);
    assert.deepEqual([f.properties?.attempts, f.properties?.firstAttemptLine, f.properties?.childPid, f.properties?.childWinpid], [2, 13, 303, 6204]);
    assert.equal(f.properties?.usingDll, '\\??\\C:\\cygwin64\\var\\run\\cygfork\\S-1-5-21-1\\a1b2c3\\cygplugin-1.dll');
    assert.deepEqual(f.evidence.map((e) => `${e.role}@${e.line}`), [
      'load@3', 'delete@4', 'fork@5', 'fork@11', 'abort@13', 'exit@14', 'fork-failure@15', 'fork@16', 'fork@19', 'abort@20', 'exit@21',
      'fork-failure@22', 'fork-failure@23', 'fork-failure@24', 'context@25',
    ]);
  });

  test('address collisions of every form', async () => {
    const r = await analyze('console-collision.log');
    assert.deepEqual(r.findings.map((f) => [f.line, f.cause, f.properties?.messageKind]), [
      [2, 'address-collision', 'abort-different-address'],
      [4, 'address-collision', 'abort-occupied'],
      [5, 'address-collision', 'abort-remap'],
      [6, 'address-collision', 'fatal-stack'],
      [7, 'address-collision', 'abort-map-address'],
    ]);
    assert.equal(r.findings[2]!.dll, '/usr/lib/perl5/5.36/x86_64-cygwin-threads/auto/POSIX/POSIX.dll');
  });

  test('a basename-only DLL (already occupied) gets its full path from the strace load line', async () => {
    const [f] = (await analyze('strace-occupied.log')).findings;
    assert.deepEqual([f!.cause, f!.dll, f!.properties?.childWinpid, f!.properties?.exitStatus], ['address-collision', '/usr/lib/python3.9/lib-dynload/_ssl.cpython-39-x86_64-cygwin.dll', 4500, '0x800000']);
  });

  test('resources: 0xC0000142 with bash retries, Win32 error 1455, CreateProcessW', async () => {
    const r = await analyze('console-resources.log');
    assert.deepEqual(r.findings.map((f) => [f.line, f.cause, f.confidence]), [[1, 'resources', 0.5], [41, 'resources', 0.85], [83, 'resources', 0.65]]);
    assert.equal(r.findings[0]!.properties?.symptoms, 3);
    assert.equal(r.findings[0]!.properties?.childWinpid, 5120);
  });

  test('interference (child_copy 299, Win32 error 5) on MSYS2 paths', async () => {
    const r = await analyze('console-interference.log');
    assert.deepEqual(r.findings.map(brief), [[1, 'interference', undefined], [2, 'interference', '/usr/bin/msys-iconv-2.dll']]);
    assert.equal(r.findings[1]!.properties?.runtime, 'msys');
  });

  test('fatal heap error + parent 0x100 are one failure, cause heap', async () => {
    const r = await analyze('console-heap-0x100.log');
    assert.equal(r.findings.length, 1);
    assert.deepEqual([r.findings[0]!.cause, r.findings[0]!.properties?.exitStatus, r.findings[0]!.properties?.parentPid], ['heap', '0x100', 1300]);
  });

  test('cygheap base mismatch: heap, or replaced-dll when the runtime is upgraded in the log', async () => {
    const [a] = (await analyze('msys2-cygheap.log')).findings;
    assert.deepEqual([a!.cause, a!.cygwinVersion], ['heap', '3.3.6']);
    const r = await analyze('msys2-upgrade.log');
    assert.deepEqual(r.findings.map(brief), [[3, 'replaced-dll', undefined], [5, 'address-collision', '/usr/bin/msys-intl-8.dll']]);
  });

  test('GitHub prefix, CRLF, ANSI, a wrapped line and a non-ASCII path', async () => {
    const [f] = (await analyze('github-crlf-wrapped.log')).findings;
    assert.deepEqual([f!.line, f!.endLine, f!.cause, f!.dll, f!.cygwinVersion], [3, 4, 'deleted-dll', '/home/José/テスト/tests/ffi/basic.dll', '3.5.4']);
  });

  test('pre-3.0 forms', async () => {
    const r = await analyze('pre30.log');
    assert.deepEqual(r.findings.map((f) => [f.line, f.properties?.messageKind, f.cause]), [
      [3, 'parent-died', 'address-collision'],
      [4, 'abort-map', 'deleted-dll'],
      [5, 'parent-dll-loading', 'unknown'],
      [6, 'old-sync', 'unknown'],
      [7, 'old-reserve', 'address-collision'],
      [8, 'old-remap', 'address-collision'],
    ]);
  });

  test('truncated mid-message: an incomplete finding and a warning; symptom-only and plain logs', async () => {
    const t = await analyze('truncated.log');
    assert.equal(t.findings[0]!.properties?.incomplete, true);
    assert.ok(t.diagnostics.some((d) => d.level === 'warning' && /truncated/.test(d.message)));
    const s = await analyze('symptom-only.log');
    assert.deepEqual([s.findings[0]!.cause, s.findings[0]!.severity, s.findings[0]!.properties?.symptoms], ['unknown', 'warning', 2]);
    const p = await analyze('plain.log');
    assert.equal(p.findings.length, 0);
    assert.match(p.diagnostics[0]!.message, /no Cygwin log lines found/);
  });
});

describe('long logs', () => {
  test('the DLL history and the fork story survive when the kept timeline is full (bounded memory)', async () => {
    const strace = readFileSync(path.join(LOGS, 'chibi-strace.log'), 'utf8').split('\n');
    const filler: string[] = [];
    for (let i = 0; i < 30_000; i++) filler.push(`--- Process ${20000 + i} created`, `--- Process ${20000 + i} exited with status 0x0`);
    // After the unlink (line 33), before the failing fork (line 34).
    const text = [...strace.slice(0, 33), ...filler, ...strace.slice(33)].join('\n');
    const r = await analyzeLogs([{ path: 'long.log', stream: Readable.from([Buffer.from(text)]) }]);
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.deepEqual([f.cause, f.confidence, f.line], ['deleted-dll', 0.95, 52 + filler.length]);
    assert.deepEqual(f.evidence.map((e) => e.role), ['context', 'load', 'delete', 'fork', 'fork', 'abort', 'exit', 'fork-failure', 'fork-failure', 'fork-failure', 'fork-failure']);
    assert.ok(r.timelines[0]!.droppedEvents > 0);
    assert.ok(r.timelines[0]!.events.length <= 20_000);
  });
});

describe('stream errors', () => {
  test('a stream that fails midway: an error diagnostic, and what was found before is kept', async () => {
    const stream = new Readable({ read() {} });
    stream.push(Buffer.from('      0 [main] make 12 child_info_fork::abort: unable to map C:\\cygwin64\\tmp\\a.dll, Win32 error 126\n'));
    setImmediate(() => stream.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })));
    const r = await analyzeLogs([{ path: 'broken.log', stream }]);
    assert.deepEqual(r.diagnostics, [{ level: 'error', file: 'broken.log', message: 'cannot read: EIO' }]);
    assert.deepEqual(r.findings.map(brief), [[1, 'deleted-dll', '/tmp/a.dll']]);
  });
});

describe('message formats', () => {
  test('exact §1 strings match, anywhere in a line', () => {
    const cases: [string, string][] = [
      ['make: ... 1 [main] make 1234 dofork: child -1 - unable to allocate forker_finished event, errno 11', 'parent-event'],
      ['1 [main] make 1234 dofork: child -1 - pid 5678, exitval 0x1, errno 11', 'parent-copy'],
      ['1 [main] make 1234 dofork: child -1 - couldn\'t copy linked dll data/bss, errno 11', 'parent-copy'],
      ['1 [main] make 1234 fork: child -1 - forked process died unexpectedly, retry 0, exit code 256, errno 11', 'parent-died'],
      ['0 [main] x 9 child_info_fork::abort: unable to create interim mapping for C:\\a\\b.dll (using C:\\a\\b.dll), Win32 error 126', 'abort-interim'],
      ['0 [main] x 9 child_info_fork::abort: couldn\'t allocate memory 0x3E0000000(65536) for \'C:\\a\\b.dll\' alignment, Win32 error 487', 'abort-memory'],
      ['0 [main] x 9 child_info_fork::abort: unable to block off 0x3E0000000 to prevent C:\\a\\b.dll from loading there', 'abort-memory'],
      ['0 [main] x 9 C:\\x.exe: *** fatal error in forked process - MEM_COMMIT failed, Win32 error 1455', 'fatal-commit'],
      ['0 [main] x 9 C:\\x.exe: *** fatal error in forked process - recreate_mmaps_after_fork_failed', 'fatal-mmap'],
      ['0 [main] x 9 C:\\x.exe: *** fatal error in forked process - heap allocated at wrong address 0xA00000000 (mapped) != 0xA00010000 (expected)', 'fatal-heap'],
      ['0 [main] x 9 child_copy: stack write copy failed, 0x7FFFFC000..0x800000000, done 0, windows pid 4444, Win32 error 5', 'copy-failed'],
      ['0 [main] x 9 dofork: unable to allocate subproc_ready event, Win32 error 1450', 'subproc-event'],
      ['0 [main] x 9 child_info::sync: wait failed, pid 4444, Win32 error 6', 'wait-failed'],
      ['error: cannot fork() for git-remote-https: Resource temporarily unavailable', 'symptom'],
    ];
    for (const [line, kind] of cases) {
      const m = matchMessage(line);
      assert.ok(m && m !== 'partial', line);
      assert.equal(m.kind, kind, line);
    }
    assert.equal(matchMessage('0 [main] x 9 child_info_fork::abort: unable to map C:\\a\\b.dll, Win32 err'), 'partial');
    assert.equal(matchMessage('nothing here'), undefined);
  });
});

describe('analyze CLI', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-analyze-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('failure found → exit 1; json has the runtime finding', async () => {
    const r = await runCli(['analyze', '-f', 'json', 'examples/chibi-ffi/logs/console.log', 'examples/chibi-ffi/logs/strace.log']);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.findings.length, 1);
    assert.equal(doc.findings[0].ruleId, 'runtime/deleted-dll');
    assert.equal(doc.context.cygwinVersion, '3.5.4');
  });

  test('stdin with -', async () => {
    const r = await runCli(['analyze', '-'], { input: '      0 [main] chibi-scheme 311940 child_info_fork::abort: unable to map C:\\cygwin64\\tmp\\x.dll, Win32 error 126\n' });
    assert.equal(r.code, 1, r.stderr);
    // text output groups by file: the "<stdin>" header, then line 1 with the rule id and the aborting line
    assert.match(r.stdout, /^<stdin>\n\s+1\s+error\s.*\[runtime\/deleted-dll\]$/m);
    assert.match(r.stdout, /aborted at <stdin>:1 \(pid 311940\)/);
  });

  test('a UTF-16LE log with a BOM (PowerShell redirect) is read as text; random bytes are binary (exit 2)', async () => {
    const u16 = path.join(dir, 'ps.log');
    const text = 'make test\r\n      0 [main] chibi-scheme 1630 child_info_fork::abort: unable to map C:\\cygwin64\\home\\José\\x\\basic.dll, Win32 error 126\r\n';
    await writeFile(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await runCli(['analyze', '-f', 'json', u16]);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual([doc.findings[0].line, doc.findings[0].dll, doc.findings[0].cause], [2, '/home/José/x/basic.dll', 'deleted-dll']);
    const rnd = path.join(dir, 'random.bin');
    let x = 12345;
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    await writeFile(rnd, bytes);
    const b = await runCli(['analyze', rnd]);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /random\.bin: binary data, not a text log: no Cygwin log lines found/);
    assert.equal(b.stderr.trim().split('\n').length, 1, b.stderr);
  });

  test('--cygwin-root maps DLL paths; without it the root is guessed from \\home\\', async () => {
    const line = '      0 [main] make 77 child_info_fork::abort: unable to map D:\\a\\_temp\\cygwin\\home\\runner\\w\\x.dll, Win32 error 126\n      0 [main] make 78 child_info_fork::abort: unable to map D:\\a\\w\\y.dll, Win32 error 126\n';
    const guessed = JSON.parse((await runCli(['analyze', '-f', 'json', '-'], { input: line })).stdout);
    assert.deepEqual(guessed.findings.map((f: Finding) => f.dll), ['/home/runner/w/x.dll', '/cygdrive/d/a/w/y.dll']);
    const given = JSON.parse((await runCli(['analyze', '-f', 'json', '--cygwin-root', 'D:\\a', '-'], { input: line })).stdout);
    assert.deepEqual(given.findings.map((f: Finding) => f.dll), ['/_temp/cygwin/home/runner/w/x.dll', '/w/y.dll']);
  });

  test('missing file and directory → one line each, exit 2', async () => {
    const r = await runCli(['analyze', path.join(dir, 'nope.log'), dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.log: no such file/);
    assert.match(r.stderr, /is a directory, not a log file/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });

  test('binary garbage → exit 2 "no Cygwin log lines found"; empty file → exit 0 with a warning; plain log → exit 0', async () => {
    const png = path.join(dir, 'x.png');
    await writeFile(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4096, 7)]));
    const b = await runCli(['analyze', png]);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /binary data, not a text log: no Cygwin log lines found/);
    const empty = path.join(dir, 'empty.log');
    await writeFile(empty, '');
    const e = await runCli(['analyze', empty]);
    assert.equal(e.code, 0);
    assert.match(e.stderr, /empty file: no Cygwin log lines found/);
    const p = await runCli(['analyze', 'test/fixtures/logs/plain.log']);
    assert.equal(p.code, 0);
  });
});
