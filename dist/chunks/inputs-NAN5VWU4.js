import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  InputsError,
  envInputName,
  inputGetter,
  parseInputs
} from "./chunk-E2GC2ECH.js";
import "./chunk-W55DXDMA.js";
import "./chunk-OTVTS35B.js";
import "./chunk-A4TG2XPR.js";
import "./chunk-F5DZH2T5.js";
import "./chunk-GHFI43B4.js";
export {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  InputsError,
  envInputName,
  inputGetter,
  parseInputs
};
