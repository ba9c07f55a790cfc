import type { Format } from '../config/options.js';
import type { ReportDocument } from '../model/document.js';
import { renderJson } from './json.js';
import type { RenderOptions } from './types.js';

export type { RenderOptions } from './types.js';

/** One document, every format. Formats other than json load lazily so start-up stays small. */
export async function renderReport(doc: ReportDocument, format: Format, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return renderJson(doc);
    case 'text':
      return (await import('./text.js')).renderText(doc, opts);
    default:
      throw new Error(`format ${format} is not built yet`);
  }
}
