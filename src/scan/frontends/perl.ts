import type { FileEvents } from '../events.js';
import { commandEffects, splitWords } from './shellcmd.js';
import { lineFrontEnd, splitArgs, type LineApi } from './linebased.js';

/**
 * Perl, line based (no wasm grammar; tree-sitter-perl ships C sources only, tech-notes §2). Perl on Cygwin forks for
 * `system`, backticks/`qx`, piped `open` and `fork`; `exec` does not fork.
 */
const interp = (s: string, get: (v: string) => string): string => {
  const parts = s.split(/\s*\.\s*(?=(?:[^"']*["'][^"']*["'])*[^"']*$)/);
  if (parts.length > 1) return parts.map((p) => interp(p, get)).join('');
  const cat = /^(?:File::Spec->)?catfile\s*\((.*)\)$/.exec(s);
  if (cat) return splitArgs(cat[1]!).map((p) => interp(p, get)).join('/');
  let m = /^"(.*)"$/.exec(s);
  if (m) return m[1]!.replace(/\$\{?(\w+)\}?/g, (_x, v: string) => get(v));
  m = /^'(.*)'$/.exec(s);
  if (m) return m[1]!;
  m = /^\$(\w+)$/.exec(s);
  if (m) return get(m[1]!);
  return `\${${s}}`;
};

const first = (s: string): string => splitArgs(s)[0] ?? '';

function scan(code: string, line: number, api: LineApi): void {
  const at = (re: RegExp): number => (re.exec(code)?.index ?? 0) + 1;
  let m: RegExpExecArray | null;
  if ((m = /DynaLoader::dl_load_file\s*\(\s*(.*)/.exec(code))) api.add('load', 'DynaLoader::dl_load_file', line, at(/DynaLoader/), { path: api.key(first(m[1]!)) });
  if ((m = /FFI::Raw->new\s*\(\s*(.*)/.exec(code))) api.add('load', 'FFI::Raw->new', line, at(/FFI::Raw/), { path: api.key(first(m[1]!)) });
  if ((m = /FFI::Platypus->new\s*\(.*\blib\s*=>\s*(.*)/.exec(code))) api.add('load', 'FFI::Platypus->new(lib => ...)', line, at(/FFI::Platypus/), { path: api.key(first(m[1]!.replace(/^\[/, ''))) });
  if ((m = /->lib\s*\(\s*(.*)/.exec(code))) api.add('load', 'FFI::Platypus->lib', line, at(/->lib/), { path: api.key(first(m[1]!)) });
  if ((m = /\bunlink\b\s*\(?\s*(.*)/.exec(code))) for (const a of splitArgs(m[1]!)) api.add('delete', 'unlink', line, at(/\bunlink\b/), { path: api.key(a) });
  if ((m = /\b(?:rmtree|remove_tree)\b\s*\(?\s*(.*)/.exec(code))) api.add('deleteDir', 'File::Path::remove_tree', line, at(/\b(?:rmtree|remove_tree)\b/), { path: api.key(first(m[1]!)) });
  if ((m = /\b(?:copy|move|rename)\s*\(\s*(.*)/.exec(code))) {
    const a = splitArgs(m[1]!);
    if (a[1]) api.add('overwrite', /\b(copy|move|rename)\b/.exec(code)![1]!, line, at(/\b(?:copy|move|rename)\b/), { path: api.key(a[1]) });
  }
  if ((m = /\bopen\s*\(?\s*(?:my\s+)?[$\w]+\s*,\s*['"]\+?>>?['"]\s*,\s*(.*)/.exec(code))) api.add('overwrite', 'open(>)', line, at(/\bopen\b/), { path: api.key(first(m[1]!)) });
  const sys = /\bsystem\b\s*\(?\s*(.*)|`([^`]*)`|\bqx\s*[({/](.*)[)}/]|\bfork\b\s*(?:\(\s*\))?|\bopen\s*\(?.*['"](?:-\||\|-)['"]/.exec(code);
  if (sys) {
    const call = sys[0].startsWith('`') ? '`...`' : /^\w+/.exec(sys[0])?.[0] ?? 'system';
    api.add('spawn', call, line, sys.index + 1, { forks: true });
    const cmd = sys[1] !== undefined ? splitArgs(sys[1]).map((a) => api.key(a)) : sys[2] ?? sys[3];
    const words = Array.isArray(cmd) ? (cmd.length === 1 ? splitWords(cmd[0]!) : [cmd]) : cmd ? splitWords(cmd) : [];
    for (const w of words) for (const e of commandEffects(w)) api.add(e.kind, `${call}(${e.call})`, line, sys.index + 1, { path: e.path });
  } else if (/\bexec\b/.test(code)) api.add('spawn', 'exec', line, at(/\bexec\b/), { forks: false });
  for (const fm of code.matchAll(/(?:^|[;{\s])&?(\w+)\s*\(/g)) {
    if (api.fnNames.has(fm[1]!) && !/\bsub\s+\w+/.test(code)) api.add('call', fm[1]!, line, (fm.index ?? 0) + 1, { callee: fm[1]! });
  }
}

export function perlFrontEnd(lines: string[]): FileEvents {
  return lineFrontEnd(
    lines,
    {
      code: (l) => (/^\s*#/.test(l) ? '' : l.replace(/\s#[^'"]*$/, '')),
      fnOpen: /^\s*sub\s+(\w+)/,
      loopOpen: /^\s*(?:for|foreach|while|until)\b|\)\s*(?:for|foreach)\b|\bfor\s*\(/,
      deferredOpen: /^\s*END\s*\{/,
      scan,
      bind: (c, api) => {
        const m = /^\s*(?:my|our|local)?\s*\$(\w+)\s*=\s*(.*?);\s*$/.exec(c);
        if (m) api.set(m[1]!, m[2]!);
      },
    },
    interp,
  );
}
