/** Bad command line: exit code 2, one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input (missing path, unreadable file, bad config): exit code 2, one line, no stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
