import { constants } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { addReportOptions, emitReport, type ReportOptions } from '../cli/report-options.js';
import type { Diagnostic } from '../model/document.js';
import { EXIT_ERROR, UsageError } from '../util/errors.js';

const EXIT_MODES = ['auto', 'report', 'test'] as const;
type ExitMode = (typeof EXIT_MODES)[number];

interface PredictOptions extends ReportOptions {
  fromTrace?: string;
  traceFile?: string;
  strace?: string;
  seccomp?: boolean;
  tracer?: 'auto' | 'preload' | 'strace';
  exitCode?: ExitMode;
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** `cygwin-hygiene predict -- <cmd> [args...]` and `predict --from-trace FILE`. */
export const predictCommand: CommandModule = {
  name: 'predict',
  register(program: Command, ctx: CliContext) {
    const cmd = program
      .command('predict')
      .description('Linux: run a test command traced and predict the forks that would fail on Cygwin')
      .argument('[command...]', 'the command to trace, after `--`')
      .option('--from-trace <file>', 'replay an existing strace -f log (`-` = stdin) instead of running a command')
      .option('--trace-file <file>', 'keep the strace log in FILE (default: a temporary file, removed afterwards)')
      .addOption(
        new Option('--tracer <tracer>', 'preload: the in-process recorder (fast; glibc + a C compiler); strace: any program; auto: preload where it works')
          .choices(['auto', 'preload', 'strace'])
          .default('auto'),
      )
      .option('--strace <path>', 'the strace binary (default: strace on PATH)')
      .option('--no-seccomp', 'do not use strace --seccomp-bpf even where it works (slower)')
      .addOption(
        new Option('--exit-code <mode>', 'auto: the test’s code if it failed, else the report’s; report; test')
          .choices(EXIT_MODES)
          .default('auto'),
      );
    addReportOptions(cmd).addHelpText(
      'after',
      '\nWhen running a command, its output and stdin pass through unchanged and the report goes to standard error\n' +
        '(or --output FILE). Exit code (auto): the command’s own non-zero exit code if it failed, else 0 clean,\n' +
        '1 predictions, 2 error. Docs: docs/predict.md',
    );
    cmd.action(async (command: string[], opts: PredictOptions) => {
      const engine = await import('../predict/index.js');
      const loaded = await ctx.config();
      const io = ctx.io;
      if (opts.fromTrace && command.length) throw new UsageError('give either --from-trace FILE or a command, not both');
      if (!opts.fromTrace && !command.length) throw new UsageError('predict needs a command (predict -- <cmd> [args...]) or --from-trace FILE');

      if (opts.fromTrace) {
        const file = path.resolve(io.cwd, opts.fromTrace);
        const label = opts.fromTrace === '-' ? '<stdin>' : opts.fromTrace;
        const lines =
          opts.fromTrace === '-'
            ? createInterface({ input: io.stdin, crlfDelay: Infinity })
            : engine.readTraceLines(file);
        const result = await engine.replayTrace(lines, {
          cwd: io.cwd,
          file: label,
          traceFile: label,
        });
        const { makeDocument } = await import('../model/document.js');
        const doc = makeDocument(result.findings, [...result.diagnostics, statsLine(result.stats)], { logs: [label] });
        ctx.exitCode = await emitReport(io, doc, opts, loaded);
        return;
      }

      const [program0, ...args] = command as [string, ...string[]];
      const commandLine = command.map(quoteArg).join(' ');
      const run = await engine.runTraced(program0, args, {
        ...(opts.strace !== undefined ? { strace: opts.strace } : {}),
        ...(opts.traceFile !== undefined ? { traceFile: opts.traceFile } : {}),
        ...(opts.seccomp === false ? { seccomp: false } : {}),
        // Options that only strace has choose it when the tracer is left to auto.
        tracer: (opts.tracer ?? 'auto') === 'auto' && (opts.strace !== undefined || opts.seccomp === false) ? 'strace' : (opts.tracer ?? 'auto'),
        cwd: io.cwd,
        env: io.env,
      });
      try {
        const rel = path.relative(io.cwd, run.traceFile);
        const kept = run.temporary ? undefined : rel && !rel.startsWith('..') ? rel : run.traceFile;
        const result = await engine.replayTrace(engine.readTraceLines(run.traceFile), {
          cwd: io.cwd,
          file: kept ?? commandLine,
          command: commandLine,
          tracer: run.tracer,
          ...(kept !== undefined ? { traceFile: kept } : {}),
        });
        const testCode = run.exitCode ?? 128 + (run.signal ? (constants.signals[run.signal] ?? 0) : 0);
        const diagnostics: Diagnostic[] = [...result.diagnostics];
        if (run.startError) diagnostics.push({ level: 'error', message: `${run.startError} (\`${commandLine}\`)` });
        else if (result.stats.syscalls === 0 && testCode !== 0) {
          diagnostics.push({
            level: 'error',
            message: `${run.tracer === 'strace' ? 'strace' : 'the command'} could not run \`${commandLine}\` (exit code ${testCode}); see its message above`,
          });
        }
        if (run.fallback) diagnostics.push({ level: 'info', message: `traced with strace: ${run.fallback}` });
        if (run.recorderBuilt) diagnostics.push({ level: 'info', message: `built the preload recorder (once per machine): ${run.recorderBuilt}` });
        diagnostics.push(statsLine(result.stats, run.tracer === 'preload' ? 'preload' : run.seccomp));
        if (run.temporary && result.findings.length) {
          diagnostics.push({
            level: 'info',
            message: 'the trace was temporary and is removed: pass --trace-file FILE to keep it and look the line numbers up',
          });
        }
        if (testCode !== 0) {
          diagnostics.push({
            level: 'warning',
            message: `the command failed (${run.signal ? `killed by ${run.signal}` : `exit code ${testCode}`}); predictions cover what ran`,
          });
        }
        const { makeDocument } = await import('../model/document.js');
        const doc = makeDocument(result.findings, diagnostics, {
          command: command,
          ...(kept !== undefined ? { logs: [kept] } : {}),
        });
        // The command owns stdout; the report goes to stderr unless --output names a file.
        const reportIO = opts.output ? io : { ...io, stdout: io.stderr };
        const reportCode = await emitReport(reportIO, doc, opts, loaded);
        const mode = opts.exitCode ?? 'auto';
        ctx.exitCode =
          result.stats.syscalls === 0
            ? EXIT_ERROR // nothing was traced: neither side can be trusted
            : mode === 'test'
              ? testCode
              : mode === 'report'
                ? reportCode
                : testCode !== 0
                  ? testCode
                  : reportCode;
      } finally {
        run.cleanup();
      }
    });
  },
};

function statsLine(
  s: { lines: number; processes: number; forks: number; libraryLoads: number; goneWhileMapped: number },
  tracer?: boolean | 'preload',
): Diagnostic {
  return {
    level: 'info',
    message:
      `replayed ${s.lines} trace lines: ${s.processes} processes, ${s.forks} process-creating calls, ` +
      `${s.libraryLoads} library loads, ${s.goneWhileMapped} deleted/replaced while mapped` +
      (tracer === undefined
        ? ''
        : tracer === 'preload'
          ? ' (preload recorder)'
          : tracer
            ? ' (strace --seccomp-bpf)'
            : ' (strace without --seccomp-bpf: slower)'),
  };
}
