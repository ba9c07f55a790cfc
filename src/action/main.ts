import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { failsOn } from '../model/verdict.js';
import type { ReportDocument } from '../model/document.js';
import { makeDocument } from '../model/document.js';
import type { Pipeline } from '../pipeline/types.js';
import { safeLogLine } from '../report/github.js';
import { realEffects, type Effects } from './effects.js';
import { parseInputs, type Inputs } from './inputs.js';
import { install } from './install.js';
import { createPipeline } from '../pipeline/index.js';
import { planAction, resolveScanPaths, AUTO_SCAN_DIRS, type PlanEnv } from './plan.js';
import { runTests, type TestRun } from './run-tests.js';

/** Job summaries are limited to 1 MiB per step; keep a margin. */
export const SUMMARY_BUDGET = 1_000_000;

export interface RunDeps {
  /** The Windows/network boundary; default realEffects(). The test harness passes recorded fixtures. */
  effects?: Effects;
  /** The engines; default createPipeline() (src/pipeline/index.ts). */
  pipeline?: Pipeline;
}

export function planEnv(platform: string): PlanEnv {
  const temp = process.env.RUNNER_TEMP || path.join(process.cwd(), '.cygwin-hygiene-tmp');
  return {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    temp,
    platform: `${platform}-${process.arch}`,
    pathStyle: path.sep === '\\' ? 'win32' : 'posix',
  };
}

/** Cut a markdown summary to the byte budget at a line boundary, saying so. */
export function fitSummary(md: string, budget = SUMMARY_BUDGET): string {
  if (Buffer.byteLength(md) <= budget) return md;
  const note = '\n\n_The summary was cut to fit GitHub\'s 1 MiB limit; the SARIF file and the annotations have every finding._\n';
  let cut = Buffer.from(md).subarray(0, budget - Buffer.byteLength(note)).toString('utf8');
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  return cut + note;
}

async function bestEffort(what: string, fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    core.warning(`${what} failed: ${(e as Error).message}`);
    return false;
  }
}

/** The action's orchestration: inputs → install → run under strace → the pipeline → annotations, summary, SARIF. */
export async function run(deps: RunDeps = {}): Promise<void> {
  try {
    const fx = deps.effects ?? realEffects();
    const inputs: Inputs = parseInputs((name) => core.getInput(name));
    const env = planEnv(fx.platform);
    let plan = planAction(inputs, env);
    core.setOutput('root', plan.root);
    if (!existsSync(plan.workdir)) {
      throw new Error(`input "working-directory": ${plan.workdir} does not exist (it is relative to ${env.workspace})`);
    }

    let cygwinVersion: string | undefined;
    let test: TestRun | undefined;
    if (plan.mode === 'install-and-run') {
      if (fx.platform !== 'win32') {
        throw new Error(`input "run" needs a Windows runner (this is ${fx.platform}); leave "run" empty to only scan, or use cygwin-hygiene predict on Linux`);
      }
      const inst = await install(plan, inputs, env, fx);
      plan = planAction(inputs, env, inst.setupSha512);
      cygwinVersion = inst.cygwinVersion;
      test = await runTests(plan, fx);
      for (const n of test.notes) core.warning(n);
      core.setOutput('log-file', test.straceLog ?? '');
      core.setOutput('console-log', test.consoleLog);
      core.setOutput('tests-exit-code', String(test.exitCode));
    }

    const pipeline = deps.pipeline ?? createPipeline();
    const logs = test ? [test.consoleLog, ...(test.straceLog ? [test.straceLog] : [])] : [];
    core.startGroup('Analyse the logs and scan the sources');
    let doc: ReportDocument;
    try {
      const a = logs.length ? await pipeline.analyze(logs, { root: plan.root, cwd: plan.workdir }) : { findings: [], diagnostics: [] };
      const existing = new Set(AUTO_SCAN_DIRS.filter((d) => { try { return statSync(path.join(plan.workdir, d)).isDirectory(); } catch { return false; } }));
      const scanPaths = resolveScanPaths(plan.scan, existing);
      const s = scanPaths.length ? await pipeline.scan(scanPaths, { cwd: plan.workdir }) : { findings: [], diagnostics: [], rules: [] };
      cygwinVersion ??= a.cygwinVersion;
      const context: NonNullable<ReportDocument['context']> = { root: plan.root, logs };
      if (cygwinVersion) context.cygwinVersion = cygwinVersion;
      if (inputs.run) context.command = [inputs.run];
      doc = pipeline.combine ? await pipeline.combine(a, s, context) : makeDocument([...a.findings, ...s.findings], [...a.diagnostics, ...s.diagnostics], context);
      core.info(safeLogLine(`${doc.summary.runtime} runtime, ${doc.summary.predicted} predicted, ${doc.summary.static} static finding(s); scanned: ${scanPaths.join(' ') || '(nothing)'}`));
      // Diagnostics name files (any bytes in a name): core.warning escapes them, a plain info line must be made safe.
      for (const d of doc.diagnostics) {
        const line = `${d.file ? `${d.file}: ` : ''}${d.message}`;
        if (d.level === 'info') core.info(safeLogLine(line));
        else core.warning(line);
      }
    } finally {
      core.endGroup();
    }

    const renderOpts = { env: process.env, cwd: plan.workdir };
    if (plan.reports.annotate) {
      await bestEffort('annotations', async () => {
        process.stdout.write(await pipeline.render(doc, 'github', renderOpts));
      });
    }
    if (plan.reports.summary) {
      await bestEffort('job summary', async () => {
        if (!process.env.GITHUB_STEP_SUMMARY) throw new Error('GITHUB_STEP_SUMMARY is not set');
        await core.summary.addRaw(fitSummary(await pipeline.render(doc, 'markdown', renderOpts)), true).write();
      });
    }
    const sarifOk = await bestEffort(`SARIF file ${plan.reports.sarifFile}`, async () => {
      const sarif = await pipeline.render(doc, 'sarif', renderOpts);
      await mkdir(path.dirname(plan.reports.sarifFile), { recursive: true });
      await writeFile(plan.reports.sarifFile, sarif);
    });
    core.setOutput('sarif-file', sarifOk && existsSync(plan.reports.sarifFile) ? plan.reports.sarifFile : '');

    const failures = doc.findings.filter((f) => f.kind === 'runtime').length;
    core.setOutput('failures', String(failures));
    core.setOutput('findings', String(doc.findings.length));
    core.setOutput('cygwin-version', cygwinVersion ?? '');

    const problems: string[] = [];
    if (test && test.exitCode !== 0) problems.push(`the tests exited with code ${test.exitCode}`);
    if (failsOn(doc, plan.failOn)) {
      problems.push(`${doc.findings.length} finding(s) (${failures} runtime fork failure(s)) and fail-on is "${plan.failOn}"`);
    }
    const errors = doc.diagnostics.filter((d) => d.level === 'error');
    if (errors.length) problems.push(`${errors.length} analysis error(s): ${errors.map((d) => d.message).join('; ')}`);
    if (problems.length) core.setFailed(`cygwin-hygiene: ${problems.join('; ')}`);
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
