import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  addReportOptions,
  emitReport,
  repeatable
} from "./chunk-SXOS4D2M.js";
import "./chunk-7KBCVPFB.js";
import "./chunk-GVUIAYUU.js";
import "./chunk-AMW6UCQI.js";
import "./chunk-F5DZH2T5.js";
import {
  failsOn
} from "./chunk-WBRHNXSN.js";
import "./chunk-MT5TKJOX.js";
import "./chunk-KF6F6BZT.js";
import "./chunk-GQQAAGHG.js";
import "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";
export {
  addReportOptions,
  emitReport,
  failsOn,
  repeatable
};
