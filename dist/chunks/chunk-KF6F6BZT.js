import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/util/version.ts
var TOOL_NAME = "cygwin-hygiene";
var TOOL_VERSION = true ? "0.1.0" : JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
var TOOL_URI = "https://github.com/cygwin-hygiene/cygwin-hygiene";
var DOCS_BASE = `${TOOL_URI}/blob/v${TOOL_VERSION.split(".")[0]}/docs/rules/`;

export {
  TOOL_NAME,
  TOOL_VERSION,
  TOOL_URI,
  DOCS_BASE
};
