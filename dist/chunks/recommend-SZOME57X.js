import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
const require = __chCreateRequire(import.meta.url);
const __filename = __chFileURLToPath(import.meta.url);
const __dirname = __chDirname(__filename);
import {
  CATALOG,
  docsPageFor,
  languageOf,
  pathExpression,
  recommend,
  withRecommendations
} from "./chunk-XAXPLFDT.js";
import "./chunk-KMXHPRAC.js";
export {
  CATALOG,
  docsPageFor,
  languageOf,
  pathExpression,
  recommend,
  withRecommendations
};
