import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/document.js';

export interface LogStream {
  path: string;
  stream: NodeJS.ReadableStream;
  /** A regular file's absolute path (analyzeLogs reads it directly; `stream` is then opened only if asked for). */
  file?: string;
}

/**
 * Open the logs to analyse as streams (`-` = `stdin`, once). A missing file, a directory or an unreadable file
 * becomes an error Diagnostic naming it (exit code 2), and the other logs are still analysed.
 */
export async function openLogs(
  paths: readonly string[],
  opts: { cwd: string; stdin?: NodeJS.ReadableStream },
): Promise<{ inputs: LogStream[]; diagnostics: Diagnostic[] }> {
  const inputs: LogStream[] = [];
  const diagnostics: Diagnostic[] = [];
  let stdinUsed = false;
  for (const p of paths) {
    if (p === '-') {
      if (!opts.stdin) diagnostics.push({ level: 'error', file: p, message: 'standard input is not available here' });
      else if (!stdinUsed) inputs.push({ path: '-', stream: opts.stdin });
      stdinUsed = true;
      continue;
    }
    const abs = path.resolve(opts.cwd, p);
    let regular: boolean;
    try {
      const st = await stat(abs);
      regular = st.isFile();
      if (st.isDirectory()) {
        diagnostics.push({ level: 'error', file: p, message: 'is a directory, not a log file' });
        continue;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push({ level: 'error', file: p, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})` });
      continue;
    }
    let stream: NodeJS.ReadableStream | undefined;
    inputs.push({
      path: p,
      // A pipe or device (`<(cmd)`, /dev/stdin) is read as a stream.
      ...(regular ? { file: abs } : {}),
      // Opened on first use only: analyzeLogs reads a regular file with readSync and never asks for it.
      get stream() {
        return (stream ??= createReadStream(abs, { highWaterMark: 64 * 1024 }));
      },
    });
  }
  return { inputs, diagnostics };
}
