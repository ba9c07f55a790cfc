/**
 * Pure builders for installing Cygwin with setup-x86_64.exe: URLs, the unattended command line, mirror order,
 * the package-cache key, verification decisions and the setup.log.full reader. No I/O here; src/action/install.ts
 * performs the effects.
 */
import { createHash } from 'node:crypto';

export const SETUP_FILE = 'setup-x86_64.exe';
export const SETUP_URL = `https://cygwin.com/${SETUP_FILE}`;
export const SHA512_URL = 'https://cygwin.com/sha512.sum';
/** Where setup writes its full log, relative to the root (POSIX form; Windows: `<root>\var\log\setup.log.full`). */
export const SETUP_LOG = '/var/log/setup.log.full';

/** Mirrors tried in order when `site` is not given (both carry the full x86_64 tree over https). */
export const DEFAULT_SITES = ['https://mirrors.kernel.org/sourceware/cygwin/', 'https://cygwin.mirror.constant.com/'];

/**
 * SHA-256 fingerprints of the code-signing certificates that have signed setup-x86_64.exe, upper-case hex, as
 * listed by cygwin/cygwin-install-action (`Get-CertHashes` in src/_functions.ps1; its Pester test covers
 * setup-2.937 and setup-2.938). When Cygwin rotates its certificate this list must grow; until then the action
 * fails closed and prints the fingerprint it saw (or use `verify-signature: false`).
 */
export const KNOWN_SIGNER_SHA256 = [
  '2CE11DA3A675A9D631E06A28DDFD6F730B9CC6989B43BD30AD7CC79D219CF2BD',
  '3AB2B14363B58A1856D4902C737797C899118095F7025DF7832C1B52483865A0',
] as const;

export interface SetupArgsOptions {
  /** Windows path of the install root, e.g. `C:\cygwin`. */
  root: string;
  /** Windows path of the downloaded-packages folder (the cached one). */
  packageDir: string;
  /** One mirror: setup is run once per mirror so an unreachable one can be skipped (see `mirrorOrder`). */
  site: string;
  /** Extra packages (Base is always installed). Sorted and de-duplicated by the caller. */
  packages: readonly string[];
}

/**
 * The unattended setup command line. `--quiet-mode` (no GUI questions), `--no-shortcuts` (no desktop/start menu
 * links), `--only-site` (use only `--site`, never the mirror list cached from an earlier run), `--root`,
 * `--local-package-dir`, `--site`, `--packages a,b,c`. Signature checking of setup.ini stays on (no `-X`).
 */
export function buildSetupArgs(o: SetupArgsOptions): string[] {
  const args = ['--quiet-mode', '--no-shortcuts', '--only-site', '--root', o.root, '--local-package-dir', o.packageDir, '--site', o.site];
  if (o.packages.length) args.push('--packages', o.packages.join(','));
  return args;
}

/** Mirrors in the order they are tried: as given, trailing slash added, duplicates (case-insensitive) dropped. */
export function mirrorOrder(sites: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of sites) {
    const s = raw.trim();
    if (!s) continue;
    const norm = s.endsWith('/') ? s : `${s}/`;
    const k = norm.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(norm);
  }
  return out;
}

/** Split a list input on whitespace and commas, drop empties. */
export function splitList(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}

/** Sorted, de-duplicated copy (for keys and the setup command). */
export function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

export interface CacheKeyParts {
  /** `process.platform`-`process.arch`, e.g. `win32-x64`. */
  platform: string;
  packages: readonly string[];
  sites: readonly string[];
  /** SHA-512 (hex) of the setup executable, or undefined in dry-run before download. */
  setupSha512?: string;
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/**
 * The package-cache key and its restore prefix. Same packages + mirrors + platform → same prefix; a new setup.exe
 * changes only the last part, so `restoreKeys: [prefix]` still reuses yesterday's downloads.
 */
export function cacheKey(p: CacheKeyParts): { key: string; restorePrefix: string } {
  const what = JSON.stringify({ packages: sortedUnique(p.packages), sites: mirrorOrder(p.sites).map((s) => s.toLowerCase()) });
  const restorePrefix = `cygwin-hygiene-pkgs-v1-${p.platform}-${shortHash(what)}-`;
  const setup = p.setupSha512 ? p.setupSha512.toLowerCase().slice(0, 16) : 'setup-unknown';
  return { key: `${restorePrefix}${setup}`, restorePrefix };
}

// ---- verification decisions -------------------------------------------------------------------------------------

/** What `Get-AuthenticodeSignature` tells, reduced to what we check (see `AUTHENTICODE_SCRIPT`). */
export interface AuthenticodeResult {
  Status: string;
  StatusMessage?: string | null;
  Subject?: string | null;
  /** SHA-1 thumbprint (the certificate's `Thumbprint` property). */
  Thumbprint?: string | null;
  /** `SignerCertificate.GetCertHashString('SHA256')`. */
  Sha256?: string | null;
}

/**
 * PowerShell that prints the signature of the file named by `$env:CH_FILE` as one JSON object. The path comes
 * through the environment, never through the script text.
 */
export const AUTHENTICODE_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '$s = Get-AuthenticodeSignature -LiteralPath $env:CH_FILE',
  '$c = $s.SignerCertificate',
  "$o = [ordered]@{ Status = $s.Status.ToString(); StatusMessage = $s.StatusMessage; Subject = $(if ($c) { $c.Subject } else { $null }); Thumbprint = $(if ($c) { $c.Thumbprint } else { $null }); Sha256 = $(if ($c) { $c.GetCertHashString('SHA256') } else { $null }) }",
  '$o | ConvertTo-Json -Compress',
].join('; ');

export interface Decision {
  ok: boolean;
  /** One line for the log: what was checked and the result. */
  message: string;
}

/** Decide on the recorded JSON output of AUTHENTICODE_SCRIPT. Fails closed on anything unexpected. */
export function decideSignature(json: string, known: readonly string[] = KNOWN_SIGNER_SHA256): Decision {
  let r: AuthenticodeResult;
  try {
    r = JSON.parse(json.trim()) as AuthenticodeResult;
  } catch {
    return { ok: false, message: `signature check: could not read Get-AuthenticodeSignature output: ${json.trim().slice(0, 200)}` };
  }
  const fp = (r.Sha256 ?? '').toUpperCase();
  const who = `signer "${r.Subject ?? '-'}", SHA-256 fingerprint ${fp || '-'}`;
  if (r.Status !== 'Valid') {
    return { ok: false, message: `signature check failed: status ${r.Status}${r.StatusMessage ? ` (${r.StatusMessage})` : ''}; ${who}` };
  }
  if (!known.map((k) => k.toUpperCase()).includes(fp)) {
    return {
      ok: false,
      message: `signature check failed: valid signature by an unknown certificate: ${who}; known: ${known.join(', ')}. If Cygwin rotated its certificate, add the fingerprint to KNOWN_SIGNER_SHA256 (src/cygwin/setup.ts) or set verify-signature: false`,
    };
  }
  return { ok: true, message: `signature check passed: status Valid, ${who}` };
}

/** The SHA-512 listed for `file` in a sha512.sum text (`<hex>  <name>` lines, `*name` binary marker allowed). */
export function findSha512(sumText: string, file: string = SETUP_FILE): string | undefined {
  for (const raw of sumText.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{128})\s+\*?(\S+)\s*$/.exec(raw);
    if (m && m[2] === file) return m[1]!.toLowerCase();
  }
  return undefined;
}

export function decideChecksum(sumText: string, actualSha512: string, file: string = SETUP_FILE): Decision {
  const expected = findSha512(sumText, file);
  if (!expected) return { ok: false, message: `checksum check failed: no SHA-512 line for ${file} in ${SHA512_URL} (set verify-checksum: false to skip)` };
  const actual = actualSha512.trim().toLowerCase();
  if (expected !== actual) return { ok: false, message: `checksum check failed: ${file} has SHA-512 ${actual}, ${SHA512_URL} lists ${expected}` };
  return { ok: true, message: `checksum check passed: SHA-512 ${actual.slice(0, 16)}… matches ${SHA512_URL}` };
}

// ---- setup.log.full ---------------------------------------------------------------------------------------------

export interface PostinstallFailure {
  /** The `running: ...` command line setup logged before the script (e.g. `bash --norc --noprofile "/etc/postinstall/x.sh"`). */
  command?: string;
  /** The script path, when the command names one under /etc/postinstall or /etc/preremove. */
  script?: string;
  exitCode: number;
  /** 1-based line of the `abnormal exit` line. */
  line: number;
}

/**
 * Post-install script failures in setup.log.full: setup logs `running: <cmd>` before each script and
 * `abnormal exit: exit code=N` after a failing one (setup's script.cc). Timestamps before the text are allowed.
 */
export function parseSetupLog(text: string): PostinstallFailure[] {
  const out: PostinstallFailure[] = [];
  let last: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    const run = /running:\s+(.*\S)\s*$/.exec(l);
    if (run) {
      last = run[1];
      return;
    }
    const ab = /abnormal exit: exit code=(-?\d+)/.exec(l);
    if (ab) {
      const f: PostinstallFailure = { exitCode: Number(ab[1]), line: i + 1 };
      if (last) {
        f.command = last;
        const s = /"?(\/etc\/(?:postinstall|preremove)\/[^"\s]+)"?/.exec(last);
        if (s) f.script = s[1];
      }
      out.push(f);
      last = undefined;
    }
  });
  return out;
}

// ---- the `shell: cygwin {0}` wrapper ------------------------------------------------------------------------------

/** File name of the wrapper; `shell: cygwin {0}` resolves `cygwin` through PATH to this file. */
export const WRAPPER_NAME = 'cygwin.cmd';

/**
 * The `.cmd` that runs a workflow step's script file (GitHub passes its path as the argument for `{0}`) with
 * Cygwin's bash as a login shell in the current directory, like setup-msys2's `msys2.cmd`. `CHERE_INVOKING=1` keeps
 * /etc/profile from changing to $HOME; `-o igncr` tolerates CRLF in the script; `-eo pipefail` as GitHub's own bash
 * shell. Cygwin accepts the Windows path of the script as given.
 */
export function wrapperCmd(root: string): string {
  const bash = `${root.replace(/[\\/]+$/, '')}\\bin\\bash.exe`;
  return ['@echo off', 'setlocal', 'set CHERE_INVOKING=1', `"${bash}" --login -o igncr -eo pipefail %*`, 'exit /b %ERRORLEVEL%', ''].join('\r\n');
}
