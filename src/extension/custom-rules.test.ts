import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundle } from '../engine/bundled';
import { compileCustomRules } from '../rule-compiler/custom';
import { CUSTOM_EN } from '../rule-compiler/custom-fixtures';
import { isSafeRegex } from '../rule-compiler/redos';
import { compileStored, customRulesSetting, runExamples, storedVerdicts, withSaved, type StoredCustomRule } from './custom-rules';
import { backgroundEngine, resetBackgroundEngine } from './engine-host';

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

function saved(text: string): StoredCustomRule[] {
  return withSaved([], compileCustomRules(text, opts).results, bundle, new Date('2026-11-28T00:00:00Z'));
}

describe('custom rules in the background engine', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetBackgroundEngine();
  });

  it('without custom rules the engine runs the built-in bundle and does not flag the custom phrase', async () => {
    const engine = await backgroundEngine();
    expect(engine.analyze(HIT).findings.filter((f) => f.rule.startsWith('custom.'))).toEqual([]);
  });

  it('merges an enabled custom rule: analyze finds its hit; turning it off or changing storage rebuilds the engine', async () => {
    await customRulesSetting.setValue(saved(CUSTOM_EN));
    const engine = await backgroundEngine();
    const findings = engine.analyze(HIT).findings.filter((f) => f.rule === 'custom.en.harassment.lunch-calls');
    expect(findings.map((f) => HIT.slice(f.start, f.end))).toEqual(['call you every lunchtime']);
    // built-in rules still there
    expect(engine.analyze('You owe $500 on this overdue debt. You will be arrested if you do not pay today.').findings.map((f) => f.rule)).toContain('en.threat.arrest');

    await customRulesSetting.setValue((await customRulesSetting.getValue()).map((s) => ({ ...s, enabled: false })));
    await new Promise((r) => setTimeout(r, 0));
    const off = await backgroundEngine();
    expect(off).not.toBe(engine);
    expect(off.analyze(HIT).findings.filter((f) => f.rule.startsWith('custom.'))).toEqual([]);
  });

  it('runs only rules compiled for this schema (an older compile waits for the options page), and the options page names why a rule fails', async () => {
    const good = saved(ZH);
    expect(good[0]!.safeRegexes.length).toBe(1);
    const schemaBroken = { ...saved(CUSTOM_EN)[0]!, source: CUSTOM_EN.replace('severity: medium', 'severity: medium\nweight: 3') };
    const unverified = { ...good[0]!, id: 'custom.zh.privacy.other', source: ZH.replace('group-chat', 'other'), safeRegexes: [] };
    const olderSchema = { ...saved(CUSTOM_EN)[0]!, compiledWith: 'schema-0' };
    const { compiled: _c, ...neverCompiled } = { ...unverified };
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
    await fakeBrowser.storage.local.set({ customRules: [{ id: 'custom.x', source: 42, enabled: true, safeRegexes: 'no' }, null, ...saved(CUSTOM_EN)] });
    const engine = await backgroundEngine();
    expect(engine.analyze('You owe $500 on this overdue debt. You will be arrested if you do not pay today.').findings.map((f) => f.rule)).toContain('en.threat.arrest');
    expect(engine.analyze(HIT).findings.map((f) => f.rule)).toContain('custom.en.harassment.lunch-calls');
  });
});

describe('saving and examples', () => {
  it('replaces a saved rule of the same id and keeps its on/off', () => {
    const first = saved(CUSTOM_EN).map((s) => ({ ...s, enabled: false }));
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
