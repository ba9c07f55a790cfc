import type { CommandModule } from '../cli/context.js';
import { analyzeCommand } from './analyze.js';
import { checkCommand } from './check.js';
import { dryRunCommand } from './dry-run.js';
import { explainCommand } from './explain.js';
import { predictCommand } from './predict.js';
import { renderCommand } from './render.js';
import { runCommandModule } from './run.js';
import { scanCommand } from './scan.js';

/** Every subcommand, in the order `--help` lists them. Each command loads its engine lazily inside its action. */
export const commands: CommandModule[] = [
  checkCommand,
  scanCommand,
  analyzeCommand,
  predictCommand,
  runCommandModule,
  dryRunCommand,
  renderCommand,
  explainCommand,
];
