import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageOf, prefilter } from '../../src/scan/languages.js';

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
