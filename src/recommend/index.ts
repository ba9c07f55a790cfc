import type { Evidence, Finding, Recommendation, RecommendationOption } from '../model/finding.js';
import { atLeast, formatVersion, parseVersion, type CygwinVersion } from '../cygwin/version.js';
import { CATALOG, EXT_LANGUAGE, SNIPPET_LANGUAGES, type OptionSpec, type SnippetLanguage } from './catalog.js';

export { CATALOG } from './catalog.js';

export interface RecommendContext {
  /** The installed / detected Cygwin release (e.g. `3.5.4`); the finding's own `cygwinVersion` wins. */
  cygwinVersion?: string;
}

/** `docs/rules/<id>.md` with `/` mapped to `-`; predicted ids share the runtime cause page. */
export function docsPageFor(ruleId: string): string {
  const id = ruleId.startsWith('predicted/') ? `runtime/${ruleId.slice('predicted/'.length)}` : ruleId;
  return `docs/rules/${id.replace(/\//g, '-')}.md`;
}

/** The source language of a file, from the finding (when it is the finding's file) or the extension. */
export function languageOf(file: string, f?: Finding): SnippetLanguage | undefined {
  if (f?.language && f.file === file && (SNIPPET_LANGUAGES as readonly string[]).includes(f.language)) {
    return f.language as SnippetLanguage;
  }
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (/^(GNU)?makefile$/i.test(base)) return 'make';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  return EXT_LANGUAGE[base.slice(dot + 1).toLowerCase()];
}

const DELETE_CALL =
  /(?:delete-file|os\.remove|os\.unlink|shutil\.rmtree|unlink|remove|File\.delete|FileUtils\.rm(?:_f)?|fs\.(?:unlinkSync|rmSync|unlink|rm)|file\s+delete|os\.remove)\s*\(?\s*(?:-force\s+)?([^()\s,;]+)/;
const RM_CMD = /\brm\s+(?:-[a-zA-Z]+\s+)*("[^"]+"|'[^']+'|[^\s;&|]+)/;
const DEFAULT_PATH_EXPR: Partial<Record<SnippetLanguage, string>> = {
  scheme: 'lib-file',
  shell: '"$lib"',
  make: '$(TEST_LIBS)',
  perl: '$lib',
  c: 'path',
  cpp: 'path',
  python: 'path',
  ruby: 'path',
  javascript: 'libPath',
  typescript: 'libPath',
  lua: 'lib_path',
  tcl: '$libFile',
  java: 'libPath',
};

/** The expression naming the library in the delete line, e.g. `lib-file` in `(delete-file lib-file)`. */
export function pathExpression(text: string | undefined, lang: SnippetLanguage | undefined): string {
  if (text) {
    const m = DELETE_CALL.exec(text) ?? RM_CMD.exec(text);
    if (m?.[1]) return m[1].replace(/[)\]]+$/, '');
  }
  return (lang && DEFAULT_PATH_EXPR[lang]) ?? 'path';
}

function isSourceEvidence(e: Evidence, f: Finding): boolean {
  return languageOf(e.file, f) !== undefined;
}

function placeLabel(e: Evidence): string {
  return `${e.file}:${e.line}${e.text ? ` \`${e.text.trim()}\`` : ''}`;
}

/** The lines to change: where the DLL is deleted or replaced (source lines first), else where it is loaded. */
function linesToChange(f: Finding): Evidence[] {
  const roles = f.cause === 'replaced-dll' ? ['replace', 'delete'] : ['delete', 'replace'];
  const hits = f.evidence.filter((e) => roles.includes(e.role));
  const source = hits.filter((e) => isSourceEvidence(e, f));
  if (source.length) return source;
  if (hits.length) return hits;
  if (f.kind === 'static' && (f.cause === 'deleted-dll' || f.cause === 'replaced-dll')) {
    return [{ role: f.cause === 'deleted-dll' ? 'delete' : 'replace', file: f.file, line: f.line }];
  }
  return [];
}

type Applicability = { apply: false; reason: string } | { apply: true; because: string };

function evaluate(
  spec: OptionSpec,
  version: CygwinVersion | undefined,
  lang: SnippetLanguage | undefined,
  f: Finding,
): Applicability {
  const w = spec.when;
  let because = spec.because;
  if (w?.kinds && !w.kinds.includes(f.kind)) return { apply: false, reason: `not for ${f.kind} findings` };
  if (w?.languages && lang && !w.languages.includes(lang)) {
    return { apply: false, reason: `no non-forking way to start a process is known for ${lang}` };
  }
  if (w?.minCygwin) {
    if (version) {
      if (!atLeast(version, w.minCygwin)) {
        return { apply: false, reason: spec.skippedBecause ?? `needs Cygwin ${w.minCygwin} or newer` };
      }
    } else {
      const mode = w.ifVersionUnknown ?? 'apply-with-note';
      if (mode === 'skip') return { apply: false, reason: 'the Cygwin version is not known' };
      if (mode === 'apply-with-note' && spec.becauseUnknown) because = spec.becauseUnknown;
    }
  }
  return { apply: true, because };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => vars[k] ?? all);
}

/**
 * The recommendation for one finding: the catalog's options for its cause that apply to the Cygwin version (the
 * finding's, else `ctx.cygwinVersion`) and the language of the file to change, most preferred first. Each option
 * names the lines to change; the first one that has a snippet for the language carries a `change`.
 */
/**
 * The statement itself, without the closers of the enclosing forms that share its line: Scheme's
 * `(delete-file lib-file)))))` is shown as `(delete-file lib-file)`.
 */
export function ownStatement(text: string, lang: string | undefined): string {
  if (lang !== 'scheme') return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return text.slice(0, i + 1);
  }
  return text;
}

export function recommend(f: Finding, ctx: RecommendContext = {}): Recommendation {
  const versionText = f.cygwinVersion ?? ctx.cygwinVersion;
  const version = versionText ? parseVersion(versionText) : undefined;
  const targets = linesToChange(f);
  const target = targets[0];
  const lang = target ? languageOf(target.file, f) : f.kind === 'static' ? languageOf(f.file, f) : undefined;
  const lines = targets.length ? targets.slice(0, 3).map(placeLabel).join(', ') : 'the code that removes the library';
  const vars = { version: version ? formatVersion(version) : 'this version', lines };

  const options: RecommendationOption[] = [];
  for (const spec of CATALOG[f.cause]) {
    const a = evaluate(spec, version, lang, f);
    if (!a.apply) continue;
    const opt: RecommendationOption = { id: spec.id, title: spec.title, because: fill(a.because, vars), detail: spec.detail };
    const snippet = lang ? spec.snippets?.[lang] : undefined;
    if (snippet && target && languageOf(target.file, f)) {
      const expr = pathExpression(target.text, lang);
      const change: NonNullable<RecommendationOption['change']> = {
        file: target.file,
        line: target.line,
        language: lang,
        after: snippet.replace(/\{path\}/g, expr),
      };
      if (target.text) change.before = ownStatement(target.text.trim(), lang);
      opt.change = change;
    }
    options.push(opt);
  }
  const first = options[0];
  return {
    summary: first ? first.title : 'Collect an strace log of the failing run',
    options,
    docs: docsPageFor(f.ruleId),
  };
}

/** Fill `recommendation` of the findings that lack one; findings that have one are returned as they are. */
export function withRecommendations(findings: readonly Finding[], ctx: RecommendContext = {}): Finding[] {
  return findings.map((f) => (f.recommendation ? f : { ...f, recommendation: recommend(f, ctx) }));
}
