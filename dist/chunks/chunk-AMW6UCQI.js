import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/util/color.ts
var wrap = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
function makeColors(enabled) {
  if (!enabled) {
    const id = (s) => s;
    return { enabled, red: id, yellow: id, cyan: id, green: id, dim: id, bold: id };
  }
  return {
    enabled,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22)
  };
}
function wantColor(opts, env, isTTY) {
  if (opts.color === false) return false;
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0") return true;
  return isTTY;
}

export {
  makeColors,
  wantColor
};
