import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { addReportOptions, emitReport, repeatable } from '../cli/report-options.js';
import { InputError } from '../util/errors.js';
import { addScanOptions, scanOptionsFrom, writeBaselineIfAsked, type ScanCliOptions } from './scan.js';

interface CheckCliOptions extends ScanCliOptions {
  log?: string[];
  cygwinRoot?: string;
}

/**
 * `cygwin-hygiene check [dir]`: what the action reports, locally. The static scan of DIR plus the analysis of the
 * saved logs given with --log or listed in the project's config (`logs`), joined on the library: a fork failure in
 * a log points at the source lines that load and delete the DLL.
 */
export const checkCommand: CommandModule = {
  name: 'check',
  register(program: Command, ctx: CliContext) {
    const cmd = program
      .command('check')
      .description('scan a project and analyse its saved logs, joined into one report (what the action reports)')
      .argument('[dir]', 'the project folder (default: .); its config file is found from there upwards')
      .option('-l, --log <file>', 'a saved console or Cygwin strace log to analyse (repeatable; - = stdin)', repeatable)
      .option('--cygwin-root <winpath>', 'Windows folder of the Cygwin root the logs come from (default: guessed)');
    addReportOptions(addScanOptions(cmd)).action(async (dir: string | undefined, opts: CheckCliOptions) => {
      const io = ctx.io;
      const root = path.resolve(io.cwd, dir ?? '.');
      const { stat } = await import('node:fs/promises');
      const st = await stat(root).catch(() => undefined);
      if (!st?.isDirectory()) throw new InputError(`${dir ?? '.'}: ${st ? 'not a folder' : 'no such folder'}`);
      const loaded = await ctx.config(root);
      const logs = (opts.log ?? []).map((l) => (l === '-' ? l : path.resolve(io.cwd, l)));
      if (loaded.config.logs?.length) {
        const { glob } = await import('tinyglobby');
        const found = await glob(loaded.config.logs, { cwd: loaded.dir, absolute: true, onlyFiles: true });
        if (!found.length) io.stderr.write(`cygwin-hygiene: note: the config's "logs" (${loaded.config.logs.join(', ')}) match no file\n`);
        logs.push(...found.sort());
      }
      const { createPipeline } = await import('../pipeline/index.js');
      const pipeline = createPipeline({ stdin: io.stdin });
      const analyzed = logs.length
        ? await pipeline.analyze(logs, { cwd: root, ...(opts.cygwinRoot ? { root: opts.cygwinRoot } : {}) })
        : { findings: [], diagnostics: [] };
      const scanned = await pipeline.scan([root], { cwd: root, engine: await scanOptionsFrom(opts, loaded, ctx, root) });
      await writeBaselineIfAsked(opts, scanned.findings, io.cwd);
      const rel = (p: string) => (p === '-' ? p : path.relative(root, p).split(path.sep).join('/'));
      const context: NonNullable<Parameters<NonNullable<typeof pipeline.combine>>[2]> = {
        root: path.relative(io.cwd, root).split(path.sep).join('/') || '.',
        logs: logs.map(rel),
        command: ['check', ...(dir ? [dir] : [])],
      };
      if (analyzed.cygwinVersion) context.cygwinVersion = analyzed.cygwinVersion;
      const doc = await pipeline.combine!(analyzed, scanned, context);
      ctx.exitCode = await emitReport(io, doc, opts, loaded);
    });
  },
};
