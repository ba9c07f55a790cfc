import { randomUUID } from 'node:crypto';
import type { ReportDocument } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import { ROLE_LABEL, changedTest, docsUrl, onChangedLines, plural, rankFindings } from './common.js';
import type { RenderOptions } from './types.js';

/**
 * GitHub workflow-command annotations. Escaping follows actions/toolkit packages/core/src/command.ts
 * (`escapeData`, `escapeProperty`); limits and sources are in docs/reports.md.
 */

/** Annotations GitHub shows per step, per level, and per job in total (actions/toolkit docs/problem-matchers.md, "Limitations"). */
export const ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10, perJob: 50 } as const;

type Level = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * Characters that must not reach the runner raw besides CR/LF: other C0/C1 controls, DEL and the Unicode line
 * separators (a log viewer may break lines there). They become U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u0085]/g;

/** toolkit `escapeData`: `%` → `%25`, CR → `%0D`, LF → `%0A` (in this order), plus UNSAFE → U+FFFD. */
export function escapeData(s: string): string {
  return s.replace(UNSAFE, '\uFFFD').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** toolkit `escapeProperty`: escapeData plus `:` → `%3A` and `,` → `%2C`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line. Properties with an empty or undefined value are left out, as the toolkit does. */
export function workflowCommand(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

/**
 * A plain job-log line (core.info) that may quote data (file names, log text) and must not be read as a workflow
 * command: line breaks and other unsafe characters become U+FFFD, a line that would start with `::` after the
 * runner's TrimStart gets a leading `·`, and the legacy `##[` prefix (a command anywhere in a line) is broken up.
 */
export function safeLogLine(s: string): string {
  const t = s.replace(UNSAFE, '\uFFFD').replace(/\r|\n/g, '\uFFFD').replace(/##\[/g, '#\uFFFD[');
  return /^[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*::/.test(t) ? `· ${t}` : t;
}

/** A fresh token for `::stop-commands::` (random per use, so echoed output cannot guess it). */
export function newStopToken(): string {
  return `ch-${randomUUID()}`;
}

/**
 * Wrap raw program output (test logs, strace excerpts) so the runner executes no workflow command in it: the runner
 * ignores every command between `::stop-commands::<token>` and `::<token>::`. The token is random per call; if the
 * text happens to contain it, another one is drawn.
 */
export function stopCommandsWrap(text: string, token: string = newStopToken()): string {
  let t = token;
  while (text.includes(t)) t = newStopToken();
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${t}\n${body}::${t}::\n`;
}

/** Longest message we send (GitHub stores annotation messages up to 64 KB; long ones are unreadable anyway). */
export const MAX_ANNOTATION_MESSAGE = 8 * 1024;
const MAX_EVIDENCE_TEXT = 400;

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function annotationMessage(f: Finding): string {
  const lines = [f.message];
  for (const e of f.evidence.slice(0, 8)) {
    const text = e.text ? `: ${clip(e.text, MAX_EVIDENCE_TEXT)}` : '';
    lines.push(`${ROLE_LABEL[e.role]} ${e.file}:${e.line}${e.pid !== undefined ? ` (pid ${e.pid})` : ''}${text}`);
  }
  if (f.evidence.length > 8) lines.push(`… ${f.evidence.length - 8} more`);
  const rec = f.recommendation;
  if (rec) {
    lines.push(`Fix: ${rec.summary}`);
    const ch = rec.options[0]?.change;
    if (ch) lines.push(`Change ${ch.file}:${ch.line}${ch.before ? ` (${ch.before})` : ''} to:`, ...ch.after.split('\n'));
  }
  const docs = `Docs: ${docsUrl(f.ruleId)}`;
  return `${clip(lines.join('\n'), MAX_ANNOTATION_MESSAGE - docs.length - 1)}\n${docs}`;
}

function titleOf(f: Finding): string {
  const kind = f.kind === 'runtime' ? 'fork failure' : f.kind === 'predicted' ? 'predicted fork failure' : 'fork hazard';
  return `cygwin-hygiene ${f.ruleId}: ${kind}`;
}

/**
 * Where a failure is annotated: a runtime/predicted finding whose file is a log (not in the repository, invisible in
 * the PR diff) goes to the source line that deleted / replaced / loaded the DLL when the evidence has one (joined from
 * the static scan); otherwise it stays on its own file and line.
 */
export function annotationPlace(f: Finding, logs: ReadonlySet<string>): { file: string; line: number; column?: number; moved: boolean } {
  if (f.kind !== 'static' && logs.has(f.file)) {
    for (const role of ['delete', 'replace', 'load'] as const) {
      const e = f.evidence.find((x) => x.role === role && !logs.has(x.file));
      if (e) return { file: e.file, line: e.line, ...(e.column ? { column: e.column } : {}), moved: true };
    }
  }
  return { file: f.file, line: f.line, ...(f.column ? { column: f.column } : {}), moved: false };
}

export function annotation(f: Finding, logs: ReadonlySet<string> = new Set()): string {
  const place = annotationPlace(f, logs);
  // A log outside the workspace (e.g. in the runner's temp folder) cannot carry an annotation: GitHub drops it. Say
  // it without a location instead, so it still shows in the job's annotations. (Static findings are always relative.)
  const outside = f.kind !== 'static' && !place.moved && (/^(?:[A-Za-z]:)?[\\/]/.test(f.file) || f.file.startsWith('../'));
  const props: Record<string, string | number | undefined> = place.moved
    ? { file: place.file, line: place.line, col: place.column, title: titleOf(f) }
    : outside
      ? { title: titleOf(f) }
      : {
        file: f.file,
        line: f.line,
        col: f.column,
        endLine: f.endLine,
        endColumn: f.endLine === undefined || f.endLine === f.line ? f.endColumn : undefined,
        title: titleOf(f),
      };
  const msg = annotationMessage(f);
  const where = place.moved ? `Failed at run time (${f.file}:${f.line}): ` : outside ? `${f.file}:${f.line}: ` : '';
  return workflowCommand(LEVEL[f.severity], props, `${where}${msg}`);
}

/**
 * Annotations for the findings that fit GitHub's limits, in report priority (runtime failures, then findings on the
 * PR's changed lines, then predicted failures, then the rest). With `changedLines`, static findings off the changed
 * lines are not annotated unless `annotateAll`. Whatever is left out is counted in one final `::notice` that says where
 * the full report is. Every line of the output is a command we built; no data can start a line.
 */
export function renderGithub(doc: ReportDocument, opts: RenderOptions): string {
  const isChanged = changedTest(opts.changedLines);
  const ranked = rankFindings(doc.findings, isChanged);
  const logs: ReadonlySet<string> = new Set(doc.context?.logs ?? []);
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const out: string[] = [];
  const left: Finding[] = [];
  let total = 0;
  const limitFor = (lvl: Level, reserveNotice: boolean) => ANNOTATION_LIMITS[lvl] - (lvl === 'notice' && reserveNotice ? 1 : 0);
  // Whether anything will be left out decides if a notice slot must be kept for the overflow notice.
  const eligible = ranked.filter(
    (f) => !isChanged || opts.annotateAll || f.kind !== 'static' || onChangedLines(f, isChanged),
  );
  const fitsAll = (() => {
    const n: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
    for (const f of eligible) n[LEVEL[f.severity]]++;
    return (
      eligible.length === ranked.length &&
      n.error <= ANNOTATION_LIMITS.error &&
      n.warning <= ANNOTATION_LIMITS.warning &&
      n.notice <= ANNOTATION_LIMITS.notice &&
      eligible.length <= ANNOTATION_LIMITS.perJob
    );
  })();
  const reserve = !fitsAll;
  const perJob = ANNOTATION_LIMITS.perJob - (reserve ? 1 : 0);
  const eligibleSet = new Set(eligible);
  for (const f of ranked) {
    const lvl = LEVEL[f.severity];
    if (!eligibleSet.has(f) || used[lvl] >= limitFor(lvl, reserve) || total >= perJob) {
      left.push(f);
      continue;
    }
    used[lvl]++;
    total++;
    out.push(annotation(f, logs));
  }
  if (left.length) {
    const kinds = { runtime: 0, predicted: 0, static: 0 };
    for (const f of left) kinds[f.kind]++;
    const what = Object.entries(kinds)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const where = opts.reportLocations?.length
      ? opts.reportLocations.join(', ')
      : 'the job summary, the SARIF report (code scanning) and `cygwin-hygiene check --format json`';
    const why = isChanged && !opts.annotateAll ? 'annotations go to failures and the lines this PR changed first; ' : '';
    out.push(
      workflowCommand(
        'notice',
        { title: 'cygwin-hygiene: more findings' },
        `${plural(doc.findings.length, 'finding')} in total; ${left.length} not annotated here (${what}): ${why}GitHub shows at most ${ANNOTATION_LIMITS.error} error, ${ANNOTATION_LIMITS.warning} warning and ${ANNOTATION_LIMITS.notice} notice annotations per step. The full report: ${where}.`,
      ),
    );
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
