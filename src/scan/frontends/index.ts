import type { FileEvents } from '../events.js';
import type { LanguageId } from '../languages.js';

/** Turn a file into events; each front-end (and its grammar) is loaded on first use. */
export async function frontEnd(lang: LanguageId, text: string, file = ''): Promise<FileEvents> {
  const lines = text.split('\n');
  switch (lang) {
    case 'c':
    case 'cpp':
      return (await import('./c.js')).cFrontEnd(text, lines, lang);
    case 'python':
      return (await import('./python.js')).pythonFrontEnd(text, lines);
    case 'scheme':
      return (await import('./scheme.js')).schemeFrontEnd(text, lines);
    case 'ruby':
      return (await import('./ruby.js')).rubyFrontEnd(text, lines);
    case 'shell':
      return (await import('./shell.js')).shellFrontEnd(text, lines);
    case 'lua':
      return (await import('./lua.js')).luaFrontEnd(text, lines);
    case 'make':
      return (await import('./make.js')).makeFrontEnd(text, lines);
    case 'javascript':
    case 'typescript':
      return (await import('./js.js')).jsFrontEnd(text, lines, file);
    case 'perl':
      return (await import('./perl.js')).perlFrontEnd(lines);
    case 'tcl':
      return (await import('./tcl.js')).tclFrontEnd(lines);
  }
}
