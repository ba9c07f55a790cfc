#!/usr/bin/env node
// Write a realistic Cygwin strace log of SIZE megabytes: a long test run (bash → make → chibi-scheme, many
// successful forks, DLL loads, file syscalls) with a deleted-DLL fork failure every ~FAILURE_EVERY MB.
// Usage: node bench/gen-strace-log.mjs OUT.log SIZE_MB [FAILURE_EVERY_MB=50]
import { createWriteStream } from 'node:fs';

const [out, sizeArg, everyArg] = process.argv.slice(2);
if (!out || !sizeArg) {
  console.error('usage: node bench/gen-strace-log.mjs OUT.log SIZE_MB [FAILURE_EVERY_MB]');
  process.exit(2);
}
const target = Number(sizeArg) * 1024 * 1024;
const every = Number(everyArg ?? 50) * 1024 * 1024;

let total = 1000;
let cygpid = 1000;
const line = (delta, prog, pid, func, msg, thread = 'main') => {
  total += delta;
  return `${String(delta).padStart(5)} ${String(total).padStart(7)} [${thread}] ${prog} ${pid} ${func}: ${msg}\n`;
};

function banner(winpid, pid) {
  return [
    `--- Process ${winpid} created\n`,
    `--- Process ${winpid} loaded C:\\Windows\\System32\\ntdll.dll at 00007ffd5e5d0000\n`,
    `--- Process ${winpid} loaded C:\\cygwin64\\bin\\cygwin1.dll at 0000000180040000\n`,
    `  121   12345 [main] bash (${winpid}) **********************************************\n`,
    `   88   12433 [main] bash (${winpid}) Program name: C:\\cygwin64\\bin\\bash.exe (pid ${pid}, ppid 1, windows pid ${winpid})\n`,
    `   37   12470 [main] bash (${winpid}) OS version:   Windows NT-10.0\n`,
    `   31   12501 [main] bash (${winpid}) DLL version:  3005.4, api: 0.345\n`,
    `   29   12530 [main] bash (${winpid}) DLL build:    2024-08-25 16:52\n`,
  ].join('');
}

// One "chunk" of ordinary activity: a successful fork of make → sh, file syscalls, DLL loads.
function ordinary(i) {
  const pid = 2000 + (i % 500);
  // Cygwin pids wrap (they never reach the failing chibi-scheme's 299940 or its children's 302196+).
  const child = 1000 + (cygpid++ % 60000);
  const winpid = 30000 + (i % 20000);
  const lines = [];
  lines.push(line(61, 'make', pid, 'dofork', 'entering'));
  lines.push(line(40, 'make', pid, 'frok::parent', 'priority class 32'));
  lines.push(line(33, 'make', pid, 'frok::parent', `CreateProcessW (C:\\cygwin64\\bin\\make.exe, C:\\cygwin64\\bin\\make.exe, 0, 0, 1, 0x20, 0, 0, 0xFFFFB8A0, 0xFFFFB840)`));
  lines.push(line(520, 'make', pid, 'frok::parent', `forked pid ${winpid}`));
  lines.push(line(28, 'make', pid, 'child_info::sync', `n 2, waiting for subproc_ready(0x1E4) and child process(0x1F0)`));
  lines.push(line(412, 'make', `(${winpid})`, 'sync_with_parent', 'signalling parent: after longjmp'));
  lines.push(line(31, 'make', pid, 'child_info::sync', `pid ${winpid}, WFMO returned 0, exit_code 0x103, res 1`));
  lines.push(line(12, 'make', pid, 'frok::parent', 'child is alive (but stopped)'));
  lines.push(line(21, 'make', pid, 'child_copy', 'stack - hp 0x1F0 low 0x7FFFFCC00, high 0x800000000, res 1'));
  lines.push(line(17, 'make', pid, 'child_copy', 'done'));
  lines.push(line(15, 'make', pid, 'resume_child', 'signalled child'));
  lines.push(line(10, 'make', `(${winpid})`, 'sync_with_parent', 'awake'));
  lines.push(line(19, 'make', child, 'frok::child', `child is running.  pid ${child}, ppid ${pid}, stack here 0x7FFFFCC00`));
  lines.push(line(11, 'make', child, 'frok::child', 'hParent 0x178, load_dlls 0'));
  lines.push(line(9, 'make', child, 'sync_with_parent', 'signalling parent: performed fork fixups and dynamic dll loading'));
  lines.push(line(8, 'make', child, 'dofork', '0 = fork()'));
  lines.push(line(14, 'make', pid, 'dofork', `${child} = fork()`));
  for (let k = 0; k < 6; k++) {
    // syscalls.cc: `%R = open(%s, %y)`.
    lines.push(line(9, 'sh', child, 'open', `3 = open(/home/dev/proj/build/obj${(i + k) % 997}.o, 0x18000)`, 'main'));
    lines.push(line(7, 'sh', child, 'fhandler_base::close', `closing '/home/dev/proj/build/obj${(i + k) % 997}.o' handle 0x2A8`));
    lines.push(line(12, 'sh', child, 'stat64', `entering`));
    lines.push(line(6, 'sh', child, 'normalize_posix_path', `src /home/dev/proj/src/file${(i * 7 + k) % 1009}.c`));
  }
  lines.push(`--- Process ${winpid} loaded C:\\cygwin64\\bin\\cygintl-8.dll at 00000003f0c20000\n`);
  lines.push(`--- Process ${winpid} thread ${winpid + 4} created\n`);
  lines.push(line(35, 'sh', child, 'sigpacket::process', 'signal 20 processing', 'sig'));
  lines.push(`--- Process ${winpid} (pid: ${child}) exited with status 0x0\n`);
  return lines.join('');
}

function failure(i) {
  const pid = 299940;
  const winpid = 302196 + i;
  return [
    `--- Process 299940 loaded C:\\cygwin64\\home\\dev\\chibi-ffi\\tests\\ffi\\basic${i}.dll at 00000005cffc0000\n`,
    line(44, 'chibi-scheme', pid, 'unlink_nt', `\\??\\C:\\cygwin64\\home\\dev\\chibi-ffi\\tests\\ffi\\basic${i}.dll, 0`),
    line(15, 'chibi-scheme', pid, 'dofork', 'entering'),
    line(33, 'chibi-scheme', pid, 'frok::parent', `CreateProcessW (C:\\cygwin64\\bin\\chibi-scheme.exe, C:\\cygwin64\\bin\\chibi-scheme.exe, 0, 0, 1, 0x20, 0, 0, 0xFFFFB8A0, 0xFFFFB840)`),
    line(512, 'chibi-scheme', pid, 'frok::parent', `forked pid ${winpid}`),
    line(15, 'chibi-scheme', pid, 'frok::parent', 'copying data/bss of a linked dll'),
    line(14, 'chibi-scheme', pid, 'resume_child', 'signalled child'),
    line(419, 'chibi-scheme', winpid, 'sync_with_parent', 'awake'),
    line(11, 'chibi-scheme', winpid, 'frok::child', `child is running.  pid ${winpid}, ppid ${pid}, stack here 0x23C3C8`),
    line(66, 'chibi-scheme', winpid, 'child_info_fork::abort', `unable to map C:\\cygwin64\\home\\dev\\chibi-ffi\\tests\\ffi\\basic${i}.dll, Win32 error 126`),
    `--- Process ${winpid} exited with status 0x800000\n`,
    line(151, 'chibi-scheme', pid, 'child_info::sync', `pid ${winpid}, WFMO returned 1, exit_code 0x800000, res 0`),
    line(83, 'chibi-scheme', pid, 'frok::parent', 'returning -1'),
  ].join('');
}

const ws = createWriteStream(out);
let written = 0;
let nextFailure = every / 2;
let fails = 0;
let i = 0;
const write = (s) => {
  written += Buffer.byteLength(s);
  return ws.write(s);
};
write(banner(4711, 1234));
async function pump() {
  while (written < target) {
    let block = '';
    while (block.length < 256 * 1024) block += ordinary(i++);
    if (written >= nextFailure) {
      block += failure(fails++);
      nextFailure += every;
    }
    if (!write(block)) await new Promise((r) => ws.once('drain', r));
  }
  ws.end();
  await new Promise((r) => ws.once('finish', r));
  console.log(JSON.stringify({ file: out, bytes: written, failures: fails }));
}
await pump();
