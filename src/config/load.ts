import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './schema.js';
import { InputError } from '../util/errors.js';

export const CONFIG_FILE = '.cygwin-hygiene.json';
export const PACKAGE_KEY = 'cygwin-hygiene';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when none was found. */
  file?: string;
  /** The folder relative globs in the config are resolved against. */
  dir: string;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read config file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`config file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Turn a schema failure into one line that names the key. */
export async function validateConfig(raw: unknown, source: string): Promise<Config> {
  const { configSchema } = await import('./schema.js');
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : '';
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys;
    const key = where ? `${where}.${keys[0]}` : keys[0];
    throw new InputError(`${source}: unknown key "${key}" (allowed: ${Object.keys(configSchema.shape).filter((k) => k !== '$schema').join(', ')})`);
  }
  throw new InputError(`${source}: bad value for "${where || '(root)'}": ${issue.message}`);
}

async function fromFile(file: string): Promise<LoadedConfig> {
  const raw = await readJson(file);
  if (path.basename(file) === 'package.json') {
    const section = (raw as Record<string, unknown> | null)?.[PACKAGE_KEY];
    return { config: await validateConfig(section ?? {}, `${file} ("${PACKAGE_KEY}")`), file, dir: path.dirname(file) };
  }
  return { config: await validateConfig(raw, file), file, dir: path.dirname(file) };
}

/**
 * Find the config: an explicit `--config FILE`, else the nearest `.cygwin-hygiene.json` or `package.json` with a
 * `cygwin-hygiene` key from `start` upwards. `explicit === false` (`--no-config`) ignores every file.
 */
export async function loadConfig(start: string, explicit?: string | false): Promise<LoadedConfig> {
  if (explicit === false) return { config: {}, dir: start };
  if (explicit) {
    const file = path.resolve(explicit);
    if (!(await isFile(file))) throw new InputError(`config file not found: ${explicit}`);
    return fromFile(file);
  }
  let dir = path.resolve(start);
  for (;;) {
    const own = path.join(dir, CONFIG_FILE);
    if (await isFile(own)) return fromFile(own);
    if (await exists(own)) throw new InputError(`config file ${own} is not a regular file (a folder?)`);
    const pkg = path.join(dir, 'package.json');
    if (await isFile(pkg)) {
      const raw = await readJson(pkg);
      if (raw && typeof raw === 'object' && PACKAGE_KEY in raw) return fromFile(pkg);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { config: {}, dir: path.resolve(start) };
    dir = parent;
  }
}
