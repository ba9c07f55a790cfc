/** Runs the action's run() as a real process the way GitHub does: INPUT_* variables, GITHUB_OUTPUT, summary file. */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT, TSX, runProcess } from '../helpers/cli.js';
import type { FakeConfig } from './fake-effects.js';

export const ACTION_FIXTURES = path.join(FIXTURES, 'action');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  calls: { what: string; [k: string]: unknown }[];
  dir: string;
  temp: string;
  workspace: string;
}

/** `name<<DELIM\nvalue\nDELIM` blocks as @actions/core writes them. */
export function parseOutputsFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/**
 * Run the action's real `run()` with the real engines. `opts.project` copies `test-projects/<name>` into the
 * workspace's `tests/` folder, so the scan has real sources to join the runtime failure with.
 */
export async function runAction(
  inputs: Record<string, string>,
  fake: Partial<FakeConfig>,
  extraEnv: Record<string, string> = {},
  opts: { project?: string } = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ch-action-'));
  const temp = path.join(dir, 'runner-temp');
  const workspace = path.join(dir, 'workspace');
  const state = path.join(dir, 'state');
  await Promise.all([mkdir(temp, { recursive: true }), mkdir(path.join(workspace, 'tests'), { recursive: true }), mkdir(state)]);
  await writeFile(path.join(state, 'calls.jsonl'), '');
  if (opts.project) await cp(path.join(ROOT, 'test-projects', opts.project), path.join(workspace, 'tests'), { recursive: true });
  const outputFile = path.join(dir, 'github-output');
  const summaryFile = path.join(dir, 'step-summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const config: FakeConfig = {
    state,
    fixtures: ACTION_FIXTURES,
    downloads: { 'https://cygwin.com/setup-x86_64.exe': 'setup-x86_64.exe.stub', 'https://cygwin.com/sha512.sum': 'sha512.sum' },
    authenticode: 'authenticode/valid-known.json',
    setupLog: 'setup-clean.log.full',
    ...fake,
  };
  const configFile = path.join(state, 'config.json');
  await writeFile(configFile, JSON.stringify(config));
  const env: Record<string, string> = {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_ACTIONS: 'true',
    CH_FAKE_CONFIG: configFile,
    'INPUT_INSTALL-DIR': path.join(dir, 'cygwin'),
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runProcess(process.execPath, ['--import', TSX, path.join(ROOT, 'test/action/harness-entry.ts')], { cwd: workspace, env });
  const calls = (await readFile(path.join(state, 'calls.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ActionRun['calls'][number]);
  return {
    ...r,
    outputs: parseOutputsFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    calls,
    dir,
    temp,
    workspace,
  };
}
