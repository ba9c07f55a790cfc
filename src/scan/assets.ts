import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where each wasm file lives in node_modules (from source) — the bundle copies them to dist/assets/<name>. */
const SOURCES: Record<string, string> = {
  'tree-sitter.wasm': 'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-make.wasm': 'tree-sitter-make/tree-sitter-make.wasm',
};

let assetsDir: string | null | undefined;

/** Walk up from this module (dist/cli.js or dist/chunks/x.js) to the first folder with an `assets/` child. */
function findAssetsDir(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const a = path.join(dir, 'assets');
    if (existsSync(path.join(a, 'tree-sitter.wasm'))) return a;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/**
 * Absolute path of a wasm asset (`tree-sitter.wasm`, `tree-sitter-c.wasm`, ...): `dist/assets/` when running from
 * the bundle, else the file in node_modules (running from source). Throws with the expected path when missing.
 */
export function assetPath(name: string): string {
  if (assetsDir === undefined) assetsDir = findAssetsDir();
  if (assetsDir) {
    const p = path.join(assetsDir, name);
    if (existsSync(p)) return p;
  }
  const spec = SOURCES[name] ?? `tree-sitter-wasms/out/${name}`;
  try {
    return createRequire(import.meta.url).resolve(spec);
  } catch {
    throw new Error(`grammar file ${name} not found (looked in ${assetsDir ?? 'no assets/ folder'} and node_modules/${spec})`);
  }
}
