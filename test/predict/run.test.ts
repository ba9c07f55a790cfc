/**
 * `predict -- <cmd>` for real: the C, Python and shell fixtures are built into a temp dir and traced by each tracer
 * for real: the real strace, and the preload recorder built by the real C compiler. Each tracer's suite is skipped
 * (with the reason) only when it cannot run here (strace not installed; no glibc or no C compiler).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findExecutable, type Tracer } from '../../src/predict/runner.js';
import { ensureRecorder } from '../../src/predict/recorder.js';
import { readTraceLines, replayTrace, runTraced } from '../../src/predict/index.js';
import type { ReportDocument } from '../../src/model/document.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

const SRC = path.join(FIXTURES, 'predict');
const STRACE = findExecutable('strace');
const RECORDER = ensureRecorder();
const SKIP: Record<Tracer, string | false> = {
  strace: STRACE ? false : 'strace is not installed (apt-get install strace): the real-trace tests need it',
  preload: 'library' in RECORDER ? false : RECORDER.problem,
};

for (const tracer of ['strace', 'preload'] as const)
describe(`predict --tracer ${tracer} -- <cmd>, traced for real`, { skip: SKIP[tracer] }, () => {
  let dir: string;
  let loader: string;
  let python: string;

  async function buildLib(lib: string, version = 1): Promise<void> {
    await mkdir(path.dirname(lib), { recursive: true });
    execFileSync('gcc', ['-shared', '-fPIC', `-DPLUG_VERSION=${version}`, '-o', lib, path.join(SRC, 'plug.c')]);
  }

  /** Run predict with a JSON report in a file; returns the exit code, the command's output and the report. */
  async function predict(args: string[], name: string) {
    const out = path.join(dir, `${name}.json`);
    const r = await runCli(['predict', '--tracer', tracer, '-f', 'json', '-o', out, ...args], { cwd: dir });
    let doc: ReportDocument | undefined;
    try {
      doc = JSON.parse(await readFile(out, 'utf8')) as ReportDocument;
    } catch {
      doc = undefined;
    }
    return { ...r, doc };
  }

  /** The engine in-process, with the real tracer: runTraced (output ignored) then replayTrace on its trace. */
  async function traced(cmd: string, args: string[]) {
    const run = await runTraced(cmd, args, { cwd: dir, stdio: 'ignore', tracer });
    assert.equal(run.tracer, tracer);
    try {
      const r = await replayTrace(readTraceLines(run.traceFile), { cwd: dir, file: run.traceFile });
      return { ...r, exitCode: run.exitCode };
    } finally {
      run.cleanup();
    }
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-predict-'));
    loader = path.join(dir, 'loader');
    execFileSync('gcc', ['-o', loader, path.join(SRC, 'loader.c'), '-ldl', '-lpthread']);
    // The real interpreter, not a version-manager shim (whose shell wrappers would only lengthen the trace).
    python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('C: dlopen, unlink, fork → error; the command’s stdout passes through, the report goes elsewhere', async () => {
    const lib = path.join(dir, 'c1/libplug.so');
    await buildLib(lib);
    const r = await runCli(['predict', '--tracer', tracer, '--', loader, 'delete-then-fork', lib], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, 'answer 41\n');
    assert.match(r.stderr, /fork\(\) at line \d+ \(pid \d+ \[loader\]\) would fail on Cygwin: libplug\.so was loaded by pid \d+ \[loader\]/);
    assert.match(r.stderr, /\[predicted\/deleted-dll\]/);
    assert.match(r.stderr, tracer === 'strace' ? /\(strace --seccomp-bpf\)/ : /\(preload recorder\)/);
  });

  test('C: JSON report: the finding names the command (temporary trace) and the library', async () => {
    const lib = path.join(dir, 'c2/libplug.so');
    await buildLib(lib);
    const { code, doc } = await predict(['--', loader, 'delete-then-fork', lib], 'c2');
    assert.equal(code, 1);
    const f = doc!.findings[0]!;
    assert.equal(doc!.findings.length, 1);
    assert.equal(f.kind, 'predicted');
    assert.equal(f.ruleId, 'predicted/deleted-dll');
    assert.equal(f.severity, 'error');
    assert.equal(f.dll, lib);
    assert.equal(f.file, `${loader} delete-then-fork ${lib}`);
    assert.equal(f.properties?.command, f.file);
    assert.equal(f.properties?.spawn, 'fork');
    assert.deepEqual(doc!.context?.command, [loader, 'delete-then-fork', lib]);
  });

  test('C: --trace-file keeps the trace and the finding’s lines point into it', async () => {
    const lib = path.join(dir, 'c3/libplug.so');
    await buildLib(lib);
    const { code, doc } = await predict(['--trace-file', 'kept.log', '--', loader, 'delete-then-fork', lib], 'c3');
    assert.equal(code, 1);
    const f = doc!.findings[0]!;
    assert.equal(f.file, 'kept.log');
    const lines = (await readFile(path.join(dir, 'kept.log'), 'utf8')).split('\n');
    assert.match(lines[f.line - 1]!, /\bclone\(.*SIGCHLD/);
    const del = f.evidence.find((e) => e.role === 'delete')!;
    // strace prints the call the program made; the recorder writes every deletion as unlinkat with the cwd.
    assert.match(lines[del.line - 1]!, new RegExp(`unlink(at)?\\((AT_FDCWD<[^>]*>, )?"${lib}"(, 0)?\\) += 0`));
    const load = f.evidence.find((e) => e.role === 'load')!;
    assert.match(lines[load.line - 1]!, /mmap\(.*PROT_EXEC.*libplug\.so>/);
  });

  test('C: fork before the unlink, and dlclose before the unlink → clean (engine, real strace)', async () => {
    for (const mode of ['fork-then-delete', 'dlclose-then-delete']) {
      const lib = path.join(dir, `c-${mode}/libplug.so`);
      await buildLib(lib);
      const r = await traced(loader, [mode, lib]);
      assert.equal(r.exitCode, 0, mode);
      assert.deepEqual(r.findings, [], mode);
      assert.ok(r.stats.libraryLoads >= 2 && r.stats.forks >= 1, mode);
    }
  });

  test('C: three forks after the unlink → one finding, furtherForks 2; a thread unlinks, main forks → error', async () => {
    const lib = path.join(dir, 'c-forks/libplug.so');
    await buildLib(lib);
    const r = await traced(loader, ['delete-then-forks', lib]);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0]!.properties?.furtherForks, 2);
    const lib2 = path.join(dir, 'c-thread/libplug.so');
    await buildLib(lib2);
    const t = await traced(loader, ['thread-delete-fork', lib2]);
    assert.equal(t.findings.length, 1);
    assert.notEqual(t.predictions[0]!.gone.pid, t.predictions[0]!.fork.pid);
  });

  test('C: rebuilt over the same path with gcc while loaded, then fork → replaced-dll', async () => {
    const lib = path.join(dir, 'c4/libplug.so');
    await buildLib(lib);
    const rebuild = `gcc -shared -fPIC -DPLUG_VERSION=2 -o ${lib} ${path.join(SRC, 'plug.c')}`;
    const r = await traced(loader, ['replace-then-fork', lib, rebuild]);
    assert.equal(r.exitCode, 0);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0]!.ruleId, 'predicted/replaced-dll');
  });

  test('C: system() after the unlink → a note (system() does not fork on Cygwin)', async () => {
    const lib = path.join(dir, 'c5/libplug.so');
    await buildLib(lib);
    const r = await traced(loader, ['delete-then-system', lib]);
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.equal(f.severity, 'note');
    assert.equal(f.properties?.spawn, 'system-popen');
    assert.equal(f.properties?.forksOnCygwin, false);
  });

  test('Python: ctypes.CDLL, os.unlink, subprocess.run → error; subprocess before the unlink → clean', async () => {
    const lib = path.join(dir, 'p1/libplug.so');
    await buildLib(lib);
    const bad = await traced(python, [path.join(SRC, 'plug_loader.py'), 'delete-subprocess', lib]);
    assert.equal(bad.exitCode, 0);
    assert.equal(bad.findings.length, 1);
    assert.equal(bad.findings[0]!.severity, 'error');
    assert.match(String(bad.findings[0]!.properties?.spawn), /^(vfork|posix_spawn|fork)$/);

    await buildLib(lib);
    const good = await traced(python, [path.join(SRC, 'plug_loader.py'), 'subprocess-then-delete', lib]);
    assert.equal(good.exitCode, 0);
    assert.deepEqual(good.findings, []);
  });

  test('Python: os.fork after unlink → error; os.system → note; os.replace over it → replaced-dll', async () => {
    const expect: Record<string, [string, string]> = {
      'fork-after-delete': ['predicted/deleted-dll', 'error'],
      'system-after-delete': ['predicted/deleted-dll', 'note'],
      'rename-over': ['predicted/replaced-dll', 'error'],
    };
    for (const [mode, [rule, severity]] of Object.entries(expect)) {
      const lib = path.join(dir, `p-${mode}/libplug.so`);
      await buildLib(lib);
      const r = await traced(python, [path.join(SRC, 'plug_loader.py'), mode, lib]);
      assert.equal(r.findings.length, 1, mode);
      assert.equal(r.findings[0]!.ruleId, rule, mode);
      assert.equal(r.findings[0]!.severity, severity, mode);
    }
  });

  test('Python: chdir + relative CDLL + shutil.rmtree of the directory, then subprocess → error', async () => {
    const lib = path.join(dir, 'p3/sub/libplug.so');
    await buildLib(lib);
    const r = await traced(python, [path.join(SRC, 'plug_loader.py'), 'rmtree-subprocess', lib]);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0]!.dll, lib);
  });

  test('shell: LD_PRELOAD’ed sh removes the library then starts a subshell → error in the shell process', async () => {
    const lib = path.join(dir, 's1/libplug.so');
    await buildLib(lib);
    const r = await traced('sh', [path.join(SRC, 'preload-rm-subshell.sh'), lib]);
    if (tracer === 'preload') {
      // The script replaces LD_PRELOAD: the recorder sees that shell's loads but not its rm and fork, and says so.
      assert.deepEqual(r.findings, []);
      assert.ok(r.stats.unrecorded >= 2, `sh -c and rm: ${r.stats.unrecorded}`);
      assert.match(r.diagnostics.map((d) => d.message).join('\n'), /replaced LD_PRELOAD.*--tracer strace/);
      return;
    }
    assert.equal(r.stats.unrecorded, 0);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0]!.properties?.spawn, 'fork');
    assert.equal(r.predictions[0]!.load.pid, r.predictions[0]!.pid, 'the shell itself mapped it');
  });

  test('shell: a script whose loader deletes after its last fork, then rm -rf → clean; one that deletes then forks → error', async () => {
    const lib = path.join(dir, 's2/libplug.so');
    await buildLib(lib);
    const clean = await traced('sh', [path.join(SRC, 'loader-then-clean.sh'), loader, lib]);
    assert.equal(clean.exitCode, 0);
    assert.deepEqual(clean.findings, []);
    const lib2 = path.join(dir, 's3/libplug.so');
    await buildLib(lib2);
    const bad = await traced('sh', [path.join(SRC, 'loader-delete-fork.sh'), loader, lib2]);
    assert.equal(bad.findings.length, 1);
  });

  test('Python through the CLI: the program’s stdout passes through, the JSON report goes to --output', async () => {
    const lib = path.join(dir, 'p9/libplug.so');
    await buildLib(lib);
    const r = await predict(['--', python, path.join(SRC, 'plug_loader.py'), 'delete-subprocess', lib], 'p9');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, 'answer 41\n');
    assert.equal(r.doc!.findings.length, 1);
  });

  test('-f json without --output: standard error holds exactly the JSON report, diagnostics inside it', async () => {
    const r = await runCli(['predict', '--tracer', tracer, '-f', 'json', '--', 'sh', '-c', 'echo out'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'out\n');
    const doc = JSON.parse(r.stderr) as ReportDocument;
    assert.match(doc.diagnostics.map((d) => d.message).join('\n'), /replayed \d+ trace lines/);
  });

  test('the command’s exit code wins when it fails (auto); --exit-code report / test choose one side', async () => {
    const failing = ['--', 'sh', '-c', 'echo out; echo err >&2; exit 7'];
    const lib = path.join(dir, 'x1/libplug.so');
    await buildLib(lib);
    const [auto, report, test2] = await Promise.all([
      runCli(['predict', '--tracer', tracer, ...failing], { cwd: dir }),
      runCli(['predict', '--tracer', tracer, '--exit-code', 'report', ...failing], { cwd: dir }),
      runCli(['predict', '--tracer', tracer, '--exit-code', 'test', '--', loader, 'delete-then-fork', lib], { cwd: dir }),
    ]);
    assert.equal(auto.code, 7);
    assert.equal(auto.stdout, 'out\n');
    assert.match(auto.stderr, /^err$/m);
    assert.match(auto.stderr, /the command failed \(exit code 7\)/);
    assert.equal(report.code, 0);
    assert.equal(test2.code, 0, 'the loader itself succeeded');
    assert.match(test2.stderr, /would fail on Cygwin/);
  });

  test('--no-seccomp traces the same', { skip: tracer !== 'strace' && 'strace only' }, async () => {
    const lib = path.join(dir, 'n1/libplug.so');
    await buildLib(lib);
    const r = await runCli(['predict', '--no-seccomp', '--', loader, 'delete-then-fork', lib], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /without --seccomp-bpf/);
  });

  test('a command that does not exist → exit 2 with one error line', async () => {
    const r = await runCli(['predict', '--tracer', tracer, '--', path.join(dir, 'no-such-program')], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, tracer === 'strace' ? /strace could not run/ : /error: cannot run .*no-such-program: not found/);
  });
});

describe('predict: the two tracers agree', { skip: SKIP.strace || SKIP.preload }, () => {
  test('the same Python run (ctypes, unlink, subprocess, os.system) replays to the same processes, forks, loads and finding', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ch-agree-'));
    try {
      const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
      const results = [];
      for (const tracer of ['strace', 'preload'] as const) {
        const lib = path.join(dir, tracer, 'libplug.so');
        await mkdir(path.dirname(lib), { recursive: true });
        execFileSync('gcc', ['-shared', '-fPIC', '-o', lib, path.join(SRC, 'plug.c')]);
        const run = await runTraced(python, [path.join(SRC, 'plug_loader.py'), 'delete-subprocess', lib], { cwd: dir, stdio: 'ignore', tracer });
        try {
          const r = await replayTrace(readTraceLines(run.traceFile), { cwd: dir, file: 'trace' });
          results.push({ ...r.stats, findings: r.findings.map((f) => [f.ruleId, f.severity, path.basename(f.dll ?? '')]) });
        } finally {
          run.cleanup();
        }
      }
      const [viaStrace, viaPreload] = results as [(typeof results)[0], (typeof results)[0]];
      for (const k of ['processes', 'forks', 'libraryLoads', 'goneWhileMapped', 'orphans', 'findings'] as const) {
        assert.deepEqual(viaPreload[k], viaStrace[k], k);
      }
      assert.ok(viaStrace.libraryLoads > 5 && viaStrace.forks >= 1, JSON.stringify(viaStrace));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('predict: errors without tracing', () => {
  test('strace missing → one line with install advice, exit 2', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'ch-nopath-'));
    try {
      const r = await runCli(['predict', '--tracer', 'strace', '--', '/bin/true'], { env: { PATH: empty } });
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /strace not found on PATH; .*apt-get install strace.*dnf install strace/);
      // auto, with neither tracer usable (no compiler, an empty cache): one line that names both problems.
      const env = { PATH: empty, CC: path.join(empty, 'no-cc'), CYGWIN_HYGIENE_CACHE: path.join(empty, 'cache') };
      const [auto, preload] = await Promise.all([
        runCli(['predict', '--', '/bin/true'], { env }),
        runCli(['predict', '--tracer', 'preload', '--', '/bin/true'], { env }),
      ]);
      assert.equal(auto.code, 2);
      assert.equal(auto.stderr.trim().split('\n').length, 1, auto.stderr);
      assert.match(auto.stderr, /strace not found on PATH and cannot build the preload recorder \(.*no-cc not found\)/);
      assert.equal(preload.code, 2);
      assert.equal(preload.stderr.trim().split('\n').length, 1, preload.stderr);
      assert.match(preload.stderr, /cannot build the preload recorder .*install a C compiler or set CC/);
      // A cache path LD_PRELOAD cannot name (it splits at spaces): the recorder refuses it with the reason.
      const spaced = await runCli(['predict', '--tracer', 'preload', '--', '/bin/true'], {
        env: { CYGWIN_HYGIENE_CACHE: path.join(empty, 'my cache') },
      });
      assert.equal(spaced.code, 2);
      assert.match(spaced.stderr, /cache path has a space or a colon .*set CYGWIN_HYGIENE_CACHE/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  test('no command, or both a command and --from-trace → usage error, exit 2', async () => {
    const [none, both] = await Promise.all([runCli(['predict']), runCli(['predict', '--from-trace', 'x.log', '--', 'true'])]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /predict needs a command/);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /not both/);
  });

  test('--from-trace: the report on stdout; a missing file → one line, exit 2; a non-trace → error diagnostic, exit 2', async () => {
    const [ok, stdin, missing, notTrace] = await Promise.all([
      runCli(['predict', '--from-trace', 'test/fixtures/predict/traces/real-c-delete-then-fork.log', '-f', 'json']),
      runCli(['predict', '--from-trace', '-', '-f', 'json'], {
        input: await readFile(path.join(FIXTURES, 'predict/traces/hand-rename-spawn.log')),
      }),
      runCli(['predict', '--from-trace', 'nope.log']),
      runCli(['predict', '--from-trace', 'test/fixtures/predict/plug.c']),
    ]);
    assert.equal(ok.code, 1);
    const doc = JSON.parse(ok.stdout) as ReportDocument;
    assert.equal(doc.findings[0]!.file, 'test/fixtures/predict/traces/real-c-delete-then-fork.log');
    assert.equal(doc.findings[0]!.properties?.traceFile, 'test/fixtures/predict/traces/real-c-delete-then-fork.log');
    assert.equal(stdin.code, 1);
    assert.equal((JSON.parse(stdin.stdout) as ReportDocument).findings[0]!.ruleId, 'predicted/replaced-dll');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read trace .*nope\.log: ENOENT/);
    assert.equal(notTrace.code, 2);
    assert.match(notTrace.stderr, /not an strace log/);
  });
});
