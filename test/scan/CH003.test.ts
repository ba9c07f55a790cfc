import { CH003 } from '../../src/scan/rules/CH003.js';
import { ruleTester } from './rule-tester.js';

ruleTester(CH003, {
  valid: [
    { file: 'ruby/tmpdir_ok.rb', name: 'Ruby: the removed tmpdir holds no library' },
    { file: 'python/negatives.py' },
  ],
  invalid: [
    {
      file: 'python/finally_and_rmtree.py',
      name: 'Python: TemporaryDirectory block end and rmtree of the parent dir',
      errors: [
        { line: 20, load: 23, delete: 20, spawn: 25, dll: '${d@with_tempdir}/mod.so', message: ['TemporaryDirectory() block end'] },
        { line: 32, load: 31, delete: 32, spawn: 33, dll: '${build@rm_parent}/plug.so', message: ['shutil.rmtree'] },
      ],
    },
    { file: 'typescript/dlopen.ts', name: 'TS: rmSync recursive of the addon folder', errors: [{ line: 12, load: 9, delete: 12, spawn: 13 }] },
    {
      name: 'shell: rm -rf of the folder of a loaded builtin',
      filename: 'rmrf.sh',
      code: 'D=./tmp/build\nenable -f "$D/b.so" b\nrm -rf "$D"\ncat /dev/null\n',
      errors: [{ line: 3, load: 2, delete: 3, spawn: 4 }],
    },
  ],
});
