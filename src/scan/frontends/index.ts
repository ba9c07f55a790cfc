import type { FileEvents } from '../events.js';
import type { LanguageId } from '../languages.js';

/** Turn a file into events; each front-end (and its grammar) is loaded on first use. */
export async function frontEnd(lang: LanguageId, text: string): Promise<FileEvents> {
  const lines = text.split('\n');
  switch (lang) {
    case 'c':
    case 'cpp':
      return (await import('./c.js')).cFrontEnd(text, lines, lang);
    case 'python':
      return (await import('./python.js')).pythonFrontEnd(text, lines);
    case 'scheme':
      return (await import('./scheme.js')).schemeFrontEnd(text, lines);
    default:
      return { events: [], functions: [] };
  }
}
