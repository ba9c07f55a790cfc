// Worker thread entry of the scan (src/scan/pool.ts starts it; the bundle builds it as dist/scan-worker.js).
// Receives batches of files, scans each with the same scanFile() the main thread uses, posts the outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import { scanFile, type FileOutcome, type FileScanOptions, type FileTask } from './file.js';

export interface BatchRequest {
  id: number;
  tasks: FileTask[];
}
export interface BatchReply {
  id: number;
  outcomes: FileOutcome[];
}

const opts = workerData as FileScanOptions;
const port = parentPort;
// Batches are done one after the other, in the order they came (the pool keeps one queued behind the running one).
let queue: Promise<void> = Promise.resolve();
port?.on('message', (req: BatchRequest) => {
  queue = queue.then(async () => {
    const outcomes: FileOutcome[] = [];
    for (const t of req.tasks) outcomes.push(await scanFile(t, opts));
    port.postMessage({ id: req.id, outcomes } satisfies BatchReply);
  });
});
