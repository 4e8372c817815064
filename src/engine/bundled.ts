/** The engine over the built-in rules, for code bundled by vite (extension, tests). */
import bundle from 'virtual:dunwatch-rules';
import { createEngine, type Engine } from './engine';

let engine: Engine | undefined;
export function getEngine(): Engine {
  engine ??= createEngine(bundle);
  return engine;
}
export { bundle };
