import type { ReportDocument } from '../model/document.js';

/** The stable JSON contract (docs/json-format.md): the document as it is, two-space indented, one trailing newline. */
export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
