import * as core from '@actions/core';

/** The action's orchestration: inputs → install → run under strace → the pipeline → annotations, summary, SARIF. */
export async function run(): Promise<void> {
  try {
    core.setFailed('cygwin-hygiene: the action is not built yet (see issue "The action on Windows")');
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
