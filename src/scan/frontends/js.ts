import type * as TS from 'typescript';
import type { FileEvents } from '../events.js';
import { Bindings, EventSink, UNIQUE_SOURCES } from './common.js';
import { commandEffects, splitWords } from './shellcmd.js';

/**
 * JavaScript / TypeScript through the TypeScript compiler API (`ts.createSourceFile`, loaded lazily; no type
 * checker, no ts-morph: docs/scan.md). child_process.* forks only when Node itself is a Cygwin program (libuv's
 * uv_spawn uses fork on POSIX); a native Windows node.exe uses CreateProcess, so JS findings are warnings.
 */
let tsMod: Promise<typeof TS> | undefined;
const loadTs = (): Promise<typeof TS> => (tsMod ??= import('typescript').then((m) => ((m as unknown as { default?: typeof TS }).default ?? (m as unknown as typeof TS))));

const SPAWN = /^(?:(?:child_process|cp|childProcess)\.)?(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork)$/;

export async function jsFrontEnd(text: string, lines: string[], file: string): Promise<FileEvents> {
  const ts = await loadTs();
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.(?:m|c)?ts$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const sink = new EventSink(lines);
  const b = new Bindings();
  sink.uniqueKeys = b.uniqueKeys;
  const pos = (n: TS.Node): [number, number] => {
    const p = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    return [p.line + 1, p.character + 1];
  };

  const key = (n: TS.Node | undefined): string => {
    if (!n) return '';
    if (ts.isStringLiteralLike(n)) return n.text;
    if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => key(s.expression) + s.literal.text).join('');
    if (ts.isIdentifier(n)) return b.get(sink.fn, n.text);
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n)) return key(n.expression);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) return key(n.left) + key(n.right);
    if (ts.isCallExpression(n)) {
      const c = n.expression.getText(sf);
      if (/^(?:path\.)?(?:join|resolve|posix\.join)$/.test(c)) return n.arguments.map(key).join('/');
      if (/(?:require\.resolve|fileURLToPath|String)$/.test(c) && n.arguments.length === 1) return key(n.arguments[0]);
    }
    return `\${${n.getText(sf)}}`;
  };

  const fnName = (n: TS.Node): string | undefined => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText(sf);
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) return n.parent.name.text;
    return undefined;
  };

  const bind = (n: TS.Node, scope: string | undefined): void => {
    const name = fnName(n);
    if (name) {
      scope = name;
      if (ts.isFunctionLike(n)) {
        const ps = n.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
        ps.forEach((p) => p && b.param(name, p));
        sink.params[name] = ps;
      }
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && !ts.isArrowFunction(n.initializer) && !ts.isFunctionExpression(n.initializer)) {
      const old = sink.fn;
      sink.fn = scope;
      b.set(scope, n.name.text, key(n.initializer), UNIQUE_SOURCES.test(n.initializer.getText(sf)) || /mkdtemp/.test(n.initializer.getText(sf)));
      sink.fn = old;
    }
    ts.forEachChild(n, (c) => bind(c, scope));
  };
  bind(sf, undefined);

  const each = (n: TS.Node): void => ts.forEachChild(n, walk);
  const walk = (n: TS.Node): void => {
    const name = fnName(n);
    if (name) {
      sink.inFunction(name, () => each(n));
      return;
    }
    if (ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n)) {
      sink.inLoop(() => each(n));
      return;
    }
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const callee = n.expression.getText(sf);
      const last = callee.replace(/^.*\./, '');
      if (/^(?:after|afterAll)$/.test(callee) || callee === "process.on" && n.arguments?.[0] && key(n.arguments[0]) === 'exit') {
        sink.inDeferred(() => each(n));
        return;
      }
      if (/^(?:forEach|map)$/.test(last) && ts.isPropertyAccessExpression(n.expression)) {
        walk(n.expression);
        sink.inLoop(() => n.arguments?.forEach(walk));
        return;
      }
      each(n);
      const a = [...(n.arguments ?? [])];
      const [line, col] = pos(n);
      if (callee === 'process.dlopen') sink.add('load', callee, line, col, { path: key(a[1]) });
      else if ((callee === 'require' || callee === 'createRequire') && a[0] && /\.node$/.test(key(a[0]))) sink.add('load', callee, line, col, { path: key(a[0]) });
      else if (/^(?:koffi\.load|ffi\.Library|ffi\.DynamicLibrary|Library|DynamicLibrary|dlopen)$/.test(callee)) sink.add('load', callee, line, col, { path: key(a[0]) });
      else if (/^(?:fs\.|fsp\.|fs\.promises\.|promises\.)?(?:unlink|unlinkSync)$/.test(callee)) sink.add('delete', callee, line, col, { path: key(a[0]) });
      else if (/^(?:fs\.|fsp\.|fs\.promises\.)?(?:rm|rmSync|rmdir|rmdirSync)$/.test(callee)) {
        sink.add('delete', callee, line, col, { path: key(a[0]) });
        if (a[1] && /recursive\s*:\s*true/.test(a[1].getText(sf))) sink.add('deleteDir', callee, line, col, { path: key(a[0]) });
      } else if (/^(?:fs\.|fsp\.|fs\.promises\.)?(?:copyFile|copyFileSync|rename|renameSync|cp|cpSync)$/.test(callee)) sink.add('overwrite', callee, line, col, { path: key(a[1]) });
      else if (/^(?:fs\.|fsp\.|fs\.promises\.)?(?:writeFile|writeFileSync)$/.test(callee)) sink.add('overwrite', callee, line, col, { path: key(a[0]) });
      else if (SPAWN.test(callee)) {
        sink.add('spawn', callee, line, col, { forks: true });
        const words = a[1] && ts.isArrayLiteralExpression(a[1]) ? [[key(a[0]), ...a[1].elements.map(key)]] : splitWords(key(a[0]));
        for (const w of words) for (const e of commandEffects(w)) sink.add(e.kind, `${callee}(${e.call})`, line, col, { path: e.path });
      } else if (ts.isIdentifier(n.expression)) sink.add('call', callee, line, col, { callee, args: a.map((x) => key(x)) });
      return;
    }
    each(n);
  };
  walk(sf);
  return sink.result();
}
