/**
 * A small, real pipeline for the harness tests, standing in for the engines other branches build: it reads the
 * logs line by line and reports each `child_info_fork::abort:` line as a runtime finding, reads the Cygwin version
 * with src/cygwin/version.ts, scans nothing, and renders json with the real renderer (github/markdown/sarif in
 * their real shapes, minimal content). The lead swaps in the real engines in src/action/pipeline.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { combineDefault } from '../../src/action/pipeline.js';
import { findVersionInLine, formatVersion } from '../../src/cygwin/version.js';
import type { Finding } from '../../src/model/finding.js';
import type { Pipeline } from '../../src/pipeline/types.js';
import { renderJson } from '../../src/report/json.js';

export function testPipeline(): Pipeline {
  return {
    async analyze(logPaths, opts) {
      const findings: Finding[] = [];
      let version: string | undefined;
      for (const log of logPaths) {
        const lines = (await readFile(log, 'utf8')).split(/\r?\n/);
        lines.forEach((l, i) => {
          const v = findVersionInLine(l);
          if (v && !version) version = formatVersion(v);
          const m = /child_info_fork::abort: unable to map (\S+?)(?: \(using [^)]*\))?, Win32 error (\d+)/.exec(l);
          if (!m) return;
          findings.push({
            kind: 'runtime',
            ruleId: m[2] === '126' ? 'runtime/deleted-dll' : 'runtime/unknown',
            cause: m[2] === '126' ? 'deleted-dll' : 'unknown',
            severity: 'error',
            file: path.relative(opts.cwd, log).split(path.sep).join('/'),
            line: i + 1,
            message: `fork() failed: the child could not map ${m[1]} (Win32 error ${m[2]})`,
            dll: m[1]!,
            evidence: [{ role: 'abort', file: log, line: i + 1, text: l.trim() }],
          });
        });
      }
      return { findings, diagnostics: [], ...(version ? { cygwinVersion: version } : {}) };
    },
    async scan() {
      return { findings: [], diagnostics: [], rules: [] };
    },
    combine: combineDefault,
    async render(doc, format) {
      switch (format) {
        case 'json':
          return renderJson(doc);
        case 'github':
          return doc.findings.map((f) => `::error file=${f.file},line=${f.line},title=${f.ruleId}::${f.message}\n`).join('');
        case 'markdown':
          return `## cygwin-hygiene\n\n${doc.summary.runtime} runtime fork failure(s), ${doc.summary.static} static finding(s).\n\n${doc.findings
            .map((f) => `- \`${f.ruleId}\` ${f.file}:${f.line}: ${f.message}`)
            .join('\n')}\n`;
        case 'sarif':
          return `${JSON.stringify(
            {
              $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
              version: '2.1.0',
              runs: [
                {
                  tool: { driver: { name: doc.tool.name, version: doc.tool.version, informationUri: doc.tool.informationUri } },
                  results: doc.findings.map((f) => ({
                    ruleId: f.ruleId,
                    level: f.severity,
                    message: { text: f.message },
                    locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line } } }],
                  })),
                },
              ],
            },
            null,
            2,
          )}\n`;
        default:
          throw new Error(`test pipeline: no ${format} renderer`);
      }
    },
  };
}
