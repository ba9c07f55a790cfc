import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  analyzePrepared,
  isPrepared,
  prepareFile
} from "./chunks/chunk-TPABXUSD.js";
import "./chunks/chunk-KSXVKZTT.js";
import "./chunks/chunk-AICJTZXL.js";
import "./chunks/chunk-GHFI43B4.js";

// src/scan/worker.ts
import { parentPort, workerData } from "node:worker_threads";
async function run(setup) {
  const handBack = new Set(setup.handBack);
  const { tasks, next, batch } = setup;
  for (; ; ) {
    const start = Atomics.add(next, 0, batch);
    if (start >= tasks.length) break;
    const items = [];
    for (let i = start; i < Math.min(start + batch, tasks.length); i++) {
      const p = prepareFile(tasks[i], setup);
      items.push(isPrepared(p) && !handBack.has(p.lang) ? await analyzePrepared(p, setup) : p);
    }
    parentPort.postMessage({ start, items });
  }
  parentPort.postMessage({ done: true });
}
if (parentPort) void run(workerData);
