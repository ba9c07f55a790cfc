import type { ReportDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { ROLE_LABEL, changedTest, countsPhrase, docsUrl, plural, rankFindings } from './common.js';
import { hasTimeline, mermaidTimeline } from './timeline.js';
import type { RenderOptions } from './types.js';

/**
 * The job summary ($GITHUB_STEP_SUMMARY): a headline verdict, a table of failures and findings linked to the file
 * and line at the commit, a mermaid timeline for each runtime/predicted failure, recommendations, diagnostics.
 * GitHub rejects a step summary over 1 MiB, so the output is built against a byte budget: sections are admitted in
 * priority order and the lowest-priority ones are cut first, with a note saying what was cut.
 */

/** GitHub's limit for one step's summary (docs/reports.md). */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
/** Default budget: the limit minus room for what the action appends (a footer, another tool's summary). */
export const DEFAULT_MARKDOWN_BUDGET = STEP_SUMMARY_LIMIT - 16 * 1024;
/** More rows than this make a table GitHub renders slowly; the rest is counted. */
export const MAX_TABLE_ROWS = 1000;

/**
 * Untrusted text for markdown prose and table cells: every character markdown, GFM, HTML, math or mentions could
 * interpret becomes a numeric character reference, line breaks become spaces. Renders as the original text.
 */
export function mdText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- control characters become spaces
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    // what can start markup, a mention (@), an issue link (#), math ($), HTML (<, &) or end a table cell (|);
    // the rest of the punctuation is harmless inside one line and stays readable
    .replace(/[\\`*_{}[\]<>#|~&$@]/g, (ch) => `&#${ch.codePointAt(0)};`);
}

/** Prose with `code spans` (recommendation texts): spans become <code>, everything stays escaped. */
export function mdProse(s: string): string {
  return s
    .split(/`([^`\n]+)`/)
    .map((part, i) => (i % 2 ? `<code>${mdText(part)}</code>` : mdText(part)))
    .join('');
}

/** A fenced code block whose fence is longer than any backtick run in the (untrusted) content. */
export function fenced(code: string, lang = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const info = lang.replace(/[^\w+-]/g, '');
  // eslint-disable-next-line no-control-regex -- control characters (but tab and newline) are replaced
  const clean = code.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\uFFFD');
  return `${fence}${info}\n${clean}\n${fence}`;
}

function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * A link to the file and line at the commit when the GitHub env is there; plain (escaped) text otherwise, and for
 * files that are not in the repository (the logs the runtime findings point at: `doc.context.logs`).
 */
export function locationLink(env: NodeJS.ProcessEnv, file: string, line: number, notInRepo?: ReadonlySet<string>): string {
  const label = mdText(`${file}:${line}`);
  if (notInRepo?.has(file)) return label;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || /^[a-z]:|^\//i.test(file) || file.split('/').includes('..')) return label;
  if (!/^https?:\/\/[^\s()<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{7,64}$/i.test(sha)) return label;
  return `[${label}](${server}/${repo}/blob/${sha}/${encodePath(file)}#L${line})`;
}

const KIND_LABEL = { runtime: 'runtime failure', predicted: 'predicted failure', static: 'static' } as const;
const SEV_ICON = { error: '🔴', warning: '🟠', note: '🔵' } as const;

interface Section {
  /** Position in the document. */
  order: number;
  /** Lower is more important; cut from the highest. */
  priority: number;
  text: string;
  /** What the cut note counts this as. */
  category: string;
}

export function renderMarkdown(doc: ReportDocument, opts: RenderOptions): string {
  const budget = opts.markdownBudget ?? DEFAULT_MARKDOWN_BUDGET;
  const isChanged = changedTest(opts.changedLines);
  const ranked = rankFindings(doc.findings, isChanged);
  const env = opts.env;
  const logs: ReadonlySet<string> = new Set(doc.context?.logs ?? []);
  const s = doc.summary;

  const verdict =
    s.total === 0
      ? '## ✅ cygwin-hygiene: no fork hazards found'
      : s.runtime > 0
        ? `## ❌ cygwin-hygiene: ${plural(s.runtime, 'fork failure')} in the logs`
        : s.predicted > 0
          ? `## ⚠️ cygwin-hygiene: ${plural(s.predicted, 'predicted fork failure')}`
          : `## ⚠️ cygwin-hygiene: ${plural(s.static, 'fork hazard')} in the sources`;
  const head: string[] = [verdict, ''];
  if (s.total) head.push(`${plural(s.total, 'finding')}: ${countsPhrase(doc)}.`, '');
  const ctx = doc.context;
  const facts: string[] = [];
  if (ctx?.cygwinVersion) facts.push(`Cygwin ${mdText(ctx.cygwinVersion)}`);
  if (ctx?.logs?.length) facts.push(`logs: ${ctx.logs.map(mdText).join(', ')}`);
  facts.push(`${mdText(doc.tool.name)} ${mdText(doc.tool.version)}`);
  head.push(`<sub>${facts.join(' · ')}</sub>`, '');

  const sections: Section[] = [];
  let order = 0;
  // The table, one section per row so rows can be cut one at a time (lowest rank first).
  if (ranked.length) {
    sections.push({
      order: order++,
      priority: 0,
      category: 'table',
      text: '| | Kind | Rule | Where | What |\n|---|---|---|---|---|',
    });
    ranked.forEach((f, i) => {
      const row = `| ${SEV_ICON[f.severity]} | ${KIND_LABEL[f.kind]} | [${mdText(f.ruleId)}](${docsUrl(f.ruleId)}) | ${locationLink(env, f.file, f.line, logs)} | ${mdText(f.message)} |`;
      sections.push({
        order: order++,
        priority: i >= MAX_TABLE_ROWS ? 99 : f.kind === 'runtime' ? 1 : f.kind === 'predicted' ? 3 : 6,
        category: 'table rows',
        text: row,
      });
    });
    sections.push({ order: order++, priority: 0, category: 'table', text: '' });
  }
  // Failure details with timelines, then static details.
  const failureFindings = ranked.filter((f) => f.kind !== 'static');
  const staticFindings = ranked.filter((f) => f.kind === 'static');
  if (failureFindings.length) sections.push({ order: order++, priority: 2, category: 'headings', text: '### Failures\n' });
  for (const f of failureFindings) {
    sections.push({ order: order++, priority: f.kind === 'runtime' ? 2 : 4, category: 'failure timelines', text: failureSection(f, env, logs) });
  }
  if (staticFindings.length) sections.push({ order: order++, priority: 5, category: 'headings', text: '### Findings in the sources\n' });
  for (const f of staticFindings) {
    sections.push({ order: order++, priority: 7, category: 'finding details', text: staticSection(f, env, logs) });
  }
  if (doc.diagnostics.length) {
    const items = doc.diagnostics.slice(0, 200).map((d) => `- **${d.level}**: ${d.file ? `${mdText(d.file)}: ` : ''}${mdText(d.message)}`);
    if (doc.diagnostics.length > 200) items.push(`- … ${doc.diagnostics.length - 200} more`);
    sections.push({ order: order++, priority: 5, category: 'diagnostics', text: `### Diagnostics\n\n${items.join('\n')}\n` });
  }

  // Admit sections by priority while they fit; reserve room for the cut note.
  const headText = head.join('\n');
  const enc = (t: string) => Buffer.byteLength(t, 'utf8') + 1;
  const NOTE_RESERVE = 600;
  let used = enc(headText) + NOTE_RESERVE;
  const admitted = new Set<Section>();
  const byPriority = [...sections].sort((a, b) => a.priority - b.priority || a.order - b.order);
  const cut = new Map<string, number>();
  for (const sec of byPriority) {
    const size = enc(sec.text);
    if (sec.priority < 99 && used + size <= budget) {
      admitted.add(sec);
      used += size;
    } else {
      cut.set(sec.category, (cut.get(sec.category) ?? 0) + 1);
    }
  }
  // A table without rows, or a heading without its sections, is noise.
  const body = sections.filter((sec) => admitted.has(sec));
  const hasRows = body.some((x) => x.category === 'table rows');
  const finalBody = body.filter((x) => (x.category === 'table' ? hasRows : true));
  const parts = [headText];
  if (cut.size) {
    const CUT_ORDER = ['table rows', 'failure timelines', 'diagnostics', 'finding details'];
    const what = [...cut.entries()]
      .filter(([k]) => CUT_ORDER.includes(k))
      .sort(([a], [b]) => CUT_ORDER.indexOf(a) - CUT_ORDER.indexOf(b))
      .map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`)
      .join(', ');
    parts.push(
      `> [!NOTE]\n> Cut to stay under GitHub’s 1 MiB step-summary limit${ranked.length > MAX_TABLE_ROWS ? ` (and the ${MAX_TABLE_ROWS}-row table cap)` : ''}: ${what}. The SARIF report and \`--format json\` have all ${ranked.length.toLocaleString('en-US')} findings.\n`,
    );
  }
  parts.push(...finalBody.map((x) => x.text));
  return `${parts.join('\n').replace(/\n+$/, '')}\n`;
}

function evidenceList(f: Finding, env: NodeJS.ProcessEnv, logs: ReadonlySet<string>): string {
  return f.evidence
    .map(
      (e) =>
        `- ${ROLE_LABEL[e.role]} ${locationLink(env, e.file, e.line, logs)}${e.pid !== undefined ? ` (pid ${e.pid})` : ''}${e.text ? `: <code>${mdText(e.text)}</code>` : ''}`,
    )
    .join('\n');
}

function recommendationBlock(f: Finding): string {
  const rec = f.recommendation;
  if (!rec) return `[Docs](${docsUrl(f.ruleId)})`;
  const out: string[] = [`**Fix:** ${mdProse(rec.summary)}`];
  const first = rec.options[0];
  if (first?.because) out.push('', mdProse(first.because));
  if (first?.change) {
    const ch = first.change;
    out.push('', `Change ${mdText(`${ch.file}:${ch.line}`)}:`, '');
    if (ch.before) out.push(fenced(`- ${ch.before}`, 'diff'), '');
    out.push(fenced(ch.after, ch.language ?? ''));
  }
  if (rec.options.length > 1) {
    out.push('', '<details><summary>Other options</summary>', '');
    for (const o of rec.options.slice(1)) out.push(`- **${mdProse(o.title)}**${o.because ? ` — ${mdProse(o.because)}` : ''}`);
    out.push('', '</details>');
  }
  out.push('', `[Docs: ${mdText(f.ruleId)}](${docsUrl(f.ruleId)})`);
  return out.join('\n');
}

function failureSection(f: Finding, env: NodeJS.ProcessEnv, logs: ReadonlySet<string>): string {
  const out = [`#### ${SEV_ICON[f.severity]} ${mdText(f.ruleId)} at ${locationLink(env, f.file, f.line, logs)}`, '', mdText(f.message), ''];
  if (hasTimeline(f)) {
    const diagram = mermaidTimeline(f);
    if (diagram) out.push(fenced(diagram, 'mermaid'), '');
  }
  out.push('<details><summary>Evidence</summary>', '', evidenceList(f, env, logs), '', '</details>', '');
  out.push(recommendationBlock(f), '');
  return out.join('\n');
}

function staticSection(f: Finding, env: NodeJS.ProcessEnv, logs: ReadonlySet<string>): string {
  return [
    `<details><summary>${SEV_ICON[f.severity]} ${mdText(f.ruleId)} ${mdText(`${f.file}:${f.line}`)}: ${mdText(f.message)}</summary>`,
    '',
    locationLink(env, f.file, f.line, logs),
    '',
    evidenceList(f, env, logs),
    '',
    recommendationBlock(f),
    '',
    '</details>',
    '',
  ].join('\n');
}
