import type { Colors } from '../util/color.js';

export interface RenderOptions {
  colors: Colors;
  quiet: boolean;
  /** For links in markdown/SARIF (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA) and PR context. */
  env: NodeJS.ProcessEnv;
  cwd: string;
}
