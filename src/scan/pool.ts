import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { scanFile, type FileOutcome, type FileScanOptions, type FileTask } from './file.js';
import type { BatchReply, BatchRequest } from './worker.js';

/** Below this many files the threads' start-up (each loads the scan code and its own grammars) is not worth it. */
export const MIN_FILES_FOR_THREADS = 2000;
/** Files per message to a worker. */
const BATCH = 64;
/**
 * A worker's stack is sized so that it holds about as many frames as the main thread's (V8's default limit there
 * is 984 KiB; Node keeps 192 KiB of a worker's stack in reserve): a source nested too deeply for the front-ends'
 * recursive walk is reported the same way in both.
 */
const STACK_MB = (984 + 192) / 1024;

/** How many worker threads a scan of `files` files uses: `requested` if given, else by size and cores. */
export function threadsFor(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (files < MIN_FILES_FOR_THREADS) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

/**
 * The worker entry: `worker.ts` next to this file when running from source (tsx's loader is inherited through
 * execArgv), else `scan-worker.js` in the bundle's folder (this code is in dist/chunks/, the entry in dist/).
 */
export function workerEntry(): URL | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./worker.ts', here);
  let dir = path.dirname(fileURLToPath(here));
  for (let i = 0; i < 2; i++) {
    const f = path.join(dir, 'scan-worker.js');
    if (existsSync(f)) return pathToFileURL(f);
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * Scan `tasks` on `threads` worker threads; outcomes in task order, `onDone` called as each file completes.
 * Each worker gets contiguous batches and always has one more queued, so it never waits for the main thread. A
 * worker that fails (cannot start, crashes) is dropped and its unfinished batches are scanned here instead: the
 * outcome never depends on the threads. `problem` says why a worker was missing, if one was.
 */
export async function scanInWorkers(
  tasks: readonly FileTask[],
  opts: FileScanOptions,
  threads: number,
  onDone?: (outcome: FileOutcome) => void,
): Promise<{ outcomes: FileOutcome[]; problem?: string }> {
  const out = new Array<FileOutcome>(tasks.length);
  const batches: number[] = [];
  for (let i = 0; i < tasks.length; i += BATCH) batches.push(i);
  let next = 0;
  const orphans: number[] = [];
  const entry = workerEntry();
  let problem = entry ? undefined : 'the worker entry (scan-worker.js) was not found';
  const workers: Worker[] = [];
  const runs: Array<Promise<void>> = [];

  const request = (start: number): BatchRequest => ({ id: start, tasks: tasks.slice(start, start + BATCH) });

  for (let w = 0; entry && w < threads; w++) {
    runs.push(
      new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(entry, { workerData: opts, resourceLimits: { stackSizeMb: STACK_MB } });
        } catch (e) {
          problem ??= (e as Error).message;
          resolve();
          return;
        }
        workers.push(worker);
        const pending = new Set<number>();
        let finished = false;
        const finish = (): void => {
          if (finished) return;
          finished = true;
          orphans.push(...pending);
          pending.clear();
          resolve();
        };
        const feed = (): void => {
          while (pending.size < 2 && next < batches.length) {
            const start = batches[next++]!;
            pending.add(start);
            worker.postMessage(request(start));
          }
          if (pending.size === 0) finish();
        };
        worker.on('message', (reply: BatchReply) => {
          pending.delete(reply.id);
          reply.outcomes.forEach((o, k) => {
            out[reply.id + k] = o;
            onDone?.(o);
          });
          feed();
        });
        worker.on('error', (e) => {
          problem ??= e.message;
          finish();
        });
        worker.on('exit', (code) => {
          if (pending.size) problem ??= `a worker thread stopped (exit code ${code})`;
          finish();
        });
        feed();
      }),
    );
  }
  await Promise.all(runs);
  await Promise.all(workers.map((w) => w.terminate()));
  // Batches no worker took (no entry found, no worker started) or whose worker failed.
  while (next < batches.length) orphans.push(batches[next++]!);
  for (const start of orphans.sort((a, b) => a - b)) {
    for (let i = start; i < Math.min(start + BATCH, tasks.length); i++) {
      out[i] = await scanFile(tasks[i]!, opts);
      onDone?.(out[i]!);
    }
  }
  return problem ? { outcomes: out, problem } : { outcomes: out };
}
