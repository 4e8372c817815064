import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundle } from '../engine/bundled';
import { compileCustomRules } from '../rule-compiler/custom';
import { CUSTOM_EN } from '../rule-compiler/custom-fixtures';
import { isSafeRegex } from '../rule-compiler/redos';
import { compileStored, customRulesSetting, runExamples, storedVerdicts, withSaved, withSavedSealed, withSeals, withToggled, type StoredCustomRule } from './custom-rules';
import { compiledWith } from './custom-rules-store';
import { sealRule, sealValid } from './custom-rules-seal';
import { backgroundEngine, resetBackgroundEngine } from './engine-host';
import { openExtensionKeys, useExtensionKeys, type ExtensionKeys } from './extension-keys';

const HIT = 'Your account is overdue and you owe $300. We will call you every lunchtime until you pay.';
const opts = { builtinIds: bundle.rules.map((r) => r.id), lawIds: Object.keys(bundle.law), isSafeRegex };

const ZH = `id: custom.zh.privacy.group-chat
version: 1
category: privacy
severity: high
title: { en: Threat to post in a group chat, zh: 威胁发到群里 }
explain: { en: Telling others about your debt is not allowed., zh: 向他人透露你的欠款是不允许的。 }
law: [cn.cba-guideline.privacy]
match:
  keywords: [家族群]
  patterns: ["(发|拉)(到|进)…家族群"]
examples:
  hit: ["你的欠款已经逾期，再不还款就把你的照片[[发到你的家族群]]"]
  miss: ["我们不会把你的信息发到家族群"]`;

let keys: ExtensionKeys;
const rulesKey = () => keys.get('custom-rules');

/** What the options page stores after the user checks and saves `text` (sealed). */
async function saved(text: string): Promise<StoredCustomRule[]> {
  return withSavedSealed([], compileCustomRules(text, opts).results, bundle, await rulesKey(), new Date('2026-11-28T00:00:00Z'));
}
/** Seal an entry as the options page would (for entries the test changes first). */
const reseal = async (s: StoredCustomRule) => sealRule(await rulesKey(), s);

beforeEach(() => {
  fakeBrowser.reset();
  resetBackgroundEngine();
  keys = openExtensionKeys({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  useExtensionKeys(keys);
});

describe('custom rules in the background engine', () => {

  it('without custom rules the engine runs the built-in bundle and does not flag the custom phrase', async () => {
    const engine = await backgroundEngine();
    expect(engine.analyze(HIT).findings.filter((f) => f.rule.startsWith('custom.'))).toEqual([]);
  });

  it('merges an enabled custom rule: analyze finds its hit; turning it off or changing storage rebuilds the engine', async () => {
    await customRulesSetting.setValue(await saved(CUSTOM_EN));
    const engine = await backgroundEngine();
    const findings = engine.analyze(HIT).findings.filter((f) => f.rule === 'custom.en.harassment.lunch-calls');
    expect(findings.map((f) => HIT.slice(f.start, f.end))).toEqual(['call you every lunchtime']);
    // built-in rules still there
    expect(engine.analyze('You owe $500 on this overdue debt. You will be arrested if you do not pay today.').findings.map((f) => f.rule)).toContain('en.threat.arrest');

    await customRulesSetting.setValue(await withToggled(await customRulesSetting.getValue(), 'custom.en.harassment.lunch-calls', false, await rulesKey()));
    await new Promise((r) => setTimeout(r, 0));
    const off = await backgroundEngine();
    expect(off).not.toBe(engine);
    expect(off.analyze(HIT).findings.filter((f) => f.rule.startsWith('custom.'))).toEqual([]);
  });

  it('runs only rules compiled for this schema (an older compile waits for the options page), and the options page names why a rule fails', async () => {
    const good = await saved(ZH);
    expect(good[0]!.safeRegexes.length).toBe(1);
    const schemaBroken = { ...(await saved(CUSTOM_EN))[0]!, source: CUSTOM_EN.replace('severity: medium', 'severity: medium\nweight: 3') };
    const unverified = { ...good[0]!, id: 'custom.zh.privacy.other', source: ZH.replace('group-chat', 'other'), safeRegexes: [] };
    const olderSchema = await reseal({ ...(await saved(CUSTOM_EN))[0]!, compiledWith: 'schema-0' });
    const { compiled: _c, ...neverCompiled } = await reseal({ ...unverified });
    await customRulesSetting.setValue([olderSchema, neverCompiled, ...good]);
    const engine = await backgroundEngine();
    const text = '你的欠款已经逾期，再不还款就把你的照片发到你的家族群';
    expect(engine.analyze(text).findings.map((f) => f.rule)).toEqual(['custom.zh.privacy.group-chat']);
    expect(engine.analyze(HIT).findings.filter((f) => f.rule.startsWith('custom.'))).toEqual([]);

    const statuses = compileStored([schemaBroken, unverified, ...good], bundle, storedVerdicts);
    expect(statuses.map((s) => s.errors.map((e) => `${e.line}: ${e.message}`))).toEqual([
      ["5: weight: unknown key 'weight'"],
      [expect.stringMatching(/^10: .*may backtrack catastrophically/)],
      [],
    ]);
  });

  it('never breaks on a damaged stored entry: the built-in rules and the good custom rule still run', async () => {
    await fakeBrowser.storage.local.set({ customRules: [{ id: 'custom.x', source: 42, enabled: true, safeRegexes: 'no' }, null, ...(await saved(CUSTOM_EN))] });
    const engine = await backgroundEngine();
    expect(engine.analyze('You owe $500 on this overdue debt. You will be arrested if you do not pay today.').findings.map((f) => f.rule)).toContain('en.threat.arrest');
    expect(engine.analyze(HIT).findings.map((f) => f.rule)).toContain('custom.en.harassment.lunch-calls');
  });
});

describe('what a content script can do to the stored custom rules (storage.local)', () => {
  const zhText = '你的欠款已经逾期，再不还款就把你的照片发到你的家族群';
  /** A rule a content script writes: a catastrophic pattern that would also match this text. */
  async function planted(): Promise<StoredCustomRule> {
    const good = (await saved(ZH))[0]!;
    const compiled = { ...good.compiled!, id: 'custom.zh.threat.planted', keywords: ['欠款'], patterns: ['(欠款)+(a+)+$|欠款'], unless: [] };
    return { ...good, id: 'custom.zh.threat.planted', compiled, safeRegexes: ['gu/(欠款)+(a+)+$|欠款'] };
  }
  const ruleIds = async () => (await backgroundEngine()).bundle.rules.filter((r) => r.id.startsWith('custom.')).map((r) => r.id);

  it('a planted rule, unsealed or with a seal copied from a real rule, never reaches the engine', async () => {
    const good = await saved(ZH);
    const bad = await planted();
    const { seal: _s, ...unsealed } = bad;
    await fakeBrowser.storage.local.set({ customRules: [...good, unsealed, { ...bad, seal: good[0]!.seal }] });
    expect(await ruleIds()).toEqual(['custom.zh.privacy.group-chat']);
    const found = (await backgroundEngine()).analyze(zhText).findings.map((f) => f.rule);
    expect(found).toContain('custom.zh.privacy.group-chat');
    expect(found).not.toContain('custom.zh.threat.planted');
    // the seal is what keeps it out: sealed with the extension's key (only the options page has it), it would run
    await customRulesSetting.setValue([...good, await reseal(bad)]);
    expect((await backgroundEngine()).analyze(zhText).findings.map((f) => f.rule)).toContain('custom.zh.threat.planted');
  });

  it('changing a sealed rule\'s patterns, or turning on a rule the user turned off, breaks its seal', async () => {
    const [good] = await saved(ZH);
    const off = (await withToggled([good!], good!.id, false, await rulesKey()))[0]!;
    expect(await sealValid(await rulesKey(), off)).toBe(true);
    await fakeBrowser.storage.local.set({ customRules: [{ ...off, enabled: true }] });
    expect(await ruleIds()).toEqual([]);
    resetBackgroundEngine();
    useExtensionKeys(keys);
    await fakeBrowser.storage.local.set({ customRules: [{ ...good!, compiled: { ...good!.compiled!, patterns: ['(a+)+$'] } }] });
    expect(await ruleIds()).toEqual([]);
  });

  it('a sealed entry whose compiled form does not fit the engine is left out, the rest still run', async () => {
    const [good] = await saved(ZH);
    const broken = await reseal({ ...good!, id: 'custom.zh.privacy.broken', compiled: { ...good!.compiled!, id: 'custom.zh.privacy.broken', patterns: ['(unclosed'] } });
    const noPatterns = await reseal({ ...good!, id: 'custom.zh.privacy.empty', compiled: { ...good!.compiled!, id: 'custom.zh.privacy.empty', patterns: [] } });
    await customRulesSetting.setValue([broken, noPatterns, good!]);
    expect(await ruleIds()).toEqual(['custom.zh.privacy.group-chat']);
  });

  it('the options page seals only what the user saved there: an unsealed entry is shown as not running and stays unsealed', async () => {
    const key = await rulesKey();
    const [good] = await saved(ZH);
    const { seal: _s, ...stranger } = { ...(await saved(CUSTOM_EN))[0]! };
    // a re-check after an update: the sealed rule's compile changed (older schema) and is sealed again; the stranger is not
    const stale = await reseal({ ...good!, compiledWith: 'schema-0' });
    const { statuses, stored } = await withSeals(compileStored([stale, stranger], bundle, storedVerdicts), bundle, key);
    expect(statuses.map((s) => s.sealed)).toEqual([true, false]);
    expect(stored[0]!.compiledWith).toBe(compiledWith(bundle));
    expect(await sealValid(key, stored[0])).toBe(true);
    expect(stored[1]).toEqual(stranger);
    expect(await sealValid(key, stored[1])).toBe(false);
    // turning the stranger off and on does not seal it either
    const toggled = await withToggled(await withToggled([stranger], stranger.id, false, key), stranger.id, true, key);
    expect(await sealValid(key, toggled[0])).toBe(false);
    // saving it on the page (the user read and checked the YAML) does
    const resaved = await withSavedSealed([stranger], compileCustomRules(stranger.source, opts).results, bundle, key);
    expect(await sealValid(key, resaved[0])).toBe(true);
  });
});

describe('saving and examples', () => {
  it('replaces a saved rule of the same id and keeps its on/off', async () => {
    const first = (await saved(CUSTOM_EN)).map((s) => ({ ...s, enabled: false }));
    const again = withSaved(first, compileCustomRules(`${CUSTOM_EN.replace('version: 1', 'version: 2')}\n---\n${ZH}`, opts).results, bundle);
    expect(again.map((s) => [s.id, s.enabled, /version: 2/.test(s.source)])).toEqual([
      ['custom.en.harassment.lunch-calls', false, true],
      ['custom.zh.privacy.group-chat', true, false],
    ]);
  });

  it('runs the rule\'s own examples through the engine: pass and fail', () => {
    const [rule] = compileCustomRules(CUSTOM_EN.replace('- "We will not call you every lunchtime."', '- "We will call you every lunchtime, you owe $300 overdue."'), opts).rules;
    expect(runExamples(rule!, bundle).map((o) => [o.kind, o.pass])).toEqual([
      ['hit', true],
      ['hit', true],
      ['miss', false],
      ['miss', true],
    ]);
  });
});
