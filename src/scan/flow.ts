import { substitute, type FileEvents, type ScanEvent } from './events.js';

/** One step of the execution-order trace: the event and how it was reached. */
export interface TraceItem {
  event: ScanEvent;
  /** Set when the event runs again: on a loop's second iteration or a function's later call. */
  repeat?: 'iteration' | 'call';
  /** The function whose repeated call reached the event (repeat === 'call'). */
  via?: string;
  /** `param@fn` -> argument key of the calls that reached the event (when known). */
  subst?: Record<string, string>;
  /** The event's path with those arguments substituted (rules compare this). */
  path?: string;
}

/** The path of a trace item as the rules see it: parameters replaced by the call's arguments. */
export function pathOf(item: TraceItem): string | undefined {
  return item.path ?? item.event.path;
}

const MAX_TRACE = 50_000;
/** Events visited while building (calls and loop unrolling can be exponential in nesting): a hard work bound. */
const MAX_STEPS = 200_000;
const MAX_DEPTH = 8;

/**
 * Turn a file's events into one plausible execution order of the whole process:
 * - top-level code in source order; a call of a function/macro of the same file inlines its body;
 * - functions nobody in the file calls run after the top level, in source order (test runners and entry points);
 * - every loop body runs three times (a delete or rebuild in iteration 2 meets the spawn of iteration 3);
 * - deferred events (atexit, END, trap EXIT) run last.
 * Not path-sensitive: both branches of an `if` are taken. The trace is capped at 50,000 steps.
 */
export function buildTrace(file: FileEvents): TraceItem[] & { truncated?: boolean } {
  const byFn = new Map<string, ScanEvent[]>();
  const top: ScanEvent[] = [];
  const deferred: ScanEvent[] = [];
  const defined = new Set(file.functions);
  for (const e of file.events) {
    // A call of a function not defined in the file does nothing in the trace.
    if (e.kind === 'call' && !(e.callee && defined.has(e.callee))) continue;
    if (e.fn !== undefined && defined.has(e.fn)) {
      let l = byFn.get(e.fn);
      if (!l) byFn.set(e.fn, (l = []));
      l.push(e);
    } else {
      top.push(e);
    }
  }
  const called = new Set(file.events.filter((e) => e.kind === 'call' && e.callee).map((e) => e.callee!));
  const out: TraceItem[] = [];
  let steps = 0;
  const callCount = new Map<string, number>();

  let subst: Record<string, string> | undefined;
  const emit = (item: TraceItem): void => {
    if (subst) {
      item.subst = subst;
      if (item.event.path?.includes('${')) item.path = substitute(item.event.path, subst);
    }
    if (out.length >= MAX_TRACE) return;
    if (item.event.deferred) {
      deferred.push(item.event);
      return;
    }
    out.push(item);
  };

  const runFn = (name: string, stack: string[], repeat: TraceItem['repeat'], via: string | undefined): void => {
    const n = (callCount.get(name) ?? 0) + 1;
    callCount.set(name, n);
    const r = n > 1 ? 'call' : repeat;
    run(byFn.get(name) ?? [], 0, [...stack, name], r, n > 1 ? name : via);
  };

  const run = (list: ScanEvent[], depth: number, stack: string[], repeat: TraceItem['repeat'], via: string | undefined): void => {
    let i = 0;
    while (i < list.length && out.length < MAX_TRACE && steps < MAX_STEPS) {
      const e = list[i]!;
      steps++;
      if (e.loops.length > depth) {
        const id = e.loops[depth];
        let j = i;
        while (j < list.length && list[j]!.loops[depth] === id) j++;
        const body = list.slice(i, j);
        run(body, depth + 1, stack, repeat, via);
        run(body, depth + 1, stack, 'iteration', via);
        run(body, depth + 1, stack, 'iteration', via);
        i = j;
        continue;
      }
      if (e.kind === 'call') {
        if (e.callee && byFn.has(e.callee) && !stack.includes(e.callee) && stack.length < MAX_DEPTH) {
          const params = file.params?.[e.callee];
          const outer = subst;
          if (params && e.args) {
            const frame: Record<string, string> = { ...outer };
            params.forEach((p, k) => {
              const a = e.args![k];
              if (a !== undefined && a !== '') frame[`${p}@${e.callee}`] = substitute(a, outer);
            });
            subst = frame;
          }
          runFn(e.callee, stack, repeat, via);
          subst = outer;
        }
      } else {
        emit(via ? { event: e, repeat, via } : repeat ? { event: e, repeat } : { event: e });
      }
      i++;
    }
  };

  run(top, 0, [], undefined, undefined);
  for (const name of file.functions) {
    if (!called.has(name) && byFn.has(name)) runFn(name, [], undefined, undefined);
  }
  for (const e of deferred) out.push({ event: e });
  const result: TraceItem[] & { truncated?: boolean } = out;
  if (steps >= MAX_STEPS || out.length >= MAX_TRACE) result.truncated = true;
  return result;
}
