import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { matchMessage } from '../../src/diagnose/messages.js';
import { plainLine, quietLine } from '../../src/diagnose/quiet.js';
import { findVersionInLine } from '../../src/cygwin/version.js';
import { cleanLine } from '../../src/trace/read.js';
import { parseStraceLine } from '../../src/trace/strace.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

// The quiet-line regex the hand-written parser replaced (quiet.ts before it), as the reference.
const HEX = '0x[0-9A-Fa-f]+';
const QUIET = new RegExp(
  String.raw`^(?: *-?\d+ +\d+ \[[A-Za-z0-9]+\] ([A-Za-z0-9.+-]+) (\d+|\(\d+\)) (?:` +
    [
      String.raw`child_copy: (?:done|[a-z ]+ - hp ${HEX} low ${HEX}, high ${HEX}, res 1)`,
      String.raw`resume_child: signalled child`,
      String.raw`sync_with_parent: (?:awake|signalling parent: [a-z ,]+)`,
      String.raw`child_info::sync: (?:n \d+, waiting for subproc_ready\(${HEX}\) and child process\(${HEX}\)|pid \d+, WFMO returned \d+, exit_code ${HEX}, res 1)`,
      String.raw`frok::parent: (?:priority class \d+|child is alive \(but stopped\))`,
      String.raw`frok::parent: CreateProcessW \((?![^\n]*(?:DLL version|  |[Mm][Ss][Yy][Ss]|MINGW|\\[Gg][Ii][Tt]\\))[A-Za-z0-9:\\. ,]*\)`,
      String.raw`frok::child: hParent ${HEX}, load_dlls \d+`,
      String.raw`dofork: 0 = fork\(\)`,
    ].join('|') +
    String.raw`)|--- Process (\d+)(?: \(pid: (\d+)\))? thread \d+ (?:created|exited with status ${HEX}))\r?$`,
);
function reference(raw: string): { program?: string; pid?: number; winpid?: number } | undefined {
  const m = QUIET.exec(raw);
  if (!m) return undefined;
  if (m[3] !== undefined) return m[4] === undefined ? { winpid: Number(m[3]) } : { winpid: Number(m[3]), pid: Number(m[4]) };
  if (/cygwin|msys/i.test(m[1]!)) return undefined;
  // (The old parser took any number of digits; the new one takes up to 15 and no 12-digit first number.)
  if (/^ *-?(?:\d{12}|\d{16,}) /.test(raw) || /\d{16,}/.test(raw)) return undefined;
  const id = m[2]!;
  return id.startsWith('(') ? { program: m[1]!, winpid: Number(id.slice(1, -1)) } : { program: m[1]!, pid: Number(id) };
}

let dir = '';
let generated = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fast-lines-'));
  generated = path.join(dir, 'gen.log');
  execFileSync(process.execPath, [path.join(ROOT, 'bench/gen-strace-log.mjs'), generated, '1', '0.5']);
});
after(() => rm(dir, { recursive: true, force: true }));

const corpus = (): string[] => {
  const LOGS = path.join(FIXTURES, 'logs');
  const out: string[] = [];
  for (const f of [...readdirSync(LOGS).map((n) => path.join(LOGS, n)), generated]) out.push(...readFileSync(f, 'latin1').split('\n'));
  return out;
};

/** What the full path would see of a plain line (index.ts `line()`): none of it may match. */
const MARKERS = /DLL version|_NT-|x86_64|cygwin-|cygwin {2}|msys|MSYS|MINGW|\\Git\\|msys2-runtime/i;

describe('the hand-written quiet/plain line parser', () => {
  test('quiet lines: the same as the regex it replaced, on every fixture and generated line, and on mutations of them', () => {
    const lines = corpus();
    let quiet = 0;
    for (const raw of lines) {
      const q = quietLine(raw);
      assert.deepEqual(q, reference(raw), raw);
      if (q) quiet++;
    }
    assert.ok(quiet > 1000, `${quiet} quiet lines`);
    // Mutations: one character replaced, inserted or deleted anywhere in a quiet or plain line.
    const shaped = lines.filter((l) => quietLine(l) || plainLine(l)).slice(0, 400);
    const chars = fc.constantFrom(' ', '-', '_', '0', '9', 'a', 'x', 'A', '(', ')', ':', '\\', '\r', '\x1b', 'é', 'cygwin', 'MSYS', 'DLL version', '  ');
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 }), chars, (li, at, op, c) => {
        const l = shaped[li % shaped.length]!;
        const i = at % (l.length + 1);
        const m = op === 0 ? l.slice(0, i) + c + l.slice(i + 1) : op === 1 ? l.slice(0, i) + c + l.slice(i) : l.slice(0, i) + l.slice(i + 1);
        assert.deepEqual(quietLine(m), reference(m), JSON.stringify(m));
      }),
      { numRuns: 3000 },
    );
  });

  test('plain lines parse exactly as the full path parses them, and hold no fork message, version or marker', () => {
    let plain = 0;
    const check = (raw: string): void => {
      const p = plainLine(raw);
      if (!p) return;
      plain++;
      const text = cleanLine(raw);
      assert.deepEqual(p.plain, parseStraceLine(text), raw);
      assert.equal(p.text, text.trim());
      assert.equal(matchMessage(text), undefined, raw);
      assert.equal(findVersionInLine(text), undefined, raw);
      assert.doesNotMatch(text, MARKERS);
      assert.equal(quietLine(raw), undefined);
    };
    for (const raw of corpus()) check(raw);
    assert.ok(plain > 1000, `${plain} plain lines`);
    for (const raw of [
      '   61  201327 [main] make 2345 dofork: entering',
      '   44  201833 [main] chibi-scheme 1623 dofork: 1624 = fork()\r',
      '   44  201833 [main] sh 1623 dofork: -1 = fork()',
      '  -44  201833 [main] sh 1623 dofork: 00 = fork()',
      '   52  201749 [main] chibi-scheme 1623 frok::parent: forked pid 9012',
      '   11     575 [main] chibi-scheme 1630 frok::child: child is running.  pid 1630, ppid 1623, stack here 0x7FFFFCC30',
      '--- Process 9012 created',
      '--- Process 9012 (pid: 1624) created',
      '--- Process 9012 (pid: 1624) exited with status 0xC0000142\r',
    ]) {
      const before = plain;
      check(raw);
      assert.equal(plain, before + 1, `plain: ${raw}`);
    }
    // Not plain: a -H mask, a timestamp or colour prefix, a suspicious program name, more text after the shape.
    for (const raw of [
      '123456789012  201327 [main] make 2345 dofork: entering',
      '2024-05-01T10:00:00.1234567Z    61  201327 [main] make 2345 dofork: entering',
      '\x1b[0m   61  201327 [main] make 2345 dofork: entering',
      '   61  201327 [main] msys-2.0 2345 dofork: entering',
      '   61  201327 [main] x86_64-w64-mingw32-gcc 2345 dofork: entering',
      '   61  201327 [main] make 2345 dofork: entering now',
      '   61  201327 [main] make 2345 dofork: 1624 = fork() and more',
      '   61  201327 [main] make 2345! dofork: entering',
      '--- Process 9012 loaded C:\\cygwin64\\bin\\cygwin1.dll at 0000000180040000',
      '--- Process 9012 (pid: 1624) exited with status 0x',
      '   61  201327 [main] make 2345 dofork: 1234567890123456 = fork()',
    ]) {
      assert.equal(plainLine(raw), undefined, raw);
    }
  });
});
