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
} from "./chunk-S5TJ6XDO.js";
import "./chunk-W55DXDMA.js";
import "./chunk-CRVTAG3J.js";
import "./chunk-HFQM65JI.js";
import "./chunk-GHFI43B4.js";
export {
  AUTO_SCAN_DIRS,
  planAction,
  resolveScanPaths
};
