/** Run the test command (under strace unless `strace: off`), capturing the console to a file and the job log. */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { formatCommandLine } from '../cygwin/strace.js';
import type { Effects } from './effects.js';
import type { Plan } from './plan.js';

export interface TestRun {
  exitCode: number;
  consoleLog: string;
  /** The strace log, when strace was on and the log was written. */
  straceLog?: string;
  /** Problems worth a warning (missing strace log, unreadable exit status). */
  notes: string[];
}

/** A token for `::stop-commands::`: unguessable, so test output cannot end the pause and inject commands. */
export function stopToken(): string {
  return `ch-${randomBytes(16).toString('hex')}`;
}

export async function runTests(plan: Plan, fx: Effects, out: { write(s: string | Buffer): unknown } = process.stdout): Promise<TestRun> {
  const t = plan.test;
  if (!t) throw new Error('no test command (input "run" is empty)');
  core.startGroup('Run the tests under Cygwin strace');
  const notes: string[] = [];
  try {
    await mkdir(path.dirname(t.consoleLog), { recursive: true });
    await rm(t.rcFile, { force: true });
    if (t.logFile) await rm(t.logFile, { force: true });
    await writeFile(t.script.file, t.script.text);
    core.info(`running: ${formatCommandLine(t)}`);
    core.info(`with CH_RUN=${JSON.stringify(t.env.CH_RUN)} CH_WORKDIR=${t.env.CH_WORKDIR}`);
    const consoleFile = createWriteStream(t.consoleLog);
    const token = stopToken();
    out.write(`::stop-commands::${token}\n`);
    let result;
    try {
      const tee = (chunk: Buffer) => {
        consoleFile.write(chunk);
        out.write(chunk);
      };
      try {
        result = await fx.exec({ file: t.file, args: t.args, env: t.env, cwd: plan.workdir, onStdout: tee, onStderr: tee });
      } catch (e) {
        throw new Error(`cannot run the tests: "${formatCommandLine(t)}": ${(e as Error).message}`, { cause: e });
      }
    } finally {
      out.write(`\n::${token}::\n`);
      await new Promise<void>((r) => consoleFile.end(r));
    }
    let exitCode = result.exitCode;
    try {
      const rc = (await readFile(t.rcFile, 'utf8')).trim();
      if (/^\d+$/.test(rc)) exitCode = Number(rc);
      else notes.push(`exit-status file ${t.rcFile} holds "${rc}"; using the exit code of the process (${result.exitCode})`);
    } catch {
      notes.push(`the test command wrote no exit status (${t.rcFile}); using the exit code of the process (${result.exitCode})`);
    }
    let straceLog: string | undefined;
    if (t.logFile) {
      try {
        const s = await stat(t.logFile);
        straceLog = t.logFile;
        core.info(`strace log: ${t.logFile} (${s.size} bytes)`);
      } catch {
        notes.push(`strace wrote no log at ${t.logFile}: only the console output is analysed`);
      }
    }
    core.info(`the tests exited with code ${exitCode}`);
    return { exitCode, consoleLog: t.consoleLog, ...(straceLog ? { straceLog } : {}), notes };
  } finally {
    core.endGroup();
  }
}
