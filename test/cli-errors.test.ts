/**
 * Every bad input the CLI can get, through the real process: one clear line on stderr (no stack trace), exit code 2,
 * and whatever was found before the bad input is still reported.
 */
import assert from 'node:assert/strict';
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, ROOT, TSX, runCli, runProcess, type RunResult } from './helpers/cli.js';

// The temp folder is created at load time: test tables below name files in it.
const T0 = mkdtempSync(path.join(tmpdir(), 'ch-cli-errors-'));
let T = '';
const p = (...a: string[]) => path.join(T, ...a);
const GOOD_LOG = path.join(FIXTURES, 'logs/chibi-console.log');
const GOOD_TRACE = path.join(FIXTURES, 'predict/traces/real-c-delete-then-fork.log');
const REPORT = () => p('report.json');

before(async () => {
  T = T0;
  await chmod(T, 0o755);
  await mkdir(p('dir'));
  await mkdir(p('src'));
  await writeFile(p('src/t.c'), '#include <dlfcn.h>\n#include <unistd.h>\nint main(void) {\n  void *h = dlopen("build/p.dll", RTLD_NOW);\n  unlink("build/p.dll");\n  return fork();\n}\n');
  await writeFile(p('binary.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await writeFile(p('bad-utf8.log'), Buffer.concat([Buffer.from('ok line\n\xff\xfe\xc3('), Buffer.from('\n      1 [main] make 4711 dofork: child -1 - forked process 5120 died unexpectedly, retry 0, exit code 0xC0000142, errno 11\n')]));
  await writeFile(p('truncated.log'), '   66 64828379 [main] chibi-scheme 302196 child_info_fork::abort: unable to map C:\\cygwin64\\home\\oku\\tests\\ffi\\ba');
  await writeFile(p('nonascii.log'), '   66 64828379 [main] chibi-scheme 302196 child_info_fork::abort: unable to map C:\\cygwin64\\home\\José\\テスト\\ffi\\basic.dll, Win32 error 126\r\n');
  await writeFile(p('secret.log'), 'x\n');
  await chmod(p('secret.log'), 0o600);
  await writeFile(p('secret.c'), 'void *h = dlopen("x.dll", 0);\n');
  await chmod(p('secret.c'), 0o600);
  // a 24 MB log: one failure at the end, after lines of noise
  await writeFile(p('huge.log'), `${'noise line without anything to find in it, padded out to a decent length...\n'.repeat(300_000)}${await (await import('node:fs/promises')).readFile(path.join(FIXTURES, 'logs/seed-chibi-ja.txt'), 'utf8')}`);
  const json = await runCli(['analyze', '--format', 'json', GOOD_LOG]);
  await writeFile(REPORT(), json.stdout);
  for (const [name, text] of [['bad-json', '{"rules": '], ['unknown-key', '{"noSuchKey": 1}']] as const) {
    await mkdir(p(name));
    await writeFile(p(name, '.cygwin-hygiene.json'), text);
  }
  await mkdir(p('dir-config', '.cygwin-hygiene.json'), { recursive: true });
});
after(async () => {
  await rm(T, { recursive: true, force: true });
});

function oneLineError(r: RunResult, pattern: RegExp, code = 2): void {
  assert.equal(r.code, code, `exit code; stderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 500)}`);
  assert.doesNotMatch(r.stderr, /^ {4}at /m, 'a stack trace');
  assert.doesNotMatch(r.stderr, /internal error/);
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.ok(lines.length >= 1 && lines.every((l) => l.startsWith('cygwin-hygiene: ')), `stderr lines not ours: ${r.stderr}`);
  assert.ok(lines.some((l) => pattern.test(l)), `no stderr line matches ${pattern}: ${r.stderr}`);
}

// Each command with the argument that names a file: [name, args for a given path].
const FILE_COMMANDS: [string, (f: string) => string[]][] = [
  ['scan', (f) => ['scan', f]],
  ['analyze', (f) => ['analyze', f]],
  ['check', (f) => ['check', p('src'), '--log', f]],
  ['predict --from-trace', (f) => ['predict', '--from-trace', f]],
  ['render', (f) => ['render', f]],
  ['dry-run --with', (f) => ['dry-run', '--with', f]],
];

describe('CLI: bad paths, for every command that reads a file', { concurrency: 2 }, () => {
  for (const [name, args] of FILE_COMMANDS) {
    test(`${name}: a missing path`, async () => oneLineError(await runCli(args(p('missing.log'))), /missing\.log.*(?:no such|ENOENT)|no such file or folder: .*missing\.log/i));
    if (name !== 'scan') {
      test(`${name}: a directory where a file is expected`, async () => oneLineError(await runCli(args(p('dir'))), /dir\b.*(?:directory|EISDIR|not a regular file)/i));
    }
    test(`${name}: a binary file`, async () => oneLineError(await runCli(args(p('binary.bin'))), /binary|not JSON|not an strace log|expected "key: value"|no fork hazards|binary\.bin/, name === 'scan' ? 0 : 2));
  }
});

describe('CLI: permission denied (run as an unprivileged user)', { concurrency: 2 }, () => {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => existsSync(f));
  const isRoot = process.getuid?.() === 0;
  for (const [name, args] of FILE_COMMANDS) {
    test(`${name}: an unreadable file`, { skip: !setpriv ? 'no setpriv on this machine' : !isRoot ? 'not root: cannot switch users' : false }, async () => {
      const r = await runProcess(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', TSX, path.join(ROOT, 'src/cli.ts'), ...args(p(name === 'scan' ? 'secret.c' : 'secret.log'))], { cwd: T, env: { HOME: T } });
      oneLineError(r, /secret\.(?:log|c).*(?:permission denied|EACCES)/i);
    });
  }
});

describe('CLI: bad config, unknown format, unwritable output', { concurrency: 2 }, () => {
  const REPORTERS: [string, string[]][] = [
    ['scan', ['scan', '.']],
    ['analyze', ['analyze', GOOD_LOG]],
    ['check', ['check', '.']],
    ['predict --from-trace', ['predict', '--from-trace', GOOD_TRACE]],
    ['render', ['render', '--format', 'text', path.join(T0, 'report.json')]],
  ];
  for (const [name, args] of [...REPORTERS, ['dry-run --with', ['dry-run', '--with', path.join(FIXTURES, 'action/with-block.yml')]] as [string, string[]]]) {
    test(`${name}: invalid JSON, an unknown key, a directory named .cygwin-hygiene.json`, async () => {
      oneLineError(await runCli(args, { cwd: p('bad-json') }), /\.cygwin-hygiene\.json/);
      oneLineError(await runCli(args, { cwd: p('unknown-key') }), /noSuchKey/);
      oneLineError(await runCli(args, { cwd: p('dir-config') }), /\.cygwin-hygiene\.json/);
    });
  }
  for (const [name, args] of REPORTERS) {
    test(`${name}: --format xml`, async () => oneLineError(await runCli([...args, '--format', 'xml'], { cwd: p('src') }), /xml/));
    test(`${name}: --output a directory: error, and the report still written to stdout`, async () => {
      const r = await runCli([...args, '--output', p('dir')], { cwd: p('src') });
      oneLineError(r, /cannot write .*dir/, 2);
      assert.ok(r.stdout.length > 0, 'the report follows on stdout');
    });
  }
});

describe('CLI: damaged content keeps what was found', { concurrency: 2 }, () => {
  test('analyze good.log missing.log: the failure in good.log on stdout, exit 2', async () => {
    const r = await runCli(['analyze', '--format', 'json', GOOD_LOG, p('missing.log')]);
    oneLineError(r, /missing\.log: no such file/);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.findings.map((f: { cause: string }) => f.cause), ['deleted-dll']);
  });

  test('check --log good --log missing: still reports the failure and the scan, exit 2', async () => {
    const r = await runCli(['check', p('src'), '--format', 'json', '--log', GOOD_LOG, '--log', p('missing.log')]);
    oneLineError(r, /missing\.log/);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.findings.some((f: { kind: string }) => f.kind === 'runtime'));
    assert.ok(doc.findings.some((f: { ruleId: string }) => f.ruleId === 'CH001'));
  });

  test('scan good-dir missing: the finding in good-dir, exit 2', async () => {
    const r = await runCli(['scan', '--format', 'json', p('src'), p('missing')]);
    oneLineError(r, /missing/);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId), ['CH001']);
  });

  test('analyze: invalid UTF-8 around a failure still finds it (exit 1)', async () => {
    const r = await runCli(['analyze', '--format', 'json', p('bad-utf8.log')]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.length, 1);
  });

  test('analyze: a log cut in the middle of a message: the incomplete failure and a truncation warning', async () => {
    const r = await runCli(['analyze', '--format', 'json', p('truncated.log')]);
    assert.doesNotMatch(r.stderr, /^ {4}at /m);
    assert.match(r.stderr, /truncated log/);
    assert.ok(r.code === 1 || r.code === 2, String(r.code));
    assert.equal(JSON.parse(r.stdout).findings.length, 1);
  });

  test('analyze: a Windows path with non-ASCII names and CRLF maps to its POSIX path', async () => {
    const r = await runCli(['analyze', '--format', 'json', p('nonascii.log')]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { dll: string }) => f.dll), ['/home/José/テスト/ffi/basic.dll']);
  });

  test('analyze: a 24 MB log finds the failures at its end', { timeout: 60_000 }, async () => {
    const r = await runCli(['analyze', '--format', 'json', p('huge.log')]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.length, 2);
  });

  test('predict --from-trace: a trace cut mid-line still predicts; render: a truncated JSON report is one error line', async () => {
    const trace = (await import('node:fs')).readFileSync(GOOD_TRACE, 'utf8');
    await writeFile(p('cut.trace'), trace.slice(0, trace.lastIndexOf('\n', trace.length - 2) + 20));
    const r = await runCli(['predict', '--format', 'json', '--from-trace', p('cut.trace')]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.length, 1);
    const json = (await import('node:fs')).readFileSync(REPORT(), 'utf8');
    await writeFile(p('cut.json'), json.slice(0, json.length / 2));
    oneLineError(await runCli(['render', p('cut.json')]), /cut\.json/);
  });

  test('scan: a binary file and an invalid UTF-8 source next to a real finding', async () => {
    await mkdir(p('mixed'), { recursive: true });
    await copyFile(p('src/t.c'), p('mixed/t.c'));
    await writeFile(p('mixed/bad.c'), Buffer.concat([Buffer.from('void *h = dlopen("a.dll", 0); /* \xff\xfe */\n'), Buffer.from([0xc3, 0x28, 0x0a])]));
    await copyFile(p('binary.bin'), p('mixed/blob.c'));
    const r = await runCli(['scan', '--format', 'json', p('mixed')]);
    assert.doesNotMatch(r.stderr, /^ {4}at /m);
    assert.ok(JSON.parse(r.stdout).findings.some((f: { file: string }) => f.file.endsWith('t.c')));
  });
});

