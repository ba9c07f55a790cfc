import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cloneFlags,
  decodeEscapes,
  parseArgvArg,
  parseCallText,
  parseFdArg,
  parseStraceLine,
  parseStringArg,
} from '../../src/predict/parse.js';

describe('strace line parser', () => {
  test('a -f -o line with -y decorations: pid, args split at top level, returned fd path', () => {
    const p = parseStraceLine(
      '7442  openat(AT_FDCWD</tmp/a, b>, "/tmp/a, b/libplug.so", O_RDONLY|O_CLOEXEC) = 3</tmp/a, b/libplug.so>',
    );
    assert.equal(p.type, 'syscall');
    if (p.type !== 'syscall') return;
    assert.equal(p.pid, 7442);
    assert.equal(p.name, 'openat');
    assert.deepEqual(p.args, ['AT_FDCWD</tmp/a, b>', '"/tmp/a, b/libplug.so"', 'O_RDONLY|O_CLOEXEC']);
    assert.equal(p.ret.value, 3);
    assert.equal(p.ret.path, '/tmp/a, b/libplug.so');
    assert.deepEqual(parseFdArg(p.args[0]), { fd: 'AT_FDCWD', path: '/tmp/a, b' });
  });

  test('hex return values are addresses, errors carry errno, ? is NaN', () => {
    const m = parseStraceLine('1  mmap(NULL, 8192, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3</x.so>, 0) = 0x7f4afc70e000');
    assert.equal(m.type === 'syscall' && m.ret.value, 0x7f4afc70e000);
    const e = parseStraceLine('1  unlink("/nope") = -1 ENOENT (No such file or directory)');
    assert.ok(e.type === 'syscall' && e.ret.value === -1 && e.ret.errno === 'ENOENT');
    const q = parseStraceLine('1  exit_group(0)                     = ?');
    assert.ok(q.type === 'syscall' && Number.isNaN(q.ret.value));
  });

  test('[pid N] prefix, -tt time and -T duration; an unprefixed line has no pid', () => {
    const p = parseStraceLine('[pid   600] 12:00:01.000400 fork()      = 601 <0.000100>');
    assert.ok(p.type === 'syscall');
    assert.equal(p.pid, 600);
    assert.equal(p.text, 'fork() = 601');
    assert.deepEqual(p.type === 'syscall' && p.args, []);
    const e = parseStraceLine('1700000000.123456 execve("/bin/true", ["true"], 0x7ffd /* 5 vars */) = 0');
    assert.ok(e.type === 'syscall' && e.pid === undefined && e.name === 'execve');
    const rel = parseStraceLine('4242       0.000123 unlink("/x.so") = 0');
    assert.ok(rel.type === 'syscall' && rel.pid === 4242 && rel.name === 'unlink');
  });

  test('unfinished and resumed halves, joined, parse as one call', () => {
    const u = parseStraceLine(
      '7841  clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f81475d1000, stack_size=0x9000}, 88 <unfinished ...>',
    );
    const r = parseStraceLine('7841  <... clone3 resumed>)             = 7897');
    assert.equal(u.type, 'unfinished');
    assert.equal(r.type, 'resumed');
    if (u.type !== 'unfinished' || r.type !== 'resumed') return;
    const call = parseCallText(u.head + r.tail);
    assert.ok(call);
    assert.equal(call.ret.value, 7897);
    assert.deepEqual([...cloneFlags('clone3', call.args)].sort(), ['CLONE_VFORK', 'CLONE_VM', 'SIGCHLD']);
  });

  test('exit, kill and signal lines', () => {
    assert.deepEqual(parseStraceLine('8436  +++ exited with 3 +++'), { type: 'exit', pid: 8436, status: 3, text: '+++ exited with 3 +++' });
    const k = parseStraceLine('9  +++ killed by SIGKILL (core dumped) +++');
    assert.ok(k.type === 'exit' && k.signal === 'SIGKILL');
    const s = parseStraceLine('7442  --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=7443} ---');
    assert.ok(s.type === 'signal' && s.signal === 'SIGCHLD');
    assert.equal(parseStraceLine('strace: Process 12 attached').type, 'other');
    assert.equal(parseStraceLine('make: *** [all] Error 1').type, 'other');
  });

  test('string escapes: quotes, backslashes, octal UTF-8 bytes, hex; truncation is reported', () => {
    assert.equal(decodeEscapes('a\\"b\\\\c\\n'), 'a"b\\c\n');
    assert.equal(decodeEscapes('libcyg\\303\\251.so'), 'libcygé.so');
    assert.equal(decodeEscapes('\\x41\\x2f'), 'A/');
    assert.deepEqual(parseStringArg('"/w/out/\\"q\\\\ n\\""'), { value: '/w/out/"q\\ n"', truncated: false });
    assert.deepEqual(parseStringArg('"/very/long"...'), { value: '/very/long', truncated: true });
    assert.equal(parseStringArg('NULL'), undefined);
  });

  test('a path containing ) or = inside a string does not end the argument list', () => {
    const p = parseStraceLine('5  unlink("/tmp/x) = 0 (y).so") = 0');
    assert.ok(p.type === 'syscall');
    assert.equal(p.type === 'syscall' && parseStringArg(p.args[0])?.value, '/tmp/x) = 0 (y).so');
    assert.equal(p.type === 'syscall' && p.ret.value, 0);
  });

  test('clone flags, argv arrays, fds without decoration, deleted-file decorations', () => {
    assert.ok(cloneFlags('clone', ['child_stack=NULL', 'flags=CLONE_VM|CLONE_VFORK|SIGCHLD']).has('CLONE_VFORK'));
    assert.deepEqual(parseArgvArg('["sh", "-c", "echo \\"a, b\\""]'), ['sh', '-c', 'echo "a, b"']);
    assert.deepEqual(parseFdArg('3'), { fd: 3 });
    assert.deepEqual(parseFdArg('3</tmp/x.so (deleted)>'), { fd: 3, path: '/tmp/x.so', deleted: true });
    assert.equal(parseFdArg('NULL'), undefined);
  });

  test('a cut-off line (no closing parenthesis) is not a syscall', () => {
    assert.equal(parseStraceLine('7442  openat(AT_FDCWD, "/tmp/x').type, 'other');
    assert.equal(parseStraceLine('').type, 'other');
  });
});
