import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { analyzeLogs } from '../../src/diagnose/index.js';
import { matchMessage } from '../../src/diagnose/messages.js';
import { quietLine } from '../../src/diagnose/quiet.js';
import { TimelineBuilder } from '../../src/diagnose/timeline.js';
import { findVersionInLine } from '../../src/cygwin/version.js';
import { cleanLine } from '../../src/trace/read.js';
import { parseStraceLine } from '../../src/trace/strace.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const LOGS = path.join(FIXTURES, 'logs');
let dir = '';
let generated = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quiet-'));
  generated = path.join(dir, 'gen.log');
  // 1 MB of the benchmark's log: the fork lines of cygwin-fork.md 2.4, a deleted-DLL failure at the start.
  execFileSync(process.execPath, [path.join(ROOT, 'bench/gen-strace-log.mjs'), generated, '1', '0.5']);
});
after(() => rm(dir, { recursive: true, force: true }));

const logFiles = (): string[] => [...readdirSync(LOGS).map((n) => path.join(LOGS, n)), generated];

describe('quiet lines (fork lines that only show a process exists)', () => {
  test('recognised on the raw line, with the process fields the full parse gives', () => {
    assert.deepEqual(quietLine('   15  904728 [main] chibi-scheme 1623 child_copy: done'), { program: 'chibi-scheme', pid: 1623 });
    assert.deepEqual(quietLine('  118     118 [main] chibi-scheme (9340) child_copy: dll data - hp 0x1A8 low 0x180334000, high 0x180346D30, res 1\r'), { program: 'chibi-scheme', winpid: 9340 });
    assert.deepEqual(quietLine('   12   35137 [main] make 2022 frok::parent: child is alive (but stopped)'), { program: 'make', pid: 2022 });
    assert.deepEqual(quietLine('   25     266 [main] chibi-scheme 1624 dofork: 0 = fork()'), { program: 'chibi-scheme', pid: 1624 });
    assert.deepEqual(
      quietLine('   33   34134 [main] make 2022 frok::parent: CreateProcessW (C:\\cygwin64\\bin\\make.exe, C:\\cygwin64\\bin\\make.exe, 0, 0, 1, 0x20, 0, 0, 0xFFFFB8A0, 0xFFFFB840)'),
      { program: 'make', pid: 2022 },
    );
    assert.deepEqual(quietLine('--- Process 30022 thread 30026 created'), { winpid: 30022 });
    assert.deepEqual(quietLine('--- Process 9340 (pid: 1630) thread 9344 exited with status 0x800000\r'), { winpid: 9340, pid: 1630 });
  });

  test('anything that may matter takes the full path', () => {
    for (const raw of [
      // failures and events
      '  151  917169 [main] chibi-scheme 1623 child_info::sync: pid 9340, WFMO returned 1, exit_code 0x800000, res 0',
      '   44  201833 [main] chibi-scheme 1623 dofork: 1624 = fork()',
      '   38  904713 [main] sh 1623 child_copy: stack read copy failed, 0x7FFFFC000..0x800000000, done 0, windows pid 9340, Win32 error 299',
      '   38  904713 [main] sh 1623 child_copy: stack - hp 0x198 low 0x7FFFFC000, high 0x800000000, res 0',
      '   11     575 [main] chibi-scheme 1630 frok::child: child is running.  pid 1630, ppid 1623, stack here 0x7FFFFCC30',
      // prefixes the raw line cannot be trusted with: CI timestamp, ANSI colour, UTF-8 program name
      '2024-05-01T10:00:00.1234567Z    15  904728 [main] sh 1623 child_copy: done',
      '\x1b[0m   15  904728 [main] sh 1623 child_copy: done',
      '   15  904728 [main] caf\xc3\xa9 1623 child_copy: done',
      // program names that could carry a version, upgrade or MSYS marker
      '   15  904728 [main] x86_64-pc-cygwin-gcc 1623 child_copy: done',
      '   15  904728 [main] msys-2.0 1623 child_copy: done',
      '   15  904728 [main] cc_1 1623 child_copy: done',
      // a program path that may carry a version, upgrade or MSYS marker
      '   33   34134 [main] make 2022 frok::parent: CreateProcessW (C:\\cygwin64\\bin\\setup-x86_64.exe, C:\\cygwin64\\bin\\setup-x86_64.exe, 0, 0, 1, 0x20, 0, 0, 0x1, 0x2)',
      '   33   34134 [main] make 2022 frok::parent: CreateProcessW (C:\\msys64\\usr\\bin\\make.exe, C:\\msys64\\usr\\bin\\make.exe, 0, 0, 1, 0x20, 0, 0, 0x1, 0x2)',
      '   33   34134 [main] make 2022 frok::parent: CreateProcessW (C:\\Program Files\\Git\\usr\\bin\\sh.exe, C:\\Program Files\\Git\\usr\\bin\\sh.exe, 0, 0, 1, 0x20, 0, 0, 0x1, 0x2)',
      // process events that are events of the timeline
      '--- Process 30022 created',
      '--- Process 30022 (pid: 2022) exited with status 0x0',
      '--- Process 30022 loaded C:\\cygwin64\\bin\\cygintl-8.dll at 00000003f0c20000',
      // text after a known shape
      '   15  904728 [main] sh 1623 resume_child: signalled child; fork: Resource temporarily unavailable',
    ]) {
      assert.equal(quietLine(raw), undefined, raw);
    }
  });

  test('on every fixture line and the generated log: a quiet line parses to the same process and adds nothing else', () => {
    let quiet = 0;
    for (const file of logFiles()) {
      for (const raw of readFileSync(file, 'latin1').split('\n')) {
        const q = quietLine(raw);
        if (!q) continue;
        quiet++;
        const text = cleanLine(raw);
        const s = parseStraceLine(text);
        assert.ok(s, raw);
        if (s.kind === 'message') {
          assert.equal(s.program, q.program);
          assert.ok(s.delta !== undefined, 'counts as an strace line');
        } else {
          assert.equal(q.program, undefined);
          assert.match(s.type, /^thread-/);
        }
        assert.equal(s.pid, q.pid);
        assert.equal(s.winpid, q.winpid);
        assert.equal(matchMessage(text), undefined, raw);
        assert.equal(findVersionInLine(text), undefined, raw);
        assert.doesNotMatch(text, /DLL version|_NT-|x86_64|cygwin-|cygwin {2}|msys|MSYS|MINGW|\\Git\\|msys2-runtime/i);
        const tl = new TimelineBuilder('x');
        tl.add(s, 1, text.trim());
        assert.equal(tl.size, 0, `no timeline event from ${raw}`);
      }
    }
    // The fixtures and the generated log hold many of them (else this test would prove nothing).
    assert.ok(quiet > 1000, `${quiet} quiet lines`);
  });

  test('findings, timelines and stats are the same with and without the quiet-line path, on every fixture', async () => {
    for (const file of logFiles()) {
      const run = (quietLines: boolean) =>
        analyzeLogs([{ path: path.relative(ROOT, file), stream: createReadStream(file) }], { cwd: ROOT, quietLines });
      const [fast, full] = await Promise.all([run(true), run(false)]);
      assert.deepEqual(fast, full, file);
    }
  });

  test('a deleted-DLL failure right after 100 000 successful forks keeps its whole story', async () => {
    const fixture = readFileSync(path.join(LOGS, 'chibi-strace.log'), 'latin1');
    const forks = 100_000;
    const perFork = 6;
    function* log(): Generator<string> {
      let chunk = '';
      for (let i = 0; i < forks; i++) {
        const w = 500_000 + i;
        const c = 100_000 + i;
        chunk +=
          `   61  100 [main] make 7 dofork: entering\n` +
          `   52  101 [main] make 7 frok::parent: forked pid ${w}\n` +
          `   14  102 [main] make 7 child_copy: done\n` +
          `   15  103 [main] make 7 resume_child: signalled child\n` +
          `   10  104 [main] make (${w}) sync_with_parent: awake\n` +
          `--- Process ${w} (pid: ${c}) exited with status 0x0\n`;
        if (chunk.length > 60_000) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk + fixture;
    }
    const offset = forks * perFork;
    const [alone, late] = await Promise.all([
      analyzeLogs([{ path: 'x.log', stream: createReadStream(path.join(LOGS, 'chibi-strace.log')) }], { cwd: ROOT }),
      analyzeLogs([{ path: 'x.log', stream: Readable.from(log()) }], { cwd: ROOT }),
    ]);
    assert.equal(alone.findings.length, 1);
    assert.equal(late.findings.length, 1);
    const a = alone.findings[0]!;
    const b = late.findings[0]!;
    assert.equal(b.line, a.line + offset);
    assert.equal(b.cause, a.cause);
    assert.equal(b.dll, a.dll);
    // The message and dllChange name lines: the same lines, moved by the forks in front.
    const shifted = (t: string) => t.replace(/\b(line |@)(\d+)/g, (_, w: string, n: string) => `${w}${Number(n) + offset}`);
    assert.match(a.message, /loaded at line \d+ and deleted at line \d+/);
    assert.equal(b.message, shifted(a.message));
    assert.equal(b.confidence, a.confidence);
    assert.deepEqual(b.properties, { ...a.properties, dllChange: shifted(String(a.properties?.dllChange)) });
    assert.deepEqual(
      b.evidence.map((e) => [e.role, e.line - offset, e.text]),
      a.evidence.map((e) => [e.role, e.line, e.text]),
    );
    assert.equal(late.stats.lines, alone.stats.lines + offset);
  });
});
