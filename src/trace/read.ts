import { closeSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { Scanner, type ScanNeedle } from './scanner.js';

/**
 * Read a log as lines, in constant memory, from any Readable (a file of several GB, stdin).
 *
 * Chunks are decoded as latin1 (1 byte = 1 char, never throws, every byte survives) and split by hand on `\n`
 * (tech-notes §6: about twice as fast as readline). Lines that matter are cleaned with `cleanLine()`: CR, GitHub
 * timestamp prefixes and ANSI colour codes stripped, and bytes re-decoded as UTF-8 (invalid sequences become
 * U+FFFD), so `C:\cygwin64\home\José\テスト\x.dll` comes out right.
 */

/** Lines longer than this keep only this many characters (the rest is counted and dropped). */
export const DEFAULT_MAX_LINE = 64 * 1024;

export interface LogLine {
  /** 1-based line number in the original file. */
  no: number;
  /** The cleaned line (see cleanLine). */
  text: string;
  /** The original line was longer than the cap; `text` is its prefix. */
  truncated?: boolean;
  /** The file ended without a newline after this line. */
  unterminated?: boolean;
}

export interface SplitStats {
  lines: number;
  bytes: number;
  /** Lines cut at the cap. */
  longLines: number;
  /** The last line had no newline (a truncated log). */
  unterminated: boolean;
}

/**
 * Lets a caller see only the lines that matter: `needles` (a global RegExp) is searched over each chunk and only
 * the lines holding a hit are handed out (the others are only counted); `wantAll()` true means every line, e.g.
 * while a multi-line message is being collected.
 */
export interface LineFilter {
  needles: RegExp;
  /**
   * The same needles as plain strings (the alternatives of `needles`, which then must be nothing more than that):
   * searched one `indexOf` pass per needle per chunk, far faster than one regex over the chunk. A needle ending in
   * `\b` is given as `{ text, wordEnd: true }`. Lines handed out this way are passed with `matched` true.
   */
  literals?: readonly NeedleSpec[];
  /** false: search the literals with indexOf passes even where the WebAssembly scanner would do (for comparisons). */
  scanner?: boolean;
  wantAll(): boolean;
  /**
   * Optional: a hit line `chunk[from, to)` (`to` at its newline, never a cut or straddling line) that the caller can
   * deal with in place; true means it is done with it (counted as line `no`, not copied out nor handed to onLine).
   * `copy(a, b)` gives `chunk[a, b)` as a string of its own (out of the chunk's bytes when the splitter has them).
   */
  consume?(chunk: string, from: number, to: number, no: number, copy: (from: number, to: number) => string): boolean;
}

/**
 * A raw line as the splitter hands it out: latin1 text (CR still there), its number, whether it was cut, and
 * whether the splitter already knows it holds one of the filter's needles (`matched`; false means "not checked").
 */
export type RawLineHandler = (raw: string, no: number, truncated: boolean, matched: boolean) => void;

/**
 * One needle: its text, whether it must end a word (a regex `\b` after it), and `search`, the part of it that is
 * actually searched for (then the whole text is checked around each hit). V8 searches a pattern of 7 or more
 * characters with Boyer-Moore-Horspool and sets up its tables on every call: a short, rare part is many times faster.
 * `fingerprint` (3 characters of the text, default its first 3) and `bucket` (0-7, default the needle's index mod 8)
 * are for the WebAssembly scanner (src/trace/scanner.ts), which is used instead of the indexOf passes when it loads.
 */
export type NeedleSpec = string | { text: string; wordEnd?: true; search?: string; fingerprint?: string; bucket?: number };

interface Needle {
  text: string;
  wordEnd: boolean;
  search: string;
  /** Where `search` starts in `text`. */
  offset: number;
}

function toNeedle(l: NeedleSpec): Needle {
  const n = typeof l === 'string' ? { text: l } : l;
  const search = n.search ?? n.text;
  const offset = n.text.indexOf(search);
  if (offset < 0) throw new Error(`needle search ${JSON.stringify(search)} is not part of ${JSON.stringify(n.text)}`);
  return { text: n.text, wordEnd: n.wordEnd === true, search, offset };
}

const NOT_LATIN1 = /[^\x00-\xff]/; // eslint-disable-line no-control-regex

function toScanNeedle(l: NeedleSpec, i: number): ScanNeedle {
  const n = typeof l === 'string' ? { text: l } : l;
  const fp = n.fingerprint ?? n.text.slice(0, 3);
  const at = n.text.indexOf(fp);
  if (n.fingerprint !== undefined && (fp.length !== 3 || at < 0)) throw new Error(`needle fingerprint ${JSON.stringify(fp)} is not 3 characters of ${JSON.stringify(n.text)}`);
  // (A needle under 3 characters has no fingerprint: Scanner.create then declines and the indexOf passes are used.)
  return { text: n.text, wordEnd: n.wordEnd === true, fingerprint: fp.length === 3 ? at : -1, bucket: n.bucket ?? i % 8 };
}

function grow(a: Int32Array): Int32Array {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

/** \w as a regex `\b` sees it: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Push-style splitter: feed latin1 strings, get raw lines back through a callback (optionally only the lines a
 * LineFilter selects).
 */
export class LineSplitter {
  readonly stats: SplitStats = { lines: 0, bytes: 0, longLines: 0, unterminated: false };
  private carry = '';
  private carryDropping = false;
  private carryTruncated = false;
  private readonly literals: Needle[] | undefined;
  private readonly scanner: Scanner | undefined;
  private bytes: Buffer | undefined;
  private chunk = '';
  private readonly copy = (from: number, to: number): string => this.cut(this.chunk, from, to);
  /** The needle hits in the current chunk (reused). */
  private hits: Int32Array = new Int32Array(1024);

  constructor(
    private readonly onLine: RawLineHandler,
    private readonly maxLine = DEFAULT_MAX_LINE,
    private readonly filter?: LineFilter,
  ) {
    this.literals = filter?.literals?.map(toNeedle);
    this.scanner = filter?.literals && filter.scanner !== false ? Scanner.create(filter.literals.map(toScanNeedle)) : undefined;
  }

  /**
   * The scanner's buffer, when the caller may read the next chunk straight into it (then push that chunk with
   * `bytes` = this buffer's first bytes); undefined without a scanner.
   */
  get scanBuffer(): Buffer | undefined {
    return this.scanner?.buffer;
  }

  /**
   * Feed the next piece of text. `bytes`, when given, are the bytes `chunk` was decoded from as latin1 (so offsets
   * agree): lines are then copied out of them as fresh strings instead of being slices of the 64 KB chunk, which
   * would keep every chunk that any kept line came from alive (and in the old generation).
   */
  push(chunk: string, bytes?: Buffer): void {
    this.bytes = bytes !== undefined && bytes.length === chunk.length ? bytes : undefined;
    this.chunk = chunk;
    this.stats.bytes += chunk.length;
    let start = 0;
    const n = chunk.length;
    // Finish the carried partial line first.
    if (this.carry.length > 0 || this.carryDropping) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        this.appendCarry(chunk);
        return;
      }
      this.appendCarry(this.cut(chunk, 0, nl));
      this.emit(this.carry, this.carryTruncated);
      this.carry = '';
      this.carryDropping = false;
      this.carryTruncated = false;
      start = nl + 1;
    }
    const f = this.filter;
    if (f && this.literals && !f.wantAll()) {
      this.pushLiterals(chunk, start, f, this.literals);
      return;
    }
    if (f && !f.wantAll()) {
      // "grep style": find the needles in the chunk, hand out only the lines that hold one, count the others.
      const re = f.needles;
      re.lastIndex = start;
      let p = start;
      for (;;) {
        const m = re.exec(chunk);
        if (!m) break;
        const ls = m.index === 0 ? 0 : chunk.lastIndexOf('\n', m.index - 1) + 1;
        this.countLines(chunk, p, ls);
        const nl = chunk.indexOf('\n', m.index);
        if (nl < 0) {
          this.appendCarry(this.cut(chunk, ls, n));
          return;
        }
        this.emitCapped(chunk, ls, nl);
        p = nl + 1;
        re.lastIndex = p;
        if (f.wantAll()) {
          start = p;
          break;
        }
      }
      if (!f.wantAll()) {
        const tail = this.countLines(chunk, p, n);
        if (tail < n) this.appendCarry(this.cut(chunk, tail, n));
        return;
      }
    }
    let p = start;
    for (;;) {
      const nl = chunk.indexOf('\n', p);
      if (nl < 0) break;
      this.emitCapped(chunk, p, nl);
      p = nl + 1;
    }
    if (p < n) this.appendCarry(this.cut(chunk, p, n));
  }

  /**
   * The fast filter: the WebAssembly scanner gives the starts of the hit lines (without it: one `indexOf` pass per
   * needle, the hits sorted once); newlines are counted only between hits, only hit lines are sliced and handed out
   * (or consumed in place). While the filter wants every line, lines are handed out one by one; the hits are then
   * brought forward when it stops wanting them.
   */
  private pushLiterals(chunk: string, start: number, f: LineFilter, lits: Needle[]): void {
    const n = chunk.length;
    let sorted: Int32Array | Uint32Array;
    let count: number;
    const sc = this.scanner;
    const b = this.bytes;
    // (A string that is not latin1 - only a direct caller can push one - has no bytes the scanner could read.)
    if (sc && n <= sc.capacity && (b !== undefined || !NOT_LATIN1.test(chunk))) {
      // One pass over the bytes in WebAssembly: the starts of the hit lines, in order.
      if (b === undefined) sc.buffer.write(chunk, 0, n, "latin1");
      else if (b.buffer !== sc.buffer.buffer || b.byteOffset !== sc.buffer.byteOffset) b.copy(sc.buffer, 0, 0, n);
      sorted = sc.scan(start, n);
      count = sorted.length;
    } else {
      count = this.literalHits(chunk, start, lits);
      sorted = this.hits.subarray(0, count).sort();
    }
    let p = start;
    let i = 0;
    for (;;) {
      if (f.wantAll()) {
        const nl = chunk.indexOf('\n', p);
        if (nl < 0) break;
        this.emitCapped(chunk, p, nl, false);
        p = nl + 1;
        continue;
      }
      while (i < count && sorted[i]! < p) i++;
      if (i === count) {
        p = this.countLines(chunk, p, n);
        break;
      }
      const h = sorted[i]!;
      const ls = this.countLines(chunk, p, h);
      const nl = chunk.indexOf('\n', h);
      if (nl < 0) {
        p = ls;
        break;
      }
      if (f.consume && nl - ls <= this.maxLine && f.consume(chunk, ls, nl, this.stats.lines + 1, this.copy)) this.stats.lines++;
      else this.emitCapped(chunk, ls, nl, true);
      p = nl + 1;
    }
    if (p < n) this.appendCarry(this.cut(chunk, p, n));
  }

  /** Without the scanner: one indexOf pass per needle, every hit at or after `start` (unsorted) into this.hits. */
  private literalHits(chunk: string, start: number, lits: Needle[]): number {
    let hits = this.hits;
    let count = 0;
    for (let k = 0; k < lits.length; k++) {
      const l = lits[k]!;
      for (let h = this.find(chunk, l, start); h >= 0; h = this.find(chunk, l, h + 1)) {
        if (count === hits.length) this.hits = hits = grow(hits);
        hits[count++] = h;
      }
    }
    return count;
  }

  /** The next position of needle `l` at or after `from` (-1: none); a `wordEnd` needle must end a word there. */
  private find(chunk: string, l: Needle, from: number): number {
    let at = from + l.offset;
    const whole = l.offset === 0 && l.search.length === l.text.length;
    for (;;) {
      const i = chunk.indexOf(l.search, at);
      if (i < 0) return -1;
      at = i + 1;
      const h = i - l.offset;
      if (!whole && !chunk.startsWith(l.text, h)) continue;
      if (!l.wordEnd) return h;
      const e = h + l.text.length;
      // At the chunk's end the line goes on in the next chunk: the handler checks the whole line again.
      if (e >= chunk.length || !isWordChar(chunk.charCodeAt(e))) return h;
    }
  }

  end(): void {
    if (this.carry.length > 0 || this.carryDropping) {
      this.stats.unterminated = true;
      this.emit(this.carry, this.carryTruncated);
      this.carry = '';
      this.carryDropping = false;
    }
  }

  /** Count the newlines in chunk[from, to); returns the position after the last one. */
  private countLines(chunk: string, from: number, to: number): number {
    let p = from;
    for (;;) {
      const nl = chunk.indexOf('\n', p);
      if (nl < 0 || nl >= to) return p;
      this.stats.lines++;
      p = nl + 1;
    }
  }

  /** chunk[from, to) as a string of its own (see push). */
  private cut(chunk: string, from: number, to: number): string {
    return this.bytes ? this.bytes.toString('latin1', from, to) : chunk.slice(from, to);
  }

  private emitCapped(chunk: string, from: number, nl: number, matched = false): void {
    if (nl - from > this.maxLine) {
      this.stats.longLines++;
      // The needle may lie beyond the cap: the handler checks the kept prefix itself.
      this.emit(this.cut(chunk, from, from + this.maxLine), true);
    } else {
      this.emit(this.cut(chunk, from, nl), false, matched);
    }
  }

  private appendCarry(s: string): void {
    if (this.carryDropping) return;
    if (this.carry.length + s.length > this.maxLine) {
      this.carry += s.slice(0, this.maxLine - this.carry.length);
      this.carryDropping = true;
      if (!this.carryTruncated) this.stats.longLines++;
      this.carryTruncated = true;
      return;
    }
    this.carry += s;
  }

  private emit(raw: string, truncated: boolean, matched = false): void {
    this.stats.lines++;
    this.onLine(raw, this.stats.lines, truncated, matched);
  }
}

// GitHub Actions prefixes every log line with an ISO timestamp and 7 fractional digits.
const GH_TS = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
// CSI sequences (colours, erase line), OSC (titles/links) and lone ESC pairs.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const NON_ASCII = /[\x80-\xff]/;

/** A raw latin1 line → display text: no CR, no GitHub timestamp, no ANSI codes, UTF-8 decoded. */
export function cleanLine(raw: string): string {
  let s = raw;
  if (s.endsWith('\r')) s = s.slice(0, -1);
  if (s.charCodeAt(0) === 0xfeff || (s.length > 20 && s.charCodeAt(4) === 45 && s.charCodeAt(10) === 84)) s = s.replace(GH_TS, '');
  if (s.includes('\x1b')) s = s.replace(ANSI, '');
  if (NON_ASCII.test(s)) s = decodeLatin1AsUtf8(s);
  // A UTF-8 BOM (EF BB BF) at the start of a file decodes to U+FEFF.
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1).replace(GH_TS, '');
  return s;
}

/** Re-read a latin1 string (one char per byte) as UTF-8; invalid sequences become U+FFFD. */
export function decodeLatin1AsUtf8(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

export interface ReadOptions {
  maxLineLength?: number;
  /** Called with the number of bytes read so far, once per chunk. */
  onProgress?: (bytes: number) => void;
}

/** Bytes or strings from a stream, as latin1 strings. A stream with an encoding set yields strings already. */
function toLatin1(chunk: unknown): string {
  if (typeof chunk === 'string') {
    // A stream that decoded text for us: re-encode so cleanLine's UTF-8 pass sees bytes again.
    // eslint-disable-next-line no-control-regex
    return /[^\x00-\x7f]/.test(chunk) ? Buffer.from(chunk, 'utf8').toString('latin1') : chunk;
  }
  return (chunk as Buffer).toString('latin1');
}

/**
 * Feed a stream through a splitter with a synchronous per-line callback (the fast path `analyzeLogs` uses).
 * Resolves with the split statistics when the stream ends; rejects when the stream errors.
 */
export async function splitStream(
  stream: NodeJS.ReadableStream,
  onLine: RawLineHandler,
  opts: ReadOptions & { filter?: LineFilter; firstChunk?: (s: string) => void } = {},
): Promise<SplitStats> {
  const splitter = new LineSplitter(onLine, opts.maxLineLength ?? DEFAULT_MAX_LINE, opts.filter);
  let first = true;
  let utf16: TextDecoder | undefined;
  for await (const chunk of bomSized(stream)) {
    if (first && Buffer.isBuffer(chunk)) utf16 = utf16Decoder(chunk);
    const s = utf16 ? toLatin1(utf16.decode(chunk as Buffer, { stream: true })) : toLatin1(chunk);
    if (first && s.length) {
      first = false;
      opts.firstChunk?.(s);
    }
    splitter.push(s, utf16 || !Buffer.isBuffer(chunk) ? undefined : chunk);
    opts.onProgress?.(splitter.stats.bytes);
  }
  splitter.end();
  return splitter.stats;
}

/** Chunk size of `splitFile`: its latin1 string stays in the young generation (1 MB chunks: +50 MB RSS, slower). */
export const FILE_CHUNK = 64 * 1024;

/**
 * The same as `splitStream` for a regular file, read synchronously in 1 MB chunks straight into the scanner's buffer
 * (one reused buffer, no stream, no copy). Returns undefined, having read nothing, for a file that starts with a
 * UTF-16 byte-order mark (the caller reads it as a stream, which decodes it). Throws the fs errors.
 */
export function splitFile(
  file: string,
  onLine: RawLineHandler,
  opts: ReadOptions & { filter?: LineFilter; firstChunk?: (s: string) => void } = {},
): SplitStats | undefined {
  const splitter = new LineSplitter(onLine, opts.maxLineLength ?? DEFAULT_MAX_LINE, opts.filter);
  const scan = splitter.scanBuffer;
  const buf = scan && scan.length >= FILE_CHUNK ? scan : Buffer.allocUnsafe(FILE_CHUNK);
  const fd = openSync(file, 'r');
  try {
    let first = true;
    for (;;) {
      const n = readSync(fd, buf, 0, FILE_CHUNK, null);
      if (n === 0) break;
      if (first) {
        first = false;
        if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return undefined;
        const s = buf.toString('latin1', 0, n);
        opts.firstChunk?.(s);
        splitter.push(s, buf.subarray(0, n));
      } else {
        splitter.push(buf.toString('latin1', 0, n), buf.subarray(0, n));
      }
      opts.onProgress?.(splitter.stats.bytes);
    }
  } finally {
    closeSync(fd);
  }
  splitter.end();
  return splitter.stats;
}

/** The stream's chunks, the first one held back until it has the 2 bytes a byte-order mark needs. */
async function* bomSized(stream: NodeJS.ReadableStream): AsyncGenerator<unknown> {
  let head: Buffer | undefined;
  let first = true;
  for await (const chunk of stream as AsyncIterable<unknown>) {
    if (first) {
      first = false;
      if (Buffer.isBuffer(chunk) && chunk.length < 2) head = chunk;
      else yield chunk;
      continue;
    }
    if (head) {
      const h = head;
      head = undefined;
      if (Buffer.isBuffer(chunk)) {
        yield Buffer.concat([h, chunk]);
        continue;
      }
      yield h;
    }
    yield chunk;
  }
  if (head) yield head;
}

/**
 * A UTF-16 log (PowerShell's `>` writes UTF-16LE with a BOM) is decoded to text first; everything else is read as
 * bytes. Only a BOM tells: UTF-16 without one is read as bytes (and then looks binary).
 */
function utf16Decoder(first: Buffer): TextDecoder | undefined {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return undefined;
}

/** Every line of a stream, cleaned, as an async iterator (convenient; `splitStream` is faster for huge logs). */
export async function* readLines(stream: NodeJS.ReadableStream, opts: ReadOptions = {}): AsyncGenerator<LogLine> {
  let batch: LogLine[] = [];
  let lastNo = 0;
  const splitter = new LineSplitter((raw, no, truncated) => {
    const line: LogLine = { no, text: cleanLine(raw) };
    if (truncated) line.truncated = true;
    batch.push(line);
    lastNo = no;
  }, opts.maxLineLength ?? DEFAULT_MAX_LINE);
  let first = true;
  let utf16: TextDecoder | undefined;
  for await (const chunk of bomSized(stream)) {
    if (first && Buffer.isBuffer(chunk)) utf16 = utf16Decoder(chunk);
    first = false;
    splitter.push(utf16 ? toLatin1(utf16.decode(chunk as Buffer, { stream: true })) : toLatin1(chunk));
    opts.onProgress?.(splitter.stats.bytes);
    if (batch.length) {
      const out = batch;
      batch = [];
      yield* out;
    }
  }
  splitter.end();
  if (splitter.stats.unterminated) {
    const last = batch.find((l) => l.no === lastNo);
    if (last) last.unterminated = true;
  }
  yield* batch;
}
