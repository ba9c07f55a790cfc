import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../model/document.js';
import type { Finding, Severity } from '../model/finding.js';
import { analyzeText } from './engine.js';
import { firstLineMatters, languageOf, prefilterBytes, type LanguageId } from './languages.js';

/** What scanning one file gave: its findings and diagnostics, and what it adds to the scan's counts. */
export interface FileOutcome {
  findings: Finding[];
  diags: Diagnostic[];
  /** 1 when the file is in a language the scan reads. */
  files: number;
  /** 1 when it passed the prefilter and was parsed. */
  parsed: number;
  /** 1 when it was skipped (too big, binary, unreadable, front-end error). */
  skipped: number;
}

/** One file to scan: its path, its path in reports, and its language as far as the name tells. */
export interface FileTask {
  abs: string;
  rel: string;
  /** languageOf(abs) (no #! line). */
  nameLang: LanguageId | undefined;
}

export interface FileScanOptions {
  maxFileSize: number;
  ruleSeverity?: Record<string, Severity | 'off'>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * One buffer per thread that every file is read into: most files are read, found not to mention a load, and
 * dropped, so they are never copied or decoded. Files bigger than this get a buffer of their own.
 */
const KEEP = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * Read a whole regular file with the fewest system calls (open, fstat, read, close) into the shared buffer.
 * The returned view is valid until the next call (prepareFile is synchronous: nothing else runs in between).
 */
function readWhole(abs: string, max: number): { size: number; buf?: Buffer } {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return { size };
    let buf = scratch;
    if (size > buf.length) {
      buf = Buffer.allocUnsafe(size);
      if (size <= KEEP) scratch = buf;
    }
    let n = 0;
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, null);
      if (r === 0) break;
      n += r;
    }
    return { size, buf: buf.subarray(0, n) };
  } finally {
    closeSync(fd);
  }
}

const empty = (diags: Diagnostic[], files = 0, skipped = 0): FileOutcome => ({ findings: [], diags, files, parsed: 0, skipped });

/** A file read and decoded, ready for its front-end (structured-clonable: a worker can hand it to another thread). */
export interface Prepared {
  rel: string;
  text: string;
  lang: LanguageId;
  diags: Diagnostic[];
}

const failed = (rel: string, e: unknown, diags: Diagnostic[], files: number, parsed: number): FileOutcome => {
  const code = (e as NodeJS.ErrnoException).code;
  diags.push({ level: 'error', file: rel, message: code ? `cannot read: ${code}` : `could not analyse: ${(e as Error).message}` });
  return { findings: [], diags, files, parsed, skipped: 1 };
};

/**
 * Read and check one file, synchronously: size limit, binary check, `#!` line, prefilter on the raw bytes, UTF-8
 * decoding, BOM and CRLF → LF. Either the file's final outcome (skipped, or no load word in it), or its text for
 * the front-end. Never throws: a file that cannot be read is an error diagnostic.
 */
export function prepareFile(f: FileTask, opts: FileScanOptions): FileOutcome | Prepared {
  const diags: Diagnostic[] = [];
  let files = 0;
  try {
    const { size, buf } = readWhole(f.abs, opts.maxFileSize);
    if (!buf) {
      diags.push({ level: 'warning', file: f.rel, message: `skipped: ${size} bytes is over the --max-file-size of ${opts.maxFileSize}` });
      return empty(diags, 1, 1);
    }
    const nul = buf.subarray(0, 8192).includes(0);
    let lang = f.nameLang;
    if (firstLineMatters(f.abs)) {
      const firstLine = nul ? '' : buf.subarray(0, 200).toString('latin1').split('\n')[0] ?? '';
      lang = languageOf(f.abs, firstLine);
    }
    if (!lang) return empty(diags);
    files = 1;
    if (nul) {
      diags.push({ level: 'info', file: f.rel, message: 'binary file (NUL byte) skipped' });
      return empty(diags, 1, 1);
    }
    // The prefilter's words are ASCII, so they are found in the raw bytes exactly when they are in the text:
    // files that cannot match are never decoded.
    if (!prefilterBytes(lang, buf)) return empty(diags, 1);
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      text = lenient.decode(buf);
      diags.push({ level: 'info', file: f.rel, message: 'not valid UTF-8; read with replacement characters' });
    }
    return { rel: f.rel, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), lang, diags };
  } catch (e) {
    return failed(f.rel, e, diags, files, 0);
  }
}

export const isPrepared = (p: FileOutcome | Prepared): p is Prepared => 'text' in p;

/** The front-end and rules over a prepared file. Never throws: an internal error is an error diagnostic. */
export async function analyzePrepared(p: Prepared, opts: FileScanOptions): Promise<FileOutcome> {
  const diags = [...p.diags];
  try {
    const r = await analyzeText(p.rel, p.text, p.lang, opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {});
    return { findings: r.findings, diags: [...diags, ...r.diagnostics], files: 1, parsed: 1, skipped: 0 };
  } catch (e) {
    return failed(p.rel, e, diags, 1, 1);
  }
}

/** Read, check and analyse one file (prepareFile, then analyzePrepared). Never throws. */
export async function scanFile(f: FileTask, opts: FileScanOptions): Promise<FileOutcome> {
  const p = prepareFile(f, opts);
  return isPrepared(p) ? analyzePrepared(p, opts) : p;
}
