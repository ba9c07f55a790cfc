import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/util/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var InputError = class extends Error {
  name = "InputError";
};
var EXIT_CLEAN = 0;
var EXIT_FINDINGS = 1;
var EXIT_ERROR = 2;

export {
  UsageError,
  InputError,
  EXIT_CLEAN,
  EXIT_FINDINGS,
  EXIT_ERROR
};
