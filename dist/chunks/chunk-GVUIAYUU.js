import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);

// src/report/json.ts
function renderJson(doc) {
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/index.ts
async function renderReport(doc, format, opts) {
  const prepared = doc.findings.some((f) => !f.recommendation) ? await withAdvice(doc) : doc;
  switch (format) {
    case "json":
      return renderJson(prepared);
    case "text":
      return (await import("./text-HCTPWPMX.js")).renderText(prepared, opts);
    case "github":
      return (await import("./github-IAVVVSLB.js")).renderGithub(prepared, opts);
    case "markdown":
      return (await import("./markdown-3YR4KBTQ.js")).renderMarkdown(prepared, opts);
    case "sarif":
      return (await import("./sarif-7Q3NBAIX.js")).renderSarif(prepared, opts);
  }
}
function prefetchRenderer(format) {
  const load = () => {
    switch (format) {
      case "json":
        return Promise.resolve();
      case "text":
        return import("./text-HCTPWPMX.js");
      case "github":
        return import("./github-IAVVVSLB.js");
      case "markdown":
        return import("./markdown-3YR4KBTQ.js");
      case "sarif":
        return import("./sarif-7Q3NBAIX.js");
    }
  };
  Promise.all([load(), import("./recommend-6ZCMYHGO.js")]).catch(() => void 0);
}
async function withAdvice(doc) {
  const { withRecommendations } = await import("./recommend-6ZCMYHGO.js");
  const ctx = doc.context?.cygwinVersion ? { cygwinVersion: doc.context.cygwinVersion } : {};
  return { ...doc, findings: withRecommendations(doc.findings, ctx) };
}

export {
  renderReport,
  prefetchRenderer
};
