/**
 * Properties of the Windows ⇄ POSIX path mapper (src/cygwin/paths.ts) on generated drive, root, UNC and non-ASCII
 * paths: round trips, idempotent normalisation, no throw on any string.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { guessRoot, isWindowsPath, normalizeWindowsPath, posixToWindows, windowsToPosix } from '../../src/cygwin/paths.js';
import { FUZZ_TEST, fuzzParams } from '../helpers/fuzz.js';

// A path segment as Windows allows it: no separators, no reserved characters, non-ASCII welcome, no trailing dot/space.
const segment = fc
  .string({ unit: fc.oneof(fc.constantFrom(...'abcXYZ019_-.$~ '), fc.constantFrom('é', 'ü', 'テ', 'ス', 'ト', '日', 'ß', 'Ω', '😀', 'ſ', 'İ')), minLength: 1, maxLength: 12 })
  .filter((s) => !/[. ]$/.test(s) && !/^ /.test(s) && s !== '.' && s !== '..');
const segments = fc.array(segment, { minLength: 1, maxLength: 6 });
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const root = fc.oneof(fc.constant('C:\\cygwin64'), fc.constant('D:\\a\\_temp\\cygwin'), segments.chain((s) => letter.map((l) => `${l.toUpperCase()}:\\${s.join('\\')}`)));
const style = fc.constantFrom<'cygdrive' | 'msys'>('cygdrive', 'msys');

describe('fuzz: path mapping', () => {
  test('drive paths round trip Windows → POSIX → Windows (drive letter upper-cased), for both drive styles', FUZZ_TEST, () => {
    fc.assert(
      fc.property(letter, segments, root, style, (l, segs, r, driveStyle) => {
        const win = `${l}:\\${segs.join('\\')}`;
        const posix = windowsToPosix(win, { root: r, driveStyle });
        assert.ok(posix.startsWith('/'), posix);
        assert.ok(!posix.includes('\\'), posix);
        const back = posixToWindows(posix, { root: r, driveStyle });
        assert.equal(back.toLowerCase(), normalizeWindowsPath(win).toLowerCase(), `${win} → ${posix} → ${back}`);
      }),
      fuzzParams(),
    );
  });

  test('paths under the root map to /... and back exactly', FUZZ_TEST, () => {
    fc.assert(
      fc.property(root, segments, style, (r, segs, driveStyle) => {
        const win = `${r}\\${segs.join('\\')}`;
        const posix = windowsToPosix(win, { root: r, driveStyle });
        assert.equal(posix, `/${segs.join('/')}`);
        assert.equal(posixToWindows(posix, { root: r, driveStyle }), win);
        assert.equal(windowsToPosix(r, { root: r }), '/');
      }),
      fuzzParams(),
    );
  });

  test('UNC and namespace-prefixed paths: \\\\?\\, \\??\\, \\??\\UNC\\ normalise to the plain form and round trip', FUZZ_TEST, () => {
    fc.assert(
      fc.property(segments, segments, letter, (host, rest, l) => {
        const unc = `\\\\${host[0]}\\${rest.join('\\')}`;
        for (const p of [unc, `\\??\\UNC\\${host[0]}\\${rest.join('\\')}`, `\\\\?\\UNC\\${host[0]}\\${rest.join('\\')}`]) {
          assert.equal(normalizeWindowsPath(p), unc);
          assert.ok(isWindowsPath(p), p);
          const posix = windowsToPosix(p);
          assert.equal(posix, `//${host[0]}/${rest.join('/')}`);
          assert.equal(posixToWindows(posix), unc);
        }
        const drive = `${l.toUpperCase()}:\\${rest.join('\\')}`;
        for (const p of [`\\??\\${drive}`, `\\\\?\\${drive}`, `\\\\.\\${drive}`, drive.replace(/\\/g, '/')]) assert.equal(normalizeWindowsPath(p), drive);
      }),
      fuzzParams(),
    );
  });

  test('normalizeWindowsPath is idempotent and nothing throws, on any string', FUZZ_TEST, () => {
    const any = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: fc.constantFrom('\\', '/', '?', '.', ':', 'C', 'c', 'U', 'N', ' ', 'é', '\u0000'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(any, style, (s, driveStyle) => {
        const n = normalizeWindowsPath(s);
        assert.equal(normalizeWindowsPath(n), n, JSON.stringify(s));
        windowsToPosix(s, { driveStyle });
        posixToWindows(s, { driveStyle });
        isWindowsPath(s);
        guessRoot([s, n]);
      }),
      fuzzParams(),
    );
  });

  test('guessRoot finds a generated root from its bin\\cygwin1.dll or home folder', FUZZ_TEST, () => {
    fc.assert(
      fc.property(root, segments, fc.constantFrom('bin\\cygwin1.dll', 'usr\\bin\\bash.exe', 'bin\\msys-2.0.dll'), (r, segs, tail) => {
        assert.equal(guessRoot([`${r}\\${tail}`]), r);
        assert.equal(guessRoot([`${r}\\home\\${segs.join('\\')}`]), r);
      }),
      fuzzParams(),
    );
  });
});
