// Worker entry: the CLI runs from TypeScript sources (tsx), and a worker thread does not inherit
// the main thread's loader, so register tsx here and then load the real worker module.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
