import { createEngine, type Engine } from '../engine';
import { loadBundleFromDisk } from '../rule-compiler/load';

/** The CLI compiles rules/ at start (about a second) so an edited rule is always what runs. */
export async function loadEngine(): Promise<Engine> {
  return createEngine(await loadBundleFromDisk());
}
