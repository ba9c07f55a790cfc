/**
 * Recorded fixtures at the Windows/network boundary of the action (src/action/effects.ts), for running `run()` on
 * Linux. Downloads copy fixture files; Get-AuthenticodeSignature answers with a recorded JSON; setup.exe "runs" by
 * returning the configured exit code per mirror and leaving a recorded setup.log.full; `uname -r` prints a
 * version; strace.exe is replaced by REAL bash running the action's real fixed script with the real environment
 * (so the user's command really arrives through CH_RUN), plus a recorded Cygwin strace log copied to the `-o` file.
 * Every call is appended to `calls.json` in the state folder so the tests can assert on the command lines.
 */
import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Effects, ExecRequest } from '../../src/action/effects.js';

export interface FakeConfig {
  /** Folder for calls.jsonl. */
  state: string;
  fixtures: string;
  platform?: string;
  /** URL → fixture file (relative to fixtures). */
  downloads: Record<string, string>;
  /** How many first attempts of each URL fail (network error). */
  failFirst?: Record<string, number>;
  authenticode: string;
  /** Mirror URL → setup exit code (default 0). */
  setupExit?: Record<string, number>;
  setupLog?: string;
  uname?: string;
  /** Recorded strace log the fake strace leaves at `-o`. */
  straceLog?: string;
  cacheRestore?: 'hit' | 'miss' | 'throw';
  cacheSave?: 'ok' | 'throw';
  /** Programs that do not exist (exec rejects like @actions/exec does). */
  missing?: string[];
}

export function fakeEffects(c: FakeConfig): Effects {
  const attempts = new Map<string, number>();
  const record = (what: string, data: unknown) => appendFile(path.join(c.state, 'calls.jsonl'), `${JSON.stringify({ what, ...(data as object) })}\n`);
  const fx = (p: string) => path.join(c.fixtures, p);
  return {
    platform: c.platform ?? 'win32',
    async download(url, dest, timeoutMs) {
      const n = (attempts.get(url) ?? 0) + 1;
      attempts.set(url, n);
      await record('download', { url, dest, timeoutMs, attempt: n });
      if (n <= (c.failFirst?.[url] ?? 0)) throw new Error('getaddrinfo EAI_AGAIN cygwin.com');
      const src = c.downloads[url];
      if (!src) throw new Error(`GET ${url}: HTTP 404 Not Found`);
      await mkdir(path.dirname(dest), { recursive: true });
      await copyFile(fx(src), dest);
    },
    async sleep(ms) {
      await record('sleep', { ms });
    },
    async authenticode(file) {
      await record('authenticode', { file });
      const { readFile } = await import('node:fs/promises');
      return readFile(fx(c.authenticode), 'utf8');
    },
    async exec(req: ExecRequest) {
      await record('exec', { file: req.file, args: req.args, env: req.env ?? {}, cwd: req.cwd });
      const base = req.file.split(/[\\/]/).pop()!;
      if (c.missing?.includes(base)) throw new Error(`Unable to locate executable file: ${req.file}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.`);
      if (base === 'setup-x86_64.exe') {
        const site = req.args[req.args.indexOf('--site') + 1]!;
        const code = c.setupExit?.[site] ?? 0;
        const root = req.args[req.args.indexOf('--root') + 1]!;
        if (c.setupLog) {
          await mkdir(path.join(root, 'var', 'log'), { recursive: true });
          await copyFile(fx(c.setupLog), path.join(root, 'var', 'log', 'setup.log.full'));
        }
        return { exitCode: code, stdout: '', stderr: code ? `Unable to get setup.ini from <${site}>` : '' };
      }
      if (base === 'uname.exe') return { exitCode: 0, stdout: `${c.uname ?? '3.6.4-1.x86_64'}\n`, stderr: '' };
      if (base === 'strace.exe' || base === 'bash.exe') {
        const args = [...req.args];
        if (base === 'strace.exe') {
          const o = args.indexOf('-o');
          if (o >= 0 && c.straceLog) await copyFile(fx(c.straceLog), args[o + 1]!);
          // drop the strace options: the rest is `<root>\bin\bash.exe -l -c SCRIPT`
          while (args.length && !args[0]!.endsWith('bash.exe')) args.shift();
        }
        args.shift(); // bash.exe
        const scriptFile = args[args.length - 1]!; // `-l <script file>`
        return runBash(scriptFile, req);
      }
      return { exitCode: 127, stdout: '', stderr: `fake: no such program ${req.file}` };
    },
    async restoreCache(paths, key, restoreKeys) {
      await record('restoreCache', { paths, key, restoreKeys });
      if (c.cacheRestore === 'throw') throw new Error('Cache service responded with 503');
      return c.cacheRestore === 'hit' ? key : undefined;
    },
    async saveCache(paths, key) {
      await record('saveCache', { paths, key });
      if (c.cacheSave === 'throw') throw new Error('Unable to reserve cache: another job may be creating this cache');
    },
  };
}

/** Real bash (no login profile on Linux) running the action's fixed script file with the action's environment. */
function runBash(scriptFile: string, req: ExecRequest): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [scriptFile], { env: { ...process.env, ...req.env }, cwd: req.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      req.onStdout?.(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      req.onStderr?.(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}
