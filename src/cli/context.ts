import type { Command } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import type { CliIO } from './io.js';

/**
 * Shared state of one CLI invocation. Commands set `exitCode`. `config()` loads the config once, lazily, found
 * from the working directory upwards; `config(dir)` from another folder (e.g. the project `check` looks at), unless
 * `--config FILE` or `--no-config` decided it.
 */
export interface CliContext {
  io: CliIO;
  exitCode: number;
  config(start?: string): Promise<LoadedConfig>;
}

/** A command module: one file under src/commands/, registered in src/commands/index.ts. */
export interface CommandModule {
  /** The subcommand's name, as registered (lets the CLI register only the command being run). */
  name: string;
  register(program: Command, ctx: CliContext): void;
}
