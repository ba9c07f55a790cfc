import assert from 'node:assert/strict';
import { FUZZ_RUNS, fuzzParams } from '../helpers/fuzz.js';
import { describe, test } from 'node:test';
import { makeDocument } from '../../src/model/document.js';
import type { Finding, Severity } from '../../src/model/finding.js';
import { ANNOTATION_LIMITS, escapeData, escapeProperty, stopCommandsWrap, workflowCommand } from '../../src/report/github.js';
import { renderReport, type ChangedLines } from '../../src/report/index.js';
import { fixtureDocument, loadFixture, renderOpts } from './fixture.js';

/** The runner's reading of a workflow command line (actions/runner ActionCommand.TryParseV2, for `::` commands). */
interface Parsed {
  command: string;
  props: Record<string, string>;
  data: string;
}
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

function parseCommand(line: string): Parsed | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = line.slice(2, end);
  const sp = head.indexOf(' ');
  const command = sp < 0 ? head : head.slice(0, sp);
  const props: Record<string, string> = {};
  if (sp >= 0) {
    for (const kv of head.slice(sp + 1).split(',')) {
      const eq = kv.indexOf('=');
      props[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1));
    }
  }
  return { command, props, data: unescapeData(line.slice(end + 2)) };
}

/** Every way a log viewer or runner could split lines. */
const splitLines = (out: string) => out.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);

// eslint-disable-next-line no-control-regex -- the same set the renderer replaces
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u0085]/g;

function staticFinding(i: number, severity: Severity, file = `src/f${i}.c`): Finding {
  return {
    kind: 'static',
    ruleId: 'CH001',
    cause: 'deleted-dll',
    severity,
    file,
    line: 10 + i,
    message: `finding ${i}`,
    evidence: [{ role: 'delete', file, line: 10 + i, text: 'unlink(path);' }],
    language: 'c',
  };
}

describe('github annotations', () => {
  test('escaping matches actions/toolkit escapeData / escapeProperty', () => {
    assert.equal(escapeData('100% a\r\nb::c,d'), '100%25 a%0D%0Ab::c,d');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    // `%` first, so an already-escaped-looking input stays literal.
    assert.equal(escapeData('%0A'), '%250A');
    assert.equal(workflowCommand('error', { file: 'a.c', line: 3, col: undefined, title: '' }, 'm'), '::error file=a.c,line=3::m');
  });

  test('hostile message, file name and evidence cannot issue a workflow command', async () => {
    const doc = fixtureDocument();
    const out = await renderReport(doc, 'github', renderOpts());
    const hostile = doc.findings.find((f) => f.file.includes('evil'))!;
    const lines = splitLines(out).filter((l) => l !== '');
    assert.equal(lines.length, doc.findings.length, 'one line per annotation, nothing else');
    let sawHostile = false;
    for (const line of lines) {
      const cmd = parseCommand(line);
      assert.ok(cmd, `a line that is not a command: ${line}`);
      assert.ok(['error', 'warning', 'notice'].includes(cmd.command), `unexpected command ${cmd.command}`);
      assert.deepEqual(Object.keys(cmd.props).filter((k) => !['file', 'line', 'col', 'endLine', 'endColumn', 'title'].includes(k)), []);
      // Fully escaped: no raw separators left in the properties, no raw CR/LF anywhere.
      assert.ok(!/[\r\n]/.test(line));
      const rawProps = line.slice(2, line.indexOf('::', 2));
      for (const v of rawProps.split(',').map((kv) => kv.slice(kv.indexOf('=') + 1))) assert.ok(!v.includes(':'), v);
      if (cmd.props.file === hostile.file) {
        sawHostile = true;
        assert.equal(cmd.command, 'notice');
        // The runner gets the text back exactly (control characters other than CR/LF replaced).
        assert.ok(cmd.data.startsWith(hostile.message.replace(UNSAFE, '\uFFFD')), cmd.data.slice(0, 200));
        assert.ok(cmd.data.includes('::add-mask::secret'));
        assert.ok(cmd.data.includes(hostile.evidence[0]!.text!.replace(UNSAFE, '\uFFFD')));
        assert.ok(!cmd.data.includes('\u001b'));
      }
    }
    assert.ok(sawHostile);
    // No line of the output, however split, starts with anything but our three commands.
    for (const l of splitLines(out)) if (l.startsWith('::')) assert.match(l, /^::(error|warning|notice) file=/);
  });

  test('limits: 10 errors, 10 warnings, 9 notices + one overflow notice with the count and where the report is', async () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 14; i++) findings.push(staticFinding(i, 'error'));
    for (let i = 14; i < 40; i++) findings.push(staticFinding(i, 'warning'));
    for (let i = 40; i < 55; i++) findings.push(staticFinding(i, 'note'));
    const out = await renderReport(makeDocument(findings), 'github', renderOpts({ reportLocations: ['the job summary', 'the cygwin-hygiene-report artifact'] }));
    const cmds = splitLines(out).filter(Boolean).map((l) => parseCommand(l)!);
    const count = (c: string) => cmds.filter((x) => x.command === c).length;
    assert.equal(count('error'), ANNOTATION_LIMITS.error);
    assert.equal(count('warning'), ANNOTATION_LIMITS.warning);
    assert.equal(count('notice'), ANNOTATION_LIMITS.notice);
    assert.ok(cmds.length <= ANNOTATION_LIMITS.perJob);
    const last = cmds.at(-1)!;
    assert.equal(last.command, 'notice');
    assert.equal(last.props.title, 'cygwin-hygiene: more findings');
    assert.match(last.data, /^55 findings in total; 26 not annotated here \(26 static\)/);
    assert.match(last.data, /The full report: the job summary, the cygwin-hygiene-report artifact\.$/);
  });

  test('no overflow notice when everything fits', async () => {
    const out = await renderReport(makeDocument([staticFinding(1, 'error'), staticFinding(2, 'note')]), 'github', renderOpts());
    assert.equal(splitLines(out).filter(Boolean).length, 2);
    assert.doesNotMatch(out, /more findings/);
  });

  test('ranking: runtime failures first, then findings on changed lines; others counted, never hidden', async () => {
    const fx = loadFixture();
    const runtime = fx.findings.filter((f) => f.kind === 'runtime');
    const statics = Array.from({ length: 30 }, (_, i) => staticFinding(i, 'warning'));
    const doc = makeDocument([...statics, ...runtime]);
    const changedLines: ChangedLines = new Map<string, Set<number> | { start: number; end: number }[]>([
      ['src/f25.c', new Set([35])],
      ['src/f7.c', [{ start: 1, end: 20 }]],
    ]);
    const out = await renderReport(doc, 'github', renderOpts({ changedLines }));
    const cmds = splitLines(out).filter(Boolean).map((l) => parseCommand(l)!);
    assert.deepEqual(
      cmds.map((c) => c.props.file),
      ['logs/console.log', 'logs/strace.log', 'src/f25.c', 'src/f7.c', undefined],
    );
    assert.match(cmds.at(-1)!.data, /^32 findings in total; 28 not annotated here \(28 static\): annotations go to failures and the lines this PR changed first/);
    // annotateAll: the changed lines still come first, then the rest up to the limit.
    const all = await renderReport(doc, 'github', renderOpts({ changedLines, annotateAll: true }));
    const files = splitLines(all).filter(Boolean).map((l) => parseCommand(l)!.props.file);
    assert.deepEqual(files.slice(0, 4), ['logs/console.log', 'logs/strace.log', 'src/f25.c', 'src/f7.c']);
    assert.equal(files.filter((f) => f?.startsWith('src/')).length, 10);
  });

  test('stopCommandsWrap: a random token per use, raw output between the markers, token never inside the text', () => {
    const raw = '::error::forged\n::add-mask::x\n';
    const a = stopCommandsWrap(raw);
    const b = stopCommandsWrap(raw);
    const tokenA = /^::stop-commands::(\S+)\n/.exec(a)![1]!;
    const tokenB = /^::stop-commands::(\S+)\n/.exec(b)![1]!;
    assert.notEqual(tokenA, tokenB);
    assert.match(tokenA, /^ch-[0-9a-f-]{36}$/);
    assert.equal(a, `::stop-commands::${tokenA}\n${raw}::${tokenA}::\n`);
    // A text that contains the proposed token forces a new one.
    const sneaky = `x ${tokenA} y`;
    const c = stopCommandsWrap(sneaky, tokenA);
    assert.ok(!c.startsWith(`::stop-commands::${tokenA}\n`));
    assert.ok(c.endsWith('::\n'));
    assert.equal(stopCommandsWrap('no newline', 'ch-t'), '::stop-commands::ch-t\nno newline\n::ch-t::\n');
  });
});

describe('github escaping, property-based', () => {
  test('any message, file and evidence text: one command line each, and the runner reads back exactly our text', async () => {
    const fc = await import('fast-check');
    const nasty = fc.constantFrom('::', '%', '%0A', '%25', '\r', '\n', '\r\n', ',', ':', '=', '::stop-commands::x', '::add-mask::', '\u2028', '\u0085', '\u001b', ' ');
    const text = fc.array(fc.oneof(nasty, fc.string({ maxLength: 5 })), { maxLength: 12 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(text, text, text, async (message, file, ev) => {
        const f: Finding = {
          kind: 'static',
          ruleId: 'CH001',
          cause: 'deleted-dll',
          severity: 'error',
          file: file || 'x',
          line: 1,
          message,
          evidence: [{ role: 'delete', file: file || 'x', line: 1, text: ev }],
          recommendation: { summary: 's', options: [] },
        };
        const out = await renderReport(makeDocument([f]), 'github', renderOpts());
        const lines = splitLines(out).filter((l) => l !== '');
        assert.equal(lines.length, 1);
        const cmd = parseCommand(lines[0]!)!;
        assert.equal(cmd.command, 'error');
        assert.equal(cmd.props.file, (file || 'x').replace(UNSAFE, '\uFFFD'));
        assert.ok(cmd.data.startsWith(`${message.replace(UNSAFE, '\uFFFD')}\n`));
      }),
      fuzzParams({ numRuns: Math.max(300, FUZZ_RUNS) }),
    );
  });

  test('a runtime finding on a log outside the workspace is annotated without a location, naming the log line', async () => {
    const f: Finding = {
      kind: 'runtime',
      ruleId: 'runtime/deleted-dll',
      cause: 'deleted-dll',
      severity: 'error',
      file: '/tmp/runner/strace.log',
      line: 30,
      message: 'fork() failed',
      evidence: [{ role: 'abort', file: '/tmp/runner/strace.log', line: 30 }],
      recommendation: { summary: 's', options: [] },
    };
    const out = await renderReport(makeDocument([f], [], { logs: ['/tmp/runner/strace.log'] }), 'github', renderOpts());
    const cmd = parseCommand(splitLines(out)[0]!)!;
    assert.equal(cmd.props.file, undefined);
    assert.ok(cmd.data.startsWith('/tmp/runner/strace.log:30: fork() failed'), cmd.data);
  });

  test('huge evidence text is clipped; the docs link survives', async () => {
    const f = { ...staticFinding(1, 'error'), evidence: [{ role: 'delete' as const, file: 'a.c', line: 1, text: 'x'.repeat(100_000) }], message: 'y'.repeat(20_000) };
    const out = await renderReport(makeDocument([f]), 'github', renderOpts());
    const cmd = parseCommand(out.trimEnd())!;
    assert.ok(cmd.data.length <= 8 * 1024, String(cmd.data.length));
    assert.match(cmd.data, /\nDocs: https:\/\/\S+CH001\.md$/);
  });
});

describe('github annotation placement', () => {
  test('a runtime failure in a log is annotated on the source line that deleted the DLL (joined evidence)', async () => {
    const out = await renderReport(fixtureDocument(), 'github', renderOpts());
    const cmds = splitLines(out).filter(Boolean).map((l) => parseCommand(l)!);
    const deleted = cmds.find((c) => c.props.title?.includes('runtime/deleted-dll'))!;
    assert.deepEqual([deleted.props.file, deleted.props.line, deleted.props.col], ['tests/ffi-tests.scm', '26', '14']);
    assert.match(deleted.data, /^Failed at run time \(logs\/strace\.log:15\): fork\(\) failed in chibi-scheme/);
    // No source evidence: it stays on the log line.
    const collision = cmds.find((c) => c.props.title?.includes('runtime/address-collision'))!;
    assert.deepEqual([collision.props.file, collision.props.line], ['logs/console.log', '2']);
  });
});
