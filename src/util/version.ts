import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'cygwin-hygiene';
export const TOOL_VERSION: string = pkg.version;
export const TOOL_URI = 'https://github.com/cygwin-hygiene/cygwin-hygiene';
/** Where the rule and cause pages live, for help links in SARIF and text output. */
export const DOCS_BASE = `${TOOL_URI}/blob/v${pkg.version.split('.')[0]}/docs/rules/`;
