import { samePath } from '../events.js';
import { pathOf, type TraceItem } from '../flow.js';

/** The libraries this process has mapped and not unmapped, by path expression (shared helper of the rules). */
export class LoadedSet {
  private readonly items: TraceItem[] = [];

  load(item: TraceItem): void {
    const p = pathOf(item);
    if (!p) return;
    if (!this.find(p)) this.items.push(item);
  }

  unload(path: string | undefined): void {
    const i = this.items.findIndex((x) => samePath(pathOf(x), path));
    if (i >= 0) this.items.splice(i, 1);
  }

  find(path: string | undefined): TraceItem | undefined {
    return this.items.find((x) => samePath(pathOf(x), path));
  }

  all(): readonly TraceItem[] {
    return this.items;
  }
}

/** Pending (load, change) pairs waiting for a forking spawn. */
export function forkReporter(
  report: (load: TraceItem, change: TraceItem, spawn: TraceItem) => void,
): { add(load: TraceItem, change: TraceItem): void; spawn(item: TraceItem): void; drop(path: string | undefined): void } {
  let pending: Array<[TraceItem, TraceItem]> = [];
  return {
    add(load, change) {
      pending.push([load, change]);
    },
    spawn(item) {
      if (!item.event.forks) return;
      for (const [l, c] of pending) report(l, c, item);
      pending = [];
    },
    drop(path) {
      pending = pending.filter(([l]) => !samePath(pathOf(l), path));
    },
  };
}

/** Every language the scan reads: the rules apply to all of them. */
export const ALL_LANGUAGES = ['c', 'cpp', 'python', 'ruby', 'shell', 'lua', 'make', 'javascript', 'typescript', 'scheme', 'perl', 'tcl'] as const;

/**
 * The part every rule shares: track loads and unloads, and report each pending (load, change) pair at the next
 * forking spawn. A rule adds the handler that decides what a "change" is (a delete, an overwrite, a removed folder).
 */
export function trackLoads(
  report: (load: TraceItem, change: TraceItem, spawn: TraceItem) => void,
): { loaded: LoadedSet; forks: ReturnType<typeof forkReporter>; handlers: Record<'load' | 'unload' | 'spawn', (item: TraceItem) => void> } {
  const loaded = new LoadedSet();
  const forks = forkReporter(report);
  return {
    loaded,
    forks,
    handlers: {
      load: (item) => loaded.load(item),
      unload: (item) => {
        loaded.unload(pathOf(item));
        forks.drop(pathOf(item));
      },
      spawn: (item) => forks.spawn(item),
    },
  };
}
