import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  windowsToPosix
} from "./chunk-HFQM65JI.js";

// src/cygwin/strace.ts
var DEFAULT_STRACE_OPTIONS = [];
var FORBIDDEN = [
  { names: ["-o", "--output"], why: "the action chooses the log file itself (output log-file)" },
  { names: ["-f", "--trace-children"], why: "-f is a toggle and children are traced by default: passing it would stop tracing the forked children" },
  { names: ["-e", "--events"], why: '-e is a toggle and turns off the "--- Process ... loaded/exited" lines the analysis reads' },
  { names: ["-n", "--crack-error-numbers", "--translate-error-numbers"], why: '-n drops the rest of the line after "Win32 error N", losing the DLL path' },
  { names: ["-p", "--pid", "-T", "--toggle"], why: "attaching to a running process is not how the action runs tests" },
  { names: ["-w", "--new-window"], why: "a new console window would detach the test output from the job log" },
  { names: ["-H", "--hex", "-u", "--usecs"], why: "changes the line prefix the analysis parses" },
  { names: ["-h", "--help", "-V", "--version"], why: "prints and exits without running the tests" }
];
function parseStraceOptions(s) {
  const list = s.split(/\s+/).filter(Boolean);
  for (const opt of list) {
    if (!opt.startsWith("-")) continue;
    const name = opt.startsWith("--") ? opt.replace(/=.*$/, "") : opt.slice(0, 2);
    const bad = FORBIDDEN.find((f) => f.names.includes(name));
    if (bad) throw new Error(`input "strace-options": ${opt} is not allowed: ${bad.why}`);
  }
  return list;
}
var RUN_SCRIPT = [
  "# written by cygwin-hygiene: runs the test command given in $CH_RUN in $CH_WORKDIR (nothing else is substituted)",
  `trap 'ch_rc=$?; printf "%s\\n" "$ch_rc" > "$CH_RC_FILE"' EXIT`,
  'cd "$CH_WORKDIR" || exit 2',
  'eval "$CH_RUN"',
  ""
].join("\n");
function rootDir(root) {
  return root.replace(/[\\/]+$/, "");
}
function buildTracedCommand(o) {
  const root = rootDir(o.root);
  const bash = `${root}\\bin\\bash.exe`;
  const env = {
    CH_RUN: o.run,
    CH_WORKDIR: windowsToPosix(o.workdir, { root }),
    CH_RC_FILE: windowsToPosix(o.rcFile, { root }),
    CHERE_INVOKING: "1"
  };
  const bashArgs = ["-l", windowsToPosix(o.scriptFile, { root })];
  if (!o.logFile) return { file: bash, args: bashArgs, env };
  return {
    file: `${root}\\bin\\strace.exe`,
    args: ["-o", o.logFile, ...o.straceOptions ?? DEFAULT_STRACE_OPTIONS, bash, ...bashArgs],
    env
  };
}
function formatCommandLine(c) {
  const q = (a) => /^[\w@%+=:,./\\-]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, "\\$1")}"`;
  return [c.file, ...c.args].map(q).join(" ");
}
function detectHost(f) {
  const u = (f.unameS ?? "").trim().toUpperCase();
  if (f.platform === "cygwin" || u.startsWith("CYGWIN")) return "cygwin";
  if (u.startsWith("MSYS") || u.startsWith("MINGW")) return "msys";
  if (f.platform === "win32") return "win32";
  if (f.hasCygcheck) return "cygwin";
  return void 0;
}

export {
  DEFAULT_STRACE_OPTIONS,
  parseStraceOptions,
  RUN_SCRIPT,
  buildTracedCommand,
  formatCommandLine,
  detectHost
};
