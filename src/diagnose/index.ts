/**
 * `analyzeLogs`: console output and/or Cygwin strace logs in, one runtime finding per failed fork out, with its
 * cause, confidence, the evidence that decided it and the story (timeline) that led to it. Pure and streaming:
 * constant memory in the size of the logs (bounded tables), no I/O but the streams it is given.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/document.js';
import type { Evidence, Finding } from '../model/finding.js';
import { dllBasename, toModelPath } from '../model/finding.js';
import { libraryKey } from '../model/join.js';
import { guessRoot, isWindowsPath, normalizeWindowsPath, windowsToPosix } from '../cygwin/paths.js';
import { compareVersions, findVersionInLine, formatVersion, type CygwinVersion } from '../cygwin/version.js';
import { cleanLine, splitFile, splitStream, type LineFilter, type NeedleSpec, type RawLineHandler, type SplitStats } from '../trace/read.js';
import { parseStraceLine } from '../trace/strace.js';
import { classify, type ClassifyContext, type PathHistory } from './classify.js';
import { Detector, type Detection } from './detect.js';
import { fastAt, type FastLine, type QuietLine } from './quiet.js';
import { samePath, TimelineBuilder, type Timeline, type TimelineEvent } from './timeline.js';

export type { Timeline, TimelineEvent, TimelineProcess } from './timeline.js';
export type { Detection } from './detect.js';

export interface LogInput {
  /** The path as the user gave it (`-` for stdin). */
  path: string;
  stream: NodeJS.ReadableStream;
  /** A regular file's absolute path: then it is read synchronously in big chunks (faster) and `stream` is not used. */
  file?: string;
}

export interface AnalyzeOptions {
  /** Windows folder of the Cygwin root, for Windows → POSIX DLL paths (default: guessed from the log, else C:\cygwin64). */
  cygwinRoot?: string;
  /** Working directory for making log paths relative (default process.cwd()). */
  cwd?: string;
  onProgress?: (bytes: number) => void;
  /** false: every hit line takes the full path, quiet lines too (quiet.ts; for comparisons, the result is the same). */
  quietLines?: boolean;
}

export interface AnalyzeResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  cygwinVersion?: string;
  timelines: Timeline[];
  stats: { lines: number; unparsed: number; bytes: number };
}

// A raw line must contain one of these before it is cleaned and parsed: every fork message, strace event/banner/
// unlink/rename line, version line and library path holds one. The splitter finds the lines holding one "grep
// style" (docs/analyze.md, Performance); lines without a hit are only counted. `fingerprint` and `bucket` are for the
// WebAssembly scanner (src/trace/scanner.ts): 3 characters of the needle that are rare together, needles with alike
// fingerprints in one of 8 buckets (picked by a search that minimised the false candidates on generated and real
// strace logs: about 1.3 per hit line). `search` is the short, rare part the indexOf passes look for when the
// scanner cannot be used (a chunk over 4 MB).
export const NEEDLE_LITERALS: readonly NeedleSpec[] = [
  { text: 'fork', fingerprint: 'ork', bucket: 4 },
  { text: 'frok', fingerprint: 'rok', bucket: 0 },
  { text: 'child_', fingerprint: 'ld_', bucket: 1 },
  { text: 'sync_with', search: 'ync_wi', fingerprint: 'c_w', bucket: 3 },
  { text: '--- Process', search: 'Proces', fingerprint: 'Pro', bucket: 5 },
  { text: 'Program name', search: 'gram ', fingerprint: 'Pro', bucket: 5 },
  { text: 'DLL version', search: 'LL ve', fingerprint: 'L v', bucket: 1 },
  { text: 'unlink', search: 'unli', fingerprint: 'unl', bucket: 0 },
  { text: 'rename', fingerprint: 'ena', bucket: 0 },
  { text: 'mismatch detected', search: 'tch d', fingerprint: 'sma', bucket: 3 },
  { text: 'unable to remap', search: 'to rem', fingerprint: 'una', bucket: 0 },
  { text: 'wait failed', search: 'wait f', fingerprint: 't f', bucket: 2 },
  { text: 'subproc_ready', search: 'ubpro', fingerprint: 'pro', bucket: 5 },
  { text: 'temporarily unavailable', search: 'y una', fingerprint: 'una', bucket: 0 },
  { text: 'Cannot allocate', search: 'Cannot', fingerprint: 'Can', bucket: 6 },
  { text: 'Loaded different', search: 'Loaded', fingerprint: 'ded', bucket: 4 },
  { text: 'loaded: ', search: 'ded: ', fingerprint: 'ded', bucket: 4 },
  { text: '_NT-', search: 'NT-', fingerprint: '_NT', bucket: 5 },
  { text: 'x86_64', fingerprint: 'x86', bucket: 2 },
  { text: 'cygwin-', search: 'win-', fingerprint: 'cyg', bucket: 4 },
  { text: 'cygwin  ', search: 'win  ', fingerprint: 'cyg', bucket: 4 },
  { text: 'msys2-runtime', search: 'ys2-ru', fingerprint: 'ys2', bucket: 5 },
  { text: '.dll', fingerprint: '.dl', bucket: 6 },
  { text: '.so', wordEnd: true, fingerprint: '.so', bucket: 7 },
];
/** The same needles as one regex (a line cut at the length cap, or seen while the detector was busy, is checked with it). */
export const NEEDLES = new RegExp(
  NEEDLE_LITERALS.map((l) => (typeof l === 'string' ? escapeRe(l) : `${escapeRe(l.text)}${l.wordEnd ? '\\b' : ''}`)).join('|'),
);
const NEEDLES_G = new RegExp(NEEDLES.source, 'g');
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const VERSIONISH = /DLL version|_NT-|x86_64|cygwin-|cygwin {2}/;
const STRACEISH = /^\s*(?:[0-9a-f]{12}\s+)?-?\d+\s+(?:\d+\s+)?\[/;
const UPGRADE =
  /(?:Install(?:ing)?|Upgrad(?:e|ing)|Extracting|Unpacking|Downloading)\b.*\bcygwin-\d+\.\d+\.\d+|upgrading msys2-runtime|installing msys2-runtime|\bmsys2-runtime\b.*->|setup-x86_64\.exe\b.*\bcygwin\b/i;
const LIBFILE = /(?:^|[\s'"=])((?:[A-Za-z]:)?[^\s'"=]*\.(?:dll|so|oct|pyd|node))(?=$|[\s'",;)])/gi;
const SYMPTOM_WINDOW = 40;
const JOIN_WINDOW_CONSOLE = 30;
const JOIN_WINDOW_STRACE = 2000;

interface ContextEvent {
  type: 'delete' | 'write';
  line: number;
  path: string;
  text: string;
}

interface Failure {
  detections: Detection[];
  /** strace events just before the failure (fork, child start), and after it within the join window. */
  before: TimelineEvent[];
  after: TimelineEvent[];
  stop?: () => void;
  /** Per DLL basename: the file events (load/delete/rename/write) the log showed before the failure. */
  files: Map<string, TimelineEvent[]>;
  context: Map<string, ContextEvent[]>;
  symptoms: { line: number; text: string }[];
  lastLine: number;
  hasParent: boolean;
  hasChild: boolean;
  version?: CygwinVersion;
}

const CHILD_KINDS = /^(?:abort-|fatal-|copy-failed|mismatch|old-(?:reserve|remap))/;

/** One log being read. */
class LogAnalysis {
  readonly detector = new Detector();
  readonly timeline: TimelineBuilder;
  readonly failures: Failure[] = [];
  readonly orphanSymptoms: { line: number; text: string }[] = [];
  /** Console file events per DLL basename (the last 16 of each), bounded. */
  readonly context = new Map<string, ContextEvent[]>();
  private contextKeys = 0;
  readonly winPaths: string[] = [];
  versions: CygwinVersion[] = [];
  lastVersion: CygwinVersion | undefined;
  upgraded = false;
  msys = false;
  straceLines = 0;
  unparsed = 0;
  cygwinLines = 0;
  binary = false;
  stats: SplitStats | undefined;

  constructor(
    readonly file: string,
    private readonly quiet = true,
  ) {
    this.timeline = new TimelineBuilder(file);
  }

  onRaw(raw: string, no: number, matched = false): void {
    if (!matched && !this.detector.busy && !NEEDLES.test(raw)) return;
    // A matched line was offered to consume() already (and was no quiet or plain line).
    if (this.quiet && !matched && !this.detector.busy) {
      const r = fastAt(raw, 0, raw.length, (a, b) => raw.slice(a, b));
      if (r) return this.fast(r, no);
    }
    const text = cleanLine(raw);
    this.line(text, no);
  }

  /** A hit line still in the reader's chunk: a quiet or plain line is dealt with there (see quiet.ts), without a copy. */
  consume(chunk: string, from: number, to: number, no: number, copy: (a: number, b: number) => string): boolean {
    if (!this.quiet || this.detector.busy) return false;
    const r = fastAt(chunk, from, to, copy);
    if (!r) return false;
    this.fast(r, no);
    return true;
  }

  /**
   * A quiet line only shows its process exists; a plain line is a timeline event and nothing else (no version,
   * upgrade or MSYS marker, no fork message: see quiet.ts), so it skips the clean, the regex parse and the detector.
   */
  private fast(r: FastLine, no: number): void {
    if ('quiet' in r) return this.quietLine(r.quiet, no);
    this.straceLines++;
    this.cygwinLines++;
    this.timeline.add(r.plain, no, r.text);
  }

  /** A quiet line of a successful fork: only its process counts (the detector must see every line while busy). */
  private quietLine(q: QuietLine, no: number): void {
    this.straceLines++;
    this.cygwinLines++;
    this.timeline.touch(q.winpid, q.pid, q.program, no);
  }

  line(text: string, no: number): void {
    if (VERSIONISH.test(text)) {
      const v = findVersionInLine(text) ?? findVersionInLine(text.replace(/^.*?\[[^\]]+\] \S+ \(?\d+\)?!? /, ''));
      if (v) {
        this.cygwinLines++;
        if (this.lastVersion && compareVersions(v, this.lastVersion) !== 0) this.upgraded = true;
        this.lastVersion = v;
        if (this.versions.length < 8) this.versions.push(v);
      }
    }
    if (!this.msys && /msys|MSYS|MINGW|\\Git\\/.test(text) && /msys-2\.0\.dll|MSYS_NT-|MINGW(?:32|64)_NT-|\\msys64\\|\\Git\\usr\\bin\\/i.test(text)) this.msys = true;
    if (!this.upgraded && /cygwin|msys2-runtime/i.test(text) && UPGRADE.test(text)) this.upgraded = true;
    const s = parseStraceLine(text);
    if (s) {
      // Console copies of Cygwin messages share the strace prefix; only strace has delta+total, -t, events, masks.
      if (s.kind === 'event' || s.delta !== undefined || s.time !== undefined || s.mask !== undefined) this.straceLines++;
      this.cygwinLines++;
      this.timeline.add(s, no, text.trim());
    } else if (STRACEISH.test(text)) {
      this.unparsed++;
    } else {
      this.consoleContext(text, no);
    }
    for (const d of this.detector.push(text, no)) this.detection(d);
  }

  private consoleContext(text: string, no: number): void {
    if (!/\.(?:dll|so|oct|pyd|node)\b/i.test(text)) return;
    let type: ContextEvent['type'] | undefined;
    if (/(?:^|[\s;&|])rm\s|removed '|\bdelete-file\b|\bDeleting\b/.test(text)) type = 'delete';
    else if (/\s-o\s|(?:^|[\s;&|])(?:cp|mv|install)\s/.test(text)) type = 'write';
    if (!type) return;
    const isOut = /\s-o\s+(\S+)/.exec(text);
    const targets = type === 'write' && isOut ? [isOut[1]!] : [...text.matchAll(LIBFILE)].map((m) => m[1]!);
    const libs = targets.filter((t) => /\.(?:dll|so|oct|pyd|node)$/i.test(t));
    // For cp/mv/install the target is the last file.
    const picked = type === 'write' && !isOut ? libs.slice(-1) : libs;
    for (const raw of picked) {
      const p = raw.replace(/^'|'$/g, '');
      const key = dllBasename(p);
      let list = this.context.get(key);
      if (!list) {
        if (this.contextKeys >= 50_000) continue;
        this.contextKeys++;
        list = [];
        this.context.set(key, list);
      }
      list.push({ type, line: no, path: p, text: text.trim() });
      if (list.length > 16) list.shift();
    }
  }

  detection(d: Detection): void {
    this.cygwinLines++;
    if (d.dll && isWindowsPath(d.dll) && this.winPaths.length < 64) this.winPaths.push(d.dll);
    if (d.kind === 'symptom') {
      const f = this.failures[this.failures.length - 1];
      if (f && d.line - f.lastLine <= SYMPTOM_WINDOW) {
        f.symptoms.push({ line: d.line, text: d.text });
        f.lastLine = d.line;
      } else if (this.orphanSymptoms.length < 1000) {
        this.orphanSymptoms.push({ line: d.line, text: d.text });
      }
      return;
    }
    const child = CHILD_KINDS.test(d.kind);
    const open = this.failures[this.failures.length - 1];
    const window = this.straceLines > 0 ? JOIN_WINDOW_STRACE : JOIN_WINDOW_CONSOLE;
    if (open && d.line - open.lastLine <= window && this.joins(open, d, child)) {
      open.detections.push(d);
      open.lastLine = d.endLine;
      if (child) open.hasChild = true;
      else open.hasParent = true;
      this.snapshotFiles(open, d);
      return;
    }
    if (this.failures.length >= 10_000) return;
    const f: Failure = {
      detections: [d],
      symptoms: [],
      lastLine: d.endLine,
      hasParent: !child,
      hasChild: child,
      before: this.timeline.recentForks(),
      after: [],
      files: new Map(),
      context: new Map(),
    };
    if (this.lastVersion) f.version = this.lastVersion;
    this.snapshotFiles(f, d);
    const stop = this.timeline.listen((e) => {
      if (e.line - f.lastLine > JOIN_WINDOW_STRACE || f.after.length >= 256) stop();
      else f.after.push(e);
    });
    f.stop = stop;
    this.failures.push(f);
  }

  /** Keep what the log showed about this DLL so far (bounded copies), for the cause and the evidence. */
  private snapshotFiles(f: Failure, d: Detection): void {
    if (!d.dll) return;
    const key = dllBasename(d.dll);
    if (!f.files.has(key)) f.files.set(key, this.timeline.fileEvents(d.dll));
    if (!f.context.has(key)) f.context.set(key, [...(this.context.get(key) ?? [])]);
  }

  /** Does detection d belong to the failure still open? */
  private joins(f: Failure, d: Detection, child: boolean): boolean {
    // A fork child runs under its parent's program name: different names are different forks.
    const named = f.detections.find((x) => x.program);
    if (named && d.program && named.program !== d.program) return false;
    if (child) {
      // A child-side message after the parent already reported is a new fork; two child messages of the same
      // child (mmap fixup lines before recreate_mmaps_after_fork_failed, heap retry) are one failure.
      if (f.hasParent) return false;
      const first = f.detections[0]!;
      if (first.kind === 'copy-failed' && d.kind !== 'copy-failed') return false;
      return sameProcess(first, d) && (d.kind.startsWith('fatal-') || d.kind === 'copy-failed') && f.detections.every((x) => !x.kind.startsWith('abort-'));
    }
    if (f.hasParent && d.kind !== 'parent-fork-failed') return false;
    if (f.hasParent && f.detections.some((x) => x.kind === 'parent-fork-failed')) return false;
    const childIds = f.detections.filter((x) => CHILD_KINDS.test(x.kind));
    if (d.childWinpid !== undefined) {
      for (const c of childIds) {
        const w = c.winpid ?? this.timeline.find({ ...(c.pid !== undefined ? { pid: c.pid } : {}) })?.winpid;
        if (w !== undefined && w !== d.childWinpid && c.pid !== d.childWinpid) return false;
      }
    }
    return true;
  }

  root(explicit: string | undefined): string | undefined {
    return explicit ?? guessRoot([...this.timeline.windowsPaths, ...this.winPaths]);
  }
}

function sameProcess(a: Detection, b: Detection): boolean {
  if (a.pid !== undefined && b.pid !== undefined) return a.pid === b.pid;
  if (a.winpid !== undefined && b.winpid !== undefined) return a.winpid === b.winpid;
  return true;
}

function relLog(p: string, cwd: string): string {
  if (p === '-') return '<stdin>';
  const abs = path.resolve(cwd, p);
  const rel = path.relative(cwd, abs);
  return toModelPath(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p);
}

const BINARY = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g; // eslint-disable-line no-control-regex

/** Analyze logs; see docs/analyze.md. Never throws for bad content; stream errors become error diagnostics. */
export async function analyzeLogs(inputs: readonly LogInput[], opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const cwd = opts.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const analyses: LogAnalysis[] = [];
  const total = { lines: 0, unparsed: 0, bytes: 0 };
  let bytesBefore = 0;
  for (const input of inputs) {
    const file = relLog(input.path, cwd);
    const a = new LogAnalysis(file, opts.quietLines !== false);
    try {
      const onLine: RawLineHandler = (raw, no, _cut, matched) => a.onRaw(raw, no, matched);
      const filter: LineFilter = { needles: NEEDLES_G, literals: NEEDLE_LITERALS, wantAll: () => a.detector.busy, consume: (c, from, to, no, copy) => a.consume(c, from, to, no, copy) };
      const read = {
        filter,
        firstChunk: (s: string) => {
          const sample = s.slice(0, 8192);
          const ctl = sample.match(BINARY)?.length ?? 0;
          if (sample.includes('\0') || ctl > sample.length / 50) a.binary = true;
          // strace lines that carry none of the needles are skipped unparsed, but they still make this a Cygwin log.
          else if (/^\s*-?\d+\s+\d+\s+\[[^\]\s]+\] \S+ \(?\d+\)?!? /m.test(sample)) a.cygwinLines++;
        },
        ...(opts.onProgress ? { onProgress: (b: number) => opts.onProgress!(bytesBefore + b) } : {}),
      };
      // A file is read synchronously (UTF-16 files excepted: splitFile gives up on them before reading past the BOM).
      const stats = input.file !== undefined ? splitFile(input.file, onLine, read) : undefined;
      a.stats = stats ?? (await splitStream(input.stream, onLine, read));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      diagnostics.push({ level: 'error', file, message: `cannot read: ${describeError(err)}` });
      analyses.push(a);
      continue;
    }
    const cutInMessage = a.detector.busy;
    for (const d of a.detector.end()) a.detection(d);
    analyses.push(a);
    const st = a.stats;
    bytesBefore += st.bytes;
    total.lines += st.lines;
    total.bytes += st.bytes;
    total.unparsed += a.unparsed;
    if (st.bytes === 0) diagnostics.push({ level: 'warning', file, message: 'empty file: no Cygwin log lines found' });
    else if (a.binary && a.cygwinLines === 0) diagnostics.push({ level: 'error', file, message: 'binary data, not a text log: no Cygwin log lines found' });
    else if (a.cygwinLines === 0 && a.orphanSymptoms.length === 0) diagnostics.push({ level: 'info', file, message: `no Cygwin log lines found (${st.lines} lines read)` });
    if (st.longLines > 0) diagnostics.push({ level: 'warning', file, message: `${st.longLines} line(s) longer than 64 KiB were cut to their first 64 KiB` });
    if (st.unterminated && cutInMessage) diagnostics.push({ level: 'warning', file, message: 'the log ends in the middle of a message (truncated log)' });
    if (a.unparsed > 0 && a.straceLines > 0) diagnostics.push({ level: 'info', file, message: `${a.unparsed} strace-like line(s) could not be parsed and were skipped` });
  }
  return finish(analyses, diagnostics, total, opts);
}

function describeError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a log file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return e.code ?? e.message;
  }
}

function finish(analyses: LogAnalysis[], diagnostics: Diagnostic[], stats: AnalyzeResult['stats'], opts: AnalyzeOptions): AnalyzeResult {
  let globalVersion: CygwinVersion | undefined;
  for (const a of analyses) globalVersion ??= a.versions[0];
  const findings: Finding[] = [];
  for (const a of analyses) {
    const root = a.root(opts.cygwinRoot);
    const mine = a.failures.map((f) => ({ f, finding: toFinding(a, f, root, f.version ?? a.versions[0] ?? globalVersion) }));
    findings.push(...mergeAttempts(mine));
    if (a.orphanSymptoms.length > 0 && a.failures.length === 0) findings.push(symptomFinding(a, a.versions[0] ?? globalVersion));
  }
  const out = dedupe(findings);
  const result: AnalyzeResult = { findings: out, diagnostics, timelines: analyses.filter((a) => a.straceLines > 0).map((a) => a.timeline.build()), stats };
  if (globalVersion) result.cygwinVersion = formatVersion(globalVersion);
  return result;
}

/** The detection that decides the cause: the child's own message beats the parent's summary. */
function decisive(f: Failure): Detection {
  const order = (d: Detection): number =>
    d.kind.startsWith('abort-') ? 0 : d.kind.startsWith('fatal-') && d.kind !== 'fatal-other' ? 1 : d.kind === 'mismatch' || d.kind.startsWith('old-') ? 1 : d.kind === 'copy-failed' ? 2 : d.kind === 'fatal-other' ? 3 : d.kind === 'parent-fork-failed' ? 6 : 4;
  return [...f.detections].sort((x, y) => order(x) - order(y) || x.line - y.line)[0]!;
}

function toPosix(p: string, root: string | undefined, msys: boolean): string {
  if (!isWindowsPath(p)) return p;
  // MSYS2 and Git for Windows: the root is the folder above `usr\bin` (C:\msys64, C:\Program Files\Git).
  if (msys && !root) root = /^(?:\\\?\?\\)?([A-Za-z]:\\.*?)\\usr\\(?:bin|lib)\\/i.exec(p)?.[1];
  return windowsToPosix(p, { ...(root ? { root } : msys ? { root: 'C:\\msys64' } : {}), ...(msys ? { driveStyle: 'msys' as const } : {}) });
}

function historyOf(a: LogAnalysis, f: Failure, dllWin: string | undefined, dllPosix: string | undefined, before: number): { history: PathHistory; evidence: Evidence[] } {
  const history: PathHistory = {};
  const evidence: Evidence[] = [];
  if (!dllWin && !dllPosix) return { history, evidence };
  const match = (p: string): boolean => Boolean((dllWin && samePath(p, dllWin)) || (dllPosix && samePath(p, dllPosix)) || (dllWin && samePath(p, dllPosix ?? dllWin)));
  type Ev = { type: 'load' | 'delete' | 'rename' | 'write' | 'rename-onto'; line: number; text: string; pid?: number; winpid?: number };
  const evs: Ev[] = [];
  const key = dllBasename(dllWin ?? dllPosix!);
  for (const e of f.files.get(key) ?? []) {
    if (e.line >= before) break;
    const ids = { ...(e.pid !== undefined ? { pid: e.pid } : {}), ...(e.winpid !== undefined ? { winpid: e.winpid } : {}) };
    if (e.type === 'load' && e.path && match(e.path)) evs.push({ type: 'load', line: e.line, text: e.text, ...ids });
    else if (e.type === 'delete' && e.path && match(e.path)) evs.push({ type: 'delete', line: e.line, text: e.text, ...ids });
    else if (e.type === 'write' && e.path && match(e.path)) evs.push({ type: 'write', line: e.line, text: e.text, ...ids });
    else if (e.type === 'rename') {
      if (e.to && match(e.to)) evs.push({ type: 'rename-onto', line: e.line, text: e.text, ...ids });
      else if (e.path && match(e.path)) evs.push({ type: 'rename', line: e.line, text: e.text, ...ids });
    }
  }
  for (const c of f.context.get(key) ?? []) {
    if (c.line >= before) break;
    if (match(c.path)) evs.push({ type: c.type, line: c.line, text: c.text });
  }
  evs.sort((x, y) => x.line - y.line);
  const lastLoad = [...evs].reverse().find((e) => e.type === 'load');
  if (lastLoad) history.loadLine = lastLoad.line;
  // Without a load in the log, the first write is the build of the DLL, not a replacement.
  const firstWrite = lastLoad ? undefined : evs.find((e) => e.type === 'write');
  const after = evs.filter((e) => e.type !== 'load' && e !== firstWrite && (!lastLoad || e.line > lastLoad.line));
  const change = after[after.length - 1];
  if (change && change.type !== 'load') history.change = { type: change.type, line: change.line };
  // Evidence: the loads and every change, bounded.
  for (const e of evs.slice(-12)) {
    // A write before the (last) load is the DLL being built: context, not a replacement.
    const built = e.type === 'write' && ((lastLoad !== undefined && e.line < lastLoad.line) || e === firstWrite);
    const role = e.type === 'load' ? 'load' : e.type === 'delete' || e.type === 'rename' ? 'delete' : built ? 'context' : 'replace';
    evidence.push({ role, file: a.file, line: e.line, text: e.text, ...(e.pid !== undefined ? { pid: e.pid } : {}), ...(e.winpid !== undefined ? { winpid: e.winpid } : {}) });
  }
  return { history, evidence };
}

/** A DLL path as people read it: without the NT namespace prefix (`\??\C:\x.dll` becomes `C:\x.dll`). */
const shown = (p: string | undefined): string | undefined => (p && isWindowsPath(p) ? normalizeWindowsPath(p) : p);

const KIND_TEXT: Record<string, (d: Detection) => string> = {
  'abort-map': (d) => `the child could not map ${shown(d.dll)}${d.win32Error !== undefined ? ` (Win32 error ${d.win32Error})` : ''}`,
  'abort-interim': (d) => `the child could not create an interim mapping for ${shown(d.dll)}${d.win32Error !== undefined ? ` (Win32 error ${d.win32Error})` : ''}`,
  'abort-different-dll': (d) => `the child loaded a different DLL with the same basename (${shown(d.dll) ?? '?'})`,
  'abort-different-address': (d) => `${shown(d.dll)} loaded at a different address in the child`,
  'abort-occupied': (d) => `the address space needed by ${shown(d.dll)} is already occupied in the child`,
  'abort-remap': (d) => `${shown(d.dll)} could not be remapped to the parent’s address`,
  'abort-map-address': (d) => `${shown(d.dll)} mapped at a different address in the child`,
  'old-remap': (d) => `${shown(d.dll)} could not be remapped to the parent’s address`,
  'copy-failed': (d) => `copying ${d.region ?? 'memory'} between parent and child failed`,
  mismatch: (d) => `${d.what ?? 'runtime'} mismatch in the child`,
  'parent-died': (d) => `the child died before it synced (exit code ${d.exitCode})`,
  'parent-createprocess': () => 'Windows could not create the child process',
};

function toFinding(a: LogAnalysis, f: Failure, root: string | undefined, version: CygwinVersion | undefined): Finding {
  const d = decisive(f);
  let dllWin = d.dll;
  // `address space needed by '%W'` names the module basename only: the strace load line has the full path.
  if (dllWin && !/[\\/]/.test(dllWin)) {
    const base = dllBasename(dllWin);
    const load = (f.files.get(base) ?? []).find((e) => e.type === 'load' && e.line < d.line && e.path && dllBasename(e.path) === base);
    if (load?.path) dllWin = load.path;
  }
  const dllPosix = dllWin ? toPosix(dllWin, root, a.msys) : undefined;
  const { history, evidence: hist } = historyOf(a, f, dllWin, dllPosix, d.line);
  const ctx: ClassifyContext = { history, runtimeUpgraded: a.upgraded };
  let cls = classify(d, ctx);
  // `exit code 0x100` / `died waiting for dll loading` with the child's fatal error joined: the fatal decides.
  const childIds = f.detections.find((x) => CHILD_KINDS.test(x.kind));
  const tl = a.timeline;
  const childProc = childIds ? tl.find({ ...(childIds.pid !== undefined ? { pid: childIds.pid } : {}), ...(childIds.winpid !== undefined ? { winpid: childIds.winpid } : {}) }) : undefined;
  const parentDet = f.detections.find((x) => x.kind.startsWith('parent-'));
  const childWinpid = childProc?.winpid ?? childIds?.winpid ?? f.detections.find((x) => x.childWinpid !== undefined)?.childWinpid;
  const parentPid = childProc?.parentPid ?? parentDet?.pid;
  const parentProc = parentPid !== undefined ? tl.find({ pid: parentPid }) : undefined;

  const evidence: Evidence[] = [...hist];
  const seen = new Set<number>();
  for (const x of f.detections) {
    if (seen.has(x.line)) continue;
    seen.add(x.line);
    const role = CHILD_KINDS.test(x.kind) ? 'abort' : 'fork-failure';
    evidence.push({ role, file: a.file, line: x.line, text: x.text, ...(x.pid !== undefined ? { pid: x.pid } : {}), ...(x.winpid !== undefined ? { winpid: x.winpid } : {}) });
  }
  // The strace story around the failure: the fork that started it, the child's start and exit, the parent's -1.
  if (tl.size > 0) addForkStory(a, f, evidence, seen, d.line, f.lastLine, childProc?.winpid ?? childWinpid, childProc?.pid ?? childIds?.pid, parentPid);
  for (const s of f.symptoms.slice(0, 5)) evidence.push({ role: 'context', file: a.file, line: s.line, text: s.text });
  evidence.sort((x, y) => x.line - y.line);

  const exitStatus = (childProc?.exitStatus ?? tl.find({ winpid: childWinpid ?? childIds?.pid ?? -1 })?.exitStatus) ?? f.detections.find((x) => x.exitCode)?.exitCode;
  const properties: Record<string, string | number | boolean> = { messageKind: d.kind, runtime: a.msys ? 'msys' : 'cygwin' };
  if (d.win32Error !== undefined) properties.win32Error = d.win32Error;
  if (exitStatus) properties.exitStatus = exitStatus;
  if (parentPid !== undefined) properties.parentPid = parentPid;
  if (parentProc?.winpid !== undefined) properties.parentWinpid = parentProc.winpid;
  const cpid = childProc?.pid ?? childIds?.pid;
  if (cpid !== undefined) properties.childPid = cpid;
  if (childWinpid !== undefined) properties.childWinpid = childWinpid;
  const prog = childIds?.program ?? parentDet?.program ?? d.program;
  if (prog) properties.program = prog;
  if (d.using && d.using !== d.dll) properties.usingDll = d.using;
  if (d.address) properties.address = d.address;
  if (d.exitCode && d.kind === 'parent-died') properties.parentExitCode = d.exitCode;
  if (d.incomplete) {
    properties.incomplete = true;
    cls = { ...cls, confidence: Math.min(cls.confidence, 0.5) };
  }
  if (f.symptoms.length) properties.symptoms = f.symptoms.length;
  if (history.change) properties.dllChange = `${history.change.type}@${history.change.line}`;
  if (a.upgraded) properties.runtimeUpgraded = true;

  const what = (KIND_TEXT[d.kind] ?? ((x: Detection) => x.text.replace(/^.*?\] \S+ \(?\d+\)?!? /, '')))(d);
  const finding: Finding = {
    kind: 'runtime',
    ruleId: `runtime/${cls.cause}`,
    cause: cls.cause,
    severity: 'error',
    file: a.file,
    line: d.line,
    message: `fork() failed${prog ? ` in ${prog}` : ''}: ${what}; ${cls.because}`,
    evidence,
    confidence: Math.round(cls.confidence * 100) / 100,
    properties,
  };
  if (d.endLine !== d.line) finding.endLine = d.endLine;
  if (version) finding.cygwinVersion = formatVersion(version);
  if (dllPosix) finding.dll = dllPosix;
  return finding;
}

function addForkStory(a: LogAnalysis, f: Failure, ev: Evidence[], seen: Set<number>, at: number, last: number, childWinpid: number | undefined, childPid: number | undefined, parentPid: number | undefined): void {
  const push = (e: TimelineEvent, role: Evidence['role']): void => {
    if (seen.has(e.line)) return;
    seen.add(e.line);
    ev.push({ role, file: a.file, line: e.line, text: e.text, ...(e.pid !== undefined ? { pid: e.pid } : {}), ...(e.winpid !== undefined ? { winpid: e.winpid } : {}) });
  };
  // Backwards from the failure: the parent's `dofork: entering` and the child's start.
  const events = [...f.before, ...f.after];
  for (let i = f.before.length - 1; i >= 0; i--) {
    const e = f.before[i]!;
    if (e.line >= at) continue;
    if (at - e.line > JOIN_WINDOW_STRACE * 5) break;
    if (e.type === 'child-running' && (e.pid === childPid || (childWinpid !== undefined && e.winpid === childWinpid))) push(e, 'fork');
    if (e.type === 'fork' && parentPid !== undefined && e.pid === parentPid) {
      push(e, 'fork');
      break;
    }
  }
  // Forwards: the child's exit, the parent's failed sync, `returning -1` / `-1 = fork()`.
  for (const e of events) {
    if (e.line <= at) continue;
    if (e.line - last > JOIN_WINDOW_STRACE) break;
    if (e.type === 'exit' && ((childWinpid !== undefined && e.winpid === childWinpid) || (childWinpid === undefined && e.winpid === childPid))) push(e, 'exit');
    else if (e.type === 'fork-failure' && parentPid !== undefined && e.pid === parentPid) push(e, 'fork-failure');
    else if (e.type === 'fork-result' && e.detail === '-1' && parentPid !== undefined && e.pid === parentPid) {
      push(e, 'fork-failure');
    } else if (e.type === 'fork' && parentPid !== undefined && e.pid === parentPid) {
      // The harness went on forking (a retry or the next test).
      push(e, 'context');
      break;
    }
  }
}

function symptomFinding(a: LogAnalysis, version: CygwinVersion | undefined): Finding {
  const first = a.orphanSymptoms[0]!;
  const f: Finding = {
    kind: 'runtime',
    ruleId: 'runtime/unknown',
    cause: 'unknown',
    severity: 'warning',
    file: a.file,
    line: first.line,
    message: `the application reports ${a.orphanSymptoms.length} failed fork(s) but the log has no Cygwin fork message; an strace log of the run would tell why`,
    evidence: a.orphanSymptoms.slice(0, 10).map((s) => ({ role: 'context' as const, file: a.file, line: s.line, text: s.text })),
    confidence: 0.15,
    properties: { messageKind: 'symptom', symptoms: a.orphanSymptoms.length, runtime: a.msys ? 'msys' : 'cygwin' },
  };
  if (version) f.cygwinVersion = formatVersion(version);
  return f;
}

/**
 * With /var/run/cygfork (forkables, Cygwin >= 3.0) one fork() call may run two children: a silent attempt and a
 * retry with hardlinks. Two failures of the same parent with no `returning -1` / `-1 = fork()` of that parent
 * between them are one failed fork() call: one finding (the last attempt decides), `properties.attempts` = 2.
 */
function mergeAttempts(list: { f: Failure; finding: Finding }[]): Finding[] {
  const out: Finding[] = [];
  let prevAfter: TimelineEvent[] = [];
  for (const { f: failure, finding: f } of list) {
    const events = prevAfter;
    prevAfter = failure.after;
    const prev = out[out.length - 1];
    const pp = f.properties?.parentPid;
    if (prev && pp !== undefined && prev.properties?.parentPid === pp && prev.properties?.childPid !== f.properties?.childPid) {
      const returned = events.some((e) => e.type === 'fork-result' && e.pid === pp && e.line > prev.line && e.line < f.line);
      const forkedAgain = events.some((e) => e.type === 'fork' && e.pid === pp && e.line > prev.line && e.line < f.line);
      if (!returned && forkedAgain) {
        const evidence = [...prev.evidence.filter((e) => !f.evidence.some((x) => x.file === e.file && x.line === e.line)), ...f.evidence].sort((x, y) => x.line - y.line);
        out[out.length - 1] = { ...f, evidence, properties: { ...f.properties, attempts: Number(prev.properties?.attempts ?? 1) + 1, firstAttemptLine: prev.line } };
        continue;
      }
    }
    out.push(f);
  }
  return out;
}

/** The same failure seen in a console log and in an strace log of the same run: keep one, merge the evidence. */
function dedupe(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const p = f.properties ?? {};
    const child = p.childPid ?? p.childWinpid;
    const key = child !== undefined ? `${f.dll ? libraryKey(f.dll) : ''}|${p.messageKind}|${child}` : undefined;
    const prev = key ? byKey.get(key) : undefined;
    if (!prev || prev.file === f.file) {
      if (key && !prev) byKey.set(key, f);
      out.push(f);
      continue;
    }
    const [keep, drop] = (f.evidence.length > prev.evidence.length ? [f, prev] : [prev, f]) as [Finding, Finding];
    const merged: Finding = {
      ...keep,
      evidence: [...keep.evidence, ...drop.evidence.filter((e) => !keep.evidence.some((k) => k.file === e.file && k.line === e.line))],
      confidence: Math.max(keep.confidence ?? 0, drop.confidence ?? 0),
      properties: { ...drop.properties, ...keep.properties, alsoIn: `${drop.file}:${drop.line}` },
    };
    if ((drop.confidence ?? 0) > (keep.confidence ?? 0)) {
      merged.cause = drop.cause;
      merged.ruleId = drop.ruleId;
      merged.message = drop.message;
    }
    const i = out.indexOf(prev);
    out[i] = merged;
    byKey.set(key!, merged);
  }
  return out;
}
