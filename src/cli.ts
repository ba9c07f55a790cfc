#!/usr/bin/env node
// The `cygwin-hygiene` command. Only this file touches process.argv and process.exit.
import { main } from './cli/main.js';
import { processIO } from './cli/io.js';

const code = await main(process.argv.slice(2), processIO());
// Let pending writes to a pipe drain before the process ends.
process.exitCode = code;
