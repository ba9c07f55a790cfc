import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  SETUP_FILE,
  SETUP_LOG,
  SETUP_URL,
  SHA512_URL,
  WRAPPER_NAME,
  buildSetupArgs,
  cacheKey,
  wrapperCmd
} from "./chunk-W55DXDMA.js";
import {
  RUN_SCRIPT,
  buildTracedCommand
} from "./chunk-CRVTAG3J.js";

// src/action/plan.ts
import path from "node:path";
function planAction(inputs, env, setupSha512) {
  const p = env.pathStyle === "win32" ? path.win32 : path.posix;
  const work = p.join(env.temp, "cygwin-hygiene");
  const root = inputs.installDir;
  const setupFile = p.join(work, SETUP_FILE);
  const workdir = p.resolve(env.workspace, inputs.workingDirectory);
  const key = cacheKey({ platform: env.platform, packages: inputs.packages, sites: inputs.sites, setupSha512 });
  const consoleLog = p.join(work, "console.log");
  const rcFile = p.join(work, "exit-status");
  const scriptFile = p.join(work, "run-tests.sh");
  const logFile = inputs.strace ? p.join(work, "strace.log") : void 0;
  const plan = {
    mode: inputs.run ? "install-and-run" : "scan-only",
    root,
    packageDir: inputs.packageDir,
    download: { setupUrl: SETUP_URL, setupFile },
    verify: { signature: inputs.verifySignature, checksum: inputs.verifyChecksum },
    cache: { enabled: inputs.cache, paths: [inputs.packageDir], ...key },
    setup: inputs.sites.map((site) => ({
      site,
      file: setupFile,
      args: buildSetupArgs({ root, packageDir: inputs.packageDir, site, packages: inputs.packages })
    })),
    setupLog: p.join(root, ...SETUP_LOG.split("/").filter(Boolean)),
    wrapper: { dir: p.join(work, "bin"), file: p.join(work, "bin", WRAPPER_NAME), text: wrapperCmd(root) },
    addToPath: [p.join(work, "bin"), ...inputs.addToPath ? [p.join(root, "bin")] : []],
    versionCommand: { file: p.join(root, "bin", "uname.exe"), args: ["-r"] },
    workdir,
    scan: inputs.scan,
    reports: {
      annotate: inputs.annotate,
      summary: inputs.summary,
      sarifFile: inputs.sarifFile ? p.resolve(workdir, inputs.sarifFile) : p.join(work, "cygwin-hygiene.sarif")
    },
    failOn: inputs.failOn
  };
  if (inputs.verifyChecksum) {
    plan.download.sumUrl = SHA512_URL;
    plan.download.sumFile = p.join(work, "sha512.sum");
  }
  if (inputs.run) {
    const cmd = buildTracedCommand({ root, run: inputs.run, workdir, logFile, rcFile, scriptFile, straceOptions: inputs.straceOptions });
    plan.test = { ...cmd, consoleLog, rcFile, script: { file: scriptFile, text: RUN_SCRIPT }, ...logFile ? { logFile } : {} };
  }
  return plan;
}
var AUTO_SCAN_DIRS = ["test", "tests", "t", "spec", "testsuite", "check"];
function resolveScanPaths(scan, existingDirs) {
  if (scan !== "auto") return scan;
  const found = AUTO_SCAN_DIRS.filter((d) => existingDirs.has(d));
  return found.length ? found : ["."];
}

export {
  planAction,
  AUTO_SCAN_DIRS,
  resolveScanPaths
};
