/**
 * predict/: run a Linux test command traced (the preload recorder or strace, both writing strace's line format),
 * then replay the trace with Cygwin's fork rules.
 *
 *   runTraced(cmd, args)  ──► trace file ──► readTraceLines(file) ──► replay()/replayTrace() ──► findings
 */
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Diagnostic } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { InputError } from '../util/errors.js';
import { predictionToFinding, type FindingContext } from './findings.js';
import { Replayer, type Prediction, type ReplayOptions, type ReplayStats } from './replay.js';
import type { Tracer } from './runner.js';

export { replay, Replayer, SPAWN_KIND_INFO } from './replay.js';
export type { Prediction, ReplayEvent, ReplayOptions, ReplayStats, SpawnKind, ForkPlace, GoneEvent, TracePlace } from './replay.js';
export { parseStraceLine } from './parse.js';
export { predictionToFinding, predictionMessage, type FindingContext } from './findings.js';
export { runTraced, probeSeccomp, straceArgs, findExecutable, TRACED_SYSCALLS, TRACERS, StraceMissingError, STRACE_INSTALL_HINT } from './runner.js';
export type { RunTracedOptions, TracedRun, Tracer, TracerChoice } from './runner.js';
export { ensureRecorder, recorderEnv, cacheDir, type RecorderBuild } from './recorder.js';

export interface ReplayResult {
  predictions: Prediction[];
  findings: Finding[];
  stats: ReplayStats;
  diagnostics: Diagnostic[];
}

/**
 * Replay a whole trace and build findings. `lines` is streamed: the trace is never held in memory, only the
 * predictions (one per process and library).
 */
export async function replayTrace(
  lines: AsyncIterable<string> | Iterable<string>,
  opts: ReplayOptions & FindingContext & { tracer?: Tracer },
): Promise<ReplayResult> {
  const r = new Replayer(opts);
  const predictions: Prediction[] = [];
  for await (const line of lines) predictions.push(...r.push(line));
  predictions.push(...r.end());
  const stats = r.stats;
  const ctx: FindingContext = { file: opts.file };
  if (opts.command !== undefined) ctx.command = opts.command;
  if (opts.traceFile !== undefined) ctx.traceFile = opts.traceFile;
  return {
    predictions,
    findings: predictions.map((p) => predictionToFinding(p, ctx)),
    stats,
    diagnostics: statsDiagnostics(stats, opts.traceFile ?? opts.file, opts.tracer),
  };
}

/** What the statistics say is wrong with the trace (not strace output, cut strings, ...). */
export function statsDiagnostics(stats: ReplayStats, file: string, tracer?: Tracer): Diagnostic[] {
  const d: Diagnostic[] = [];
  if (stats.syscalls === 0) {
    d.push({
      level: 'error',
      file,
      message:
        stats.lines === 0
          ? tracer === 'preload'
            ? 'the trace is empty: the preload recorder recorded nothing (did the command start? a statically linked program, or one run with a cleared environment, is not recorded: use --tracer strace)'
            : 'the trace is empty: strace recorded nothing (did the command start?)'
          : `no strace syscall lines in ${stats.lines} line${stats.lines === 1 ? '' : 's'}: not an strace log?`,
    });
    return d;
  }
  if (stats.truncatedPaths > 0) {
    d.push({
      level: 'warning',
      file,
      message: `${stats.truncatedPaths} path argument(s) were cut by strace ("..."...): record with a larger -s (e.g. -s 4096)`,
    });
  }
  if (stats.unresolvedPaths > 0) {
    d.push({
      level: 'info',
      file,
      message: `${stats.unresolvedPaths} relative path(s) could not be resolved (unknown working directory); record with -y`,
    });
  }
  if (stats.unrecorded > 0) {
    d.push({
      level: 'warning',
      file,
      message:
        `${stats.unrecorded} process(es) replaced LD_PRELOAD, so the preload recorder saw their library loads but not ` +
        'their forks and deletions: trace with --tracer strace to see those too',
    });
  }
  if (stats.orphans > 0) {
    d.push({
      level: 'info',
      file,
      message: `${stats.orphans} process(es) appeared without their parent's clone/fork line; replayed without inherited libraries`,
    });
  }
  return d;
}

/**
 * The lines of a trace file, streamed (CRLF tolerated). Throws InputError for a missing file or a directory.
 */
export async function* readTraceLines(file: string): AsyncGenerator<string> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new InputError(`cannot read trace ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!st.isFile()) throw new InputError(`cannot read trace ${file}: not a regular file`);
  // Open first, so an unreadable file (EACCES) is a clear input error rather than a stream error mid-replay.
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read trace ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e))}`);
  }
  const rl = createInterface({ input: fh.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
  // A binary file is not rejected here: its lines do not parse, and the replay reports "not an strace log".
  for await (const line of rl) yield line;
}
