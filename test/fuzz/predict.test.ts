/**
 * Fuzz: the replay engine (src/predict/). Random and damaged strace output never throws, buffers stay bounded, and
 * the prediction of a real recorded trace survives garbage lines, CRLF, truncated lines and NULs between its lines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Replayer, replayTrace, parseStraceLine } from '../../src/predict/index.js';
import { FIXTURES } from '../helpers/cli.js';
import { FUZZ_TEST, boundedParams, fuzzParams, logText, within } from '../helpers/fuzz.js';

const TRACE = readFileSync(path.join(FIXTURES, 'predict/traces/real-c-delete-then-fork.log'), 'utf8').split('\n').filter(Boolean);
const LIB = '/tmp/plugQgr4/libplug.so';

// strace-shaped noise: real syscall names with damaged arguments, resumed/unfinished halves, signals, exits.
const straceNoise = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('openat', 'mmap', 'unlink', 'unlinkat', 'rename', 'clone', 'clone3', 'vfork', 'execve', 'chdir', 'munmap', 'exit_group'), fc.string({ maxLength: 60 }), fc.constantFrom(' = 0', ' = -1 ENOENT (No such file)', ' <unfinished ...>', '', ' = 3</x.so>', ' = ?'))
    .map(([pid, name, args, ret]) => `${pid} ${name}(${args}${ret.startsWith(' <') ? '' : ')'}${ret}`),
  fc.integer({ min: 1, max: 99999 }).map((pid) => `${pid} <... clone resumed>) = ${pid + 1}`),
  fc.integer({ min: 1, max: 99999 }).map((pid) => `${pid} +++ exited with 0 +++`),
  fc.integer({ min: 1, max: 99999 }).map((pid) => `${pid} --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED} ---`),
  fc.string({ maxLength: 120 }),
  fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b).toString('latin1')),
);

describe('fuzz: predict replay', () => {
  test('parseStraceLine and Replayer never throw on strace-shaped noise or log text; buffers stay bounded', FUZZ_TEST, () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(straceNoise, logText), { maxLength: 80 }), (lines) => {
        const r = new Replayer({ maxBufferedLines: 50, maxBufferedChars: 10_000 });
        for (const l of lines) {
          parseStraceLine(l);
          r.push(l);
          assert.ok(r.live().bufferedLines <= 50, JSON.stringify(r.live()));
        }
        r.end();
        assert.equal(r.stats.lines, lines.length);
        assert.ok(r.stats.unparsed <= lines.length);
      }),
      fuzzParams(),
    );
  });

  test('the recorded delete-then-fork trace still predicts its library with garbage, CRLF and NULs between lines', FUZZ_TEST, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: TRACE.length }), fc.oneof(straceNoise.filter((s) => !s.includes('libplug')), fc.constantFrom('', '\u0000\u0000', '\uFFFD'))), { maxLength: 20 }),
        fc.boolean(),
        async (inserts, crlf) => {
          const lines = [...TRACE];
          // Noise goes between lines (never replaces one); noise lines naming a pid of the trace may change its story,
          // so they use pids the trace does not have.
          for (const [at, noise] of inserts.sort((a, b) => b[0] - a[0])) lines.splice(at, 0, noise.replace(/^\d+ /, '99999 '));
          const r = await replayTrace(crlf ? lines.map((l) => `${l}\r`) : lines, { file: 'fuzz.trace' });
          assert.deepEqual(r.predictions.map((p) => [p.library, p.cause]), [[LIB, 'deleted-dll']]);
          assert.equal(r.findings[0]!.kind, 'predicted');
        },
      ),
      boundedParams(),
    );
  });

  test('the trace cut at any line, or any line cut in the middle, never throws; cut after the fork it still predicts', FUZZ_TEST, async () => {
    const forkAt = TRACE.findIndex((l) => /\b(?:clone|clone3|fork|vfork)\(/.test(l));
    assert.ok(forkAt > 0);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: TRACE.length - 1 }), fc.nat({ max: 200 }), async (cut, chars) => {
        const lines = TRACE.slice(0, cut + 1);
        lines[cut] = lines[cut]!.slice(0, chars);
        const r = await replayTrace(lines, { file: 'fuzz.trace' });
        if (cut > forkAt + 1) assert.deepEqual(r.predictions.map((p) => p.library), [LIB]);
      }),
      boundedParams(),
    );
  });

  test('10 MB lines (a huge argument, a NUL run) and a deep nesting of braces do not hang or throw', FUZZ_TEST, async () => {
    const mb = 1024 * 1024;
    const huge = [
      `1 openat(AT_FDCWD, "${'a'.repeat(10 * mb)}", O_RDONLY) = 3`,
      '\u0000'.repeat(10 * mb),
      `1 execve("/bin/x", [${'"a", '.repeat(mb)}], 0x0) = 0`,
      `1 clone3(${'{'.repeat(mb)}`,
      `1 write(1, "${'\\x'.repeat(mb)}", 9) = 9`,
      ...TRACE,
    ];
    const r = await within(replayTrace(huge, { file: 'fuzz.trace' }), 20_000, 'replay of 10 MB lines');
    assert.deepEqual(r.predictions.map((p) => p.library), [LIB]);
  });
});
