import type { Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { CAUSE_INFO } from '../model/causes.js';
import { CAUSES, type Cause } from '../model/finding.js';
import { UsageError } from '../util/errors.js';

/** `cygwin-hygiene explain [cause]`: what a cause means, as the docs say it. */
export const explainCommand: CommandModule = {
  name: 'explain',
  register(program: Command, ctx: CliContext) {
    program
      .command('explain')
      .description('explain a cause (deleted-dll, replaced-dll, ...); without an argument, list them all')
      .argument('[cause]', 'a cause id')
      .action((cause?: string) => {
        const list = cause ? [cause] : [...CAUSES];
        for (const id of list) {
          if (!(CAUSES as readonly string[]).includes(id)) {
            throw new UsageError(`unknown cause "${id}" (known: ${CAUSES.join(', ')})`);
          }
          const info = CAUSE_INFO[id as Cause];
          ctx.io.stdout.write(cause ? `${id}: ${info.title}\n\n${info.description}\n` : `${id.padEnd(18)} ${info.title}\n`);
        }
      });
  },
};
