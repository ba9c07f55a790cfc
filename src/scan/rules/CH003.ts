import { isUnder } from '../events.js';
import { pathOf } from '../flow.js';
import type { Rule } from './types.js';
import { ALL_LANGUAGES, trackLoads } from './loaded.js';

/** CH003 temp-dir-removed-while-loaded. Docs: docs/rules/CH003.md. */
export const CH003: Rule = {
  meta: {
    id: 'CH003',
    name: 'TempDirRemovedWhileLoaded',
    shortDescription: 'The directory holding a loaded shared library is removed, then the process forks',
    fullDescription:
      'A directory tree that contains a loaded library (a temporary build directory, `TemporaryDirectory()`, `rm -rf dir`) is removed while the process can still fork. The fork child cannot map the library from the vanished directory.',
    docs: 'docs/rules/CH003.md',
    defaultSeverity: 'error',
    languages: ALL_LANGUAGES,
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: 'deleted-dll', load, change, spawn }));
    return {
      ...handlers,
      deleteDir: (item) => {
        for (const l of loaded.all()) if (isUnder(pathOf(l), pathOf(item))) forks.add(l, item);
      },
    };
  },
};
