/**
 * `--jobs N`: run engine.analyze in N worker threads, keep output in input order, and pull
 * input only as fast as results leave (a bounded window), so memory stays flat.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, AnalyzeResult, Engine, RulesBundle } from '../engine';

export interface Task {
  seq: number;
  text: string;
  options: AnalyzeOptions;
}
export type TaskResult = { seq: number; result: AnalyzeResult } | { seq: number; error: string };

export interface Analyzer {
  analyze(text: string, options: AnalyzeOptions): Promise<AnalyzeResult>;
  close(): Promise<void>;
}

export function inlineAnalyzer(engine: Engine): Analyzer {
  return { analyze: async (text, options) => engine.analyze(text, options), close: async () => {} };
}

const BATCH = 16;

/** N workers; tasks are sent in small batches to the worker with the fewest pending. */
export function workerAnalyzer(bundle: RulesBundle, jobs: number): Analyzer {
  const entry = new URL('./worker.ts', import.meta.url).href;
  let seq = 0;
  const pending = new Map<number, { resolve: (r: AnalyzeResult) => void; reject: (e: Error) => void; worker: number }>();
  const load = new Array<number>(jobs).fill(0);
  const queued: Task[][] = Array.from({ length: jobs }, () => []);
  const workers = Array.from({ length: jobs }, (_, i) => {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry, bundle } });
    w.on('message', (results: TaskResult[]) => {
      for (const r of results) {
        const p = pending.get(r.seq);
        if (!p) continue;
        pending.delete(r.seq);
        load[i]!--;
        if ('error' in r) p.reject(new Error(r.error));
        else p.resolve(r.result);
      }
    });
    w.on('error', (e) => {
      for (const [s, p] of pending) {
        if (p.worker !== i) continue;
        pending.delete(s);
        p.reject(e);
      }
    });
    return w;
  });
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    queued.forEach((q, i) => {
      if (q.length) workers[i]!.postMessage(q.splice(0));
    });
  };
  return {
    analyze(text, options) {
      const s = seq++;
      let best = 0;
      for (let i = 1; i < jobs; i++) if (load[i]! < load[best]!) best = i;
      load[best]!++;
      return new Promise((resolve, reject) => {
        pending.set(s, { resolve, reject, worker: best });
        const q = queued[best]!;
        q.push({ seq: s, text, options });
        if (q.length >= BATCH) workers[best]!.postMessage(q.splice(0));
        else if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Map `source` through `fn` with up to `window` calls in flight, yielding [item, result] in
 * source order. The source is not read further while the window is full.
 */
export async function* ordered<T, R>(source: AsyncIterable<T>, fn: (item: T) => Promise<R>, window: number): AsyncGenerator<[T, R]> {
  const fifo: { item: T; result: Promise<R> }[] = [];
  for await (const item of source) {
    const result = fn(item);
    result.catch(() => {}); // handled when it reaches the head
    fifo.push({ item, result });
    if (fifo.length >= window) {
      const head = fifo.shift()!;
      yield [head.item, await head.result];
    }
  }
  while (fifo.length) {
    const head = fifo.shift()!;
    yield [head.item, await head.result];
  }
}
