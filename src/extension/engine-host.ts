/**
 * The one engine of the extension, in the background. Content scripts and pages ask it over
 * runtime messages, so compromise and the rule bundle are never parsed on the page's main
 * thread (page cost, #3) and custom rules apply everywhere at once.
 *
 * Custom rules (src/extension/custom-rules-store.ts) join the built-in bundle here: the enabled
 * ones the options page compiled and checked, re-read whenever the stored rules change. The
 * compiler never loads here. A damaged stored rule is left out; the engine is never built from
 * a bad rule and never fails because of one.
 */
import prepared from 'virtual:dunwatch-prepared-patterns';
import { bundle } from '../engine/bundled';
import { usePreparedPatterns } from '../engine/match/english';
import { preparedLookup } from '../engine/match/prepared-patterns';
import { createEngine, type Engine } from '../engine/engine';
import type { RulesBundle } from '../engine/types';
import { customRulesSetting, enabledCustomRules, mergeCustomRules } from './custom-rules-store';

// English patterns prepared at build time: the first analysis after a wake parses none (issue #14)
usePreparedPatterns(preparedLookup(prepared));

let current: Promise<Engine> | undefined;
let unwatch: (() => void) | undefined;

async function build(base: RulesBundle): Promise<Engine> {
  try {
    return createEngine(await mergeCustomRules(base, await enabledCustomRules(base)));
  } catch (e) {
    // storage unreadable or a compiler fault: the built-in rules still run
    console.warn('dunwatch: custom rules left out:', e);
    return createEngine(base);
  }
}

/** The engine over the built-in rules and the enabled, valid custom rules. */
export function backgroundEngine(): Promise<Engine> {
  unwatch ??= customRulesSetting.watch(() => {
    current = undefined;
  });
  current ??= build(bundle);
  return current;
}

/** Tests: forget the engine and the storage watch. */
export function resetBackgroundEngine(): void {
  unwatch?.();
  unwatch = undefined;
  current = undefined;
}
