import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TimelineBuilder } from '../../src/diagnose/timeline.js';
import { cleanLine } from '../../src/trace/read.js';
import { parseStraceLine } from '../../src/trace/strace.js';

function feed(tl: TimelineBuilder, no: number, raw: string): void {
  const text = cleanLine(raw);
  const s = parseStraceLine(text);
  assert.ok(s, raw);
  tl.add(s, no, text.trim());
}

describe('TimelineBuilder.recentForks', () => {
  test('the last 64 fork/child-running/start events, in stream order', () => {
    const tl = new TimelineBuilder('x');
    let no = 0;
    for (let i = 0; i < 100; i++) {
      feed(tl, ++no, `   61  100 [main] make ${1000 + i} dofork: entering`);
      feed(tl, ++no, `--- Process ${5000 + i} loaded C:\\cygwin64\\bin\\cyglib-${i}.dll at 0000000180040000`);
      feed(tl, ++no, `   19  200 [main] make ${2000 + i} frok::child: child is running.  pid ${2000 + i}, ppid ${1000 + i}, stack here 0x7FFFFCC00`);
    }
    const r = tl.recentForks();
    assert.equal(r.length, 64);
    assert.deepEqual(r.map((e) => e.type).slice(-4), ['fork', 'child-running', 'fork', 'child-running']);
    assert.equal(r[r.length - 1]!.pid, 2099);
    assert.equal(r[0]!.pid, 1068);
    for (let i = 1; i < r.length; i++) assert.ok(r[i]!.line > r[i - 1]!.line);
  });

  test('only among the last 4096 events: older fork events are gone after 4096 others', () => {
    const tl = new TimelineBuilder('x');
    let no = 0;
    feed(tl, ++no, '   61  100 [main] make 7 dofork: entering');
    for (let i = 0; i < 4095; i++) feed(tl, ++no, `--- Process ${5000 + i} loaded C:\\cygwin64\\bin\\cyglib-${i}.dll at 0000000180040000`);
    assert.deepEqual(tl.recentForks().map((e) => e.line), [1], 'the fork is the 4096th last event');
    feed(tl, ++no, '--- Process 9999 loaded C:\\cygwin64\\bin\\cygone.dll at 0000000180040000');
    assert.deepEqual(tl.recentForks(), []);
    feed(tl, ++no, '--- Process 10000 created');
    assert.deepEqual(tl.recentForks().map((e) => [e.type, e.line]), [['start', no]]);
  });
});
