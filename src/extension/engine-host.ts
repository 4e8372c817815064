/**
 * The one engine of the extension, in the background. Content scripts and pages ask it over
 * runtime messages, so compromise and the rule bundle are never parsed on the page's main
 * thread (page cost, #3) and custom rules apply everywhere at once.
 */
import { getEngine } from '../engine/bundled';
import type { Engine } from '../engine/engine';

/** The engine over the built-in rules (custom rules join here). */
export async function backgroundEngine(): Promise<Engine> {
  return getEngine();
}
