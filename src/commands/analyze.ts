import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { addReportOptions, type ReportOptions } from '../cli/report-options.js';

interface AnalyzeCliOptions extends ReportOptions {
  cygwinRoot?: string;
}

/** `cygwin-hygiene analyze <log...>`: every failed fork in console output and/or Cygwin strace logs. */
export const analyzeCommand: CommandModule = {
  name: 'analyze',
  register(program: Command, ctx: CliContext) {
    addReportOptions(
      program
        .command('analyze')
        .description('find every failed fork() in test output or a Cygwin strace log, and why it failed (`-` = stdin)')
        .argument('<log...>', 'log files (console output, strace -o output); - reads standard input')
        .option('--cygwin-root <winpath>', 'Windows folder of the Cygwin root, for DLL paths (default: guessed from the log, else C:\\cygwin64)'),
    ).action(async (logs: string[], opts: AnalyzeCliOptions) => {
      const { analyzeLogs } = await import('../diagnose/index.js');
      const { makeDocument } = await import('../model/document.js');
      const { openLogs } = await import('../pipeline/logs.js');
      const io = ctx.io;
      const { inputs, diagnostics: pre } = await openLogs(logs, { cwd: io.cwd, stdin: io.stdin });
      const result = await analyzeLogs(inputs, { ...(opts.cygwinRoot ? { cygwinRoot: opts.cygwinRoot } : {}), cwd: io.cwd });
      const context: NonNullable<Parameters<typeof makeDocument>[2]> = { logs, command: ['analyze', ...logs] };
      if (result.cygwinVersion) context.cygwinVersion = result.cygwinVersion;
      const doc = makeDocument(result.findings, [...pre, ...result.diagnostics], context);
      const { emitReport } = await import('../cli/report-options.js');
      ctx.exitCode = await emitReport(io, doc, opts, await ctx.config());
    });
  },
};
