import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  external_exports
} from "./chunk-SNCGIOIY.js";
import {
  FAIL_ON,
  FORMATS
} from "./chunk-F5DZH2T5.js";
import {
  SEVERITIES
} from "./chunk-GQQAAGHG.js";
import "./chunk-GHFI43B4.js";

// src/config/schema.ts
var configSchema = external_exports.strictObject({
  $schema: external_exports.string().optional(),
  /** Globs (relative to the config file's folder) of the files the static scan reads. */
  include: external_exports.array(external_exports.string().min(1)).optional(),
  /** Globs excluded from the static scan, on top of .gitignore. */
  exclude: external_exports.array(external_exports.string().min(1)).optional(),
  /** The Cygwin release recommendations are written for when no log says it, e.g. "3.5.4". */
  cygwinVersion: external_exports.string().regex(/^\d+\.\d+(\.\d+)?$/, "must look like 3.5.4").optional(),
  /** Default report format. */
  format: external_exports.enum(FORMATS).optional(),
  /** Which kinds of finding make the exit code 1. */
  failOn: external_exports.enum(FAIL_ON).optional(),
  /** Per-rule severity or `off`, keyed by rule id (CH001, runtime/deleted-dll, ...). */
  rules: external_exports.record(external_exports.string(), external_exports.enum([...SEVERITIES, "off"])).optional(),
  /** Globs (relative to the config file's folder) of saved console/strace logs that `check` analyses. */
  logs: external_exports.array(external_exports.string().min(1)).optional(),
  /** A baseline file of accepted static findings (see `scan --write-baseline`). */
  baseline: external_exports.string().min(1).optional()
});
export {
  configSchema
};
