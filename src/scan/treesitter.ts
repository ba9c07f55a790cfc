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

/**
 * `node.type` and `node.text` are getters that call into the wasm module on every read (`type` marshals the node
 * and asks for its symbol; `text` asks for its end index, then slices). The front-ends read them many times per
 * node, and the scan never edits a tree, so a node's type and text never change: remember them on the node.
 */
function memoizeNodeGetters(proto: object): void {
  for (const name of ['type', 'text'] as const) {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    const get = desc?.get;
    if (!get || (get as { memoized?: boolean }).memoized) continue;
    const slot = Symbol(name);
    const memo = function (this: Record<symbol, unknown>): unknown {
      const v = this[slot];
      if (v !== undefined) return v;
      return (this[slot] = get.call(this));
    };
    (memo as { memoized?: boolean }).memoized = true;
    Object.defineProperty(proto, name, { ...desc, get: memo });
  }
}

/** web-tree-sitter, initialised once (lazily: only when a file needs a grammar). */
function runtime(): Promise<WTS> {
  mod ??= (async () => {
    // Grammar wasm compiled by Liftoff only: no background TurboFan tier-up (which cost ~1 s of CPU and held up
    // process exit on 2 cores, tech-notes §1); parse speed stays the same. Process-wide, harmless for other code.
    setFlagsFromString('--liftoff-only');
    const m = await import('web-tree-sitter');
    memoizeNodeGetters(m.Node.prototype);
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
