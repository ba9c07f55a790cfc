import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readTraceLines, replay, replayTrace, Replayer, type Prediction, type ReplayEvent } from '../../src/predict/index.js';
import { joinFindings } from '../../src/model/join.js';
import type { Finding } from '../../src/model/finding.js';
import { FIXTURES } from '../helpers/cli.js';

const TRACES = path.join(FIXTURES, 'predict/traces');

async function replayFile(name: string) {
  const file = path.join(TRACES, name);
  return replayTrace(readTraceLines(file), { file: `traces/${name}`, traceFile: `traces/${name}` });
}

function only(preds: Prediction[]): Prediction {
  assert.equal(preds.length, 1, `expected one prediction, got ${preds.length}: ${JSON.stringify(preds.map((p) => [p.library, p.fork.line]))}`);
  return preds[0]!;
}

describe('replay: hand-written traces', () => {
  test('chdir + relative unlink, child lines before the parent’s clone returns, doomed child not re-reported', async () => {
    const r = await replayFile('hand-chdir-relative.log');
    const p = only(r.predictions);
    assert.equal(p.library, '/work/build/libfoo.so');
    assert.equal(p.cause, 'deleted-dll');
    assert.equal(p.severity, 'error');
    assert.deepEqual([p.load.line, p.gone.line, p.fork.line], [4, 6, 7]);
    assert.equal(p.gone.how, 'unlinked');
    assert.equal(p.gone.path, '/work/build/libfoo.so');
    assert.equal(p.fork.spawn, 'fork');
    assert.equal(p.fork.childPid, 101);
    // The child (pid 101) forks again with the same deleted library: on Cygwin it would not exist.
    assert.equal(r.stats.suppressed, 1);
    assert.equal(r.stats.orphans, 0);
  });

  test('recursive rm in another process (unlinkat with dirfds, no -y: fd table), thread forks, further forks counted', async () => {
    const r = await replayFile('hand-recursive-rm.log');
    const p = only(r.predictions);
    assert.equal(p.library, '/tmp/t/a/libbar.so.1');
    assert.equal(p.gone.pid, 201);
    assert.equal(p.gone.syscall, 'unlinkat');
    assert.equal(p.gone.line, 13);
    // First fork after the deletion is the thread's (tid 210, same process), then the main thread's: one finding.
    assert.equal(p.fork.pid, 210);
    assert.equal(p.fork.line, 18);
    assert.equal(p.fork.spawn, 'vfork');
    assert.equal(p.furtherForks, 1);
    // The first vfork (rm itself, line 7) came before the deletion: not a failure.
    assert.ok(r.predictions.every((x) => x.fork.line !== 7));
  });

  test('munmap: a fully unmapped library is not a hazard, a partly unmapped one still is; exec resets', async () => {
    const r = await replayFile('hand-munmap-exec.log');
    const p = only(r.predictions);
    assert.equal(p.library, '/opt/p/libqux.so');
    assert.equal(p.fork.line, 14);
    assert.equal(r.stats.libraryLoads, 3);
  });

  test('renameat2 onto a mapped library is replaced-dll; clone3(CLONE_VM|CLONE_VFORK) + exec of cc is posix_spawn', async () => {
    const r = await replayFile('hand-rename-spawn.log');
    const p = only(r.predictions);
    assert.equal(p.cause, 'replaced-dll');
    assert.equal(p.gone.how, 'renamed-over');
    assert.equal(p.fork.spawn, 'posix_spawn');
    assert.deepEqual(p.fork.childExec, ['cc', '-c', 'x.c']);
    assert.equal(p.severity, 'error');
    assert.match(p.assumption ?? '', /posix_spawn/);
    assert.equal(r.stats.truncatedPaths, 1);
    assert.ok(r.diagnostics.some((d) => d.level === 'warning' && /-s/.test(d.message)));
  });

  test('[pid N] + timestamps + -T, open(O_TRUNC) overwrite, octal-escaped UTF-8 path, plain fork syscall', async () => {
    const r = await replayFile('hand-formats.log');
    const p = only(r.predictions);
    assert.equal(p.library, '/srv/lib/libcygé.so');
    assert.equal(p.cause, 'replaced-dll');
    assert.equal(p.gone.how, 'overwritten');
    assert.equal(p.fork.spawn, 'fork');
    assert.equal(p.pid, 600);
    assert.equal(r.stats.orphans, 0);
  });

  test('symlinks: a symlinked directory (/lib -> /usr/lib) is the same file; deleting a file symlink is not', async () => {
    const r = await replayFile('hand-symlinks.log');
    const p = only(r.predictions);
    assert.equal(p.library, '/usr/lib/x86_64-linux-gnu/libdirlink.so.2');
    assert.deepEqual(p.aliases, ['/lib/x86_64-linux-gnu/libdirlink.so.2']);
    assert.equal(p.gone.line, 7);
  });

  test('a child outlives its parent, deletes the inherited library relative to its cwd and forks; pid reused', async () => {
    const r = await replayFile('hand-outlive.log');
    const p = only(r.predictions);
    assert.equal(p.pid, 801);
    assert.equal(p.load.pid, 800, 'loaded by the parent, inherited through fork');
    assert.equal(p.gone.path, '/srv/plugins/libd.so');
    assert.equal(p.fork.childPid, 800, 'the parent’s pid, reused');
    assert.equal(r.stats.orphans, 0);
  });

  test('a pid whose parent never shows up is buffered up to the limit, then replayed on its own', () => {
    const r = new Replayer({ maxBufferedLines: 5 });
    const preds: Prediction[] = [];
    preds.push(...r.push('1  execve("/bin/x", ["x"], 0x1 /* 1 vars */) = 0'));
    for (const l of [
      '77  openat(AT_FDCWD</w>, "/w/o.so", O_RDONLY) = 3</w/o.so>',
      '77  mmap(0x7f0000001000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3</w/o.so>, 0) = 0x7f0000001000',
      '77  unlink("o.so") = 0',
      '77  fork() = 78',
      '77  exit_group(0) = ?',
      '77  +++ exited with 0 +++',
    ]) {
      preds.push(...r.push(l));
    }
    preds.push(...r.end());
    assert.equal(r.stats.orphans, 1);
    assert.equal(preds.length, 1);
    assert.equal(preds[0]!.library, '/w/o.so', 'cwd learnt from the AT_FDCWD decoration');
  });

  test('not libraries: a file mapped after its unlink (libffi), a memfd, a PROT_EXEC data file; musl-style loads count', async () => {
    const r = await replayFile('hand-non-library.log');
    const p = only(r.predictions);
    assert.equal(p.library, '/w/musl/libm.so.1');
    assert.equal(r.stats.libraryLoads, 1);
  });
});

describe('replay: traces recorded on this machine (strace 6.1)', () => {
  test('C: dlopen, unlink, fork → error at the clone line', async () => {
    const r = await replayFile('real-c-delete-then-fork.log');
    const p = only(r.predictions);
    assert.match(p.library, /\/libplug\.so$/);
    assert.equal(p.fork.spawn, 'fork');
    assert.match(p.fork.text, /^clone\(child_stack=NULL, flags=.*SIGCHLD/);
    assert.match(p.gone.text, /^unlink\(/);
    const f = r.findings[0]!;
    assert.equal(f.ruleId, 'predicted/deleted-dll');
    assert.equal(f.kind, 'predicted');
    assert.equal(f.line, p.fork.line);
    assert.equal(f.file, 'traces/real-c-delete-then-fork.log');
    assert.deepEqual(f.evidence.map((e) => e.role), ['load', 'delete', 'fork']);
    assert.equal(f.recommendation, undefined);
  });

  test('C: three forks after the deletion → one finding with furtherForks 2', async () => {
    const p = only((await replayFile('real-c-delete-then-forks.log')).predictions);
    assert.equal(p.furtherForks, 2);
  });

  test('C: fork before the unlink, and dlclose before the unlink → nothing', async () => {
    for (const name of ['real-c-fork-then-delete.log', 'real-c-dlclose-then-delete.log']) {
      const r = await replayFile(name);
      assert.deepEqual(r.predictions, [], name);
      assert.ok(r.stats.libraryLoads >= 2, name);
    }
  });

  test('C: system() after the unlink → a note, classified system-popen with the assumption stated', async () => {
    const r = await replayFile('real-c-delete-then-system.log');
    const p = only(r.predictions);
    assert.equal(p.severity, 'note');
    assert.equal(p.fork.spawn, 'system-popen');
    assert.deepEqual(p.fork.childExec, ['sh', '-c', 'true']);
    assert.match(r.findings[0]!.message, /without forking/);
    assert.match(r.findings[0]!.message, /assumed system\(\)\/popen\(\)/);
  });

  test('C: a thread deletes the library, the main thread forks → error', async () => {
    const p = only((await replayFile('real-c-thread-delete-fork.log')).predictions);
    assert.notEqual(p.gone.pid, p.fork.pid);
    assert.equal(p.fork.spawn, 'fork');
  });

  test('C: rebuilt to the same path by gcc (ld unlinks, then creates) while loaded → replaced-dll', async () => {
    const r = await replayFile('real-c-replace.log');
    const p = only(r.predictions);
    assert.equal(p.cause, 'replaced-dll');
    assert.ok(p.recreated, 'the re-creation is evidence');
    assert.notEqual(p.gone.pid, p.pid, 'the linker, a grandchild, deleted it');
    assert.match(p.gone.exe ?? '', /\/ld$/, 'the deleting program is named');
    assert.match(r.findings[0]!.message, /unlink at line \d+, pid \d+ \[ld\]/);
    assert.ok(r.findings[0]!.evidence.some((e) => e.role === 'replace'));
  });

  test('Python: chdir, ctypes.CDLL of a relative path, shutil.rmtree (unlinkat with dirfd), subprocess → error', async () => {
    const p = only((await replayFile('real-py-rmtree.log')).predictions);
    assert.equal(p.gone.syscall, 'unlinkat');
    assert.equal(p.fork.spawn, 'vfork');
  });

  test('shell: LD_PRELOAD maps the library in sh, an external rm deletes it, the subshell fork → error in sh', async () => {
    const r = await replayFile('real-sh-preload.log');
    const p = only(r.predictions);
    assert.equal(p.load.pid, p.pid, 'the shell itself mapped it');
    assert.notEqual(p.gone.pid, p.pid, 'rm deleted it');
  });

  test('shell: the loader deletes after its last fork, the shell rm -rf’s the directory and goes on → nothing', async () => {
    const r = await replayFile('real-sh-clean.log');
    assert.deepEqual(r.predictions, []);
    assert.ok(r.stats.forks >= 2);
  });
});

describe('replay: join, streaming, bad input', () => {
  test('predicted findings join static findings on the library basename', async () => {
    const r = await replayFile('real-c-delete-then-fork.log');
    const stat: Finding = {
      kind: 'static',
      ruleId: 'CH001',
      cause: 'deleted-dll',
      severity: 'warning',
      file: 'tests/ffi.c',
      line: 12,
      message: 'unlink of a loaded library',
      evidence: [{ role: 'delete', file: 'tests/ffi.c', line: 12 }],
      dll: 'tests/libplug.dll',
    };
    const joined = joinFindings([...r.findings, stat]);
    const pred = joined.find((f) => f.kind === 'predicted')!;
    assert.equal(pred.properties?.joinedWith, 'tests/ffi.c:12');
    assert.equal(joined.find((f) => f.kind === 'static')!.properties?.confirmed, true);
  });

  test('a long log streams with bounded state: 20 000 short-lived children, one deleted library', async () => {
    function* lines(): Generator<string> {
      yield '1  execve("/bin/runner", ["runner"], 0x1 /* 1 vars */) = 0';
      yield '1  openat(AT_FDCWD</w>, "/w/libp.so", O_RDONLY|O_CLOEXEC) = 3</w/libp.so>';
      yield '1  mmap(0x7f0000001000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_DENYWRITE, 3</w/libp.so>, 0) = 0x7f0000001000';
      for (let i = 0; i < 20000; i++) {
        const c = 1000 + i;
        if (i === 10000) yield '1  unlink("/w/libp.so") = 0';
        yield `1  clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x1 <unfinished ...>`;
        yield `${c}  execve("/bin/true", ["true"], 0x1 /* 1 vars */) = 0`;
        yield `1  <... clone resumed>) = ${c}`;
        yield `${c}  exit_group(0) = ?`;
        yield `${c}  +++ exited with 0 +++`;
      }
      yield '1  exit_group(0) = ?';
    }
    const r = new Replayer();
    let maxProcs = 0;
    let maxBuffered = 0;
    const preds: Prediction[] = [];
    let n = 0;
    for (const l of lines()) {
      preds.push(...r.push(l));
      if (++n % 997 === 0) {
        const live = r.live();
        maxProcs = Math.max(maxProcs, live.processes);
        maxBuffered = Math.max(maxBuffered, live.bufferedLines);
      }
    }
    preds.push(...r.end());
    assert.equal(preds.length, 1);
    assert.equal(preds[0]!.furtherForks, 9999);
    assert.equal(r.stats.forks, 20000);
    assert.ok(maxProcs <= 3, `live processes stay few (${maxProcs})`);
    assert.ok(maxBuffered <= 2, `buffered lines stay few (${maxBuffered})`);
    assert.deepEqual(r.live(), { processes: 0, paths: 0, bufferedLines: 0, unfinished: 0 });
  });

  test('the async generator yields a prediction when its process exits, before the log ends', async () => {
    const seen: string[] = [];
    async function* lines(): AsyncGenerator<string> {
      for (const l of [
        '1  openat(AT_FDCWD</w>, "/w/a.so", O_RDONLY) = 3</w/a.so>',
        '1  mmap(0x7f0000001000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3</w/a.so>, 0) = 0x7f0000001000',
        '1  unlink("a.so") = 0',
        '1  fork() = 2',
        '1  exit_group(0) = ?',
        'LATER',
      ]) {
        seen.push(l);
        yield l;
      }
    }
    let yielded = 0;
    for await (const p of replay(lines())) {
      yielded++;
      assert.equal(p.library, '/w/a.so');
      assert.equal(seen.at(-1), '1  exit_group(0) = ?');
    }
    assert.equal(yielded, 1);
  });

  test('events: load, gone, fork (with the gone libraries), exec, in trace order', async () => {
    const events: ReplayEvent[] = [];
    await replayTrace(readTraceLines(path.join(TRACES, 'hand-chdir-relative.log')), { file: 'x', onEvent: (e) => events.push(e) });
    assert.deepEqual(
      events.map((e) => `${e.type}@${e.line}`),
      ['exec@1', 'load@4', 'gone@6', 'fork@7', 'fork@8', 'exec@9'],
    );
    const fork = events.find((e) => e.type === 'fork' && e.line === 7);
    assert.deepEqual(fork && fork.type === 'fork' && fork.goneLibraries, ['/work/build/libfoo.so']);
  });

  test('not an strace log, an empty log, a missing file', async () => {
    const notTrace = await replayTrace(['make: Entering directory', 'gcc -c x.c'], { file: 'x.log' });
    assert.equal(notTrace.diagnostics[0]?.level, 'error');
    assert.match(notTrace.diagnostics[0]!.message, /not an strace log/);
    const empty = await replayTrace([], { file: 'e.log' });
    assert.match(empty.diagnostics[0]!.message, /empty/);
    await assert.rejects(replayTrace(readTraceLines(path.join(TRACES, 'missing.log')), { file: 'm' }), /cannot read trace .*ENOENT/);
  });

  test('a trace file with CRLF and a non-UTF-8, non-ASCII path with `>` in it; a binary file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ch-replay-'));
    try {
      // strace 6.1 escapes -y decorations like string arguments: bytes >= 0x80 in octal, `>` as \76 (checked here
      // with `strace -y cat $'/tmp/a\xffé b>c.so'`).
      const crlf = path.join(dir, 'crlf.log');
      await writeFile(
        crlf,
        [
          '1  openat(AT_FDCWD</tmp>, "/tmp/a\\377\\303\\251 b>c.so", O_RDONLY|O_CLOEXEC) = 3</tmp/a\\377\\303\\251 b\\76c.so>',
          '1  mmap(0x7f0000001000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_DENYWRITE, 3</tmp/a\\377\\303\\251 b\\76c.so>, 0) = 0x7f0000001000',
          '1  unlink("/tmp/a\\377\\303\\251 b>c.so") = 0',
          '1  fork() = 2',
          '',
        ].join('\r\n'),
      );
      const r = await replayTrace(readTraceLines(crlf), { file: 'crlf.log' });
      assert.equal(r.stats.unparsed, 0);
      const p = only(r.predictions);
      assert.equal(p.library, '/tmp/a\ufffdé b>c.so');
      assert.equal(p.gone.line, 3);
      const bin = path.join(dir, 'bin.log');
      await writeFile(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 10, 0, 0, 255, 254, 10]));
      const b = await replayTrace(readTraceLines(bin), { file: 'bin.log' });
      assert.equal(b.diagnostics[0]?.level, 'error');
      assert.match(b.diagnostics[0]!.message, /not an strace log/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a directory renamed away with the library in it; a failed rename changes nothing', async () => {
    const lines = [
      '1  openat(AT_FDCWD</w>, "build/libx.so", O_RDONLY|O_CLOEXEC) = 3</w/build/libx.so>',
      '1  mmap(0x7f0000001000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_DENYWRITE, 3</w/build/libx.so>, 0) = 0x7f0000001000',
      '1  rename("build", "/elsewhere/build") = -1 EXDEV (Invalid cross-device link)',
      '1  fork() = 2',
      '1  renameat(AT_FDCWD</w>, "build", AT_FDCWD</w>, "build.old") = 0',
      '1  fork() = 3',
    ];
    const r = await replayTrace(lines, { file: 't' });
    const p = only(r.predictions);
    assert.equal(p.gone.how, 'dir-renamed');
    assert.equal(p.gone.path, '/w/build');
    assert.equal(p.fork.line, 6);
    assert.match(r.findings[0]!.message, /moved away with its directory \/w\/build/);
  });

  test('CRLF line endings and a cut-off last line', async () => {
    const text = [
      '1  openat(AT_FDCWD</w>, "/w/a.so", O_RDONLY) = 3</w/a.so>',
      '1  mmap(0x7f0000001000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3</w/a.so>, 0) = 0x7f0000001000',
      '1  unlink("/w/a.so") = 0',
      '1  vfork() = 2',
      '1  clone(child_stack=NULL, flags=SIG',
    ].join('\r\n');
    const r = await replayTrace(text.split('\n'), { file: 't' });
    assert.equal(r.predictions.length, 1);
    assert.equal(r.predictions[0]!.fork.spawn, 'vfork');
    assert.equal(r.stats.unparsed, 1);
  });
});
