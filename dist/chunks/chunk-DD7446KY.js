import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/pipeline/logs.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
async function openLogs(paths, opts) {
  const inputs = [];
  const diagnostics = [];
  let stdinUsed = false;
  for (const p of paths) {
    if (p === "-") {
      if (!opts.stdin) diagnostics.push({ level: "error", file: p, message: "standard input is not available here" });
      else if (!stdinUsed) inputs.push({ path: "-", stream: opts.stdin });
      stdinUsed = true;
      continue;
    }
    const abs = path.resolve(opts.cwd, p);
    let regular;
    try {
      const st = await stat(abs);
      regular = st.isFile();
      if (st.isDirectory()) {
        diagnostics.push({ level: "error", file: p, message: "is a directory, not a log file" });
        continue;
      }
    } catch (e) {
      const code = e.code;
      diagnostics.push({ level: "error", file: p, message: code === "ENOENT" ? "no such file" : `cannot read (${code ?? String(e)})` });
      continue;
    }
    let stream;
    inputs.push({
      path: p,
      // A pipe or device (`<(cmd)`, /dev/stdin) is read as a stream.
      ...regular ? { file: abs } : {},
      // Opened on first use only: analyzeLogs reads a regular file with readSync and never asks for it.
      get stream() {
        return stream ??= createReadStream(abs, { highWaterMark: 64 * 1024 });
      }
    });
  }
  return { inputs, diagnostics };
}

export {
  openLogs
};
