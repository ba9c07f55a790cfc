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
