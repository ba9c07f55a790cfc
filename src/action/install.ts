/** Install phase effects: download + verify setup, restore the package cache, run setup per mirror, wrapper. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { decideChecksum, decideSignature, parseSetupLog, cacheKey } from '../cygwin/setup.js';
import { formatCommandLine } from '../cygwin/strace.js';
import { findVersionInLine, formatVersion, parseVersion } from '../cygwin/version.js';
import type { Effects } from './effects.js';
import type { Inputs } from './inputs.js';
import { DOWNLOAD_ATTEMPTS, DOWNLOAD_BASE_DELAY_MS, DOWNLOAD_TIMEOUT_MS } from './limits.js';
import type { Plan, PlanEnv } from './plan.js';
import { withRetries } from './retry.js';


export async function sha512File(file: string): Promise<string> {
  const h = createHash('sha512');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

export interface InstallResult {
  setupSha512: string;
  cacheHit?: string;
  site: string;
  cygwinVersion?: string;
}

/** Download, verify, restore cache, run setup (mirror failover), save cache, write the wrapper, read the version. */
export async function install(plan: Plan, inputs: Inputs, env: PlanEnv, fx: Effects): Promise<InstallResult> {
  const dl = (url: string, dest: string) =>
    withRetries(`download ${url}`, () => fx.download(url, dest, DOWNLOAD_TIMEOUT_MS), {
      attempts: DOWNLOAD_ATTEMPTS,
      baseMs: DOWNLOAD_BASE_DELAY_MS,
      sleep: fx.sleep,
      log: (s) => core.info(s),
    });

  const setupSha512 = await group('Download Cygwin setup', async () => {
    await dl(plan.download.setupUrl, plan.download.setupFile);
    core.info(`downloaded ${plan.download.setupUrl} to ${plan.download.setupFile}`);
    if (plan.download.sumUrl && plan.download.sumFile) await dl(plan.download.sumUrl, plan.download.sumFile);
    return sha512File(plan.download.setupFile);
  });

  await group('Verify Cygwin setup', async () => {
    if (plan.verify.signature) {
      const d = decideSignature(await fx.authenticode(plan.download.setupFile));
      core.info(d.message);
      if (!d.ok) throw new Error(d.message);
    } else {
      core.warning('signature check skipped (verify-signature: false)');
    }
    if (plan.verify.checksum && plan.download.sumFile) {
      const d = decideChecksum(await readFile(plan.download.sumFile, 'utf8'), setupSha512);
      core.info(d.message);
      if (!d.ok) throw new Error(d.message);
    } else {
      core.warning('checksum check skipped (verify-checksum: false)');
    }
  });

  const key = cacheKey({ platform: env.platform, packages: inputs.packages, sites: inputs.sites, setupSha512 });
  let cacheHit: string | undefined;
  if (plan.cache.enabled) {
    cacheHit = await group('Restore Cygwin package cache', async () => {
      try {
        const hit = await fx.restoreCache(plan.cache.paths, key.key, [key.restorePrefix]);
        core.info(hit ? `restored ${plan.packageDir} from cache key ${hit}` : `no cache for ${key.key}`);
        return hit;
      } catch (e) {
        core.warning(`cache restore failed (continuing without it): ${(e as Error).message}`);
        return undefined;
      }
    });
  }

  const site = await group('Install Cygwin', async () => {
    await mkdir(plan.packageDir, { recursive: true }).catch(() => undefined);
    let last = '';
    for (const [i, s] of plan.setup.entries()) {
      const line = formatCommandLine(s);
      core.info(`running: ${line}`);
      let r;
      try {
        r = await fx.exec({ file: s.file, args: s.args });
      } catch (e) {
        throw new Error(`cannot start Cygwin setup: "${line}": ${(e as Error).message}`, { cause: e });
      }
      if (r.exitCode === 0) return s.site;
      last = `Cygwin setup failed: "${line}" exited with code ${r.exitCode}; see ${plan.setupLog} (/var/log/setup.log.full)`;
      if (i < plan.setup.length - 1) core.warning(`${last}; trying the next mirror ${plan.setup[i + 1]!.site}`);
    }
    throw new Error(last);
  });

  await group('Check post-install scripts', async () => {
    let text: string;
    try {
      text = await readFile(plan.setupLog, 'utf8');
    } catch {
      core.warning(`cannot read ${plan.setupLog}: post-install scripts were not checked`);
      return;
    }
    const failures = parseSetupLog(text);
    for (const f of failures) {
      core.warning(`post-install script ${f.script ?? f.command ?? '(unknown)'} exited with code ${f.exitCode} (${plan.setupLog} line ${f.line})`);
    }
    core.info(`${failures.length} post-install script failure(s) in ${plan.setupLog}`);
  });

  if (plan.cache.enabled && cacheHit !== key.key) {
    await group('Save Cygwin package cache', async () => {
      try {
        await fx.saveCache(plan.cache.paths, key.key);
        core.info(`saved ${plan.packageDir} as ${key.key}`);
      } catch (e) {
        core.warning(`cache save failed (continuing): ${(e as Error).message}`);
      }
    });
  }

  await group('Add the cygwin shell wrapper', async () => {
    await mkdir(plan.wrapper.dir, { recursive: true });
    await writeFile(plan.wrapper.file, plan.wrapper.text);
    for (const p of plan.addToPath) core.addPath(p);
    core.info(`wrote ${plan.wrapper.file}; later steps can use "shell: cygwin {0}"`);
  });

  const cygwinVersion = await group('Cygwin version', async () => {
    const r = await fx.exec({ file: plan.versionCommand.file, args: plan.versionCommand.args }).catch((e: Error) => ({ exitCode: -1, stdout: '', stderr: e.message }));
    const text = r.stdout.trim();
    const v = findVersionInLine(text) ?? parseVersion(text);
    if (r.exitCode !== 0 || !v) {
      core.warning(`could not read the Cygwin version: "${formatCommandLine(plan.versionCommand)}" exited ${r.exitCode}, printed "${text}"`);
      return undefined;
    }
    core.info(`uname -r: ${text} (Cygwin ${formatVersion(v)})`);
    return formatVersion(v);
  });

  return { setupSha512, site, ...(cacheHit ? { cacheHit } : {}), ...(cygwinVersion ? { cygwinVersion } : {}) };
}
