import fc from 'fast-check';

/**
 * Settings for the property/fuzz suites: a fixed seed and a bounded number of runs in CI, so a failure is
 * reproducible; `FUZZ_RUNS=20000 FUZZ_SEED=$RANDOM npm test -- test/fuzz/...` for a longer local run
 * (docs/testing.md). Every failure prints the seed and the shrunk counterexample.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261204);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);

export function fuzzParams<T>(extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, ...extra };
}

/** Log-like text: fragments of real Cygwin lines mixed with random bytes, CRLF, NUL, long runs and truncation. */
export const logFragments = [
  '   66 64828379 [main] chibi-scheme 302196 child_info_fork::abort: unable to map C:\\cygwin64\\home\\oku\\tests\\ffi\\basic.dll, Win32 error 126',
  '      1 [main] make 4711 dofork: child -1 - forked process 5120 died unexpectedly, retry 0, exit code 0xC0000142, errno 11',
  '--- Process 302196 exited with status 0x800000',
  '--- Process 299940 loaded C:\\cygwin64\\home\\oku\\tests\\ffi\\basic.dll at 00000005cffc0000',
  '   83 64840917 [main] chibi-scheme 299940 frok::parent: returning -1',
  '   31   12501 [main] bash (4711) DLL version:  3005.4, api: 0.345',
  '2024-05-01T12:00:00.1234567Z ffi: ....      0 [main] chibi-scheme 311940 child_info_fork::abort: unable to map C:\\x\\basic.dll, Win32 error 126',
  '\u001b[31m      0 [main] bash 1234 C:\\cygwin64\\bin\\bash.exe: *** fatal error in forked process - fork: can\'t reserve memory for parent stack 0x600000 - 0x800000, (child has 0x400000 - 0x600000), Win32 error 487\u001b[0m',
  './run-tests.sh: fork: retry: Resource temporarily unavailable',
  'Loaded different DLL with same basename in forked child,',
];

export const logText = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...logFragments),
        fc.string({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
        fc.constantFrom('\r\n', '\n', '\r', '\u0000', '\uFFFD', '\u001b[0m'),
      ),
      { maxLength: 60 },
    ),
    fc.constantFrom('\n', '\r\n', ''),
  )
  .map(([parts, sep]) => parts.join(sep));

/** Longest a single generated input may take (fast-check fails the run with "Property timeout" past it). */
export const PER_INPUT_MS = Number(process.env.FUZZ_INPUT_MS ?? 2_000);
/**
 * Wall-clock budget of one property (fast-check stops generating new inputs after it; the runs done so far must all
 * have passed). Scales with FUZZ_RUNS so a long local run is not cut short.
 */
export const PROPERTY_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? Math.max(8_000, FUZZ_RUNS * 40));

/** fuzzParams plus a per-input timeout and the property budget: for async properties. */
export function boundedParams<T>(extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return fuzzParams({ timeout: PER_INPUT_MS, interruptAfterTimeLimit: PROPERTY_BUDGET_MS, ...extra });
}

/** node:test options for a fuzz test: a hard cap well above the property budget, so a hang fails instead of blocking. */
export const FUZZ_TEST = { timeout: PROPERTY_BUDGET_MS + 30_000 } as const;

/** Rejects when `p` does not settle within `ms` (for one-off big inputs that are not run through fast-check). */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (hang?)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Text as bytes in a mix of encodings: UTF-8, latin1, UTF-16LE fragments (with or without a BOM). */
export const encodedFragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => Buffer.from(s, 'utf8')),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => Buffer.from(s, 'latin1')),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => Buffer.from(s, 'utf16le')),
  fc.constant(Buffer.from([0xff, 0xfe])),
  fc.constant(Buffer.from([0xef, 0xbb, 0xbf])),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc.constantFrom('\r\n', '\n', '\r', '\u0000', '\u001b[0m', '\u2028', '\u0085').map((s) => Buffer.from(s, 'utf8')),
);

/** Garbage bytes around a valid part: random bytes, mixed encodings, line breaks, NULs; never holds a fork message. */
export const garbageBytes = fc.array(encodedFragment, { maxLength: 30 }).map((parts) => Buffer.concat(parts));

/** A byte buffer cut into random chunk sizes, as a stream delivers it. */
export function chunked(buf: Buffer, sizes: readonly number[]): Buffer[] {
  const out: Buffer[] = [];
  let p = 0;
  for (const n of sizes) {
    if (p >= buf.length) break;
    out.push(buf.subarray(p, p + n));
    p += n;
  }
  if (p < buf.length) out.push(buf.subarray(p));
  return out;
}
