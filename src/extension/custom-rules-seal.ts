/**
 * Why the background may run a stored custom rule (issue #12 item 3). Custom rules live in
 * `storage.local`, which content scripts can write: a planted rule with a catastrophic regular
 * expression would hang the engine for every page. The background cannot run the ReDoS check
 * itself (recheck is 2.9 MB and slow to start in a worker, see src/rule-compiler/redos.ts), so:
 *
 * 1. the seal: when the options page saves a rule, after the full compile and recheck, it MACs
 *    (HMAC-SHA-256) exactly what the background will run and why it may — id, source, on/off,
 *    the compiled form, the bundle schema it was compiled for and the regexes recheck passed —
 *    with the extension's non-extractable `custom-rules` key (extension-keys.ts: in the
 *    extension's IndexedDB, which content scripts cannot open). The background checks the MAC
 *    before a rule joins the engine; a rule written or changed by anyone else does not run.
 *    Chosen over a static "no nested quantifiers" check in the worker: that would be a weaker
 *    copy of recheck (it misses overlapping alternations, `\d*\d*`), and would refuse rules
 *    recheck accepted. The MAC carries recheck's verdict itself. What it does not stop: a
 *    content script putting back an earlier entry this options page sealed (a rule the user
 *    saved and later deleted or turned off); that rule passed the same checks.
 * 2. the shape: the compiled form must still be a compiled rule (valibot), with every Chinese
 *    pattern a regular expression that compiles, so a sealed entry from another version that
 *    does not fit the engine is left out rather than thrown inside it.
 */
import * as v from 'valibot';
import { canonicalJson } from '../evidence/canonical';
import { CATEGORIES, SEVERITIES } from '../engine/types';
import type { StoredCustomRule } from './custom-rules-store';
import { macOf, macValid } from './sealed';

/** What the seal covers, in one canonical string. */
function sealedText(s: Partial<StoredCustomRule>): string {
  return canonicalJson({
    purpose: 'dunwatch:custom-rule:v1',
    id: s.id ?? null,
    source: s.source ?? null,
    enabled: s.enabled ?? null,
    compiled: s.compiled ?? null,
    compiledWith: s.compiledWith ?? null,
    safeRegexes: s.safeRegexes ?? null,
  });
}

/** The entry with a fresh seal (the options page, after its own compile and ReDoS check). */
export async function sealRule(key: CryptoKey, s: StoredCustomRule): Promise<StoredCustomRule> {
  const { seal: _old, ...rest } = s;
  return { ...rest, seal: await macOf(key, sealedText(rest)) };
}

/** Whether this entry is exactly what the options page sealed. */
export async function sealValid(key: CryptoKey, s: unknown): Promise<boolean> {
  if (!s || typeof s !== 'object') return false;
  const entry = s as Partial<StoredCustomRule>;
  try {
    return await macValid(key, sealedText(entry), entry.seal);
  } catch {
    return false; // not JSON-shaped (a function, NaN…): nothing we sealed
  }
}

const strings = v.array(v.string());
const localized = v.looseObject({ en: v.string(), 'zh-CN': v.string(), 'zh-TW': v.string() });
const compiles = (p: string) => {
  try {
    new RegExp(p, 'gu');
    return true;
  } catch {
    return false;
  }
};

/** The compiled form as the engine reads it (loose: a newer compiler may add fields the MAC covers). */
export const CompiledRuleSchema = v.pipe(
  v.looseObject({
    id: v.pipe(v.string(), v.startsWith('custom.'), v.maxLength(200)),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    lang: v.picklist(['en', 'zh']),
    category: v.picklist(CATEGORIES),
    severity: v.picklist(SEVERITIES),
    requires: v.picklist(['collection', 'addressed', 'none']),
    title: localized,
    explain: localized,
    law: strings,
    keywords: strings,
    patterns: v.pipe(strings, v.minLength(1)),
    unless: strings,
    filters: v.looseObject({ negation: v.boolean(), question: v.boolean(), lawTalk: v.boolean() }),
    wordBoundaries: v.boolean(),
    needsTagger: v.boolean(),
    source: v.string(),
    examples: v.looseObject({ hit: strings, miss: strings, 'todo-hit': strings, 'todo-miss': strings }),
  }),
  v.check((r) => r.lang !== 'zh' || [...r.patterns, ...r.unless].every(compiles), 'a pattern is not a regular expression'),
);

/** Why a compiled form is not one, or undefined when it is. */
export function compiledRuleProblem(r: unknown): string | undefined {
  const got = v.safeParse(CompiledRuleSchema, r);
  return got.success ? undefined : got.issues.map((i) => `${v.getDotPath(i) ?? ''}${v.getDotPath(i) ? ': ' : ''}${i.message}`).join('; ');
}

