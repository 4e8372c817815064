/**
 * What a service-worker wake costs, kept in the worker for `npm run bench:wake` (it reads
 * `globalThis.__dunwatchWake` through the DevTools protocol): when the background script ran,
 * and the first and the latest analysis, in ms since the worker started (performance.now()).
 * A few numbers, overwritten, never a growing log; nothing leaves the worker.
 */
export interface WakeStats {
  /** when the background's main ran: the script and everything it imports were evaluated */
  ready: number;
  analyses: number;
  first?: { start: number; end: number };
  last?: { start: number; end: number };
}

const stats: WakeStats = { ready: 0, analyses: 0 };
(globalThis as { __dunwatchWake?: WakeStats }).__dunwatchWake = stats;

export function markReady(): void {
  stats.ready = performance.now();
}

/** Time one analysis request, from its arrival to its answer. */
export async function timeAnalysis<T>(run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    const span = { start, end: performance.now() };
    stats.first ??= span;
    stats.last = span;
    stats.analyses++;
  }
}
