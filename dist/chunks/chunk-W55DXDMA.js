import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/cygwin/setup.ts
import { createHash } from "node:crypto";
var SETUP_FILE = "setup-x86_64.exe";
var SETUP_URL = `https://cygwin.com/${SETUP_FILE}`;
var SHA512_URL = "https://cygwin.com/sha512.sum";
var SETUP_LOG = "/var/log/setup.log.full";
var DEFAULT_SITES = ["https://mirrors.kernel.org/sourceware/cygwin/", "https://cygwin.mirror.constant.com/"];
var KNOWN_SIGNER_SHA256 = [
  "2CE11DA3A675A9D631E06A28DDFD6F730B9CC6989B43BD30AD7CC79D219CF2BD",
  "3AB2B14363B58A1856D4902C737797C899118095F7025DF7832C1B52483865A0"
];
function buildSetupArgs(o) {
  const args = ["--quiet-mode", "--no-shortcuts", "--only-site", "--root", o.root, "--local-package-dir", o.packageDir, "--site", o.site];
  if (o.packages.length) args.push("--packages", o.packages.join(","));
  return args;
}
function mirrorOrder(sites) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const raw of sites) {
    const s = raw.trim();
    if (!s) continue;
    const norm = s.endsWith("/") ? s : `${s}/`;
    const k = norm.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(norm);
  }
  return out;
}
function splitList(s) {
  return s.split(/[\s,]+/).filter(Boolean);
}
function sortedUnique(list) {
  return [...new Set(list)].sort();
}
function shortHash(s) {
  return createHash("sha256").update(s).digest("hex").slice(0, 16);
}
function cacheKey(p) {
  const what = JSON.stringify({ packages: sortedUnique(p.packages), sites: mirrorOrder(p.sites).map((s) => s.toLowerCase()) });
  const restorePrefix = `cygwin-hygiene-pkgs-v1-${p.platform}-${shortHash(what)}-`;
  const setup = p.setupSha512 ? p.setupSha512.toLowerCase().slice(0, 16) : "setup-unknown";
  return { key: `${restorePrefix}${setup}`, restorePrefix };
}
var AUTHENTICODE_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "$s = Get-AuthenticodeSignature -LiteralPath $env:CH_FILE",
  "$c = $s.SignerCertificate",
  "$o = [ordered]@{ Status = $s.Status.ToString(); StatusMessage = $s.StatusMessage; Subject = $(if ($c) { $c.Subject } else { $null }); Thumbprint = $(if ($c) { $c.Thumbprint } else { $null }); Sha256 = $(if ($c) { $c.GetCertHashString('SHA256') } else { $null }) }",
  "$o | ConvertTo-Json -Compress"
].join("; ");
function decideSignature(json, known = KNOWN_SIGNER_SHA256) {
  let r;
  try {
    r = JSON.parse(json.trim());
  } catch {
    return { ok: false, message: `signature check: could not read Get-AuthenticodeSignature output: ${json.trim().slice(0, 200)}` };
  }
  const fp = (r.Sha256 ?? "").toUpperCase();
  const who = `signer "${r.Subject ?? "-"}", SHA-256 fingerprint ${fp || "-"}`;
  if (r.Status !== "Valid") {
    return { ok: false, message: `signature check failed: status ${r.Status}${r.StatusMessage ? ` (${r.StatusMessage})` : ""}; ${who}` };
  }
  if (!known.map((k) => k.toUpperCase()).includes(fp)) {
    return {
      ok: false,
      message: `signature check failed: valid signature by an unknown certificate: ${who}; known: ${known.join(", ")}. If Cygwin rotated its certificate, add the fingerprint to KNOWN_SIGNER_SHA256 (src/cygwin/setup.ts) or set verify-signature: false`
    };
  }
  return { ok: true, message: `signature check passed: status Valid, ${who}` };
}
function findSha512(sumText, file = SETUP_FILE) {
  for (const raw of sumText.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{128})\s+\*?(\S+)\s*$/.exec(raw);
    if (m && m[2] === file) return m[1].toLowerCase();
  }
  return void 0;
}
function decideChecksum(sumText, actualSha512, file = SETUP_FILE) {
  const expected = findSha512(sumText, file);
  if (!expected) return { ok: false, message: `checksum check failed: no SHA-512 line for ${file} in ${SHA512_URL} (set verify-checksum: false to skip)` };
  const actual = actualSha512.trim().toLowerCase();
  if (expected !== actual) return { ok: false, message: `checksum check failed: ${file} has SHA-512 ${actual}, ${SHA512_URL} lists ${expected}` };
  return { ok: true, message: `checksum check passed: SHA-512 ${actual.slice(0, 16)}\u2026 matches ${SHA512_URL}` };
}
function parseSetupLog(text) {
  const out = [];
  let last;
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    const run = /running:\s+(.*\S)\s*$/.exec(l);
    if (run) {
      last = run[1];
      return;
    }
    const ab = /abnormal exit: exit code=(-?\d+)/.exec(l);
    if (ab) {
      const f = { exitCode: Number(ab[1]), line: i + 1 };
      if (last) {
        f.command = last;
        const s = /"?(\/etc\/(?:postinstall|preremove)\/[^"\s]+)"?/.exec(last);
        if (s) f.script = s[1];
      }
      out.push(f);
      last = void 0;
    }
  });
  return out;
}
var WRAPPER_NAME = "cygwin.cmd";
function wrapperCmd(root) {
  const bash = `${root.replace(/[\\/]+$/, "")}\\bin\\bash.exe`;
  return ["@echo off", "setlocal", "set CHERE_INVOKING=1", `"${bash}" --login -o igncr -eo pipefail %*`, "exit /b %ERRORLEVEL%", ""].join("\r\n");
}

export {
  SETUP_FILE,
  SETUP_URL,
  SHA512_URL,
  SETUP_LOG,
  DEFAULT_SITES,
  KNOWN_SIGNER_SHA256,
  buildSetupArgs,
  mirrorOrder,
  splitList,
  sortedUnique,
  cacheKey,
  AUTHENTICODE_SCRIPT,
  decideSignature,
  decideChecksum,
  parseSetupLog,
  WRAPPER_NAME,
  wrapperCmd
};
