import { readFileSync } from 'node:fs';

/** Set by the bundler (scripts/build.mjs) to package.json's version; undefined when running from source. */
declare const __CYGWIN_HYGIENE_VERSION__: string | undefined;

export const TOOL_NAME = 'cygwin-hygiene';
export const TOOL_VERSION: string =
  typeof __CYGWIN_HYGIENE_VERSION__ === 'string'
    ? __CYGWIN_HYGIENE_VERSION__
    : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const TOOL_URI = 'https://github.com/cygwin-hygiene/cygwin-hygiene';
/** Where the rule and cause pages live, for help links in SARIF and text output. */
export const DOCS_BASE = `${TOOL_URI}/blob/v${TOOL_VERSION.split('.')[0]}/docs/rules/`;
