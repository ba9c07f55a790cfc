/**
 * Decide the cause of one fork failure from its messages and what the log shows around them (docs/causes.md).
 * Pure: data in, { cause, confidence, because } out.
 */
import type { Cause } from '../model/finding.js';
import type { Detection } from './detect.js';

/** What the log showed happening to the failing DLL before the failure, in stream order. */
export interface PathHistory {
  /** The last load of the DLL (strace `--- Process N loaded X`), if any. */
  loadLine?: number;
  /** The last change of the file after that load (or anywhere before the failure when no load was seen). */
  change?: { type: 'delete' | 'rename' | 'write' | 'rename-onto'; line: number };
}

export interface ClassifyContext {
  history: PathHistory;
  /** The log shows the Cygwin/MSYS2 runtime being installed or upgraded, or two runtime versions. */
  runtimeUpgraded: boolean;
}

export interface Classification {
  cause: Cause;
  confidence: number;
  /** One sentence: why this cause. */
  because: string;
}

const TEMPISH = /[\\/](?:te?mp|_temp|build|_build|\.libs|obj|out|tests?|t)[\\/]|\\AppData\\Local\\Temp\\/i;

function byWin32(e: number | undefined): Classification | undefined {
  switch (e) {
    case 5:
      return { cause: 'interference', confidence: 0.7, because: 'Win32 error 5 (access denied): something (antivirus, EDR) blocked the child' };
    case 487:
      return { cause: 'address-collision', confidence: 0.8, because: 'Win32 error 487 (invalid address): the address range is taken in the child' };
    case 8:
    case 1450:
    case 1455:
    case 1816:
      return { cause: 'resources', confidence: 0.85, because: `Win32 error ${e}: Windows ran out of memory, commit or quota` };
    case 299:
    case 998:
      return { cause: 'interference', confidence: 0.6, because: `Win32 error ${e}: process memory could not be copied` };
    default:
      return undefined;
  }
}

function deletedOrReplaced(d: Detection, ctx: ClassifyContext): Classification {
  const h = ctx.history;
  const c = h.change;
  const loaded = h.loadLine !== undefined ? ` loaded at line ${h.loadLine}` : '';
  if (c && (c.type === 'write' || c.type === 'rename-onto')) {
    return { cause: 'replaced-dll', confidence: h.loadLine !== undefined ? 0.9 : 0.8, because: `the DLL was${loaded}${loaded ? ' and' : ''} rewritten at line ${c.line} before the fork` };
  }
  if (c) {
    return {
      cause: 'deleted-dll',
      confidence: h.loadLine !== undefined ? 0.95 : 0.85,
      because: `the DLL was${loaded}${loaded ? ' and' : ''} ${c.type === 'delete' ? 'deleted' : 'renamed away'} at line ${c.line} before the fork`,
    };
  }
  if (d.dll && TEMPISH.test(d.dll)) {
    return { cause: 'deleted-dll', confidence: 0.7, because: 'Win32 error 126 on a DLL in a temporary/build/test folder: most likely deleted after it was loaded' };
  }
  return { cause: 'deleted-dll', confidence: 0.55, because: 'Win32 error 126: the DLL file (or a dependency) was not found when the child reloaded it' };
}

/** The cause of the failure whose deciding message is `d`. */
export function classify(d: Detection, ctx: ClassifyContext): Classification {
  const w = d.win32Error;
  switch (d.kind) {
    case 'abort-map':
    case 'abort-interim':
      if (w === 126) return deletedOrReplaced(d, ctx);
      return byWin32(w) ?? { cause: 'unknown', confidence: 0.35, because: 'the child could not map the DLL; the error does not tell why' };
    case 'abort-different-dll':
      if (ctx.history.change?.type === 'write' || ctx.history.change?.type === 'rename-onto') {
        return { cause: 'replaced-dll', confidence: 0.95, because: `the child loaded a different DLL with the same name; the log shows it rewritten at line ${ctx.history.change.line}` };
      }
      return { cause: 'replaced-dll', confidence: 0.85, because: 'the child loaded a different DLL with the same basename (rebuilt, updated, or another copy first on PATH)' };
    case 'abort-different-address':
    case 'abort-occupied':
    case 'abort-remap':
    case 'abort-map-address':
    case 'old-remap':
      return { cause: 'address-collision', confidence: 0.9, because: 'the DLL could not be placed at the parent’s address in the child' };
    case 'abort-memory':
      return byWin32(w) ?? { cause: 'address-collision', confidence: 0.6, because: 'reserving the DLL’s address range in the child failed' };
    case 'abort-other':
    case 'fatal-other':
      return byWin32(w) ?? (w === 126 ? deletedOrReplaced(d, ctx) : { cause: 'unknown', confidence: 0.3, because: 'an unrecognised child-side fork error' });
    case 'fatal-stack':
    case 'old-reserve': {
      const r = byWin32(w);
      if (r && r.cause === 'resources') return r;
      return { cause: 'address-collision', confidence: w === 487 ? 0.85 : 0.7, because: 'the parent’s thread stack range is taken in the child' };
    }
    case 'fatal-heap': {
      const r = byWin32(w);
      if (r && r.cause === 'resources') return r;
      return { cause: 'heap', confidence: 0.8, because: 'the child could not recreate the parent’s heap at its address' };
    }
    case 'fatal-commit':
      return { cause: 'resources', confidence: 0.75, because: 'committing memory failed in the child' };
    case 'fatal-mmap':
      return byWin32(w) ?? { cause: 'address-collision', confidence: 0.45, because: 'the child could not recreate the parent’s memory maps' };
    case 'fatal-sync':
    case 'wait-failed':
    case 'parent-dll-loading':
    case 'parent-other':
    case 'parent-fork-failed':
    case 'old-sync':
      return byWin32(w) ?? { cause: 'unknown', confidence: 0.3, because: 'the log shows that the fork failed but not why' };
    case 'copy-failed':
      if (w === 5) return { cause: 'interference', confidence: 0.85, because: `copying ${d.region ?? 'memory'} into the child was denied (Win32 error 5)` };
      return { cause: 'interference', confidence: d.region === 'cygheap' ? 0.6 : 0.75, because: `copying ${d.region ?? 'memory'} ${d.direction === 'read' ? 'from the parent' : 'into the child'} failed${w ? ` (Win32 error ${w})` : ''}` };
    case 'parent-copy':
      return { cause: 'interference', confidence: 0.55, because: 'the parent could not copy its memory into the child' };
    case 'mismatch':
      if (ctx.runtimeUpgraded) {
        return { cause: 'replaced-dll', confidence: 0.85, because: `${d.what} mismatch while the log shows the Cygwin runtime being installed or upgraded: the runtime DLL was replaced` };
      }
      if (d.what === 'cygheap base') {
        return { cause: 'heap', confidence: 0.7, because: 'cygheap base mismatch: the runtime DLL loaded at another address in the child (mandatory ASLR) or two runtime copies' };
      }
      return { cause: 'replaced-dll', confidence: 0.6, because: `${d.what} mismatch: two incompatible copies of the Cygwin DLL in one process tree` };
    case 'parent-event':
    case 'subproc-event':
      return { cause: 'resources', confidence: 0.7, because: 'creating a synchronisation event failed: handle or resource exhaustion' };
    case 'parent-createprocess': {
      if (d.errno === 13) return { cause: 'interference', confidence: 0.6, because: 'CreateProcess was denied (EACCES): antivirus or policy' };
      if (d.errno === 11 || d.errno === 12 || d.errno === 5) return { cause: 'resources', confidence: 0.65, because: 'Windows could not create the child process (process/job/quota limit or memory)' };
      return { cause: 'unknown', confidence: 0.35, because: 'Windows could not create the child process' };
    }
    case 'parent-died':
      return byExitCode(d.exitCode);
    case 'symptom':
      return { cause: 'unknown', confidence: 0.15, because: 'only the application’s complaint is in the log, no Cygwin message' };
  }
}

export function byExitCode(code: string | undefined): Classification {
  const n = code === undefined ? NaN : code.startsWith('0x') ? parseInt(code, 16) : Number(code) >>> 0;
  switch (n) {
    case 0xc0000142:
      return { cause: 'resources', confidence: 0.5, because: 'exit code 0xC0000142 (DLL init failed): usually desktop heap or resource pressure, sometimes antivirus' };
    case 0xc0000005:
      return { cause: 'address-collision', confidence: 0.55, because: 'exit code 0xC0000005 (access violation) before the child synced: typically an address collision or an injected DLL' };
    case 0xc0000135:
      return { cause: 'deleted-dll', confidence: 0.5, because: 'exit code 0xC0000135 (DLL not found): a DLL the child needs is missing' };
    case 0xe0000269:
      return { cause: 'address-collision', confidence: 0.4, because: 'exit code 0xE0000269 (illegal DLL pseudo relocation)' };
    case 0x100:
      return { cause: 'unknown', confidence: 0.3, because: 'exit code 0x100: the child hit a fatal error, but its `*** fatal error` line is not in the log' };
    default:
      return { cause: 'unknown', confidence: 0.3, because: `the child died before it synced (exit code ${code ?? 'unknown'})` };
  }
}
