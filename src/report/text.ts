import type { ReportDocument } from '../model/document.js';
import type { RenderOptions } from './types.js';

/** Readable terminal text: one block per finding, then a one-line summary. */
export function renderText(doc: ReportDocument, opts: RenderOptions): string {
  const c = opts.colors;
  const lines: string[] = [];
  for (const f of doc.findings) {
    const sev = f.severity === 'error' ? c.red(f.severity) : f.severity === 'warning' ? c.yellow(f.severity) : c.cyan(f.severity);
    lines.push(`${c.bold(`${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`)} ${sev} ${f.message} ${c.dim(`[${f.ruleId}]`)}`);
    for (const e of f.evidence) lines.push(`  ${c.dim(`${e.role} at`)} ${e.file}:${e.line}${e.text ? `  ${e.text}` : ''}`);
    if (f.recommendation) lines.push(`  ${c.green('fix:')} ${f.recommendation.summary}`);
  }
  if (!opts.quiet) {
    const s = doc.summary;
    lines.push(
      s.total === 0
        ? c.green('no fork hazards found')
        : `${s.total} finding${s.total === 1 ? '' : 's'} (${s.runtime} runtime, ${s.predicted} predicted, ${s.static} static)`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
