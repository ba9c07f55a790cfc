import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  DOWNLOAD_ATTEMPTS,
  DOWNLOAD_BASE_DELAY_MS,
  DOWNLOAD_TIMEOUT_MS,
  backoffDelays
} from "./chunk-GHBHRIYT.js";
import {
  INPUT_DEFAULTS,
  INPUT_NAMES
} from "./chunk-3TQFD25Q.js";
import {
  AUTHENTICODE_SCRIPT,
  KNOWN_SIGNER_SHA256
} from "./chunk-W55DXDMA.js";
import {
  formatCommandLine
} from "./chunk-CRVTAG3J.js";
import "./chunk-HFQM65JI.js";
import "./chunk-F5DZH2T5.js";
import "./chunk-GHFI43B4.js";

// src/action/describe-plan.ts
var ACTION_OUTPUTS = ["failures", "findings", "sarif-file", "log-file", "console-log", "tests-exit-code", "cygwin-version", "root"];
function describePlan(plan, env, given, scanPaths) {
  const L = [];
  const ind = (s) => s.split("\n").map((l) => `      ${l}`).join("\n");
  L.push(`cygwin-hygiene dry-run: what the action does on a ${env.pathStyle === "win32" ? "Windows" : env.pathStyle} runner`);
  L.push(`  GITHUB_WORKSPACE=${env.workspace}  RUNNER_TEMP=${env.temp}  platform=${env.platform}`);
  L.push("", "inputs (* = given, else the default):");
  for (const n of INPUT_NAMES) {
    const v = given[n] ?? INPUT_DEFAULTS[n];
    L.push(`  ${given[n] !== void 0 ? "*" : " "} ${n.padEnd(18)} ${JSON.stringify(v)}`);
  }
  L.push("");
  let step = 0;
  const S = (what, text) => L.push(`${String(++step).padStart(2)}. ${what.padEnd(9)} ${text}`);
  if (plan.mode === "scan-only") {
    L.push('mode: scan-only ("run" is empty): nothing is installed or run; works on any runner.');
  } else {
    const delays = backoffDelays(DOWNLOAD_ATTEMPTS, DOWNLOAD_BASE_DELAY_MS).join(", ");
    const retry = `(${DOWNLOAD_ATTEMPTS} attempts, back-off ${delays} ms, timeout ${DOWNLOAD_TIMEOUT_MS / 1e3} s each)`;
    S("download", `${plan.download.setupUrl} -> ${plan.download.setupFile} ${retry}`);
    if (plan.download.sumUrl) L.push(`    ${"download".padEnd(9)} ${plan.download.sumUrl} -> ${plan.download.sumFile} ${retry}`);
    S("verify", plan.verify.signature ? `powershell.exe -NoProfile -NonInteractive -Command <script> with CH_FILE=${plan.download.setupFile}
      passes when Status is Valid and the signer's SHA-256 fingerprint is one of:
${KNOWN_SIGNER_SHA256.map((k) => `        ${k}`).join("\n")}
      script: ${AUTHENTICODE_SCRIPT}` : "signature check skipped (verify-signature: false)");
    L.push(`    ${"verify".padEnd(9)} ${plan.verify.checksum ? `SHA-512 of ${plan.download.setupFile} must equal its line in ${plan.download.sumFile}` : "checksum check skipped (verify-checksum: false)"}`);
    S("cache", plan.cache.enabled ? `restore ${plan.cache.paths.join(" ")}
      key: ${plan.cache.key}${plan.cache.key.endsWith("setup-unknown") ? "  (the last part becomes the first 16 hex digits of the SHA-512 of setup)" : ""}
      restore-keys: ${plan.cache.restorePrefix}` : "off (cache: false)");
    plan.setup.forEach((s, i) => {
      const t2 = `(mirror ${i + 1} of ${plan.setup.length}${i ? ", only if the previous one failed" : ""}) ${formatCommandLine(s)}`;
      if (i === 0) S("setup", t2);
      else L.push(`    ${"".padEnd(9)} ${t2}`);
    });
    L.push(`    ${"check".padEnd(9)} ${plan.setupLog}: "abnormal exit: exit code=N" after "running: <script>" -> a warning per post-install script`);
    if (plan.cache.enabled) S("cache", `save ${plan.cache.paths.join(" ")} as the key above (skipped on an exact hit)`);
    S("wrapper", `write ${plan.wrapper.file} and add to PATH: ${plan.addToPath.join(" ")}
${ind(plan.wrapper.text.replace(/\r\n$/, "").replace(/\r\n/g, "\n"))}`);
    S("version", `${formatCommandLine(plan.versionCommand)}  -> output cygwin-version`);
    const t = plan.test;
    S("run", `${formatCommandLine(t)}
      ${t.script.file} (written first, fixed text):
${ind(t.script.text.trimEnd())}
      cwd ${plan.workdir}; environment:
${Object.entries(t.env).map(([k, v]) => `        ${k}=${JSON.stringify(v)}`).join("\n")}
      console (stdout+stderr) -> the job log inside ::stop-commands::<random token> and ${t.consoleLog}
      exit status -> ${t.rcFile}${t.logFile ? `
      strace log -> ${t.logFile}  (output log-file)` : "\n      strace: off"}`);
  }
  const logs = plan.test ? [plan.test.consoleLog, ...plan.test.logFile ? [plan.test.logFile] : []] : [];
  S("analyse", `${logs.length ? `logs: ${logs.join(" ")}` : "no logs"}; scan: ${scanPaths.length ? scanPaths.join(" ") : "off"}${plan.scan === "auto" ? " (auto)" : ""} in ${plan.workdir}`);
  S("report", [
    plan.reports.annotate ? "annotations (github format) on stdout" : "no annotations (annotate: false)",
    plan.reports.summary ? "job summary (markdown) -> $GITHUB_STEP_SUMMARY" : "no job summary (summary: false)",
    `SARIF -> ${plan.reports.sarifFile}`
  ].join("; "));
  S("outcome", `fails when ${plan.test ? "the tests exit non-zero, or " : ""}${plan.failOn === "none" ? "an analysis error occurs (fail-on: none)" : `fail-on "${plan.failOn}" matches a finding, or an analysis error occurs`}`);
  L.push("", `outputs: ${ACTION_OUTPUTS.join(", ")}`, "");
  return L.join("\n");
}
export {
  ACTION_OUTPUTS,
  describePlan
};
