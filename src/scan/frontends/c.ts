import type { FileEvents } from '../events.js';
import { parse, type SyntaxNode } from '../treesitter.js';
import { Bindings, EventSink, UNIQUE_SOURCES, colOf, lineOf } from './common.js';
import { commandEffects, splitWords } from './shellcmd.js';

/**
 * C and C++ (tree-sitter-c / tree-sitter-cpp). fork/vfork/_Fork/posix_spawn* fork on Cygwin; system(), popen(),
 * exec*() and spawn*() do not (cygwin-fork.md §3), so they are spawns with forks=false.
 */
const LOADS = /^(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?|lt_dlopen(?:ext)?|g_module_open|uv_dlopen)$/;
const UNLOADS = /^(?:dlclose|FreeLibrary|lt_dlclose|g_module_close|uv_dlclose)$/;
const DELETES: Record<string, number> = { unlink: 0, remove: 0, _unlink: 0, DeleteFile: 0, DeleteFileA: 0, DeleteFileW: 0, unlinkat: 1 };
const OVERWRITES: Record<string, number> = { rename: 1, CopyFile: 1, CopyFileA: 1, CopyFileW: 1, MoveFileEx: 1, MoveFileExA: 1, MoveFileExW: 1, renameat: 3, link: 1, symlink: 1 };
const FORKS = /^(?:fork|vfork|_Fork|posix_spawnp?)$/;
const NO_FORK = /^(?:system|popen|_popen|exec[lv]p?e?|execvpe|spawn[lv]p?e?|_spawn\w+|CreateProcess[AW]?|ShellExecute\w*)$/;

function declName(n: SyntaxNode | null): string | undefined {
  while (n) {
    if (n.type === 'identifier' || n.type === 'field_identifier') return n.text;
    if (n.type === 'qualified_identifier' || n.type === 'destructor_name') return n.text;
    n = n.childForFieldName('declarator') ?? n.namedChildren.find((c) => c?.type === 'identifier') ?? null;
  }
  return undefined;
}

function literal(n: SyntaxNode): string | undefined {
  if (n.type === 'string_literal' || n.type === 'raw_string_literal') {
    return n.namedChildren.map((c) => (c?.type === 'escape_sequence' ? c.text.replace(/\\\\/g, '/') : c?.text ?? '')).join('');
  }
  if (n.type === 'concatenated_string') return n.namedChildren.map((c) => (c ? literal(c) ?? `\${${c.text}}` : '')).join('');
  return undefined;
}

export async function cFrontEnd(text: string, lines: string[], grammar: 'c' | 'cpp'): Promise<FileEvents> {
  const root = await parse(grammar, text);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const handles = new Map<string, string>();
  const atexit = new Set<string>();

  const key = (n: SyntaxNode | null | undefined, scope: string | undefined): string => {
    if (!n) return '';
    const lit = literal(n);
    if (lit !== undefined) return lit;
    if (n.type === 'identifier') return b.get(scope, n.text);
    if (n.type === 'parenthesized_expression' || n.type === 'cast_expression') return key(n.namedChildren[n.namedChildren.length - 1], scope);
    return `\${${n.text}}`;
  };
  const fmt = (args: SyntaxNode[], scope: string | undefined): string | undefined => {
    const f = args[0] ? literal(args[0]) : undefined;
    if (f === undefined) return undefined;
    let k = 1;
    return f.replace(/%[-0-9.]*[a-z]+/g, () => key(args[k++], scope));
  };

  // Pass 1: bindings (name = expr), atexit handlers, dlopen handles.
  const bind = (n: SyntaxNode, scope: string | undefined): void => {
    if (n.type === 'function_definition') {
      scope = declName(n.childForFieldName('declarator'));
      const params = n.descendantsOfType('parameter_list')[0]?.namedChildren ?? [];
      if (scope) {
        const names = params.map((p) => (p?.type === 'parameter_declaration' ? declName(p.childForFieldName('declarator')) ?? '' : ''));
        names.forEach((p) => p && b.param(scope!, p));
        sink.params[scope] = names;
      }
    }
    let name: string | undefined;
    let value: SyntaxNode | null = null;
    if (n.type === 'init_declarator') [name, value] = [declName(n.childForFieldName('declarator')), n.childForFieldName('value')];
    else if (n.type === 'assignment_expression' && n.childForFieldName('left')?.type === 'identifier')
      [name, value] = [n.childForFieldName('left')!.text, n.childForFieldName('right')];
    else if (n.type === 'assignment_expression') {
      // s->h = dlopen(p): remember the handle expression for a later dlclose(s->h).
      const r = n.childForFieldName('right');
      if (r?.type === 'call_expression' && LOADS.test(r.childForFieldName('function')?.text ?? ''))
        handles.set(n.childForFieldName('left')!.text, key(r.childForFieldName('arguments')?.namedChildren[0], scope));
    }
    else if (n.type === 'preproc_def') {
      const v = n.childForFieldName('value')?.text.trim();
      const m = v ? /^"(.*)"$/.exec(v) : null;
      if (n.childForFieldName('name') && v) b.set(undefined, n.childForFieldName('name')!.text, m ? m[1]! : `\${${v}}`);
    } else if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function')?.text ?? '';
      const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((x): x is SyntaxNode => !!x);
      if (fn === 'atexit' && args[0]) atexit.add(args[0].text.replace(/^&/, ''));
      if ((fn === 'snprintf' || fn === 'sprintf' || fn === 'strcpy' || fn === 'strncpy') && args[0]?.type === 'identifier') {
        const rest = fn === 'snprintf' || fn === 'strncpy' ? args.slice(fn === 'snprintf' ? 2 : 1) : args.slice(1);
        const k = fn.endsWith('printf') ? fmt(rest, scope) : key(rest[0], scope);
        if (k !== undefined) b.set(scope, args[0].text, k, UNIQUE_SOURCES.test(n.text));
      }
    }
    if (name && value) {
      if (value.type === 'call_expression' && LOADS.test(value.childForFieldName('function')?.text ?? '')) {
        handles.set(name, key(value.childForFieldName('arguments')?.namedChildren[0], scope));
      } else b.set(scope, name, key(value, scope), UNIQUE_SOURCES.test(value.text));
    }
    for (const c of n.namedChildren) if (c) bind(c, scope);
  };
  bind(root, undefined);

  const walk = (n: SyntaxNode): void => {
    switch (n.type) {
      case 'function_definition': {
        const name = declName(n.childForFieldName('declarator')) ?? '(anonymous)';
        const body = (): void => sink.inFunction(name, () => n.namedChildren.forEach((c) => c && walk(c)));
        if (atexit.has(name)) sink.inDeferred(body);
        else body();
        return;
      }
      case 'for_statement':
      case 'while_statement':
      case 'do_statement':
      case 'for_range_loop':
        sink.inLoop(() => n.namedChildren.forEach((c) => c && walk(c)));
        return;
      case 'call_expression': {
        n.namedChildren.forEach((c) => c && walk(c)); // arguments first: f(g()) runs g before f
        call(n);
        return;
      }
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };

  const call = (n: SyntaxNode): void => {
    const callee = n.childForFieldName('function')?.text ?? '';
    const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((x): x is SyntaxNode => !!x);
    const [line, col] = [lineOf(n), colOf(n)];
    const sc = sink.fn;
    if (LOADS.test(callee)) sink.add('load', callee, line, col, { path: key(args[0], sc) });
    else if (UNLOADS.test(callee)) {
      const h = args[0]?.text ?? '';
      sink.add('unload', callee, line, col, { path: handles.get(h) ?? `\${${h}}` });
    } else if (callee in DELETES) sink.add('delete', callee, line, col, { path: key(args[DELETES[callee]!], sc) });
    else if (callee in OVERWRITES) sink.add('overwrite', callee, line, col, { path: key(args[OVERWRITES[callee]!], sc) });
    else if ((callee === 'fopen' || callee === '_wfopen') && /w/.test(args[1] ? literal(args[1]) ?? '' : ''))
      sink.add('overwrite', callee, line, col, { path: key(args[0], sc) });
    else if (callee === 'open' && /O_TRUNC|O_CREAT/.test(args[1]?.text ?? '')) sink.add('overwrite', callee, line, col, { path: key(args[0], sc) });
    else if (FORKS.test(callee)) sink.add('spawn', callee, line, col, { forks: true });
    else if (NO_FORK.test(callee)) {
      sink.add('spawn', callee, line, col, { forks: false });
      const cmd = callee === 'system' || callee === 'popen' ? (args[0] ? literal(args[0]) : undefined) : undefined;
      if (cmd) for (const words of splitWords(cmd)) for (const e of commandEffects(words)) sink.add(e.kind, `${callee}("${e.call}")`, line, col, { path: e.path });
    } else if (callee && /^[A-Za-z_]\w*$/.test(callee)) sink.add('call', callee, line, col, { callee, args: args.map((a) => key(a, sc)) });
  };

  walk(root);
  return sink.result();
}
