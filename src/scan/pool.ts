import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzePrepared, isPrepared, scanFile, type FileOutcome, type FileScanOptions, type FileTask, type Prepared } from './file.js';
import type { WorkerReply, WorkerSetup } from './worker.js';

/** Below this many files the threads' start-up (each loads the scan code and its own grammars) is not worth it. */
export const MIN_FILES_FOR_THREADS = 2000;
/** Files claimed at a time, by a worker or by the main thread. */
const BATCH = 32;
/**
 * A worker's stack is sized so that it holds about as many frames as the main thread's (V8's default limit there
 * is 984 KiB; Node keeps 192 KiB of a worker's stack in reserve): a source nested too deeply for the front-ends'
 * recursive walk is reported the same way in both.
 */
const STACK_MB = (984 + 192) / 1024;

/**
 * How many worker threads a scan of `files` files uses besides the main thread (which scans too): `requested` if
 * given, else none below MIN_FILES_FOR_THREADS files, else one per core beyond the first (at most 3).
 */
export function threadsFor(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (files < MIN_FILES_FOR_THREADS) return 0;
  return Math.min(availableParallelism() - 1, 3);
}

/**
 * The worker entry: `worker.ts` next to this file when running from source (tests, `tsx src/cli.ts`), else
 * `scan-worker.js` in the bundle's folder (this code is in dist/chunks/, the entry in dist/).
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
 * Start a worker on `entry`. From source the entry is TypeScript: tsx's loader, which `--import tsx` installs on
 * the main thread only (Node 20), is registered in the worker first (tsx is a dev dependency: only from source).
 */
function startWorker(entry: URL, setup: WorkerSetup): Worker {
  const options = { workerData: setup, resourceLimits: { stackSizeMb: STACK_MB } };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scan `tasks` on the main thread and `threads` worker threads; outcomes in task order, `onDone` called as each
 * file completes. Every thread claims the next BATCH tasks from one shared counter (Atomics), so no thread waits
 * for another to hand it work; the main thread also analyses the JavaScript/TypeScript files the workers read (so
 * only one thread loads the TypeScript compiler). A task no worker finished (a worker could not start, or
 * crashed) is scanned here at the end: the outcome never depends on the threads. `problem` says why a worker was
 * missing, if one was.
 */
export async function scanInWorkers(
  tasks: readonly FileTask[],
  opts: FileScanOptions,
  threads: number,
  onDone?: (outcome: FileOutcome) => void,
): Promise<{ outcomes: FileOutcome[]; problem?: string }> {
  const out = new Array<FileOutcome | undefined>(tasks.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const handedBack: Array<[number, Prepared]> = [];
  const entry = workerEntry();
  let problem = entry ? undefined : 'the worker entry (scan-worker.js) was not found';
  const workers: Worker[] = [];
  let running = 0;
  let wake: (() => void) | undefined;
  const poke = (): void => {
    wake?.();
    wake = undefined;
  };
  const setup: WorkerSetup = { ...opts, handBack: ['javascript', 'typescript'], tasks: [...tasks], next, batch: BATCH };
  const done = (i: number, o: FileOutcome): void => {
    out[i] = o;
    onDone?.(o);
  };

  for (let w = 0; entry && w < threads; w++) {
    let worker: Worker;
    try {
      worker = startWorker(entry, setup);
    } catch (e) {
      problem ??= (e as Error).message;
      break;
    }
    workers.push(worker);
    running++;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      running--;
      poke();
    };
    worker.on('message', (reply: WorkerReply) => {
      if ('done' in reply) finish();
      else {
        reply.items.forEach((item, k) => (isPrepared(item) ? handedBack.push([reply.start + k, item]) : done(reply.start + k, item)));
        poke();
      }
    });
    worker.on('error', (e) => {
      problem ??= e.message;
      finish();
    });
    worker.on('exit', (code) => {
      if (!finished) problem ??= `a worker thread stopped (exit code ${code})`;
      finish();
    });
  }

  // The main thread's share: handed-back files first, else the next batch; it waits only when nothing is left.
  for (;;) {
    const back = handedBack.shift();
    if (back) done(back[0], await analyzePrepared(back[1], opts));
    else {
      const start = Atomics.add(next, 0, BATCH);
      if (start < tasks.length) {
        for (let i = start; i < Math.min(start + BATCH, tasks.length); i++) done(i, await scanFile(tasks[i]!, opts));
      } else if (running > 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      } else break;
    }
    await yieldToEvents(); // let the workers' replies in
  }
  await Promise.all(workers.map((w) => w.terminate()));
  // Whatever a failed worker had claimed and not finished.
  for (let i = 0; i < tasks.length; i++) if (!out[i]) done(i, await scanFile(tasks[i]!, opts));
  return problem ? { outcomes: out as FileOutcome[], problem } : { outcomes: out as FileOutcome[] };
}
