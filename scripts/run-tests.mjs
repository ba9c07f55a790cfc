#!/usr/bin/env node
// `npm test`: every test/**/*.test.ts under node's test runner (TypeScript through tsx). Node 20's --test takes
// no globs, so the files are listed here; extra arguments (e.g. a file or --test-name-pattern) pass through.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'fixtures' && e.name !== 'node_modules') walk(p);
    else if (e.isFile() && e.name.endsWith('.test.ts')) files.push(path.relative(root, p));
  }
})(path.join(root, 'test'));
files.sort();
const explicit = args.filter((a) => a.endsWith('.ts'));
const flags = args.filter((a) => !a.endsWith('.ts'));
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...flags, ...(explicit.length ? explicit : files)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
