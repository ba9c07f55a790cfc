/** Report formats every reporting command accepts (`--format`). */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Which findings make the exit code 1 (`--fail-on`, the action's `fail-on`). */
export const FAIL_ON = ['runtime', 'static', 'any', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];
