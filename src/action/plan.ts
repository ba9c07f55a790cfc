/**
 * What the action will do for given inputs, as data: every path, command line and cache key. Pure. The action
 * (`run()`) executes a plan; `cygwin-hygiene dry-run` prints one. No @actions import here.
 */
import path from 'node:path';
import type { FailOn } from '../config/options.js';
import {
  SETUP_FILE,
  SETUP_LOG,
  SETUP_URL,
  SHA512_URL,
  WRAPPER_NAME,
  buildSetupArgs,
  cacheKey,
  wrapperCmd,
} from '../cygwin/setup.js';
import { RUN_SCRIPT, buildTracedCommand, type CommandLine } from '../cygwin/strace.js';
import type { Inputs } from './inputs.js';

export interface PlanEnv {
  /** GITHUB_WORKSPACE (the checkout). */
  workspace: string;
  /** RUNNER_TEMP. */
  temp: string;
  /** `win32-x64` etc.: part of the cache key. */
  platform: string;
  /** Path flavour of the runner: `win32` on Windows (dry-run shows what a Windows runner does). */
  pathStyle: 'win32' | 'posix';
}

export interface Plan {
  mode: 'install-and-run' | 'scan-only';
  root: string;
  packageDir: string;
  download: { setupUrl: string; setupFile: string; sumUrl?: string; sumFile?: string };
  verify: { signature: boolean; checksum: boolean };
  cache: { enabled: boolean; paths: string[]; key: string; restorePrefix: string };
  /** One setup run per mirror, tried in order until one exits 0. */
  setup: { site: string; file: string; args: string[] }[];
  setupLog: string;
  wrapper: { dir: string; file: string; text: string };
  addToPath: string[];
  versionCommand: { file: string; args: string[] };
  workdir: string;
  test?: CommandLine & { logFile?: string; consoleLog: string; rcFile: string; script: { file: string; text: string } };
  scan: string[] | 'auto';
  reports: { annotate: boolean; summary: boolean; sarifFile: string };
  failOn: FailOn;
}

export function planAction(inputs: Inputs, env: PlanEnv, setupSha512?: string): Plan {
  const p = env.pathStyle === 'win32' ? path.win32 : path.posix;
  const work = p.join(env.temp, 'cygwin-hygiene');
  const root = inputs.installDir;
  const setupFile = p.join(work, SETUP_FILE);
  const workdir = p.resolve(env.workspace, inputs.workingDirectory);
  const key = cacheKey({ platform: env.platform, packages: inputs.packages, sites: inputs.sites, setupSha512 });
  const consoleLog = p.join(work, 'console.log');
  const rcFile = p.join(work, 'exit-status');
  const scriptFile = p.join(work, 'run-tests.sh');
  const logFile = inputs.strace ? p.join(work, 'strace.log') : undefined;
  const plan: Plan = {
    mode: inputs.run ? 'install-and-run' : 'scan-only',
    root,
    packageDir: inputs.packageDir,
    download: { setupUrl: SETUP_URL, setupFile },
    verify: { signature: inputs.verifySignature, checksum: inputs.verifyChecksum },
    cache: { enabled: inputs.cache, paths: [inputs.packageDir], ...key },
    setup: inputs.sites.map((site) => ({
      site,
      file: setupFile,
      args: buildSetupArgs({ root, packageDir: inputs.packageDir, site, packages: inputs.packages }),
    })),
    setupLog: p.join(root, ...SETUP_LOG.split('/').filter(Boolean)),
    wrapper: { dir: p.join(work, 'bin'), file: p.join(work, 'bin', WRAPPER_NAME), text: wrapperCmd(root) },
    addToPath: [p.join(work, 'bin'), ...(inputs.addToPath ? [p.join(root, 'bin')] : [])],
    versionCommand: { file: p.join(root, 'bin', 'uname.exe'), args: ['-r'] },
    workdir,
    scan: inputs.scan,
    reports: {
      annotate: inputs.annotate,
      summary: inputs.summary,
      sarifFile: inputs.sarifFile ? p.resolve(workdir, inputs.sarifFile) : p.join(work, 'cygwin-hygiene.sarif'),
    },
    failOn: inputs.failOn,
  };
  if (inputs.verifyChecksum) {
    plan.download.sumUrl = SHA512_URL;
    plan.download.sumFile = p.join(work, 'sha512.sum');
  }
  if (inputs.run) {
    const cmd = buildTracedCommand({ root, run: inputs.run, workdir, logFile, rcFile, scriptFile, straceOptions: inputs.straceOptions });
    plan.test = { ...cmd, consoleLog, rcFile, script: { file: scriptFile, text: RUN_SCRIPT }, ...(logFile ? { logFile } : {}) };
  }
  return plan;
}

/** Folders that usually hold tests, scanned when `scan` is `auto` (those that exist; else the whole folder). */
export const AUTO_SCAN_DIRS = ['test', 'tests', 't', 'spec', 'testsuite', 'check'];

export function resolveScanPaths(scan: string[] | 'auto', existingDirs: ReadonlySet<string>): string[] {
  if (scan !== 'auto') return scan;
  const found = AUTO_SCAN_DIRS.filter((d) => existingDirs.has(d));
  return found.length ? found : ['.'];
}
