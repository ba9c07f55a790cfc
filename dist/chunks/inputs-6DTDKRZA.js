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
} from "./chunk-3TQFD25Q.js";
import "./chunk-W55DXDMA.js";
import "./chunk-CRVTAG3J.js";
import "./chunk-HFQM65JI.js";
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
