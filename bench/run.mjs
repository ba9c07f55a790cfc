#!/usr/bin/env node
// One command for every benchmark: `npm run bench` (or `node bench/run.mjs [--quick] [--only scan,analyze,...]`).
// Writes the table between the markers in bench/README.md and the raw numbers to bench/out/results.json.
// Each figure is a ratio against a baseline measured in the same run on the same input.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench/out');
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = (() => {
  const i = args.indexOf('--only');
  return i >= 0 ? new Set(args[i + 1].split(',')) : null;
})();
const want = (name) => !only || only.has(name);
const cli = path.join(root, 'dist/cli.js');
const node = process.execPath;

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Run a command under GNU time: wall seconds and peak RSS (MB). */
function timed(cmd, argv, opts = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M', cmd, ...argv], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    cwd: opts.cwd ?? root,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`could not time ${cmd} ${argv.join(' ')}: ${r.stderr.slice(-500)}`);
  return { wall: Number(m[1]), rssMB: Number(m[2]) / 1024, status: r.status, stdout: r.stdout };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function repeat(n, f) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(f());
  return { wall: median(runs.map((r) => r.wall)), rssMB: Math.max(...runs.map((r) => r.rssMB)), last: runs.at(-1) };
}

function dropCaches() {
  try {
    execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hyperfine(commands, runs = 10) {
  const json = path.join(out, 'hyperfine.json');
  execFileSync('hyperfine', ['-N', '--warmup', '3', '--runs', String(runs), '--export-json', json, ...commands], { stdio: 'ignore' });
  return JSON.parse(readFileSync(json, 'utf8')).results.map((r) => ({ command: r.command, mean: r.mean, stddev: r.stddev }));
}

const rows = [];
const results = { machine: machine(), date: new Date().toISOString(), benchmarks: {} };

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

// ---------- analyze: MB/s and peak RSS vs grep -c, at two sizes ----------
if (want('analyze')) {
  const sizes = quick ? [100] : [100, 1024];
  for (const mb of sizes) {
    const file = path.join(out, `strace-${mb}mb.log`);
    if (!existsSync(file) || statSync(file).size < mb * 1024 * 1024) {
      execFileSync(node, [path.join(root, 'bench/gen-strace-log.mjs'), file, String(mb)], { stdio: 'ignore' });
    }
    const bytes = statSync(file).size;
    const ours = repeat(quick ? 1 : 3, () => timed(node, [cli, 'analyze', '--format', 'json', '--quiet', '--fail-on', 'none', file]));
    const found = JSON.parse(ours.last.stdout).summary.runtime;
    const grep = repeat(quick ? 1 : 3, () => timed('grep', ['-c', 'child_info_fork::abort', file]));
    const mbps = bytes / 2 ** 20 / ours.wall;
    results.benchmarks[`analyze-${mb}mb`] = { bytes, ours, grep, mbps, failuresFound: found };
    rows.push([
      `analyze ${mb} MB strace log (${found} failures found)`,
      `${ours.wall.toFixed(2)} s, ${mbps.toFixed(0)} MB/s, ${ours.rssMB.toFixed(0)} MB RSS`,
      `grep -c: ${grep.wall.toFixed(2)} s, ${grep.rssMB.toFixed(0)} MB RSS`,
      `${(ours.wall / grep.wall).toFixed(1)}× grep`,
      '≥ 500 MB/s, ≤ 128 MB RSS',
    ]);
  }
}

// ---------- scan: wall time vs rg (and ast-grep) on a large real tree, cold and warm ----------
if (want('scan')) {
  const tree = (() => {
    const i = args.indexOf('--tree');
    if (i >= 0) return path.resolve(args[i + 1]);
    const py = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
    return py.status === 0 ? py.stdout.trim() : path.join(root, 'node_modules');
  })();
  let files = 0;
  let bytes = 0;
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  })(tree);
  const triggers = ['dlopen', 'LoadLibrary', 'CDLL', 'LoadLibrary', 'load-extension', 'process.dlopen', 'Fiddle', 'ffi_lib', 'DynaLoader', 'loadlib'];
  const rgArgs = ['--no-messages', '-l', ...triggers.flatMap((t) => ['-e', t]), tree];
  const scanArgs = [cli, 'scan', '--format', 'json', '--quiet', '--fail-on', 'none', tree];
  const n = quick ? 1 : 3;
  const cold = dropCaches();
  const oursCold = cold ? timed(node, scanArgs) : undefined;
  dropCaches();
  const rgCold = cold ? timed('rg', rgArgs) : undefined;
  timed(node, scanArgs);
  const oursWarm = repeat(n, () => timed(node, scanArgs));
  const rgWarm = repeat(n, () => timed('rg', rgArgs));
  const sg = path.join(root, 'bench/.tools/node_modules/.bin/ast-grep');
  let sgWarm;
  // ast-grep where it applies: one structural pattern for the tree's language (Python: ctypes loads)
  if (existsSync(sg)) sgWarm = repeat(1, () => timed(sg, ['run', '--no-ignore', 'parent', '--no-ignore', 'vcs', '--lang', 'python', '-p', 'CDLL($$$A)', tree]));
  results.benchmarks.scan = { tree, files, bytes, oursCold, rgCold, oursWarm, rgWarm, sgWarm };
  const fps = (w) => `${(files / w).toFixed(0)} files/s, ${(bytes / 2 ** 20 / w).toFixed(0)} MB/s`;
  rows.push([
    `scan ${files} files, ${(bytes / 2 ** 20).toFixed(0)} MB (${path.basename(tree)}), warm`,
    `${oursWarm.wall.toFixed(2)} s (${fps(oursWarm.wall)})`,
    `rg: ${rgWarm.wall.toFixed(2)} s${sgWarm ? `; ast-grep (one Python pattern): ${sgWarm.wall.toFixed(2)} s` : ''}`,
    `${(oursWarm.wall / rgWarm.wall).toFixed(2)}× rg`,
    'within 1.5× of rg',
  ]);
  if (oursCold && rgCold) {
    rows.push([`scan, same tree, cold cache`, `${oursCold.wall.toFixed(2)} s`, `rg: ${rgCold.wall.toFixed(2)} s`, `${(oursCold.wall / rgCold.wall).toFixed(2)}× rg`, 'within 1.5× of rg']);
  }
}

// ---------- start-up: --version and a one-file scan vs node -e 0 ----------
if (want('startup')) {
  const small = path.join(root, 'examples/chibi-ffi/tests/dl-test.c');
  const res = hyperfine([`${node} -e 0`, `${node} ${cli} --version`, `${node} ${cli} scan --quiet --fail-on none ${small}`], quick ? 5 : 20);
  const base = res[0].mean;
  results.benchmarks.startup = res;
  rows.push(['start-up: `--version`', `${(res[1].mean * 1000).toFixed(0)} ms`, `node -e 0: ${(base * 1000).toFixed(0)} ms`, `+${((res[1].mean - base) * 1000).toFixed(0)} ms`, '≤ 100 ms over Node']);
  rows.push(['start-up: scan of one C file', `${(res[2].mean * 1000).toFixed(0)} ms`, `node -e 0: ${(base * 1000).toFixed(0)} ms`, `+${((res[2].mean - base) * 1000).toFixed(0)} ms`, '≤ 100 ms over Node']);
}

// ---------- predict: overhead vs the plain run of a real test suite ----------
// The three runs are interleaved (plain, preload, strace, plain, ...) so that a slow spell of this noisy machine
// does not land on one of them only; each figure is the median.
if (want('predict')) {
  // The real interpreter, not a version manager's shell shim (which would add processes to every run).
  const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  const suite = [python, '-m', 'test', '-q', 'test_json', 'test_tempfile', 'test_subprocess', '-m', 'test_*'];
  const label = ['python3', ...suite.slice(1)];
  const predict = (tracer) => () => timed(node, [cli, 'predict', '--tracer', tracer, '--quiet', '--fail-on', 'none', '--', ...suite]);
  const variants = { plain: () => timed(suite[0], suite.slice(1)), preload: predict('preload') };
  if (have('strace')) variants.strace = predict('strace');
  const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < (quick ? 1 : 3); i++) for (const [k, f] of Object.entries(variants)) runs[k].push(f());
  const wall = Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, median(rs.map((r) => r.wall))]));
  results.benchmarks.predict = { suite: label.join(' '), runs };
  for (const tracer of ['preload', 'strace']) {
    if (wall[tracer] === undefined) continue;
    rows.push([
      `predict (${tracer === 'preload' ? 'preload recorder, the default' : '--tracer strace'}): \`${label.slice(0, 6).join(' ')} ...\``,
      `${wall[tracer].toFixed(2)} s`,
      `plain run: ${wall.plain.toFixed(2)} s`,
      `${(wall[tracer] / wall.plain).toFixed(2)}×`,
      '≤ 1.3×',
    ]);
  }
}

writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const table = [
  `Measured ${results.date.slice(0, 10)} on ${results.machine}, with \`node bench/run.mjs${quick ? ' --quick' : ''}\`.`,
  '',
  '| benchmark | cygwin-hygiene | baseline, same run | ratio | target |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const readme = path.join(root, 'bench/README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (!only) {
  writeFileSync(readme, text.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
}
console.log(table);
