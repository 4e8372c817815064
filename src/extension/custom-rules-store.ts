/**
 * Stored custom rules as the background reads them: the user's YAML, on/off, and the rule as
 * the options page compiled and checked it. The background runs the stored compiled form and
 * never loads the compiler (full compromise, opencc's phrase tables, yaml: 1.6 MB that every
 * service-worker wake would parse). A compiled form from another bundle schema is not run; the
 * options page recompiles it from the source the next time it opens and shows any error.
 *
 * `storage.local` is writable by content scripts, so an entry runs only with the options page's
 * seal (a MAC with the extension's key) and a compiled form of the right shape
 * (custom-rules-seal.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { CompiledRule, RulesBundle } from '../engine/types';
import { compiledRuleProblem, sealValid } from './custom-rules-seal';
import { extensionKeys } from './extension-keys';

export interface StoredCustomRule {
  /** the rule's id as written in its source (custom.<lang>.<category>.<slug>) */
  id: string;
  /** the rule's YAML, one rule */
  source: string;
  enabled: boolean;
  /** regular expressions (`flags/source`) the options page's ReDoS check passed for this source */
  safeRegexes: string[];
  /** ISO time of the last save */
  savedAt: string;
  /** the rule compiled and checked in the options page */
  compiled?: CompiledRule;
  /** `compiledWith(bundle)` when it was compiled */
  compiledWith?: string;
  /** the options page's MAC over all of the above (custom-rules-seal.ts); without it the rule does not run */
  seal?: string;
}

/**
 * Version 1. A later release that changes the shape adds `version: 2` and
 * `migrations: { 2: (old) => … }`, as WXT storage items do; sources are kept as written, so a
 * schema change only makes the affected rules show their errors, never loses them.
 */
export const customRulesSetting = storage.defineItem<StoredCustomRule[]>('local:customRules', { fallback: [], version: 1 });

/** Compiled rules are only run by an engine of the same bundle schema. */
export function compiledWith(bundle: RulesBundle): string {
  return `schema-${bundle.schemaVersion}`;
}

/**
 * The custom rules the background engine runs: enabled, compiled for this schema, sealed by
 * the options page with `key`, of the compiled shape; each one left out is named in `skipped`.
 */
export async function runnableCustomRules(stored: unknown, bundle: RulesBundle, key: CryptoKey): Promise<{ rules: CompiledRule[]; skipped: string[] }> {
  const builtin = new Set(bundle.rules.map((r) => r.id));
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  const skipped: string[] = [];
  for (const s of Array.isArray(stored) ? (stored as Partial<StoredCustomRule>[]) : []) {
    if (s?.enabled !== true || s.compiledWith !== compiledWith(bundle) || typeof s.id !== 'string') continue;
    if (!(await sealValid(key, s))) {
      skipped.push(`${s.id}: not sealed by the options page (saved elsewhere, or changed since)`);
      continue;
    }
    const problem = compiledRuleProblem(s.compiled);
    if (problem || s.compiled!.id !== s.id || builtin.has(s.id) || seen.has(s.id)) {
      skipped.push(`${s.id}: ${problem ?? 'its id is taken or does not match'}`);
      continue;
    }
    seen.add(s.id);
    rules.push(s.compiled!);
  }
  return { rules, skipped };
}

/** The built-in bundle plus the custom rules; a new hash when any were added. */
export async function mergeCustomRules(bundle: RulesBundle, custom: CompiledRule[]): Promise<RulesBundle> {
  if (!custom.length) return bundle;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(bundle.hash + JSON.stringify(custom)));
  const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { ...bundle, hash, rules: [...bundle.rules, ...custom] };
}

/** What the background engine runs besides the built-in rules. */
export async function enabledCustomRules(bundle: RulesBundle): Promise<CompiledRule[]> {
  const { rules, skipped } = await runnableCustomRules(await customRulesSetting.getValue(), bundle, await extensionKeys().get('custom-rules'));
  for (const s of skipped) console.warn(`[dunwatch] custom rule left out: ${s}`);
  return rules;
}
