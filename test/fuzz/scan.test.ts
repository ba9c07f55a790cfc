/**
 * Fuzz: every language front-end of the scan (`analyzeText(file, text, lang)`). Random text, mixed encodings, NULs,
 * CRLF, deeply nested sources and huge lines never throw or hang; a real load → delete → fork snippet followed by
 * garbage still yields its CH001 finding.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../src/scan/index.js';
import type { LanguageId } from '../../src/scan/languages.js';
import { FUZZ_RUNS, FUZZ_TEST, boundedParams, garbageBytes, logText, within } from '../helpers/fuzz.js';

const LANGS: { lang: LanguageId; file: string; words: string[] }[] = [
  { lang: 'c', file: 'a.c', words: ['dlopen(', 'unlink(', 'fork();', 'void *h = ', 'if (x) {', '}', '#include <dlfcn.h>', '/*', '*/', '"'] },
  { lang: 'cpp', file: 'a.cpp', words: ['LoadLibraryA(', 'std::filesystem::remove(', 'fork()', 'template<class T>', '{', '}', 'R"(', ')"'] },
  { lang: 'python', file: 'a.py', words: ['ctypes.CDLL(', 'os.remove(', 'subprocess.run(', 'def f():\n    ', 'if x:\n', '"""', "'", 'lambda: '] },
  { lang: 'ruby', file: 'a.rb', words: ['Fiddle.dlopen(', 'File.delete(', 'system(', 'def f', 'end', 'do |x|', '<<~EOS\n', '%w['] },
  { lang: 'shell', file: 'a.sh', words: ['LD_PRELOAD=', 'rm -f ', '$(', ')', 'if [ x ]; then', 'fi', '<<EOF\n', '`'] },
  { lang: 'lua', file: 'a.lua', words: ['package.loadlib(', 'os.remove(', 'os.execute(', 'function f()', 'end', '[[', ']]', '--[['] },
  { lang: 'make', file: 'Makefile', words: ['load ', 'rm -f ', '$(shell ', ')', 'all:\n\t', 'define x\n', 'endef\n', '\\\n'] },
  { lang: 'javascript', file: 'a.js', words: ['process.dlopen(', 'fs.unlinkSync(', 'child_process.fork(', '() => {', '}', '`${', '/re/', '('] },
  { lang: 'typescript', file: 'a.ts', words: ['require(', 'fs.rmSync(', 'spawnSync(', 'function f<T>(x: T) {', '}', 'as any', '<', '>'] },
  { lang: 'scheme', file: 'a.scm', words: ['(load-shared-object ', '(delete-file ', '(system ', '(define (f) ', ')', '#|', '|#', '"'] },
  { lang: 'perl', file: 'a.pl', words: ['DynaLoader::dl_load_file(', 'unlink ', 'system(', 'sub f {', '}', 'q{', '<<"EOT";\n', '=pod\n'] },
  { lang: 'tcl', file: 'a.tcl', words: ['load ', 'file delete ', 'exec ', 'proc f {} {', '}', '[', ']', '"'] },
];

const text = (words: string[]) =>
  fc.oneof(
    fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\u0000', ' ', '\t')), { maxLength: 80 }).map((a) => a.join('')),
    logText,
    garbageBytes.map((b) => b.toString('utf8')),
    garbageBytes.map((b) => b.toString('latin1')),
  );

const runs = Math.max(10, Math.ceil(FUZZ_RUNS / 4)); // 12 front-ends: a quarter of the runs each

describe('fuzz: scan front-ends', () => {
  for (const { lang, file, words } of LANGS) {
    test(`${lang}: random text, mixed encodings, NULs and CRLF never throw; findings point into the text`, FUZZ_TEST, async () => {
      await fc.assert(
        fc.asyncProperty(text(words), async (src) => {
          const r = await analyzeText(file, src, lang);
          const lines = src.split('\n').length;
          for (const f of r.findings) assert.ok(f.line >= 1 && f.line <= lines, `${f.ruleId} at line ${f.line} of ${lines}`);
        }),
        boundedParams({ numRuns: runs }),
      );
    });
  }

  test('every front-end: 10,000 nested parens, brackets, braces and if blocks, and a huge line (10 MB for C and Python, 1 MB for the rest) answer', { timeout: 120_000 }, async (t) => {
    const n = 10_000;
    const nest: Record<string, string> = {
      parens: `${'('.repeat(n)}x${')'.repeat(n)}\n`,
      brackets: `${'['.repeat(n)}${']'.repeat(n)}\n`,
      braces: `${'{'.repeat(n)}${'}'.repeat(n)}\n`,
      unclosed: `${'(['.repeat(n)}\n`,
    };
    const ifs: Partial<Record<LanguageId, string>> = {
      c: `${'if (x) {\n'.repeat(n)}fork();\n${'}\n'.repeat(n)}`,
      python: Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + `${' '.repeat(200)}pass\n`,
      shell: `${'if true; then\n'.repeat(n)}:\n${'fi\n'.repeat(n)}`,
      lua: `${'if x then\n'.repeat(n)}os.execute("x")\n${'end\n'.repeat(n)}`,
      scheme: `${'(if x '.repeat(n)}(system "x")${')'.repeat(n)}\n`,
    };
    const deep = new Set<string>();
    for (const { lang, file, words } of LANGS) {
      const sources = [...Object.values(nest), ifs[lang] ?? '', `${words[0]}"${'x'.repeat((lang === 'c' || lang === 'python' ? 10 : 1) * 1024 * 1024)}")\n`].filter(Boolean);
      for (const src of sources) {
        const r = await within(analyzeText(file, `${words[0]}"lib.dll")\n${src}`, lang), 20_000, `${lang} ${src.slice(0, 20)}`);
        // Too deep for the tree walk is said in one diagnostic, never thrown.
        for (const d of r.diagnostics) assert.match(d.message, /nested too deeply|flow trace hit its size bound/, `${lang}: ${d.message}`);
        if (r.diagnostics.some((d) => /nested too deeply/.test(d.message))) deep.add(lang);
      }
    }
    t.diagnostic(`too deep for the tree walk: ${[...deep].join(', ') || 'none'}`);
  });

  const SNIPPETS: { lang: LanguageId; file: string; src: string; dll: RegExp }[] = [
    {
      lang: 'c',
      file: 'tests/t.c',
      src: '#include <dlfcn.h>\n#include <unistd.h>\n\nint main(void) {\n  void *h = dlopen("build/plugin.dll", RTLD_NOW);\n  if (!h) return 1;\n  unlink("build/plugin.dll");\n  pid_t pid = fork();\n  return pid < 0;\n}\n',
      dll: /plugin\.dll/,
    },
    {
      lang: 'python',
      file: 'tests/t.py',
      src: 'import ctypes\nimport os\nimport subprocess\n\n\ndef test_x():\n    lib = ctypes.CDLL("build/libdemo.dll")\n    os.remove("build/libdemo.dll")\n    subprocess.run(["echo"], check=True)\n',
      dll: /libdemo\.dll/,
    },
  ];
  for (const s of SNIPPETS) {
    test(`${s.lang}: a load → delete → fork snippet followed by garbage (CRLF or not) still yields CH001`, FUZZ_TEST, async () => {
      assert.equal((await analyzeText(s.file, s.src, s.lang)).findings.filter((f) => f.ruleId === 'CH001').length, 1, 'the clean snippet');
      await fc.assert(
        fc.asyncProperty(fc.oneof(text(LANGS.find((l) => l.lang === s.lang)!.words), garbageBytes.map((b) => b.toString('latin1'))), fc.boolean(), async (garbage, crlf) => {
          const src = `${crlf ? s.src.replace(/\n/g, '\r\n') : s.src}\n${garbage}`;
          const r = await analyzeText(s.file, src, s.lang);
          const ch = r.findings.filter((f) => f.ruleId === 'CH001' && s.dll.test(f.dll ?? f.message));
          assert.ok(ch.length >= 1, JSON.stringify(r.findings.map((f) => [f.ruleId, f.line, f.dll])));
        }),
        boundedParams({ numRuns: runs }),
      );
    });
  }
});
