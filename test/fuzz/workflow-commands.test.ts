/**
 * No byte sequence in a log, a test's output or a file name can make the action's output start a workflow command.
 * The output is parsed the way the runner does (actions/runner ActionCommandManager / ActionCommand):
 * - the job log is split into lines at \n, \r\n and a lone \r (StreamReader.ReadLine);
 * - v2 commands: after TrimStart() (every Unicode white space, incl. U+0085, U+2028, U+00A0), the line starts with
 *   `::` and has a second `::`; the name runs to the first space;
 * - legacy commands: `##[name ...]` anywhere in the line;
 * - after `::stop-commands::TOKEN` every command is ignored until one named TOKEN (`::TOKEN::`, or `##[TOKEN]`).
 * We count every name as a command (the runner only acts on registered ones): stricter than the runner.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { makeDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import { renderGithub, safeLogLine, stopCommandsWrap, workflowCommand } from '../../src/report/github.js';
import { ACTION_FIXTURES, runAction, type ActionRun } from '../action/harness.js';
import { FUZZ_SEED, FUZZ_TEST, fuzzParams } from '../helpers/fuzz.js';

interface Cmd {
  name: string;
  data: string;
  line: number;
  props: string;
}

const WS = /^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The commands the runner would see in `out`, and whether a stop-commands fence was left open. */
export function runnerCommands(out: string): { commands: Cmd[]; ignored: Cmd[]; openFence: string | null } {
  const commands: Cmd[] = [];
  const ignored: Cmd[] = [];
  let stop: string | null = null;
  out.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let cmd: Cmd | undefined;
    const t = raw.replace(WS, '');
    const end = t.startsWith('::') ? t.indexOf('::', 2) : -1;
    if (end >= 0) {
      const info = t.slice(2, end);
      const sp = info.indexOf(' ');
      cmd = { name: sp < 0 ? info : info.slice(0, sp), props: sp < 0 ? '' : info.slice(sp + 1), data: t.slice(end + 2), line: i + 1 };
    } else {
      const p = raw.indexOf('##[');
      const rb = p >= 0 ? raw.indexOf(']', p) : -1;
      if (rb >= 0) {
        const info = raw.slice(p + 3, rb);
        const sp = info.indexOf(' ');
        cmd = { name: sp < 0 ? info : info.slice(0, sp), props: sp < 0 ? '' : info.slice(sp + 1), data: raw.slice(rb + 1), line: i + 1 };
      }
    }
    if (!cmd || !cmd.name) return;
    if (stop !== null) {
      if (cmd.name.toLowerCase() === stop.toLowerCase()) {
        stop = null;
        commands.push({ ...cmd, name: '(resume)' });
      } else ignored.push(cmd);
      return;
    }
    commands.push(cmd);
    if (cmd.name.toLowerCase() === 'stop-commands') stop = cmd.data;
  });
  return { commands, ignored, openFence: stop };
}

// Hostile text: commands in every spelling, line breaks the runner splits on, escapes that decode to line breaks.
const hostileBits = [
  '::error::INJECTED',
  '::warning file=x,line=1::INJECTED',
  '::stop-commands::INJECTED',
  '::add-mask::INJECTED',
  '::set-output name=INJECTED::1',
  '::endgroup::',
  '  \t::error::INJECTED',
  '\u2028::error::INJECTED',
  '\u0085::notice::INJECTED',
  '\u00a0::debug::INJECTED',
  '%0A::set-output name=INJECTED::x',
  '%0D%0A::error::INJECTED',
  '##[error]INJECTED',
  '##[set-output name=INJECTED;]x',
  '\u001b[31m::error::INJECTED\u001b[0m',
  '::ch-00000000000000000000000000000000::',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\u2029',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...hostileBits), fc.string({ maxLength: 12 }), fc.constantFrom('C:\\cygwin64\\home\\José\\テスト\\', 'evil.dll', ' ')), { minLength: 1, maxLength: 12 })
  .map((a) => a.join(''));

const LEGIT_ANNOTATION_PROPS = new Set(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);

function assertAnnotationLine(c: Cmd): void {
  assert.ok(['error', 'warning', 'notice'].includes(c.name), `unexpected command ${c.name} on line ${c.line}`);
  for (const kv of c.props.split(',').filter(Boolean)) {
    const k = kv.slice(0, kv.indexOf('='));
    assert.ok(LEGIT_ANNOTATION_PROPS.has(k), `property ${k} in ${JSON.stringify(c)}`);
  }
}

function hostileFinding(kind: Finding['kind'], file: string, msg: string, text: string, dll: string): Finding {
  return {
    kind,
    ruleId: kind === 'static' ? 'CH001' : `${kind}/deleted-dll`,
    cause: 'deleted-dll',
    severity: 'error',
    file,
    line: 3,
    message: msg,
    evidence: [
      { role: 'load', file, line: 1, text },
      { role: 'delete', file: `${file}${text}`, line: 2, text: msg },
    ],
    dll,
    recommendation: { summary: msg, options: [{ id: 'x', title: text, change: { file, line: 2, before: text, after: `${msg}\n${text}` } }] },
  };
}

describe('workflow commands: renderers', () => {
  test('renderGithub: every output line is exactly one annotation we built, whatever the findings hold', FUZZ_TEST, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom<Finding['kind']>('static', 'runtime', 'predicted'), hostile, hostile, hostile, hostile), { minLength: 1, maxLength: 14 }), (specs) => {
        const findings = specs.map(([k, f, m, t, d]) => hostileFinding(k, `tests/${f}`, m, t, d));
        const doc = makeDocument(findings, [], { logs: ['tests/' + specs[0]![1]] });
        const out = renderGithub(doc, { env: {}, cwd: '/w' } as never);
        const physical = out.split(/\r\n|\r|\n/).filter((l, i, a) => !(i === a.length - 1 && l === ''));
        const { commands, openFence } = runnerCommands(out);
        assert.equal(openFence, null);
        assert.equal(commands.length, physical.length, `a line that is no command, or split lines:\n${out}`);
        assert.ok(commands.length <= Math.min(findings.length, 50) + 1);
        for (const c of commands) assertAnnotationLine(c);
      }),
      fuzzParams(),
    );
  });

  test('workflowCommand: any message and property values stay one command line', FUZZ_TEST, () => {
    fc.assert(
      fc.property(hostile, hostile, (msg, v) => {
        const line = workflowCommand('warning', { file: v, title: v }, msg);
        const { commands } = runnerCommands(line);
        assert.equal(commands.length, 1);
        assert.equal(commands[0]!.name, 'warning');
        assert.equal(line.split(/\r\n|\r|\n/).length, 1);
      }),
      fuzzParams(),
    );
  });

  test('safeLogLine: a plain log line quoting any data is never a command and stays one line', FUZZ_TEST, () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const line = safeLogLine(`${a}: ${b}`);
        assert.equal(line.split(/\r\n|\r|\n/).length, 1);
        assert.deepEqual(runnerCommands(line).commands, []);
        assert.deepEqual(runnerCommands(safeLogLine(a)).commands, []);
      }),
      fuzzParams(),
    );
  });

  test('stopCommandsWrap: nothing inside the fence runs, the fence ends only on its own last line', FUZZ_TEST, () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, guess) => {
        // A "guessed" token that the text contains must not be used.
        const token = guess ? 'ch-guessed' : undefined;
        const body = guess ? `${text}\n::ch-guessed::\n::error::INJECTED` : text;
        const wrapped = `before\n${stopCommandsWrap(body, token)}after\n`;
        const { commands, openFence } = runnerCommands(wrapped);
        assert.equal(openFence, null);
        assert.deepEqual(commands.map((c) => c.name), ['stop-commands', '(resume)'], wrapped);
        const lines = wrapped.split(/\r\n|\r|\n/);
        assert.equal(commands[1]!.line, lines.length - 2, 'the fence ends on the last line of the wrap');
      }),
      fuzzParams(),
    );
  });
});

describe('workflow commands: the real action run', () => {
  const runs: ActionRun[] = [];
  const made: string[] = [];
  after(async () => {
    await Promise.all([...runs.map((r) => rm(r.dir, { recursive: true, force: true })), ...made.map((d) => rm(d, { recursive: true, force: true }))]);
  });

  // A few generated hostile cases (each is a real action process, ~2 s): the test prints them, the strace log holds
  // them in a failing fork's DLL path, and a source file name under tests/ carries them too.
  const cases = fc.sample(hostile, { seed: FUZZ_SEED, numRuns: 2 });
  cases.unshift('::error::INJECTED\r::add-mask::INJECTED\u2028::set-output name=INJECTED::1\n%0A::stop-commands::INJECTED\n##[error]INJECTED');
  for (const [i, h] of cases.entries()) {
    test(`hostile case ${i}: the only commands are the action's own, the test output fence is not ended early`, { timeout: 60_000 }, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'ch-fuzz-wf-'));
      made.push(dir);
      // eslint-disable-next-line no-control-regex -- NULs are what a log line cannot keep
      const flat = h.replace(/[\r\n\u0000]/g, ' ');
      const log = [
        '--- Process 4711 created',
        `--- Process 4711 loaded C:\\cygwin64\\home\\ci\\tests\\${flat}x.dll at 0000000500000000`,
        `   66 64828379 [main] bash 302196 child_info_fork::abort: unable to map C:\\cygwin64\\home\\ci\\tests\\${flat}x.dll, Win32 error 126`,
        h,
        '',
      ].join('\n');
      await writeFile(path.join(dir, 'strace.log'), log);
      // The test prints the hostile bytes raw (NULs too: they cannot travel in an environment variable, so from a file).
      await writeFile(path.join(dir, 'out.txt'), `${h}\n::${h}::\n${h}`);
      // ...and leaves a source file under tests/ whose name carries them (the scan reads it after the tests ran;
      // invalid UTF-8 inside, so the scan has a diagnostic naming it).
      const script = `cat ${shellQuote(path.join(dir, 'out.txt'))}; mkdir -p tests; printf 'void *h = dlopen("a.dll", 0); /* \\377 */\\n' > "tests/$(printf '%s' ${shellQuote(h.replace(/\//g, '_').split('\u0000').join('_'))})x.c"`;
      const r = await runAction({ run: script, annotate: 'true' }, { straceLog: path.relative(ACTION_FIXTURES, path.join(dir, 'strace.log')) });
      runs.push(r);
      const { commands, ignored, openFence } = runnerCommands(r.stdout);
      assert.equal(openFence, null, 'a stop-commands fence is left open');
      const fence = commands.findIndex((c) => c.name === 'stop-commands');
      assert.ok(fence >= 0, r.stdout);
      assert.match(commands[fence]!.data, /^ch-[0-9a-f]{32}$/);
      assert.equal(commands[fence + 1]!.name, '(resume)');
      // the test output really was inside: the hostile bits printed by the test are among the ignored ones
      const inside = r.stdout.split(/\r\n|\r|\n/).slice(commands[fence]!.line, commands[fence + 1]!.line - 1).join('\n');
      if (h.includes('INJECTED')) assert.match(inside, /INJECTED/);
      if (/^\s*::error::INJECTED/m.test(h)) assert.ok(ignored.some((c) => c.name === 'error' && c.data.includes('INJECTED')));
      const allowed = new Set(['add-path', 'group', 'endgroup', 'stop-commands', '(resume)', 'error', 'warning', 'notice', 'debug']);
      for (const c of commands) {
        assert.ok(allowed.has(c.name), `command ${JSON.stringify(c)} in:\n${r.stdout}`);
        if (['error', 'warning', 'notice'].includes(c.name)) assertAnnotationLine(c);
        if (c.name === 'group') assert.doesNotMatch(c.data, /INJECTED/);
        if (c.name === 'add-path') assert.equal(c.data, path.join(r.temp, 'cygwin-hygiene', 'bin'), 'only the wrapper folder is added to PATH');
      }
      assert.ok(!Object.keys(r.outputs).some((k) => k.includes('INJECTED')), JSON.stringify(r.outputs));
    });
  }
});

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}
