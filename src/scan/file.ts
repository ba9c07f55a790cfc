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
 * The returned view is valid until the next call: callers use it before they await anything.
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

/**
 * Read, check and analyse one file: size limit, binary check, `#!` line, prefilter on the raw bytes, UTF-8
 * decoding, CRLF → LF, then the front-end and rules. Never throws: a file that cannot be read or analysed is an
 * error diagnostic. The same function runs on the main thread and in the worker threads (src/scan/pool.ts).
 */
export async function scanFile(f: FileTask, opts: FileScanOptions): Promise<FileOutcome> {
  const diags: Diagnostic[] = [];
  let files = 0;
  let parsed = 0;
  try {
    const { size, buf } = readWhole(f.abs, opts.maxFileSize);
    if (!buf) {
      diags.push({ level: 'warning', file: f.rel, message: `skipped: ${size} bytes is over the --max-file-size of ${opts.maxFileSize}` });
      return empty(diags, 1, 1);
    }
    // Everything that reads `buf` (the shared buffer) happens before the first await.
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
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    parsed = 1;
    const r = await analyzeText(f.rel, text, lang, opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {});
    return { findings: r.findings, diags: [...diags, ...r.diagnostics], files, parsed, skipped: 0 };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    diags.push({ level: 'error', file: f.rel, message: code ? `cannot read: ${code}` : `could not analyse: ${(e as Error).message}` });
    return { findings: [], diags, files, parsed, skipped: 1 };
  }
}
