import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ACTION_OUTPUTS } from '../../src/action/describe-plan.js';
import { INPUT_DEFAULTS } from '../../src/action/inputs.js';
import { ROOT } from '../helpers/cli.js';

test('action.yml documents exactly the inputs parseInputs reads, with the same defaults, and every output', async () => {
  const yml = await readFile(path.join(ROOT, 'action.yml'), 'utf8');
  const [inputsPart, outputsPart] = yml.split(/^outputs:$/m);
  const inputs = Object.fromEntries(
    [...inputsPart!.matchAll(/^ {2}([a-z-]+):\n(?: {4}(?!default:).*\n)* {4}default: '(.*)'$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  assert.deepEqual(inputs, INPUT_DEFAULTS);
  const outputs = [...outputsPart!.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]);
  assert.deepEqual([...outputs].sort(), [...ACTION_OUTPUTS].sort());
});
