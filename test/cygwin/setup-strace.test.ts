import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  KNOWN_SIGNER_SHA256,
  buildSetupArgs,
  cacheKey,
  decideChecksum,
  decideSignature,
  findSha512,
  mirrorOrder,
  parseSetupLog,
  splitList,
  wrapperCmd,
} from '../../src/cygwin/setup.js';
import { RUN_SCRIPT, buildTracedCommand, detectHost, formatCommandLine, parseStraceOptions } from '../../src/cygwin/strace.js';
import { FIXTURES } from '../helpers/cli.js';

const fx = (p: string) => readFile(path.join(FIXTURES, 'action', p), 'utf8');

describe('setup command line', () => {
  test('unattended flags, one site, packages joined with commas', () => {
    assert.deepEqual(buildSetupArgs({ root: 'C:\\cygwin', packageDir: 'C:\\cygwin-packages', site: 'https://m/', packages: ['gcc-core', 'make'] }), [
      '--quiet-mode', '--no-shortcuts', '--only-site', '--root', 'C:\\cygwin', '--local-package-dir', 'C:\\cygwin-packages', '--site', 'https://m/', '--packages', 'gcc-core,make',
    ]);
    assert.ok(!buildSetupArgs({ root: 'C:\\c', packageDir: 'C:\\p', site: 'https://m/', packages: [] }).includes('--packages'));
  });
  test('mirror order keeps the given order, adds the slash, drops duplicates', () => {
    assert.deepEqual(mirrorOrder(['https://a/x', 'https://B/', 'https://a/x/', ' ', 'https://b/']), ['https://a/x/', 'https://B/']);
  });
  test('lists split on whitespace and commas', () => {
    assert.deepEqual(splitList(' make,gcc-core\n  ,python3 '), ['make', 'gcc-core', 'python3']);
  });
});

describe('cache key', () => {
  const base = { platform: 'win32-x64', packages: ['make', 'gcc-core'], sites: ['https://m/'] };
  test('order and duplicates of packages do not matter; mirrors, platform and setup hash do', () => {
    const k = cacheKey({ ...base, setupSha512: 'ab'.repeat(64) });
    assert.equal(cacheKey({ ...base, packages: ['gcc-core', 'make', 'make'], setupSha512: 'ab'.repeat(64) }).key, k.key);
    assert.notEqual(cacheKey({ ...base, sites: ['https://other/'], setupSha512: 'ab'.repeat(64) }).key, k.key);
    assert.notEqual(cacheKey({ ...base, platform: 'win32-arm64', setupSha512: 'ab'.repeat(64) }).key, k.key);
    const newSetup = cacheKey({ ...base, setupSha512: 'cd'.repeat(64) });
    assert.notEqual(newSetup.key, k.key);
    assert.equal(newSetup.restorePrefix, k.restorePrefix, 'a new setup.exe still restores the same packages');
    assert.ok(k.key.startsWith(k.restorePrefix));
  });
});

describe('signature and checksum decisions on recorded output', () => {
  test('valid + known fingerprint passes', async () => {
    const d = decideSignature(await fx('authenticode/valid-known.json'));
    assert.equal(d.ok, true, d.message);
  });
  test('valid but unknown certificate fails and names the fingerprint seen', async () => {
    const d = decideSignature(await fx('authenticode/valid-unknown.json'));
    assert.equal(d.ok, false);
    assert.match(d.message, /8B9867F6585CC76A7C27AC60B7E3EC35AEC739B448BB07CA863335E056CEA593/);
  });
  test('NotSigned and HashMismatch fail with the status', async () => {
    assert.match(decideSignature(await fx('authenticode/not-signed.json')).message, /status NotSigned/);
    const hm = decideSignature(await fx('authenticode/hash-mismatch.json'));
    assert.equal(hm.ok, false);
    assert.match(hm.message, /status HashMismatch/);
  });
  test('garbage output fails closed', () => {
    assert.equal(decideSignature('Get-AuthenticodeSignature : Cannot find path').ok, false);
  });
  test('the known list holds SHA-256 fingerprints', () => {
    for (const k of KNOWN_SIGNER_SHA256) assert.match(k, /^[0-9A-F]{64}$/);
  });
  test('sha512.sum: the x86_64 line is found; a mismatch and a missing line fail', async () => {
    const sum = await fx('sha512.sum');
    const h = findSha512(sum)!;
    assert.match(h, /^[0-9a-f]{128}$/);
    assert.notEqual(findSha512(sum, 'setup-x86.exe'), h);
    assert.equal(decideChecksum(sum, h.toUpperCase()).ok, true);
    assert.match(decideChecksum(sum, 'f'.repeat(128)).message, /lists/);
    assert.match(decideChecksum(await fx('sha512-no-x86_64.sum'), h).message, /no SHA-512 line for setup-x86_64\.exe/);
    assert.equal(findSha512(`${h} *setup-x86_64.exe\r\n`), h, 'binary marker and CRLF');
  });
});

describe('setup.log.full', () => {
  test('abnormal exits of post-install scripts, with the script and line', async () => {
    assert.deepEqual(parseSetupLog(await fx('setup.log.full')), [
      { command: 'C:\\cygwin\\bin\\bash.exe --norc --noprofile "/etc/postinstall/ca-certificates.sh"', script: '/etc/postinstall/ca-certificates.sh', exitCode: 126, line: 16 },
      { command: 'C:\\cygwin\\bin\\dash.exe "/etc/postinstall/0p_update-info-dir.dash"', script: '/etc/postinstall/0p_update-info-dir.dash', exitCode: 1, line: 19 },
    ]);
    assert.deepEqual(parseSetupLog(await fx('setup-clean.log.full')), []);
  });
});

describe('shell wrapper', () => {
  test('a .cmd with CRLF that runs the script file with Cygwin bash as a login shell', () => {
    const t = wrapperCmd('D:\\cygwin\\');
    assert.ok(t.includes('\r\n'));
    assert.match(t, /^@echo off\r\n/);
    assert.match(t, /set CHERE_INVOKING=1\r\n/);
    assert.match(t, /"D:\\cygwin\\bin\\bash\.exe" --login -o igncr -eo pipefail %\*\r\n/);
  });
});

describe('strace command', () => {
  test('strace -o LOG OPTIONS bash -l SCRIPT; the command and folder travel in the environment', () => {
    const c = buildTracedCommand({ root: 'C:\\cygwin', run: 'make check; rm -rf /', workdir: 'D:\\a\\repo\\repo\\sub', logFile: 'D:\\a\\_temp\\s.log', rcFile: 'D:\\a\\_temp\\rc', scriptFile: 'D:\\a\\_temp\\run.sh', straceOptions: ['-b', '65536'] });
    assert.equal(c.file, 'C:\\cygwin\\bin\\strace.exe');
    assert.deepEqual(c.args, ['-o', 'D:\\a\\_temp\\s.log', '-b', '65536', 'C:\\cygwin\\bin\\bash.exe', '-l', '/cygdrive/d/a/_temp/run.sh']);
    assert.ok(!c.args.some((a) => /["'$`]/.test(a)), 'no argument needs quoting on the Windows command line');
    assert.match(RUN_SCRIPT, /^eval "\$CH_RUN"$/m);
    assert.doesNotMatch(RUN_SCRIPT, /\r/);
    assert.equal(c.env.CH_RUN, 'make check; rm -rf /');
    assert.equal(c.env.CH_WORKDIR, '/cygdrive/d/a/repo/repo/sub');
    assert.equal(c.env.CH_RC_FILE, '/cygdrive/d/a/_temp/rc');
    assert.ok(!c.args.some((a) => a.includes('make check')));
  });
  test('paths under the root map to root-relative POSIX paths; strace off runs bash directly', () => {
    const c = buildTracedCommand({ root: 'C:\\cygwin\\', run: 'x', workdir: 'C:\\cygwin\\home\\me', rcFile: 'C:\\cygwin\\tmp\\rc', scriptFile: 'C:\\cygwin\\tmp\\run.sh' });
    assert.equal(c.file, 'C:\\cygwin\\bin\\bash.exe');
    assert.equal(c.env.CH_WORKDIR, '/home/me');
    assert.equal(c.env.CH_RC_FILE, '/tmp/rc');
  });
  test('strace-options refuses toggles and options that break the analysis', () => {
    assert.deepEqual(parseStraceOptions(' -b 65536  --mask=all+sigp '), ['-b', '65536', '--mask=all+sigp']);
    assert.throws(() => parseStraceOptions('-f'), /-f is not allowed: -f is a toggle/);
    assert.throws(() => parseStraceOptions('--output=x.log'), /--output=x\.log is not allowed/);
    assert.throws(() => parseStraceOptions('-n'), /drops the rest of the line/);
    assert.throws(() => parseStraceOptions('-e'), /toggle/);
  });
  test('formatCommandLine quotes what needs quoting', () => {
    assert.equal(formatCommandLine({ file: 'C:\\x\\a.exe', args: ['-o', 'a b', 'say "hi" $X'] }), 'C:\\x\\a.exe -o "a b" "say \\"hi\\" \\$X"');
  });
  test('host detection', () => {
    assert.equal(detectHost({ platform: 'linux' }), undefined);
    assert.equal(detectHost({ platform: 'cygwin' }), 'cygwin');
    assert.equal(detectHost({ platform: 'linux', unameS: 'CYGWIN_NT-10.0-20348' }), 'cygwin');
    assert.equal(detectHost({ platform: 'win32', unameS: 'MSYS_NT-10.0-19045' }), 'msys');
    assert.equal(detectHost({ platform: 'win32' }), 'win32');
    assert.equal(detectHost({ platform: 'linux', hasCygcheck: true }), 'cygwin');
  });
});
