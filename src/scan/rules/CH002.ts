import { pathOf } from '../flow.js';
import type { Rule } from './types.js';
import { ALL_LANGUAGES, trackLoads } from './loaded.js';

/** CH002 rebuild-to-same-path-while-loaded. Docs: docs/rules/CH002.md. */
export const CH002: Rule = {
  meta: {
    id: 'CH002',
    name: 'RebuildToSamePathWhileLoaded',
    shortDescription: 'A loaded shared library is rebuilt, copied or renamed over in place, then the process forks',
    fullDescription:
      'The path of a loaded library is written again (compiler output, copy, rename, open for writing) while the process keeps the old image mapped, and a fork follows. The Cygwin fork child maps the file at that path, which is no longer the image the parent has (`Loaded different DLL with same basename`, or `unable to map` while the file is being rewritten).',
    docs: 'docs/rules/CH002.md',
    defaultSeverity: 'error',
    languages: ALL_LANGUAGES,
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: 'replaced-dll', load, change, spawn }));
    return {
      ...handlers,
      // A delete ends "same image" tracking: that is CH001's case, not a rebuild.
      delete: (item) => loaded.unload(pathOf(item)),
      overwrite: (item) => {
        if (item.event.unique) return;
        const l = loaded.find(pathOf(item));
        if (l) forks.add(l, item);
      },
    };
  },
};
