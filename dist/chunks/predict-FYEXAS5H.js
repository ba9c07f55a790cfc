import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  InputError
} from "./chunk-7KBCVPFB.js";
import "./chunk-GHFI43B4.js";

// src/predict/index.ts
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";

// src/predict/findings.ts
import path2 from "node:path";

// src/predict/replay.ts
import path from "node:path";

// src/predict/parse.ts
var PREFIX = /^\s*(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?(?:(?:\d\d:\d\d:\d\d(?:\.\d+)?|\d+\.\d+)\s+)?/;
var DURATION = /\s+<\d+\.\d+>$/;
function parseStraceLine(line) {
  const raw = line.replace(/\r$/, "");
  const m = PREFIX.exec(raw);
  const pidText = m?.[1] ?? m?.[2];
  const pid = pidText ? Number(pidText) : void 0;
  const text = tidyCallText(raw.slice(m ? m[0].length : 0).replace(DURATION, ""));
  const rest = text;
  if (rest.startsWith("+++ ")) {
    const ex = /^\+\+\+ exited with (\d+) \+\+\+$/.exec(rest);
    if (ex) return { type: "exit", pid, status: Number(ex[1]), text };
    if (/^\+\+\+ superseded by execve in pid \d+ \+\+\+$/.test(rest)) return { type: "exit", pid, text };
    const ki = /^\+\+\+ killed by (SIG\w+)/.exec(rest);
    if (ki) return { type: "exit", pid, signal: ki[1], text };
    return { type: "other", pid, text };
  }
  if (rest.startsWith("--- ")) {
    const sg = /^--- (SIG\w+|\w+)/.exec(rest);
    return sg ? { type: "signal", pid, signal: sg[1], text } : { type: "other", pid, text };
  }
  const res = /^<\.\.\. (\w+) resumed>\s?(.*)$/.exec(rest);
  if (res) return { type: "resumed", pid, name: res[1], tail: res[2], text };
  const call = /^(\w+)\(/.exec(rest);
  if (!call) return { type: "other", pid, text };
  const name = call[1];
  const unf = /\s*<unfinished \.\.\.>$/.exec(rest);
  if (unf) return { type: "unfinished", pid, name, head: rest.slice(0, unf.index), text };
  const parsed = parseCallText(rest);
  if (!parsed) return { type: "other", pid, text };
  return { type: "syscall", pid, name, args: parsed.args, ret: parsed.ret, text };
}
function tidyCallText(s) {
  return s.trim().replace(/\)\s{2,}= /, ") = ");
}
function parseCallText(s) {
  const call = /^(\w+)\(/.exec(s);
  if (!call) return void 0;
  const split = splitArgs(s, call[0].length);
  if (!split) return void 0;
  const after = s.slice(split.end).trim();
  const eq = /^=\s*(.*)$/.exec(after);
  if (!eq) return void 0;
  return { name: call[1], args: split.args, ret: parseReturn(eq[1]) };
}
function parseReturn(s) {
  const m = /^(0x[0-9a-fA-F]+|-?\d+|\?)(?:<(.*?)>)?(?:\s+(E[A-Z0-9]+))?/.exec(s);
  if (!m) return { value: Number.NaN, raw: s };
  const v = m[1] === "?" ? Number.NaN : m[1].startsWith("0x") ? parseInt(m[1], 16) : Number(m[1]);
  const r = { value: v, raw: s };
  if (m[2] !== void 0) r.path = decodeDecoration(m[2]);
  if (m[3]) r.errno = m[3];
  return r;
}
function splitArgs(s, start) {
  const args = [];
  let depth = 0;
  let cur = start;
  let i = start;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      i = skipString(s, i);
      continue;
    }
    if (ch === "<" && isDecorationStart(s, i)) {
      i = skipDecoration(s, i);
      continue;
    }
    if (ch === "/" && s[i + 1] === "*") {
      const close = s.indexOf("*/", i + 2);
      i = close < 0 ? s.length : close + 2;
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    else if (ch === ")") {
      if (depth === 0) {
        const last = s.slice(cur, i).trim();
        if (last || args.length) args.push(last);
        return { args, end: i + 1 };
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(s.slice(cur, i).trim());
      cur = i + 1;
    }
    i++;
  }
  return void 0;
}
function isDecorationStart(s, i) {
  const prev = s[i - 1];
  if (prev !== void 0 && prev >= "0" && prev <= "9") return true;
  return s.slice(Math.max(0, i - 8), i) === "AT_FDCWD";
}
function skipString(s, i) {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === "\\") j += 2;
    else if (s[j] === '"') {
      j++;
      if (s.startsWith("...", j)) j += 3;
      return j;
    } else j++;
  }
  return j;
}
function skipDecoration(s, i) {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === "\\") j += 2;
    else if (s[j] === ">") return j + 1;
    else j++;
  }
  return j;
}
function decodeEscapes(s) {
  if (!s.includes("\\")) return s;
  const bytes = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== "\\") {
      const code = s.codePointAt(i);
      if (code < 128) bytes.push(code);
      else {
        const c = String.fromCodePoint(code);
        bytes.push(...enc.encode(c));
        i += c.length - 1;
      }
      continue;
    }
    const n = s[i + 1];
    if (n === void 0) break;
    const simple = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, '"': 34, "\\": 92, "'": 39 };
    if (n in simple) {
      bytes.push(simple[n]);
      i++;
    } else if (n === "x" && /^[0-9a-fA-F]{2}/.test(s.slice(i + 2, i + 4))) {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))[0];
      bytes.push(parseInt(oct, 8) & 255);
      i += oct.length;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function parseStringArg(arg) {
  if (!arg || !arg.startsWith('"')) return void 0;
  const end = skipString(arg, 0);
  const truncated = arg.slice(0, end).endsWith('"...');
  const inner = arg.slice(1, truncated ? end - 4 : end - 1);
  return { value: decodeEscapes(inner), truncated };
}
function parseFdArg(arg) {
  if (!arg) return void 0;
  const m = /^(-?\d+|AT_FDCWD)(?:<(.*)>)?$/s.exec(arg);
  if (!m) return void 0;
  const fd = m[1] === "AT_FDCWD" ? "AT_FDCWD" : Number(m[1]);
  if (m[2] === void 0) return { fd };
  return m[2].endsWith(" (deleted)") ? { fd, path: decodeDecoration(m[2]), deleted: true } : { fd, path: decodeDecoration(m[2]) };
}
function decodeDecoration(s) {
  return decodeEscapes(s).replace(/ \(deleted\)$/, "");
}
function parseFlags(arg) {
  if (!arg) return /* @__PURE__ */ new Set();
  const v = arg.includes("=") && !arg.startsWith("{") ? arg.slice(arg.indexOf("=") + 1) : arg;
  return new Set(v.split("|").map((x) => x.trim()));
}
function cloneFlags(name, args) {
  if (name === "clone3") {
    const m = /flags=([A-Z0-9_|]+)/.exec(args[0] ?? "");
    const set = m ? parseFlags(m[1]) : /* @__PURE__ */ new Set();
    const sig = /exit_signal=(SIG\w+)/.exec(args[0] ?? "");
    if (sig) set.add(sig[1]);
    return set;
  }
  const f = args.find((a) => a.startsWith("flags="));
  return f ? parseFlags(f) : /* @__PURE__ */ new Set();
}
function parseArgvArg(arg) {
  if (!arg || !arg.startsWith("[")) return [];
  const split = splitArgs(`${arg.slice(1, arg.lastIndexOf("]"))})`, 0);
  if (!split) return [];
  return split.args.map((a) => parseStringArg(a)?.value ?? a);
}

// src/predict/replay.ts
var RECORDER_NO_PRELOAD = "--- recorder: no LD_PRELOAD ---";
var SPAWN_KIND_INFO = {
  fork: { forksOnCygwin: true, describe: "fork() (clone without CLONE_VM, or the fork syscall): forks on Cygwin" },
  vfork: {
    forksOnCygwin: true,
    describe: "vfork() (Python subprocess, shells): Cygwin\u2019s vfork is fork, so it forks"
  },
  posix_spawn: {
    forksOnCygwin: true,
    describe: "posix_spawn() (clone(CLONE_VM|CLONE_VFORK) or clone3 followed by an exec of the program): Cygwin\u2019s posix_spawn forks"
  },
  "system-popen": {
    forksOnCygwin: false,
    describe: 'probably system() or popen(): clone(CLONE_VM|CLONE_VFORK)/clone3 followed by execve("/bin/sh", ["sh", "-c", ...]) as glibc does it; on Cygwin these spawn /bin/sh without forking'
  }
};
var nextImageId = 1;
var nextProcId = 1;
var PAGE = 4096;
var SHARED_OBJECT = /\.(so(\.[\w.]+)?|node|pyd|dll|dylib|bundle)$/i;
var Replayer = class {
  constructor(opts = {}) {
    this.opts = opts;
    this.maxBuffered = opts.maxBufferedLines ?? 5e3;
    this.maxBufferedChars = opts.maxBufferedChars ?? 4e6;
  }
  opts;
  stats = {
    lines: 0,
    syscalls: 0,
    unparsed: 0,
    processes: 0,
    forks: 0,
    libraryLoads: 0,
    goneWhileMapped: 0,
    unresolvedPaths: 0,
    truncatedPaths: 0,
    orphans: 0,
    suppressed: 0,
    unrecorded: 0,
    unmatchedResumed: 0
  };
  out = [];
  byTid = /* @__PURE__ */ new Map();
  index = /* @__PURE__ */ new Map();
  unfinished = /* @__PURE__ */ new Map();
  buffered = /* @__PURE__ */ new Map();
  bufferedTotal = 0;
  bufferedChars = 0;
  rootSeen = false;
  root;
  maxBuffered;
  maxBufferedChars;
  /** What the replay holds right now (for bounded-memory checks): live processes, indexed paths, buffered lines. */
  live() {
    return {
      processes: new Set(this.byTid.values()).size,
      paths: this.index.size,
      bufferedLines: this.bufferedTotal,
      unfinished: this.unfinished.size
    };
  }
  /** Feed one line; returns the predictions that became final. */
  push(line) {
    const n = ++this.stats.lines;
    const parsed = parseStraceLine(line);
    if (parsed.type === "other") {
      if (parsed.text) this.stats.unparsed++;
      return this.drain();
    }
    const pid = parsed.pid ?? 0;
    if (!this.byTid.has(pid)) {
      if (!this.rootSeen) {
        this.rootSeen = true;
        this.root = this.newRoot(pid, this.opts.cwd);
      } else if (this.root && this.root.pid === 0 && parsed.pid !== void 0 && !this.root.finished && !this.buffered.has(pid)) {
        this.root.pid = pid;
        this.root.tids.add(pid);
        this.byTid.set(pid, this.root);
      } else if ((parsed.type === "exit" || parsed.type === "signal") && !this.buffered.has(pid)) {
        return this.drain();
      } else {
        this.buffer(pid, n, parsed);
        return this.drain();
      }
    }
    this.handle(pid, n, parsed);
    return this.drain();
  }
  /** End of the log: replay what is still buffered, classify pending spawns, emit everything. */
  end() {
    for (const pid of [...this.buffered.keys()]) this.adoptOrphan(pid);
    const procs = new Set(this.byTid.values());
    for (const p of procs) {
      if (p.spawnedBy) this.classify(p, void 0);
    }
    for (const p of procs) this.finish(p);
    this.opts.onStats?.(this.stats);
    return this.drain();
  }
  drain() {
    return this.out.length ? this.out.splice(0) : [];
  }
  // --- processes -------------------------------------------------------------------------------------------------
  newProc(pid, mem, fs) {
    this.stats.processes++;
    const p = {
      id: nextProcId++,
      pid,
      tids: /* @__PURE__ */ new Set([pid]),
      mem,
      fs,
      fds: /* @__PURE__ */ new Map(),
      acc: /* @__PURE__ */ new Map(),
      doomed: /* @__PURE__ */ new Set(),
      pendingSpawns: 0,
      finished: false
    };
    this.byTid.set(pid, p);
    return p;
  }
  newRoot(pid, cwd) {
    return this.newProc(pid, { intervals: [], count: /* @__PURE__ */ new Map() }, cwd ? { cwd } : {});
  }
  buffer(pid, line, parsed) {
    const list = this.buffered.get(pid) ?? [];
    list.push({ line, parsed });
    this.buffered.set(pid, list);
    this.bufferedTotal++;
    this.bufferedChars += parsed.text.length;
    while (this.bufferedTotal > this.maxBuffered || this.bufferedChars > this.maxBufferedChars) {
      let worst = pid;
      for (const [k, v] of this.buffered) if (v.length > (this.buffered.get(worst)?.length ?? 0)) worst = k;
      this.adoptOrphan(worst);
    }
  }
  adoptOrphan(pid) {
    this.stats.orphans++;
    this.newRoot(pid, void 0);
    this.replayBuffered(pid);
  }
  replayBuffered(pid) {
    const list = this.buffered.get(pid);
    if (!list) return;
    this.buffered.delete(pid);
    this.bufferedTotal -= list.length;
    for (const b of list) this.bufferedChars -= b.parsed.text.length;
    for (const { line, parsed } of list) {
      if (this.byTid.has(pid)) this.handle(pid, line, parsed);
    }
  }
  copyMem(m) {
    const mem = { intervals: m.intervals.map((i) => ({ ...i })), count: new Map(m.count) };
    for (const img of mem.count.keys()) img.refs++;
    return mem;
  }
  releaseMem(m) {
    for (const img of m.count.keys()) this.unref(img);
    m.intervals = [];
    m.count.clear();
  }
  unref(img) {
    if (--img.refs > 0) return;
    for (const name of [img.path, ...img.aliases]) {
      const set = this.index.get(name);
      if (!set) continue;
      set.delete(img);
      if (set.size === 0) this.index.delete(name);
    }
  }
  /** The process is gone (exit_group, last thread exited, or its image replaced by execve). */
  finish(p) {
    if (p.finished) return;
    p.finished = true;
    for (const t of p.tids) if (this.byTid.get(t) === p) this.byTid.delete(t);
    for (const t of p.tids) this.unfinished.delete(t);
    if (p.spawnedBy) this.classify(p, void 0);
    this.releaseMem(p.mem);
    this.emitIfDone(p);
  }
  emitIfDone(p) {
    if (!p.finished || p.pendingSpawns > 0) return;
    this.emit(p);
  }
  emit(p) {
    for (const a of p.acc.values()) {
      const fork = a.first ?? a.firstNote;
      if (!fork) continue;
      const replaced = a.recreated !== void 0 || a.gone.how === "renamed-over" || a.gone.how === "overwritten";
      const pred = {
        cause: replaced ? "replaced-dll" : "deleted-dll",
        severity: a.first ? "error" : "note",
        pid: fork.pid,
        library: a.img.path,
        aliases: [...a.img.aliases],
        load: a.img.load,
        gone: a.gone,
        fork,
        furtherForks: a.first ? a.further : 0,
        nonForkingSpawns: a.first ? a.notes : a.notes - 1
      };
      if (a.recreated) pred.recreated = a.recreated;
      const assumption = assumptionFor(fork);
      if (assumption) pred.assumption = assumption;
      this.out.push(pred);
    }
    p.acc.clear();
  }
  // --- lines -----------------------------------------------------------------------------------------------------
  handle(pid, line, parsed) {
    switch (parsed.type) {
      case "exit": {
        const p = this.byTid.get(pid);
        if (!p) return;
        p.tids.delete(pid);
        this.byTid.delete(pid);
        this.unfinished.delete(pid);
        if (p.tids.size === 0) this.finish(p);
        return;
      }
      case "signal":
        if (parsed.text.startsWith(RECORDER_NO_PRELOAD)) this.stats.unrecorded++;
        return;
      case "other":
        return;
      case "unfinished":
        this.unfinished.set(pid, { name: parsed.name, head: parsed.head, line });
        return;
      case "resumed": {
        const head = this.unfinished.get(pid);
        if (!head || head.name !== parsed.name) {
          this.stats.unmatchedResumed++;
          return;
        }
        this.unfinished.delete(pid);
        const text = tidyCallText(head.head + parsed.tail);
        const call = parseCallText(text);
        if (!call) {
          this.stats.unparsed++;
          return;
        }
        this.syscall(pid, head.line, call.name, call.args, call.ret, text);
        return;
      }
      case "syscall":
        this.syscall(pid, line, parsed.name, parsed.args, parsed.ret, parsed.text);
        return;
    }
  }
  syscall(pid, line, name, args, ret, text) {
    this.stats.syscalls++;
    const p = this.byTid.get(pid);
    if (!p) return;
    const ok = !ret.errno && !Number.isNaN(ret.value) && ret.value >= 0;
    const place = () => withExe({ line, pid, text }, p.exe);
    switch (name) {
      case "execve":
      case "execveat": {
        if (p.spawnedBy) {
          const argv = parseArgvArg(args[name === "execve" ? 1 : 2]);
          const file2 = parseStringArg(args[name === "execve" ? 0 : 1])?.value;
          this.classify(p, file2 !== void 0 ? [file2, ...argv] : argv);
        }
        if (ret.errno || ret.value !== 0) return;
        const file = parseStringArg(args[name === "execve" ? 0 : 1])?.value;
        this.opts.onEvent?.(file !== void 0 ? { type: "exec", line, pid, file } : { type: "exec", line, pid });
        this.execed(p, pid, file);
        return;
      }
      case "exit_group":
        this.finish(p);
        return;
      case "fork":
      case "vfork":
      case "clone":
      case "clone3":
        if (ok && ret.value > 0) this.created(p, pid, line, name, args, ret.value, text);
        return;
      case "chdir": {
        if (!ok) return;
        const dir = this.resolve(p, void 0, args[0]);
        if (dir) p.fs.cwd = dir;
        return;
      }
      case "fchdir": {
        if (!ok) return;
        const fd = parseFdArg(args[0]);
        const dir = fd?.path ?? (typeof fd?.fd === "number" ? p.fds.get(fd.fd)?.real : void 0);
        if (dir?.startsWith("/")) p.fs.cwd = dir;
        else delete p.fs.cwd;
        return;
      }
      case "open":
      case "openat": {
        const dirArg = name === "openat" ? args[0] : void 0;
        const pathArg = name === "openat" ? args[1] : args[0];
        const flags = parseFlags(name === "openat" ? args[2] : args[1]);
        const requested = this.resolve(p, dirArg, pathArg);
        if (!ok) return;
        const real = ret.path?.startsWith("/") ? ret.path : requested;
        if (real) p.fds.set(ret.value, requested && requested !== real ? { real, requested } : { real });
        const write = flags.has("O_WRONLY") || flags.has("O_RDWR");
        if (requested && (flags.has("O_TRUNC") || write && flags.has("O_CREAT"))) {
          this.goneExact(requested, { ...place(), how: "overwritten", syscall: name, path: requested });
          if (real && real !== requested) {
            this.goneExact(real, { ...place(), how: "overwritten", syscall: name, path: real });
          }
        } else if (requested && flags.has("O_CREAT")) {
          this.recreate(requested, { ...place(), how: "recreated", syscall: name, path: requested });
        }
        return;
      }
      case "mmap":
        if (ok) this.mmap(p, line, pid, args, ret.value, text);
        return;
      case "munmap":
        if (ok) this.unmap(p.mem, parseAddr(args[0]), parseLen(args[1]));
        return;
      case "unlink":
      case "unlinkat":
      case "rmdir": {
        if (!ok) return;
        const target = name === "unlinkat" ? this.resolve(p, args[0], args[1]) : this.resolve(p, void 0, args[0]);
        if (!target) return;
        const dir = name === "rmdir" || name === "unlinkat" && parseFlags(args[2]).has("AT_REMOVEDIR");
        if (dir) this.goneUnder(target, { ...place(), how: "dir-removed", syscall: name, path: target });
        else this.goneExact(target, { ...place(), how: "unlinked", syscall: name, path: target });
        return;
      }
      case "rename":
      case "renameat":
      case "renameat2": {
        if (!ok) return;
        const from = name === "rename" ? this.resolve(p, void 0, args[0]) : this.resolve(p, args[0], args[1]);
        const to = name === "rename" ? this.resolve(p, void 0, args[1]) : this.resolve(p, args[2], args[3]);
        const exchange = name === "renameat2" && parseFlags(args[4]).has("RENAME_EXCHANGE");
        if (from) {
          if (exchange) this.goneExact(from, { ...place(), how: "renamed-over", syscall: name, path: from });
          else {
            this.goneExact(from, { ...place(), how: "renamed-away", syscall: name, path: from });
            this.goneUnder(from, { ...place(), how: "dir-renamed", syscall: name, path: from });
          }
        }
        if (to) {
          this.goneExact(to, { ...place(), how: "renamed-over", syscall: name, path: to });
          if (exchange) this.goneUnder(to, { ...place(), how: "dir-renamed", syscall: name, path: to });
        }
        return;
      }
      default:
        return;
    }
  }
  /** Resolve a path argument against a dirfd argument (decorated or from the fd table) or the cwd. */
  resolve(p, dirArg, pathArg) {
    const dirfd = dirArg !== void 0 ? parseFdArg(dirArg) : void 0;
    if (dirfd?.fd === "AT_FDCWD" && dirfd.path?.startsWith("/")) p.fs.cwd = dirfd.path;
    const s = parseStringArg(pathArg);
    if (!s) return void 0;
    if (s.truncated) {
      this.stats.truncatedPaths++;
      return void 0;
    }
    if (s.value.startsWith("/")) return path.posix.normalize(s.value);
    let base;
    if (dirfd === void 0 || dirfd.fd === "AT_FDCWD") base = p.fs.cwd;
    else base = dirfd.path ?? p.fds.get(dirfd.fd)?.real;
    if (!base?.startsWith("/")) {
      this.stats.unresolvedPaths++;
      return void 0;
    }
    return path.posix.join(base, s.value);
  }
  // --- mappings --------------------------------------------------------------------------------------------------
  mmap(p, line, pid, args, addr, text) {
    const len = parseLen(args[1]);
    if (!Number.isFinite(addr) || len <= 0) return;
    const end = addr + Math.ceil(len / PAGE) * PAGE;
    this.unmap(p.mem, addr, len);
    const prot = parseFlags(args[2]);
    const flags = parseFlags(args[3]);
    if (!prot.has("PROT_EXEC") || flags.has("MAP_ANONYMOUS") || flags.has("MAP_ANON")) return;
    const fd = parseFdArg(args[4]);
    if (!fd || fd.fd === "AT_FDCWD" || fd.fd < 0 || fd.deleted) return;
    const entry = p.fds.get(fd.fd);
    const file = fd.path ?? entry?.real;
    if (!file?.startsWith("/") || file.startsWith("/memfd:") || file.startsWith("/dev/")) return;
    if (!flags.has("MAP_DENYWRITE") && !SHARED_OBJECT.test(path.posix.basename(file))) return;
    let img;
    for (const i of p.mem.count.keys()) {
      if (i.path === file && !i.gone) {
        img = i;
        break;
      }
    }
    if (!img) {
      this.stats.libraryLoads++;
      img = { id: nextImageId++, path: file, aliases: /* @__PURE__ */ new Set(), load: withExe({ line, pid, text }, p.exe), refs: 0 };
      this.indexAdd(file, img);
      this.opts.onEvent?.({ type: "load", line, pid, library: file });
    }
    if (entry && entry.real === file && entry.requested && path.posix.basename(entry.requested) === path.posix.basename(file) && !img.aliases.has(entry.requested)) {
      img.aliases.add(entry.requested);
      this.indexAdd(entry.requested, img);
    }
    p.mem.intervals.push({ start: addr, end, img });
    const c = p.mem.count.get(img) ?? 0;
    if (c === 0) img.refs++;
    p.mem.count.set(img, c + 1);
  }
  indexAdd(name, img) {
    const set = this.index.get(name) ?? /* @__PURE__ */ new Set();
    set.add(img);
    this.index.set(name, set);
  }
  /** Remove [addr, addr+len) from an address space, splitting intervals; drop images left with no interval. */
  unmap(m, addr, len) {
    if (!Number.isFinite(addr) || len <= 0 || m.intervals.length === 0) return;
    const end = addr + Math.ceil(len / PAGE) * PAGE;
    const next = [];
    let changed = false;
    for (const iv of m.intervals) {
      if (iv.end <= addr || iv.start >= end) {
        next.push(iv);
        continue;
      }
      changed = true;
      const c = m.count.get(iv.img) - 1;
      let pieces = 0;
      if (iv.start < addr) {
        next.push({ start: iv.start, end: addr, img: iv.img });
        pieces++;
      }
      if (iv.end > end) {
        next.push({ start: end, end: iv.end, img: iv.img });
        pieces++;
      }
      const total = c + pieces;
      if (total === 0) {
        m.count.delete(iv.img);
        this.unref(iv.img);
      } else m.count.set(iv.img, total);
    }
    if (changed) m.intervals = next;
  }
  // --- file-system events ----------------------------------------------------------------------------------------
  goneExact(file, ev) {
    const set = this.index.get(file);
    if (!set) return;
    for (const img of set) this.markGone(img, ev);
  }
  goneUnder(dir, ev) {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    for (const [name, set] of this.index) {
      if (!name.startsWith(prefix)) continue;
      for (const img of set) this.markGone(img, ev);
    }
  }
  markGone(img, ev) {
    if (!img.gone) {
      img.gone = ev;
      this.stats.goneWhileMapped++;
      this.opts.onEvent?.({ type: "gone", line: ev.line, pid: ev.pid, library: img.path, how: ev.how, syscall: ev.syscall });
    } else if (!img.recreated && (ev.how === "renamed-over" || ev.how === "overwritten")) {
      img.recreated = { ...ev, how: "recreated" };
    }
  }
  recreate(file, ev) {
    const set = this.index.get(file);
    if (!set) return;
    for (const img of set) if (img.gone && !img.recreated) img.recreated = ev;
  }
  // --- process creation ------------------------------------------------------------------------------------------
  created(p, pid, line, name, args, child, text) {
    const flags = name === "fork" || name === "vfork" ? /* @__PURE__ */ new Set() : cloneFlags(name, args);
    const vm = flags.has("CLONE_VM");
    const vforkLike = flags.has("CLONE_VFORK");
    if (flags.has("CLONE_THREAD") || vm && !vforkLike) {
      p.tids.add(child);
      this.byTid.set(child, p);
      this.replayBuffered(child);
      return;
    }
    this.stats.forks++;
    const spawn2 = name === "vfork" ? "vfork" : vm && vforkLike ? "posix_spawn" : "fork";
    const place = withExe({ line, pid, text, syscall: name, spawn: spawn2, childPid: child }, p.exe);
    const gone = [...p.mem.count.keys()].filter((i) => i.gone);
    this.opts.onEvent?.({ type: "fork", line, pid, childPid: child, syscall: name, spawn: spawn2, goneLibraries: gone.map((i) => i.path) });
    const old = this.byTid.get(child);
    if (old && old !== p) this.finish(old);
    const c = this.newProc(child, this.copyMem(p.mem), flags.has("CLONE_FS") ? p.fs : { ...p.fs });
    c.fds = new Map(p.fds);
    c.doomed = new Set(p.doomed);
    if (vm && vforkLike) {
      c.spawnedBy = { parent: p, place, imgs: gone };
      p.pendingSpawns++;
    } else {
      for (const img of gone) {
        if (p.doomed.has(img)) this.stats.suppressed++;
        else {
          this.count(p, img, place);
          c.doomed.add(img);
        }
      }
    }
    this.replayBuffered(child);
  }
  /** Decide what a CLONE_VM|CLONE_VFORK call was, from the child's first exec (argv with the file first). */
  classify(child, exec) {
    const s = child.spawnedBy;
    if (!s) return;
    delete child.spawnedBy;
    const place = s.place;
    if (exec) {
      const [file, ...argv] = exec;
      place.childExec = argv.length ? argv : [file ?? ""];
      place.spawn = file === "/bin/sh" && argv[0] === "sh" && argv[1] === "-c" ? "system-popen" : "posix_spawn";
    } else {
      place.guessed = true;
    }
    for (const img of s.imgs) {
      if (s.parent.doomed.has(img)) this.stats.suppressed++;
      else {
        this.count(s.parent, img, place);
        if (SPAWN_KIND_INFO[place.spawn].forksOnCygwin) child.doomed.add(img);
      }
    }
    s.parent.pendingSpawns--;
    this.emitIfDone(s.parent);
  }
  count(p, img, place) {
    let a = p.acc.get(img);
    if (!a) {
      a = { img, gone: img.gone, further: 0, notes: 0 };
      if (img.recreated) a.recreated = img.recreated;
      p.acc.set(img, a);
    }
    if (SPAWN_KIND_INFO[place.spawn].forksOnCygwin) {
      if (!a.first) {
        a.first = place;
        if (img.recreated) a.recreated = img.recreated;
      } else if (place.line < a.first.line) {
        a.first = place;
        a.further++;
      } else a.further++;
    } else {
      a.notes++;
      if (!a.firstNote || place.line < a.firstNote.line) a.firstNote = place;
    }
  }
  execed(p, pid, exe) {
    const fresh = {
      ...p,
      id: nextProcId++,
      tids: /* @__PURE__ */ new Set([pid]),
      mem: { intervals: [], count: /* @__PURE__ */ new Map() },
      acc: /* @__PURE__ */ new Map(),
      doomed: /* @__PURE__ */ new Set(),
      pendingSpawns: 0,
      finished: false
    };
    delete fresh.spawnedBy;
    if (exe !== void 0) fresh.exe = exe;
    for (const t of p.tids) if (t !== pid && this.byTid.get(t) === p) this.byTid.delete(t);
    p.tids = /* @__PURE__ */ new Set([pid]);
    this.byTid.set(pid, fresh);
    if (this.root === p) this.root = fresh;
    p.finished = true;
    this.releaseMem(p.mem);
    this.emitIfDone(p);
  }
};
function withExe(place, exe) {
  if (exe !== void 0) place.exe = exe;
  return place;
}
function parseAddr(arg) {
  if (!arg) return Number.NaN;
  if (arg === "NULL") return 0;
  return arg.startsWith("0x") ? parseInt(arg, 16) : Number(arg);
}
function parseLen(arg) {
  if (!arg) return 0;
  const v = arg.startsWith("0x") ? parseInt(arg, 16) : Number(arg);
  return Number.isFinite(v) ? v : 0;
}
function assumptionFor(fork) {
  if (fork.spawn === "system-popen") {
    return 'assumed system()/popen() because the child ran execve("/bin/sh", ["sh", "-c", ...]) right after clone(CLONE_VM|CLONE_VFORK); Cygwin spawns /bin/sh for these without forking';
  }
  if (fork.spawn === "posix_spawn") {
    return fork.guessed ? "assumed posix_spawn() because of clone(CLONE_VM|CLONE_VFORK); the child\u2019s exec was not in the trace" : "assumed posix_spawn() (or a vfork-style spawn) because of clone(CLONE_VM|CLONE_VFORK) followed by an exec of the program; Cygwin\u2019s posix_spawn forks";
  }
  return void 0;
}
async function* replay(lines, opts = {}) {
  const r = new Replayer(opts);
  for await (const line of lines) {
    for (const p of r.push(line)) yield p;
  }
  for (const p of r.end()) yield p;
  return r.stats;
}

// src/predict/findings.ts
function who(t) {
  return t.exe ? `pid ${t.pid} [${path2.posix.basename(t.exe)}]` : `pid ${t.pid}`;
}
var CALL_NAME = {
  fork: "fork()",
  vfork: "vfork()",
  posix_spawn: "posix_spawn()",
  "system-popen": "system()/popen()"
};
function goneWords(g) {
  switch (g.how) {
    case "unlinked":
      return `deleted (${g.syscall} at line ${g.line}, ${who(g)})`;
    case "renamed-away":
      return `moved away (${g.syscall} at line ${g.line}, ${who(g)})`;
    case "dir-renamed":
      return `moved away with its directory ${g.path} (${g.syscall} at line ${g.line}, ${who(g)})`;
    case "dir-removed":
      return `deleted with its directory ${g.path} (${g.syscall} at line ${g.line}, ${who(g)})`;
    case "renamed-over":
      return `replaced by a rename onto its path (${g.syscall} at line ${g.line}, ${who(g)})`;
    case "overwritten":
      return `overwritten in place (${g.syscall} with O_TRUNC/O_CREAT at line ${g.line}, ${who(g)})`;
    case "recreated":
      return `re-created (${g.syscall} at line ${g.line}, ${who(g)})`;
  }
}
function predictionMessage(p) {
  const lib = path2.posix.basename(p.library);
  const call = CALL_NAME[p.fork.spawn];
  const what = goneWords(p.gone) + (p.recreated && p.gone.how !== "renamed-over" && p.gone.how !== "overwritten" ? ` and then rebuilt at the same path (${p.recreated.syscall} at line ${p.recreated.line})` : "");
  const history = `${lib} was loaded by ${who(p.load)} (line ${p.load.line}) and, while still mapped, ${what}`;
  const further = p.furtherForks > 0 ? ` ${p.furtherForks} further fork${p.furtherForks === 1 ? "" : "s"} of this process would fail the same way.` : "";
  if (p.severity === "note") {
    return `${call} at line ${p.fork.line} (${who(p.fork)}) runs after ${history}. On Cygwin ${call} spawns /bin/sh without forking, so this call is expected to work, but any fork() or posix_spawn() of this process from here on would fail. (${p.assumption ?? SPAWN_KIND_INFO[p.fork.spawn].describe})`;
  }
  const effect = p.cause === "replaced-dll" ? `the fork child would load a different file from ${p.library} than the parent has mapped` : `the fork child cannot load ${p.library} again`;
  return `${call} at line ${p.fork.line} (${who(p.fork)}) would fail on Cygwin: ${history}; ${effect}.${further}` + (p.assumption ? ` (${p.assumption})` : "");
}
function predictionToFinding(p, ctx) {
  const file = ctx.file;
  const evidence = [
    { role: "load", file, line: p.load.line, pid: p.load.pid, text: p.load.text },
    {
      role: p.gone.how === "renamed-over" || p.gone.how === "overwritten" ? "replace" : "delete",
      file,
      line: p.gone.line,
      pid: p.gone.pid,
      text: p.gone.text
    }
  ];
  if (p.recreated && p.recreated.line !== p.gone.line) {
    evidence.push({ role: "replace", file, line: p.recreated.line, pid: p.recreated.pid, text: p.recreated.text });
  }
  evidence.push({
    role: "fork",
    file,
    line: p.fork.line,
    pid: p.fork.pid,
    text: `${CALL_NAME[p.fork.spawn]}: ${p.fork.text}`
  });
  const properties = {
    pid: p.fork.pid,
    spawn: p.fork.spawn,
    forksOnCygwin: SPAWN_KIND_INFO[p.fork.spawn].forksOnCygwin,
    goneHow: p.gone.how,
    furtherForks: p.furtherForks,
    nonForkingSpawns: p.nonForkingSpawns
  };
  if (p.fork.childPid !== void 0) properties.childPid = p.fork.childPid;
  if (p.fork.exe) properties.program = p.fork.exe;
  if (p.gone.exe) properties.goneBy = p.gone.exe;
  if (p.fork.childExec) properties.childExec = p.fork.childExec.join(" ");
  if (p.aliases.length) properties.aliases = p.aliases.join(", ");
  if (p.assumption) properties.assumption = p.assumption;
  if (ctx.command !== void 0) properties.command = ctx.command;
  if (ctx.traceFile !== void 0) properties.traceFile = ctx.traceFile;
  return {
    kind: "predicted",
    ruleId: `predicted/${p.cause}`,
    cause: p.cause,
    severity: p.severity,
    file,
    line: p.fork.line,
    message: predictionMessage(p),
    evidence,
    // A replaced file with identical bytes would load fine; a posix_spawn guess rests on glibc's clone pattern.
    confidence: p.severity === "note" ? 0.5 : p.cause === "replaced-dll" || p.fork.spawn === "posix_spawn" ? 0.8 : 0.9,
    dll: p.library,
    properties
  };
}

// src/predict/runner.ts
import { spawn, spawnSync as spawnSync2 } from "node:child_process";
import { accessSync, constants, mkdtempSync as mkdtempSync2, rmSync as rmSync2, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import path4 from "node:path";

// src/predict/recorder.ts
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path3 from "node:path";
import { fileURLToPath } from "node:url";
var RECORDER_SOURCE_NAME = "cygwin-hygiene-recorder.c";
var RECORDER_TRACE_ENV = "CYGWIN_HYGIENE_TRACE";
function recorderSourcePath() {
  let dir = path3.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const p = path3.join(dir, "assets", RECORDER_SOURCE_NAME);
    if (existsSync(p)) return p;
    const up = path3.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return fileURLToPath(new URL("./recorder/recorder.c", import.meta.url));
}
function cacheDir(env) {
  if (env.CYGWIN_HYGIENE_CACHE) return env.CYGWIN_HYGIENE_CACHE;
  const base = env.XDG_CACHE_HOME || path3.join(env.HOME || homedir(), ".cache");
  return path3.join(base, "cygwin-hygiene");
}
function glibcVersion() {
  const header = process.report?.getReport()?.header;
  return header?.glibcVersionRuntime;
}
var builds = /* @__PURE__ */ new Map();
function ensureRecorder(env = process.env) {
  const key = `${env.CC ?? ""}\0${cacheDir(env)}`;
  const cached = builds.get(key);
  if (cached) return cached;
  const r = build(env);
  builds.set(key, r);
  return r;
}
function build(env) {
  if (process.platform !== "linux") return { problem: `the preload recorder needs Linux (this is ${process.platform})` };
  const glibc = glibcVersion();
  if (!glibc) return { problem: "the preload recorder needs glibc (LD_AUDIT); this system\u2019s C library is not glibc" };
  const source = readFileSync(recorderSourcePath());
  const compilers = env.CC ? [env.CC] : ["cc", "gcc", "clang"];
  const id = createHash("sha256").update(source).update(`${process.arch}\0${glibc}\0${compilers.join(",")}`).digest("hex");
  const dir = cacheDir(env);
  const library = path3.join(dir, `cygwin-hygiene-recorder-${id.slice(0, 16)}.so`);
  if (/[\s:]/.test(library)) {
    return { problem: `the preload recorder's cache path has a space or a colon (${library}); set CYGWIN_HYGIENE_CACHE to a plain path` };
  }
  if (existsSync(library)) return { library, built: false };
  let work;
  try {
    mkdirSync(dir, { recursive: true });
    work = mkdtempSync(path3.join(tmpdir(), "cygwin-hygiene-recorder-"));
    const src = path3.join(work, RECORDER_SOURCE_NAME);
    writeFileSync(src, source);
    const out = path3.join(work, path3.basename(library));
    let failure = "";
    let compiled = false;
    for (const cc of compilers) {
      const [prog, ...flags] = cc.split(/\s+/).filter(Boolean);
      const r = spawnSync(prog, [...flags, "-shared", "-fPIC", "-O2", "-o", out, src, "-ldl"], { encoding: "utf8", env, timeout: 6e4 });
      if (r.status === 0) {
        compiled = true;
        break;
      }
      const code = r.error?.code;
      failure = code === "ENOENT" ? `${prog} not found` : `${prog} failed: ${(r.stderr || r.error?.message || "").trim().split("\n")[0]}`;
      if (code !== "ENOENT") break;
    }
    if (!compiled) return { problem: `cannot build the preload recorder (${failure || "no C compiler"}); install a C compiler or set CC` };
    const problem = selfTest(out, work, env);
    if (problem) return { problem };
    const staged = `${library}.${process.pid}.tmp`;
    writeFileSync(staged, readFileSync(out));
    renameSync(staged, library);
    return { library, built: true };
  } catch (e) {
    return { problem: `cannot build the preload recorder: ${e.code ?? e.message}` };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}
function selfTest(library, work, env) {
  const trace = path3.join(work, "self-test.log");
  writeFileSync(trace, "");
  const r = spawnSync("/bin/sh", ["-c", "true"], {
    encoding: "utf8",
    env: recorderEnv(env, library, trace),
    timeout: 3e4
  });
  const text = readFileSync(trace, "utf8");
  if (r.status !== 0 || r.stderr.trim() || !/ execve\("\/bin\/sh"/.test(text)) {
    const why = r.stderr.trim().split("\n")[0] || (r.error?.message ?? `exit code ${r.status}, nothing recorded`);
    return `the dynamic loader did not take the preload recorder (${why})`;
  }
  return void 0;
}
function recorderEnv(env, library, traceFile) {
  const first = (v, sep) => v ? `${library}${sep}${v}` : library;
  return {
    ...env,
    LD_AUDIT: first(env.LD_AUDIT, ":"),
    LD_PRELOAD: first(env.LD_PRELOAD, ":"),
    [RECORDER_TRACE_ENV]: traceFile
  };
}

// src/predict/runner.ts
var TRACED_SYSCALLS = [
  "?open",
  "openat",
  "mmap",
  "munmap",
  "?unlink",
  "unlinkat",
  "?rmdir",
  "?rename",
  "renameat",
  "?renameat2",
  "chdir",
  "fchdir",
  "?fork",
  "?vfork",
  "clone",
  "?clone3",
  "execve",
  "?execveat",
  "exit_group"
];
var STRACE_INSTALL_HINT = "predict needs Linux strace: install it (`apt-get install strace` or `dnf install strace`) or pass --strace PATH";
var StraceMissingError = class extends InputError {
  name = "StraceMissingError";
};
function findExecutable(name, env = process.env) {
  const candidates = name.includes("/") ? [name] : (env.PATH ?? "").split(path4.delimiter).filter(Boolean).map((d) => path4.join(d, name));
  for (const c of candidates) {
    try {
      if (!statSync(c).isFile()) continue;
      accessSync(c, constants.X_OK);
      return c;
    } catch {
    }
  }
  return void 0;
}
var seccompCache = /* @__PURE__ */ new Map();
function probeSeccomp(strace) {
  const cached = seccompCache.get(strace);
  if (cached !== void 0) return cached;
  const r = spawnSync2(strace, ["-f", "--seccomp-bpf", "-qq", "-e", "trace=clone,execve", "-o", "/dev/null", "true"], {
    encoding: "utf8",
    timeout: 1e4
  });
  const ok = r.status === 0 && !r.error && (r.stderr ?? "").trim() === "";
  seccompCache.set(strace, ok);
  return ok;
}
function probePtrace(strace) {
  const r = spawnSync2(strace, ["-qq", "-e", "trace=execve", "-o", "/dev/null", "true"], { encoding: "utf8", timeout: 1e4 });
  if (r.error) return `cannot run ${strace}: ${r.error.code ?? r.error.message}`;
  if (r.status === 0) return void 0;
  const first = (r.stderr ?? "").split("\n").find((l) => l.trim()) ?? `exit code ${r.status}`;
  return `strace cannot trace here (${first.trim()}); in a container, allow ptrace (e.g. docker --cap-add=SYS_PTRACE)`;
}
var TRACERS = ["auto", "preload", "strace"];
function straceArgs(traceFile, seccomp, cmd, args) {
  return [
    "-f",
    ...seccomp ? ["--seccomp-bpf"] : [],
    "-q",
    "-y",
    "-s",
    "4096",
    "-e",
    `trace=${TRACED_SYSCALLS.join(",")}`,
    "-o",
    traceFile,
    "--",
    cmd,
    ...args
  ];
}
async function runTraced(cmd, args, opts = {}) {
  const env = opts.env ?? process.env;
  const choice = opts.tracer ?? "auto";
  let library;
  let fallback;
  let built = false;
  if (choice !== "strace") {
    const rec = ensureRecorder(env);
    if ("library" in rec) {
      library = rec.library;
      built = rec.built;
    } else if (choice === "preload") throw new InputError(rec.problem);
    else fallback = rec.problem;
  }
  let strace;
  let seccomp = false;
  if (!library) {
    strace = findExecutable(opts.strace ?? "strace", env);
    if (!strace) {
      const missing = opts.strace ? `${opts.strace} not found` : "strace not found on PATH";
      throw new StraceMissingError(`${missing}${fallback ? ` and ${fallback}` : ""}; ${STRACE_INSTALL_HINT}`);
    }
    seccomp = opts.seccomp ?? probeSeccomp(strace);
    if (!seccomp) {
      const problem = probePtrace(strace);
      if (problem) throw new InputError(problem);
    }
  }
  let dir;
  let traceFile = opts.traceFile;
  if (!traceFile) {
    dir = mkdtempSync2(path4.join(tmpdir2(), "cygwin-hygiene-predict-"));
    traceFile = path4.join(dir, "trace.log");
  } else traceFile = path4.resolve(opts.cwd ?? process.cwd(), traceFile);
  let child;
  let argv = [];
  if (library) {
    writeFileSync2(traceFile, "");
    child = spawn(cmd, args, { cwd: opts.cwd, env: recorderEnv(env, library, traceFile), stdio: opts.stdio ?? "inherit" });
  } else {
    argv = straceArgs(traceFile, seccomp, cmd, args);
    child = spawn(strace, argv, { cwd: opts.cwd, env, stdio: opts.stdio ?? "inherit" });
  }
  const forward = (sig) => () => child.kill(sig);
  const onTerm = forward("SIGTERM");
  const onInt = () => void 0;
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  try {
    const { code, signal, startError } = await new Promise(
      (resolve) => {
        child.on(
          "error",
          (e) => resolve({ code: 127, signal: null, startError: `cannot run ${library ? cmd : strace}: ${e.code === "ENOENT" ? "not found" : e.code ?? e.message}` })
        );
        child.on("close", (c, s) => resolve({ code: c, signal: s }));
      }
    );
    const run = {
      exitCode: code,
      signal,
      traceFile,
      temporary: dir !== void 0,
      tracer: library ? "preload" : "strace",
      seccomp,
      straceArgs: argv,
      cleanup: () => {
        if (dir) rmSync2(dir, { recursive: true, force: true });
      }
    };
    if (fallback) run.fallback = fallback;
    if (built && library) run.recorderBuilt = library;
    if (startError) run.startError = startError;
    return run;
  } finally {
    process.off("SIGTERM", onTerm);
    process.off("SIGINT", onInt);
  }
}

// src/predict/index.ts
async function replayTrace(lines, opts) {
  const r = new Replayer(opts);
  const predictions = [];
  for await (const line of lines) predictions.push(...r.push(line));
  predictions.push(...r.end());
  const stats = r.stats;
  const ctx = { file: opts.file };
  if (opts.command !== void 0) ctx.command = opts.command;
  if (opts.traceFile !== void 0) ctx.traceFile = opts.traceFile;
  return {
    predictions,
    findings: predictions.map((p) => predictionToFinding(p, ctx)),
    stats,
    diagnostics: statsDiagnostics(stats, opts.traceFile ?? opts.file, opts.tracer)
  };
}
function statsDiagnostics(stats, file, tracer) {
  const d = [];
  if (stats.syscalls === 0) {
    d.push({
      level: "error",
      file,
      message: stats.lines === 0 ? tracer === "preload" ? "the trace is empty: the preload recorder recorded nothing (did the command start? a statically linked program, or one run with a cleared environment, is not recorded: use --tracer strace)" : "the trace is empty: strace recorded nothing (did the command start?)" : `no strace syscall lines in ${stats.lines} line${stats.lines === 1 ? "" : "s"}: not an strace log?`
    });
    return d;
  }
  if (stats.truncatedPaths > 0) {
    d.push({
      level: "warning",
      file,
      message: `${stats.truncatedPaths} path argument(s) were cut by strace ("..."...): record with a larger -s (e.g. -s 4096)`
    });
  }
  if (stats.unresolvedPaths > 0) {
    d.push({
      level: "info",
      file,
      message: `${stats.unresolvedPaths} relative path(s) could not be resolved (unknown working directory); record with -y`
    });
  }
  if (stats.unrecorded > 0) {
    d.push({
      level: "warning",
      file,
      message: `${stats.unrecorded} process(es) replaced LD_PRELOAD, so the preload recorder saw their library loads but not their forks and deletions: trace with --tracer strace to see those too`
    });
  }
  if (stats.orphans > 0) {
    d.push({
      level: "info",
      file,
      message: `${stats.orphans} process(es) appeared without their parent's clone/fork line; replayed without inherited libraries`
    });
  }
  return d;
}
async function* readTraceLines(file) {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new InputError(`cannot read trace ${file}: ${e.code ?? String(e)}`);
  }
  if (!st.isFile()) throw new InputError(`cannot read trace ${file}: not a regular file`);
  let fh;
  try {
    fh = await open(file, "r");
  } catch (e) {
    const code = e.code;
    throw new InputError(`cannot read trace ${file}: ${code === "EACCES" || code === "EPERM" ? "permission denied" : code ?? String(e)}`);
  }
  const rl = createInterface({ input: fh.createReadStream({ encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}
export {
  Replayer,
  SPAWN_KIND_INFO,
  STRACE_INSTALL_HINT,
  StraceMissingError,
  TRACED_SYSCALLS,
  TRACERS,
  cacheDir,
  ensureRecorder,
  findExecutable,
  parseStraceLine,
  predictionMessage,
  predictionToFinding,
  probeSeccomp,
  readTraceLines,
  recorderEnv,
  replay,
  replayTrace,
  runTraced,
  statsDiagnostics,
  straceArgs
};
