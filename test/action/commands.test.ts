import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import path from 'node:path';
import { dryRun } from '../../src/commands/dry-run.js';
import { findCygwinBin, runCommand } from '../../src/commands/run.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { createPipeline } from '../../src/pipeline/index.js';

function memIO(cwd = process.cwd()) {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: process.stdin, env: { NO_COLOR: '1', PATH: process.env.PATH }, cwd },
    out: () => out,
    err: () => err,
  };
}
const loaded = { config: {}, file: undefined } as never;

describe('cygwin-hygiene dry-run', () => {
  test('prints the exact setup and strace command lines and the cache key (real process)', async () => {
    const r = await runCli(['dry-run', '--with', path.join(FIXTURES, 'action', 'with-block.yml'), '--input', 'fail-on=any']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /setup-x86_64\.exe --quiet-mode --no-shortcuts --only-site --root C:\\cygwin --local-package-dir C:\\cygwin-packages --site https:\/\/mirrors\.kernel\.org\/sourceware\/cygwin\/ --packages gcc-core,make/);
    assert.match(r.stdout, /C:\\cygwin\\bin\\strace\.exe -o D:\\a\\_temp\\cygwin-hygiene\\strace\.log -b 65536 C:\\cygwin\\bin\\bash\.exe -l \/cygdrive\/d\/a\/_temp\/cygwin-hygiene\/run-tests\.sh\n/);
    assert.match(r.stdout, /CH_RUN="make -C test-projects\/fork-deleted-dll check\\necho done"/);
    assert.match(r.stdout, /CH_WORKDIR="\/cygdrive\/d\/a\/repo\/repo\/sub dir"/);
    assert.match(r.stdout, /key: cygwin-hygiene-pkgs-v1-win32-x64-[0-9a-f]{16}-setup-unknown/);
    assert.match(r.stdout, /\* fail-on +"any"/, 'a later --input wins over the with: block');
  });
  test('--format json is the plan as data', async () => {
    const r = await runCli(['dry-run', '-i', 'run=make check', '-f', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.plan.mode, 'install-and-run');
    assert.equal(j.plan.test.env.CH_RUN, 'make check');
  });
  test('a bad input is one line and exit 2', async () => {
    const r = await runCli(['dry-run', '-i', 'strace=sometimes']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'cygwin-hygiene: input "strace": "sometimes" is not allowed (allowed: on, off)');
    const u = await runCli(['dry-run', '-i', 'bogus=1']);
    assert.match(u.stderr, /unknown input "bogus"/);
  });
  test('--log analyses a saved strace log as the action would', async () => {
    const m = memIO();
    const code = await dryRun({ input: ['run=make check'], log: [path.join(FIXTURES, 'action', 'fork-deleted-dll.strace.log')] }, m.io, createPipeline());
    assert.equal(code, 1);
    assert.match(m.out(), /outputs: failures=1 findings=1 cygwin-version=3\.6\.4/);
    assert.match(m.out(), /::error file=.*fork-deleted-dll\.strace\.log,line=30,title=cygwin-hygiene runtime\/deleted-dll%3A fork failure::fork\(\) failed in test_fork_deleted/);
    assert.match(m.out(), /--- job summary \(markdown\) ---\n## ❌ cygwin-hygiene: 1 fork failure in the logs/);
    assert.match(m.out(), /outcome: the step would fail/);
    const clean = memIO();
    assert.equal(await dryRun({ log: [path.join(FIXTURES, 'action', 'fork-clean.strace.log')] }, clean.io, createPipeline()), 0);
    assert.match(clean.out(), /failures=0/);
  });
});

describe('cygwin-hygiene run', () => {
  test('outside Cygwin: one line pointing at predict, exit 2 (real process)', async () => {
    const r = await runCli(['run', '--', 'make', 'check']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /run needs Cygwin or MSYS2 \(this is linux.*\); on Linux use: cygwin-hygiene predict -- make check/);
  });
  test('on a Cygwin host it runs the command under strace, tees the console and analyses it', async (t) => {
    const hasStrace = (await import('node:child_process')).spawnSync('strace', ['-V']).status === 0;
    if (!hasStrace) return t.skip('no strace on this machine');
    // Linux strace stands in for Cygwin's here: same `strace -o LOG cmd` shape. The console line is a real
    // Cygwin message printed by the command, so the (test) analyzer finds it in the console log.
    const m = memIO();
    const line = '      0 [main] t 311940 child_info_fork::abort: unable to map C:\\cygwin64\\home\\u\\basic.dll, Win32 error 126';
    const code = await runCommand(['sh', '-c', `printf '%s\\n' '${line}' >&2; exit 5`], { format: 'json' }, m.io as never, loaded, createPipeline(), { platform: 'cygwin', hasCygcheck: true });
    assert.equal(code, 1);
    const doc = JSON.parse(m.out());
    assert.equal(doc.summary.runtime, 1);
    assert.equal(doc.findings[0].ruleId, 'runtime/deleted-dll');
    assert.match(m.err(), /the command exited with code 5/);
  });
  test('native Windows Node: finds Cygwin strace.exe on PATH next to the runtime DLL, else refuses', async () => {
    const files = new Set(['C:\\cygwin\\bin\\strace.exe', 'C:\\cygwin\\bin\\cygwin1.dll', 'C:\\other\\strace.exe']);
    assert.equal(findCygwinBin('C:\\other;C:\\cygwin\\bin;C:\\Windows', (p) => files.has(p)), 'C:\\cygwin\\bin');
    assert.equal(findCygwinBin('C:\\other', (p) => files.has(p)), undefined);
    const m = memIO();
    assert.equal(await runCommand(['make'], {}, m.io as never, loaded, createPipeline(), { platform: 'win32', hasCygcheck: false }), 2);
    assert.match(m.err(), /no folder on PATH has Cygwin's strace\.exe next to cygwin1\.dll/);
  });
});
