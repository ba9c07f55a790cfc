import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  combineResults,
  createPipeline
} from "./chunk-UPROW6ML.js";
import "./chunk-4HNNP3VV.js";
import "./chunk-DD7446KY.js";
import "./chunk-AMW6UCQI.js";
import "./chunk-MT5TKJOX.js";
import "./chunk-KF6F6BZT.js";
import "./chunk-GQQAAGHG.js";
import "./chunk-GHFI43B4.js";
export {
  combineResults,
  createPipeline
};
