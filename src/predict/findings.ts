/** Turn replay predictions into the shared finding model (kind `predicted`). Pure. */
import path from 'node:path';
import type { Evidence, Finding } from '../model/finding.js';
import { SPAWN_KIND_INFO, type GoneEvent, type Prediction, type TracePlace } from './replay.js';

/** `pid 123 [ld]`: the process, with the program it ran when known. */
function who(t: TracePlace): string {
  return t.exe ? `pid ${t.pid} [${path.posix.basename(t.exe)}]` : `pid ${t.pid}`;
}

export interface FindingContext {
  /**
   * What `file` of every finding and evidence names: the trace file when it is kept (`--trace-file`,
   * `--from-trace`), else a label for the command (the trace was temporary).
   */
  file: string;
  /** The traced command, for `properties.command`. */
  command?: string;
  /** The kept trace file, for `properties.traceFile`. */
  traceFile?: string;
}

const CALL_NAME: Record<Prediction['fork']['spawn'], string> = {
  fork: 'fork()',
  vfork: 'vfork()',
  posix_spawn: 'posix_spawn()',
  'system-popen': 'system()/popen()',
};

function goneWords(g: GoneEvent): string {
  switch (g.how) {
    case 'unlinked':
      return `deleted (${g.syscall} at line ${g.line}, ${who(g)})`;
    case 'renamed-away':
      return `moved away (${g.syscall} at line ${g.line}, ${who(g)})`;
    case 'dir-renamed':
      return `moved away with its directory ${g.path} (${g.syscall} at line ${g.line}, ${who(g)})`;
    case 'dir-removed':
      return `deleted with its directory ${g.path} (${g.syscall} at line ${g.line}, ${who(g)})`;
    case 'renamed-over':
      return `replaced by a rename onto its path (${g.syscall} at line ${g.line}, ${who(g)})`;
    case 'overwritten':
      return `overwritten in place (${g.syscall} with O_TRUNC/O_CREAT at line ${g.line}, ${who(g)})`;
    case 'recreated':
      return `re-created (${g.syscall} at line ${g.line}, ${who(g)})`;
  }
}

/** One sentence (or two) that explains the prediction without the trace at hand. */
export function predictionMessage(p: Prediction): string {
  const lib = path.posix.basename(p.library);
  const call = CALL_NAME[p.fork.spawn];
  const what =
    goneWords(p.gone) +
    (p.recreated && p.gone.how !== 'renamed-over' && p.gone.how !== 'overwritten'
      ? ` and then rebuilt at the same path (${p.recreated.syscall} at line ${p.recreated.line})`
      : '');
  const history = `${lib} was loaded by ${who(p.load)} (line ${p.load.line}) and, while still mapped, ${what}`;
  const further =
    p.furtherForks > 0 ? ` ${p.furtherForks} further fork${p.furtherForks === 1 ? '' : 's'} of this process would fail the same way.` : '';
  if (p.severity === 'note') {
    return (
      `${call} at line ${p.fork.line} (${who(p.fork)}) runs after ${history}. On Cygwin ${call} spawns /bin/sh ` +
      `without forking, so this call is expected to work, but any fork() or posix_spawn() of this process from here on ` +
      `would fail. (${p.assumption ?? SPAWN_KIND_INFO[p.fork.spawn].describe})`
    );
  }
  const effect =
    p.cause === 'replaced-dll'
      ? `the fork child would load a different file from ${p.library} than the parent has mapped`
      : `the fork child cannot load ${p.library} again`;
  return (
    `${call} at line ${p.fork.line} (${who(p.fork)}) would fail on Cygwin: ${history}; ${effect}.${further}` +
    (p.assumption ? ` (${p.assumption})` : '')
  );
}

export function predictionToFinding(p: Prediction, ctx: FindingContext): Finding {
  const file = ctx.file;
  const evidence: Evidence[] = [
    { role: 'load', file, line: p.load.line, pid: p.load.pid, text: p.load.text },
    {
      role: p.gone.how === 'renamed-over' || p.gone.how === 'overwritten' ? 'replace' : 'delete',
      file,
      line: p.gone.line,
      pid: p.gone.pid,
      text: p.gone.text,
    },
  ];
  if (p.recreated && p.recreated.line !== p.gone.line) {
    evidence.push({ role: 'replace', file, line: p.recreated.line, pid: p.recreated.pid, text: p.recreated.text });
  }
  evidence.push({
    role: 'fork',
    file,
    line: p.fork.line,
    pid: p.fork.pid,
    text: `${CALL_NAME[p.fork.spawn]}: ${p.fork.text}`,
  });
  const properties: Record<string, string | number | boolean> = {
    pid: p.fork.pid,
    spawn: p.fork.spawn,
    forksOnCygwin: SPAWN_KIND_INFO[p.fork.spawn].forksOnCygwin,
    goneHow: p.gone.how,
    furtherForks: p.furtherForks,
    nonForkingSpawns: p.nonForkingSpawns,
  };
  if (p.fork.childPid !== undefined) properties.childPid = p.fork.childPid;
  if (p.fork.exe) properties.program = p.fork.exe;
  if (p.gone.exe) properties.goneBy = p.gone.exe;
  if (p.fork.childExec) properties.childExec = p.fork.childExec.join(' ');
  if (p.aliases.length) properties.aliases = p.aliases.join(', ');
  if (p.assumption) properties.assumption = p.assumption;
  if (ctx.command !== undefined) properties.command = ctx.command;
  if (ctx.traceFile !== undefined) properties.traceFile = ctx.traceFile;
  return {
    kind: 'predicted',
    ruleId: `predicted/${p.cause}`,
    cause: p.cause,
    severity: p.severity,
    file,
    line: p.fork.line,
    message: predictionMessage(p),
    evidence,
    // A replaced file with identical bytes would load fine; a posix_spawn guess rests on glibc's clone pattern.
    confidence: p.severity === 'note' ? 0.5 : p.cause === 'replaced-dll' || p.fork.spawn === 'posix_spawn' ? 0.8 : 0.9,
    dll: p.library,
    properties,
  };
}
