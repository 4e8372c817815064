/**
 * The user's custom rules: stored as their YAML source with on/off, compiled wherever they are
 * used by src/rule-compiler/custom.ts (the built-in rules' own compileRule).
 *
 * The ReDoS check (recheck) runs in the options page when a rule is checked or saved; the
 * regular expressions it passed are stored with the rule. The background compiles the stored
 * sources again with the same schema and checks but takes the ReDoS verdicts from storage: a
 * regular expression not verified at save (say the compiler now expands a pattern differently)
 * makes the rule fail until the options page checks it again. Any stored rule that no longer
 * compiles is skipped; the engine never sees it and the options page shows its errors.
 *
 * Sealing (custom-rules-seal.ts): only this page seals, and only what the user saved here or
 * what was sealed before (a recompile after an update, a toggle). An entry that appears in
 * storage without a valid seal (written by anyone else) is listed as not running until the
 * user reviews its YAML and saves it.
 */
import { compiledWith, type StoredCustomRule } from './custom-rules-store';
import { sealRule, sealValid } from './custom-rules-seal';
import { createEngine } from '../engine/engine';
import { parseMarkedExample } from '../engine/rule-syntax';
import type { CompiledRule, RulesBundle } from '../engine/types';
import { regexKey, type RegexCheck } from '../rule-compiler/compile';
import { compileCustomRules, type CustomRuleError, type CustomRuleResult } from '../rule-compiler/custom';

export { customRulesSetting, enabledCustomRules, mergeCustomRules, type StoredCustomRule } from './custom-rules-store';

/** What a stored rule compiles to now. */
export interface StoredRuleStatus {
  stored: StoredCustomRule;
  rule?: CompiledRule;
  errors: CustomRuleError[];
  /** what the ReDoS check passed in this compile */
  safeRegexes: string[];
  /** false: not sealed by this page, so the background does not run it (set by `withSeals`) */
  sealed?: boolean;
}

/**
 * Compile every stored rule on its own (one bad rule never affects another). `checkerFor` gives
 * each rule its ReDoS check: recheck in the options page, the rule's stored verdicts in the
 * background (`storedVerdicts`).
 */
export function compileStored(stored: StoredCustomRule[], bundle: RulesBundle, checkerFor: (s: StoredCustomRule) => RegexCheck): StoredRuleStatus[] {
  const builtinIds = bundle.rules.map((r) => r.id);
  const lawIds = Object.keys(bundle.law);
  const seen = new Set<string>();
  return stored.map((s) => {
    if (typeof s?.source !== 'string' || typeof s.id !== 'string' || !Array.isArray(s.safeRegexes)) {
      return { stored: s, errors: [{ line: 1, message: 'this stored entry is damaged (no rule source)' }], safeRegexes: [] };
    }
    const { results } = compileCustomRules(s.source, { builtinIds, lawIds, isSafeRegex: checkerFor(s) });
    const errors = results.flatMap((r) => r.errors);
    const safeRegexes = results.length === 1 ? results[0]!.safeRegexes : [];
    let rule = results.length === 1 ? results[0]?.rule : undefined;
    if (results.length !== 1) errors.push({ ruleId: s.id, line: 1, message: 'a stored custom rule must hold exactly one rule' });
    if (rule && rule.id !== s.id) {
      errors.push({ ruleId: s.id, line: 1, message: `stored as '${s.id}' but the source says '${rule.id}'` });
      rule = undefined;
    }
    if (rule && seen.has(rule.id)) {
      errors.push({ ruleId: s.id, line: 1, message: `duplicate id '${rule.id}'` });
      rule = undefined;
    }
    if (rule) seen.add(rule.id);
    return { stored: s, ...(rule ? { rule } : {}), errors, safeRegexes: rule ? safeRegexes : [] };
  });
}

/** The background's ReDoS check: only the expressions the options page verified for this rule. */
export function storedVerdicts(s: StoredCustomRule): RegexCheck {
  const safe = new Set(s.safeRegexes);
  return (source, flags) => safe.has(regexKey(source, flags));
}

/** Save the accepted rules of a check: a rule with a saved id replaces it (keeping on/off), new ones are on. */
export function withSaved(stored: StoredCustomRule[], accepted: CustomRuleResult[], bundle: RulesBundle, now: Date = new Date()): StoredCustomRule[] {
  const out = [...stored];
  for (const r of accepted) {
    if (!r.rule) continue;
    const entry: StoredCustomRule = { id: r.rule.id, source: r.source, enabled: true, safeRegexes: r.safeRegexes, savedAt: now.toISOString(), compiled: r.rule, compiledWith: compiledWith(bundle) };
    const i = out.findIndex((s) => s.id === entry.id);
    if (i >= 0) out[i] = { ...entry, enabled: out[i]!.enabled };
    else out.push(entry);
  }
  return out;
}

/** Save the accepted rules and seal them: the user just checked and saved them here. */
export async function withSavedSealed(stored: StoredCustomRule[], accepted: CustomRuleResult[], bundle: RulesBundle, key: CryptoKey, now: Date = new Date()): Promise<StoredCustomRule[]> {
  const ids = new Set(accepted.flatMap((r) => (r.rule ? [r.rule.id] : [])));
  return Promise.all(withSaved(stored, accepted, bundle, now).map((s) => (ids.has(s.id) ? sealRule(key, s) : s)));
}

/** Turn a rule on or off; its seal is renewed only if it had a valid one. */
export async function withToggled(stored: StoredCustomRule[], id: string, enabled: boolean, key: CryptoKey): Promise<StoredCustomRule[]> {
  return Promise.all(stored.map(async (s) => (s.id !== id ? s : (await sealValid(key, s)) ? sealRule(key, { ...s, enabled }) : { ...s, enabled })));
}

/**
 * After a re-check in the options page: each status with whether it is sealed, and the list
 * to store (the fresh compile of every sealed rule, sealed again; unsealed entries unchanged, so
 * nothing written elsewhere gets a seal without the user saving it).
 */
export async function withSeals(statuses: StoredRuleStatus[], bundle: RulesBundle, key: CryptoKey): Promise<{ statuses: StoredRuleStatus[]; stored: StoredCustomRule[] }> {
  const version = compiledWith(bundle);
  const out = await Promise.all(
    statuses.map(async (s) => {
      const sealed = await sealValid(key, s.stored);
      if (!sealed) return { status: { ...s, sealed }, stored: s.stored };
      if (!s.rule) {
        // no longer compiles: stop running it, keep the source (and the seal over what is left)
        const { compiled: _c, compiledWith: _w, ...rest } = s.stored;
        return { status: { ...s, sealed }, stored: await sealRule(key, rest) };
      }
      return { status: { ...s, sealed }, stored: await sealRule(key, { ...s.stored, safeRegexes: s.safeRegexes, compiled: s.rule, compiledWith: version }) };
    }),
  );
  return { statuses: out.map((o) => o.status), stored: out.map((o) => o.stored) };
}

export interface ExampleOutcome {
  kind: 'hit' | 'miss';
  /** the example as written (with [[ ]] for a hit) */
  example: string;
  pass: boolean;
}

/**
 * Run a rule's own hit and miss examples through the engine, as tests/rules.test.ts does for
 * the built-in rules: a hit passes when the rule finds exactly the marked spans, a miss when it
 * finds nothing. The engine holds only this rule, so a built-in rule cannot take its span.
 */
export function runExamples(rule: CompiledRule, bundle: RulesBundle): ExampleOutcome[] {
  const engine = createEngine({ ...bundle, rules: [rule] });
  const found = (text: string) => engine.analyze(text).findings.filter((f) => f.rule === rule.id);
  return [
    ...rule.examples.hit.map((example) => {
      const { text, spans } = parseMarkedExample(example);
      const got = found(text).map((f) => ({ start: f.start, end: f.end }));
      return { kind: 'hit' as const, example, pass: JSON.stringify(got) === JSON.stringify(spans) };
    }),
    ...rule.examples.miss.map((example) => ({ kind: 'miss' as const, example, pass: found(example).length === 0 })),
  ];
}
