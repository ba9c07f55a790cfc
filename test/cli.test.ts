import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.js';
import pkg from '../package.json' with { type: 'json' };

describe('cli as a process', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-cli-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('--help lists the commands and exit codes, exit 0', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: cygwin-hygiene/);
    assert.match(r.stdout, /explain/);
    assert.match(r.stdout, /Exit codes: 0 nothing found, 1 findings, 2 usage or input error/);
    assert.equal(r.stderr, '');
  });

  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  test('an unknown option is one line on stderr and exit 2', async () => {
    const r = await runCli(['--bogus']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^cygwin-hygiene: unknown option '--bogus'/);
  });

  test('an unknown command is exit 2', async () => {
    const r = await runCli(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
  });

  test('a config file with an unknown key names the key, exit 2, no stack trace', async () => {
    const cwd = path.join(dir, 'badkey');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(cwd, 'sub'), { recursive: true }));
    await writeFile(path.join(cwd, '.cygwin-hygiene.json'), JSON.stringify({ exclude: ['x'], exlcude: ['y'] }));
    // discovered from a sub-folder: the search walks upwards
    const r = await runCli(['explain', 'heap'], { cwd: path.join(cwd, 'sub') });
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /unknown key "exlcude"/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });

  test('a config value of the wrong type names the key', async () => {
    const cwd = path.join(dir, 'badvalue');
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd, { recursive: true }));
    await writeFile(path.join(cwd, 'package.json'), JSON.stringify({ name: 'x', 'cygwin-hygiene': { cygwinVersion: 'latest' } }));
    const r = await runCli(['explain'], { cwd });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /package\.json \("cygwin-hygiene"\): bad value for "cygwinVersion"/);
  });

  test('invalid JSON in the config is one clear line', async () => {
    const cwd = path.join(dir, 'badjson');
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd, { recursive: true }));
    await writeFile(path.join(cwd, '.cygwin-hygiene.json'), '{ "exclude": [ }');
    const r = await runCli(['explain'], { cwd });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.cygwin-hygiene\.json is not valid JSON/);
  });

  test('--no-config ignores a broken config; --config names a missing file', async () => {
    const cwd = path.join(dir, 'badjson');
    const ok = await runCli(['--no-config', 'explain', 'heap'], { cwd });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^heap: /);
    const missing = await runCli(['--config', 'nope.json', 'explain'], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /config file not found: nope\.json/);
  });

  test('explain of an unknown cause is a usage error', async () => {
    const r = await runCli(['explain', 'gremlins']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown cause "gremlins" \(known: deleted-dll, /);
  });
});
