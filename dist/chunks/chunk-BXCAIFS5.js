import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// package.json
var package_default = {
  name: "cygwin-hygiene",
  version: "0.1.0",
  description: "Find, explain and prevent Cygwin fork() failures caused by deleted or replaced DLLs: a GitHub Action and a CLI.",
  type: "module",
  license: "MIT",
  bin: {
    "cygwin-hygiene": "dist/cli/index.js"
  },
  engines: {
    node: ">=20"
  },
  files: [
    "dist",
    "action.yml",
    "docs"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    test: "node scripts/run-tests.mjs",
    typecheck: "tsc --noEmit -p tsconfig.json",
    lint: "eslint .",
    bench: "node bench/run.mjs"
  },
  dependencies: {
    "@actions/cache": "6.3.0",
    "@actions/core": "3.0.1",
    "@actions/exec": "3.0.0",
    commander: "14.0.3",
    ignore: "7.0.17",
    picomatch: "4.0.7",
    tinyglobby: "0.2.17",
    "tree-sitter-make": "1.1.1",
    "tree-sitter-wasms": "0.1.13",
    typescript: "5.9.3",
    "web-tree-sitter": "0.25.10",
    zod: "4.6.7"
  },
  devDependencies: {
    "@eslint/js": "10.0.1",
    "@microsoft/sarif-multitool": "5.7.0",
    "@types/node": "20.19.43",
    "@types/picomatch": "4.0.3",
    "@types/sarif": "2.1.7",
    esbuild: "0.28.2",
    eslint: "10.16.0",
    "fast-check": "4.11.0",
    tsx: "4.23.15",
    "typescript-eslint": "8.74.0"
  }
};

// src/util/version.ts
var TOOL_NAME = "cygwin-hygiene";
var TOOL_VERSION = package_default.version;
var TOOL_URI = "https://github.com/cygwin-hygiene/cygwin-hygiene";
var DOCS_BASE = `${TOOL_URI}/blob/v${package_default.version.split(".")[0]}/docs/rules/`;

export {
  TOOL_NAME,
  TOOL_VERSION,
  TOOL_URI,
  DOCS_BASE
};
