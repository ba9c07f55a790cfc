import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { ROOT, runProcess } from '../helpers/cli.js';

// The dogfood projects really do what docs/action.md says: built and run here on Linux (where both pass), traced
// with Linux strace to check the order of dlopen (openat), unlink and fork (clone).
const dirs: string[] = [];
const noStrace = spawnSync('strace', ['-V']).status !== 0;
after(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function traced(project: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ch-proj-'));
  dirs.push(dir);
  await cp(path.join(ROOT, 'test-projects', project), dir, { recursive: true });
  const trace = path.join(dir, 'trace.log');
  const r = await runProcess('strace', ['-f', '-o', trace, '-e', 'trace=openat,open,unlink,unlinkat,clone,clone3,fork,vfork', 'make', 'check', 'CC=cc', 'PLUGIN_FILE=build/libplugin.so', 'LDLIBS=-ldl'], { cwd: dir });
  const lines = (await readFile(trace, 'utf8')).split('\n');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const open = at(/open(at)?\(.*build\/libplugin\.so", O_RDONLY\|O_CLOEXEC\)\s+= \d+/);
  const unlink = at(/unlink(at)?\(.*build\/libplugin\.so"\)\s+= 0/);
  const fork = lines.findIndex((l, i) => i > open && /\b(clone3?|fork|vfork)\(/.test(l));
  return { r, open, unlink, fork };
}

describe('test-projects', { concurrency: 2 }, () => {
  test('fork-deleted-dll: dlopen, then unlink, then fork (passes on Linux, fails on Cygwin)', async (t) => {
    if (noStrace) return t.skip('no strace');
    const { r, open, unlink, fork } = await traced('fork-deleted-dll');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /deleted \.\/build\/libplugin\.so while it is still loaded\nchild exited with 0/);
    assert.ok(open >= 0 && unlink > open && fork > unlink, `open ${open} < unlink ${unlink} < fork ${fork}`);
  });
  test('fork-clean: dlopen, then fork, then unlink', async (t) => {
    if (noStrace) return t.skip('no strace');
    const { r, open, unlink, fork } = await traced('fork-clean');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /child exited with 0\ndeleted \.\/build\/libplugin\.so after the last fork/);
    assert.ok(open >= 0 && fork > open && unlink > fork, `open ${open} < fork ${fork} < unlink ${unlink}`);
  });
});
