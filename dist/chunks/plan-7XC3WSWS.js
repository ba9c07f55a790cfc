import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  AUTO_SCAN_DIRS,
  planAction,
  resolveScanPaths
} from "./chunk-IJYSLIIL.js";
import "./chunk-W55DXDMA.js";
import "./chunk-OTVTS35B.js";
import "./chunk-A4TG2XPR.js";
import "./chunk-GHFI43B4.js";
export {
  AUTO_SCAN_DIRS,
  planAction,
  resolveScanPaths
};
