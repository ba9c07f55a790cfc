import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSES, type Finding } from '../../src/model/finding.js';
import { CATALOG } from '../../src/recommend/catalog.js';
import { docsPageFor, languageOf, pathExpression, recommend, withRecommendations } from '../../src/recommend/index.js';
import { loadFixture } from '../report/fixture.js';

const fx = loadFixture();
const byRule = (ruleId: string, file?: string) => {
  const f = fx.findings.find((x) => x.ruleId === ruleId && (!file || x.file === file));
  assert.ok(f, `fixture has ${ruleId} ${file ?? ''}`);
  return f;
};
const schemeStatic = byRule('CH001', 'tests/ffi-tests.scm');
const cStatic = byRule('CH001', 'src/plugin_test.c');
const pyStatic = byRule('CH001', 'tests/test_ext.py');
const runtimeDeleted = byRule('runtime/deleted-dll');
const runtimeCollision = byRule('runtime/address-collision');
const predicted = byRule('predicted/deleted-dll');

const ids = (f: Finding, v?: string) => recommend({ ...f, cygwinVersion: undefined }, v ? { cygwinVersion: v } : {}).options.map((o) => o.id);

describe('recommendations by Cygwin version', () => {
  test('2.11.2: no /var/run/cygfork (forkables arrived in 3.0.0), spawn without fork still offered for C', () => {
    const got = ids(cStatic, '2.11.2');
    assert.deepEqual(got, ['defer-delete', 'unique-name', 'keep-library', 'spawn-no-fork']);
    // Before 1.7 popen() still forked: no spawn-no-fork claim for such an old release.
    assert.deepEqual(ids(cStatic, '1.5.25'), ['defer-delete', 'unique-name', 'keep-library']);
  });

  test('3.0.0: the cygfork directory becomes an option, last (a safety net, not the fix)', () => {
    assert.deepEqual(ids(cStatic, '3.0.0'), ['defer-delete', 'unique-name', 'keep-library', 'spawn-no-fork', 'cygfork-dir']);
    const r = recommend({ ...cStatic, cygwinVersion: undefined }, { cygwinVersion: '3.0.0' });
    assert.match(r.options.at(-1)!.because!, /Cygwin 3\.0\.0 \(≥ 3\.0\.0\)/);
  });

  test('3.5.4 and 3.6.5 get the same options; the because names the version', () => {
    for (const v of ['3.5.4', '3.6.5', '3.6.0-1.x86_64']) {
      const r = recommend({ ...cStatic, cygwinVersion: undefined }, { cygwinVersion: v });
      assert.deepEqual(r.options.map((o) => o.id), ['defer-delete', 'unique-name', 'keep-library', 'spawn-no-fork', 'cygfork-dir']);
      const spawn = r.options.find((o) => o.id === 'spawn-no-fork')!;
      assert.match(spawn.because!, new RegExp(`Cygwin ${v.slice(0, 5).replace(/\./g, '\\.')}`));
      assert.match(spawn.because!, /system\(\), popen\(\) and spawnv/);
    }
  });

  test('unknown version: version-gated options are kept with a condition instead of a claim', () => {
    const r = recommend({ ...cStatic, cygwinVersion: undefined }, {});
    const cyg = r.options.find((o) => o.id === 'cygfork-dir')!;
    assert.match(cyg.because!, /only if your Cygwin is 3\.0\.0 or newer/);
    const spawn = r.options.find((o) => o.id === 'spawn-no-fork')!;
    assert.match(spawn.because!, /since 1\.7/);
    assert.doesNotMatch(spawn.because!, /this version/);
  });

  test("the finding's own version wins over the context", () => {
    const r = recommend({ ...cStatic, cygwinVersion: '2.11.2' }, { cygwinVersion: '3.5.4' });
    assert.ok(!r.options.some((o) => o.id === 'cygfork-dir'));
  });

  test('posix_spawn and vfork are never recommended: every mention says they fork', () => {
    for (const cause of CAUSES) {
      for (const v of ['2.11.2', '3.0.0', '3.5.4', '3.6.5', undefined]) {
        for (const lang of ['c', 'cpp', 'python', 'scheme', undefined]) {
          const f: Finding = { ...cStatic, cause, language: lang, ruleId: `runtime/${cause}`, kind: 'runtime', cygwinVersion: v };
          const r = recommend(f);
          for (const o of r.options) {
            assert.ok(!/posix.?spawn/i.test(o.id) && !/posix_spawn/.test(o.title), `${o.id} recommends posix_spawn`);
            const code = o.change?.after ?? '';
            for (const m of code.matchAll(/posix_spawn|vfork/g)) {
              const line = code.slice(code.lastIndexOf('\n', m.index) + 1, code.indexOf('\n', m.index) >>> 0);
              assert.match(line, /fork on Cygwin|Not posix_spawn|not posix_spawn/, `snippet line uses ${m[0]}: ${line}`);
            }
            for (const m of (o.detail ?? '').matchAll(/posix_spawn\(\)[^.]*/g)) assert.match(m[0], /still forks/);
          }
        }
      }
    }
  });

  test('spawn-no-fork only where a non-forking call exists (C, C++, Python), not for Scheme', () => {
    assert.ok(ids(pyStatic, '3.5.4').includes('spawn-no-fork'));
    assert.ok(!ids(schemeStatic, '3.5.4').includes('spawn-no-fork'));
    const py = recommend(pyStatic, { cygwinVersion: '3.5.4' }).options.find((o) => o.id === 'spawn-no-fork')!;
    assert.match(py.change!.after, /os\.system/);
    assert.match(py.change!.after, /subprocess.*fork/);
  });
});

describe('recommendations name the lines and show the change in the file’s language', () => {
  test('Scheme: collect lib-file in a list, delete in one final step', () => {
    const r = recommend(schemeStatic, { cygwinVersion: '3.5.4' });
    const ch = r.options[0]!.change!;
    assert.equal(r.options[0]!.id, 'defer-delete');
    assert.deepEqual([ch.file, ch.line, ch.language, ch.before], ['tests/ffi-tests.scm', 26, 'scheme', '(delete-file lib-file)']);
    assert.match(ch.after, /\(set! libs-to-delete \(cons lib-file libs-to-delete\)\)/);
    assert.match(ch.after, /\(for-each delete-file libs-to-delete\)/);
    assert.match(r.options[0]!.because!, /tests\/ffi-tests\.scm:26 `\(delete-file lib-file\)`/);
    assert.equal(r.summary, r.options[0]!.title);
    assert.equal(r.docs, 'docs/rules/CH001.md');
  });

  test('Python: atexit.register(os.remove, path)', () => {
    const ch = recommend(pyStatic).options[0]!.change!;
    assert.equal(ch.before, 'os.remove(path)');
    assert.match(ch.after, /atexit\.register\(os\.remove, path\)/);
    const unique = recommend(pyStatic).options.find((o) => o.id === 'unique-name')!;
    assert.match(unique.change!.after, /tempfile\.mkdtemp/);
  });

  test('C: defer the unlink past the last fork, with dlclose before unlink; spawnvp as the no-fork call', () => {
    const r = recommend(cStatic, { cygwinVersion: '3.5.4' });
    assert.match(r.options[0]!.change!.after, /strdup\(path\)/);
    assert.match(r.options[0]!.change!.after, /dlclose\(handle\) right before unlink/);
    const spawn = r.options.find((o) => o.id === 'spawn-no-fork')!;
    assert.match(spawn.change!.after, /spawnvp\(_P_WAIT/);
  });

  test('runtime finding joined with the source: the change goes to the source delete line, not the log', () => {
    const r = recommend(runtimeDeleted);
    const ch = r.options[0]!.change!;
    assert.equal(ch.file, 'tests/ffi-tests.scm');
    assert.equal(ch.line, 26);
    assert.equal(r.docs, 'docs/rules/runtime-deleted-dll.md');
    // Scheme knows no non-forking spawn: not offered even though the log is from 3.5.4.
    assert.ok(!r.options.some((o) => o.id === 'spawn-no-fork'));
    assert.ok(r.options.some((o) => o.id === 'cygfork-dir'));
  });

  test('predicted findings share the runtime cause page and, without a version, say the condition', () => {
    const r = recommend(predicted);
    assert.equal(r.docs, 'docs/rules/runtime-deleted-dll.md');
    assert.match(r.options.find((o) => o.id === 'cygfork-dir')!.because!, /only if your Cygwin is 3\.0\.0/);
    assert.equal(r.options[0]!.change!.line, 13);
  });

  test('address collision: rebase -s for DLLs built in the job, run from dash, then rebaseall', () => {
    const r = recommend(runtimeCollision);
    assert.deepEqual(r.options.map((o) => o.id).slice(0, 2), ['rebase-built', 'rebaseall']);
    assert.match(r.options[0]!.title, /rebase -s <files>/);
    assert.match(r.options[0]!.detail!, /dash\.exe -c "\/usr\/bin\/rebase -s/);
    assert.match(r.options[1]!.detail!, /rebaseall/);
    assert.match(r.options[1]!.detail!, /rebase-trigger fullrebase/);
  });

  test('replaced-dll in a Makefile: a new output directory per build, the replace line named', () => {
    const f: Finding = {
      kind: 'static',
      ruleId: 'CH002',
      cause: 'replaced-dll',
      severity: 'warning',
      file: 'Makefile',
      line: 12,
      message: 'cygfoo.dll is rebuilt in place while the test runner has it loaded',
      evidence: [
        { role: 'load', file: 'tests/run.sh', line: 3, text: './runner --plugin build/cygfoo.dll' },
        { role: 'replace', file: 'Makefile', line: 12, text: '$(CC) -shared -o build/cygfoo.dll foo.o' },
      ],
      language: 'make',
    };
    const r = recommend(f, { cygwinVersion: '3.6.5' });
    assert.deepEqual(r.options.map((o) => o.id), ['unique-name', 'defer-replace', 'cygfork-dir', 'check-path']);
    const ch = r.options[0]!.change!;
    assert.deepEqual([ch.file, ch.line, ch.language], ['Makefile', 12, 'make']);
    assert.match(ch.after, /LIBDIR := build\//);
    assert.match(r.options[0]!.because!, /Makefile:12 `\$\(CC\) -shared -o build\/cygfoo\.dll foo\.o`/);
  });

  test('every cause has at least one option, each with a source', () => {
    for (const c of CAUSES) {
      assert.ok(CATALOG[c].length > 0, c);
      for (const o of CATALOG[c]) assert.match(o.source, /cygwin-fork\.md §\d/, `${c}/${o.id}`);
      assert.ok(recommend({ ...cStatic, cause: c, ruleId: `runtime/${c}`, kind: 'runtime' }).options.length > 0);
    }
  });

  test('withRecommendations fills only the findings that lack one', () => {
    const own = { ...cStatic, recommendation: { summary: 'keep mine', options: [] } };
    const out = withRecommendations([own, pyStatic], { cygwinVersion: '3.5.4' });
    assert.equal(out[0]!.recommendation!.summary, 'keep mine');
    assert.equal(out[1]!.recommendation!.options[0]!.id, 'defer-delete');
    assert.equal(pyStatic.recommendation, undefined, 'input not modified');
  });

  test('helpers: docs pages, languages, path expressions', () => {
    assert.equal(docsPageFor('predicted/address-collision'), 'docs/rules/runtime-address-collision.md');
    assert.equal(docsPageFor('CH002'), 'docs/rules/CH002.md');
    assert.equal(languageOf('a/Makefile'), 'make');
    assert.equal(languageOf('logs/strace.log'), undefined);
    assert.equal(pathExpression('(delete-file lib-file)))', 'scheme'), 'lib-file');
    assert.equal(pathExpression('rm -f "$lib"', 'shell'), '"$lib"');
    assert.equal(pathExpression('fs.unlinkSync(libPath);', 'javascript'), 'libPath');
    assert.equal(pathExpression(undefined, 'perl'), '$lib');
  });
});

describe('the statement shown as "before"', () => {
  test('a Scheme line keeps only its own form, not the closers of the enclosing ones', async () => {
    const { ownStatement } = await import('../../src/recommend/index.js');
    assert.equal(ownStatement('(delete-file lib-file)))))))))', 'scheme'), '(delete-file lib-file)');
    assert.equal(ownStatement('(delete-file (string-append dir "x.so")))', 'scheme'), '(delete-file (string-append dir "x.so"))');
    assert.equal(ownStatement('unlink(PLUGIN); /* x) */', 'c'), 'unlink(PLUGIN); /* x) */');
  });
});
