import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { walk, type WalkOptions } from '../../src/scan/walker.js';
import { ROOT } from '../helpers/cli.js';
import { walkReference } from '../helpers/walk-reference.js';

// The walker tests .gitignore rules once per folder (relative paths computed per folder, not per entry) and uses
// synchronous calls; test/helpers/walk-reference.ts is the walker as it was before. Both must list the same files,
// in the same order, with the same diagnostics.
describe('walker: the fast walk lists exactly what the reference walk lists', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ch-walk-'));
    const w = async (rel: string, data = 'x\n'): Promise<void> => {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), data);
    };
    await mkdir(path.join(dir, '.git'));
    await w('.gitignore', '*.log\nbuild/\n/top-only.c\n!important.log\ndocs/**/*.gen.py\n');
    await w('top-only.c');
    await w('src/top-only.c');
    await w('src/a.c');
    await w('src/debug.log');
    await w('src/important.log');
    await w('build/out.c');
    await w('src/build/out.c');
    await w('docs/x/y/z.gen.py');
    await w('docs/x/y/z.py');
    // Nested .gitignore with a negation of a pattern from the same file, and one trying to re-include a file its
    // parent folder's .gitignore ignores (negations work within one file: docs/scan.md).
    await w('src/sub/.gitignore', '*.py\n!keep.py\n*.log\n');
    await w('src/sub/drop.py');
    await w('src/sub/keep.py');
    await w('src/sub/deeper/drop.py');
    await w('src/sub/deeper/keep.py');
    await w('src/sub/deeper/.gitignore', '!drop.py\n');
    // Non-ASCII names, composed and decomposed, and names git patterns treat specially.
    await w('名前/ライブラリ.c');
    await w('caf\u00e9/a.py');
    await w('cafe\u0301/b.py');
    await w('src/#hash.c');
    await w('src/ spaced .c');
    await w('src/..dots.c');
    await w('..lead/x.c');
    await w('src/back\\slash.c');
    await w('src/[brackets].c');
    await w('lib/node_modules/m/x.c');
    await w('lib/vendor/v.c');
    await w('lib/__pycache__/c.py');
    await w('lib/.gitignore/not-a-file.c');
    // Links: a loop, a second path to a folder, a link to a file, a dangling link.
    await symlink('..', path.join(dir, 'src', 'up'));
    await symlink(path.join(dir, 'src', 'sub'), path.join(dir, 'sub-again'));
    await symlink(path.join(dir, 'src', 'a.c'), path.join(dir, 'link-to-a.c'));
    await symlink(path.join(dir, 'missing.c'), path.join(dir, 'dangling.c'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: Array<[string, string[], (d: string) => WalkOptions]> = [
    ['the whole tree', ['.'], (d) => ({ root: d })],
    ['sub-folders and a file named explicitly', ['src/sub', 'src/a.c', 'src/debug.log', '名前'], (d) => ({ root: d })],
    ['a folder above the root (`scan ..`)', ['..'], (d) => ({ root: path.join(d, 'src') })],
    ['the root from a folder outside it', [''], (d) => ({ root: d })],
    ['include / exclude globs', ['.'], (d) => ({ root: d, include: ['**/*.c', '*.py'], exclude: ['src/sub/**', '名前/**'] })],
    ['config globs relative to another folder', ['.'], (d) => ({ root: path.join(d, 'src'), configDir: d, configInclude: ['src/**'], configExclude: ['**/deeper/**'] })],
    ['a path with a missing one next to it', ['src', 'nope'], (d) => ({ root: d })],
  ];
  for (const [name, paths, opts] of cases) {
    it(name, async () => {
      const p = name === 'the root from a folder outside it' ? [dir] : paths;
      const want = await walkReference(p, opts(dir));
      const got = await walk(p, opts(dir));
      assert.deepEqual(got, want);
      assert.ok(want.files.length > 0 || p.includes('nope'));
    });
  }

  it('the reference itself honours the rules this test relies on', async () => {
    const { files } = await walkReference(['.'], { root: dir });
    const rels = files.map((f) => f.rel);
    for (const gone of ['top-only.c', 'src/debug.log', 'build/out.c', 'src/build/out.c', 'docs/x/y/z.gen.py', 'src/sub/drop.py', 'src/sub/deeper/drop.py', 'lib/node_modules/m/x.c', 'lib/vendor/v.c']) {
      assert.ok(!rels.includes(gone), `${gone} should be ignored`);
    }
    for (const kept of ['src/top-only.c', 'src/important.log', 'src/sub/keep.py', 'src/sub/deeper/keep.py', 'docs/x/y/z.py', '名前/ライブラリ.c', 'src/..dots.c', '..lead/x.c', 'src/back/slash.c']) {
      assert.ok(rels.includes(kept), `${kept} should be listed: ${rels.join(' ')}`);
    }
    assert.equal(rels.filter((r) => r.endsWith('sub/keep.py')).length, 1, 'a folder reached twice is walked once');
  });

  it('the repository itself', async () => {
    assert.deepEqual(await walk(['.'], { root: ROOT }), await walkReference(['.'], { root: ROOT }));
  });
});
