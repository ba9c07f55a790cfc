import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { addReportOptions, emitReport, repeatable, type ReportOptions } from '../cli/report-options.js';
import type { LoadedConfig } from '../config/load.js';
import { makeDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { ScanOptions } from '../scan/index.js';
import { UsageError } from '../util/errors.js';

export interface ScanCliOptions extends ReportOptions {
  include?: string[];
  exclude?: string[];
  maxFileSize?: string;
  baseline?: string;
  writeBaseline?: string;
  threads?: string;
}

/** The scan options `scan` and `check` share. */
export function addScanOptions(cmd: Command): Command {
  return cmd
    .option('--include <glob>', 'only scan files matching GLOB (relative to the working directory; repeatable)', repeatable)
    .option('--exclude <glob>', 'skip files matching GLOB (repeatable; on top of .gitignore)', repeatable)
    .option('--max-file-size <bytes>', 'skip files bigger than this (default 2097152)')
    .option('--baseline <file>', 'drop findings recorded in this baseline file')
    .option('--write-baseline <file>', 'write the findings to this baseline file (then report them as usual)')
    .option('--threads <n>', 'worker threads reading and parsing files (0 = none; default: one per core, at most 4, from 2000 files)');
}

/** `--write-baseline FILE`: record these static findings as accepted (scan and check). */
export async function writeBaselineIfAsked(opts: ScanCliOptions, findings: readonly Finding[], cwd: string): Promise<void> {
  if (!opts.writeBaseline) return;
  const { toBaseline } = await import('../scan/index.js');
  await writeFile(path.resolve(cwd, opts.writeBaseline), `${JSON.stringify(toBaseline(findings), null, 2)}\n`);
}

/** Command-line options + config → the engine's options, for a scan rooted at `root`. */
export async function scanOptionsFrom(opts: ScanCliOptions, loaded: LoadedConfig, ctx: CliContext, root: string): Promise<ScanOptions> {
  let maxFileSize: number | undefined;
  if (opts.maxFileSize !== undefined) {
    maxFileSize = Number(opts.maxFileSize);
    if (!/^\d+$/.test(opts.maxFileSize) || maxFileSize <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, got "${opts.maxFileSize}"`);
  }
  let threads: number | undefined;
  if (opts.threads !== undefined) {
    threads = Number(opts.threads);
    if (!/^\d+$/.test(opts.threads) || threads > 64) throw new UsageError(`--threads must be a number from 0 to 64, got "${opts.threads}"`);
  }
  const { config } = loaded;
  const { readBaseline } = await import('../scan/index.js');
  const baselineFile = opts.baseline ?? (config.baseline ? path.resolve(loaded.dir, config.baseline) : undefined);
  const baseline = baselineFile && !opts.writeBaseline ? await readBaseline(path.resolve(ctx.io.cwd, baselineFile)) : undefined;
  const progress = Boolean(ctx.io.stderr.isTTY) && !opts.quiet;
  return {
    root,
    ...(opts.include ? { include: opts.include } : {}),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
    ...(config.include ? { configInclude: config.include } : {}),
    ...(config.exclude ? { configExclude: config.exclude } : {}),
    configDir: loaded.dir,
    ...(maxFileSize ? { maxFileSize } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(config.rules ? { ruleSeverity: config.rules } : {}),
    ...(baseline ? { baseline } : {}),
    ...(progress ? { onProgress: (d: number, t: number) => ctx.io.stderr.write(`\rscanning ${d}/${t} files${d === t ? '\n' : ''}`) } : {}),
  };
}

/** `cygwin-hygiene scan [paths...]`: the static scan (docs/scan.md). */
export const scanCommand: CommandModule = {
  name: 'scan',
  register(program: Command, ctx: CliContext) {
    const cmd = program
      .command('scan')
      .description('find code that loads a shared library, deletes or rebuilds it, then forks (static rules CH001-CH003)')
      .argument('[paths...]', 'files or folders to scan (default: .)');
    addReportOptions(addScanOptions(cmd)).action(async (paths: string[], opts: ScanCliOptions) => {
      // Start loading the engine, the named files' grammars and the renderer while the configuration loads.
      const engine = import('../scan/index.js');
      void import('../scan/prefetch.js').then((m) => m.prefetchForFiles(paths, ctx.io.cwd)).catch(() => undefined);
      void import('../report/index.js').then((m) => m.prefetchRenderer(opts.format ?? 'text')).catch(() => undefined);
      const loaded = await ctx.config();
      const { scanPaths } = await engine;
      const result = await scanPaths(paths, await scanOptionsFrom(opts, loaded, ctx, ctx.io.cwd));
      await writeBaselineIfAsked(opts, result.findings, ctx.io.cwd);
      const doc = makeDocument(result.findings, result.diagnostics, { root: ctx.io.cwd, command: ['scan', ...paths] });
      doc.rules = result.rules;
      ctx.exitCode = await emitReport(ctx.io, doc, opts, loaded);
    });
  },
};
