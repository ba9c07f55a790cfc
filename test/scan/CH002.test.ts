import { CH002 } from '../../src/scan/rules/CH002.js';
import { ruleTester } from './rule-tester.js';

ruleTester(CH002, {
  valid: [
    { file: 'python/unique_rebuild.py', name: 'Python: a unique new path per build' },
    { file: 'python/ctypes_delete.py', name: 'Python: a delete is CH001, not a rebuild' },
    { file: 'c/dlclose-before-delete.c' },
  ],
  invalid: [
    { file: 'python/rebuild_same.py', name: 'Python: rebuild to the same path while loaded', errors: [{ line: 7, load: 8, replace: 7, spawn: 7, message: ['overwritten', 'next loop iteration'] }] },
    { file: 'c/rebuild-in-loop.c', name: 'C: rename over the loaded path', errors: [{ line: 9, load: 8, replace: 9, spawn: 10 }] },
    {
      name: 'shell: gcc -o the loaded builtin again',
      filename: 'rebuild.sh',
      code: 'enable -f ./b.so b\ngcc -shared -o ./b.so b.c\nls\n',
      errors: [{ line: 2, load: 1, replace: 2, spawn: 3 }],
    },
  ],
});
