/**
 * The action's boundary with the outside world: everything Windows-only or networked. `run()` takes an `Effects`
 * so the test harness can replace these with recorded fixtures (test/action/fake-effects.ts) and run the whole
 * orchestration on Linux. `realEffects()` is what the action uses on a runner.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as exec from '@actions/exec';
import { AUTHENTICODE_SCRIPT } from '../cygwin/setup.js';

export interface ExecRequest {
  file: string;
  args: readonly string[];
  /** Added to the action's environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Streamed output (the console capture); when set, the output is not echoed by exec itself. */
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Effects {
  /** `process.platform` of the runner. */
  platform: string;
  /** One download attempt of `url` to `dest`; rejects on HTTP errors and after `timeoutMs`. */
  download(url: string, dest: string, timeoutMs: number): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** The JSON printed by AUTHENTICODE_SCRIPT for `file` (Get-AuthenticodeSignature). */
  authenticode(file: string): Promise<string>;
  /** Run a program (never through a shell) and wait; never rejects for a non-zero exit code. */
  exec(req: ExecRequest): Promise<ExecResult>;
  /** @actions/cache restoreCache; returns the matched key. May reject: the caller turns that into a warning. */
  restoreCache(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<void>;
}

export function realEffects(): Effects {
  return {
    platform: process.platform,
    async download(url, dest, timeoutMs) {
      await mkdir(path.dirname(dest), { recursive: true });
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      if (!res.ok || !res.body) throw new Error(`GET ${url}: HTTP ${res.status} ${res.statusText}`);
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(dest));
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    async authenticode(file) {
      const r = await exec.getExecOutput('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', AUTHENTICODE_SCRIPT], {
        env: { ...(process.env as Record<string, string>), CH_FILE: file },
        silent: true,
        ignoreReturnCode: true,
      });
      if (r.exitCode !== 0) throw new Error(`powershell Get-AuthenticodeSignature exited ${r.exitCode}: ${r.stderr.trim()}`);
      return r.stdout;
    },
    async exec(req) {
      const streaming = Boolean(req.onStdout || req.onStderr);
      const r = await exec.getExecOutput(req.file, [...req.args], {
        env: { ...(process.env as Record<string, string>), ...req.env },
        ...(req.cwd ? { cwd: req.cwd } : {}),
        ignoreReturnCode: true,
        silent: streaming,
        windowsVerbatimArguments: false,
        listeners: {
          ...(req.onStdout ? { stdout: req.onStdout } : {}),
          ...(req.onStderr ? { stderr: req.onStderr } : {}),
        },
      });
      return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    },
    // @actions/cache pulls in the Azure storage SDK: load it only when the cache is used.
    restoreCache: async (paths, key, restoreKeys) => (await import('@actions/cache')).restoreCache(paths, key, restoreKeys),
    async saveCache(paths, key) {
      await (await import('@actions/cache')).saveCache(paths, key);
    },
  };
}
