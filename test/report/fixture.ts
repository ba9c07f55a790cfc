import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeDocument, type ReportDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import type { RuleMeta } from '../../src/model/rules.js';
import type { RenderOptions } from '../../src/report/index.js';
import { makeColors } from '../../src/util/color.js';
import { FIXTURES } from '../helpers/cli.js';

export const REPORT_FIXTURES = path.join(FIXTURES, 'report');
/** The source tree the fixture findings point into (their `file`s are relative to it). */
export const TREE = path.join(REPORT_FIXTURES, 'tree');

interface FixtureFile {
  context: ReportDocument['context'];
  rules: RuleMeta[];
  findings: Finding[];
}

export function loadFixture(name = 'findings.json'): FixtureFile {
  return JSON.parse(readFileSync(path.join(REPORT_FIXTURES, name), 'utf8')) as FixtureFile;
}

/** The fixture document, with a diagnostic, as an engine would hand it over. */
export function fixtureDocument(opts: { withHostile?: boolean } = {}): ReportDocument {
  const fx = loadFixture();
  const findings = opts.withHostile === false ? fx.findings.filter((f) => !f.file.includes('evil')) : fx.findings;
  const doc = makeDocument(findings, [{ level: 'warning', message: 'skipped: binary file', file: 'build/cygext.dll' }], fx.context);
  doc.rules = fx.rules;
  return doc;
}

/** Deterministic options: no colours, a fixed GitHub env, sources read from the fixture tree. */
export function renderOpts(extra: Partial<RenderOptions> = {}): RenderOptions {
  return {
    colors: makeColors(false),
    quiet: false,
    env: {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'oku/chibi-scheme',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    },
    cwd: TREE,
    ...extra,
  };
}
