// Worker thread entry of the scan (src/scan/pool.ts starts it; the bundle builds it as dist/scan-worker.js).
// Gets every task once, then claims batches from the counter it shares with the main thread (Atomics), reads
// and analyses each file with the functions the main thread uses, and posts each batch's outcomes back. Files of
// a language in `handBack` are only read here and handed back for the main thread to analyse
// (JavaScript/TypeScript: their front-end loads the TypeScript compiler, ~10 MB to compile in each thread).
import { parentPort, workerData } from 'node:worker_threads';
import { analyzePrepared, isPrepared, prepareFile, type FileOutcome, type FileScanOptions, type FileTask, type Prepared } from './file.js';
import type { LanguageId } from './languages.js';

export interface WorkerSetup extends FileScanOptions {
  handBack: LanguageId[];
  tasks: FileTask[];
  /** Int32Array over a SharedArrayBuffer: [0] = first task nobody has claimed yet. */
  next: Int32Array;
  batch: number;
}
export type WorkerReply =
  /** Outcomes of tasks [start, start + items.length), in order; a Prepared item is for the main thread to analyse. */
  | { start: number; items: Array<FileOutcome | Prepared> }
  /** No task left to claim. */
  | { done: true };

async function run(setup: WorkerSetup): Promise<void> {
  const handBack = new Set(setup.handBack);
  const { tasks, next, batch } = setup;
  for (;;) {
    const start = Atomics.add(next, 0, batch);
    if (start >= tasks.length) break;
    const items: Array<FileOutcome | Prepared> = [];
    for (let i = start; i < Math.min(start + batch, tasks.length); i++) {
      const p = prepareFile(tasks[i]!, setup);
      items.push(isPrepared(p) && !handBack.has(p.lang) ? await analyzePrepared(p, setup) : p);
    }
    parentPort!.postMessage({ start, items } satisfies WorkerReply);
  }
  parentPort!.postMessage({ done: true } satisfies WorkerReply);
}

if (parentPort) void run(workerData as WorkerSetup);
