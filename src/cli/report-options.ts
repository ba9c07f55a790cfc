import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { FAIL_ON, FORMATS, type FailOn, type Format } from '../config/options.js';
import type { LoadedConfig } from '../config/load.js';
import type { ReportDocument } from '../model/document.js';
import { renderReport } from '../report/index.js';
import { makeColors, wantColor } from '../util/color.js';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS } from '../util/errors.js';
import type { CliIO } from './io.js';

export interface ReportOptions {
  format?: Format;
  output?: string;
  quiet?: boolean;
  color?: boolean;
  failOn?: FailOn;
}

/** The options every reporting command shares. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS))
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .addOption(new Option('--fail-on <kinds>', 'which findings make the exit code 1').choices(FAIL_ON))
    .option('-q, --quiet', 'only the findings: no progress, notes or summary line')
    .option('--no-color', 'no colours (also NO_COLOR=1); colours are used only on a terminal');
}

/** Does this document fail the run under `failOn`? */
export function failsOn(doc: ReportDocument, failOn: FailOn): boolean {
  switch (failOn) {
    case 'none':
      return false;
    case 'any':
      return doc.findings.length > 0;
    case 'runtime':
      return doc.findings.some((f) => f.kind === 'runtime' || f.kind === 'predicted');
    case 'static':
      return doc.findings.some((f) => f.kind === 'static');
  }
}

/**
 * Render and write the report, and return the exit code: 2 when something could not be read or written (the
 * report is still written), else 1 when findings fail the run, else 0.
 */
export async function emitReport(
  io: CliIO,
  doc: ReportDocument,
  opts: ReportOptions,
  loaded: LoadedConfig,
): Promise<number> {
  const format = opts.format ?? loaded.config.format ?? 'text';
  const toTerminal = !opts.output && Boolean(io.stdout.isTTY);
  const colors = makeColors(format === 'text' && wantColor(opts, io.env, toTerminal));
  const out = await renderReport(doc, format, { colors, quiet: Boolean(opts.quiet), env: io.env, cwd: io.cwd });
  let code = failsOn(doc, opts.failOn ?? loaded.config.failOn ?? 'any') ? EXIT_FINDINGS : EXIT_CLEAN;
  if (opts.output) {
    try {
      await writeFile(opts.output, out);
    } catch (e) {
      io.stderr.write(`cygwin-hygiene: cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}; the report follows on standard output\n`);
      io.stdout.write(out);
      return EXIT_ERROR;
    }
  } else {
    io.stdout.write(out);
  }
  for (const d of doc.diagnostics) {
    if (d.level === 'error') code = EXIT_ERROR;
    if (!opts.quiet || d.level === 'error') {
      io.stderr.write(`cygwin-hygiene: ${d.level}: ${d.file ? `${d.file}: ` : ''}${d.message}\n`);
    }
  }
  return code;
}
