/** A worker thread of `--jobs N`: builds the engine from the compiled bundle, analyzes batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type AnalyzeOptions, type RulesBundle } from '../engine';
import type { Task, TaskResult } from './pool';

const engine = createEngine((workerData as { bundle: RulesBundle }).bundle);
parentPort!.on('message', (batch: Task[]) => {
  const out: TaskResult[] = batch.map((t) => {
    try {
      return { seq: t.seq, result: engine.analyze(t.text, t.options as AnalyzeOptions) };
    } catch (e) {
      return { seq: t.seq, error: (e as Error).stack ?? String(e) };
    }
  });
  parentPort!.postMessage(out);
});
