import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  addReportOptions,
  emitReport,
  failsOn
} from "./chunk-ENJAM7QL.js";
import "./chunk-NLOXBU7M.js";
import "./chunk-7KBCVPFB.js";
import "./chunk-F5DZH2T5.js";
import "./chunk-GHFI43B4.js";
export {
  addReportOptions,
  emitReport,
  failsOn
};
