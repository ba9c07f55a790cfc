#!/usr/bin/env node
import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  Command,
  CommanderError,
  Option,
  addReportOptions,
  emitReport,
  repeatable
} from "./chunks/chunk-SXOS4D2M.js";
import {
  EXIT_ERROR,
  InputError,
  UsageError
} from "./chunks/chunk-7KBCVPFB.js";
import "./chunks/chunk-GVUIAYUU.js";
import "./chunks/chunk-AMW6UCQI.js";
import "./chunks/chunk-F5DZH2T5.js";
import "./chunks/chunk-WBRHNXSN.js";
import {
  makeDocument
} from "./chunks/chunk-MT5TKJOX.js";
import {
  CAUSE_INFO
} from "./chunks/chunk-KZW6LR3C.js";
import {
  TOOL_NAME,
  TOOL_VERSION
} from "./chunks/chunk-KF6F6BZT.js";
import {
  CAUSES
} from "./chunks/chunk-GQQAAGHG.js";
import "./chunks/chunk-BVWNWY2M.js";
import "./chunks/chunk-GHFI43B4.js";

// src/cli/main.ts
import path8 from "node:path";

// src/config/load.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
var CONFIG_FILE = ".cygwin-hygiene.json";
var PACKAGE_KEY = "cygwin-hygiene";
async function isFile(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
async function exists(p) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
async function readJson(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new InputError(`cannot read config file ${file}: ${e.code ?? String(e)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`config file ${file} is not valid JSON: ${e.message}`);
  }
}
async function validateConfig(raw, source) {
  const { configSchema } = await import("./chunks/schema-76P5XIYX.js");
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? issue.path.join(".") : "";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    const key = where ? `${where}.${keys[0]}` : keys[0];
    throw new InputError(`${source}: unknown key "${key}" (allowed: ${Object.keys(configSchema.shape).filter((k) => k !== "$schema").join(", ")})`);
  }
  throw new InputError(`${source}: bad value for "${where || "(root)"}": ${issue.message}`);
}
async function fromFile(file) {
  const raw = await readJson(file);
  if (path.basename(file) === "package.json") {
    const section = raw?.[PACKAGE_KEY];
    return { config: await validateConfig(section ?? {}, `${file} ("${PACKAGE_KEY}")`), file, dir: path.dirname(file) };
  }
  return { config: await validateConfig(raw, file), file, dir: path.dirname(file) };
}
async function loadConfig(start, explicit) {
  if (explicit === false) return { config: {}, dir: start };
  if (explicit) {
    const file = path.resolve(explicit);
    if (!await isFile(file)) throw new InputError(`config file not found: ${explicit}`);
    return fromFile(file);
  }
  let dir = path.resolve(start);
  for (; ; ) {
    const own = path.join(dir, CONFIG_FILE);
    if (await isFile(own)) return fromFile(own);
    if (await exists(own)) throw new InputError(`config file ${own} is not a regular file (a folder?)`);
    const pkg = path.join(dir, "package.json");
    if (await isFile(pkg)) {
      const raw = await readJson(pkg);
      if (raw && typeof raw === "object" && PACKAGE_KEY in raw) return fromFile(pkg);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { config: {}, dir: path.resolve(start) };
    dir = parent;
  }
}

// src/commands/analyze.ts
var analyzeCommand = {
  name: "analyze",
  register(program, ctx) {
    addReportOptions(
      program.command("analyze").description("find every failed fork() in test output or a Cygwin strace log, and why it failed (`-` = stdin)").argument("<log...>", "log files (console output, strace -o output); - reads standard input").option("--cygwin-root <winpath>", "Windows folder of the Cygwin root, for DLL paths (default: guessed from the log, else C:\\cygwin64)")
    ).action(async (logs, opts) => {
      const { analyzeLogs } = await import("./chunks/diagnose-L3VP7A5P.js");
      const { makeDocument: makeDocument2 } = await import("./chunks/document-Y776J4DV.js");
      const { openLogs } = await import("./chunks/logs-JMBWY65W.js");
      const io = ctx.io;
      const { inputs, diagnostics: pre } = await openLogs(logs, { cwd: io.cwd, stdin: io.stdin });
      const result = await analyzeLogs(inputs, { ...opts.cygwinRoot ? { cygwinRoot: opts.cygwinRoot } : {}, cwd: io.cwd });
      const context = { logs, command: ["analyze", ...logs] };
      if (result.cygwinVersion) context.cygwinVersion = result.cygwinVersion;
      const doc = makeDocument2(result.findings, [...pre, ...result.diagnostics], context);
      const { emitReport: emitReport2 } = await import("./chunks/report-options-PBACRX63.js");
      ctx.exitCode = await emitReport2(io, doc, opts, await ctx.config());
    });
  }
};

// src/commands/check.ts
import path3 from "node:path";

// src/commands/scan.ts
import { writeFile } from "node:fs/promises";
import path2 from "node:path";
function addScanOptions(cmd) {
  return cmd.option("--include <glob>", "only scan files matching GLOB (relative to the working directory; repeatable)", repeatable).option("--exclude <glob>", "skip files matching GLOB (repeatable; on top of .gitignore)", repeatable).option("--max-file-size <bytes>", "skip files bigger than this (default 2097152)").option("--baseline <file>", "drop findings recorded in this baseline file").option("--write-baseline <file>", "write the findings to this baseline file (then report them as usual)").option("--threads <n>", "worker threads reading and parsing files (0 = none; default: one per core, at most 4, from 2000 files)");
}
async function writeBaselineIfAsked(opts, findings, cwd) {
  if (!opts.writeBaseline) return;
  const { toBaseline } = await import("./chunks/scan-RCC5NMQA.js");
  await writeFile(path2.resolve(cwd, opts.writeBaseline), `${JSON.stringify(toBaseline(findings), null, 2)}
`);
}
async function scanOptionsFrom(opts, loaded, ctx, root) {
  let maxFileSize;
  if (opts.maxFileSize !== void 0) {
    maxFileSize = Number(opts.maxFileSize);
    if (!/^\d+$/.test(opts.maxFileSize) || maxFileSize <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, got "${opts.maxFileSize}"`);
  }
  let threads;
  if (opts.threads !== void 0) {
    threads = Number(opts.threads);
    if (!/^\d+$/.test(opts.threads) || threads > 64) throw new UsageError(`--threads must be a number from 0 to 64, got "${opts.threads}"`);
  }
  const { config } = loaded;
  const { readBaseline } = await import("./chunks/scan-RCC5NMQA.js");
  const baselineFile = opts.baseline ?? (config.baseline ? path2.resolve(loaded.dir, config.baseline) : void 0);
  const baseline = baselineFile && !opts.writeBaseline ? await readBaseline(path2.resolve(ctx.io.cwd, baselineFile)) : void 0;
  const progress = Boolean(ctx.io.stderr.isTTY) && !opts.quiet;
  return {
    root,
    ...opts.include ? { include: opts.include } : {},
    ...opts.exclude ? { exclude: opts.exclude } : {},
    ...config.include ? { configInclude: config.include } : {},
    ...config.exclude ? { configExclude: config.exclude } : {},
    configDir: loaded.dir,
    ...maxFileSize ? { maxFileSize } : {},
    ...threads !== void 0 ? { threads } : {},
    ...config.rules ? { ruleSeverity: config.rules } : {},
    ...baseline ? { baseline } : {},
    ...progress ? { onProgress: (d, t) => ctx.io.stderr.write(`\rscanning ${d}/${t} files${d === t ? "\n" : ""}`) } : {}
  };
}
var scanCommand = {
  name: "scan",
  register(program, ctx) {
    const cmd = program.command("scan").description("find code that loads a shared library, deletes or rebuilds it, then forks (static rules CH001-CH003)").argument("[paths...]", "files or folders to scan (default: .)");
    addReportOptions(addScanOptions(cmd)).action(async (paths, opts) => {
      const engine = import("./chunks/scan-RCC5NMQA.js");
      void import("./chunks/prefetch-HMHH2DSB.js").then((m) => m.prefetchForFiles(paths, ctx.io.cwd)).catch(() => void 0);
      void import("./chunks/report-YYX6M6VK.js").then((m) => m.prefetchRenderer(opts.format ?? "text")).catch(() => void 0);
      const loaded = await ctx.config();
      const { scanPaths } = await engine;
      const result = await scanPaths(paths, await scanOptionsFrom(opts, loaded, ctx, ctx.io.cwd));
      await writeBaselineIfAsked(opts, result.findings, ctx.io.cwd);
      const doc = makeDocument(result.findings, result.diagnostics, { root: ctx.io.cwd, command: ["scan", ...paths] });
      doc.rules = result.rules;
      ctx.exitCode = await emitReport(ctx.io, doc, opts, loaded);
    });
  }
};

// src/commands/check.ts
var checkCommand = {
  name: "check",
  register(program, ctx) {
    const cmd = program.command("check").description("scan a project and analyse its saved logs, joined into one report (what the action reports)").argument("[dir]", "the project folder (default: .); its config file is found from there upwards").option("-l, --log <file>", "a saved console or Cygwin strace log to analyse (repeatable; - = stdin)", repeatable).option("--cygwin-root <winpath>", "Windows folder of the Cygwin root the logs come from (default: guessed)");
    addReportOptions(addScanOptions(cmd)).action(async (dir, opts) => {
      const io = ctx.io;
      const root = path3.resolve(io.cwd, dir ?? ".");
      const { stat: stat2 } = await import("node:fs/promises");
      const st = await stat2(root).catch(() => void 0);
      if (!st?.isDirectory()) throw new InputError(`${dir ?? "."}: ${st ? "not a folder" : "no such folder"}`);
      const loaded = await ctx.config(root);
      const logs = (opts.log ?? []).map((l) => l === "-" ? l : path3.resolve(io.cwd, l));
      if (loaded.config.logs?.length) {
        const { glob } = await import("./chunks/dist-5OYM3R7R.js");
        const found = await glob(loaded.config.logs, { cwd: loaded.dir, absolute: true, onlyFiles: true });
        if (!found.length) io.stderr.write(`cygwin-hygiene: note: the config's "logs" (${loaded.config.logs.join(", ")}) match no file
`);
        logs.push(...found.sort());
      }
      const { createPipeline } = await import("./chunks/pipeline-QBMUECY5.js");
      const pipeline = createPipeline({ stdin: io.stdin });
      const analyzed = logs.length ? await pipeline.analyze(logs, { cwd: root, ...opts.cygwinRoot ? { root: opts.cygwinRoot } : {} }) : { findings: [], diagnostics: [] };
      const scanned = await pipeline.scan([root], { cwd: root, engine: await scanOptionsFrom(opts, loaded, ctx, root) });
      await writeBaselineIfAsked(opts, scanned.findings, io.cwd);
      const rel = (p) => p === "-" ? p : path3.relative(root, p).split(path3.sep).join("/");
      const context = {
        root: path3.relative(io.cwd, root).split(path3.sep).join("/") || ".",
        logs: logs.map(rel),
        command: ["check", ...dir ? [dir] : []]
      };
      if (analyzed.cygwinVersion) context.cygwinVersion = analyzed.cygwinVersion;
      const doc = await pipeline.combine(analyzed, scanned, context);
      ctx.exitCode = await emitReport(io, doc, opts, loaded);
    });
  }
};

// src/commands/dry-run.ts
import { readFile as readFile2 } from "node:fs/promises";
import path4 from "node:path";
async function dryRun(opts, io, pipeline) {
  const { parseInputs, inputGetter, InputsError } = await import("./chunks/inputs-6DTDKRZA.js");
  const { parseWithBlock, WithBlockError } = await import("./chunks/with-block-U2WWCDIC.js");
  const { planAction, resolveScanPaths, AUTO_SCAN_DIRS } = await import("./chunks/plan-5QTLAJE5.js");
  const { describePlan } = await import("./chunks/describe-plan-OSELCESG.js");
  const given = {};
  if (opts.with) {
    let text;
    try {
      text = await readFile2(opts.with, "utf8");
    } catch (e) {
      throw new InputError(`cannot read ${opts.with}: ${e.code ?? String(e)}`);
    }
    try {
      Object.assign(given, parseWithBlock(text));
    } catch (e) {
      if (e instanceof WithBlockError) throw new InputError(`${opts.with}: ${e.message}`);
      throw e;
    }
  }
  for (const kv of opts.input ?? []) {
    const eq = kv.indexOf("=");
    if (eq <= 0) throw new UsageError(`--input expects name=value, got "${kv}"`);
    given[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  let inputs;
  try {
    inputs = parseInputs(inputGetter(given));
  } catch (e) {
    if (e instanceof InputsError) throw new InputError(e.message);
    throw e;
  }
  const env = {
    workspace: opts.workspace ?? "D:\\a\\repo\\repo",
    temp: opts.temp ?? "D:\\a\\_temp",
    platform: "win32-x64",
    pathStyle: "win32"
  };
  const plan = planAction(inputs, env);
  const { statSync } = await import("node:fs");
  const existing = new Set(AUTO_SCAN_DIRS.filter((d) => {
    try {
      return statSync(path4.join(io.cwd, inputs.workingDirectory, d)).isDirectory();
    } catch {
      return false;
    }
  }));
  const scanPaths = resolveScanPaths(plan.scan, existing);
  if (opts.format === "json") io.stdout.write(`${JSON.stringify({ inputs, plan, scanPaths }, null, 2)}
`);
  else io.stdout.write(describePlan(plan, env, given, scanPaths));
  if (!opts.log?.length) return 0;
  const p = pipeline ?? (await import("./chunks/pipeline-QBMUECY5.js")).createPipeline({ stdin: io.stdin });
  const { makeDocument: makeDocument2 } = await import("./chunks/document-Y776J4DV.js");
  const { failsOn } = await import("./chunks/verdict-NTXTXFUY.js");
  const a = await p.analyze(opts.log, { root: plan.root, cwd: io.cwd });
  const context = { root: plan.root, logs: opts.log, ...a.cygwinVersion ? { cygwinVersion: a.cygwinVersion } : {} };
  const empty = { findings: [], diagnostics: [], rules: [] };
  const doc = p.combine ? await p.combine(a, empty, context) : makeDocument2(a.findings, a.diagnostics, context);
  const out = io.stdout;
  out.write(`
analysis of ${opts.log.join(" ")} as the action would do it:
`);
  out.write(`  outputs: failures=${doc.findings.filter((f) => f.kind === "runtime").length} findings=${doc.findings.length} cygwin-version=${a.cygwinVersion ?? ""}
`);
  for (const d of doc.diagnostics) out.write(`  ${d.level}: ${d.file ? `${d.file}: ` : ""}${d.message}
`);
  for (const [format, title] of [["github", "annotations"], ["markdown", "job summary"]]) {
    out.write(`  --- ${title} (${format}) ---
`);
    try {
      out.write(await p.render(doc, format, { env: io.env, cwd: io.cwd }));
    } catch (e) {
      out.write(`  (not rendered: ${e.message})
`);
    }
  }
  const fails = failsOn(doc, plan.failOn) || doc.diagnostics.some((d) => d.level === "error");
  out.write(`  outcome: the step would ${fails ? "fail" : "pass"} (fail-on: ${plan.failOn}; the tests' own exit code is not known from a log)
`);
  return fails ? 1 : 0;
}
var dryRunCommand = {
  name: "dry-run",
  register(program, ctx) {
    program.command("dry-run").description("print exactly what the GitHub Action would do for these inputs; with --log, analyse a saved log as it would").option("-i, --input <name=value>", 'an action input (repeatable), e.g. --input run="make check"', repeatable).option("-w, --with <file>", "read inputs from a workflow step's with: block (key: value lines)").option("-l, --log <file>", "analyse this saved console or strace log as the action would (repeatable)", repeatable).option("--workspace <dir>", "GITHUB_WORKSPACE to show (default D:\\a\\repo\\repo)").option("--temp <dir>", "RUNNER_TEMP to show (default D:\\a\\_temp)").addOption(new Option("-f, --format <format>", "text or json (the plan as data)").choices(["text", "json"]).default("text")).action(async (opts) => {
      ctx.exitCode = await dryRun(opts, ctx.io);
    });
  }
};

// src/commands/explain.ts
var explainCommand = {
  name: "explain",
  register(program, ctx) {
    program.command("explain").description("explain a cause (deleted-dll, replaced-dll, ...); without an argument, list them all").argument("[cause]", "a cause id").action((cause) => {
      const list = cause ? [cause] : [...CAUSES];
      for (const id of list) {
        if (!CAUSES.includes(id)) {
          throw new UsageError(`unknown cause "${id}" (known: ${CAUSES.join(", ")})`);
        }
        const info = CAUSE_INFO[id];
        ctx.io.stdout.write(cause ? `${id}: ${info.title}

${info.description}
` : `${id.padEnd(18)} ${info.title}
`);
      }
    });
  }
};

// src/commands/predict.ts
import { constants } from "node:os";
import path5 from "node:path";
import { createInterface } from "node:readline";
var EXIT_MODES = ["auto", "report", "test"];
function quoteArg(a) {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
var predictCommand = {
  name: "predict",
  register(program, ctx) {
    const cmd = program.command("predict").description("Linux: run a test command traced and predict the forks that would fail on Cygwin").argument("[command...]", "the command to trace, after `--`").option("--from-trace <file>", "replay an existing strace -f log (`-` = stdin) instead of running a command").option("--trace-file <file>", "keep the strace log in FILE (default: a temporary file, removed afterwards)").addOption(
      new Option("--tracer <tracer>", "preload: the in-process recorder (fast; glibc + a C compiler); strace: any program; auto: preload where it works").choices(["auto", "preload", "strace"]).default("auto")
    ).option("--strace <path>", "the strace binary (default: strace on PATH)").option("--no-seccomp", "do not use strace --seccomp-bpf even where it works (slower)").addOption(
      new Option("--exit-code <mode>", "auto: the test\u2019s code if it failed, else the report\u2019s; report; test").choices(EXIT_MODES).default("auto")
    );
    addReportOptions(cmd).addHelpText(
      "after",
      "\nWhen running a command, its output and stdin pass through unchanged and the report goes to standard error\n(or --output FILE). Exit code (auto): the command\u2019s own non-zero exit code if it failed, else 0 clean,\n1 predictions, 2 error. Docs: docs/predict.md"
    );
    cmd.action(async (command, opts) => {
      const engine = await import("./chunks/predict-FYEXAS5H.js");
      const loaded = await ctx.config();
      const io = ctx.io;
      if (opts.fromTrace && command.length) throw new UsageError("give either --from-trace FILE or a command, not both");
      if (!opts.fromTrace && !command.length) throw new UsageError("predict needs a command (predict -- <cmd> [args...]) or --from-trace FILE");
      if (opts.fromTrace) {
        const file = path5.resolve(io.cwd, opts.fromTrace);
        const label = opts.fromTrace === "-" ? "<stdin>" : opts.fromTrace;
        const lines = opts.fromTrace === "-" ? createInterface({ input: io.stdin, crlfDelay: Infinity }) : engine.readTraceLines(file);
        const result = await engine.replayTrace(lines, {
          cwd: io.cwd,
          file: label,
          traceFile: label
        });
        const { makeDocument: makeDocument2 } = await import("./chunks/document-Y776J4DV.js");
        const doc = makeDocument2(result.findings, [...result.diagnostics, statsLine(result.stats)], { logs: [label] });
        ctx.exitCode = await emitReport(io, doc, opts, loaded);
        return;
      }
      const [program0, ...args] = command;
      const commandLine = command.map(quoteArg).join(" ");
      const run = await engine.runTraced(program0, args, {
        ...opts.strace !== void 0 ? { strace: opts.strace } : {},
        ...opts.traceFile !== void 0 ? { traceFile: opts.traceFile } : {},
        ...opts.seccomp === false ? { seccomp: false } : {},
        // Options that only strace has choose it when the tracer is left to auto.
        tracer: (opts.tracer ?? "auto") === "auto" && (opts.strace !== void 0 || opts.seccomp === false) ? "strace" : opts.tracer ?? "auto",
        cwd: io.cwd,
        env: io.env
      });
      try {
        const rel = path5.relative(io.cwd, run.traceFile);
        const kept = run.temporary ? void 0 : rel && !rel.startsWith("..") ? rel : run.traceFile;
        const result = await engine.replayTrace(engine.readTraceLines(run.traceFile), {
          cwd: io.cwd,
          file: kept ?? commandLine,
          command: commandLine,
          tracer: run.tracer,
          ...kept !== void 0 ? { traceFile: kept } : {}
        });
        const testCode = run.exitCode ?? 128 + (run.signal ? constants.signals[run.signal] ?? 0 : 0);
        const diagnostics = [...result.diagnostics];
        if (run.startError) diagnostics.push({ level: "error", message: `${run.startError} (\`${commandLine}\`)` });
        else if (result.stats.syscalls === 0 && testCode !== 0) {
          diagnostics.push({
            level: "error",
            message: `${run.tracer === "strace" ? "strace" : "the command"} could not run \`${commandLine}\` (exit code ${testCode}); see its message above`
          });
        }
        if (run.fallback) diagnostics.push({ level: "info", message: `traced with strace: ${run.fallback}` });
        if (run.recorderBuilt) diagnostics.push({ level: "info", message: `built the preload recorder (once per machine): ${run.recorderBuilt}` });
        diagnostics.push(statsLine(result.stats, run.tracer === "preload" ? "preload" : run.seccomp));
        if (run.temporary && result.findings.length) {
          diagnostics.push({
            level: "info",
            message: "the trace was temporary and is removed: pass --trace-file FILE to keep it and look the line numbers up"
          });
        }
        if (testCode !== 0) {
          diagnostics.push({
            level: "warning",
            message: `the command failed (${run.signal ? `killed by ${run.signal}` : `exit code ${testCode}`}); predictions cover what ran`
          });
        }
        const { makeDocument: makeDocument2 } = await import("./chunks/document-Y776J4DV.js");
        const doc = makeDocument2(result.findings, diagnostics, {
          command,
          ...kept !== void 0 ? { logs: [kept] } : {}
        });
        const reportIO = opts.output ? io : { ...io, stdout: io.stderr };
        const reportCode = await emitReport(reportIO, doc, opts, loaded);
        const mode = opts.exitCode ?? "auto";
        ctx.exitCode = result.stats.syscalls === 0 ? EXIT_ERROR : mode === "test" ? testCode : mode === "report" ? reportCode : testCode !== 0 ? testCode : reportCode;
      } finally {
        run.cleanup();
      }
    });
  }
};
function statsLine(s, tracer) {
  return {
    level: "info",
    message: `replayed ${s.lines} trace lines: ${s.processes} processes, ${s.forks} process-creating calls, ${s.libraryLoads} library loads, ${s.goneWhileMapped} deleted/replaced while mapped` + (tracer === void 0 ? "" : tracer === "preload" ? " (preload recorder)" : tracer ? " (strace --seccomp-bpf)" : " (strace without --seccomp-bpf: slower)")
  };
}

// src/commands/render.ts
import { readFile as readFile3 } from "node:fs/promises";
import path6 from "node:path";
async function readInput(ctx, file) {
  if (file === "-") {
    const chunks = [];
    for await (const c of ctx.io.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile3(path6.resolve(ctx.io.cwd, file), "utf8");
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${e.code ?? String(e)}`);
  }
}
var renderCommand = {
  name: "render",
  register(program, ctx) {
    addReportOptions(
      program.command("render").description("render a saved JSON report (from --format json) as text, sarif, github annotations or markdown").argument("<report>", "the JSON report file, or - for standard input")
    ).action(async (file, opts) => {
      const { parseReportDocument } = await import("./chunks/load-7KM6XJIJ.js");
      const doc = parseReportDocument(await readInput(ctx, file), file === "-" ? "standard input" : file);
      ctx.exitCode = await emitReport(ctx.io, doc, opts, await ctx.config());
    });
  }
};

// src/commands/run.ts
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path7 from "node:path";
function findCygwinBin(pathVar, exists2, delimiter = ";") {
  for (const dir of (pathVar ?? "").split(delimiter).filter(Boolean)) {
    const j = (f) => path7.win32.join(dir, f);
    if (exists2(j("strace.exe")) && (exists2(j("cygwin1.dll")) || exists2(j("msys-2.0.dll")))) return dir;
  }
  return void 0;
}
function hostFacts() {
  let unameS;
  try {
    const r = spawnSync("uname", ["-s"], { encoding: "utf8", timeout: 5e3 });
    if (r.status === 0) unameS = r.stdout;
  } catch {
  }
  const cygwinBin = process.platform === "win32" ? findCygwinBin(process.env.PATH, existsSync) : void 0;
  return { platform: process.platform, ...unameS ? { unameS } : {}, hasCygcheck: existsSync("/usr/bin/cygcheck"), ...cygwinBin ? { cygwinBin } : {} };
}
async function runCommand(argv, opts, io, loaded, pipeline, facts = hostFacts()) {
  const { detectHost, parseStraceOptions } = await import("./chunks/strace-SMIXVLOX.js");
  if (!argv.length) throw new UsageError("run needs a command after --, e.g. cygwin-hygiene run -- make check");
  const host = detectHost(facts);
  if (host !== "cygwin" && host !== "msys" && !(host === "win32" && facts.cygwinBin)) {
    io.stderr.write(`cygwin-hygiene: run needs Cygwin or MSYS2${host === "win32" ? " (no folder on PATH has Cygwin's strace.exe next to cygwin1.dll)" : ""} (this is ${facts.platform}${facts.unameS ? `, ${facts.unameS.trim()}` : ""}); on Linux use: cygwin-hygiene predict -- ${argv.join(" ")}
`);
    return EXIT_ERROR;
  }
  let straceOptions;
  try {
    straceOptions = parseStraceOptions(opts.straceOptions ?? "");
  } catch (e) {
    throw new UsageError(e.message.replace('input "strace-options"', "--strace-options"));
  }
  const dir = await mkdtemp(path7.join(tmpdir(), "cygwin-hygiene-run-"));
  const straceLog = path7.join(dir, "strace.log");
  const consoleLog = path7.join(dir, "console.log");
  const exitCode = await new Promise((resolve, reject) => {
    const strace = facts.cygwinBin ? path7.win32.join(facts.cygwinBin, "strace.exe") : "strace";
    const child = spawn(strace, ["-o", straceLog, ...straceOptions, ...argv], { cwd: io.cwd, env: io.env, stdio: ["inherit", "pipe", "pipe"] });
    const file = createWriteStream(consoleLog);
    child.stdout.on("data", (d) => {
      file.write(d);
      io.stderr.write(d.toString());
    });
    child.stderr.on("data", (d) => {
      file.write(d);
      io.stderr.write(d.toString());
    });
    child.on("error", (e) => reject(new UsageError(`cannot start strace: ${e.message} (it is /usr/bin/strace, part of the cygwin package)`)));
    child.on("close", (code3) => file.end(() => resolve(code3 ?? 1)));
  });
  io.stderr.write(`cygwin-hygiene: the command exited with code ${exitCode}; logs: ${straceLog} ${consoleLog}
`);
  const p = pipeline ?? (await import("./chunks/pipeline-QBMUECY5.js")).createPipeline({ stdin: io.stdin });
  const a = await p.analyze([consoleLog, ...existsSync(straceLog) ? [straceLog] : []], { cwd: io.cwd });
  const { makeDocument: makeDocument2 } = await import("./chunks/document-Y776J4DV.js");
  const context = { logs: [consoleLog, straceLog], command: argv, ...a.cygwinVersion ? { cygwinVersion: a.cygwinVersion } : {} };
  const doc = p.combine ? await p.combine(a, { findings: [], diagnostics: [], rules: [] }, context) : makeDocument2(a.findings, a.diagnostics, context);
  const code2 = await emitReport(io, doc, opts, loaded);
  return code2 === 0 && exitCode !== 0 ? 1 : code2;
}
var runCommandModule = {
  name: "run",
  register(program, ctx) {
    addReportOptions(
      program.command("run").description("Cygwin/MSYS2: run a command under Cygwin strace and analyse its fork failures (what the action runs)").argument("<command...>", "the command and its arguments, after --").option("--strace-options <options>", "extra strace options (not -o, -f, -e, -n, ...: see docs/action.md)")
    ).action(async (argv, opts) => {
      ctx.exitCode = await runCommand(argv, opts, ctx.io, await ctx.config());
    });
  }
};

// src/commands/index.ts
var commands = [
  checkCommand,
  scanCommand,
  analyzeCommand,
  predictCommand,
  runCommandModule,
  dryRunCommand,
  renderCommand,
  explainCommand
];

// src/cli/main.ts
function buildProgram(ctx, argv = []) {
  const program = new Command(TOOL_NAME).description("Find, explain and prevent Cygwin fork() failures caused by deleted or replaced DLLs.").version(TOOL_VERSION, "-V, --version", "print the version").addOption(new Option("-c, --config <file>", "use this config file instead of the nearest .cygwin-hygiene.json")).option("--no-config", "ignore every config file").exitOverride().configureOutput({
    writeOut: (s) => ctx.io.stdout.write(s),
    writeErr: (s) => ctx.io.stderr.write(s),
    outputError: (s, write) => write(`${TOOL_NAME}: ${s.trim().replace(/^error: /, "")} (see --help)
`)
  });
  program.addHelpText(
    "after",
    "\nExit codes: 0 nothing found, 1 findings, 2 usage or input error.\nDocs: docs/cli.md"
  );
  const first = argv.find((a) => !a.startsWith("-"));
  const only = first !== void 0 && argv.indexOf(first) === 0 ? commands.find((m) => m.name === first) : void 0;
  for (const m of only ? [only] : commands) m.register(program, ctx);
  return program;
}
async function main(argv, io) {
  const loaded = /* @__PURE__ */ new Map();
  const ctx = {
    io,
    exitCode: 0,
    config: (start) => {
      const g = program.opts();
      const from = g.config === void 0 && start ? path8.resolve(io.cwd, start) : io.cwd;
      let p = loaded.get(from);
      if (!p) loaded.set(from, p = loadConfig(from, g.config));
      return p;
    }
  };
  const program = buildProgram(ctx, argv);
  program.hook("preAction", async () => {
    await ctx.config();
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr.write(`${TOOL_NAME}: ${errorLine(e.message)}
`);
      return EXIT_ERROR;
    }
    const err = e;
    io.stderr.write(`${TOOL_NAME}: internal error: ${errorLine(err?.message ?? String(e))}
`);
    if (io.env.CYGWIN_HYGIENE_DEBUG) io.stderr.write(`${err?.stack ?? ""}
`);
    return EXIT_ERROR;
  }
}
var MAX_ERROR_LINE = 400;
function errorLine(message) {
  const s = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "	" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return s.length > MAX_ERROR_LINE ? `${s.slice(0, MAX_ERROR_LINE - 1)}\u2026` : s;
}

// src/cli/io.ts
function processIO() {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

// src/cli.ts
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
var code = await main(process.argv.slice(2), processIO());
process.exitCode = code;
