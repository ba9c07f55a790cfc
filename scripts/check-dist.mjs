#!/usr/bin/env node
// Fail when dist/ is not exactly what `npm run build` produces from the source in this tree.
// Usage: node scripts/check-dist.mjs [--dist DIR]   (DIR defaults to dist/)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const i = args.indexOf('--dist');
const committed = path.resolve(i >= 0 ? args[i + 1] : path.join(root, 'dist'));

function list(dir) {
  const out = [];
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  })(dir);
  return out.sort();
}

const fresh = mkdtempSync(path.join(tmpdir(), 'ch-dist-'));
try {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--outdir', fresh], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('check-dist: the build failed');
    process.exit(2);
  }
  let have = [];
  try {
    if (statSync(committed).isDirectory()) have = list(committed);
  } catch {
    /* missing dist: every file is "missing" below */
  }
  const want = list(fresh);
  const missing = want.filter((f) => !have.includes(f));
  const extra = have.filter((f) => !want.includes(f));
  const changed = want.filter((f) => have.includes(f) && !readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(committed, f))));
  if (missing.length || extra.length || changed.length) {
    console.error(`check-dist: ${path.relative(root, committed) || committed} is not what \`npm run build\` produces:`);
    for (const f of changed) console.error(`  changed  ${f}`);
    for (const f of missing) console.error(`  missing  ${f}`);
    for (const f of extra) console.error(`  extra    ${f}`);
    console.error('Run `npm run build` and commit dist/ together with the source change.');
    process.exit(1);
  }
  console.log(`check-dist: dist/ matches the build (${want.length} files)`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
