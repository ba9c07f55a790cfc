import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  DEFAULT_STRACE_OPTIONS,
  RUN_SCRIPT,
  buildTracedCommand,
  detectHost,
  formatCommandLine,
  parseStraceOptions
} from "./chunk-CRVTAG3J.js";
import "./chunk-HFQM65JI.js";
import "./chunk-GHFI43B4.js";
export {
  DEFAULT_STRACE_OPTIONS,
  RUN_SCRIPT,
  buildTracedCommand,
  detectHost,
  formatCommandLine,
  parseStraceOptions
};
