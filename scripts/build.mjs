#!/usr/bin/env node
// Bundle the CLI and the action into dist/ with esbuild (why not ncc: docs/build.md).
// Usage: node scripts/build.mjs [--outdir DIR]
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const i = args.indexOf('--outdir');
const outdir = path.resolve(i >= 0 ? args[i + 1] : path.join(root, 'dist'));
const require = createRequire(path.join(root, 'package.json'));

/** Grammar files the scan loads at run time; copied, not bundled. Keep this list to what src/scan uses. */
export const GRAMMARS = [
  ['tree-sitter-wasms/out/tree-sitter-c.wasm', 'tree-sitter-c.wasm'],
  ['tree-sitter-wasms/out/tree-sitter-cpp.wasm', 'tree-sitter-cpp.wasm'],
  ['tree-sitter-wasms/out/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
  ['tree-sitter-wasms/out/tree-sitter-ruby.wasm', 'tree-sitter-ruby.wasm'],
  ['tree-sitter-wasms/out/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
  ['tree-sitter-wasms/out/tree-sitter-lua.wasm', 'tree-sitter-lua.wasm'],
  ['tree-sitter-make/tree-sitter-make.wasm', 'tree-sitter-make.wasm'],
];

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // scan-worker: the scan's worker threads (src/scan/pool.ts finds it next to the entries).
  entryPoints: { cli: 'src/cli.ts', action: 'src/action.ts', 'scan-worker': 'src/scan/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // Only the version from package.json goes into the bundle (src/util/version.ts), not the whole file: a change to
  // the dependency list does not change dist/.
  define: { __CYGWIN_HYGIENE_VERSION__: JSON.stringify(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version) },
  // TypeScript's compiler (lazy chunk) and a few CommonJS dependencies expect these CommonJS globals.
  banner: {
    js: [
      "import { createRequire as __chCreateRequire } from 'node:module';",
      "import { fileURLToPath as __chFileURLToPath } from 'node:url';",
      "import { dirname as __chDirname } from 'node:path';",
      'var require = __chCreateRequire(import.meta.url);',
      'var __filename = __chFileURLToPath(import.meta.url);',
      'var __dirname = __chDirname(__filename);',
    ].join('\n'),
  },
});

await writeFile(path.join(outdir, 'package.json'), '{\n  "type": "module"\n}\n');
const assets = path.join(outdir, 'assets');
await mkdir(assets, { recursive: true });
await cp(require.resolve('web-tree-sitter/tree-sitter.wasm'), path.join(assets, 'tree-sitter.wasm'));
for (const [from, to] of GRAMMARS) await cp(require.resolve(from), path.join(assets, to));
// predict's preload recorder is C, compiled on the user's machine on first use (src/predict/recorder.ts).
await cp('src/predict/recorder/recorder.c', path.join(assets, 'cygwin-hygiene-recorder.c'));
