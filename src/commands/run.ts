import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import type { CliIO } from '../cli/io.js';
import { addReportOptions, emitReport, type ReportOptions } from '../cli/report-options.js';
import type { LoadedConfig } from '../config/load.js';
import type { Pipeline } from '../pipeline/types.js';
import { EXIT_ERROR, UsageError } from '../util/errors.js';

export interface RunCommandOptions extends ReportOptions {
  straceOptions?: string;
  keepLogs?: boolean;
}

/** What the host is; `uname -s` and /usr/bin/cygcheck are consulted only when Node is not itself a Cygwin build. */
export interface RunHostFacts {
  platform: string;
  unameS?: string;
  hasCygcheck: boolean;
  /** Native Windows Node: the folder on PATH holding Cygwin's (or MSYS2's) strace.exe next to its runtime DLL. */
  cygwinBin?: string;
}

/** The first PATH folder that has strace.exe next to cygwin1.dll or msys-2.0.dll. */
export function findCygwinBin(pathVar: string | undefined, exists: (p: string) => boolean, delimiter = ';'): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter).filter(Boolean)) {
    const j = (f: string) => path.win32.join(dir, f);
    if (exists(j('strace.exe')) && (exists(j('cygwin1.dll')) || exists(j('msys-2.0.dll')))) return dir;
  }
  return undefined;
}

function hostFacts(): RunHostFacts {
  let unameS: string | undefined;
  try {
    const r = spawnSync('uname', ['-s'], { encoding: 'utf8', timeout: 5000 });
    if (r.status === 0) unameS = r.stdout;
  } catch {
    // no uname: not a POSIX-ish host
  }
  const cygwinBin = process.platform === 'win32' ? findCygwinBin(process.env.PATH, existsSync) : undefined;
  return { platform: process.platform, ...(unameS ? { unameS } : {}), hasCygcheck: existsSync('/usr/bin/cygcheck'), ...(cygwinBin ? { cygwinBin } : {}) };
}

/**
 * `cygwin-hygiene run -- <cmd> [args]`: on Cygwin/MSYS2, run the command under Cygwin's strace (`strace -o LOG
 * <cmd>`, children followed by default), tee its console to a file, then analyse both logs with the pipeline.
 * Elsewhere: one line pointing at `predict`, exit 2.
 */
export async function runCommand(argv: string[], opts: RunCommandOptions, io: CliIO, loaded: LoadedConfig, pipeline?: Pipeline, facts = hostFacts()): Promise<number> {
  const { detectHost, parseStraceOptions } = await import('../cygwin/strace.js');
  if (!argv.length) throw new UsageError('run needs a command after --, e.g. cygwin-hygiene run -- make check');
  const host = detectHost(facts);
  if (host !== 'cygwin' && host !== 'msys' && !(host === 'win32' && facts.cygwinBin)) {
    io.stderr.write(`cygwin-hygiene: run needs Cygwin or MSYS2${host === 'win32' ? " (no folder on PATH has Cygwin's strace.exe next to cygwin1.dll)" : ''} (this is ${facts.platform}${facts.unameS ? `, ${facts.unameS.trim()}` : ''}); on Linux use: cygwin-hygiene predict -- ${argv.join(' ')}\n`);
    return EXIT_ERROR;
  }
  let straceOptions: string[];
  try {
    straceOptions = parseStraceOptions(opts.straceOptions ?? '');
  } catch (e) {
    throw new UsageError((e as Error).message.replace('input "strace-options"', '--strace-options'));
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cygwin-hygiene-run-'));
  const straceLog = path.join(dir, 'strace.log');
  const consoleLog = path.join(dir, 'console.log');
  const exitCode = await new Promise<number>((resolve, reject) => {
    const strace = facts.cygwinBin ? path.win32.join(facts.cygwinBin, 'strace.exe') : 'strace';
    const child = spawn(strace, ['-o', straceLog, ...straceOptions, ...argv], { cwd: io.cwd, env: io.env, stdio: ['inherit', 'pipe', 'pipe'] });
    const file = createWriteStream(consoleLog);
    child.stdout.on('data', (d: Buffer) => { file.write(d); io.stderr.write(d.toString()); });
    child.stderr.on('data', (d: Buffer) => { file.write(d); io.stderr.write(d.toString()); });
    child.on('error', (e) => reject(new UsageError(`cannot start strace: ${e.message} (it is /usr/bin/strace, part of the cygwin package)`)));
    child.on('close', (code) => file.end(() => resolve(code ?? 1)));
  });
  io.stderr.write(`cygwin-hygiene: the command exited with code ${exitCode}; logs: ${straceLog} ${consoleLog}\n`);
  const p = pipeline ?? (await import('../pipeline/index.js')).createPipeline({ stdin: io.stdin });
  const a = await p.analyze([consoleLog, ...(existsSync(straceLog) ? [straceLog] : [])], { cwd: io.cwd });
  const { makeDocument } = await import('../model/document.js');
  const context = { logs: [consoleLog, straceLog], command: argv, ...(a.cygwinVersion ? { cygwinVersion: a.cygwinVersion } : {}) };
  const doc = p.combine ? await p.combine(a, { findings: [], diagnostics: [], rules: [] }, context) : makeDocument(a.findings, a.diagnostics, context);
  const code = await emitReport(io, doc, opts, loaded);
  return code === 0 && exitCode !== 0 ? 1 : code;
}

export const runCommandModule: CommandModule = {
  name: 'run',
  register(program: Command, ctx: CliContext) {
    addReportOptions(
      program
        .command('run')
        .description('Cygwin/MSYS2: run a command under Cygwin strace and analyse its fork failures (what the action runs)')
        .argument('<command...>', 'the command and its arguments, after --')
        .option('--strace-options <options>', 'extra strace options (not -o, -f, -e, -n, ...: see docs/action.md)'),
    ).action(async (argv: string[], opts: RunCommandOptions) => {
      ctx.exitCode = await runCommand(argv, opts, ctx.io, await ctx.config());
    });
  },
};
