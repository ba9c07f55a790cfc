import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  guessRoot,
  isWindowsPath,
  normalizeWindowsPath,
  windowsToPosix
} from "./chunk-HFQM65JI.js";
import {
  libraryKey
} from "./chunk-4HNNP3VV.js";
import {
  dllBasename,
  toModelPath
} from "./chunk-GQQAAGHG.js";
import {
  compareVersions,
  findVersionInLine,
  formatVersion
} from "./chunk-BVWNWY2M.js";
import "./chunk-GHFI43B4.js";

// src/diagnose/index.ts
import path from "node:path";

// src/trace/read.ts
import { closeSync, openSync, readSync } from "node:fs";
import { TextDecoder } from "node:util";

// src/trace/wasm/scan-wasm.ts
var SCAN_WASM = "AGFzbQEAAAABEANgAAF/YAF/AX9gAn9/AX8DBwYAAAABAQIEBQFwAQEBBQQBAMIBBgkBfwFB8JSEBgsHQwcGbWVtb3J5AgAGYnVmZmVyAAAGb3V0cHV0AAEIY2FwYWNpdHkAAgtuZWVkbGVfc2xvdAADBGluaXQABARzY2FuAAUKgAsGCABBgIiAgAALCABBwIiAggALBwBBgICAAgsOACAAQSRsQYCJgIYAagvZAwMBfwF7BX8CQCAAQSBNDQBBfw8LQQAhAUEA/QwAAAAAAAAAAAAAAAAAAAAAIgL9CwSwkoCGAEEAIAL9CwSAkoCGAEEAIAL9CwSQkoCGAEEAIAL9CwTAkoCGAEEAIAL9CwSgkoCGAEEAIAL9CwTQkoCGAEEAQgA3AOCSgIYAAkAgAEUNAEEAIQNBgImAhgAhAQNAAkAgAUEgai0AACIEQV9qQf8BcUHiAU8NAEF/DwsCQCABQSFqLQAAIgVBA2ogBE0NAEF/DwsCQCABQSNqLQAAIgRBB00NAEF/DwsgBEHgkoCGAGoiBiAGLQAAIgZBAWo6AAAgBiAEQQV0akHwkoCGAGogAzoAACABIAVqIgUtAAAiBkEPcUGwkoCGAGoiByAHLQAAQQEgBHQiBHI6AAAgBkEEdkGAkoCGAGoiBiAGLQAAIARyOgAAIAVBAWotAAAiBkEPcUHAkoCGAGoiByAHLQAAIARyOgAAIAZBBHZBkJKAhgBqIgYgBi0AACAEcjoAACAFQQJqLQAAIgVBD3FB0JKAhgBqIgYgBi0AACAEcjoAACAFQQR2QaCSgIYAaiIFIAUtAAAgBHI6AAAgAUEkaiEBIAAgA0EBaiIDRw0AC0EAIQELIAEL+QYHAn8HewR/AXsCfwF7Dn8jgICAgABBEGshAkEAIQMCQCABQYCAgAJLDQAgACABSw0AIAFBkIiAgABq/QwAAAAAAAAAAAAAAAAAAAAAIgT9CwAAIAFBgIiAgABqIAT9CwAAIAFBoIiAgABqIAT9CwAAIAFBsIiAgABqIAT9CwAAQQAhAyAAIAFPDQBBAP0ABKCSgIYAIQVBAP0ABNCSgIYAIQZBAP0ABJCSgIYAIQdBAP0ABMCSgIYAIQhBAP0ABICSgIYAIQlBAP0ABLCSgIYAIQogAEGAiICAAGohC0EAIQMgACEMQQAhDSAAIQ4DQCAOQYCIgIAAav0AAAAiD/0MCgoKCgoKCgoKCgoKCgoKCv0j/WRBfyABIA5rIhB0QX9zQX8gEEEQSRsiEHEhEQJAAkAgCSAPQQT9bf0OIAogD/0MDw8PDw8PDw8PDw8PDw8PDyIS/U79Dv1OIAggDkGBiICAAGr9AAAAIg8gEv1O/Q79TiAHIA9BBP1t/Q79TiAGIA5BgoiAgABq/QAAACIPIBL9Tv0O/U4gBSAPQQT9bf0O/U4iDyAE/ST9ZCAQcSITDQAgDkEgaiEUDAELIAIgD/0LBAAgDkEgaiEUA0AgE2ghECATQX9qIBNxIRMCQCAUIBFBfyAQdEF/c3EiFWdrIAwgFRsiFkEBaiIXIA1GDQAgAiAQai0AACIYRQ0AIBAgDmohGSALIBBqIRoDQAJAIBhoIhtB4JKAhgBqLQAAIhxFDQBBACEdAkADQAJAIBtBBXQgHWpB8JKAhgBqLQAAQSRsIh5BoYmAhgBqLQAAIhAgAGogGUsNACAZIBBrIB5BoImAhgBqLQAAIh9qIiAgAUsNAAJAIB9FDQAgGiAQayEQIB5BgImAhgBqIRUDQCAQLQAAIBUtAABHDQIgEEEBaiEQIBVBAWohFSAfQX9qIh8NAAsLIB5BoomAhgBqLQAARQ0CICAgAU8NAiAgQYCIgIAAai0AACIQQd8ARg0AIBBBUGpB/wFxQQpJDQAgEEHfAXFBv39qQf8BcUEZSw0CCyAdQQFqIh0gHEYNAgwACwsgA0ECdEHAiICCAGogFjYCACADQQFqIQMgFyENDAILIBhBf2ogGHEiGA0ACwsgEw0ACwsgFCARZ2sgDCARGyEMIAtBEGohCyAOQRBqIg4gAUkNAAsLIAML";

// src/trace/scanner.ts
var WASM = globalThis.WebAssembly;
var MAX_NEEDLES = 32;
var MAX_LEN = 32;
var compiled;
function module() {
  if (compiled === void 0) {
    try {
      compiled = WASM ? new WASM.Module(Buffer.from(SCAN_WASM, "base64")) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
var Scanner = class _Scanner {
  constructor(x) {
    this.x = x;
    this.capacity = x.capacity();
    this.buffer = Buffer.from(x.memory.buffer, x.buffer(), this.capacity);
    this.out = new Uint32Array(x.memory.buffer, x.output(), this.capacity / 2);
  }
  x;
  /** The chunk goes here (bytes [0, length)), at most `capacity` bytes. */
  buffer;
  capacity;
  out;
  /** A scanner for these needles, or undefined when WebAssembly is not available or a needle does not fit it. */
  static create(needles) {
    if (needles.length === 0 || needles.length > MAX_NEEDLES) return void 0;
    for (const n of needles) {
      if (n.text.length < 3 || n.text.length > MAX_LEN || /[^\x01-\xff]|\n/.test(n.text)) return void 0;
      if (n.fingerprint < 0 || n.fingerprint + 3 > n.text.length || n.bucket < 0 || n.bucket > 7) return void 0;
    }
    const m = module();
    if (!m) return void 0;
    const x = new WASM.Instance(m, {}).exports;
    const mem = new Uint8Array(x.memory.buffer);
    needles.forEach((n, i) => {
      const slot = x.needle_slot(i);
      mem.fill(0, slot, slot + 36);
      mem.set(Buffer.from(n.text, "latin1"), slot);
      mem[slot + 32] = n.text.length;
      mem[slot + 33] = n.fingerprint;
      mem[slot + 34] = n.wordEnd ? 1 : 0;
      mem[slot + 35] = n.bucket;
    });
    if (x.init(needles.length) !== 0) return void 0;
    return new _Scanner(x);
  }
  /**
   * The starts of the lines of `buffer[from, length)` that hold a needle (starting at or after `from`), in order,
   * each once. The array is the scanner's own: valid until the next call.
   */
  scan(from, length) {
    const n = this.x.scan(from, length);
    return this.out.subarray(0, n);
  }
};

// src/trace/read.ts
var DEFAULT_MAX_LINE = 64 * 1024;
function toNeedle(l) {
  const n = typeof l === "string" ? { text: l } : l;
  const search = n.search ?? n.text;
  const offset = n.text.indexOf(search);
  if (offset < 0) throw new Error(`needle search ${JSON.stringify(search)} is not part of ${JSON.stringify(n.text)}`);
  return { text: n.text, wordEnd: n.wordEnd === true, search, offset };
}
var NOT_LATIN1 = /[^\x00-\xff]/;
function toScanNeedle(l, i) {
  const n = typeof l === "string" ? { text: l } : l;
  const fp = n.fingerprint ?? n.text.slice(0, 3);
  const at = n.text.indexOf(fp);
  if (n.fingerprint !== void 0 && (fp.length !== 3 || at < 0)) throw new Error(`needle fingerprint ${JSON.stringify(fp)} is not 3 characters of ${JSON.stringify(n.text)}`);
  return { text: n.text, wordEnd: n.wordEnd === true, fingerprint: fp.length === 3 ? at : -1, bucket: n.bucket ?? i % 8 };
}
function grow(a) {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}
function isWordChar(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95;
}
var LineSplitter = class {
  constructor(onLine, maxLine = DEFAULT_MAX_LINE, filter) {
    this.onLine = onLine;
    this.maxLine = maxLine;
    this.filter = filter;
    this.literals = filter?.literals?.map(toNeedle);
    this.scanner = filter?.literals && filter.scanner !== false ? Scanner.create(filter.literals.map(toScanNeedle)) : void 0;
  }
  onLine;
  maxLine;
  filter;
  stats = { lines: 0, bytes: 0, longLines: 0, unterminated: false };
  carry = "";
  carryDropping = false;
  carryTruncated = false;
  literals;
  scanner;
  bytes;
  chunk = "";
  copy = (from, to) => this.cut(this.chunk, from, to);
  /** The needle hits in the current chunk (reused). */
  hits = new Int32Array(1024);
  /**
   * The scanner's buffer, when the caller may read the next chunk straight into it (then push that chunk with
   * `bytes` = this buffer's first bytes); undefined without a scanner.
   */
  get scanBuffer() {
    return this.scanner?.buffer;
  }
  /**
   * Feed the next piece of text. `bytes`, when given, are the bytes `chunk` was decoded from as latin1 (so offsets
   * agree): lines are then copied out of them as fresh strings instead of being slices of the 64 KB chunk, which
   * would keep every chunk that any kept line came from alive (and in the old generation).
   */
  push(chunk, bytes) {
    this.bytes = bytes !== void 0 && bytes.length === chunk.length ? bytes : void 0;
    this.chunk = chunk;
    this.stats.bytes += chunk.length;
    let start = 0;
    const n = chunk.length;
    if (this.carry.length > 0 || this.carryDropping) {
      const nl = chunk.indexOf("\n");
      if (nl < 0) {
        this.appendCarry(chunk);
        return;
      }
      this.appendCarry(this.cut(chunk, 0, nl));
      this.emit(this.carry, this.carryTruncated);
      this.carry = "";
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
      const re = f.needles;
      re.lastIndex = start;
      let p2 = start;
      for (; ; ) {
        const m = re.exec(chunk);
        if (!m) break;
        const ls = m.index === 0 ? 0 : chunk.lastIndexOf("\n", m.index - 1) + 1;
        this.countLines(chunk, p2, ls);
        const nl = chunk.indexOf("\n", m.index);
        if (nl < 0) {
          this.appendCarry(this.cut(chunk, ls, n));
          return;
        }
        this.emitCapped(chunk, ls, nl);
        p2 = nl + 1;
        re.lastIndex = p2;
        if (f.wantAll()) {
          start = p2;
          break;
        }
      }
      if (!f.wantAll()) {
        const tail = this.countLines(chunk, p2, n);
        if (tail < n) this.appendCarry(this.cut(chunk, tail, n));
        return;
      }
    }
    let p = start;
    for (; ; ) {
      const nl = chunk.indexOf("\n", p);
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
  pushLiterals(chunk, start, f, lits) {
    const n = chunk.length;
    let sorted;
    let count;
    const sc = this.scanner;
    const b = this.bytes;
    if (sc && n <= sc.capacity && (b !== void 0 || !NOT_LATIN1.test(chunk))) {
      if (b === void 0) sc.buffer.write(chunk, 0, n, "latin1");
      else if (b.buffer !== sc.buffer.buffer || b.byteOffset !== sc.buffer.byteOffset) b.copy(sc.buffer, 0, 0, n);
      sorted = sc.scan(start, n);
      count = sorted.length;
    } else {
      count = this.literalHits(chunk, start, lits);
      sorted = this.hits.subarray(0, count).sort();
    }
    let p = start;
    let i = 0;
    for (; ; ) {
      if (f.wantAll()) {
        const nl2 = chunk.indexOf("\n", p);
        if (nl2 < 0) break;
        this.emitCapped(chunk, p, nl2, false);
        p = nl2 + 1;
        continue;
      }
      while (i < count && sorted[i] < p) i++;
      if (i === count) {
        p = this.countLines(chunk, p, n);
        break;
      }
      const h = sorted[i];
      const ls = this.countLines(chunk, p, h);
      const nl = chunk.indexOf("\n", h);
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
  literalHits(chunk, start, lits) {
    let hits = this.hits;
    let count = 0;
    for (let k = 0; k < lits.length; k++) {
      const l = lits[k];
      for (let h = this.find(chunk, l, start); h >= 0; h = this.find(chunk, l, h + 1)) {
        if (count === hits.length) this.hits = hits = grow(hits);
        hits[count++] = h;
      }
    }
    return count;
  }
  /** The next position of needle `l` at or after `from` (-1: none); a `wordEnd` needle must end a word there. */
  find(chunk, l, from) {
    let at = from + l.offset;
    const whole = l.offset === 0 && l.search.length === l.text.length;
    for (; ; ) {
      const i = chunk.indexOf(l.search, at);
      if (i < 0) return -1;
      at = i + 1;
      const h = i - l.offset;
      if (!whole && !chunk.startsWith(l.text, h)) continue;
      if (!l.wordEnd) return h;
      const e = h + l.text.length;
      if (e >= chunk.length || !isWordChar(chunk.charCodeAt(e))) return h;
    }
  }
  end() {
    if (this.carry.length > 0 || this.carryDropping) {
      this.stats.unterminated = true;
      this.emit(this.carry, this.carryTruncated);
      this.carry = "";
      this.carryDropping = false;
    }
  }
  /** Count the newlines in chunk[from, to); returns the position after the last one. */
  countLines(chunk, from, to) {
    let p = from;
    for (; ; ) {
      const nl = chunk.indexOf("\n", p);
      if (nl < 0 || nl >= to) return p;
      this.stats.lines++;
      p = nl + 1;
    }
  }
  /** chunk[from, to) as a string of its own (see push). */
  cut(chunk, from, to) {
    return this.bytes ? this.bytes.toString("latin1", from, to) : chunk.slice(from, to);
  }
  emitCapped(chunk, from, nl, matched = false) {
    if (nl - from > this.maxLine) {
      this.stats.longLines++;
      this.emit(this.cut(chunk, from, from + this.maxLine), true);
    } else {
      this.emit(this.cut(chunk, from, nl), false, matched);
    }
  }
  appendCarry(s) {
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
  emit(raw, truncated, matched = false) {
    this.stats.lines++;
    this.onLine(raw, this.stats.lines, truncated, matched);
  }
};
var GH_TS = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
var ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
var NON_ASCII = /[\x80-\xff]/;
function cleanLine(raw) {
  let s = raw;
  if (s.endsWith("\r")) s = s.slice(0, -1);
  if (s.charCodeAt(0) === 65279 || s.length > 20 && s.charCodeAt(4) === 45 && s.charCodeAt(10) === 84) s = s.replace(GH_TS, "");
  if (s.includes("\x1B")) s = s.replace(ANSI, "");
  if (NON_ASCII.test(s)) s = decodeLatin1AsUtf8(s);
  if (s.charCodeAt(0) === 65279) s = s.slice(1).replace(GH_TS, "");
  return s;
}
function decodeLatin1AsUtf8(s) {
  return Buffer.from(s, "latin1").toString("utf8");
}
function toLatin1(chunk) {
  if (typeof chunk === "string") {
    return /[^\x00-\x7f]/.test(chunk) ? Buffer.from(chunk, "utf8").toString("latin1") : chunk;
  }
  return chunk.toString("latin1");
}
async function splitStream(stream, onLine, opts = {}) {
  const splitter = new LineSplitter(onLine, opts.maxLineLength ?? DEFAULT_MAX_LINE, opts.filter);
  let first = true;
  let utf16;
  for await (const chunk of bomSized(stream)) {
    if (first && Buffer.isBuffer(chunk)) utf16 = utf16Decoder(chunk);
    const s = utf16 ? toLatin1(utf16.decode(chunk, { stream: true })) : toLatin1(chunk);
    if (first && s.length) {
      first = false;
      opts.firstChunk?.(s);
    }
    splitter.push(s, utf16 || !Buffer.isBuffer(chunk) ? void 0 : chunk);
    opts.onProgress?.(splitter.stats.bytes);
  }
  splitter.end();
  return splitter.stats;
}
var FILE_CHUNK = 64 * 1024;
function splitFile(file, onLine, opts = {}) {
  const splitter = new LineSplitter(onLine, opts.maxLineLength ?? DEFAULT_MAX_LINE, opts.filter);
  const scan = splitter.scanBuffer;
  const buf = scan && scan.length >= FILE_CHUNK ? scan : Buffer.allocUnsafe(FILE_CHUNK);
  const fd = openSync(file, "r");
  try {
    let first = true;
    for (; ; ) {
      const n = readSync(fd, buf, 0, FILE_CHUNK, null);
      if (n === 0) break;
      if (first) {
        first = false;
        if (n >= 2 && (buf[0] === 255 && buf[1] === 254 || buf[0] === 254 && buf[1] === 255)) return void 0;
        const s = buf.toString("latin1", 0, n);
        opts.firstChunk?.(s);
        splitter.push(s, buf.subarray(0, n));
      } else {
        splitter.push(buf.toString("latin1", 0, n), buf.subarray(0, n));
      }
      opts.onProgress?.(splitter.stats.bytes);
    }
  } finally {
    closeSync(fd);
  }
  splitter.end();
  return splitter.stats;
}
async function* bomSized(stream) {
  let head;
  let first = true;
  for await (const chunk of stream) {
    if (first) {
      first = false;
      if (Buffer.isBuffer(chunk) && chunk.length < 2) head = chunk;
      else yield chunk;
      continue;
    }
    if (head) {
      const h = head;
      head = void 0;
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
function utf16Decoder(first) {
  if (first.length >= 2 && first[0] === 255 && first[1] === 254) return new TextDecoder("utf-16le");
  if (first.length >= 2 && first[0] === 254 && first[1] === 255) return new TextDecoder("utf-16be");
  return void 0;
}

// src/trace/strace.ts
var MSG = /^(?:([0-9a-fA-F]{12})\s+)?(?:(-?\d+)\s+)?(?:(\d+)|(\d\d:\d\d:\d\d(?:\.\d+)?))?\s*\[([^\]\s]+)\]\s+(\S+)\s+(\(\d+\)|\d+)(!?)\s(.*)$/;
var FUNC = /^([A-Za-z_~][\w~]*(?:::[A-Za-z_~][\w~]*)*):\s(.*)$/s;
var EVENT = /^--- Process (\d+)(?: \(pid: (\d+)\))?,? (.*)$/;
function parseStraceLine(line) {
  if (line.startsWith("--- Process ")) return parseEvent(line);
  const m = MSG.exec(line.trimStart());
  if (!m) return void 0;
  const pidField = m[7];
  const out = {
    kind: "message",
    thread: m[5],
    program: m[6],
    exec: m[8] === "!",
    message: m[9]
  };
  if (m[1]) out.mask = m[1].toLowerCase();
  if (m[4]) {
    out.time = m[4];
    if (m[2] !== void 0) out.delta = Number(m[2]);
  } else if (m[3] !== void 0) {
    if (m[2] !== void 0) out.delta = Number(m[2]);
    out.total = Number(m[3]);
  } else if (m[2] !== void 0) {
    out.total = Number(m[2]);
  }
  if (pidField.startsWith("(")) out.winpid = Number(pidField.slice(1, -1));
  else out.pid = Number(pidField);
  const f = FUNC.exec(out.message);
  if (f && !/^[A-Za-z]$/.test(f[1])) {
    out.func = f[1];
    out.message = f[2];
  }
  return out;
}
function parseEvent(line) {
  const m = EVENT.exec(line);
  if (!m) return void 0;
  const winpid = Number(m[1]);
  const pid = m[2] ? Number(m[2]) : void 0;
  const rest = m[3];
  const base = (type) => {
    const e2 = { kind: "event", type, winpid };
    if (pid !== void 0) e2.pid = pid;
    return e2;
  };
  let r;
  let e;
  if (rest === "created") return base("created");
  switch (rest.charCodeAt(0)) {
    case 116:
      if (r = /^thread (\d+) created$/.exec(rest)) {
        e = base("thread-created");
        e.thread = Number(r[1]);
        return e;
      }
      if (r = /^thread (\d+) exited with status (0x[0-9a-fA-F]+)$/.exec(rest)) {
        e = base("thread-exited");
        e.thread = Number(r[1]);
        e.status = r[2].toLowerCase();
        return e;
      }
      return void 0;
    case 108:
      if (r = /^loaded (.+) at (?:0x)?([0-9a-fA-F]+)$/.exec(rest)) {
        e = base("loaded");
        e.path = r[1];
        e.address = r[2].toLowerCase();
        return e;
      }
      return void 0;
    case 117:
      if (r = /^unloaded DLL at (?:0x)?([0-9a-fA-F]+)$/.exec(rest)) {
        e = base("unloaded");
        e.address = r[1].toLowerCase();
        return e;
      }
      return void 0;
    case 101:
      if (r = /^exited with status (0x[0-9a-fA-F]+)$/.exec(rest)) {
        e = base("exited");
        e.status = r[1].toLowerCase();
        return e;
      }
      if (r = /^exception ([0-9a-fA-F]+) at (?:0x)?([0-9a-fA-F]+)$/.exec(rest)) {
        e = base("exception");
        e.exception = r[1].toLowerCase();
        e.address = r[2].toLowerCase();
        return e;
      }
      return void 0;
    default:
      return void 0;
  }
}
function parseProgramBanner(message2) {
  const m = /Program name: (.+?) \(pid (\d+), ppid (\d+), windows pid (\d+)\)\s*$/.exec(message2);
  if (!m) return void 0;
  return { path: m[1], pid: Number(m[2]), ppid: Number(m[3]), winpid: Number(m[4]) };
}

// src/diagnose/classify.ts
var TEMPISH = /[\\/](?:te?mp|_temp|build|_build|\.libs|obj|out|tests?|t)[\\/]|\\AppData\\Local\\Temp\\/i;
function byWin32(e) {
  switch (e) {
    case 5:
      return { cause: "interference", confidence: 0.7, because: "Win32 error 5 (access denied): something (antivirus, EDR) blocked the child" };
    case 487:
      return { cause: "address-collision", confidence: 0.8, because: "Win32 error 487 (invalid address): the address range is taken in the child" };
    case 8:
    case 1450:
    case 1455:
    case 1816:
      return { cause: "resources", confidence: 0.85, because: `Win32 error ${e}: Windows ran out of memory, commit or quota` };
    case 299:
    case 998:
      return { cause: "interference", confidence: 0.6, because: `Win32 error ${e}: process memory could not be copied` };
    default:
      return void 0;
  }
}
function deletedOrReplaced(d, ctx) {
  const h = ctx.history;
  const c = h.change;
  const loaded = h.loadLine !== void 0 ? ` loaded at line ${h.loadLine}` : "";
  if (c && (c.type === "write" || c.type === "rename-onto")) {
    return { cause: "replaced-dll", confidence: h.loadLine !== void 0 ? 0.9 : 0.8, because: `the DLL was${loaded}${loaded ? " and" : ""} rewritten at line ${c.line} before the fork` };
  }
  if (c) {
    return {
      cause: "deleted-dll",
      confidence: h.loadLine !== void 0 ? 0.95 : 0.85,
      because: `the DLL was${loaded}${loaded ? " and" : ""} ${c.type === "delete" ? "deleted" : "renamed away"} at line ${c.line} before the fork`
    };
  }
  if (d.dll && TEMPISH.test(d.dll)) {
    return { cause: "deleted-dll", confidence: 0.7, because: "Win32 error 126 on a DLL in a temporary/build/test folder: most likely deleted after it was loaded" };
  }
  return { cause: "deleted-dll", confidence: 0.55, because: "Win32 error 126: the DLL file (or a dependency) was not found when the child reloaded it" };
}
function classify(d, ctx) {
  const w = d.win32Error;
  switch (d.kind) {
    case "abort-map":
    case "abort-interim":
      if (w === 126) return deletedOrReplaced(d, ctx);
      return byWin32(w) ?? { cause: "unknown", confidence: 0.35, because: "the child could not map the DLL; the error does not tell why" };
    case "abort-different-dll":
      if (ctx.history.change?.type === "write" || ctx.history.change?.type === "rename-onto") {
        return { cause: "replaced-dll", confidence: 0.95, because: `the child loaded a different DLL with the same name; the log shows it rewritten at line ${ctx.history.change.line}` };
      }
      return { cause: "replaced-dll", confidence: 0.85, because: "the child loaded a different DLL with the same basename (rebuilt, updated, or another copy first on PATH)" };
    case "abort-different-address":
    case "abort-occupied":
    case "abort-remap":
    case "abort-map-address":
    case "old-remap":
      return { cause: "address-collision", confidence: 0.9, because: "the DLL could not be placed at the parent\u2019s address in the child" };
    case "abort-memory":
      return byWin32(w) ?? { cause: "address-collision", confidence: 0.6, because: "reserving the DLL\u2019s address range in the child failed" };
    case "abort-other":
    case "fatal-other":
      return byWin32(w) ?? (w === 126 ? deletedOrReplaced(d, ctx) : { cause: "unknown", confidence: 0.3, because: "an unrecognised child-side fork error" });
    case "fatal-stack":
    case "old-reserve": {
      const r = byWin32(w);
      if (r && r.cause === "resources") return r;
      return { cause: "address-collision", confidence: w === 487 ? 0.85 : 0.7, because: "the parent\u2019s thread stack range is taken in the child" };
    }
    case "fatal-heap": {
      const r = byWin32(w);
      if (r && r.cause === "resources") return r;
      return { cause: "heap", confidence: 0.8, because: "the child could not recreate the parent\u2019s heap at its address" };
    }
    case "fatal-commit":
      return { cause: "resources", confidence: 0.75, because: "committing memory failed in the child" };
    case "fatal-mmap":
      return byWin32(w) ?? { cause: "address-collision", confidence: 0.45, because: "the child could not recreate the parent\u2019s memory maps" };
    case "fatal-sync":
    case "wait-failed":
    case "parent-dll-loading":
    case "parent-other":
    case "parent-fork-failed":
    case "old-sync":
      return byWin32(w) ?? { cause: "unknown", confidence: 0.3, because: "the log shows that the fork failed but not why" };
    case "copy-failed":
      if (w === 5) return { cause: "interference", confidence: 0.85, because: `copying ${d.region ?? "memory"} into the child was denied (Win32 error 5)` };
      return { cause: "interference", confidence: d.region === "cygheap" ? 0.6 : 0.75, because: `copying ${d.region ?? "memory"} ${d.direction === "read" ? "from the parent" : "into the child"} failed${w ? ` (Win32 error ${w})` : ""}` };
    case "parent-copy":
      return { cause: "interference", confidence: 0.55, because: "the parent could not copy its memory into the child" };
    case "mismatch":
      if (ctx.runtimeUpgraded) {
        return { cause: "replaced-dll", confidence: 0.85, because: `${d.what} mismatch while the log shows the Cygwin runtime being installed or upgraded: the runtime DLL was replaced` };
      }
      if (d.what === "cygheap base") {
        return { cause: "heap", confidence: 0.7, because: "cygheap base mismatch: the runtime DLL loaded at another address in the child (mandatory ASLR) or two runtime copies" };
      }
      return { cause: "replaced-dll", confidence: 0.6, because: `${d.what} mismatch: two incompatible copies of the Cygwin DLL in one process tree` };
    case "parent-event":
    case "subproc-event":
      return { cause: "resources", confidence: 0.7, because: "creating a synchronisation event failed: handle or resource exhaustion" };
    case "parent-createprocess": {
      if (d.errno === 13) return { cause: "interference", confidence: 0.6, because: "CreateProcess was denied (EACCES): antivirus or policy" };
      if (d.errno === 11 || d.errno === 12 || d.errno === 5) return { cause: "resources", confidence: 0.65, because: "Windows could not create the child process (process/job/quota limit or memory)" };
      return { cause: "unknown", confidence: 0.35, because: "Windows could not create the child process" };
    }
    case "parent-died":
      return byExitCode(d.exitCode);
    case "symptom":
      return { cause: "unknown", confidence: 0.15, because: "only the application\u2019s complaint is in the log, no Cygwin message" };
  }
}
function byExitCode(code) {
  const n = code === void 0 ? NaN : code.startsWith("0x") ? parseInt(code, 16) : Number(code) >>> 0;
  switch (n) {
    case 3221225794:
      return { cause: "resources", confidence: 0.5, because: "exit code 0xC0000142 (DLL init failed): usually desktop heap or resource pressure, sometimes antivirus" };
    case 3221225477:
      return { cause: "address-collision", confidence: 0.55, because: "exit code 0xC0000005 (access violation) before the child synced: typically an address collision or an injected DLL" };
    case 3221225781:
      return { cause: "deleted-dll", confidence: 0.5, because: "exit code 0xC0000135 (DLL not found): a DLL the child needs is missing" };
    case 3758097001:
      return { cause: "address-collision", confidence: 0.4, because: "exit code 0xE0000269 (illegal DLL pseudo relocation)" };
    case 256:
      return { cause: "unknown", confidence: 0.3, because: "exit code 0x100: the child hit a fatal error, but its `*** fatal error` line is not in the log" };
    default:
      return { cause: "unknown", confidence: 0.3, because: `the child died before it synced (exit code ${code ?? "unknown"})` };
  }
}

// src/diagnose/messages.ts
var E = String.raw`(?:Win32 error (\d+)|(.+?))`;
var ADDR = String.raw`(0x[0-9A-Fa-f]+)`;
function err(m, num2, text) {
  if (num2 !== void 0) m.win32Error = Number(num2);
  else if (text !== void 0) m.win32Text = text.trim();
  return m;
}
var ABORT_RULES = [
  {
    re: new RegExp(String.raw`^(.+?): Loaded to different address: parent\(${ADDR}\) != child\(${ADDR}\)`),
    make: (m) => ({ kind: "abort-different-address", dll: m[1], parentAddress: m[2], childAddress: m[3] })
  },
  {
    re: /^\s*Loaded different DLL with same basename in forked child,?\s*(?:parent loaded: (.+?)\s+child loaded: (.+?)(?:\s+The DLLs differ\b.*)?)?$/s,
    make: (m) => {
      const r = { kind: "abort-different-dll" };
      if (m[1]) r.parentDll = m[1].trim();
      if (m[2]) r.childDll = m[2].trim();
      if (m[2]) r.dll = m[2].trim();
      return r;
    }
  },
  {
    re: new RegExp(String.raw`^address space needed by '([^']+)' \(${ADDR}\) is already occupied`),
    make: (m) => ({ kind: "abort-occupied", dll: m[1], address: m[2] })
  },
  {
    re: new RegExp(String.raw`^unable to create interim mapping for (.+?)(?: \(using (.+?)\))?, ${E}$`),
    make: (m) => err(using({ kind: "abort-interim", dll: m[1] }, m[2]), m[3], m[4])
  },
  {
    re: new RegExp(String.raw`^unable to remap (.+?)(?: \(using (.+?)\))? to same address as parent \(${ADDR}\)`),
    make: (m) => using({ kind: "abort-remap", dll: m[1], address: m[3] }, m[2])
  },
  {
    re: new RegExp(String.raw`^unable to map (.+?)(?: \(using (.+?)\))? to same address as parent: ${ADDR} != ${ADDR}`),
    make: (m) => using({ kind: "abort-map-address", dll: m[1], parentAddress: m[3], childAddress: m[4] }, m[2])
  },
  {
    re: new RegExp(String.raw`^unable to map (.+?)(?: \(using (.+?)\))?, ${E}$`),
    make: (m) => err(using({ kind: "abort-map", dll: m[1] }, m[2]), m[3], m[4])
  },
  {
    re: new RegExp(String.raw`^couldn't (?:examine memory at ${ADDR} while mapping (.+?)|allocate memory ${ADDR}\(\d+\) for '(.+?)' alignment|release memory ${ADDR} for '(.+?)' alignment), ${E}$`),
    make: (m) => err({ kind: "abort-memory", address: m[1] ?? m[3] ?? m[5], dll: m[2] ?? m[4] ?? m[6] }, m[7], m[8])
  },
  {
    re: new RegExp(String.raw`^unable to (?:release protective reservation \(${ADDR}\) for (.+?)|release protective reservation for (.+?) \(${ADDR}\)|unload interim mapping of (.+?)(?: \(using .+?\))?), ${E}$`),
    make: (m) => err({ kind: "abort-memory", dll: m[2] ?? m[3] ?? m[5], ...m[1] ?? m[4] ? { address: m[1] ?? m[4] } : {} }, m[6], m[7])
  },
  {
    re: new RegExp(String.raw`^unable to block off ${ADDR} to prevent (.+?) from loading there`),
    make: (m) => ({ kind: "abort-memory", address: m[1], dll: m[2] })
  }
];
function using(m, u) {
  if (u !== void 0) m.using = u;
  else if (m.kind !== "abort-different-address" && m.kind !== "abort-occupied") m.pre30 = true;
  return m;
}
var FATAL_RULES = [
  {
    re: new RegExp(String.raw`^fork: can't reserve memory for parent stack ${ADDR} - ${ADDR}, \(child has ${ADDR} - ${ADDR}\), ${E}$`),
    make: (m) => err({ kind: "fatal-stack", address: m[1] }, m[5], m[6])
  },
  {
    re: new RegExp(String.raw`^(?:can't commit (?:child )?memory for stack ${ADDR}\(\w+\)|fork: couldn't allocate new stack guard page ${ADDR}), ${E}$`),
    make: (m) => err({ kind: "fatal-stack", address: m[1] ?? m[2] }, m[3], m[4])
  },
  {
    re: new RegExp(String.raw`^couldn't allocate heap, ${E}, base ${ADDR}`),
    make: (m) => err({ kind: "fatal-heap", address: m[3] }, m[1], m[2])
  },
  {
    re: new RegExp(String.raw`^heap allocated at wrong address ${ADDR} \(mapped\) != ${ADDR} \(expected\)`),
    make: (m) => ({ kind: "fatal-heap", childAddress: m[1], parentAddress: m[2] })
  },
  { re: new RegExp(String.raw`^MEM_COMMIT failed, ${E}$`), make: (m) => err({ kind: "fatal-commit" }, m[1], m[2]) },
  { re: /^recreate_mmaps_after_fork_failed/, make: () => ({ kind: "fatal-mmap" }) },
  { re: /^recreate_shm areas after fork failed/, make: () => ({ kind: "fatal-sync" }) },
  {
    re: new RegExp(String.raw`^WFSO (?:timed out|failed) (after longjmp|performed fork fixups and dynamic dll loading)(?:, fork_finished ${ADDR}, ${E})?`),
    make: (m) => err({ kind: "fatal-sync", what: m[1] }, m[3], m[4])
  }
];
var PARENT_RULES = [
  {
    re: /^forked process (\d+) died unexpectedly, retry (\d+), exit code (0x[0-9A-Fa-f]+|-?\d+)$/,
    make: (m) => ({ kind: "parent-died", childWinpid: Number(m[1]), retry: Number(m[2]), exitCode: m[3] })
  },
  {
    re: /^forked process died unexpectedly, retry (\d+), exit code (0x[0-9A-Fa-f]+|-?\d+)$/,
    make: (m) => ({ kind: "parent-died", retry: Number(m[1]), exitCode: m[2] })
  },
  {
    re: /^died waiting for longjmp before initialization, retry (\d+), exit code (0x[0-9A-Fa-f]+|-?\d+)$/,
    make: (m) => ({ kind: "parent-died", retry: Number(m[1]), exitCode: m[2], pre30: true })
  },
  { re: /^CreateProcessW failed for '(.*)'$/s, make: (m) => ({ kind: "parent-createprocess", dll: m[1] }) },
  {
    re: /^pid (\d+), exitval (0x[0-9A-Fa-f]+)$/,
    make: (m) => ({ kind: "parent-copy", childWinpid: Number(m[1]), exitCode: m[2] })
  },
  { re: /^couldn't copy linked dll data\/bss$/, make: () => ({ kind: "parent-copy", region: "linked dll data/bss" }) },
  { re: /^copying data\/bss for a loaded dll$/, make: () => ({ kind: "parent-copy", region: "loaded dll data/bss" }) },
  { re: /^died waiting for dll loading$/, make: () => ({ kind: "parent-dll-loading" }) },
  { re: /^unable to allocate forker_finished event$/, make: () => ({ kind: "parent-event" }) }
];
var PARENT_LINE = /\b(do)?fork: child (-?\d+) - (.+), errno (\d+)\s*$/s;
var ABORT_LINE = /\bchild_info_fork::abort: ?(.*)$/s;
var FATAL_LINE = /\*\*\* fatal error (in forked process )?- (.*)$/s;
var COPY_LINE = /\bchild_copy: (.+?) (read|write) copy failed, (0x[0-9A-Fa-f]+)\.\.(0x[0-9A-Fa-f]+), done (\d+), windows pid (\d+), (?:Win32 error (\d+)|(.+?))$/;
var MISMATCH = /\b((?:cygheap base|proc intro|proc size|fhandler size|user shared memory version|system shared memory version|shared region|[\w ]{1,40}?)) (magic number )?mismatch detected - (0x[0-9A-Fa-f]+|\d+)\/(0x[0-9A-Fa-f]+|\d+)/;
var FORK_FAILED = /\bdofork: fork failed - child pid (-?\d+), errno (\d+)/;
var WAIT_FAILED = /\bchild_info::sync: wait failed, pid (\d+), (?:Win32 error (\d+)|(.+?))$|\bwait failed, pid (\d+), (?:Win32 error (\d+)|(.+?))$/;
var SUBPROC = /\bunable to allocate subproc_ready event, (?:Win32 error (\d+)|(.+?))$/;
var OLD_SYNC = /\bsync_with_child: child (\d+)\((0x[0-9A-Fa-f]+)\) died before initialization with status code (0x[0-9A-Fa-f]+|\d+)/;
var OLD_RESERVE = /\*\*\* fork: can't reserve memory for stack (0x[0-9A-Fa-f]+)/;
var OLD_REMAP = /\*\*\* unable to remap (.+?) to same address as parent\s*\(?(0x[0-9A-Fa-f]+)?/;
var SYMPTOM = /\bfork: (?:retry: )?(?:Resource temporarily unavailable|Cannot allocate memory|No child processes)\b|\bfork failed: resource temporarily unavailable\b|\bcould not fork child process\b|\bcannot fork\(\) for\b|\bCan't fork\b|\bBlockingIOError: \[Errno 11\] Resource temporarily unavailable/i;
var LINE_NEEDLES = [
  "fork",
  "child_copy",
  "mismatch detected",
  "unable to remap",
  "sync_with_child",
  "wait failed",
  "subproc_ready",
  "Resource temporarily",
  "Cannot allocate",
  "Can't fork",
  "Loaded different DLL"
];
function hasNeedle(s) {
  for (const n of LINE_NEEDLES) if (s.includes(n)) return true;
  return false;
}
function matchMessage(text) {
  if (!hasNeedle(text)) return void 0;
  let m;
  if (text.includes("child_info_fork::abort") && (m = ABORT_LINE.exec(text))) {
    const body = m[1].replace(/\s+$/, "");
    for (const r of ABORT_RULES) {
      const x = r.re.exec(body);
      if (!x) continue;
      const made = r.make(x);
      if (made.kind === "abort-different-dll" && made.childDll === void 0) return "partial";
      if (made.win32Text !== void 0 && /^W(?:i(?:n(?:3(?:2(?: (?:e(?:r(?:r(?:o(?:r(?: \d*)?)?)?)?)?)?)?)?)?)?)?$/.test(made.win32Text)) return "partial";
      return { ...made, offset: m.index, func: "child_info_fork::abort" };
    }
    if (body === "" || /^\s*Loaded different DLL/.test(body) || looksCut(body)) return "partial";
    return { kind: "abort-other", offset: m.index, func: "child_info_fork::abort", ...errOf(body) };
  }
  const parentish = text.includes("fork: child ");
  if (parentish && (m = PARENT_LINE.exec(text))) {
    const body = m[3];
    const base = { offset: m.index, func: m[1] ? "dofork" : "fork", childPid: Number(m[2]), errno: Number(m[4]) };
    for (const r of PARENT_RULES) {
      const x = r.re.exec(body);
      if (x) return { ...r.make(x), ...base, ...m[1] ? {} : { pre30: true } };
    }
    return { kind: "parent-other", ...base, ...m[1] ? {} : { pre30: true } };
  }
  if (parentish && /\b(?:do)?fork: child -?\d+ - /.test(text)) return "partial";
  if (text.includes("*** fatal error") && (m = FATAL_LINE.exec(text))) {
    const body = m[2].replace(/\s+$/, "");
    const inFork = Boolean(m[1]);
    const mm = MISMATCH.exec(body);
    if (mm) return mismatch(mm, m.index);
    if (!inFork) {
      for (const r of FATAL_RULES) {
        const x = r.re.exec(body);
        if (x && (x[0].startsWith("fork:") || /heap|stack/.test(r.re.source))) return { ...r.make(x), offset: m.index };
      }
      return void 0;
    }
    for (const r of FATAL_RULES) {
      const x = r.re.exec(body);
      if (x) return { ...r.make(x), offset: m.index };
    }
    if (looksCut(body)) return "partial";
    return { kind: "fatal-other", offset: m.index, ...errOf(body) };
  }
  const copyish = text.includes("child_copy: ") && text.includes(" copy failed");
  if (copyish && (m = COPY_LINE.exec(text))) {
    const c = err(
      { kind: "copy-failed", region: m[1], direction: m[2], address: m[3], childWinpid: Number(m[6]) },
      m[7],
      m[8]
    );
    return { ...c, offset: m.index, func: "child_copy" };
  }
  if (copyish && /\bchild_copy: .+ copy failed/.test(text)) return "partial";
  if (text.includes("mismatch detected") && (m = MISMATCH.exec(text))) return mismatch(m, m.index);
  if (text.includes("dofork: fork failed - child pid ") && (m = FORK_FAILED.exec(text))) return { kind: "parent-fork-failed", offset: m.index, func: "dofork", childPid: Number(m[1]), errno: Number(m[2]) };
  if (text.includes("unable to allocate subproc_ready event, ") && (m = SUBPROC.exec(text))) return { ...err({ kind: "subproc-event" }, m[1], m[2]), offset: m.index, func: "dofork" };
  if (text.includes("wait failed, pid ") && (m = WAIT_FAILED.exec(text))) {
    return { ...err({ kind: "wait-failed", childWinpid: Number(m[1] ?? m[4]) }, m[2] ?? m[5], m[3] ?? m[6]), offset: m.index };
  }
  if (text.includes("sync_with_child: child ") && (m = OLD_SYNC.exec(text))) {
    return { kind: "old-sync", offset: m.index, childWinpid: Number(m[1]), exitCode: m[3], pre30: true };
  }
  if (text.includes("*** fork: can't reserve memory for stack ") && (m = OLD_RESERVE.exec(text))) return { kind: "old-reserve", offset: m.index, address: m[1], pre30: true };
  if (text.includes("*** unable to remap ") && (m = OLD_REMAP.exec(text))) {
    return { kind: "old-remap", offset: m.index, dll: m[1], ...m[2] ? { address: m[2] } : {}, pre30: true };
  }
  if (m = SYMPTOM.exec(text)) return { kind: "symptom", offset: m.index };
  return void 0;
}
function mismatch(m, offset) {
  return { kind: "mismatch", offset, what: m[1].trim(), parentAddress: m[3], childAddress: m[4] };
}
function errOf(body) {
  const e = /Win32 error (\d+)/.exec(body);
  return e ? { win32Error: Number(e[1]) } : {};
}
function looksCut(body) {
  if (/Win32 error \d+$|rebaseall$|occupied$|\)$|there$/.test(body)) return false;
  return /^(?:unable to|couldn't|address space|fork: can't|can't commit|heap allocated|.+: Loaded to)/.test(body);
}

// src/diagnose/detect.ts
var PREFIX_AT_END = /(?:^|[^\w])(\d+) \[([^\]\s]+)\] (\S+) (\(\d+\)|\d+)!? (?:\S.*?: )?$/;
var NEW_LINE_START = /^\s*(?:[0-9a-fA-F]{12}\s+)?(?:-?\d+\s+)?(?:\d+|\d\d:\d\d:\d\d)\s+\[[^\]\s]+\] \S+ \(?\d+\)?!? |^--- Process /;
var MAX_JOIN = 8;
var Detector = class {
  pending = null;
  /** Is a message waiting for its continuation? (Then every following line must be fed.) */
  get busy() {
    return this.pending !== null;
  }
  push(text, no) {
    const out = [];
    const p = this.pending;
    if (p) {
      if (NEW_LINE_START.test(text) && !/^\s*(?:parent|child) loaded: /.test(text)) {
        out.push(this.force());
      } else {
        p.lines.push(text);
        p.last = no;
        const joined = p.lines.join(p.multi ? "\n" : "");
        const r2 = matchMessage(joined);
        if (r2 && r2 !== "partial") {
          this.pending = null;
          out.push(make(r2, joined, p.first, no));
          return out;
        }
        if (r2 === "partial" && p.lines.length < MAX_JOIN) return out;
        out.push(this.force());
        return out;
      }
    }
    const r = matchMessage(text);
    if (r === "partial") {
      this.pending = { lines: [text], first: no, last: no, multi: /child_info_fork::abort: ?\s*$/.test(text) || /Loaded different DLL/.test(text) };
    } else if (r) {
      out.push(make(r, text, no, no));
    }
    return out;
  }
  /** At the end of the file: a message still waiting is reported as incomplete. */
  end() {
    return this.pending ? [this.force()] : [];
  }
  force() {
    const p = this.pending;
    this.pending = null;
    const joined = p.lines.join(p.multi ? "\n" : "");
    const kind = /child_info_fork::abort/.test(joined) ? /Loaded different DLL/.test(joined) ? "abort-different-dll" : "abort-other" : /fork: child/.test(joined) ? "parent-other" : /child_copy/.test(joined) ? "copy-failed" : "fatal-other";
    const at = Math.max(0, joined.search(/child_info_fork::abort|(?:do)?fork: child|child_copy|\*\*\* fatal error/));
    const r = { kind, offset: at };
    const e = /Win32 error (\d+)/.exec(joined);
    if (e) r.win32Error = Number(e[1]);
    const dll = /(?:map|remap|for|mapping|loaded:) ((?:\\\?\?\\)?[A-Za-z]:\\.+?\.(?:dll|so|oct|pyd|node|exe))\b/i.exec(joined);
    if (dll) r.dll = dll[1];
    const d = make(r, joined, p.first, p.last);
    d.incomplete = true;
    return d;
  }
};
function make(r, text, first, last) {
  const before = text.slice(0, r.offset);
  const pm = PREFIX_AT_END.exec(before);
  const start = pm ? pm.index + (pm[0].startsWith(pm[1]) ? 0 : 1) : r.offset;
  const d = { ...r, line: first, endLine: last, text: text.slice(start).trim() };
  if (pm) {
    d.program = pm[3];
    if (pm[4].startsWith("(")) d.winpid = Number(pm[4].slice(1, -1));
    else d.pid = Number(pm[4]);
  }
  return d;
}

// src/diagnose/quiet.ts
var SUSPECT_PROGRAM = /cygwin|msys/i;
var P = { start: 0, end: 0, delta: 0, total: 0, threadFrom: 0, threadTo: 0, progFrom: 0, progTo: 0, pid: -1, winpid: -1, funcFrom: 0, funcTo: 0, msgFrom: 0, kind: 0, n1: 0, n2: -1, hexFrom: 0, proc: false };
var NONE = 0;
var QUIET = 1;
var PLAIN = 2;
var K_ENTERING = 1;
var K_FORK_RESULT = 2;
var K_FORKED = 3;
var K_RUNNING = 4;
var K_CREATED = 5;
var K_EXITED = 6;
var num = 0;
function digits(s, i, to) {
  let v = 0;
  const st = i;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    i++;
  }
  if (i === st || i - st > 15) return -1;
  num = v;
  return i;
}
function hex(s, i, to) {
  if (i + 2 >= to || s.charCodeAt(i) !== 48 || s.charCodeAt(i + 1) !== 120) return -1;
  i += 2;
  const st = i;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (!(c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102)) break;
    i++;
  }
  return i === st ? -1 : i;
}
function lit(s, i, to, l) {
  return i + l.length <= to && s.startsWith(l, i) ? i + l.length : -1;
}
function alnum(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function lowerRun(s, i, to, comma) {
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122 || c === 32 || comma && c === 44) i++;
    else break;
  }
  return i;
}
function classify2(s, from, to) {
  const end = to > from && s.charCodeAt(to - 1) === 13 ? to - 1 : to;
  P.end = end;
  P.proc = s.startsWith("--- Process ", from);
  if (P.proc) return processLine(s, from, end);
  let i = from;
  while (i < end && s.charCodeAt(i) === 32) i++;
  P.start = i;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  const d0 = i;
  if ((i = digits(s, i, end)) < 0) return NONE;
  if (i - d0 === 12) return NONE;
  P.delta = neg ? -num : num;
  if (s.charCodeAt(i) !== 32) return NONE;
  while (i < end && s.charCodeAt(i) === 32) i++;
  if ((i = digits(s, i, end)) < 0) return NONE;
  P.total = num;
  if (s.charCodeAt(i) !== 32 || s.charCodeAt(i + 1) !== 91) return NONE;
  i += 2;
  P.threadFrom = i;
  while (i < end && alnum(s.charCodeAt(i))) i++;
  if (i === P.threadFrom || s.charCodeAt(i) !== 93 || s.charCodeAt(i + 1) !== 32) return NONE;
  P.threadTo = i;
  i += 2;
  P.progFrom = i;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!(alnum(c) || c === 46 || c === 43 || c === 45)) break;
  }
  if (i === P.progFrom || s.charCodeAt(i) !== 32) return NONE;
  P.progTo = i;
  i++;
  P.pid = -1;
  P.winpid = -1;
  if (s.charCodeAt(i) === 40) {
    if ((i = digits(s, i + 1, end)) < 0 || s.charCodeAt(i) !== 41) return NONE;
    P.winpid = num;
    i++;
  } else {
    if ((i = digits(s, i, end)) < 0) return NONE;
    P.pid = num;
  }
  if (s.charCodeAt(i) !== 32) return NONE;
  i++;
  P.funcFrom = i;
  const r = message(s, i, end);
  if (r !== NONE && SUSPECT_PROGRAM.test(s.slice(P.progFrom, P.progTo))) return NONE;
  return r;
}
function message(s, f, end) {
  let i;
  switch (s.charCodeAt(f)) {
    case 99:
      if ((i = lit(s, f, end, "child_copy: ")) >= 0) {
        if (lit(s, i, end, "done") === end) return QUIET;
        const k = lowerRun(s, i, end, false);
        if (k - 1 <= i || s.charCodeAt(k - 1) !== 32 || (i = lit(s, k, end, "- hp ")) < 0) return NONE;
        if ((i = hex(s, i, end)) < 0 || (i = lit(s, i, end, " low ")) < 0 || (i = hex(s, i, end)) < 0) return NONE;
        if ((i = lit(s, i, end, ", high ")) < 0 || (i = hex(s, i, end)) < 0) return NONE;
        return lit(s, i, end, ", res 1") === end ? QUIET : NONE;
      }
      if ((i = lit(s, f, end, "child_info::sync: ")) >= 0) {
        let j;
        if ((j = lit(s, i, end, "n ")) >= 0) {
          if ((j = digits(s, j, end)) < 0 || (j = lit(s, j, end, ", waiting for subproc_ready(")) < 0 || (j = hex(s, j, end)) < 0) return NONE;
          if ((j = lit(s, j, end, ") and child process(")) < 0 || (j = hex(s, j, end)) < 0) return NONE;
          return lit(s, j, end, ")") === end ? QUIET : NONE;
        }
        if ((j = lit(s, i, end, "pid ")) >= 0) {
          if ((j = digits(s, j, end)) < 0 || (j = lit(s, j, end, ", WFMO returned ")) < 0 || (j = digits(s, j, end)) < 0) return NONE;
          if ((j = lit(s, j, end, ", exit_code ")) < 0 || (j = hex(s, j, end)) < 0) return NONE;
          return lit(s, j, end, ", res 1") === end ? QUIET : NONE;
        }
      }
      return NONE;
    case 114:
      return lit(s, f, end, "resume_child: signalled child") === end ? QUIET : NONE;
    case 115:
      if ((i = lit(s, f, end, "sync_with_parent: ")) < 0) return NONE;
      if (lit(s, i, end, "awake") === end) return QUIET;
      if ((i = lit(s, i, end, "signalling parent: ")) < 0) return NONE;
      return i < end && lowerRun(s, i, end, true) === end ? QUIET : NONE;
    case 102:
      if ((i = lit(s, f, end, "frok::parent: ")) >= 0) {
        let j;
        if ((j = lit(s, i, end, "priority class ")) >= 0) return digits(s, j, end) === end ? QUIET : NONE;
        if (lit(s, i, end, "child is alive (but stopped)") === end) return QUIET;
        if ((j = lit(s, i, end, "forked pid ")) >= 0) {
          if (digits(s, j, end) !== end) return NONE;
          setPlain(f, 12, K_FORKED, num, -1);
          return PLAIN;
        }
        if ((j = lit(s, i, end, "CreateProcessW (")) >= 0) return createProcess(s, j, end);
        return NONE;
      }
      if ((i = lit(s, f, end, "frok::child: ")) >= 0) {
        let j;
        if ((j = lit(s, i, end, "hParent ")) >= 0) {
          if ((j = hex(s, j, end)) < 0 || (j = lit(s, j, end, ", load_dlls ")) < 0) return NONE;
          return digits(s, j, end) === end ? QUIET : NONE;
        }
        if ((j = lit(s, i, end, "child is running.  pid ")) >= 0) {
          if ((j = digits(s, j, end)) < 0) return NONE;
          const pid = num;
          if ((j = lit(s, j, end, ", ppid ")) < 0 || (j = digits(s, j, end)) < 0) return NONE;
          const ppid = num;
          if ((j = lit(s, j, end, ", stack here ")) < 0 || hex(s, j, end) !== end) return NONE;
          setPlain(f, 11, K_RUNNING, pid, ppid);
          return PLAIN;
        }
      }
      return NONE;
    case 100:
      if ((i = lit(s, f, end, "dofork: ")) < 0) return NONE;
      if (lit(s, i, end, "entering") === end) {
        setPlain(f, 6, K_ENTERING, 0, -1);
        return PLAIN;
      }
      {
        const neg = s.charCodeAt(i) === 45;
        const d = neg ? i + 1 : i;
        const j = digits(s, d, end);
        if (j < 0 || lit(s, j, end, " = fork()") !== end) return NONE;
        if (!neg && j === d + 1 && s.charCodeAt(d) === 48) return QUIET;
        setPlain(f, 6, K_FORK_RESULT, 0, -1);
        return PLAIN;
      }
    default:
      return NONE;
  }
}
function setPlain(f, funcLen, kind, n1, n2) {
  P.funcTo = f + funcLen;
  P.msgFrom = f + funcLen + 2;
  P.kind = kind;
  P.n1 = n1;
  P.n2 = n2;
}
function createProcess(s, i, end) {
  const st = i;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!(alnum(c) || c === 58 || c === 92 || c === 46 || c === 32 || c === 44)) break;
  }
  if (i + 1 !== end || s.charCodeAt(i) !== 41) return NONE;
  const body = s.slice(st, end);
  if (body.includes("DLL version") || body.includes("  ") || body.includes("MINGW") || /[Mm][Ss][Yy][Ss]|\\[Gg][Ii][Tt]\\/.test(body)) return NONE;
  return QUIET;
}
function processLine(s, from, end) {
  P.start = from;
  let i = digits(s, from + 12, end);
  if (i < 0) return NONE;
  P.winpid = num;
  P.pid = -1;
  let j;
  if ((j = lit(s, i, end, " (pid: ")) >= 0) {
    if ((j = digits(s, j, end)) < 0 || s.charCodeAt(j) !== 41) return NONE;
    P.pid = num;
    i = j + 1;
  }
  if ((j = lit(s, i, end, " thread ")) >= 0) {
    if ((j = digits(s, j, end)) < 0) return NONE;
    if (lit(s, j, end, " created") === end) return QUIET;
    if ((j = lit(s, j, end, " exited with status ")) < 0) return NONE;
    return hex(s, j, end) === end ? QUIET : NONE;
  }
  if (lit(s, i, end, " created") === end) {
    P.kind = K_CREATED;
    return PLAIN;
  }
  if ((j = lit(s, i, end, " exited with status ")) >= 0 && hex(s, j, end) === end) {
    P.kind = K_EXITED;
    P.hexFrom = j;
    return PLAIN;
  }
  return NONE;
}
function quietResult(s) {
  if (P.proc) {
    return P.pid < 0 ? { winpid: P.winpid } : { winpid: P.winpid, pid: P.pid };
  }
  const program = s.slice(P.progFrom, P.progTo);
  return P.winpid >= 0 ? { program, winpid: P.winpid } : { program, pid: P.pid };
}
function fastAt(s, from, to, copy) {
  const r = classify2(s, from, to);
  if (r === NONE) return void 0;
  if (r === QUIET) {
    const q = quietResult(s);
    if (q.program !== void 0) q.program = copy(P.progFrom, P.progTo);
    return { quiet: q };
  }
  const text = copy(P.start, P.end);
  const o = P.start;
  if (P.kind === K_CREATED || P.kind === K_EXITED) {
    const e = { kind: "event", type: P.kind === K_CREATED ? "created" : "exited", winpid: P.winpid };
    if (P.pid >= 0) e.pid = P.pid;
    if (P.kind === K_EXITED) e.status = text.slice(P.hexFrom - o).toLowerCase();
    return { plain: e, text };
  }
  const m = {
    kind: "message",
    thread: text.slice(P.threadFrom - o, P.threadTo - o),
    program: text.slice(P.progFrom - o, P.progTo - o),
    exec: false,
    message: text.slice(P.funcFrom - o)
  };
  m.delta = P.delta;
  m.total = P.total;
  if (P.winpid >= 0) m.winpid = P.winpid;
  else m.pid = P.pid;
  m.func = text.slice(P.funcFrom - o, P.funcTo - o);
  m.message = text.slice(P.msgFrom - o);
  return { plain: m, text };
}

// src/diagnose/timeline.ts
var MAX_EVENTS = 2e4;
var RING = 4096;
var FORK_RING = 64;
var PER_PATH = 16;
var MAX_PATHS = 5e4;
function basename(p) {
  const s = p.replace(/\\/g, "/");
  return s.slice(s.lastIndexOf("/") + 1).toLowerCase();
}
var MAX_PROCESSES = 2e4;
var SYSTEM_DLL = /\\Windows\\(?:System32|SysWOW64|WinSxS)\\/i;
var LIB = /\.(?:dll|so|oct|pyd|node|exe)$/i;
var INTERESTING_FUNC = /* @__PURE__ */ new Set(["dofork", "frok::parent", "frok::child", "child_info_fork::abort", "child_info::sync"]);
var TimelineBuilder = class {
  constructor(file) {
    this.file = file;
  }
  file;
  procs = [];
  byWinpid = new IdMap();
  byPid = new IdMap();
  events = [];
  dropped = 0;
  /** Events pushed so far; and the last FORK_RING fork/child-running/start events with their number. */
  pushed = 0;
  forkRing = [];
  forkAt = 0;
  byBase = /* @__PURE__ */ new Map();
  listeners = /* @__PURE__ */ new Set();
  /** Paths of DLLs with a load event: deletes/writes are kept for these (and for every .dll/.so path). */
  windowsPaths = [];
  /** The last `frok::parent: forked pid W` seen per parent pid, to link child ↔ parent. */
  forkedBy = /* @__PURE__ */ new Map();
  get size() {
    return this.events.length;
  }
  add(l, no, text) {
    if (l.kind === "event") {
      const p = this.proc(l.winpid, l.pid, void 0, no);
      switch (l.type) {
        case "created":
          this.push({ type: "start", line: no, winpid: l.winpid, ...l.pid ? { pid: l.pid } : {}, text });
          break;
        case "loaded":
          if (l.path && !SYSTEM_DLL.test(l.path)) {
            this.notePath(l.path);
            this.push({ type: "load", line: no, winpid: l.winpid, ...p.pid ? { pid: p.pid } : {}, ...prog(p), path: l.path, text });
          }
          break;
        case "exited":
          p.exitStatus = l.status;
          p.exitLine = no;
          this.push({ type: "exit", line: no, winpid: l.winpid, ...p.pid ? { pid: p.pid } : {}, ...prog(p), detail: l.status, text });
          break;
        default:
          break;
      }
      return;
    }
    this.message(l, no, text);
  }
  message(l, no, text) {
    const p = this.proc(l.winpid, l.pid, l.program, no);
    const msg = l.message;
    const f = l.func;
    if (f && !INTERESTING_FUNC.has(f) && !msg.includes(" = ") && f !== "unlink_nt" && f !== "_unlink_nt") return;
    const ev = (type, extra) => {
      const e = { type, line: no };
      if (l.pid !== void 0) e.pid = l.pid;
      if (p.winpid !== void 0) e.winpid = p.winpid;
      e.program = l.program;
      if (extra?.detail !== void 0) e.detail = extra.detail;
      if (extra?.path !== void 0) e.path = extra.path;
      if (extra?.to !== void 0) e.to = extra.to;
      e.text = text;
      return e;
    };
    let m;
    if (!f) {
      const b = parseProgramBanner(msg);
      if (b) {
        const q = this.proc(b.winpid, b.pid, l.program, no);
        q.path = b.path;
        if (b.ppid > 1) q.parentPid = b.ppid;
        this.notePath(b.path);
      }
      return;
    }
    switch (f) {
      case "dofork":
        if (msg === "entering") this.push(ev("fork"));
        else if ((m = /^(-?\d+) = fork\(\)/.exec(msg)) && m[1] !== "0") this.push(ev("fork-result", { detail: m[1] }));
        return;
      case "frok::parent":
        if (m = /^forked pid (\d+)/.exec(msg)) {
          const c = this.proc(Number(m[1]), void 0, l.program, no);
          if (p.pid !== void 0) c.parentPid = p.pid;
          if (p.winpid !== void 0) c.parentWinpid = p.winpid;
          if (p.pid !== void 0) this.forkedBy.set(p.pid, c);
        } else if (msg.startsWith("returning -1")) {
          this.push(ev("fork-result", { detail: "-1" }));
        }
        return;
      case "frok::child":
        if (m = /^child is running\.\s+pid (\d+), ppid (\d+)/.exec(msg)) {
          const c = this.proc(l.winpid, Number(m[1]), l.program, no);
          c.parentPid = Number(m[2]);
          this.push({ type: "child-running", line: no, pid: Number(m[1]), ...c.winpid !== void 0 ? { winpid: c.winpid } : {}, program: l.program, detail: m[2], text });
        }
        return;
      case "child_info_fork::abort":
        this.push(ev("abort"));
        return;
      case "child_info::sync":
        if (m = /^pid (\d+), WFMO returned \d+, exit_code (0x[0-9a-fA-F]+), res 0/.exec(msg)) {
          this.push(ev("fork-failure", { detail: `child ${m[1]} exit_code ${m[2]}` }));
        }
        return;
      default:
        break;
    }
    if (m = /^(-?\d+) = (?:unlink|_unlink|unlinkat|remove) ?\((?:-?\d+, )?(.+?)(?:, \d+)?\)\s*$/.exec(msg)) {
      if (m[1] === "0") this.push(ev("delete", { path: m[2] }));
      return;
    }
    if (f === "unlink_nt" || f === "_unlink_nt") {
      const pm = /((?:\\\?\?\\)?[A-Za-z]:\\[^,]+?\.(?:dll|so))\b/i.exec(msg);
      if (pm && !/return status = 0x[1-9a-fA-F]/.test(msg)) this.push(ev("delete", { path: pm[1] }));
      return;
    }
    if (m = /^(-?\d+) = rename ?\((.+?), (.+?)\)\s*$/.exec(msg)) {
      if (m[1] === "0") this.push(ev("rename", { path: m[2], to: m[3] }));
      return;
    }
    if ((m = /^(\d+) = open ?\((.+?), (0x[0-9a-fA-F]+)\)\s*$/.exec(msg)) && LIB.test(m[2])) {
      const flags = parseInt(m[3], 16);
      if (flags & 1539) this.push(ev("write", { path: m[2] }));
    }
  }
  notePath(p) {
    if (this.windowsPaths.length < 64) this.windowsPaths.push(p);
  }
  push(e) {
    if (this.events.length >= MAX_EVENTS) this.dropped++;
    else this.events.push(e);
    const seq = this.pushed++;
    if (e.type === "fork" || e.type === "child-running" || e.type === "start") {
      if (this.forkRing.length < FORK_RING) this.forkRing.push({ e, seq });
      else this.forkRing[this.forkAt] = { e, seq };
      this.forkAt = (this.forkAt + 1) % FORK_RING;
    }
    if (e.path && (e.type === "load" || e.type === "delete" || e.type === "rename" || e.type === "write")) {
      this.index(e.path, e);
      if (e.to) this.index(e.to, e);
    }
    for (const l of this.listeners) l(e);
  }
  index(p, e) {
    const key = basename(p);
    let list = this.byBase.get(key);
    if (!list) {
      if (this.byBase.size >= MAX_PATHS) return;
      list = [];
      this.byBase.set(key, list);
    }
    if (list[list.length - 1] === e) return;
    list.push(e);
    if (list.length > PER_PATH) list.shift();
  }
  /** The last file events (load/delete/rename/write) of DLLs with this basename, oldest first. */
  fileEvents(path2) {
    return [...this.byBase.get(basename(path2)) ?? []];
  }
  /** The last events (at most RING), oldest first. */
  /** The last FORK_RING (64) fork, child-running and start events among the last RING (4096) events, in order. */
  recentForks() {
    const r = this.forkRing;
    const ordered = r.length < FORK_RING ? r : [...r.slice(this.forkAt), ...r.slice(0, this.forkAt)];
    const since = this.pushed - RING;
    return ordered.filter((x) => x.seq >= since).map((x) => x.e);
  }
  /** Be told of every event from now on (until the returned function is called). */
  listen(l) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  /** The process for these ids, created or merged (Windows pid and Cygwin pid learnt at different times). */
  /** A line that only shows a process exists (a quiet line, see quiet.ts): the process table as `add` would keep it. */
  touch(winpid, pid, program, no) {
    this.proc(winpid, pid, program, no);
  }
  proc(winpid, pid, program, no) {
    let p = (winpid !== void 0 ? this.byWinpid.get(winpid) : void 0) ?? (pid !== void 0 ? this.byPid.get(pid) : void 0);
    if (!p) {
      p = { firstLine: no };
      if (this.procs.length < MAX_PROCESSES) this.procs.push(p);
    }
    if (winpid !== void 0 && p.winpid === void 0) {
      p.winpid = winpid;
      this.byWinpid.set(winpid, p);
    }
    if (pid !== void 0 && p.pid === void 0) {
      p.pid = pid;
      this.byPid.set(pid, p);
    }
    if (program && !p.program) p.program = program;
    return p;
  }
  /** Look up a process by either id. */
  find(ids) {
    return (ids.winpid !== void 0 ? this.byWinpid.get(ids.winpid) : void 0) ?? (ids.pid !== void 0 ? this.byPid.get(ids.pid) : void 0);
  }
  eventsSoFar() {
    return this.events;
  }
  build() {
    return { file: this.file, processes: this.procs, events: this.events, droppedEvents: this.dropped };
  }
};
var MAX_IDS = 1e5;
var IdMap = class {
  young = /* @__PURE__ */ new Map();
  old = /* @__PURE__ */ new Map();
  get(k) {
    return this.young.get(k) ?? this.old.get(k);
  }
  set(k, v) {
    if (this.young.size >= MAX_IDS / 2 && !this.young.has(k)) {
      this.old = this.young;
      this.young = /* @__PURE__ */ new Map();
    }
    this.young.set(k, v);
  }
};
function prog(p) {
  return p.program ? { program: p.program } : {};
}
function samePath(a, b) {
  const na = norm(a);
  const nb = norm(b);
  if (na === nb) return true;
  const [long, short] = na.length >= nb.length ? [na, nb] : [nb, na];
  if (isAbsolute(short)) return false;
  return long.endsWith(`/${short.replace(/^(?:\.\/)+/, "")}`);
}
function norm(p) {
  return p.replace(/^\\\?\?\\|^\\\\\?\\/, "").replace(/\\/g, "/").replace(/\/{2,}/g, "/").toLowerCase();
}
function isAbsolute(p) {
  return p.startsWith("/") || /^[a-z]:\//.test(p);
}

// src/diagnose/index.ts
var NEEDLE_LITERALS = [
  { text: "fork", fingerprint: "ork", bucket: 4 },
  { text: "frok", fingerprint: "rok", bucket: 0 },
  { text: "child_", fingerprint: "ld_", bucket: 1 },
  { text: "sync_with", search: "ync_wi", fingerprint: "c_w", bucket: 3 },
  { text: "--- Process", search: "Proces", fingerprint: "Pro", bucket: 5 },
  { text: "Program name", search: "gram ", fingerprint: "Pro", bucket: 5 },
  { text: "DLL version", search: "LL ve", fingerprint: "L v", bucket: 1 },
  { text: "unlink", search: "unli", fingerprint: "unl", bucket: 0 },
  { text: "rename", fingerprint: "ena", bucket: 0 },
  { text: "mismatch detected", search: "tch d", fingerprint: "sma", bucket: 3 },
  { text: "unable to remap", search: "to rem", fingerprint: "una", bucket: 0 },
  { text: "wait failed", search: "wait f", fingerprint: "t f", bucket: 2 },
  { text: "subproc_ready", search: "ubpro", fingerprint: "pro", bucket: 5 },
  { text: "temporarily unavailable", search: "y una", fingerprint: "una", bucket: 0 },
  { text: "Cannot allocate", search: "Cannot", fingerprint: "Can", bucket: 6 },
  { text: "Loaded different", search: "Loaded", fingerprint: "ded", bucket: 4 },
  { text: "loaded: ", search: "ded: ", fingerprint: "ded", bucket: 4 },
  { text: "_NT-", search: "NT-", fingerprint: "_NT", bucket: 5 },
  { text: "x86_64", fingerprint: "x86", bucket: 2 },
  { text: "cygwin-", search: "win-", fingerprint: "cyg", bucket: 4 },
  { text: "cygwin  ", search: "win  ", fingerprint: "cyg", bucket: 4 },
  { text: "msys2-runtime", search: "ys2-ru", fingerprint: "ys2", bucket: 5 },
  { text: ".dll", fingerprint: ".dl", bucket: 6 },
  { text: ".so", wordEnd: true, fingerprint: ".so", bucket: 7 }
];
var NEEDLES = new RegExp(
  NEEDLE_LITERALS.map((l) => typeof l === "string" ? escapeRe(l) : `${escapeRe(l.text)}${l.wordEnd ? "\\b" : ""}`).join("|")
);
var NEEDLES_G = new RegExp(NEEDLES.source, "g");
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var VERSIONISH = /DLL version|_NT-|x86_64|cygwin-|cygwin {2}/;
var STRACEISH = /^\s*(?:[0-9a-f]{12}\s+)?-?\d+\s+(?:\d+\s+)?\[/;
var UPGRADE = /(?:Install(?:ing)?|Upgrad(?:e|ing)|Extracting|Unpacking|Downloading)\b.*\bcygwin-\d+\.\d+\.\d+|upgrading msys2-runtime|installing msys2-runtime|\bmsys2-runtime\b.*->|setup-x86_64\.exe\b.*\bcygwin\b/i;
var LIBFILE = /(?:^|[\s'"=])((?:[A-Za-z]:)?[^\s'"=]*\.(?:dll|so|oct|pyd|node))(?=$|[\s'",;)])/gi;
var SYMPTOM_WINDOW = 40;
var JOIN_WINDOW_CONSOLE = 30;
var JOIN_WINDOW_STRACE = 2e3;
var CHILD_KINDS = /^(?:abort-|fatal-|copy-failed|mismatch|old-(?:reserve|remap))/;
var LogAnalysis = class {
  constructor(file, quiet = true) {
    this.file = file;
    this.quiet = quiet;
    this.timeline = new TimelineBuilder(file);
  }
  file;
  quiet;
  detector = new Detector();
  timeline;
  failures = [];
  orphanSymptoms = [];
  /** Console file events per DLL basename (the last 16 of each), bounded. */
  context = /* @__PURE__ */ new Map();
  contextKeys = 0;
  winPaths = [];
  versions = [];
  lastVersion;
  upgraded = false;
  msys = false;
  straceLines = 0;
  unparsed = 0;
  cygwinLines = 0;
  binary = false;
  stats;
  onRaw(raw, no, matched = false) {
    if (!matched && !this.detector.busy && !NEEDLES.test(raw)) return;
    if (this.quiet && !matched && !this.detector.busy) {
      const r = fastAt(raw, 0, raw.length, (a, b) => raw.slice(a, b));
      if (r) return this.fast(r, no);
    }
    const text = cleanLine(raw);
    this.line(text, no);
  }
  /** A hit line still in the reader's chunk: a quiet or plain line is dealt with there (see quiet.ts), without a copy. */
  consume(chunk, from, to, no, copy) {
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
  fast(r, no) {
    if ("quiet" in r) return this.quietLine(r.quiet, no);
    this.straceLines++;
    this.cygwinLines++;
    this.timeline.add(r.plain, no, r.text);
  }
  /** A quiet line of a successful fork: only its process counts (the detector must see every line while busy). */
  quietLine(q, no) {
    this.straceLines++;
    this.cygwinLines++;
    this.timeline.touch(q.winpid, q.pid, q.program, no);
  }
  line(text, no) {
    if (VERSIONISH.test(text)) {
      const v = findVersionInLine(text) ?? findVersionInLine(text.replace(/^.*?\[[^\]]+\] \S+ \(?\d+\)?!? /, ""));
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
      if (s.kind === "event" || s.delta !== void 0 || s.time !== void 0 || s.mask !== void 0) this.straceLines++;
      this.cygwinLines++;
      this.timeline.add(s, no, text.trim());
    } else if (STRACEISH.test(text)) {
      this.unparsed++;
    } else {
      this.consoleContext(text, no);
    }
    for (const d of this.detector.push(text, no)) this.detection(d);
  }
  consoleContext(text, no) {
    if (!/\.(?:dll|so|oct|pyd|node)\b/i.test(text)) return;
    let type;
    if (/(?:^|[\s;&|])rm\s|removed '|\bdelete-file\b|\bDeleting\b/.test(text)) type = "delete";
    else if (/\s-o\s|(?:^|[\s;&|])(?:cp|mv|install)\s/.test(text)) type = "write";
    if (!type) return;
    const isOut = /\s-o\s+(\S+)/.exec(text);
    const targets = type === "write" && isOut ? [isOut[1]] : [...text.matchAll(LIBFILE)].map((m) => m[1]);
    const libs = targets.filter((t) => /\.(?:dll|so|oct|pyd|node)$/i.test(t));
    const picked = type === "write" && !isOut ? libs.slice(-1) : libs;
    for (const raw of picked) {
      const p = raw.replace(/^'|'$/g, "");
      const key = dllBasename(p);
      let list = this.context.get(key);
      if (!list) {
        if (this.contextKeys >= 5e4) continue;
        this.contextKeys++;
        list = [];
        this.context.set(key, list);
      }
      list.push({ type, line: no, path: p, text: text.trim() });
      if (list.length > 16) list.shift();
    }
  }
  detection(d) {
    this.cygwinLines++;
    if (d.dll && isWindowsPath(d.dll) && this.winPaths.length < 64) this.winPaths.push(d.dll);
    if (d.kind === "symptom") {
      const f2 = this.failures[this.failures.length - 1];
      if (f2 && d.line - f2.lastLine <= SYMPTOM_WINDOW) {
        f2.symptoms.push({ line: d.line, text: d.text });
        f2.lastLine = d.line;
      } else if (this.orphanSymptoms.length < 1e3) {
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
    if (this.failures.length >= 1e4) return;
    const f = {
      detections: [d],
      symptoms: [],
      lastLine: d.endLine,
      hasParent: !child,
      hasChild: child,
      before: this.timeline.recentForks(),
      after: [],
      files: /* @__PURE__ */ new Map(),
      context: /* @__PURE__ */ new Map()
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
  snapshotFiles(f, d) {
    if (!d.dll) return;
    const key = dllBasename(d.dll);
    if (!f.files.has(key)) f.files.set(key, this.timeline.fileEvents(d.dll));
    if (!f.context.has(key)) f.context.set(key, [...this.context.get(key) ?? []]);
  }
  /** Does detection d belong to the failure still open? */
  joins(f, d, child) {
    const named = f.detections.find((x) => x.program);
    if (named && d.program && named.program !== d.program) return false;
    if (child) {
      if (f.hasParent) return false;
      const first = f.detections[0];
      if (first.kind === "copy-failed" && d.kind !== "copy-failed") return false;
      return sameProcess(first, d) && (d.kind.startsWith("fatal-") || d.kind === "copy-failed") && f.detections.every((x) => !x.kind.startsWith("abort-"));
    }
    if (f.hasParent && d.kind !== "parent-fork-failed") return false;
    if (f.hasParent && f.detections.some((x) => x.kind === "parent-fork-failed")) return false;
    const childIds = f.detections.filter((x) => CHILD_KINDS.test(x.kind));
    if (d.childWinpid !== void 0) {
      for (const c of childIds) {
        const w = c.winpid ?? this.timeline.find({ ...c.pid !== void 0 ? { pid: c.pid } : {} })?.winpid;
        if (w !== void 0 && w !== d.childWinpid && c.pid !== d.childWinpid) return false;
      }
    }
    return true;
  }
  root(explicit) {
    return explicit ?? guessRoot([...this.timeline.windowsPaths, ...this.winPaths]);
  }
};
function sameProcess(a, b) {
  if (a.pid !== void 0 && b.pid !== void 0) return a.pid === b.pid;
  if (a.winpid !== void 0 && b.winpid !== void 0) return a.winpid === b.winpid;
  return true;
}
function relLog(p, cwd) {
  if (p === "-") return "<stdin>";
  const abs = path.resolve(cwd, p);
  const rel = path.relative(cwd, abs);
  return toModelPath(rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p);
}
var BINARY = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g;
async function analyzeLogs(inputs, opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const diagnostics = [];
  const analyses = [];
  const total = { lines: 0, unparsed: 0, bytes: 0 };
  let bytesBefore = 0;
  for (const input of inputs) {
    const file = relLog(input.path, cwd);
    const a = new LogAnalysis(file, opts.quietLines !== false);
    try {
      const onLine = (raw, no, _cut, matched) => a.onRaw(raw, no, matched);
      const filter = { needles: NEEDLES_G, literals: NEEDLE_LITERALS, wantAll: () => a.detector.busy, consume: (c, from, to, no, copy) => a.consume(c, from, to, no, copy) };
      const read = {
        filter,
        firstChunk: (s) => {
          const sample = s.slice(0, 8192);
          const ctl = sample.match(BINARY)?.length ?? 0;
          if (sample.includes("\0") || ctl > sample.length / 50) a.binary = true;
          else if (/^\s*-?\d+\s+\d+\s+\[[^\]\s]+\] \S+ \(?\d+\)?!? /m.test(sample)) a.cygwinLines++;
        },
        ...opts.onProgress ? { onProgress: (b) => opts.onProgress(bytesBefore + b) } : {}
      };
      const stats = input.file !== void 0 ? splitFile(input.file, onLine, read) : void 0;
      a.stats = stats ?? await splitStream(input.stream, onLine, read);
    } catch (e) {
      const err2 = e;
      diagnostics.push({ level: "error", file, message: `cannot read: ${describeError(err2)}` });
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
    if (st.bytes === 0) diagnostics.push({ level: "warning", file, message: "empty file: no Cygwin log lines found" });
    else if (a.binary && a.cygwinLines === 0) diagnostics.push({ level: "error", file, message: "binary data, not a text log: no Cygwin log lines found" });
    else if (a.cygwinLines === 0 && a.orphanSymptoms.length === 0) diagnostics.push({ level: "info", file, message: `no Cygwin log lines found (${st.lines} lines read)` });
    if (st.longLines > 0) diagnostics.push({ level: "warning", file, message: `${st.longLines} line(s) longer than 64 KiB were cut to their first 64 KiB` });
    if (st.unterminated && cutInMessage) diagnostics.push({ level: "warning", file, message: "the log ends in the middle of a message (truncated log)" });
    if (a.unparsed > 0 && a.straceLines > 0) diagnostics.push({ level: "info", file, message: `${a.unparsed} strace-like line(s) could not be parsed and were skipped` });
  }
  return finish(analyses, diagnostics, total, opts);
}
function describeError(e) {
  switch (e.code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory, not a log file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return e.code ?? e.message;
  }
}
function finish(analyses, diagnostics, stats, opts) {
  let globalVersion;
  for (const a of analyses) globalVersion ??= a.versions[0];
  const findings = [];
  for (const a of analyses) {
    const root = a.root(opts.cygwinRoot);
    const mine = a.failures.map((f) => ({ f, finding: toFinding(a, f, root, f.version ?? a.versions[0] ?? globalVersion) }));
    findings.push(...mergeAttempts(mine));
    if (a.orphanSymptoms.length > 0 && a.failures.length === 0) findings.push(symptomFinding(a, a.versions[0] ?? globalVersion));
  }
  const out = dedupe(findings);
  const result = { findings: out, diagnostics, timelines: analyses.filter((a) => a.straceLines > 0).map((a) => a.timeline.build()), stats };
  if (globalVersion) result.cygwinVersion = formatVersion(globalVersion);
  return result;
}
function decisive(f) {
  const order = (d) => d.kind.startsWith("abort-") ? 0 : d.kind.startsWith("fatal-") && d.kind !== "fatal-other" ? 1 : d.kind === "mismatch" || d.kind.startsWith("old-") ? 1 : d.kind === "copy-failed" ? 2 : d.kind === "fatal-other" ? 3 : d.kind === "parent-fork-failed" ? 6 : 4;
  return [...f.detections].sort((x, y) => order(x) - order(y) || x.line - y.line)[0];
}
function toPosix(p, root, msys) {
  if (!isWindowsPath(p)) return p;
  if (msys && !root) root = /^(?:\\\?\?\\)?([A-Za-z]:\\.*?)\\usr\\(?:bin|lib)\\/i.exec(p)?.[1];
  return windowsToPosix(p, { ...root ? { root } : msys ? { root: "C:\\msys64" } : {}, ...msys ? { driveStyle: "msys" } : {} });
}
function historyOf(a, f, dllWin, dllPosix, before) {
  const history = {};
  const evidence = [];
  if (!dllWin && !dllPosix) return { history, evidence };
  const match = (p) => Boolean(dllWin && samePath(p, dllWin) || dllPosix && samePath(p, dllPosix) || dllWin && samePath(p, dllPosix ?? dllWin));
  const evs = [];
  const key = dllBasename(dllWin ?? dllPosix);
  for (const e of f.files.get(key) ?? []) {
    if (e.line >= before) break;
    const ids = { ...e.pid !== void 0 ? { pid: e.pid } : {}, ...e.winpid !== void 0 ? { winpid: e.winpid } : {} };
    if (e.type === "load" && e.path && match(e.path)) evs.push({ type: "load", line: e.line, text: e.text, ...ids });
    else if (e.type === "delete" && e.path && match(e.path)) evs.push({ type: "delete", line: e.line, text: e.text, ...ids });
    else if (e.type === "write" && e.path && match(e.path)) evs.push({ type: "write", line: e.line, text: e.text, ...ids });
    else if (e.type === "rename") {
      if (e.to && match(e.to)) evs.push({ type: "rename-onto", line: e.line, text: e.text, ...ids });
      else if (e.path && match(e.path)) evs.push({ type: "rename", line: e.line, text: e.text, ...ids });
    }
  }
  for (const c of f.context.get(key) ?? []) {
    if (c.line >= before) break;
    if (match(c.path)) evs.push({ type: c.type, line: c.line, text: c.text });
  }
  evs.sort((x, y) => x.line - y.line);
  const lastLoad = [...evs].reverse().find((e) => e.type === "load");
  if (lastLoad) history.loadLine = lastLoad.line;
  const firstWrite = lastLoad ? void 0 : evs.find((e) => e.type === "write");
  const after = evs.filter((e) => e.type !== "load" && e !== firstWrite && (!lastLoad || e.line > lastLoad.line));
  const change = after[after.length - 1];
  if (change && change.type !== "load") history.change = { type: change.type, line: change.line };
  for (const e of evs.slice(-12)) {
    const built = e.type === "write" && (lastLoad !== void 0 && e.line < lastLoad.line || e === firstWrite);
    const role = e.type === "load" ? "load" : e.type === "delete" || e.type === "rename" ? "delete" : built ? "context" : "replace";
    evidence.push({ role, file: a.file, line: e.line, text: e.text, ...e.pid !== void 0 ? { pid: e.pid } : {}, ...e.winpid !== void 0 ? { winpid: e.winpid } : {} });
  }
  return { history, evidence };
}
var shown = (p) => p && isWindowsPath(p) ? normalizeWindowsPath(p) : p;
var KIND_TEXT = {
  "abort-map": (d) => `the child could not map ${shown(d.dll)}${d.win32Error !== void 0 ? ` (Win32 error ${d.win32Error})` : ""}`,
  "abort-interim": (d) => `the child could not create an interim mapping for ${shown(d.dll)}${d.win32Error !== void 0 ? ` (Win32 error ${d.win32Error})` : ""}`,
  "abort-different-dll": (d) => `the child loaded a different DLL with the same basename (${shown(d.dll) ?? "?"})`,
  "abort-different-address": (d) => `${shown(d.dll)} loaded at a different address in the child`,
  "abort-occupied": (d) => `the address space needed by ${shown(d.dll)} is already occupied in the child`,
  "abort-remap": (d) => `${shown(d.dll)} could not be remapped to the parent\u2019s address`,
  "abort-map-address": (d) => `${shown(d.dll)} mapped at a different address in the child`,
  "old-remap": (d) => `${shown(d.dll)} could not be remapped to the parent\u2019s address`,
  "copy-failed": (d) => `copying ${d.region ?? "memory"} between parent and child failed`,
  mismatch: (d) => `${d.what ?? "runtime"} mismatch in the child`,
  "parent-died": (d) => `the child died before it synced (exit code ${d.exitCode})`,
  "parent-createprocess": () => "Windows could not create the child process"
};
function toFinding(a, f, root, version) {
  const d = decisive(f);
  let dllWin = d.dll;
  if (dllWin && !/[\\/]/.test(dllWin)) {
    const base = dllBasename(dllWin);
    const load = (f.files.get(base) ?? []).find((e) => e.type === "load" && e.line < d.line && e.path && dllBasename(e.path) === base);
    if (load?.path) dllWin = load.path;
  }
  const dllPosix = dllWin ? toPosix(dllWin, root, a.msys) : void 0;
  const { history, evidence: hist } = historyOf(a, f, dllWin, dllPosix, d.line);
  const ctx = { history, runtimeUpgraded: a.upgraded };
  let cls = classify(d, ctx);
  const childIds = f.detections.find((x) => CHILD_KINDS.test(x.kind));
  const tl = a.timeline;
  const childProc = childIds ? tl.find({ ...childIds.pid !== void 0 ? { pid: childIds.pid } : {}, ...childIds.winpid !== void 0 ? { winpid: childIds.winpid } : {} }) : void 0;
  const parentDet = f.detections.find((x) => x.kind.startsWith("parent-"));
  const childWinpid = childProc?.winpid ?? childIds?.winpid ?? f.detections.find((x) => x.childWinpid !== void 0)?.childWinpid;
  const parentPid = childProc?.parentPid ?? parentDet?.pid;
  const parentProc = parentPid !== void 0 ? tl.find({ pid: parentPid }) : void 0;
  const evidence = [...hist];
  const seen = /* @__PURE__ */ new Set();
  for (const x of f.detections) {
    if (seen.has(x.line)) continue;
    seen.add(x.line);
    const role = CHILD_KINDS.test(x.kind) ? "abort" : "fork-failure";
    evidence.push({ role, file: a.file, line: x.line, text: x.text, ...x.pid !== void 0 ? { pid: x.pid } : {}, ...x.winpid !== void 0 ? { winpid: x.winpid } : {} });
  }
  if (tl.size > 0) addForkStory(a, f, evidence, seen, d.line, f.lastLine, childProc?.winpid ?? childWinpid, childProc?.pid ?? childIds?.pid, parentPid);
  for (const s of f.symptoms.slice(0, 5)) evidence.push({ role: "context", file: a.file, line: s.line, text: s.text });
  evidence.sort((x, y) => x.line - y.line);
  const exitStatus = childProc?.exitStatus ?? tl.find({ winpid: childWinpid ?? childIds?.pid ?? -1 })?.exitStatus ?? f.detections.find((x) => x.exitCode)?.exitCode;
  const properties = { messageKind: d.kind, runtime: a.msys ? "msys" : "cygwin" };
  if (d.win32Error !== void 0) properties.win32Error = d.win32Error;
  if (exitStatus) properties.exitStatus = exitStatus;
  if (parentPid !== void 0) properties.parentPid = parentPid;
  if (parentProc?.winpid !== void 0) properties.parentWinpid = parentProc.winpid;
  const cpid = childProc?.pid ?? childIds?.pid;
  if (cpid !== void 0) properties.childPid = cpid;
  if (childWinpid !== void 0) properties.childWinpid = childWinpid;
  const prog2 = childIds?.program ?? parentDet?.program ?? d.program;
  if (prog2) properties.program = prog2;
  if (d.using && d.using !== d.dll) properties.usingDll = d.using;
  if (d.address) properties.address = d.address;
  if (d.exitCode && d.kind === "parent-died") properties.parentExitCode = d.exitCode;
  if (d.incomplete) {
    properties.incomplete = true;
    cls = { ...cls, confidence: Math.min(cls.confidence, 0.5) };
  }
  if (f.symptoms.length) properties.symptoms = f.symptoms.length;
  if (history.change) properties.dllChange = `${history.change.type}@${history.change.line}`;
  if (a.upgraded) properties.runtimeUpgraded = true;
  const what = (KIND_TEXT[d.kind] ?? ((x) => x.text.replace(/^.*?\] \S+ \(?\d+\)?!? /, "")))(d);
  const finding = {
    kind: "runtime",
    ruleId: `runtime/${cls.cause}`,
    cause: cls.cause,
    severity: "error",
    file: a.file,
    line: d.line,
    message: `fork() failed${prog2 ? ` in ${prog2}` : ""}: ${what}; ${cls.because}`,
    evidence,
    confidence: Math.round(cls.confidence * 100) / 100,
    properties
  };
  if (d.endLine !== d.line) finding.endLine = d.endLine;
  if (version) finding.cygwinVersion = formatVersion(version);
  if (dllPosix) finding.dll = dllPosix;
  return finding;
}
function addForkStory(a, f, ev, seen, at, last, childWinpid, childPid, parentPid) {
  const push = (e, role) => {
    if (seen.has(e.line)) return;
    seen.add(e.line);
    ev.push({ role, file: a.file, line: e.line, text: e.text, ...e.pid !== void 0 ? { pid: e.pid } : {}, ...e.winpid !== void 0 ? { winpid: e.winpid } : {} });
  };
  const events = [...f.before, ...f.after];
  for (let i = f.before.length - 1; i >= 0; i--) {
    const e = f.before[i];
    if (e.line >= at) continue;
    if (at - e.line > JOIN_WINDOW_STRACE * 5) break;
    if (e.type === "child-running" && (e.pid === childPid || childWinpid !== void 0 && e.winpid === childWinpid)) push(e, "fork");
    if (e.type === "fork" && parentPid !== void 0 && e.pid === parentPid) {
      push(e, "fork");
      break;
    }
  }
  for (const e of events) {
    if (e.line <= at) continue;
    if (e.line - last > JOIN_WINDOW_STRACE) break;
    if (e.type === "exit" && (childWinpid !== void 0 && e.winpid === childWinpid || childWinpid === void 0 && e.winpid === childPid)) push(e, "exit");
    else if (e.type === "fork-failure" && parentPid !== void 0 && e.pid === parentPid) push(e, "fork-failure");
    else if (e.type === "fork-result" && e.detail === "-1" && parentPid !== void 0 && e.pid === parentPid) {
      push(e, "fork-failure");
    } else if (e.type === "fork" && parentPid !== void 0 && e.pid === parentPid) {
      push(e, "context");
      break;
    }
  }
}
function symptomFinding(a, version) {
  const first = a.orphanSymptoms[0];
  const f = {
    kind: "runtime",
    ruleId: "runtime/unknown",
    cause: "unknown",
    severity: "warning",
    file: a.file,
    line: first.line,
    message: `the application reports ${a.orphanSymptoms.length} failed fork(s) but the log has no Cygwin fork message; an strace log of the run would tell why`,
    evidence: a.orphanSymptoms.slice(0, 10).map((s) => ({ role: "context", file: a.file, line: s.line, text: s.text })),
    confidence: 0.15,
    properties: { messageKind: "symptom", symptoms: a.orphanSymptoms.length, runtime: a.msys ? "msys" : "cygwin" }
  };
  if (version) f.cygwinVersion = formatVersion(version);
  return f;
}
function mergeAttempts(list) {
  const out = [];
  let prevAfter = [];
  for (const { f: failure, finding: f } of list) {
    const events = prevAfter;
    prevAfter = failure.after;
    const prev = out[out.length - 1];
    const pp = f.properties?.parentPid;
    if (prev && pp !== void 0 && prev.properties?.parentPid === pp && prev.properties?.childPid !== f.properties?.childPid) {
      const returned = events.some((e) => e.type === "fork-result" && e.pid === pp && e.line > prev.line && e.line < f.line);
      const forkedAgain = events.some((e) => e.type === "fork" && e.pid === pp && e.line > prev.line && e.line < f.line);
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
function dedupe(findings) {
  const byKey = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const p = f.properties ?? {};
    const child = p.childPid ?? p.childWinpid;
    const key = child !== void 0 ? `${f.dll ? libraryKey(f.dll) : ""}|${p.messageKind}|${child}` : void 0;
    const prev = key ? byKey.get(key) : void 0;
    if (!prev || prev.file === f.file) {
      if (key && !prev) byKey.set(key, f);
      out.push(f);
      continue;
    }
    const [keep, drop] = f.evidence.length > prev.evidence.length ? [f, prev] : [prev, f];
    const merged = {
      ...keep,
      evidence: [...keep.evidence, ...drop.evidence.filter((e) => !keep.evidence.some((k) => k.file === e.file && k.line === e.line))],
      confidence: Math.max(keep.confidence ?? 0, drop.confidence ?? 0),
      properties: { ...drop.properties, ...keep.properties, alsoIn: `${drop.file}:${drop.line}` }
    };
    if ((drop.confidence ?? 0) > (keep.confidence ?? 0)) {
      merged.cause = drop.cause;
      merged.ruleId = drop.ruleId;
      merged.message = drop.message;
    }
    const i = out.indexOf(prev);
    out[i] = merged;
    byKey.set(key, merged);
  }
  return out;
}
export {
  NEEDLES,
  NEEDLE_LITERALS,
  analyzeLogs
};
