import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  CATALOG,
  docsPageFor,
  languageOf,
  ownStatement,
  pathExpression,
  recommend,
  withRecommendations
} from "./chunk-F7VJF5RF.js";
import "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";
export {
  CATALOG,
  docsPageFor,
  languageOf,
  ownStatement,
  pathExpression,
  recommend,
  withRecommendations
};
