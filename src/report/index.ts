import type { Format } from '../config/options.js';
import type { ReportDocument } from '../model/document.js';
import { renderJson } from './json.js';
import type { RenderOptions } from './types.js';

export type { RenderOptions, ChangedLines } from './types.js';

/**
 * One document, every format. Findings without a recommendation get one for the document's Cygwin version first,
 * so every place a user looks shows the same advice. Formats other than json load lazily (start-up stays small).
 */
export async function renderReport(doc: ReportDocument, format: Format, opts: RenderOptions): Promise<string> {
  const prepared = doc.findings.some((f) => !f.recommendation) ? await withAdvice(doc) : doc;
  switch (format) {
    case 'json':
      return renderJson(prepared);
    case 'text':
      return (await import('./text.js')).renderText(prepared, opts);
    case 'github':
      return (await import('./github.js')).renderGithub(prepared, opts);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(prepared, opts);
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(prepared, opts);
  }
}

/**
 * Start loading a format's renderer (and the recommendations) without waiting, so a command can overlap it with
 * its own work; renderReport then finds the modules loaded. Never throws.
 */
export function prefetchRenderer(format: Format): void {
  const load = (): Promise<unknown> => {
    switch (format) {
      case 'json':
        return Promise.resolve();
      case 'text':
        return import('./text.js');
      case 'github':
        return import('./github.js');
      case 'markdown':
        return import('./markdown.js');
      case 'sarif':
        return import('./sarif.js');
    }
  };
  Promise.all([load(), import('../recommend/index.js')]).catch(() => undefined);
}

async function withAdvice(doc: ReportDocument): Promise<ReportDocument> {
  const { withRecommendations } = await import('../recommend/index.js');
  const ctx = doc.context?.cygwinVersion ? { cygwinVersion: doc.context.cygwinVersion } : {};
  return { ...doc, findings: withRecommendations(doc.findings, ctx) };
}
