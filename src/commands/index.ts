import type { CommandModule } from '../cli/context.js';
import { analyzeCommand } from './analyze.js';
import { explainCommand } from './explain.js';

/** Every subcommand, in the order `--help` lists them. Each command loads its engine lazily inside its action. */
export const commands: CommandModule[] = [explainCommand, analyzeCommand];
