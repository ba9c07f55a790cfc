import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { CAUSE_INFO } from '../model/causes.js';
import type { ReportDocument } from '../model/document.js';
import { CAUSES, type Cause, type EvidenceRole, type Finding, type Severity } from '../model/finding.js';
import type { RuleMeta } from '../model/rules.js';
import { docsPageFor } from '../recommend/index.js';
import { DOCS_BASE } from '../util/version.js';
import type { ChangedLines } from './types.js';

/** How each evidence role reads in a report. */
export const ROLE_LABEL: Record<EvidenceRole, string> = {
  load: 'loaded at',
  delete: 'deleted at',
  replace: 'replaced at',
  spawn: 'spawned at',
  fork: 'forked at',
  'fork-failure': 'failed at',
  abort: 'aborted at',
  exit: 'exited at',
  context: 'see',
};

/** The full URL of the docs page of a rule or cause id (predicted ids share the runtime cause page). */
export function docsUrl(ruleId: string): string {
  const page = docsPageFor(ruleId);
  // Ids come from documents too (`render` reads JSON): percent-encode, so an id cannot break a link.
  return DOCS_BASE + encodeURIComponent(page.slice('docs/rules/'.length)).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function pascal(s: string): string {
  return s.replace(/(^|[-/_\s])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

/** A RuleMeta for a `runtime/<cause>` or `predicted/<cause>` id, from the causes table. */
export function causeRule(kind: 'runtime' | 'predicted', cause: Cause): RuleMeta {
  const info = CAUSE_INFO[cause];
  const id = `${kind}/${cause}`;
  return {
    id,
    name: pascal(`${kind === 'runtime' ? 'Runtime' : 'Predicted'}-${cause}`),
    shortDescription: kind === 'runtime' ? `Fork failure: ${info.title}` : `Predicted fork failure on Cygwin: ${info.title}`,
    fullDescription: info.description,
    docs: docsPageFor(id),
    defaultSeverity: 'error',
  };
}

/** Every rule a report may reference: the document's static rules, then the derived runtime/predicted ones used. */
export function rulesFor(doc: ReportDocument): RuleMeta[] {
  const out = new Map<string, RuleMeta>();
  for (const r of doc.rules ?? []) out.set(r.id, r);
  for (const f of doc.findings) {
    if (out.has(f.ruleId)) continue;
    const m = /^(runtime|predicted)\/(.+)$/.exec(f.ruleId);
    if (m && (CAUSES as readonly string[]).includes(m[2]!)) {
      out.set(f.ruleId, causeRule(m[1] as 'runtime' | 'predicted', m[2] as Cause));
    } else {
      out.set(f.ruleId, {
        id: f.ruleId,
        name: pascal(f.ruleId.replace(/[^\w/-]/g, '')) || 'Rule',
        shortDescription: CAUSE_INFO[f.cause].title,
        fullDescription: CAUSE_INFO[f.cause].description,
        docs: docsPageFor(f.ruleId),
        defaultSeverity: f.severity,
      });
    }
  }
  return [...out.values()];
}

/** `isChanged(file, line)` over the PR's changed lines; undefined when none were given. */
export function changedTest(changed: ChangedLines | undefined): ((file: string, line: number) => boolean) | undefined {
  if (!changed) return undefined;
  return (file, line) => {
    const c = changed.get(file);
    if (!c) return false;
    if (c instanceof Set) return c.has(line);
    return c.some((r) => line >= r.start && line <= r.end);
  };
}

export function onChangedLines(f: Finding, isChanged: ((file: string, line: number) => boolean) | undefined): boolean {
  if (!isChanged) return false;
  if (isChanged(f.file, f.line)) return true;
  return f.evidence.some((e) => isChanged(e.file, e.line));
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/**
 * Report priority, used wherever a report must cut: runtime failures first, then findings on lines the PR changed,
 * then predicted failures, then the rest; by severity inside each tier; otherwise the document's order (stable).
 */
export function tierOf(f: Finding, isChanged?: (file: string, line: number) => boolean): number {
  if (f.kind === 'runtime') return 0;
  if (onChangedLines(f, isChanged)) return 1;
  if (f.kind === 'predicted') return 2;
  return 3;
}

export function rankFindings(findings: readonly Finding[], isChanged?: (file: string, line: number) => boolean): Finding[] {
  return findings
    .map((f, i) => ({ f, i, t: tierOf(f, isChanged) }))
    .sort((a, b) => a.t - b.t || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** The folder source files are read from: `cwd` joined with the document's root. */
export function rootOf(doc: ReportDocument, cwd: string): string {
  return path.resolve(cwd, doc.context?.root ?? '.');
}

const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/**
 * Reads source lines for excerpts, each file once. Missing, unreadable, binary (NUL bytes) or huge files simply have
 * no lines: an excerpt is a courtesy, never a reason to fail a report. Paths that leave the root are not read.
 */
export class SourceLines {
  private readonly cache = new Map<string, string[] | null>();
  constructor(private readonly root: string) {}

  line(file: string, line: number): string | undefined {
    return this.lines(file)?.[line - 1];
  }

  private lines(file: string): string[] | null {
    const hit = this.cache.get(file);
    if (hit !== undefined) return hit;
    let result: string[] | null = null;
    const abs = path.resolve(this.root, file);
    const rel = path.relative(this.root, abs);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
      let fd: number | undefined;
      try {
        fd = openSync(abs, 'r');
        const st = fstatSync(fd);
        if (st.isFile() && st.size <= MAX_SOURCE_BYTES) {
          const buf = Buffer.alloc(st.size);
          let off = 0;
          while (off < st.size) {
            const n = readSync(fd, buf, off, st.size - off, off);
            if (n <= 0) break;
            off += n;
          }
          if (!buf.subarray(0, off).includes(0)) result = buf.toString('utf8', 0, off).split(/\r?\n/);
        }
      } catch {
        result = null;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    this.cache.set(file, result);
    return result;
  }
}

/**
 * Untrusted text made safe for one line of a terminal or log: C0/C1 control characters (ESC, CR, LF, ...), DEL and
 * the Unicode line/paragraph separators become U+FFFD (tab becomes a space), so it can neither move the cursor,
 * colour the terminal nor start a new line.
 */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3 runtime failures, 1 predicted, 4 static` (zero counts left out). */
export function countsPhrase(doc: ReportDocument): string {
  const s = doc.summary;
  const parts: string[] = [];
  if (s.runtime) parts.push(plural(s.runtime, 'runtime failure'));
  if (s.predicted) parts.push(`${s.predicted} predicted`);
  if (s.static) parts.push(`${s.static} static`);
  return parts.join(', ');
}
