import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { assetPath } from './assets.js';
import type { Language as TSLanguage, Parser as TSParser, Node as TSNode } from 'web-tree-sitter';

export type SyntaxNode = TSNode;

type WTS = typeof import('web-tree-sitter');
let mod: Promise<WTS> | undefined;
const languages = new Map<string, Promise<TSLanguage>>();
const parsers = new Map<string, TSParser>();
/** Language.load calls run one at a time: two grammars linked concurrently clash in web-tree-sitter's loader. */
let loading: Promise<unknown> = Promise.resolve();

/** web-tree-sitter, initialised once (lazily: only when a file needs a grammar). */
function runtime(): Promise<WTS> {
  mod ??= (async () => {
    // Grammar wasm compiled by Liftoff only: no background TurboFan tier-up (which cost ~1 s of CPU and held up
    // process exit on 2 cores, tech-notes §1); parse speed stays the same. Process-wide, harmless for other code.
    setFlagsFromString('--liftoff-only');
    const m = await import('web-tree-sitter');
    const wasm = await readFile(assetPath('tree-sitter.wasm'));
    await m.Parser.init({ wasmBinary: wasm } as object);
    return m;
  })();
  return mod;
}

/** A parser for grammar file `tree-sitter-<grammar>.wasm`; each grammar is loaded once, on first use. */
export async function parserFor(grammar: string): Promise<TSParser> {
  const cached = parsers.get(grammar);
  if (cached) return cached;
  const m = await runtime();
  let lang = languages.get(grammar);
  if (!lang) {
    const file = assetPath(`tree-sitter-${grammar}.wasm`);
    lang = loading.then(async () => m.Language.load(await readFile(file)));
    loading = lang.catch(() => undefined);
    languages.set(grammar, lang);
  }
  const language = await lang;
  const p = parsers.get(grammar) ?? new m.Parser();
  p.setLanguage(language);
  parsers.set(grammar, p);
  return p;
}

/** Parse `text`; returns the root node (the tree stays alive as long as the caller uses nodes of it). */
export async function parse(grammar: string, text: string): Promise<SyntaxNode> {
  const p = await parserFor(grammar);
  const tree = p.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse (${grammar})`);
  return tree.rootNode;
}
