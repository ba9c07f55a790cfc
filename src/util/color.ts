/** ANSI colours, only when asked for (TTY, no NO_COLOR, no --no-color). */
export interface Colors {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeColors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s;
    return { enabled, red: id, yellow: id, cyan: id, green: id, dim: id, bold: id };
  }
  return {
    enabled,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/** The rule every command follows: colours on a TTY, unless NO_COLOR (any value) or --no-color. */
export function wantColor(opts: { color?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (opts.color === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}
