import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  atLeast,
  formatVersion,
  parseVersion
} from "./chunk-BVWNWY2M.js";

// src/recommend/catalog.ts
var SNIPPET_LANGUAGES = [
  "c",
  "cpp",
  "python",
  "ruby",
  "perl",
  "scheme",
  "shell",
  "make",
  "javascript",
  "typescript",
  "lua",
  "tcl",
  "java"
];
var DEFER_SNIPPETS = {
  scheme: [
    ";; collect the libraries instead of deleting them here ...",
    "(define libs-to-delete '())",
    "(set! libs-to-delete (cons {path} libs-to-delete))",
    ";; ... and delete them in one final step, after the last test (after (test-end)):",
    "(for-each delete-file libs-to-delete)"
  ].join("\n"),
  python: [
    "import atexit, os",
    "# delete at interpreter exit, after the last subprocess, instead of here",
    "atexit.register(os.remove, {path})"
  ].join("\n"),
  c: [
    "/* keep the library (and its dlopen handle) until the last fork()/system() is done:",
    "   record the path here and unlink it at exit; dlclose(handle) right before unlink() */",
    "static char *to_unlink[64];",
    "static int n_unlink;",
    "static void unlink_all(void) { for (int i = 0; i < n_unlink; i++) unlink(to_unlink[i]); }",
    "/* once, in main(): atexit(unlink_all); */",
    "to_unlink[n_unlink++] = strdup({path});"
  ].join("\n"),
  ruby: "at_exit { File.delete({path}) if File.exist?({path}) }",
  perl: "END { unlink {path} }",
  shell: "trap 'rm -f {path}' EXIT",
  make: [
    "# delete the test libraries after the last test, not inside the test recipe",
    "check: test",
    "	rm -f $(TEST_LIBS)"
  ].join("\n"),
  javascript: "process.on('exit', () => fs.rmSync({path}, { force: true }));",
  typescript: "process.on('exit', () => fs.rmSync({path}, { force: true }));",
  lua: [
    "-- collect the libraries and remove them after the last test",
    "libs_to_delete[#libs_to_delete + 1] = {path}",
    "-- at the very end: for _, p in ipairs(libs_to_delete) do os.remove(p) end"
  ].join("\n"),
  tcl: [
    "# collect the libraries and delete them after the last test",
    "lappend libsToDelete {path}",
    "# at the very end: foreach f $libsToDelete { file delete $f }"
  ].join("\n"),
  java: "new java.io.File({path}).deleteOnExit();"
};
var UNIQUE_SNIPPETS = {
  python: [
    "import atexit, shutil, tempfile",
    "build_dir = tempfile.mkdtemp(prefix='build-')  # a fresh directory per build, never reused",
    "atexit.register(shutil.rmtree, build_dir, True)  # cleaned at session end"
  ].join("\n"),
  c: 'snprintf(path, sizeof path, "build/lib-%ld-%d.dll", (long)getpid(), build_no++); /* never reuse a name */',
  cpp: 'snprintf(path, sizeof path, "build/lib-%ld-%d.dll", (long)getpid(), build_no++); /* never reuse a name */',
  scheme: [
    ";; a new name for every build, so a loaded library is never overwritten or reused",
    '(define lib-file (string-append "tests/ffi/" name "-" (number->string build-count) *shared-object-extension*))'
  ].join("\n"),
  shell: 'build_dir=$(mktemp -d)   # a fresh directory per build; rm -rf "$build_dir" at the end of the job',
  make: "LIBDIR := build/$(shell date +%s)-$$$$   # a new output directory per build"
};
var SPAWN_SNIPPETS = {
  c: [
    "#include <process.h>",
    "/* Cygwin starts these children with CreateProcess, without fork(): spawnvp(), system(), popen().",
    "   Not posix_spawn() or vfork(): both fork on Cygwin. */",
    "spawnvp(_P_WAIT, argv[0], (const char *const *)argv);"
  ].join("\n"),
  cpp: [
    "#include <process.h>",
    "// Cygwin starts these children without fork(): spawnvp(), system(), popen(); not posix_spawn()/vfork()",
    "spawnvp(_P_WAIT, argv[0], (const char *const *)argv);"
  ].join("\n"),
  python: [
    "# os.system() calls C system(), which Cygwin runs without fork();",
    "# subprocess.run()/Popen() fork on Cygwin (fork_exec or posix_spawn)",
    "status = os.system(shlex.join(cmd))"
  ].join("\n")
};
var CATALOG = {
  "deleted-dll": [
    {
      id: "defer-delete",
      title: "Delete the library after the last fork, at the end of the run or at process exit",
      because: "every fork child maps each loaded DLL again from its path; {lines} deletes it while it is still loaded",
      detail: "Move the deletion to a teardown step that runs after the last process is spawned (atexit, a test-suite teardown, a final cleanup target). Any Cygwin release needs this: a fork child always re-opens the DLL file.",
      snippets: DEFER_SNIPPETS,
      source: "cygwin-fork.md \xA71.4, \xA75 (a fork child must reproduce the parent\u2019s DLL layout)"
    },
    {
      id: "unique-name",
      title: "Give each build its own file name and never reuse or overwrite one",
      because: "a unique path can be left in place until the job ends, so no loaded DLL disappears",
      detail: "Build each test library to a new path (a per-build temporary directory or a counter in the name) and clean the whole directory when the job ends.",
      snippets: UNIQUE_SNIPPETS,
      source: "cygwin-fork.md \xA71.4"
    },
    {
      id: "keep-library",
      title: "Keep the library for the rest of the run and delete it at teardown",
      because: "the simplest change: remove the delete from {lines} and let the job\u2019s cleanup remove the file",
      detail: "Drop the delete and let `make clean`, the test harness teardown or the CI workspace cleanup remove the file.",
      source: "cygwin-fork.md \xA71.4"
    },
    {
      id: "spawn-no-fork",
      title: "Start child processes without fork()",
      because: "on Cygwin {version} system(), popen() and spawnv*()/spawnl*() create the child with CreateProcess and do not fork (since Cygwin 1.7, popen rewrite 2009), so a deleted DLL cannot break them",
      becauseUnknown: "on every Cygwin since 1.7 (popen rewrite 2009) system(), popen() and spawnv*() create the child without fork(); check that your Cygwin is not older",
      detail: "Only these calls avoid fork: system(), popen(), spawnv*/spawnl* (_P_WAIT, _P_NOWAIT). posix_spawn() still forks on every released Cygwin (it calls __posix_spawn_fork), vfork() is fork() on Cygwin, and shells, make, Perl system and Python subprocess all fork.",
      when: { minCygwin: "1.7.0", ifVersionUnknown: "apply-with-note", languages: ["c", "cpp", "python"] },
      snippets: SPAWN_SNIPPETS,
      source: "cygwin-fork.md \xA73 (syscalls.cc system/popen, spawn.cc, newlib posix_spawn.c)"
    },
    {
      id: "cygfork-dir",
      title: "Enable /var/run/cygfork as a safety net: mkdir --mode=a=rwxt /var/run/cygfork",
      because: "Cygwin {version} (\u2265 3.0.0) can retry a failed fork from NTFS hardlinks to the loaded DLLs when /var/run/cygfork exists",
      becauseUnknown: "only if your Cygwin is 3.0.0 or newer and the DLLs are on the same NTFS volume as the installation",
      skippedBecause: "Cygwin before 3.0.0 has no forkables (/var/run/cygfork)",
      detail: "Create the directory once, then stop all Cygwin processes so the next one picks it up. Works only on NTFS, for DLLs on the same volume as the Cygwin installation; it is a recovery mechanism, not a fix: keep the library in place.",
      when: { minCygwin: "3.0.0", ifVersionUnknown: "apply-with-note" },
      source: "cygwin-fork.md \xA74 (forkable.cc, release/3.0, faq-api.xml)"
    }
  ],
  "replaced-dll": [
    {
      id: "unique-name",
      title: "Build to a new file name each time instead of overwriting a loaded DLL",
      because: "{lines} rewrites a DLL that a running process has loaded; its fork children would load the new file",
      detail: "Write each build to a new path; never update a DLL (or the Cygwin runtime) under a running process.",
      snippets: UNIQUE_SNIPPETS,
      source: "cygwin-fork.md \xA71.4, \xA78 (Loaded different DLL with same basename)"
    },
    {
      id: "defer-replace",
      title: "Replace the DLL only after the processes that loaded it have exited",
      because: "a process that keeps running and forks needs the image it loaded",
      detail: "Order the build so the rebuild or install happens before the long-running process starts, or restart it afterwards.",
      source: "cygwin-fork.md \xA71.4"
    },
    {
      id: "cygfork-dir",
      title: "Enable /var/run/cygfork as a safety net: mkdir --mode=a=rwxt /var/run/cygfork",
      because: "Cygwin {version} (\u2265 3.0.0) keeps hardlinks to the original DLLs for a fork retry when /var/run/cygfork exists",
      becauseUnknown: "only if your Cygwin is 3.0.0 or newer and the DLLs are on the same NTFS volume as the installation",
      skippedBecause: "Cygwin before 3.0.0 has no forkables (/var/run/cygfork)",
      detail: "Create it once, then stop all Cygwin processes. NTFS only, same volume as the installation. It also helps when a wrong DLL with the same basename sits in the current directory.",
      when: { minCygwin: "3.0.0", ifVersionUnknown: "apply-with-note" },
      source: "cygwin-fork.md \xA74"
    },
    {
      id: "check-path",
      title: "Make sure only one DLL with that basename can be found (PATH, current directory)",
      because: "`Loaded different DLL with same basename` means the child found another file first",
      detail: "Remove stale copies from the build tree and the current directory; put the intended directory first on PATH.",
      source: "cygwin-fork.md \xA78"
    }
  ],
  "address-collision": [
    {
      id: "rebase-built",
      title: "Rebase the DLLs built in the job: rebase -s <files>",
      because: "DLLs built during the job are not in the rebase database, so their default bases can collide",
      detail: 'Run from dash with no other Cygwin process running, e.g. `C:\\cygwin64\\bin\\dash.exe -c "/usr/bin/rebase -s build/*.dll"` (or `rebase -b <address> <files>`). This records them in /etc/rebase.db.x86_64 and picks free addresses.',
      source: "cygwin-fork.md \xA75 (rebase package: rebase.c, README)"
    },
    {
      id: "rebaseall",
      title: "Rebase the installation: rebaseall from dash, or rebase-trigger fullrebase and rerun setup",
      because: "installing or updating packages can undo a rebase",
      detail: 'Stop all Cygwin processes, then `C:\\cygwin64\\bin\\dash.exe -c "/usr/bin/rebaseall -v"` (it refuses to run next to other Cygwin processes), or `rebase-trigger fullrebase` and rerun Cygwin Setup. rebaseall clears the ASLR (dynamicbase) flag of the DLLs it rebases; `peflags -d0 x.dll` does it by hand.',
      source: "cygwin-fork.md \xA75 (rebaseall.in, faq-using.xml)"
    },
    {
      id: "no-aslr",
      title: "Do not link test DLLs with --dynamicbase and keep Windows \u201CMandatory ASLR\u201D off for Cygwin",
      because: "ASLR places DLLs, stacks and heaps at random addresses the fork child cannot reproduce",
      detail: "Drop `-Wl,--dynamicbase` for DLLs that are loaded before a fork (or `peflags -d0` them); Windows \u201CMandatory ASLR\u201D (ForceRelocateImages) breaks Cygwin and MSYS2 fork.",
      source: "cygwin-fork.md \xA75"
    },
    {
      id: "fewer-dlls",
      title: "Load fewer DLLs before forking, or restart the failing process",
      because: "a hostile layout is sometimes transient (FAQ remedy 1)",
      detail: "Fork before loading many extension modules, and retry once in CI.",
      source: "cygwin-fork.md \xA75 (faq-using.xml remedies)"
    }
  ],
  heap: [
    {
      id: "one-runtime",
      title: "Use one Cygwin runtime per process tree",
      because: "a cygheap mismatch means two different cygwin1.dll (or msys-2.0.dll) met in one tree",
      detail: "Find the second copy (`where cygwin1.dll` from cmd, `cygcheck -s`), and keep MSYS2, Git for Windows and Cygwin tools out of each other\u2019s PATH in the same job.",
      source: "cygwin-fork.md \xA78 (cygheap base mismatch detected)"
    },
    {
      id: "no-aslr",
      title: "Keep Windows \u201CMandatory ASLR\u201D off for Cygwin executables",
      because: "forced relocation moves the heap ranges the child must reproduce",
      detail: "Exploit protection setting ForceRelocateImages breaks Cygwin fork (git-for-windows/git #4375).",
      source: "cygwin-fork.md \xA75"
    }
  ],
  resources: [
    {
      id: "fewer-jobs",
      title: "Run fewer processes in parallel (e.g. make -j2 instead of -j$(nproc))",
      because: "fork needs commit memory and process slots; Win32 error 1455 / 0xC0000142 appear under load",
      detail: "Lower the parallelism of the build and the test runner on Windows runners.",
      source: "cygwin-fork.md \xA75, \xA78 (1455, 0xC0000142)"
    },
    {
      id: "bigger-pagefile",
      title: "Give Windows a bigger page file",
      because: "Win32 error 1455 is \u201Cthe paging file is too small\u201D",
      detail: "On a self-hosted runner raise the page file size; on hosted runners reduce memory use per job.",
      source: "cygwin-fork.md \xA71.6"
    }
  ],
  interference: [
    {
      id: "av-exclusion",
      title: "Exclude the Cygwin root and the build directory from antivirus scanning",
      because: "access denied (Win32 error 5) or failed child_copy points at a third party touching the child",
      detail: "e.g. `Add-MpPreference -ExclusionPath C:\\cygwin64, $env:GITHUB_WORKSPACE` on a Windows runner; remove (not just disable) BLODA software. `CYGWIN=detect_bloda` no longer exists.",
      source: "cygwin-fork.md \xA75 (faq-using.xml remedy 2, cygwinenv.xml)"
    }
  ],
  unknown: [
    {
      id: "collect-strace",
      title: "Run the failing command under Cygwin strace and analyze the log",
      because: "the log shows the failure but not what preceded it",
      detail: "`strace -o trace.log <command>`, then `cygwin-hygiene analyze trace.log` names the DLL and the cause.",
      source: "cygwin-fork.md \xA72"
    }
  ]
};
var EXT_LANGUAGE = {
  c: "c",
  h: "c",
  cc: "cpp",
  cpp: "cpp",
  cxx: "cpp",
  hpp: "cpp",
  py: "python",
  rb: "ruby",
  pl: "perl",
  pm: "perl",
  t: "perl",
  scm: "scheme",
  sld: "scheme",
  ss: "scheme",
  sh: "shell",
  bash: "shell",
  mk: "make",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  ts: "typescript",
  mts: "typescript",
  lua: "lua",
  tcl: "tcl",
  java: "java"
};

// src/recommend/index.ts
function docsPageFor(ruleId) {
  const id = ruleId.startsWith("predicted/") ? `runtime/${ruleId.slice("predicted/".length)}` : ruleId;
  return `docs/rules/${id.replace(/\//g, "-")}.md`;
}
function languageOf(file, f) {
  if (f?.language && f.file === file && SNIPPET_LANGUAGES.includes(f.language)) {
    return f.language;
  }
  const base = file.slice(file.lastIndexOf("/") + 1);
  if (/^(GNU)?makefile$/i.test(base)) return "make";
  const dot = base.lastIndexOf(".");
  if (dot < 0) return void 0;
  return EXT_LANGUAGE[base.slice(dot + 1).toLowerCase()];
}
var DELETE_CALL = /(?:delete-file|os\.remove|os\.unlink|shutil\.rmtree|unlink|remove|File\.delete|FileUtils\.rm(?:_f)?|fs\.(?:unlinkSync|rmSync|unlink|rm)|file\s+delete|os\.remove)\s*\(?\s*(?:-force\s+)?([^()\s,;]+)/;
var RM_CMD = /\brm\s+(?:-[a-zA-Z]+\s+)*("[^"]+"|'[^']+'|[^\s;&|]+)/;
var DEFAULT_PATH_EXPR = {
  scheme: "lib-file",
  shell: '"$lib"',
  make: "$(TEST_LIBS)",
  perl: "$lib",
  c: "path",
  cpp: "path",
  python: "path",
  ruby: "path",
  javascript: "libPath",
  typescript: "libPath",
  lua: "lib_path",
  tcl: "$libFile",
  java: "libPath"
};
function pathExpression(text, lang) {
  if (text) {
    const m = DELETE_CALL.exec(text) ?? RM_CMD.exec(text);
    if (m?.[1]) return m[1].replace(/[)\]]+$/, "");
  }
  return (lang && DEFAULT_PATH_EXPR[lang]) ?? "path";
}
function isSourceEvidence(e, f) {
  return languageOf(e.file, f) !== void 0;
}
function placeLabel(e) {
  return `${e.file}:${e.line}${e.text ? ` \`${e.text.trim()}\`` : ""}`;
}
function linesToChange(f) {
  const roles = f.cause === "replaced-dll" ? ["replace", "delete"] : ["delete", "replace"];
  const hits = f.evidence.filter((e) => roles.includes(e.role));
  const source = hits.filter((e) => isSourceEvidence(e, f));
  if (source.length) return source;
  if (hits.length) return hits;
  if (f.kind === "static" && (f.cause === "deleted-dll" || f.cause === "replaced-dll")) {
    return [{ role: f.cause === "deleted-dll" ? "delete" : "replace", file: f.file, line: f.line }];
  }
  return [];
}
function evaluate(spec, version, lang, f) {
  const w = spec.when;
  let because = spec.because;
  if (w?.kinds && !w.kinds.includes(f.kind)) return { apply: false, reason: `not for ${f.kind} findings` };
  if (w?.languages && lang && !w.languages.includes(lang)) {
    return { apply: false, reason: `no non-forking way to start a process is known for ${lang}` };
  }
  if (w?.minCygwin) {
    if (version) {
      if (!atLeast(version, w.minCygwin)) {
        return { apply: false, reason: spec.skippedBecause ?? `needs Cygwin ${w.minCygwin} or newer` };
      }
    } else {
      const mode = w.ifVersionUnknown ?? "apply-with-note";
      if (mode === "skip") return { apply: false, reason: "the Cygwin version is not known" };
      if (mode === "apply-with-note" && spec.becauseUnknown) because = spec.becauseUnknown;
    }
  }
  return { apply: true, because };
}
function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (all, k) => vars[k] ?? all);
}
function ownStatement(text, lang) {
  if (lang !== "scheme") return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return text.slice(0, i + 1);
  }
  return text;
}
function recommend(f, ctx = {}) {
  const versionText = f.cygwinVersion ?? ctx.cygwinVersion;
  const version = versionText ? parseVersion(versionText) : void 0;
  const targets = linesToChange(f);
  const target = targets[0];
  const lang = target ? languageOf(target.file, f) : f.kind === "static" ? languageOf(f.file, f) : void 0;
  const lines = targets.length ? targets.slice(0, 3).map(placeLabel).join(", ") : "the code that removes the library";
  const vars = { version: version ? formatVersion(version) : "this version", lines };
  const options = [];
  for (const spec of CATALOG[f.cause]) {
    const a = evaluate(spec, version, lang, f);
    if (!a.apply) continue;
    const opt = { id: spec.id, title: spec.title, because: fill(a.because, vars), detail: spec.detail };
    const snippet = lang ? spec.snippets?.[lang] : void 0;
    if (snippet && target && languageOf(target.file, f)) {
      const expr = pathExpression(target.text, lang);
      const change = {
        file: target.file,
        line: target.line,
        language: lang,
        after: snippet.replace(/\{path\}/g, expr)
      };
      if (target.text) change.before = ownStatement(target.text.trim(), lang);
      opt.change = change;
    }
    options.push(opt);
  }
  const first = options[0];
  return {
    summary: first ? first.title : "Collect an strace log of the failing run",
    options,
    docs: docsPageFor(f.ruleId)
  };
}
function withRecommendations(findings, ctx = {}) {
  return findings.map((f) => f.recommendation ? f : { ...f, recommendation: recommend(f, ctx) });
}

export {
  CATALOG,
  docsPageFor,
  languageOf,
  pathExpression,
  ownStatement,
  recommend,
  withRecommendations
};
