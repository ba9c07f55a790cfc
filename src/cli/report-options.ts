import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { FAIL_ON, FORMATS, type FailOn, type Format } from '../config/options.js';
import type { LoadedConfig } from '../config/load.js';
import type { ReportDocument } from '../model/document.js';
import { applySettings, failsOn } from '../model/verdict.js';
import { parseVersion } from '../cygwin/version.js';
import { renderReport } from '../report/index.js';
import { makeColors, wantColor } from '../util/color.js';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError } from '../util/errors.js';
import type { CliIO } from './io.js';

export interface ReportOptions {
  format?: Format;
  output?: string;
  quiet?: boolean;
  color?: boolean;
  failOn?: FailOn;
  cygwinVersion?: string;
}

export { failsOn } from '../model/verdict.js';

/** Parser for a repeatable option (`--log a --log b` → `['a', 'b']`). */
export const repeatable = (v: string, prev: string[] = []): string[] => [...prev, v];

/** The options every reporting command shares. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS))
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .addOption(new Option('--fail-on <kinds>', 'which findings make the exit code 1').choices(FAIL_ON))
    .option('--cygwin-version <x.y.z>', 'the Cygwin release to advise for when no log shows it (config: cygwinVersion)')
    .option('-q, --quiet', 'only the findings: no progress, notes or summary line')
    .option('--no-color', 'no colours (also NO_COLOR=1); colours are used only on a terminal');
}

/**
 * Render and write the report, and return the exit code: 2 when something could not be read or written (the
 * report is still written), else 1 when findings fail the run, else 0.
 */
export async function emitReport(
  io: CliIO,
  input: ReportDocument,
  opts: ReportOptions,
  loaded: LoadedConfig,
): Promise<number> {
  if (opts.cygwinVersion && !parseVersion(opts.cygwinVersion)) {
    throw new UsageError(`--cygwin-version must look like 3.5.4, got "${opts.cygwinVersion}"`);
  }
  const version = opts.cygwinVersion ?? loaded.config.cygwinVersion;
  const doc = applySettings(input, { ...(loaded.config.rules ? { rules: loaded.config.rules } : {}), ...(version ? { cygwinVersion: version } : {}) });
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
  // When the report itself went to standard error (predict), it already holds the diagnostics: echoing them would
  // print each twice, and append non-JSON lines to a JSON report.
  const reportOnStderr = !opts.output && io.stdout === io.stderr;
  for (const d of doc.diagnostics) {
    if (d.level === 'error') code = EXIT_ERROR;
    if (!reportOnStderr && (!opts.quiet || d.level === 'error')) {
      io.stderr.write(`cygwin-hygiene: ${d.level}: ${d.file ? `${d.file}: ` : ''}${d.message}\n`);
    }
  }
  return code;
}
