import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  DEFAULT_SITES,
  mirrorOrder,
  sortedUnique,
  splitList
} from "./chunk-W55DXDMA.js";
import {
  parseStraceOptions
} from "./chunk-CRVTAG3J.js";
import {
  FAIL_ON
} from "./chunk-F5DZH2T5.js";

// src/action/inputs.ts
import path from "node:path";
var INPUT_DEFAULTS = {
  run: "",
  packages: "",
  "install-dir": "C:\\cygwin",
  "package-dir": "",
  site: DEFAULT_SITES.join(" "),
  cache: "true",
  strace: "on",
  "strace-options": "",
  scan: "auto",
  "fail-on": "runtime",
  annotate: "true",
  "sarif-file": "",
  summary: "true",
  "working-directory": ".",
  "verify-signature": "true",
  "verify-checksum": "true",
  "add-to-path": "false"
};
var INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
var InputsError = class extends Error {
  name = "InputsError";
};
function bool(name, v) {
  if (["true", "True", "TRUE"].includes(v)) return true;
  if (["false", "False", "FALSE"].includes(v)) return false;
  throw new InputsError(`input "${name}": "${v}" is not a boolean (use true or false)`);
}
function oneOf(name, v, allowed, aliases = {}) {
  if (allowed.includes(v)) return v;
  if (v in aliases) return aliases[v];
  throw new InputsError(`input "${name}": "${v}" is not allowed (allowed: ${allowed.join(", ")})`);
}
function folder(name, v) {
  if (!(path.win32.isAbsolute(v) && /^[A-Za-z]:[\\/]/.test(v)) && !path.posix.isAbsolute(v)) {
    throw new InputsError(`input "${name}": "${v}" must be an absolute path such as C:\\cygwin`);
  }
  if (/["%\r\n]/.test(v)) throw new InputsError(`input "${name}": "${v}" must not contain ", % or line breaks`);
  return v.replace(/[\\/]+$/, "") || v;
}
function parseInputs(get) {
  const raw = (name) => {
    const v = (get(name) ?? "").trim();
    return v === "" ? INPUT_DEFAULTS[name] : v;
  };
  const installDir = folder("install-dir", raw("install-dir"));
  const packageDir = raw("package-dir") ? folder("package-dir", raw("package-dir")) : `${installDir}-packages`;
  const sites = mirrorOrder(splitList(raw("site")));
  for (const s of sites) {
    if (!/^(?:https?|ftp):\/\/[^\s/]+/i.test(s)) throw new InputsError(`input "site": "${s}" is not an http(s) or ftp URL`);
  }
  if (!sites.length) throw new InputsError('input "site": no mirror given');
  const packages = sortedUnique(splitList(raw("packages")));
  for (const p of packages) {
    if (!/^[A-Za-z0-9][\w.+-]*$/.test(p)) throw new InputsError(`input "packages": "${p}" is not a Cygwin package name`);
  }
  let straceOptions;
  try {
    straceOptions = parseStraceOptions(raw("strace-options"));
  } catch (e) {
    throw new InputsError(e.message);
  }
  const scanRaw = raw("scan");
  const scan = scanRaw === "auto" ? "auto" : scanRaw === "none" ? [] : splitList(scanRaw);
  return {
    run: (get("run") ?? "").trim(),
    packages,
    installDir,
    packageDir,
    sites,
    cache: bool("cache", raw("cache")),
    strace: oneOf("strace", raw("strace"), ["on", "off"], { true: "on", false: "off" }) === "on",
    straceOptions,
    scan,
    failOn: oneOf("fail-on", raw("fail-on"), FAIL_ON),
    annotate: bool("annotate", raw("annotate")),
    sarifFile: (get("sarif-file") ?? "").trim(),
    summary: bool("summary", raw("summary")),
    workingDirectory: raw("working-directory"),
    verifySignature: bool("verify-signature", raw("verify-signature")),
    verifyChecksum: bool("verify-checksum", raw("verify-checksum")),
    addToPath: bool("add-to-path", raw("add-to-path"))
  };
}
function inputGetter(values) {
  for (const k of Object.keys(values)) {
    if (!INPUT_NAMES.includes(k)) throw new InputsError(`unknown input "${k}" (known: ${INPUT_NAMES.join(", ")})`);
  }
  return (name) => values[name] ?? "";
}
function envInputName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  InputsError,
  parseInputs,
  inputGetter,
  envInputName
};
