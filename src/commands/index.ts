import type { CommandModule } from '../cli/context.js';
import { explainCommand } from './explain.js';
import { scanCommand } from './scan.js';

/** Every subcommand, in the order `--help` lists them. Each command loads its engine lazily inside its action. */
export const commands: CommandModule[] = [explainCommand, scanCommand];
