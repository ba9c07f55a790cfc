import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/config/options.ts
var FORMATS = ["text", "json", "sarif", "github", "markdown"];
var FAIL_ON = ["runtime", "static", "any", "none"];

export {
  FORMATS,
  FAIL_ON
};
