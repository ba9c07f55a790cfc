import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/action/limits.ts
var DOWNLOAD_ATTEMPTS = 4;
var DOWNLOAD_BASE_DELAY_MS = 2e3;
var DOWNLOAD_TIMEOUT_MS = 12e4;

// src/action/retry.ts
function backoffDelays(attempts, baseMs, maxMs = 3e4) {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => Math.min(maxMs, baseMs * 2 ** i));
}
async function withRetries(what, attempt, opts) {
  const delays = backoffDelays(opts.attempts, opts.baseMs);
  let last;
  for (let i = 0; i < opts.attempts; i++) {
    try {
      return await attempt();
    } catch (e) {
      last = e;
      const msg = e?.message ?? String(e);
      if (i < delays.length) {
        opts.log(`${what}: attempt ${i + 1} of ${opts.attempts} failed (${msg}); retrying in ${delays[i]} ms`);
        await opts.sleep(delays[i]);
      }
    }
  }
  throw new Error(`${what}: failed after ${opts.attempts} attempts: ${last?.message ?? String(last)}`);
}

export {
  DOWNLOAD_ATTEMPTS,
  DOWNLOAD_BASE_DELAY_MS,
  DOWNLOAD_TIMEOUT_MS,
  backoffDelays,
  withRetries
};
