#!/usr/bin/env node
// The `cygwin-hygiene` command. Only this file touches process.argv and process.exit.
import { main } from './cli/main.js';
import { processIO } from './cli/io.js';

// A reader that goes away (`cygwin-hygiene ... | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const code = await main(process.argv.slice(2), processIO());
// Let pending writes to a pipe drain before the process ends.
process.exitCode = code;
