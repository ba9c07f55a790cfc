import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { commands } from '../commands/index.js';
import { EXIT_ERROR, InputError, UsageError } from '../util/errors.js';
import { TOOL_NAME, TOOL_VERSION } from '../util/version.js';
import type { CliContext } from './context.js';
import type { CliIO } from './io.js';

export function buildProgram(ctx: CliContext, argv: readonly string[] = []): Command {
  const program = new Command(TOOL_NAME)
    .description('Find, explain and prevent Cygwin fork() failures caused by deleted or replaced DLLs.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .addOption(new Option('-c, --config <file>', 'use this config file instead of the nearest .cygwin-hygiene.json'))
    .option('--no-config', 'ignore every config file')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(`${TOOL_NAME}: ${s.trim().replace(/^error: /, '')} (see --help)\n`),
    });
  program.addHelpText(
    'after',
    '\nExit codes: 0 nothing found, 1 findings, 2 usage or input error.\nDocs: docs/cli.md',
  );
  // Registering a command builds all its options; when the first argument names a command, only that one is needed
  // (start-up). Help, a misspelt command or none at all get every command, for the listing and the suggestion.
  const first = argv.find((a) => !a.startsWith('-'));
  const only = first !== undefined && argv.indexOf(first) === 0 ? commands.find((m) => m.name === first) : undefined;
  for (const m of only ? [only] : commands) m.register(program, ctx);
  return program;
}

/** Run the CLI; returns the exit code. Never throws for bad input: one clear line on stderr and exit code 2. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const loaded = new Map<string, Promise<LoadedConfig>>();
  const ctx: CliContext = {
    io,
    exitCode: 0,
    config: (start?: string) => {
      const g = program.opts<{ config?: string | false }>();
      const from = g.config === undefined && start ? path.resolve(io.cwd, start) : io.cwd;
      let p = loaded.get(from);
      if (!p) loaded.set(from, (p = loadConfig(from, g.config)));
      return p;
    },
  };
  const program = buildProgram(ctx, argv);
  // Load (and validate) the config before any command runs, so a bad config fails every command the same way.
  program.hook('preAction', async () => {
    await ctx.config();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr.write(`${TOOL_NAME}: ${errorLine(e.message)}\n`);
      return EXIT_ERROR;
    }
    const err = e as Error;
    io.stderr.write(`${TOOL_NAME}: internal error: ${errorLine(err?.message ?? String(e))}\n`);
    if (io.env.CYGWIN_HYGIENE_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
    return EXIT_ERROR;
  }
}

const MAX_ERROR_LINE = 400;

/**
 * An error message as one readable line: messages may quote input (a line of a binary file, a file name with a
 * newline), so control characters and line separators are shown escaped and a long quote is cut.
 */
export function errorLine(message: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
  const s = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return s.length > MAX_ERROR_LINE ? `${s.slice(0, MAX_ERROR_LINE - 1)}…` : s;
}
