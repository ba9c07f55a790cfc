import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { runAction, type ActionRun } from './harness.js';

const runs: ActionRun[] = [];
after(async () => {
  await Promise.all(runs.map((r) => rm(r.dir, { recursive: true, force: true })));
});
async function go(...a: Parameters<typeof runAction>): Promise<ActionRun> {
  const r = await runAction(...a);
  runs.push(r);
  return r;
}

describe('action run() end to end with recorded Windows fixtures', { concurrency: 3 }, () => {
  test('a fork failure: outputs, annotations, summary, SARIF, failed with the tests exit code', async () => {
    const r = await go(
      { run: 'echo "running tests"; echo "::error::from the tests"; exit 3', packages: 'make gcc-core make' },
      { straceLog: 'fork-deleted-dll.strace.log', setupLog: 'setup.log.full' },
      {},
      { project: 'fork-deleted-dll' },
    );
    assert.equal(r.code, 1, r.stdout);
    // the runtime failure from the strace log, and the static flow in the test's source that causes it
    assert.equal(r.outputs.failures, '1');
    assert.equal(r.outputs.findings, '2');
    assert.equal(r.outputs['tests-exit-code'], '3');
    assert.equal(r.outputs['cygwin-version'], '3.6.4');
    assert.match(r.outputs['log-file']!, /cygwin-hygiene\/strace\.log$/);
    assert.equal(r.outputs.root, `${r.dir}/cygwin`);
    // the test output is fenced by stop-commands with a random token
    const m = /::stop-commands::(ch-[0-9a-f]{32})\n([\s\S]*?)::\1::/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.match(m[2]!, /::error::from the tests/);
    // the failure is annotated on the source line that deleted the DLL (joined with the scan), naming the log line
    assert.match(
      r.stdout,
      /::error file=tests\/test_fork\.c,line=25,col=7,title=cygwin-hygiene runtime\/deleted-dll%3A fork failure::Failed at run time \([^)]*strace\.log:30\): fork\(\) failed in test_fork_deleted: the child could not map [^\n]*cygplugin\.dll \(Win32 error 126\)/,
    );
    assert.match(r.stdout, /::error file=tests\/test_fork\.c,line=25,col=7,title=cygwin-hygiene CH001%3A fork hazard::/);
    // the DLL is named as people read it, without the NT namespace prefix strace printed (\??\D:\...)
    assert.match(r.stdout, /could not map D:\\a\\cygwin-hygiene\\[^\n]*cygplugin\.dll/);
    assert.match(r.stdout, /::error::cygwin-hygiene: the tests exited with code 3; 2 finding\(s\) \(1 runtime fork failure\(s\)\) and fail-on is "runtime"/);
    // console captured to a file too
    assert.match(await readFile(r.outputs['console-log']!, 'utf8'), /running tests/);
    assert.match(r.summary, /^## ❌ cygwin-hygiene: 1 fork failure in the logs$/m);
    assert.match(r.summary, /^2 findings: 1 runtime failure, 1 static\.$/m);
    assert.match(r.summary, /```mermaid\nsequenceDiagram\n/);
    const sarif = JSON.parse(await readFile(r.outputs['sarif-file']!, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId), ['runtime/deleted-dll', 'CH001']);
    // post-install script failures are warnings
    assert.match(r.stdout, /::warning::post-install script \/etc\/postinstall\/ca-certificates\.sh exited with code 126/);
    for (const g of ['Download Cygwin setup', 'Verify Cygwin setup', 'Install Cygwin', 'Run the tests under Cygwin strace']) {
      assert.match(r.stdout, new RegExp(`::group::${g}\\n`));
    }
    // the command line of setup and strace
    const execs = r.calls.filter((c) => c.what === 'exec') as unknown as { file: string; args: string[]; env: Record<string, string> }[];
    const setup = execs.find((e) => e.file.endsWith('setup-x86_64.exe'))!;
    assert.deepEqual(setup.args.slice(-2), ['--packages', 'gcc-core,make']);
    const strace = execs.find((e) => e.file.endsWith('strace.exe'))!;
    assert.equal(strace.args[0], '-o');
    assert.ok(!strace.args.join(' ').includes('running tests'), 'the command must not be in the argv');
    assert.equal(strace.env.CH_RUN, 'echo "running tests"; echo "::error::from the tests"; exit 3');
  });

  test('a clean run with fail-on none: exit 0, failures 0', async () => {
    const r = await go({ run: 'echo ok', 'fail-on': 'none' }, { straceLog: 'fork-clean.strace.log' });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs.failures, '0');
    assert.equal(r.outputs['tests-exit-code'], '0');
    assert.doesNotMatch(r.stdout, /::error/);
  });

  test('fail-on none still fails when the tests exit non-zero, saying so', async () => {
    const r = await go({ run: 'exit 4', 'fail-on': 'none' }, { straceLog: 'fork-deleted-dll.strace.log' });
    assert.equal(r.code, 1);
    assert.equal(r.outputs.failures, '1');
    assert.match(r.stdout, /::error::cygwin-hygiene: the tests exited with code 4\n/);
  });

  test('the user command is not shell-interpolated into the script', async () => {
    const r = await go({ run: 'printf "%s\\n" "$CH_WORKDIR"; x=\'"; touch injected; "\'; echo "$x"' }, { straceLog: 'fork-clean.strace.log' });
    assert.equal(r.outputs['tests-exit-code'], '0', r.stdout);
    assert.match(r.stdout, new RegExp(`${r.workspace}\\n`));
    assert.match(r.stdout, /"; touch injected; "/);
  });

  test('an unreachable mirror fails over to the next one', async () => {
    const r = await go(
      { run: 'true', site: 'https://bad.example/cygwin https://good.example/cygwin/' },
      { straceLog: 'fork-clean.strace.log', setupExit: { 'https://bad.example/cygwin/': 1 } },
    );
    assert.equal(r.code, 0, r.stdout);
    const sites = r.calls.filter((c) => c.what === 'exec' && String(c.file).endsWith('setup-x86_64.exe')).map((c) => (c.args as string[])[(c.args as string[]).indexOf('--site') + 1]);
    assert.deepEqual(sites, ['https://bad.example/cygwin/', 'https://good.example/cygwin/']);
    assert.match(r.stdout, /::warning::Cygwin setup failed: .* exited with code 1; see .*setup\.log\.full .*; trying the next mirror https:\/\/good\.example\/cygwin\//);
  });

  test('setup failing on every mirror names the command, exit code and log; tests never run', async () => {
    const r = await go({ run: 'true', site: 'https://a.example/' }, { setupExit: { 'https://a.example/': 2 } });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error::Cygwin setup failed: ".*setup-x86_64\.exe --quiet-mode .*--site https:\/\/a\.example\/" exited with code 2; see .*var\/log\/setup\.log\.full/);
    assert.ok(!r.calls.some((c) => c.what === 'exec' && String(c.file).endsWith('strace.exe')));
  });

  test('an unknown signer fails closed, naming the fingerprint; setup never runs', async () => {
    const r = await go({ run: 'true' }, { authenticode: 'authenticode/valid-unknown.json' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error::signature check failed: valid signature by an unknown certificate: .*8B9867F6585CC76A7C27AC60B7E3EC35AEC739B448BB07CA863335E056CEA593/);
    assert.ok(!r.calls.some((c) => c.what === 'exec'));
  });

  test('verify-signature: false skips the check with a warning', async () => {
    const r = await go({ run: 'true', 'verify-signature': 'false' }, { authenticode: 'authenticode/not-signed.json', straceLog: 'fork-clean.strace.log' });
    assert.equal(r.code, 0, r.stdout);
    assert.ok(!r.calls.some((c) => c.what === 'authenticode'));
    assert.match(r.stdout, /::warning::signature check skipped/);
  });

  test('a missing sha512.sum line fails unless verify-checksum is false', async () => {
    const fake = { downloads: { 'https://cygwin.com/setup-x86_64.exe': 'setup-x86_64.exe.stub', 'https://cygwin.com/sha512.sum': 'sha512-no-x86_64.sum' }, straceLog: 'fork-clean.strace.log' };
    const bad = await go({ run: 'true' }, fake);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /::error::checksum check failed: no SHA-512 line for setup-x86_64\.exe/);
    const off = await go({ run: 'true', 'verify-checksum': 'false' }, fake);
    assert.equal(off.code, 0, off.stdout);
    assert.ok(!off.calls.some((c) => c.what === 'download' && c.url === 'https://cygwin.com/sha512.sum'));
  });

  test('downloads retry with exponential back-off; cache errors are warnings', async () => {
    const r = await go(
      { run: 'true' },
      { failFirst: { 'https://cygwin.com/setup-x86_64.exe': 2 }, cacheRestore: 'throw', cacheSave: 'throw', straceLog: 'fork-clean.strace.log' },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(r.calls.filter((c) => c.what === 'sleep').map((c) => c.ms), [2000, 4000]);
    assert.match(r.stdout, /::warning::cache restore failed \(continuing without it\): Cache service responded with 503/);
    assert.match(r.stdout, /::warning::cache save failed \(continuing\)/);
  });

  test('a cache hit on the exact key is not saved again', async () => {
    const r = await go({ run: 'true' }, { cacheRestore: 'hit', straceLog: 'fork-clean.strace.log' });
    assert.equal(r.code, 0);
    assert.ok(!r.calls.some((c) => c.what === 'saveCache'));
    const restore = r.calls.find((c) => c.what === 'restoreCache')!;
    assert.match(String(restore.key), /^cygwin-hygiene-pkgs-v1-win32-x64-[0-9a-f]{16}-[0-9a-f]{16}$/);
  });

  test('a bad input fails before any work, naming the input and the allowed values', async () => {
    const r = await go({ run: 'true', 'fail-on': 'sometimes' }, {});
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error::input "fail-on": "sometimes" is not allowed \(allowed: runtime, static, any, none\)/);
    assert.equal(r.calls.length, 0);
  });

  test('run on a non-Windows runner is refused; scan-only mode works there', async () => {
    const refused = await go({ run: 'true' }, { platform: 'linux' });
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /::error::input "run" needs a Windows runner \(this is linux\)/);
    const scanOnly = await go({}, { platform: 'linux' });
    assert.equal(scanOnly.code, 0, scanOnly.stdout);
    assert.equal(scanOnly.outputs.failures, '0');
    assert.equal(scanOnly.calls.length, 0);
    assert.match(scanOnly.stdout, /scanned: tests/);
  });

  test('a missing strace.exe is an error naming the command; the uname failure is only a warning', async () => {
    const r = await go({ run: 'true' }, { missing: ['strace.exe', 'uname.exe'] });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::warning::could not read the Cygwin version: .*uname\.exe -r" exited -1/);
    assert.match(r.stdout, /::error::cannot run the tests: ".*strace\.exe -o .*run-tests\.sh": Unable to locate executable file/);
    assert.match(r.stdout, /::stop-commands::(ch-[0-9a-f]{32})\n\n::\1::/, 'the stop-commands fence is closed even when exec fails');
  });

  test('a working-directory that does not exist is refused before installing', async () => {
    const r = await go({ run: 'true', 'working-directory': 'no/such/dir' }, {});
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error::input "working-directory": .*no\/such\/dir does not exist/);
    assert.equal(r.calls.length, 0);
  });
});
