import type { Evidence, Finding } from './finding.js';
import { dllBasename } from './finding.js';

const LIB_EXT = /\.(dll|so(\.\d+)*|node|dylib|bundle|pyd|oo?)$/i;

/**
 * The key two engines agree on for one library: the lower-cased basename without its platform extension, so
 * `C:\cygwin64\home\me\tests\ffi\basic.dll` (runtime), `/tmp/x/basic.so` (predicted on Linux) and
 * `tests/ffi/basic` + `*shared-object-extension*` (static) meet on `basic`. A `cyg`/`lib` prefix is kept: it is
 * part of the name on both sides when the same build produced them.
 */
export function libraryKey(path: string): string {
  return dllBasename(path).replace(LIB_EXT, '');
}

/**
 * Join runtime and predicted findings with the static findings about the same library, so a failure in a log
 * points at the source lines that load and delete the DLL, and the static finding shows that it really failed.
 * Returns new finding objects; the input is not modified. Findings without `dll` pass through unchanged.
 */
export function joinFindings(findings: readonly Finding[]): Finding[] {
  const staticByKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.kind !== 'static' || !f.dll) continue;
    const key = libraryKey(f.dll);
    if (!key) continue;
    const list = staticByKey.get(key) ?? [];
    list.push(f);
    staticByKey.set(key, list);
  }
  if (staticByKey.size === 0) return [...findings];

  const extraForStatic = new Map<Finding, Evidence[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.kind === 'static' || !f.dll) {
      out.push(f);
      continue;
    }
    const matches = staticByKey.get(libraryKey(f.dll));
    if (!matches) {
      out.push(f);
      continue;
    }
    const evidence = [...f.evidence];
    for (const s of matches) {
      for (const e of s.evidence) {
        if (e.role !== 'load' && e.role !== 'delete' && e.role !== 'replace') continue;
        if (!evidence.some((x) => x.file === e.file && x.line === e.line && x.role === e.role)) evidence.push(e);
      }
      const back: Evidence = {
        role: f.kind === 'runtime' ? 'fork-failure' : 'fork',
        file: f.file,
        line: f.line,
        text: f.kind === 'runtime' ? `failed at run time: ${f.message}` : `predicted: ${f.message}`,
      };
      extraForStatic.set(s, [...(extraForStatic.get(s) ?? []), back]);
    }
    out.push({
      ...f,
      evidence,
      properties: { ...f.properties, joinedWith: matches.map((s) => `${s.file}:${s.line}`).join(', ') },
    });
  }
  return out.map((f) => {
    const extra = extraForStatic.get(f);
    return extra ? { ...f, evidence: [...f.evidence, ...extra], properties: { ...f.properties, confirmed: true } } : f;
  });
}
