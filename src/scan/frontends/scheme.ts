import type { FileEvents } from '../events.js';
import { Bindings, EventSink, UNIQUE_SOURCES } from './common.js';
import { commandEffects } from './shellcmd.js';

/**
 * Scheme / Lisp: no wasm grammar exists (tech-notes §2), so a tiny s-expression reader. Assumption, stated in
 * docs/rules/CH001.md: chibi-scheme's `system`, `process->string`, `call-with-process-io` and `fork` fork (chibi's
 * (chibi process) implements them with fork + exec); Guile `system*`/`open-pipe` and Racket `system` likewise.
 */
export interface SNode {
  kind: 'list' | 'atom' | 'string';
  value: string;
  items: SNode[];
  line: number;
  column: number;
  /** Offset range in the text. */
  start: number;
  end: number;
}

/** Read every datum of `text`. Unbalanced input ends at EOF without throwing (a finding is still possible). */
export function readSexprs(text: string): SNode[] {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const adv = (): void => {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
    i++;
  };
  const skip = (): void => {
    for (;;) {
      while (i < n && /\s/.test(text[i]!)) adv();
      if (text[i] === ';') while (i < n && text[i] !== '\n') adv();
      else if (text[i] === '#' && text[i + 1] === '|') {
        let depth = 0;
        while (i < n) {
          if (text[i] === '#' && text[i + 1] === '|') {
            depth++;
            adv();
          }
          else if (text[i] === '|' && text[i + 1] === '#') {
            adv();
            if (--depth === 0) {
              adv();
              break;
            }
          }
          adv();
        }
      } else if (text[i] === '#' && text[i + 1] === ';') {
        adv();
        adv();
        read();
      } else return;
    }
  };
  const read = (): SNode | null => {
    skip();
    if (i >= n) return null;
    const [l, c, s] = [line, i - lineStart + 1, i];
    const ch = text[i]!;
    if (ch === '(' || ch === '[') {
      adv();
      const items: SNode[] = [];
      for (;;) {
        skip();
        if (i >= n) break;
        if (text[i] === ')' || text[i] === ']') {
          adv();
          break;
        }
        const x = read();
        if (x) items.push(x);
      }
      return { kind: 'list', value: '', items, line: l, column: c, start: s, end: i };
    }
    if (ch === ')' || ch === ']') {
      adv();
      return read();
    }
    if (ch === "'" || ch === '`' || ch === ',') {
      adv();
      if (text[i] === '@') adv();
      const x = read();
      return x ? { kind: 'list', value: '', items: [{ kind: 'atom', value: 'quote', items: [], line: l, column: c, start: s, end: s + 1 }, x], line: l, column: c, start: s, end: i } : null;
    }
    if (ch === '"') {
      adv();
      let v = '';
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\') {
          adv();
          v += text[i] === 'n' ? '\n' : text[i] ?? '';
        } else v += text[i];
        adv();
      }
      adv();
      return { kind: 'string', value: v, items: [], line: l, column: c, start: s, end: i };
    }
    let v = '';
    while (i < n && !/[\s()[\]";]/.test(text[i]!)) {
      v += text[i];
      adv();
    }
    return { kind: 'atom', value: v, items: [], line: l, column: c, start: s, end: i };
  };
  const out: SNode[] = [];
  while (i < n) {
    const x = read();
    if (x) out.push(x);
  }
  return out;
}

const LOADS = /^(?:load|load-extension|load-shared-object|load-shared-library|dynamic-link|load-foreign-library|ffi-lib|cffi:load-foreign-library|load-library|require-extension|dlopen)$/;
const DELETES = /^(?:delete-file|remove-file|file-delete|delete-file-if-exists|unlink|sys-unlink|uiop:delete-file-if-exists)$/;
const DELETE_DIRS = /^(?:delete-directory|delete-directory\/files|delete-file-hierarchy|remove-directory\*|uiop:delete-directory-tree|sys-remove-directory\*)$/;
const SPAWNS = /^(?:system|system\*|process->string|process->string-list|process->output+status|call-with-process-io|fork|execute|run-process|open-pipe\*?|open-input-pipe|open-output-pipe|subprocess|process\*?|run-program|uiop:run-program|sys-system|sys-fork|run)$/;
const LOOPS = /^(?:do|for-each|map|vector-for-each|string-for-each|dotimes|dolist|loop|for|for\/list|while|until|repeat|let-loop)$/;

const head = (x: SNode): string | undefined => (x.kind === 'list' && x.items[0]?.kind === 'atom' ? x.items[0].value : undefined);

export function schemeFrontEnd(text: string, lines: string[]): FileEvents {
  const forms = readSexprs(text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const macros = new Set<string>();

  const key = (x: SNode | undefined): string => {
    if (!x) return '';
    if (x.kind === 'string') return x.value;
    if (x.kind === 'atom') return b.get(sink.fn, x.value);
    const h = head(x);
    if (h === 'string-append' || h === 'string-concatenate' || h === 'concatenate') return x.items.slice(1).map(key).join('');
    if (h === 'make-path' || h === 'path-join' || h === 'build-path' || h === 'merge-pathnames') return x.items.slice(1).map(key).join('/');
    return `\${${text.slice(x.start, x.end).replace(/\s+/g, ' ')}}`;
  };

  // Pass 1: names of functions and macros, so their uses become calls.
  for (const f of forms) {
    const h = head(f);
    if ((h === 'define-syntax' || h === 'define-macro' || h === 'defmacro' || h === 'define-syntax-rule') && f.items[1]) {
      const t = f.items[1];
      macros.add(t.kind === 'list' ? t.items[0]?.value ?? '' : t.value);
    }
  }

  const words = (x: SNode): string[] => x.items.slice(1).map((a) => (a.kind === 'list' ? '' : key(a)));

  const walk = (x: SNode): void => {
    if (x.kind !== 'list') return;
    const h = head(x);
    const it = x.items;
    if (!h) {
      it.forEach(walk);
      return;
    }
    if (h === 'quote') return;
    if ((h === 'define' || h === 'defun' || h === 'define*') && it[1]) {
      const name = it[1].kind === 'list' ? it[1].items[0]?.value : h === 'defun' ? it[1].value : undefined;
      if (name) {
        if (it[1].kind === 'list') {
          sink.params[name] = it[1].items.slice(1).map((p) => (p.kind === 'atom' ? p.value : ''));
          for (const p of sink.params[name]!) if (p) b.param(name, p);
        }
        sink.inFunction(name, () => it.slice(2).forEach(walk));
        return;
      }
      if (it[1].kind === 'atom' && it[2]) {
        b.set(sink.fn, it[1].value, key(it[2]), UNIQUE_SOURCES.test(text.slice(it[2].start, it[2].end)));
        const lam = head(it[2]);
        if (lam === 'lambda') return sink.inFunction(it[1].value, () => it[2]!.items.slice(2).forEach(walk));
      }
      it.slice(2).forEach(walk);
      return;
    }
    if (h === 'define-syntax' || h === 'define-macro' || h === 'defmacro' || h === 'define-syntax-rule') {
      const name = it[1]?.kind === 'list' ? it[1].items[0]?.value ?? '' : it[1]?.value ?? '';
      // syntax-rules: the first clause's pattern names the parameters, (name p1 p2 ...)
      const rules = it.find((x) => head(x) === 'syntax-rules' || head(x) === 'er-macro-transformer');
      const pattern = rules?.items.slice(2).find((x) => x.kind === 'list')?.items[0];
      const ps = it[1]?.kind === 'list' ? it[1].items.slice(1) : pattern?.kind === 'list' ? pattern.items.slice(1) : [];
      sink.params[name] = ps.map((p) => (p.kind === 'atom' ? p.value : ''));
      for (const p of sink.params[name]!) if (p) b.param(name, p);
      sink.inFunction(name, () => it.slice(2).forEach(walk));
      return;
    }
    if (h === 'let' || h === 'let*' || h === 'letrec' || h === 'letrec*' || h === 'let-values' || h === 'receive' || h === 'fluid-let') {
      const rest = it.slice(1);
      let named: string | undefined;
      if (rest[0]?.kind === 'atom') named = rest.shift()!.value;
      const binds = rest.shift();
      for (const bd of binds?.items ?? []) {
        if (bd.kind === 'list' && bd.items[0]?.kind === 'atom') {
          if (bd.items[1]) walk(bd.items[1]);
          b.set(sink.fn, bd.items[0].value, key(bd.items[1]), bd.items[1] ? UNIQUE_SOURCES.test(text.slice(bd.items[1].start, bd.items[1].end)) : false);
        }
      }
      if (named) sink.inLoop(() => rest.forEach(walk));
      else rest.forEach(walk);
      return;
    }
    if (h === 'dynamic-wind' || h === 'unwind-protect' || h === 'guard' || h === 'with-exception-handler') {
      it.slice(1).forEach(walk);
      return;
    }
    if (LOOPS.test(h)) {
      sink.inLoop(() => it.slice(1).forEach(walk));
      return;
    }
    it.slice(1).forEach(walk); // arguments before the call
    const [line, col] = [x.line, x.column];
    if (LOADS.test(h) && it[1]) sink.add('load', h, line, col, { path: key(it[1]) });
    else if (DELETES.test(h) && it[1]) sink.add('delete', h, line, col, { path: key(it[1]) });
    else if (DELETE_DIRS.test(h) && it[1]) sink.add('deleteDir', h, line, col, { path: key(it[1]) });
    else if ((h === 'rename-file' || h === 'copy-file' || h === 'file-rename' || h === 'file-copy') && it[2]) sink.add('overwrite', h, line, col, { path: key(it[2]) });
    else if (SPAWNS.test(h)) {
      sink.add('spawn', h, line, col, { forks: true });
      for (const e of commandEffects(words(x))) sink.add(e.kind, `${h} ${e.call}`, line, col, { path: e.path });
    } else if (macros.has(h) || /^[^\s()]+$/.test(h)) sink.add('call', h, line, col, { callee: h, args: it.slice(1).map((a) => (a.kind === 'list' ? '' : key(a))) });
  };
  forms.forEach(walk);
  return sink.result();
}
