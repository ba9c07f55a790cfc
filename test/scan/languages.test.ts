import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PREFILTER, firstLineMatters, languageOf, prefilter, prefilterBytes, type LanguageId } from '../../src/scan/languages.js';

describe('languageOf', () => {
  it('maps extensions, file names and #! lines', () => {
    assert.equal(languageOf('src/a.c'), 'c');
    assert.equal(languageOf('src/a.hpp'), 'cpp');
    assert.equal(languageOf('x/Makefile'), 'make');
    assert.equal(languageOf('x/rules.mk'), 'make');
    assert.equal(languageOf('tests/ffi-tests.scm'), 'scheme');
    assert.equal(languageOf('t/basic.t'), 'perl');
    assert.equal(languageOf('tests/io.test'), 'tcl');
    assert.equal(languageOf('tests/io.test', '#!/bin/sh'), 'shell', 'autotools .test scripts follow their #! line');
    assert.equal(languageOf('bin/run', '#!/usr/bin/env python3'), 'python');
    assert.equal(languageOf('bin/run', '#! /bin/bash -e'), 'shell');
    assert.equal(languageOf('bin/run', '#!/usr/local/bin/chibi-scheme'), 'scheme');
    assert.equal(languageOf('types.d.ts'), undefined);
    assert.equal(languageOf('kernel.cl'), undefined, '.cl is OpenCL as often as Lisp');
    assert.equal(languageOf('README'), undefined);
  });

  it('prefilter: only files that mention a load are parsed', () => {
    assert.equal(prefilter('c', 'int main(void) { unlink("x"); fork(); }'), false);
    assert.equal(prefilter('c', 'void *h = dlopen("x.so", 0);'), true);
    assert.equal(prefilter('python', 'import os\nos.remove("x")'), false);
    assert.equal(prefilter('python', 'ctypes.CDLL("x")'), true);
  });
});

describe('prefilterBytes and firstLineMatters: the shortcuts the reader takes', () => {
  // prefilterBytes searches fewer needles than PREFILTER has words (a word holding another is dropped; words
  // ending in the same three capitals share one search, confirmed around each hit): it must still say exactly
  // what `prefilter` says on the text, for every language.
  const fragments = [...new Set(Object.values(PREFILTER).flat())].flatMap((w) => [w, w.slice(1), w.slice(0, -1), w.slice(-3), w.toLowerCase()]);
  it('prefilterBytes(lang, bytes) === prefilter(lang, text) on random text made of the words and their parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 }), fc.constantFrom(' ', '\n', 'x', 'C', 'Py', 'D')), { maxLength: 12 }),
        (parts) => {
          const text = parts.join('');
          for (const lang of Object.keys(PREFILTER) as LanguageId[]) {
            assert.equal(prefilterBytes(lang, Buffer.from(text, 'latin1')), prefilter(lang, text), `${lang}: ${JSON.stringify(text)}`);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('the shared-tail search confirms the head: DLL alone, or after the wrong letters, is no match', () => {
    for (const t of ['DLL', 'xDLL', 'yDLL', 'inDLL', 'leDLL', 'DLLCDL']) assert.equal(prefilterBytes('python', Buffer.from(t)), false, t);
    for (const t of ['CDLL', 'xxPyDLL', 'a WinDLL', 'OleDLL(', 'DLL CDLL']) assert.equal(prefilterBytes('python', Buffer.from(t)), true, t);
  });

  it('when firstLineMatters is false, no #! line changes the language', () => {
    const names = ['a.c', 'a.py', 'x/Makefile', 'Rakefile', 'a.d.ts', 'a.test', 't/a.t', 'bin/run', 'README', 'a.txt', 'A.PY', 'x.sh', 'configure'];
    const lines = ['', '#!/bin/sh', '#!/usr/bin/env python3', '#!/usr/bin/perl -w', 'int x;', '#! /usr/bin/env -S node --x'];
    for (const n of names) {
      if (firstLineMatters(n)) continue;
      for (const l of lines) assert.equal(languageOf(n, l), languageOf(n), `${n} with ${l}`);
    }
    assert.equal(firstLineMatters('bin/run'), true);
    assert.equal(firstLineMatters('tests/io.test'), true);
    assert.equal(firstLineMatters('a.c'), false);
  });
});
