/** Retries with exponential back-off, for downloads. Pure apart from the injected `attempt` and `sleep`. */

/** Delays before attempt 2, 3, ...: base, 2·base, 4·base ... capped at `maxMs`. */
export function backoffDelays(attempts: number, baseMs: number, maxMs = 30_000): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => Math.min(maxMs, baseMs * 2 ** i));
}

export async function withRetries<T>(
  what: string,
  attempt: () => Promise<T>,
  opts: { attempts: number; baseMs: number; sleep: (ms: number) => Promise<void>; log: (s: string) => void },
): Promise<T> {
  const delays = backoffDelays(opts.attempts, opts.baseMs);
  let last: unknown;
  for (let i = 0; i < opts.attempts; i++) {
    try {
      return await attempt();
    } catch (e) {
      last = e;
      const msg = (e as Error)?.message ?? String(e);
      if (i < delays.length) {
        opts.log(`${what}: attempt ${i + 1} of ${opts.attempts} failed (${msg}); retrying in ${delays[i]} ms`);
        await opts.sleep(delays[i]!);
      }
    }
  }
  throw new Error(`${what}: failed after ${opts.attempts} attempts: ${(last as Error)?.message ?? String(last)}`);
}
