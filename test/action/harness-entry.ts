// Runs the action's real run() in this process, with the fake effects of CH_FAKE_CONFIG (a JSON FakeConfig) and
// the real pipeline (src/pipeline/index.ts). GitHub's INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP come from the environment.
import { readFileSync } from 'node:fs';
import { run } from '../../src/action/main.js';
import { fakeEffects, type FakeConfig } from './fake-effects.js';
import { createPipeline } from '../../src/pipeline/index.js';

const config = JSON.parse(readFileSync(process.env.CH_FAKE_CONFIG!, 'utf8')) as FakeConfig;
await run({ effects: fakeEffects(config), pipeline: createPipeline() });
process.exit();
