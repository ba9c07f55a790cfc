import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import { renderReport } from '../../src/report/index.js';
import { STEP_SUMMARY_LIMIT, fenced, locationLink, mdText } from '../../src/report/markdown.js';
import { mermaidText, mermaidTimeline } from '../../src/report/timeline.js';
import { makeColors } from '../../src/util/color.js';
import { fixtureDocument, loadFixture, renderOpts } from './fixture.js';

const fx = loadFixture();

function manyStatic(n: number): Finding[] {
  const base = fx.findings.find((f) => f.ruleId === 'CH001' && f.language === 'python')!;
  return Array.from({ length: n }, (_, i) => ({ ...base, file: `tests/gen/t${i}.py`, line: 13 + (i % 50), message: `${base.message} (#${i})` }));
}

describe('markdown job summary', () => {
  test('timeline: participants by pid/program, load, delete, fork, abort, failure', () => {
    const rt = fx.findings.find((f) => f.ruleId === 'runtime/deleted-dll')!;
    assert.equal(
      mermaidTimeline(rt),
      [
        'sequenceDiagram',
        '  participant P299940 as chibi-scheme 299940',
        '  participant P302196 as chibi-scheme 302196',
        '  P299940->>P299940: load basic.dll',
        '  P299940->>P299940: delete basic.dll',
        '  P299940->>P302196: fork#40;#41;',
        '  P302196--xP299940: abort#58; unable to map#44; Win32 error 126',
        '  Note over P299940: fork failed#58; errno 11',
      ].join('\n'),
    );
    // Predicted on Linux: the child pid comes from the fork evidence's properties.
    const pr = mermaidTimeline(fx.findings.find((f) => f.kind === 'predicted')!)!;
    assert.match(pr, /P81234->>P81240: fork#40;#41;/);
  });

  test("timeline: the child's own fork line is the child starting; repeated notes are drawn once; context loses strace's counters", () => {
    const f: Finding = {
      kind: 'runtime',
      ruleId: 'runtime/deleted-dll',
      cause: 'deleted-dll',
      severity: 'error',
      file: 'strace.log',
      line: 52,
      message: 'fork() failed',
      dll: '/home/dev/x/basic.dll',
      evidence: [
        { role: 'context', file: 'strace.log', line: 25, pid: 1626, text: '90    1120 [main] ld 1626 open: 3 = open(/home/dev/x/basic.dll, 0x18601)' },
        { role: 'fork', file: 'strace.log', line: 34, pid: 1623, text: '820  904206 [main] chibi-scheme 1623 dofork: entering' },
        { role: 'fork', file: 'strace.log', line: 50, pid: 1630, text: '11     575 [main] chibi-scheme 1630 frok::child: child is running.' },
        { role: 'abort', file: 'strace.log', line: 52, pid: 1630, text: 'child_info_fork::abort: unable to map C:\\x\\basic.dll, Win32 error 126' },
        { role: 'fork-failure', file: 'strace.log', line: 56, pid: 1623, text: 'child_info::sync: pid 9340, WFMO returned 1' },
        { role: 'fork-failure', file: 'strace.log', line: 57, pid: 1623, text: 'frok::parent: returning -1' },
      ],
    };
    assert.equal(
      mermaidTimeline(f),
      [
        'sequenceDiagram',
        '  participant P1626 as ld 1626',
        '  participant P1623 as chibi-scheme 1623',
        '  participant P1630 as chibi-scheme 1630',
        '  Note over P1626: open#58; 3 #61; open#40;/home/dev/x/basic.dll#44; 0x18601#41;',
        '  P1623->>P1630: fork#40;#41;',
        '  Note over P1630: fork child starts',
        '  P1630--xP1623: abort#58; unable to map#44; Win32 error 126',
        '  Note over P1623: fork failed',
      ].join('\n'),
    );
  });

  test('mermaid labels cannot break the diagram', () => {
    const t = mermaidText('a;b:c\n%%x -->> P1: `y` "q" #35; <br/>');
    assert.match(t, /^[A-Za-z0-9 ._/#;-]+$/);
    assert.ok(!t.includes('--'));
    assert.ok(!t.includes('%%'));
    const hostile = { ...fx.findings.find((f) => f.file.includes('evil'))!, kind: 'runtime' as const };
    const d = mermaidTimeline(hostile)!;
    for (const line of d.split('\n').slice(1)) assert.match(line, /^ {2}(participant P\d+ as [\w .#;/-]+|P\d+->>P\d+: [\w .#;/-]+|Note over P\d+: [\w .#;/-]+)$/, line);
  });

  test('untrusted text is inert: no raw HTML, no table break, no math, no mentions; code fences outgrow backticks', async () => {
    const out = await renderReport(fixtureDocument(), 'markdown', renderOpts());
    assert.ok(!out.includes('<script>'));
    assert.ok(!out.includes('$x$'));
    assert.ok(!out.includes('@admin'));
    assert.ok(!out.includes('\u001b'));
    const row = out.split('\n').find((l) => l.startsWith('| 🔵 |'))!;
    assert.equal(row.split('|').length - 1, 6, row);
    assert.equal(mdText('a|b`c<d>'), 'a&#124;b&#96;c&#60;d&#62;');
    assert.equal(fenced('x ``` y', 'diff'), '````diff\nx ``` y\n````');
    assert.equal(fenced('a', 'c\n<script>'), '```cscript\na\n```');
    // A hostile rule id read back from JSON cannot break out of its link.
    const evilId = { ...fx.findings[3]!, ruleId: 'CH9) [x](javascript:alert(1)' };
    const md = await renderReport(makeDocument([evilId]), 'markdown', renderOpts());
    assert.ok(md.includes('/docs/rules/CH9%29%20%5Bx%5D%28javascript%3Aalert%281%29.md)'), md.slice(0, 600));
    assert.ok(!/\]\(javascript:/.test(md));
  });

  test('links at the commit with the GitHub env, plain text without', async () => {
    const withEnv = await renderReport(fixtureDocument(), 'markdown', renderOpts());
    assert.ok(
      withEnv.includes(
        '[tests/ffi-tests.scm:26](https://github.com/oku/chibi-scheme/blob/0123456789abcdef0123456789abcdef01234567/tests/ffi-tests.scm#L26)',
      ),
    );
    // Logs are not in the repository: no link for them.
    assert.ok(!withEnv.includes('/logs/strace.log#L'));
    assert.ok(withEnv.includes('| logs/strace.log:15 |'));
    const without = await renderReport(fixtureDocument(), 'markdown', renderOpts({ env: {} }));
    assert.ok(!without.includes('/blob/0123456789'));
    assert.ok(without.includes('tests/ffi-tests.scm:26'));
    assert.equal(locationLink({ GITHUB_SERVER_URL: 'https://x', GITHUB_REPOSITORY: 'a/b', GITHUB_SHA: 'zz' }, 'a.c', 1), 'a.c:1');
    assert.equal(locationLink({ GITHUB_SERVER_URL: 'https://x', GITHUB_REPOSITORY: 'a/b', GITHUB_SHA: 'abcdef1' }, '../a.c', 1), '../a.c:1');
  });

  test('headline verdicts', async () => {
    const clean = await renderReport(makeDocument([]), 'markdown', renderOpts());
    assert.match(clean, /^## ✅ cygwin-hygiene: no fork hazards found\n/);
    const onlyStatic = await renderReport(makeDocument(manyStatic(3)), 'markdown', renderOpts());
    assert.match(onlyStatic, /^## ⚠️ cygwin-hygiene: 3 fork hazards in the sources\n/);
    const full = await renderReport(fixtureDocument(), 'markdown', renderOpts());
    assert.match(full, /^## ❌ cygwin-hygiene: 2 fork failures in the logs\n\n7 findings: 2 runtime failures, 1 predicted, 4 static\./);
  });

  test('20,000 findings: under the 1 MiB step-summary limit, failures kept, and it says what was cut', async () => {
    const runtime = fx.findings.filter((f) => f.kind === 'runtime');
    const doc = makeDocument([...manyStatic(20_000), ...runtime]);
    const out = await renderReport(doc, 'markdown', renderOpts());
    const bytes = Buffer.byteLength(out, 'utf8');
    assert.ok(bytes <= STEP_SUMMARY_LIMIT, `${bytes} bytes`);
    assert.match(out, /20002 findings: 2 runtime failures, 20000 static\./);
    assert.match(out, /Cut to stay under GitHub’s 1 MiB step-summary limit \(and the 1000-row table cap\): [\d,]+ table rows, [\d,]+ finding details\. The SARIF report and `--format json` have all 20,002 findings\./);
    assert.match(out, /P302196--xP299940/, 'the runtime timeline is kept');
    const rows = out.split('\n').filter((l) => /^\| (🔴|🟠|🔵) \|/u.test(l));
    assert.equal(rows.length, 1000);
    assert.match(rows[0]!, /runtime failure/);
  });

  test('a small budget cuts static details before failure timelines', async () => {
    const out = await renderReport(fixtureDocument(), 'markdown', renderOpts({ markdownBudget: 16_000 }));
    assert.ok(Buffer.byteLength(out) <= 16_000);
    assert.match(out, /P302196--xP299940/);
    assert.match(out, /Cut to stay under .*finding details/);
    assert.ok((out.match(/<summary>🟠 CH001/gu) ?? []).length < 3);
  });
});

describe('text report', () => {
  test('colours only when the caller enabled them; hostile escapes never reach the terminal', async () => {
    const plain = await renderReport(fixtureDocument(), 'text', renderOpts());
    assert.ok(!plain.includes('\u001b'));
    const coloured = await renderReport(fixtureDocument(), 'text', renderOpts({ colors: makeColors(true) }));
    assert.ok(coloured.includes('\u001b[31merror\u001b[39m'));
    assert.ok(!coloured.includes('\u001b[31mred'), 'the finding’s own ESC was neutralised');
    for (const l of plain.split('\n')) assert.ok(!/[\r\u2028]/.test(l));
  });

  test('source line with caret when the file exists; skipped gracefully when it does not', async () => {
    const out = await renderReport(fixtureDocument(), 'text', renderOpts());
    assert.ok(out.includes(`\n    26 | ${' '.repeat(13)}(delete-file lib-file)))\n       | ${' '.repeat(13)}${'^'.repeat(22)}\n`));
    const elsewhere = await renderReport(fixtureDocument(), 'text', renderOpts({ cwd: '/nonexistent' }));
    assert.doesNotMatch(elsewhere, /^ {4}\d+ \| /m);
    assert.match(elsewhere, /deleted at tests\/ffi-tests\.scm:26:14 {2}\(delete-file lib-file\)/);
  });

  test('evidence, first option with its change, docs link, summary', async () => {
    const out = await renderReport(fixtureDocument(), 'text', renderOpts());
    assert.match(out, /aborted at logs\/strace\.log:15 \(pid 302196\)/);
    assert.match(out, /failed at {2}logs\/strace\.log:17 \(pid 299940\)/);
    assert.match(out, /fix: Delete the library after the last fork/);
    assert.match(out, /- \(delete-file lib-file\)\n {9}\+ ;; collect the libraries/);
    assert.match(out, /docs: https:\/\/github\.com\/cygwin-hygiene\/cygwin-hygiene\/blob\/v\d+\/docs\/rules\/runtime-deleted-dll\.md/);
    const quiet = await renderReport(fixtureDocument(), 'text', renderOpts({ quiet: true }));
    assert.doesNotMatch(quiet, /findings in/);
    assert.equal(await renderReport(makeDocument([]), 'text', renderOpts()), 'no fork hazards found\n');
  });
});

describe('json', () => {
  test('the foundation contract: the document as it is, with recommendations filled in', async () => {
    const doc = fixtureDocument();
    const out = JSON.parse(await renderReport(doc, 'json', renderOpts()));
    assert.deepEqual(Object.keys(out), ['version', 'tool', 'findings', 'summary', 'diagnostics', 'context', 'rules']);
    assert.equal(out.version, 1);
    assert.deepEqual(out.summary, doc.summary);
    assert.ok(out.findings.every((f: Finding) => f.recommendation?.options.length));
    const strip = (f: Finding) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'recommendation'));
    assert.deepEqual(out.findings.map(strip), JSON.parse(JSON.stringify(doc.findings.map(strip))));
  });
});

describe('text report source excerpts, bad files', () => {
  test('binary, missing and out-of-root files are skipped; the finding is still reported', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'ch-text-'));
    try {
      writeFileSync(path.join(dir, 'bin.dll'), Buffer.from([0x4d, 0x5a, 0, 0, 0x0a, 0x41, 0x0a]));
      writeFileSync(path.join(dir, 'crlf.c'), 'int a;\r\n  unlink(p);\r\n');
      const base = fx.findings.find((f) => f.language === 'c' && !f.file.includes('evil'))!;
      const doc = makeDocument([
        { ...base, file: 'bin.dll', line: 2, column: 1, endColumn: undefined, endLine: undefined },
        { ...base, file: 'crlf.c', line: 2, column: 3, endColumn: 12, endLine: 2 },
        { ...base, file: '../outside.c', line: 1, column: 1, endColumn: undefined, endLine: undefined },
      ]);
      const out = await renderReport(doc, 'text', renderOpts({ cwd: dir }));
      assert.ok(out.includes('\n    2 |   unlink(p);\n      |   ^^^^^^^^^\n'), out);
      assert.doesNotMatch(out, /^ {4}\d+ \| .*A/m);
      assert.match(out, /3 findings in 3 files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
