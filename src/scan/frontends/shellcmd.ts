import type { EventKind } from '../events.js';

/** File effects of a literal shell command line (`rm -f x.so`, `gcc -o x.so ...`, `cp a x.so`). */
export interface CommandEffect {
  kind: Extract<EventKind, 'delete' | 'deleteDir' | 'overwrite'>;
  path: string;
  call: string;
}

const COMPILERS = /^(?:.*\/)?(?:gcc|cc|clang|g\+\+|c\+\+|ld|x86_64-\S+-gcc|chibi-ffi|cython|swig|link|cl|tcc)(?:\.exe)?$/;

/** Effects of one simple command given as words (already unquoted; variables as `${name}`). */
export function commandEffects(words: string[]): CommandEffect[] {
  const out: CommandEffect[] = [];
  if (words.length === 0) return out;
  let i = 0;
  while (i < words.length && /^\w+=/.test(words[i]!)) i++; // VAR=value prefixes
  const cmd = words[i];
  if (!cmd) return out;
  const args = words.slice(i + 1);
  const base = cmd.replace(/^.*\//, '');
  if (base === 'rm' || base === 'del' || base === 'unlink') {
    const recursive = args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) || a === '--recursive');
    for (const a of args) if (!a.startsWith('-')) out.push({ kind: recursive ? 'deleteDir' : 'delete', path: a, call: `${base}${recursive ? ' -r' : ''}` });
    if (recursive) for (const a of args) if (!a.startsWith('-')) out.push({ kind: 'delete', path: a, call: `${base} -r` });
  } else if (COMPILERS.test(base)) {
    const o = args.findIndex((a) => a === '-o' || a === '/Fe' || a === '-out');
    if (o >= 0 && args[o + 1]) out.push({ kind: 'overwrite', path: args[o + 1]!, call: `${base} -o` });
    else {
      const glued = args.find((a) => /^-o\S/.test(a));
      if (glued) out.push({ kind: 'overwrite', path: glued.slice(2), call: `${base} -o` });
    }
  } else if (base === 'cp' || base === 'mv' || base === 'install' || base === 'ln') {
    const files = args.filter((a) => !a.startsWith('-'));
    if (files.length >= 2) out.push({ kind: 'overwrite', path: files[files.length - 1]!, call: base });
  }
  return out;
}

/** Split a literal command string the way sh would for simple cases (quotes, no expansions). */
export function splitWords(cmd: string): string[][] {
  const commands: string[][] = [];
  let cur: string[] = [];
  let word = '';
  let inWord = false;
  let q: string | null = null;
  const flush = (): void => {
    if (inWord) cur.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (q) {
      if (c === q) q = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      inWord = true;
    } else if (c === ';' || c === '&' || c === '|' || c === '\n') {
      flush();
      if (cur.length) commands.push(cur);
      cur = [];
    } else if (/\s/.test(c)) flush();
    else {
      word += c;
      inWord = true;
    }
  }
  flush();
  if (cur.length) commands.push(cur);
  return commands;
}
