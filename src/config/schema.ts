import { z } from 'zod';
import { SEVERITIES } from '../model/finding.js';
import { FAIL_ON, FORMATS } from './options.js';

// Loaded lazily (by load.ts, only when a config file exists): zod is most of the bundle's weight.

/**
 * The config file: `.cygwin-hygiene.json`, or the `cygwin-hygiene` key of `package.json`, found from the working
 * directory upwards. Unknown keys are errors (a typo must not silently do nothing). Documented in docs/config.md.
 */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Globs (relative to the config file's folder) of the files the static scan reads. */
  include: z.array(z.string().min(1)).optional(),
  /** Globs excluded from the static scan, on top of .gitignore. */
  exclude: z.array(z.string().min(1)).optional(),
  /** The Cygwin release recommendations are written for when no log says it, e.g. "3.5.4". */
  cygwinVersion: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)?$/, 'must look like 3.5.4')
    .optional(),
  /** Default report format. */
  format: z.enum(FORMATS).optional(),
  /** Which kinds of finding make the exit code 1. */
  failOn: z.enum(FAIL_ON).optional(),
  /** Per-rule severity or `off`, keyed by rule id (CH001, runtime/deleted-dll, ...). */
  rules: z.record(z.string(), z.enum([...SEVERITIES, 'off'])).optional(),
  /** Globs (relative to the config file's folder) of saved console/strace logs that `check` analyses. */
  logs: z.array(z.string().min(1)).optional(),
  /** A baseline file of accepted static findings (see `scan --write-baseline`). */
  baseline: z.string().min(1).optional(),
});

export type Config = z.infer<typeof configSchema>;
