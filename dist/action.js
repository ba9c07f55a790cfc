import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  AUTO_SCAN_DIRS,
  planAction,
  resolveScanPaths
} from "./chunks/chunk-S5TJ6XDO.js";
import {
  DOWNLOAD_ATTEMPTS,
  DOWNLOAD_BASE_DELAY_MS,
  DOWNLOAD_TIMEOUT_MS,
  withRetries
} from "./chunks/chunk-GHBHRIYT.js";
import {
  parseInputs
} from "./chunks/chunk-3TQFD25Q.js";
import {
  AUTHENTICODE_SCRIPT,
  cacheKey,
  decideChecksum,
  decideSignature,
  parseSetupLog
} from "./chunks/chunk-W55DXDMA.js";
import {
  formatCommandLine
} from "./chunks/chunk-CRVTAG3J.js";
import {
  addPath,
  endGroup,
  getExecOutput,
  getInput,
  info,
  setFailed,
  setOutput,
  startGroup,
  summary,
  warning
} from "./chunks/chunk-VFRMAIJF.js";
import {
  createPipeline
} from "./chunks/chunk-UPROW6ML.js";
import {
  safeLogLine
} from "./chunks/chunk-EB3R6NLG.js";
import "./chunks/chunk-HFQM65JI.js";
import "./chunks/chunk-4HNNP3VV.js";
import "./chunks/chunk-DD7446KY.js";
import "./chunks/chunk-AMW6UCQI.js";
import "./chunks/chunk-F5DZH2T5.js";
import {
  failsOn
} from "./chunks/chunk-WBRHNXSN.js";
import {
  makeDocument
} from "./chunks/chunk-MT5TKJOX.js";
import "./chunks/chunk-W22KW7SL.js";
import "./chunks/chunk-KZW6LR3C.js";
import "./chunks/chunk-KF6F6BZT.js";
import "./chunks/chunk-GQQAAGHG.js";
import "./chunks/chunk-F7VJF5RF.js";
import {
  findVersionInLine,
  formatVersion,
  parseVersion
} from "./chunks/chunk-BVWNWY2M.js";
import "./chunks/chunk-GHFI43B4.js";

// src/action/main.ts
import { existsSync, statSync } from "node:fs";
import { mkdir as mkdir4, writeFile as writeFile3 } from "node:fs/promises";
import path3 from "node:path";

// src/action/effects.ts
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
function realEffects() {
  return {
    platform: process.platform,
    async download(url, dest, timeoutMs) {
      await mkdir(path.dirname(dest), { recursive: true });
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
      if (!res.ok || !res.body) throw new Error(`GET ${url}: HTTP ${res.status} ${res.statusText}`);
      await pipeline(Readable.fromWeb(res.body), createWriteStream(dest));
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    async authenticode(file) {
      const r = await getExecOutput("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", AUTHENTICODE_SCRIPT], {
        env: { ...process.env, CH_FILE: file },
        silent: true,
        ignoreReturnCode: true
      });
      if (r.exitCode !== 0) throw new Error(`powershell Get-AuthenticodeSignature exited ${r.exitCode}: ${r.stderr.trim()}`);
      return r.stdout;
    },
    async exec(req) {
      const streaming = Boolean(req.onStdout || req.onStderr);
      const r = await getExecOutput(req.file, [...req.args], {
        env: { ...process.env, ...req.env },
        ...req.cwd ? { cwd: req.cwd } : {},
        ignoreReturnCode: true,
        silent: streaming,
        windowsVerbatimArguments: false,
        listeners: {
          ...req.onStdout ? { stdout: req.onStdout } : {},
          ...req.onStderr ? { stderr: req.onStderr } : {}
        }
      });
      return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    },
    // @actions/cache pulls in the Azure storage SDK: load it only when the cache is used.
    restoreCache: async (paths, key, restoreKeys) => (await import("./chunks/cache-SSFGQFXF.js")).restoreCache(paths, key, restoreKeys),
    async saveCache(paths, key) {
      await (await import("./chunks/cache-SSFGQFXF.js")).saveCache(paths, key);
    }
  };
}

// src/action/install.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir as mkdir2, readFile, writeFile } from "node:fs/promises";
async function sha512File(file) {
  const h = createHash("sha512");
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest("hex");
}
async function group(name, fn) {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
async function install(plan, inputs, env, fx) {
  const dl = (url, dest) => withRetries(`download ${url}`, () => fx.download(url, dest, DOWNLOAD_TIMEOUT_MS), {
    attempts: DOWNLOAD_ATTEMPTS,
    baseMs: DOWNLOAD_BASE_DELAY_MS,
    sleep: fx.sleep,
    log: (s) => info(s)
  });
  const setupSha512 = await group("Download Cygwin setup", async () => {
    await dl(plan.download.setupUrl, plan.download.setupFile);
    info(`downloaded ${plan.download.setupUrl} to ${plan.download.setupFile}`);
    if (plan.download.sumUrl && plan.download.sumFile) await dl(plan.download.sumUrl, plan.download.sumFile);
    return sha512File(plan.download.setupFile);
  });
  await group("Verify Cygwin setup", async () => {
    if (plan.verify.signature) {
      const d = decideSignature(await fx.authenticode(plan.download.setupFile));
      info(d.message);
      if (!d.ok) throw new Error(d.message);
    } else {
      warning("signature check skipped (verify-signature: false)");
    }
    if (plan.verify.checksum && plan.download.sumFile) {
      const d = decideChecksum(await readFile(plan.download.sumFile, "utf8"), setupSha512);
      info(d.message);
      if (!d.ok) throw new Error(d.message);
    } else {
      warning("checksum check skipped (verify-checksum: false)");
    }
  });
  const key = cacheKey({ platform: env.platform, packages: inputs.packages, sites: inputs.sites, setupSha512 });
  let cacheHit;
  if (plan.cache.enabled) {
    cacheHit = await group("Restore Cygwin package cache", async () => {
      try {
        const hit = await fx.restoreCache(plan.cache.paths, key.key, [key.restorePrefix]);
        info(hit ? `restored ${plan.packageDir} from cache key ${hit}` : `no cache for ${key.key}`);
        return hit;
      } catch (e) {
        warning(`cache restore failed (continuing without it): ${e.message}`);
        return void 0;
      }
    });
  }
  const site = await group("Install Cygwin", async () => {
    await mkdir2(plan.packageDir, { recursive: true }).catch(() => void 0);
    let last = "";
    for (const [i, s] of plan.setup.entries()) {
      const line = formatCommandLine(s);
      info(`running: ${line}`);
      let r;
      try {
        r = await fx.exec({ file: s.file, args: s.args });
      } catch (e) {
        throw new Error(`cannot start Cygwin setup: "${line}": ${e.message}`, { cause: e });
      }
      if (r.exitCode === 0) return s.site;
      last = `Cygwin setup failed: "${line}" exited with code ${r.exitCode}; see ${plan.setupLog} (/var/log/setup.log.full)`;
      if (i < plan.setup.length - 1) warning(`${last}; trying the next mirror ${plan.setup[i + 1].site}`);
    }
    throw new Error(last);
  });
  await group("Check post-install scripts", async () => {
    let text;
    try {
      text = await readFile(plan.setupLog, "utf8");
    } catch {
      warning(`cannot read ${plan.setupLog}: post-install scripts were not checked`);
      return;
    }
    const failures = parseSetupLog(text);
    for (const f of failures) {
      warning(`post-install script ${f.script ?? f.command ?? "(unknown)"} exited with code ${f.exitCode} (${plan.setupLog} line ${f.line})`);
    }
    info(`${failures.length} post-install script failure(s) in ${plan.setupLog}`);
  });
  if (plan.cache.enabled && cacheHit !== key.key) {
    await group("Save Cygwin package cache", async () => {
      try {
        await fx.saveCache(plan.cache.paths, key.key);
        info(`saved ${plan.packageDir} as ${key.key}`);
      } catch (e) {
        warning(`cache save failed (continuing): ${e.message}`);
      }
    });
  }
  await group("Add the cygwin shell wrapper", async () => {
    await mkdir2(plan.wrapper.dir, { recursive: true });
    await writeFile(plan.wrapper.file, plan.wrapper.text);
    for (const p of plan.addToPath) addPath(p);
    info(`wrote ${plan.wrapper.file}; later steps can use "shell: cygwin {0}"`);
  });
  const cygwinVersion = await group("Cygwin version", async () => {
    const r = await fx.exec({ file: plan.versionCommand.file, args: plan.versionCommand.args }).catch((e) => ({ exitCode: -1, stdout: "", stderr: e.message }));
    const text = r.stdout.trim();
    const v = findVersionInLine(text) ?? parseVersion(text);
    if (r.exitCode !== 0 || !v) {
      warning(`could not read the Cygwin version: "${formatCommandLine(plan.versionCommand)}" exited ${r.exitCode}, printed "${text}"`);
      return void 0;
    }
    info(`uname -r: ${text} (Cygwin ${formatVersion(v)})`);
    return formatVersion(v);
  });
  return { setupSha512, site, ...cacheHit ? { cacheHit } : {}, ...cygwinVersion ? { cygwinVersion } : {} };
}

// src/action/run-tests.ts
import { randomBytes } from "node:crypto";
import { createWriteStream as createWriteStream2 } from "node:fs";
import { mkdir as mkdir3, readFile as readFile2, rm, stat, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";
function stopToken() {
  return `ch-${randomBytes(16).toString("hex")}`;
}
async function runTests(plan, fx, out = process.stdout) {
  const t = plan.test;
  if (!t) throw new Error('no test command (input "run" is empty)');
  startGroup("Run the tests under Cygwin strace");
  const notes = [];
  try {
    await mkdir3(path2.dirname(t.consoleLog), { recursive: true });
    await rm(t.rcFile, { force: true });
    if (t.logFile) await rm(t.logFile, { force: true });
    await writeFile2(t.script.file, t.script.text);
    info(`running: ${formatCommandLine(t)}`);
    info(`with CH_RUN=${JSON.stringify(t.env.CH_RUN)} CH_WORKDIR=${t.env.CH_WORKDIR}`);
    const consoleFile = createWriteStream2(t.consoleLog);
    const token = stopToken();
    out.write(`::stop-commands::${token}
`);
    let result;
    try {
      const tee = (chunk) => {
        consoleFile.write(chunk);
        out.write(chunk);
      };
      try {
        result = await fx.exec({ file: t.file, args: t.args, env: t.env, cwd: plan.workdir, onStdout: tee, onStderr: tee });
      } catch (e) {
        throw new Error(`cannot run the tests: "${formatCommandLine(t)}": ${e.message}`, { cause: e });
      }
    } finally {
      out.write(`
::${token}::
`);
      await new Promise((r) => consoleFile.end(r));
    }
    let exitCode = result.exitCode;
    try {
      const rc = (await readFile2(t.rcFile, "utf8")).trim();
      if (/^\d+$/.test(rc)) exitCode = Number(rc);
      else notes.push(`exit-status file ${t.rcFile} holds "${rc}"; using the exit code of the process (${result.exitCode})`);
    } catch {
      notes.push(`the test command wrote no exit status (${t.rcFile}); using the exit code of the process (${result.exitCode})`);
    }
    let straceLog;
    if (t.logFile) {
      try {
        const s = await stat(t.logFile);
        straceLog = t.logFile;
        info(`strace log: ${t.logFile} (${s.size} bytes)`);
      } catch {
        notes.push(`strace wrote no log at ${t.logFile}: only the console output is analysed`);
      }
    }
    info(`the tests exited with code ${exitCode}`);
    return { exitCode, consoleLog: t.consoleLog, ...straceLog ? { straceLog } : {}, notes };
  } finally {
    endGroup();
  }
}

// src/action/main.ts
var SUMMARY_BUDGET = 1e6;
function planEnv(platform) {
  const temp = process.env.RUNNER_TEMP || path3.join(process.cwd(), ".cygwin-hygiene-tmp");
  return {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    temp,
    platform: `${platform}-${process.arch}`,
    pathStyle: path3.sep === "\\" ? "win32" : "posix"
  };
}
function fitSummary(md, budget = SUMMARY_BUDGET) {
  if (Buffer.byteLength(md) <= budget) return md;
  const note = "\n\n_The summary was cut to fit GitHub's 1 MiB limit; the SARIF file and the annotations have every finding._\n";
  let cut = Buffer.from(md).subarray(0, budget - Buffer.byteLength(note)).toString("utf8");
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
  return cut + note;
}
async function bestEffort(what, fn) {
  try {
    await fn();
    return true;
  } catch (e) {
    warning(`${what} failed: ${e.message}`);
    return false;
  }
}
async function run(deps = {}) {
  try {
    const fx = deps.effects ?? realEffects();
    const inputs = parseInputs((name) => getInput(name));
    const env = planEnv(fx.platform);
    let plan = planAction(inputs, env);
    setOutput("root", plan.root);
    if (!existsSync(plan.workdir)) {
      throw new Error(`input "working-directory": ${plan.workdir} does not exist (it is relative to ${env.workspace})`);
    }
    let cygwinVersion;
    let test;
    if (plan.mode === "install-and-run") {
      if (fx.platform !== "win32") {
        throw new Error(`input "run" needs a Windows runner (this is ${fx.platform}); leave "run" empty to only scan, or use cygwin-hygiene predict on Linux`);
      }
      const inst = await install(plan, inputs, env, fx);
      plan = planAction(inputs, env, inst.setupSha512);
      cygwinVersion = inst.cygwinVersion;
      test = await runTests(plan, fx);
      for (const n of test.notes) warning(n);
      setOutput("log-file", test.straceLog ?? "");
      setOutput("console-log", test.consoleLog);
      setOutput("tests-exit-code", String(test.exitCode));
    }
    const pipeline2 = deps.pipeline ?? createPipeline();
    const logs = test ? [test.consoleLog, ...test.straceLog ? [test.straceLog] : []] : [];
    startGroup("Analyse the logs and scan the sources");
    let doc;
    try {
      const a = logs.length ? await pipeline2.analyze(logs, { root: plan.root, cwd: plan.workdir }) : { findings: [], diagnostics: [] };
      const existing = new Set(AUTO_SCAN_DIRS.filter((d) => {
        try {
          return statSync(path3.join(plan.workdir, d)).isDirectory();
        } catch {
          return false;
        }
      }));
      const scanPaths = resolveScanPaths(plan.scan, existing);
      const s = scanPaths.length ? await pipeline2.scan(scanPaths, { cwd: plan.workdir }) : { findings: [], diagnostics: [], rules: [] };
      cygwinVersion ??= a.cygwinVersion;
      const context = { root: plan.root, logs };
      if (cygwinVersion) context.cygwinVersion = cygwinVersion;
      if (inputs.run) context.command = [inputs.run];
      doc = pipeline2.combine ? await pipeline2.combine(a, s, context) : makeDocument([...a.findings, ...s.findings], [...a.diagnostics, ...s.diagnostics], context);
      info(safeLogLine(`${doc.summary.runtime} runtime, ${doc.summary.predicted} predicted, ${doc.summary.static} static finding(s); scanned: ${scanPaths.join(" ") || "(nothing)"}`));
      for (const d of doc.diagnostics) {
        const line = `${d.file ? `${d.file}: ` : ""}${d.message}`;
        if (d.level === "info") info(safeLogLine(line));
        else warning(line);
      }
    } finally {
      endGroup();
    }
    const renderOpts = { env: process.env, cwd: plan.workdir };
    if (plan.reports.annotate) {
      await bestEffort("annotations", async () => {
        process.stdout.write(await pipeline2.render(doc, "github", renderOpts));
      });
    }
    if (plan.reports.summary) {
      await bestEffort("job summary", async () => {
        if (!process.env.GITHUB_STEP_SUMMARY) throw new Error("GITHUB_STEP_SUMMARY is not set");
        await summary.addRaw(fitSummary(await pipeline2.render(doc, "markdown", renderOpts)), true).write();
      });
    }
    const sarifOk = await bestEffort(`SARIF file ${plan.reports.sarifFile}`, async () => {
      const sarif = await pipeline2.render(doc, "sarif", renderOpts);
      await mkdir4(path3.dirname(plan.reports.sarifFile), { recursive: true });
      await writeFile3(plan.reports.sarifFile, sarif);
    });
    setOutput("sarif-file", sarifOk && existsSync(plan.reports.sarifFile) ? plan.reports.sarifFile : "");
    const failures = doc.findings.filter((f) => f.kind === "runtime").length;
    setOutput("failures", String(failures));
    setOutput("findings", String(doc.findings.length));
    setOutput("cygwin-version", cygwinVersion ?? "");
    const problems = [];
    if (test && test.exitCode !== 0) problems.push(`the tests exited with code ${test.exitCode}`);
    if (failsOn(doc, plan.failOn)) {
      problems.push(`${doc.findings.length} finding(s) (${failures} runtime fork failure(s)) and fail-on is "${plan.failOn}"`);
    }
    const errors = doc.diagnostics.filter((d) => d.level === "error");
    if (errors.length) problems.push(`${errors.length} analysis error(s): ${errors.map((d) => d.message).join("; ")}`);
    if (problems.length) setFailed(`cygwin-hygiene: ${problems.join("; ")}`);
  } catch (e) {
    setFailed(e.message);
  }
}

// src/action.ts
await run();
process.exit();
