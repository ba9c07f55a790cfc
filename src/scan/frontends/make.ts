import type { FileEvents } from '../events.js';
import { parse, type SyntaxNode } from '../treesitter.js';
import { Bindings, EventSink, colOf, lineOf } from './common.js';
import { commandEffects, splitWords } from './shellcmd.js';

/**
 * Makefiles (tree-sitter-make). GNU make forks for every recipe line (posix_spawn or vfork/fork, all fork on
 * Cygwin). make itself loads a shared object only through the `load` / `-load` directive (GNU make 4.0+), which
 * tree-sitter-make 1.1.1 does not know, so that directive is read line by line. Rules are taken in file order (make
 * runs them in dependency order; docs/scan.md lists this limit).
 */
export async function makeFrontEnd(text: string, lines: string[]): Promise<FileEvents> {
  const root = await parse('make', text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const expand = (s: string, target: string): string =>
    s.replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (_m, v: string) => b.get(undefined, v)).replace(/\$@/g, target).replace(/\$\$/g, '$');

  for (const n of root.descendantsOfType('variable_assignment')) {
    const name = n?.childForFieldName('name')?.text;
    const value = n?.childForFieldName('value')?.text ?? '';
    if (name) b.set(undefined, name, expand(value.trim(), ''));
  }
  // GNU make's built-in defaults, when the Makefile does not set them.
  for (const [v, d] of [['RM', 'rm -f'], ['CC', 'cc'], ['CXX', 'g++'], ['LD', 'ld'], ['CP', 'cp'], ['MV', 'mv']] as const) {
    if (b.get(undefined, v) === `\${${v}}`) b.set(undefined, v, d);
  }
  const recipeLines = new Set<number>();
  for (const n of root.descendantsOfType('recipe_line')) if (n) recipeLines.add(lineOf(n));

  type Item = { line: number; run: () => void };
  const items: Item[] = [];
  lines.forEach((l, i) => {
    const m = /^\s*-?load\s+(\S+)/.exec(l);
    if (m && !recipeLines.has(i + 1) && !l.startsWith('\t')) {
      items.push({ line: i + 1, run: () => sink.add('load', 'load', i + 1, l.indexOf('load') + 1, { path: expand(m[1]!, '') }) });
    }
  });
  for (const rule of root.descendantsOfType('rule')) {
    if (!rule) continue;
    const target = rule.childForFieldName('targets')?.text.split(/\s+/)[0] ?? rule.namedChildren[0]?.text.split(/\s+/)[0] ?? '';
    for (const rl of rule.descendantsOfType('recipe_line')) {
      if (!rl) continue;
      const line = lineOf(rl);
      const col = colOf(rl);
      const cmd = expand(rl.text.replace(/^[@+-]+/, ''), expand(target, ''));
      const node: SyntaxNode = rl;
      items.push({
        line,
        run: () => {
          sink.add('spawn', 'recipe line', line, col, { forks: true });
          for (const w of splitWords(cmd)) for (const e of commandEffects(w)) sink.add(e.kind, `recipe: ${e.call}`, line, col, { path: e.path });
          void node;
        },
      });
    }
  }
  items.sort((a, c) => a.line - c.line).forEach((x) => x.run());
  return sink.result();
}
