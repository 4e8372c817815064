import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledCategoriesSetting, disabledRulesSetting, ignoresSetting, jurisdictionSetting, sitesSetting, suggestJurisdiction, timeZoneSetting, uiLangSetting } from '../extension/settings';
import type { IgnoreEntry } from '../page/loop';
import { isTimeZone, removeAt, undoRemove } from './ignore-list';

const entries: IgnoreEntry[] = [
  { scope: 'message', site: 'gmail', rule: 'en.threat.arrest', messageKey: 'k1' },
  { scope: 'sender', site: 'whatsapp', rule: 'zh.abuse.insults', sender: '+86 138' },
  { scope: 'rule-on-site', site: 'outlook', rule: 'en.harassment.frequency' },
];

describe('settings round trip (WXT storage items on fakeBrowser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads back every value the options page writes', async () => {
    await jurisdictionSetting.setValue('hk');
    await uiLangSetting.setValue('zh-TW');
    await sitesSetting.setValue({ gmail: false });
    await disabledRulesSetting.setValue(['en.threat.arrest']);
    await disabledCategoriesSetting.setValue(['abuse']);
    await timeZoneSetting.setValue('Asia/Hong_Kong');
    await ignoresSetting.setValue(entries);
    expect(await jurisdictionSetting.getValue()).toBe('hk');
    expect(await uiLangSetting.getValue()).toBe('zh-TW');
    expect(await sitesSetting.getValue()).toEqual({ gmail: false });
    expect(await disabledRulesSetting.getValue()).toEqual(['en.threat.arrest']);
    expect(await disabledCategoriesSetting.getValue()).toEqual(['abuse']);
    expect(await timeZoneSetting.getValue()).toBe('Asia/Hong_Kong');
    expect(await ignoresSetting.getValue()).toEqual(entries);
  });

  it('falls back to defaults when nothing is stored', async () => {
    expect(await jurisdictionSetting.getValue()).toBe('');
    expect(await ignoresSetting.getValue()).toEqual([]);
  });

  it('deletes an ignore entry and undo puts it back in its place', async () => {
    await ignoresSetting.setValue(entries);
    const r = removeAt(await ignoresSetting.getValue(), 1);
    await ignoresSetting.setValue(r.list);
    expect((await ignoresSetting.getValue()).map((e) => e.site)).toEqual(['gmail', 'outlook']);
    await ignoresSetting.setValue(undoRemove(await ignoresSetting.getValue(), r.removed!));
    expect(await ignoresSetting.getValue()).toEqual(entries);
    expect(removeAt(entries, 9).removed).toBeUndefined();
  });
});

describe('helpers', () => {
  it('suggests a jurisdiction from the locale', () => {
    expect(suggestJurisdiction('zh-TW')).toBe('tw');
    expect(suggestJurisdiction('zh-CN')).toBe('cn');
    expect(suggestJurisdiction('en-GB')).toBe('uk');
    expect(suggestJurisdiction('de-DE')).toBe('eu');
    expect(suggestJurisdiction('en-US')).toBe('us');
  });

  it('validates time zones', () => {
    expect(isTimeZone('')).toBe(true);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
