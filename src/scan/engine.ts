import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/document.js';
import type { Evidence, Finding, Severity } from '../model/finding.js';
import { substitute } from './events.js';
import { buildTrace, pathOf, type TraceItem } from './flow.js';
import { frontEnd } from './frontends/index.js';
import { COMMENT, type LanguageId } from './languages.js';
import { RULES, type Rule, type RuleReport } from './rules/index.js';

export interface AnalyzeOptions {
  /** Per-rule severity or `off` (config `rules`). */
  ruleSeverity?: Record<string, Severity | 'off'>;
  /** Only these rules (tests). */
  rules?: readonly Rule[];
}

export interface FileResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
}

const SUPPRESS = /cygwin-hygiene-ignore(-file)?\b(?:[ \t]+([A-Za-z]+[0-9]+(?:[ \t]*,[ \t]*[A-Za-z]+[0-9]+)*))?(?:[ \t]*:[ \t]*(.*))?/;

interface Suppression {
  line: number;
  file: boolean;
  ids: string[] | null;
  used: boolean;
}

function suppressions(lines: string[], lang: LanguageId): Suppression[] {
  const out: Suppression[] = [];
  lines.forEach((l, i) => {
    const m = SUPPRESS.exec(l);
    if (!m) return;
    const before = l.slice(0, m.index);
    if (!COMMENT[lang].test(before)) return; // must be inside a comment of this language
    out.push({ line: i + 1, file: Boolean(m[1]), ids: m[2] ? m[2].split(/\s*,\s*/).map((s) => s.toUpperCase()) : null, used: false });
  });
  return out;
}

/** Line-independent identity of a finding: rule, file, and the normalised load and delete/replace code. */
export function fingerprint(ruleId: string, file: string, loadText: string, changeText: string): string {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${norm(loadText)}\0${norm(changeText)}`).digest('hex').slice(0, 16);
}

const q = (s: string): string => `\`${s}\``;

/**
 * The best-known path of the loaded library: the path expression with the arguments of the call that reached the
 * load substituted (chibi's `test-ffi "basic"` → `tests/ffi/basic`), a trailing shared-object-extension variable
 * dropped (runtime findings are joined on the basename without extension).
 */
export function dllOf(load: TraceItem): string | undefined {
  const p = pathOf(load);
  if (!p) return undefined;
  return substitute(p, load.subst).replace(/\$\{[^}]*(?:extension|EXT|ext|SO|suffix)[^}]*\}$/, '') || p;
}

function describe(r: RuleReport): string {
  const { load, change, spawn } = r;
  const lib = load.event.path ? q(dllOf(load)!) : 'the library';
  const verb =
    change.event.kind === 'overwrite'
      ? `overwritten (${q(change.event.call)}) at line ${change.event.line}`
      : change.event.kind === 'deleteDir'
        ? `its folder ${q(change.event.path ?? '')} is removed (${q(change.event.call)}) at line ${change.event.line}`
        : `deleted (${q(change.event.call)}) at line ${change.event.line}`;
  const again =
    spawn.repeat === 'call' && spawn.via
      ? ` on the next call of ${q(spawn.via)}`
      : spawn.repeat === 'iteration'
        ? ' on the next loop iteration'
        : '';
  const effect =
    r.cause === 'replaced-dll'
      ? 'the fork child maps the file now at that path, which is not the image the parent loaded'
      : 'the fork child must map every loaded DLL again from its path and cannot';
  const where = spawn.event.fn && spawn.event.fn !== change.event.fn ? ` (in ${q(spawn.event.fn)})` : '';
  return `${lib} is loaded at line ${load.event.line} (${q(load.event.call)}), then ${verb} while still loaded, and ${q(spawn.event.call)} at line ${spawn.event.line}${where} forks afterwards${again}: on Cygwin ${effect} (fork fails, e.g. "unable to map ..., Win32 error 126").`;
}

/** Analyse one file's text: front-end → trace → rules → findings (suppressions applied). Pure. */
export async function analyzeText(file: string, text: string, lang: LanguageId, opts: AnalyzeOptions = {}): Promise<FileResult> {
  const diagnostics: Diagnostic[] = [];
  let trace: ReturnType<typeof buildTrace>;
  try {
    trace = buildTrace(await frontEnd(lang, text, file));
  } catch (e) {
    // The front-ends walk syntax trees recursively: a source nested thousands of levels deep (generated code,
    // 10,000 parentheses) overflows the stack. Say so instead of throwing; the rest of the scan goes on.
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push({ level: 'error', file, message: 'nested too deeply to analyse (the syntax tree walk ran out of stack); file skipped' });
    return { findings: [], diagnostics };
  }
  if (trace.truncated) {
    diagnostics.push({ level: 'info', file, message: 'the flow trace hit its size bound (deep nesting or many calls); later findings in this file may be missed' });
  }
  const rules = (opts.rules ?? RULES).filter((r) => opts.ruleSeverity?.[r.meta.id] !== 'off');
  const raw: Array<{ rule: Rule; r: RuleReport }> = [];
  const handlers = rules.map((rule) => rule.create({ report: (r) => raw.push({ rule, r }) }));
  for (const item of trace) for (const h of handlers) h[item.event.kind]?.(item);

  const lines = text.split('\n');
  const sups = suppressions(lines, lang);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const weak = lang === 'javascript' || lang === 'typescript';
  const ev = (role: Evidence['role'], t: TraceItem): Evidence => ({ role, file, line: t.event.line, column: t.event.column, text: t.event.text });
  for (const { rule, r } of raw) {
    const id = rule.meta.id;
    const k = `${id}:${r.load.event.line}:${r.change.event.line}:${r.change.event.column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const hit = sups.find(
      (s) =>
        (s.ids === null || s.ids.includes(id)) &&
        (s.file || [r.change.event.line, r.load.event.line].some((l) => l === s.line || l === s.line + 1)),
    );
    if (hit) {
      hit.used = true;
      continue;
    }
    const changeRole = r.change.event.kind === 'overwrite' ? 'replace' : 'delete';
    const fp = fingerprint(id, file, r.load.event.text, r.change.event.text);
    findings.push({
      kind: 'static',
      ruleId: id,
      cause: r.cause,
      // JS: child_process forks only when node itself is a Cygwin program (native node.exe uses CreateProcess).
      severity: (opts.ruleSeverity?.[id] as Severity | undefined) ?? (weak ? 'warning' : rule.meta.defaultSeverity),
      file,
      line: r.change.event.line,
      column: r.change.event.column,
      message: weak ? `${describe(r)} (Only when node runs as a Cygwin program: a native node.exe spawns without fork.)` : describe(r),
      evidence: [ev('load', r.load), ev(changeRole, r.change), ev('spawn', r.spawn)],
      language: lang,
      ...(r.load.event.path ? { dll: dllOf(r.load)! } : {}),
      properties: {
        loadCall: r.load.event.call,
        ...(r.load.event.path ? { pathExpr: r.load.event.path } : {}),
        [changeRole === 'replace' ? 'replaceCall' : 'deleteCall']: r.change.event.call,
        spawnCall: r.spawn.event.call,
        ...(r.spawn.repeat ? { spawnRepeat: r.spawn.via ? `call:${r.spawn.via}` : r.spawn.repeat } : {}),
        ...(r.change.event.fn ? { deleteIn: r.change.event.fn } : {}),
        ...(r.spawn.event.fn ? { spawnIn: r.spawn.event.fn } : {}),
        fingerprint: fp,
      },
    });
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const s of sups) {
    const unknown = (s.ids ?? []).filter((i) => !known.has(i));
    if (unknown.length) diagnostics.push({ level: 'info', file, message: `line ${s.line}: suppression names unknown rule ${unknown.join(', ')}` });
    else if (!s.used) diagnostics.push({ level: 'info', file, message: `line ${s.line}: unused suppression (nothing to suppress here)` });
  }
  return { findings, diagnostics };
}
