import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { addReportOptions, emitReport, type ReportOptions } from '../cli/report-options.js';
import { InputError } from '../util/errors.js';

async function readInput(ctx: CliContext, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of ctx.io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path.resolve(ctx.io.cwd, file), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** `cygwin-hygiene render <report.json>`: render a saved `--format json` report in another format. */
export const renderCommand: CommandModule = {
  name: 'render',
  register(program: Command, ctx: CliContext) {
    addReportOptions(
      program
        .command('render')
        .description('render a saved JSON report (from --format json) as text, sarif, github annotations or markdown')
        .argument('<report>', 'the JSON report file, or - for standard input'),
    ).action(async (file: string, opts: ReportOptions) => {
      const { parseReportDocument } = await import('../report/load.js');
      const doc = parseReportDocument(await readInput(ctx, file), file === '-' ? 'standard input' : file);
      ctx.exitCode = await emitReport(ctx.io, doc, opts, await ctx.config());
    });
  },
};
