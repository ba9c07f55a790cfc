import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { addReportOptions, type ReportOptions } from '../cli/report-options.js';

interface AnalyzeCliOptions extends ReportOptions {
  cygwinRoot?: string;
}

/** `cygwin-hygiene analyze <log...>`: every failed fork in console output and/or Cygwin strace logs. */
export const analyzeCommand: CommandModule = {
  register(program: Command, ctx: CliContext) {
    addReportOptions(
      program
        .command('analyze')
        .description('find every failed fork() in test output or a Cygwin strace log, and why it failed (`-` = stdin)')
        .argument('<log...>', 'log files (console output, strace -o output); - reads standard input')
        .option('--cygwin-root <winpath>', 'Windows folder of the Cygwin root, for DLL paths (default: guessed from the log, else C:\\cygwin64)'),
    ).action(async (logs: string[], opts: AnalyzeCliOptions) => {
      const { createReadStream } = await import('node:fs');
      const { stat } = await import('node:fs/promises');
      const path = await import('node:path');
      const { analyzeLogs } = await import('../diagnose/index.js');
      const { makeDocument } = await import('../model/document.js');
      const io = ctx.io;
      const inputs: { path: string; stream: NodeJS.ReadableStream }[] = [];
      const pre: { level: 'error'; file: string; message: string }[] = [];
      let stdinUsed = false;
      for (const p of logs) {
        if (p === '-') {
          if (!stdinUsed) inputs.push({ path: '-', stream: io.stdin });
          stdinUsed = true;
          continue;
        }
        const abs = path.resolve(io.cwd, p);
        try {
          const st = await stat(abs);
          if (st.isDirectory()) {
            pre.push({ level: 'error', file: p, message: 'is a directory, not a log file' });
            continue;
          }
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          pre.push({ level: 'error', file: p, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})` });
          continue;
        }
        inputs.push({ path: p, stream: createReadStream(abs, { highWaterMark: 64 * 1024 }) });
      }
      const result = await analyzeLogs(inputs, { ...(opts.cygwinRoot ? { cygwinRoot: opts.cygwinRoot } : {}), cwd: io.cwd });
      const context: NonNullable<Parameters<typeof makeDocument>[2]> = { logs, command: ['analyze', ...logs] };
      if (result.cygwinVersion) context.cygwinVersion = result.cygwinVersion;
      const doc = makeDocument(result.findings, [...pre, ...result.diagnostics], context);
      const { emitReport } = await import('../cli/report-options.js');
      ctx.exitCode = await emitReport(io, doc, opts, await ctx.config());
    });
  },
};
