import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
const require = __chCreateRequire(import.meta.url);
const __filename = __chFileURLToPath(import.meta.url);
const __dirname = __chDirname(__filename);

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
    "@actions/tool-cache": "4.0.0",
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

// src/model/causes.ts
var CAUSE_INFO = {
  "deleted-dll": {
    title: "A DLL the parent had loaded was gone when the fork child tried to map it",
    description: "Cygwin rebuilds a fork child by loading every DLL of the parent again from its path on disk. The file had been deleted, moved, or its temp directory cleaned up while the parent still had it loaded, so the child could not map it (typically `unable to map ..., Win32 error 126`)."
  },
  "replaced-dll": {
    title: "The file at the DLL path is no longer the image the parent loaded",
    description: "The DLL was rebuilt, updated in place, or another DLL with the same basename was found first, so the child loaded something different from the parent (`Loaded different DLL with same basename`, `unable to map ..., Win32 error 126` after a rebuild, `cygheap base mismatch` after a runtime upgrade)."
  },
  "address-collision": {
    title: "The child could not place a DLL, stack or heap at the parent\u2019s address",
    description: "Something already occupies the address range in the child: a DLL that was relocated (missing rebase, ASLR), a thread stack, a heap, or an injected DLL. Rebasing the DLLs involved usually fixes it."
  },
  heap: {
    title: "The Cygwin heap or cygheap could not be recreated in the child",
    description: "cygheap/heap base mismatch or reservation failure: two Cygwin runtimes in one process tree, mandatory ASLR, or a heap range taken in the child."
  },
  resources: {
    title: "Windows ran out of a resource the fork needs",
    description: "Out of commit memory (page file), process or handle limits, job-object quotas, or desktop heap (`Win32 error 1455`, exit code 0xC0000142 under load)."
  },
  interference: {
    title: "A third party blocked or moved DLL loading or process memory access",
    description: 'Antivirus, EDR or another injected DLL ("BLODA") denied access to the child process or placed its own DLL where Cygwin needs the parent\u2019s layout (`Win32 error 5`, `child_copy ... copy failed`).'
  },
  unknown: {
    title: "A fork failure whose cause the evidence does not decide",
    description: "The log shows the failure but not enough around it. An strace log of the run (`strace -o trace.log <cmd>`) usually decides it."
  }
};

export {
  CAUSE_INFO,
  TOOL_NAME,
  TOOL_VERSION,
  DOCS_BASE
};
