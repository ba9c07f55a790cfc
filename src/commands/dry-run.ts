import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliContext, CommandModule } from '../cli/context.js';
import { repeatable } from '../cli/report-options.js';
import type { CliIO } from '../cli/io.js';
import type { Pipeline } from '../pipeline/types.js';
import { InputError, UsageError } from '../util/errors.js';

export interface DryRunOptions {
  input?: string[];
  with?: string;
  log?: string[];
  workspace?: string;
  temp?: string;
  format?: 'text' | 'json';
}

/**
 * `cygwin-hygiene dry-run`: print what the action would do for these inputs (exact commands, paths, cache key,
 * reports), and with `--log` analyse saved logs as the action would. Returns the exit code: 0, or for `--log` what
 * the step outcome would be (1 = the step would fail on the findings).
 */
export async function dryRun(opts: DryRunOptions, io: CliIO, pipeline?: Pipeline): Promise<number> {
  const { parseInputs, inputGetter, InputsError } = await import('../action/inputs.js');
  const { parseWithBlock, WithBlockError } = await import('../action/with-block.js');
  const { planAction, resolveScanPaths, AUTO_SCAN_DIRS } = await import('../action/plan.js');
  const { describePlan } = await import('../action/describe-plan.js');
  const given: Record<string, string> = {};
  if (opts.with) {
    let text: string;
    try {
      text = await readFile(opts.with, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read ${opts.with}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    try {
      Object.assign(given, parseWithBlock(text));
    } catch (e) {
      if (e instanceof WithBlockError) throw new InputError(`${opts.with}: ${e.message}`);
      throw e;
    }
  }
  for (const kv of opts.input ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input expects name=value, got "${kv}"`);
    given[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  let inputs;
  try {
    inputs = parseInputs(inputGetter(given));
  } catch (e) {
    if (e instanceof InputsError) throw new InputError(e.message);
    throw e;
  }
  const env = {
    workspace: opts.workspace ?? 'D:\\a\\repo\\repo',
    temp: opts.temp ?? 'D:\\a\\_temp',
    platform: 'win32-x64',
    pathStyle: 'win32' as const,
  };
  const plan = planAction(inputs, env);
  // auto scan: look at working-directory under the local folder dry-run runs in (the checkout), as the runner would
  const { statSync } = await import('node:fs');
  const existing = new Set(AUTO_SCAN_DIRS.filter((d) => { try { return statSync(path.join(io.cwd, inputs.workingDirectory, d)).isDirectory(); } catch { return false; } }));
  const scanPaths = resolveScanPaths(plan.scan, existing);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ inputs, plan, scanPaths }, null, 2)}\n`);
  else io.stdout.write(describePlan(plan, env, given, scanPaths));
  if (!opts.log?.length) return 0;

  const p = pipeline ?? (await import('../pipeline/index.js')).createPipeline({ stdin: io.stdin });
  const { makeDocument } = await import('../model/document.js');
  const { failsOn } = await import('../model/verdict.js');
  const a = await p.analyze(opts.log, { root: plan.root, cwd: io.cwd });
  const context = { root: plan.root, logs: opts.log, ...(a.cygwinVersion ? { cygwinVersion: a.cygwinVersion } : {}) };
  const empty = { findings: [], diagnostics: [], rules: [] };
  const doc = p.combine ? await p.combine(a, empty, context) : makeDocument(a.findings, a.diagnostics, context);
  const out = io.stdout;
  out.write(`\nanalysis of ${opts.log.join(' ')} as the action would do it:\n`);
  out.write(`  outputs: failures=${doc.findings.filter((f) => f.kind === 'runtime').length} findings=${doc.findings.length} cygwin-version=${a.cygwinVersion ?? ''}\n`);
  for (const d of doc.diagnostics) out.write(`  ${d.level}: ${d.file ? `${d.file}: ` : ''}${d.message}\n`);
  for (const [format, title] of [['github', 'annotations'], ['markdown', 'job summary']] as const) {
    out.write(`  --- ${title} (${format}) ---\n`);
    try {
      out.write(await p.render(doc, format, { env: io.env, cwd: io.cwd }));
    } catch (e) {
      out.write(`  (not rendered: ${(e as Error).message})\n`);
    }
  }
  const fails = failsOn(doc, plan.failOn) || doc.diagnostics.some((d) => d.level === 'error');
  out.write(`  outcome: the step would ${fails ? 'fail' : 'pass'} (fail-on: ${plan.failOn}; the tests' own exit code is not known from a log)\n`);
  return fails ? 1 : 0;
}

export const dryRunCommand: CommandModule = {
  name: 'dry-run',
  register(program: Command, ctx: CliContext) {
    program
      .command('dry-run')
      .description('print exactly what the GitHub Action would do for these inputs; with --log, analyse a saved log as it would')
      .option('-i, --input <name=value>', 'an action input (repeatable), e.g. --input run="make check"', repeatable)
      .option('-w, --with <file>', "read inputs from a workflow step's with: block (key: value lines)")
      .option('-l, --log <file>', 'analyse this saved console or strace log as the action would (repeatable)', repeatable)
      .option('--workspace <dir>', 'GITHUB_WORKSPACE to show (default D:\\a\\repo\\repo)')
      .option('--temp <dir>', 'RUNNER_TEMP to show (default D:\\a\\_temp)')
      .addOption(new Option('-f, --format <format>', 'text or json (the plan as data)').choices(['text', 'json']).default('text'))
      .action(async (opts: DryRunOptions) => {
        ctx.exitCode = await dryRun(opts, ctx.io);
      });
  },
};
