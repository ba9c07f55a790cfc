import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  COMMENT,
  firstLineMatters,
  languageOf,
  prefilterBytes
} from "./chunk-KSXVKZTT.js";
import {
  isUnder,
  samePath,
  substitute
} from "./chunk-AICJTZXL.js";

// src/scan/flow.ts
function pathOf(item) {
  return item.path ?? item.event.path;
}
var MAX_TRACE = 5e4;
var MAX_STEPS = 2e5;
var MAX_DEPTH = 8;
function buildTrace(file) {
  const byFn = /* @__PURE__ */ new Map();
  const top = [];
  const deferred = [];
  const defined = new Set(file.functions);
  for (const e of file.events) {
    if (e.kind === "call" && !(e.callee && defined.has(e.callee))) continue;
    if (e.fn !== void 0 && defined.has(e.fn)) {
      let l = byFn.get(e.fn);
      if (!l) byFn.set(e.fn, l = []);
      l.push(e);
    } else {
      top.push(e);
    }
  }
  const called = new Set(file.events.filter((e) => e.kind === "call" && e.callee).map((e) => e.callee));
  const out = [];
  let steps = 0;
  const callCount = /* @__PURE__ */ new Map();
  let subst;
  const emit = (item) => {
    if (subst) {
      item.subst = subst;
      if (item.event.path?.includes("${")) item.path = substitute(item.event.path, subst);
    }
    if (out.length >= MAX_TRACE) return;
    if (item.event.deferred) {
      deferred.push(item.event);
      return;
    }
    out.push(item);
  };
  const runFn = (name, stack, repeat, via) => {
    const n = (callCount.get(name) ?? 0) + 1;
    callCount.set(name, n);
    const r = n > 1 ? "call" : repeat;
    run(byFn.get(name) ?? [], 0, [...stack, name], r, n > 1 ? name : via);
  };
  const run = (list, depth, stack, repeat, via) => {
    let i = 0;
    while (i < list.length && out.length < MAX_TRACE && steps < MAX_STEPS) {
      const e = list[i];
      steps++;
      if (e.loops.length > depth) {
        const id = e.loops[depth];
        let j = i;
        while (j < list.length && list[j].loops[depth] === id) j++;
        const body = list.slice(i, j);
        run(body, depth + 1, stack, repeat, via);
        run(body, depth + 1, stack, "iteration", via);
        run(body, depth + 1, stack, "iteration", via);
        i = j;
        continue;
      }
      if (e.kind === "call") {
        if (e.callee && byFn.has(e.callee) && !stack.includes(e.callee) && stack.length < MAX_DEPTH) {
          const params = file.params?.[e.callee];
          const outer = subst;
          if (params && e.args) {
            const frame = { ...outer };
            params.forEach((p, k) => {
              const a = e.args[k];
              if (a !== void 0 && a !== "") frame[`${p}@${e.callee}`] = substitute(a, outer);
            });
            subst = frame;
          }
          runFn(e.callee, stack, repeat, via);
          subst = outer;
        }
      } else {
        emit(via ? { event: e, repeat, via } : repeat ? { event: e, repeat } : { event: e });
      }
      i++;
    }
  };
  run(top, 0, [], void 0, void 0);
  for (const name of file.functions) {
    if (!called.has(name) && byFn.has(name)) runFn(name, [], void 0, void 0);
  }
  for (const e of deferred) out.push({ event: e });
  const result = out;
  if (steps >= MAX_STEPS || out.length >= MAX_TRACE) result.truncated = true;
  return result;
}

// src/scan/rules/loaded.ts
var LoadedSet = class {
  items = [];
  load(item) {
    const p = pathOf(item);
    if (!p) return;
    if (!this.find(p)) this.items.push(item);
  }
  unload(path) {
    const i = this.items.findIndex((x) => samePath(pathOf(x), path));
    if (i >= 0) this.items.splice(i, 1);
  }
  find(path) {
    return this.items.find((x) => samePath(pathOf(x), path));
  }
  all() {
    return this.items;
  }
};
function forkReporter(report) {
  let pending = [];
  return {
    add(load, change) {
      pending.push([load, change]);
    },
    spawn(item) {
      if (!item.event.forks) return;
      for (const [l, c] of pending) report(l, c, item);
      pending = [];
    },
    drop(path) {
      pending = pending.filter(([l]) => !samePath(pathOf(l), path));
    }
  };
}
var ALL_LANGUAGES = ["c", "cpp", "python", "ruby", "shell", "lua", "make", "javascript", "typescript", "scheme", "perl", "tcl"];
function trackLoads(report) {
  const loaded = new LoadedSet();
  const forks = forkReporter(report);
  return {
    loaded,
    forks,
    handlers: {
      load: (item) => loaded.load(item),
      unload: (item) => {
        loaded.unload(pathOf(item));
        forks.drop(pathOf(item));
      },
      spawn: (item) => forks.spawn(item)
    }
  };
}

// src/scan/rules/CH001.ts
var CH001 = {
  meta: {
    id: "CH001",
    name: "DeleteWhileLoadedThenFork",
    shortDescription: "A loaded shared library is deleted, then the process forks",
    fullDescription: "The file of a library the process has loaded (and not unloaded) is deleted while a later fork() can still happen in the same process. On Cygwin the fork child maps every loaded DLL again from its path, so the fork fails (`unable to map ..., Win32 error 126`).",
    docs: "docs/rules/CH001.md",
    defaultSeverity: "error",
    languages: ALL_LANGUAGES
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: "deleted-dll", load, change, spawn }));
    return {
      ...handlers,
      delete: (item) => {
        const l = loaded.find(pathOf(item));
        if (l) forks.add(l, item);
      }
    };
  }
};

// src/scan/rules/CH002.ts
var CH002 = {
  meta: {
    id: "CH002",
    name: "RebuildToSamePathWhileLoaded",
    shortDescription: "A loaded shared library is rebuilt, copied or renamed over in place, then the process forks",
    fullDescription: "The path of a loaded library is written again (compiler output, copy, rename, open for writing) while the process keeps the old image mapped, and a fork follows. The Cygwin fork child maps the file at that path, which is no longer the image the parent has (`Loaded different DLL with same basename`, or `unable to map` while the file is being rewritten).",
    docs: "docs/rules/CH002.md",
    defaultSeverity: "error",
    languages: ALL_LANGUAGES
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: "replaced-dll", load, change, spawn }));
    return {
      ...handlers,
      // A delete ends "same image" tracking: that is CH001's case, not a rebuild.
      delete: (item) => loaded.unload(pathOf(item)),
      overwrite: (item) => {
        if (item.event.unique) return;
        const l = loaded.find(pathOf(item));
        if (l) forks.add(l, item);
      }
    };
  }
};

// src/scan/rules/CH003.ts
var CH003 = {
  meta: {
    id: "CH003",
    name: "TempDirRemovedWhileLoaded",
    shortDescription: "The directory holding a loaded shared library is removed, then the process forks",
    fullDescription: "A directory tree that contains a loaded library (a temporary build directory, `TemporaryDirectory()`, `rm -rf dir`) is removed while the process can still fork. The fork child cannot map the library from the vanished directory.",
    docs: "docs/rules/CH003.md",
    defaultSeverity: "error",
    languages: ALL_LANGUAGES
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: "deleted-dll", load, change, spawn }));
    return {
      ...handlers,
      deleteDir: (item) => {
        for (const l of loaded.all()) if (isUnder(pathOf(l), pathOf(item))) forks.add(l, item);
      }
    };
  }
};

// src/scan/rules/index.ts
var RULES = [CH001, CH002, CH003];
var STATIC_RULE_META = RULES.map(({ meta }) => ({
  id: meta.id,
  name: meta.name,
  shortDescription: meta.shortDescription,
  ...meta.fullDescription ? { fullDescription: meta.fullDescription } : {},
  docs: meta.docs,
  defaultSeverity: meta.defaultSeverity
}));

// src/scan/engine.ts
import { createHash } from "node:crypto";

// src/scan/frontends/index.ts
async function frontEnd(lang, text, file = "") {
  const lines = text.split("\n");
  switch (lang) {
    case "c":
    case "cpp":
      return (await import("./c-3HJIWPVM.js")).cFrontEnd(text, lines, lang);
    case "python":
      return (await import("./python-IMI6MKM2.js")).pythonFrontEnd(text, lines);
    case "scheme":
      return (await import("./scheme-WUOC37AE.js")).schemeFrontEnd(text, lines);
    case "ruby":
      return (await import("./ruby-BXCITB3K.js")).rubyFrontEnd(text, lines);
    case "shell":
      return (await import("./shell-T465WKSL.js")).shellFrontEnd(text, lines);
    case "lua":
      return (await import("./lua-FNGAOOAV.js")).luaFrontEnd(text, lines);
    case "make":
      return (await import("./make-INOASDXA.js")).makeFrontEnd(text, lines);
    case "javascript":
    case "typescript":
      return (await import("./js-I5PAEICT.js")).jsFrontEnd(text, lines, file);
    case "perl":
      return (await import("./perl-HTOZSKW7.js")).perlFrontEnd(lines);
    case "tcl":
      return (await import("./tcl-KWPASDTP.js")).tclFrontEnd(lines);
  }
}

// src/scan/engine.ts
var SUPPRESS = /cygwin-hygiene-ignore(-file)?\b(?:[ \t]+([A-Za-z]+[0-9]+(?:[ \t]*,[ \t]*[A-Za-z]+[0-9]+)*))?(?:[ \t]*:[ \t]*(.*))?/;
function suppressions(lines, lang) {
  const out = [];
  lines.forEach((l, i) => {
    const m = SUPPRESS.exec(l);
    if (!m) return;
    const before = l.slice(0, m.index);
    if (!COMMENT[lang].test(before)) return;
    out.push({ line: i + 1, file: Boolean(m[1]), ids: m[2] ? m[2].split(/\s*,\s*/).map((s) => s.toUpperCase()) : null, used: false });
  });
  return out;
}
function fingerprint(ruleId, file, loadText, changeText) {
  const norm = (s) => s.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${ruleId}\0${file}\0${norm(loadText)}\0${norm(changeText)}`).digest("hex").slice(0, 16);
}
var q = (s) => `\`${s}\``;
function dllOf(load) {
  const p = pathOf(load);
  if (!p) return void 0;
  return substitute(p, load.subst).replace(/\$\{[^}]*(?:extension|EXT|ext|SO|suffix)[^}]*\}$/, "") || p;
}
function describe(r) {
  const { load, change, spawn } = r;
  const lib = load.event.path ? q(dllOf(load)) : "the library";
  const verb = change.event.kind === "overwrite" ? `overwritten (${q(change.event.call)}) at line ${change.event.line}` : change.event.kind === "deleteDir" ? `its folder ${q(change.event.path ?? "")} is removed (${q(change.event.call)}) at line ${change.event.line}` : `deleted (${q(change.event.call)}) at line ${change.event.line}`;
  const again = spawn.repeat === "call" && spawn.via ? ` on the next call of ${q(spawn.via)}` : spawn.repeat === "iteration" ? " on the next loop iteration" : "";
  const effect = r.cause === "replaced-dll" ? "the fork child maps the file now at that path, which is not the image the parent loaded" : "the fork child must map every loaded DLL again from its path and cannot";
  const where = spawn.event.fn && spawn.event.fn !== change.event.fn ? ` (in ${q(spawn.event.fn)})` : "";
  return `${lib} is loaded at line ${load.event.line} (${q(load.event.call)}), then ${verb} while still loaded, and ${q(spawn.event.call)} at line ${spawn.event.line}${where} forks afterwards${again}: on Cygwin ${effect} (fork fails, e.g. "unable to map ..., Win32 error 126").`;
}
async function analyzeText(file, text, lang, opts = {}) {
  const diagnostics = [];
  let trace;
  try {
    trace = buildTrace(await frontEnd(lang, text, file));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push({ level: "error", file, message: "nested too deeply to analyse (the syntax tree walk ran out of stack); file skipped" });
    return { findings: [], diagnostics };
  }
  if (trace.truncated) {
    diagnostics.push({ level: "info", file, message: "the flow trace hit its size bound (deep nesting or many calls); later findings in this file may be missed" });
  }
  const rules = (opts.rules ?? RULES).filter((r) => opts.ruleSeverity?.[r.meta.id] !== "off");
  const raw = [];
  const handlers = rules.map((rule) => rule.create({ report: (r) => raw.push({ rule, r }) }));
  for (const item of trace) for (const h of handlers) h[item.event.kind]?.(item);
  const lines = text.split("\n");
  const sups = suppressions(lines, lang);
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  const weak = lang === "javascript" || lang === "typescript";
  const ev = (role, t) => ({ role, file, line: t.event.line, column: t.event.column, text: t.event.text });
  for (const { rule, r } of raw) {
    const id = rule.meta.id;
    const k = `${id}:${r.load.event.line}:${r.change.event.line}:${r.change.event.column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const hit = sups.find(
      (s) => (s.ids === null || s.ids.includes(id)) && (s.file || [r.change.event.line, r.load.event.line].some((l) => l === s.line || l === s.line + 1))
    );
    if (hit) {
      hit.used = true;
      continue;
    }
    const changeRole = r.change.event.kind === "overwrite" ? "replace" : "delete";
    const fp = fingerprint(id, file, r.load.event.text, r.change.event.text);
    findings.push({
      kind: "static",
      ruleId: id,
      cause: r.cause,
      // JS: child_process forks only when node itself is a Cygwin program (native node.exe uses CreateProcess).
      severity: opts.ruleSeverity?.[id] ?? (weak ? "warning" : rule.meta.defaultSeverity),
      file,
      line: r.change.event.line,
      column: r.change.event.column,
      message: weak ? `${describe(r)} (Only when node runs as a Cygwin program: a native node.exe spawns without fork.)` : describe(r),
      evidence: [ev("load", r.load), ev(changeRole, r.change), ev("spawn", r.spawn)],
      language: lang,
      ...r.load.event.path ? { dll: dllOf(r.load) } : {},
      properties: {
        loadCall: r.load.event.call,
        ...r.load.event.path ? { pathExpr: r.load.event.path } : {},
        [changeRole === "replace" ? "replaceCall" : "deleteCall"]: r.change.event.call,
        spawnCall: r.spawn.event.call,
        ...r.spawn.repeat ? { spawnRepeat: r.spawn.via ? `call:${r.spawn.via}` : r.spawn.repeat } : {},
        ...r.change.event.fn ? { deleteIn: r.change.event.fn } : {},
        ...r.spawn.event.fn ? { spawnIn: r.spawn.event.fn } : {},
        fingerprint: fp
      }
    });
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const s of sups) {
    const unknown = (s.ids ?? []).filter((i) => !known.has(i));
    if (unknown.length) diagnostics.push({ level: "info", file, message: `line ${s.line}: suppression names unknown rule ${unknown.join(", ")}` });
    else if (!s.used) diagnostics.push({ level: "info", file, message: `line ${s.line}: unused suppression (nothing to suppress here)` });
  }
  return { findings, diagnostics };
}

// src/scan/file.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var decoder = new TextDecoder("utf-8", { fatal: true });
var lenient = new TextDecoder("utf-8");
var KEEP = 4 * 1024 * 1024;
var scratch = Buffer.allocUnsafe(256 * 1024);
function readWhole(abs, max) {
  const fd = openSync(abs, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > max) return { size };
    let buf = scratch;
    if (size > buf.length) {
      buf = Buffer.allocUnsafe(size);
      if (size <= KEEP) scratch = buf;
    }
    let n = 0;
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, null);
      if (r === 0) break;
      n += r;
    }
    return { size, buf: buf.subarray(0, n) };
  } finally {
    closeSync(fd);
  }
}
var empty = (diags, files = 0, skipped = 0) => ({ findings: [], diags, files, parsed: 0, skipped });
var failed = (rel, e, diags, files, parsed) => {
  const code = e.code;
  diags.push({ level: "error", file: rel, message: code ? `cannot read: ${code}` : `could not analyse: ${e.message}` });
  return { findings: [], diags, files, parsed, skipped: 1 };
};
function prepareFile(f, opts) {
  const diags = [];
  let files = 0;
  try {
    const { size, buf } = readWhole(f.abs, opts.maxFileSize);
    if (!buf) {
      diags.push({ level: "warning", file: f.rel, message: `skipped: ${size} bytes is over the --max-file-size of ${opts.maxFileSize}` });
      return empty(diags, 1, 1);
    }
    const nul = buf.subarray(0, 8192).includes(0);
    let lang = f.nameLang;
    if (firstLineMatters(f.abs)) {
      const firstLine = nul ? "" : buf.subarray(0, 200).toString("latin1").split("\n")[0] ?? "";
      lang = languageOf(f.abs, firstLine);
    }
    if (!lang) return empty(diags);
    files = 1;
    if (nul) {
      diags.push({ level: "info", file: f.rel, message: "binary file (NUL byte) skipped" });
      return empty(diags, 1, 1);
    }
    if (!prefilterBytes(lang, buf)) return empty(diags, 1);
    let text;
    try {
      text = decoder.decode(buf);
    } catch {
      text = lenient.decode(buf);
      diags.push({ level: "info", file: f.rel, message: "not valid UTF-8; read with replacement characters" });
    }
    return { rel: f.rel, text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), lang, diags };
  } catch (e) {
    return failed(f.rel, e, diags, files, 0);
  }
}
var isPrepared = (p) => "text" in p;
async function analyzePrepared(p, opts) {
  const diags = [...p.diags];
  try {
    const r = await analyzeText(p.rel, p.text, p.lang, opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {});
    return { findings: r.findings, diags: [...diags, ...r.diagnostics], files: 1, parsed: 1, skipped: 0 };
  } catch (e) {
    return failed(p.rel, e, diags, 1, 1);
  }
}
async function scanFile(f, opts) {
  const p = prepareFile(f, opts);
  return isPrepared(p) ? analyzePrepared(p, opts) : p;
}

export {
  RULES,
  STATIC_RULE_META,
  analyzeText,
  prepareFile,
  isPrepared,
  analyzePrepared,
  scanFile
};
