import { pathOf } from '../flow.js';
import type { Rule } from './types.js';
import { ALL_LANGUAGES, trackLoads } from './loaded.js';

/** CH001 delete-while-loaded-then-fork. Docs: docs/rules/CH001.md. */
export const CH001: Rule = {
  meta: {
    id: 'CH001',
    name: 'DeleteWhileLoadedThenFork',
    shortDescription: 'A loaded shared library is deleted, then the process forks',
    fullDescription:
      'The file of a library the process has loaded (and not unloaded) is deleted while a later fork() can still happen in the same process. On Cygwin the fork child maps every loaded DLL again from its path, so the fork fails (`unable to map ..., Win32 error 126`).',
    docs: 'docs/rules/CH001.md',
    defaultSeverity: 'error',
    languages: ALL_LANGUAGES,
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: 'deleted-dll', load, change, spawn }));
    return {
      ...handlers,
      delete: (item) => {
        const l = loaded.find(pathOf(item));
        if (l) forks.add(l, item);
      },
    };
  },
};
