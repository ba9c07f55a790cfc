import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  ANNOTATION_LIMITS,
  MAX_ANNOTATION_MESSAGE,
  annotation,
  annotationPlace,
  escapeData,
  escapeProperty,
  newStopToken,
  renderGithub,
  safeLogLine,
  stopCommandsWrap,
  workflowCommand
} from "./chunk-EB3R6NLG.js";
import "./chunk-W22KW7SL.js";
import "./chunk-KZW6LR3C.js";
import "./chunk-KF6F6BZT.js";
import "./chunk-GQQAAGHG.js";
import "./chunk-F7VJF5RF.js";
import "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";
export {
  ANNOTATION_LIMITS,
  MAX_ANNOTATION_MESSAGE,
  annotation,
  annotationPlace,
  escapeData,
  escapeProperty,
  newStopToken,
  renderGithub,
  safeLogLine,
  stopCommandsWrap,
  workflowCommand
};
