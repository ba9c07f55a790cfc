import type { Evidence, Finding } from '../model/finding.js';
import { dllBasename } from '../model/finding.js';

/**
 * A runtime or predicted failure as a mermaid `sequenceDiagram`: one participant per process (pid, with the program
 * name when the evidence text shows it, as Cygwin's strace and console lines do: `[main] chibi-scheme 299940 ...`),
 * and one message per event: load DLL, delete DLL, fork, abort / failure. Evidence without a pid (source lines joined
 * from the static scan) is not drawn; the report lists it under the diagram.
 */

/** Text inside a mermaid label: everything but letters, digits, space and `._/-` becomes a `#code;` entity. */
export function mermaidText(s: string, max = 80): string {
  let t = s.replace(/\s+/g, ' ').trim();
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t.replace(/[^A-Za-z0-9 ._/-]/g, (ch) => `#${ch.codePointAt(0)};`).replace(/--/g, '-#45;');
}

const PROGRAM = /\[[\w-]+\]\s+([^\s[\]]+)\s+(\d+)\s/;

function programOf(evidence: readonly Evidence[], pid: number): string | undefined {
  for (const e of evidence) {
    if (!e.text) continue;
    const m = PROGRAM.exec(e.text);
    if (m && Number(m[2]) === pid) return m[1];
  }
  return undefined;
}

function eventText(e: Evidence, dll: string): string {
  switch (e.role) {
    case 'load':
      return `load ${dll}`;
    case 'delete':
      return `delete ${dll}`;
    case 'replace':
      return `replace ${dll}`;
    case 'spawn':
      return 'spawn';
    case 'fork':
      return 'fork()';
    case 'fork-failure':
      return `fork failed${failureDetail(e.text)}`;
    case 'abort':
      return `abort${failureDetail(e.text)}`;
    case 'exit':
      return 'exit';
    case 'context':
      // an strace line without its counters and thread: `ld 1626 open: 3 = open(...)` → `open: 3 = open(...)`
      return e.text?.replace(/^\s*(?:\d+\s+){1,2}\[[^\]]*\]\s+\S+\s+\(?\d+\)?!?\s+/, '') ?? 'context';
  }
}

function failureDetail(text: string | undefined): string {
  if (!text) return '';
  const m = /(unable to map|address space needed|Loaded to different address|died [\w ]+|Win32 error \d+|errno \d+|cygheap[\w ]+)/.exec(text);
  if (!m) return '';
  const extra = /Win32 error \d+/.exec(text);
  return `: ${m[1]}${extra && extra[0] !== m[1] ? `, ${extra[0]}` : ''}`;
}

export function hasTimeline(f: Finding): boolean {
  return (f.kind === 'runtime' || f.kind === 'predicted') && f.evidence.some((e) => e.pid !== undefined);
}

export function mermaidTimeline(f: Finding): string | undefined {
  const events = f.evidence.filter((e) => e.pid !== undefined);
  if (!events.length) return undefined;
  // Log order: by line within the same file, stable otherwise.
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.file === b.e.file ? a.e.line - b.e.line : a.i - b.i) || a.i - b.i)
    .map((x) => x.e);
  const dll = f.dll ? dllBasename(f.dll) : 'the DLL';
  const pids: number[] = [];
  for (const e of ordered) if (!pids.includes(e.pid!)) pids.push(e.pid!);
  const child = typeof f.properties?.childPid === 'number' ? f.properties.childPid : undefined;
  if (child !== undefined && !pids.includes(child) && ordered.some((e) => e.role === 'fork')) pids.push(child);
  const lines = ['sequenceDiagram'];
  for (const pid of pids) {
    const prog = programOf(f.evidence, pid);
    lines.push(`  participant P${pid} as ${mermaidText(prog ? `${prog} ${pid}` : `pid ${pid}`, 40)}`);
  }
  // The first process that forks is the parent; a later `fork` line of another process is the child starting.
  const forker = ordered.find((e) => e.role === 'fork')?.pid;
  for (const [i, e] of ordered.entries()) {
    const p = `P${e.pid}`;
    const label = mermaidText(eventText(e, dll));
    if (e.role === 'fork' && e.pid !== forker) {
      lines.push(`  Note over ${p}: ${mermaidText('fork child starts')}`);
    } else if (e.role === 'fork') {
      const next = ordered.slice(i + 1).find((x) => x.pid !== e.pid)?.pid ?? (child !== e.pid ? child : undefined);
      lines.push(next !== undefined ? `  ${p}->>P${next}: ${label}` : `  ${p}->>${p}: ${label}`);
    } else if (e.role === 'abort') {
      const parent = pids.find((x) => x !== e.pid && ordered.some((o) => o.pid === x && o.role === 'fork'));
      lines.push(parent !== undefined ? `  ${p}--xP${parent}: ${label}` : `  Note over ${p}: ${label}`);
    } else if (e.role === 'fork-failure' || e.role === 'exit' || e.role === 'context') {
      lines.push(`  Note over ${p}: ${label}`);
    } else {
      lines.push(`  ${p}->>${p}: ${label}`);
    }
  }
  // The same note twice in a row (a parent logs its failed fork on several lines) says nothing new.
  return lines.filter((l, i) => !(l.startsWith('  Note over') && l === lines[i - 1])).join('\n');
}
