/**
 * The action's inputs, parsed and checked once, before any work (setup-msys2's parseInput habit). Pure: `get` is
 * `core.getInput` in the action and a `--input name=value` map in `cygwin-hygiene dry-run`. No @actions import here.
 */
import path from 'node:path';
import { FAIL_ON, type FailOn } from '../config/options.js';
import { DEFAULT_SITES, mirrorOrder, sortedUnique, splitList } from '../cygwin/setup.js';
import { parseStraceOptions } from '../cygwin/strace.js';

export interface Inputs {
  /** The test command; empty = scan-only mode (no install, works on any runner). */
  run: string;
  packages: string[];
  installDir: string;
  packageDir: string;
  sites: string[];
  cache: boolean;
  strace: boolean;
  straceOptions: string[];
  /** Paths to scan; `auto` = the test folders found in the working directory; `[]` = `scan: none`. */
  scan: string[] | 'auto';
  failOn: FailOn;
  annotate: boolean;
  /** Empty = `<RUNNER_TEMP>/cygwin-hygiene/cygwin-hygiene.sarif`. */
  sarifFile: string;
  summary: boolean;
  workingDirectory: string;
  verifySignature: boolean;
  verifyChecksum: boolean;
  addToPath: boolean;
}

/** Every input with its default, in the order action.yml lists them (dry-run prints this table). */
export const INPUT_DEFAULTS: Record<string, string> = {
  run: '',
  packages: '',
  'install-dir': 'C:\\cygwin',
  'package-dir': '',
  site: DEFAULT_SITES.join(' '),
  cache: 'true',
  strace: 'on',
  'strace-options': '',
  scan: 'auto',
  'fail-on': 'runtime',
  annotate: 'true',
  'sarif-file': '',
  summary: 'true',
  'working-directory': '.',
  'verify-signature': 'true',
  'verify-checksum': 'true',
  'add-to-path': 'false',
};

export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS);

export class InputsError extends Error {
  override name = 'InputsError';
}

function bool(name: string, v: string): boolean {
  // as core.getBooleanInput: YAML 1.2 core schema booleans only
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputsError(`input "${name}": "${v}" is not a boolean (use true or false)`);
}

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[], aliases: Record<string, T> = {}): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  if (v in aliases) return aliases[v]!;
  throw new InputsError(`input "${name}": "${v}" is not allowed (allowed: ${allowed.join(', ')})`);
}

function folder(name: string, v: string): string {
  if (!(path.win32.isAbsolute(v) && /^[A-Za-z]:[\\/]/.test(v)) && !path.posix.isAbsolute(v)) {
    throw new InputsError(`input "${name}": "${v}" must be an absolute path such as C:\\cygwin`);
  }
  if (/["%\r\n]/.test(v)) throw new InputsError(`input "${name}": "${v}" must not contain ", % or line breaks`);
  return v.replace(/[\\/]+$/, '') || v;
}

/**
 * Parse every input. `get(name)` returns the raw value ('' when not set), like core.getInput (trimmed).
 * Throws InputsError naming the input, the bad value and the allowed values.
 */
export function parseInputs(get: (name: string) => string): Inputs {
  const raw = (name: string): string => {
    const v = (get(name) ?? '').trim();
    return v === '' ? INPUT_DEFAULTS[name]! : v;
  };
  const installDir = folder('install-dir', raw('install-dir'));
  const packageDir = raw('package-dir') ? folder('package-dir', raw('package-dir')) : `${installDir}-packages`;
  const sites = mirrorOrder(splitList(raw('site')));
  for (const s of sites) {
    if (!/^(?:https?|ftp):\/\/[^\s/]+/i.test(s)) throw new InputsError(`input "site": "${s}" is not an http(s) or ftp URL`);
  }
  if (!sites.length) throw new InputsError('input "site": no mirror given');
  const packages = sortedUnique(splitList(raw('packages')));
  for (const p of packages) {
    if (!/^[A-Za-z0-9][\w.+-]*$/.test(p)) throw new InputsError(`input "packages": "${p}" is not a Cygwin package name`);
  }
  let straceOptions: string[];
  try {
    straceOptions = parseStraceOptions(raw('strace-options'));
  } catch (e) {
    throw new InputsError((e as Error).message);
  }
  const scanRaw = raw('scan');
  const scan = scanRaw === 'auto' ? 'auto' : scanRaw === 'none' ? [] : splitList(scanRaw);
  return {
    run: (get('run') ?? '').trim(),
    packages,
    installDir,
    packageDir,
    sites,
    cache: bool('cache', raw('cache')),
    strace: oneOf('strace', raw('strace'), ['on', 'off'] as const, { true: 'on', false: 'off' }) === 'on',
    straceOptions,
    scan,
    failOn: oneOf('fail-on', raw('fail-on'), FAIL_ON),
    annotate: bool('annotate', raw('annotate')),
    sarifFile: (get('sarif-file') ?? '').trim(),
    summary: bool('summary', raw('summary')),
    workingDirectory: raw('working-directory'),
    verifySignature: bool('verify-signature', raw('verify-signature')),
    verifyChecksum: bool('verify-checksum', raw('verify-checksum')),
    addToPath: bool('add-to-path', raw('add-to-path')),
  };
}

/** `name=value` pairs and a `with:` block → a `get` function for parseInputs (dry-run). Unknown names throw. */
export function inputGetter(values: Record<string, string>): (name: string) => string {
  for (const k of Object.keys(values)) {
    if (!INPUT_NAMES.includes(k)) throw new InputsError(`unknown input "${k}" (known: ${INPUT_NAMES.join(', ')})`);
  }
  return (name) => values[name] ?? '';
}

/** The environment GitHub gives an action: `INPUT_<NAME>` upper-cased, spaces → `_`, hyphens kept. */
export function envInputName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
