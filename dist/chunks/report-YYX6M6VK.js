import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  prefetchRenderer,
  renderReport
} from "./chunk-GVUIAYUU.js";
import "./chunk-GHFI43B4.js";
export {
  prefetchRenderer,
  renderReport
};
