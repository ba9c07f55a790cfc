import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { NEEDLES } from '../../src/diagnose/index.js';
import { matchMessage } from '../../src/diagnose/messages.js';
import { TimelineBuilder } from '../../src/diagnose/timeline.js';
import { findVersionInLine } from '../../src/cygwin/version.js';
import { cleanLine } from '../../src/trace/read.js';
import { parseStraceLine } from '../../src/trace/strace.js';
import { FIXTURES } from '../helpers/cli.js';

const LOGS = path.join(FIXTURES, 'logs');

describe('needle coverage', () => {
  test('every fixture line that makes a timeline event, a fork message or a version holds a needle', () => {
    let used = 0;
    for (const name of readdirSync(LOGS)) {
      for (const raw of readFileSync(path.join(LOGS, name), 'latin1').split('\n')) {
        const text = cleanLine(raw);
        const s = parseStraceLine(text);
        let matters = matchMessage(text) !== undefined || findVersionInLine(text) !== undefined;
        if (s) {
          const tl = new TimelineBuilder('x');
          tl.add(s, 1, text.trim());
          if (tl.size > 0) matters = true;
          if (s.kind === 'message' && s.func === undefined && s.message.startsWith('Program name: ')) matters = true;
        }
        if (!matters) continue;
        used++;
        assert.match(raw, NEEDLES, `${name}: ${text}`);
      }
    }
    assert.ok(used > 100, `${used} lines that matter`);
  });
});
