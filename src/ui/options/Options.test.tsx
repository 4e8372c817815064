// @vitest-environment happy-dom
import bundle from 'virtual:dunwatch-rules';
import { render } from 'solid-js/web';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledCategoriesSetting, disabledRulesSetting, ignoresSetting, jurisdictionSetting, sitesSetting, timeZoneSetting } from '../../extension/settings';
import type { IgnoreEntry } from '../../page/loop';
import { useEnglishMessages } from '../test-i18n';
import { Options } from './Options';

const entries: IgnoreEntry[] = [
  { scope: 'message', site: 'gmail', rule: bundle.rules[0]!.id, messageKey: 'k1' },
  { scope: 'sender', site: 'whatsapp', rule: bundle.rules[1]!.id, sender: '+86 138' },
];
beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});
let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.replaceChildren();
});

async function mount() {
  await ignoresSetting.setValue(entries);
  const root = document.createElement('div');
  document.body.append(root);
  dispose = render(
    () => (
      <Options lang="en" rules={bundle.rules} jurisdiction="" suggested="uk" uiLangPref="" timeZone="" sites={{ gmail: false }} offRules={[]} offCategories={['abuse']} ignores={entries} onLanguageChanged={() => {}} />
    ),
    root,
  );
  return root;
}
const change = (el: Element, set: () => void) => {
  set();
  el.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('Options', () => {
  it('shows the stored state: suggested jurisdiction, sites, categories, every rule with hit and miss examples', async () => {
    const root = await mount();
    expect((root.querySelector('#jurisdiction') as HTMLSelectElement).value).toBe('uk');
    expect(root.querySelector('#jur-help')?.textContent).toContain('United Kingdom');
    expect((root.querySelector('#site-gmail') as HTMLInputElement).checked).toBe(false);
    expect((root.querySelector('#cat-abuse') as HTMLInputElement).checked).toBe(false);
    expect(root.querySelectorAll('#rules input[id^="rule-"]').length).toBe(bundle.rules.length);
    const withHit = bundle.rules.find((r) => r.examples.hit.length)!;
    const li = root.querySelector(`[id="rule-${withHit.id}"]`)!.closest('li')!;
    expect(li.querySelector('.example mark')).not.toBeNull();
    expect(li.querySelectorAll('.example').length).toBe(Math.min(2, withHit.examples.hit.length) + Math.min(2, withHit.examples.miss.length));
  });

  it('every change is saved: jurisdiction, a site, a rule, a category, the time zone (a bad one refused)', async () => {
    const root = await mount();
    change(root.querySelector('#jurisdiction')!, () => ((root.querySelector('#jurisdiction') as HTMLSelectElement).value = 'hk'));
    const rule = root.querySelector(`[id="rule-${bundle.rules[0]!.id}"]`) as HTMLInputElement;
    change(rule, () => (rule.checked = false));
    const site = root.querySelector('#site-gmail') as HTMLInputElement;
    change(site, () => (site.checked = true));
    const cat = root.querySelector('#cat-abuse') as HTMLInputElement;
    change(cat, () => (cat.checked = true));
    await vi.waitFor(async () => {
      expect(await jurisdictionSetting.getValue()).toBe('hk');
      expect(await disabledRulesSetting.getValue()).toEqual([bundle.rules[0]!.id]);
      expect(await sitesSetting.getValue()).toEqual({ gmail: true });
      expect(await disabledCategoriesSetting.getValue()).toEqual([]);
    });
    expect(root.querySelector('#saved')?.textContent).not.toBe('');
    const tz = root.querySelector('#time-zone') as HTMLInputElement;
    tz.value = 'Mars/Olympus';
    (root.querySelector('#tz-save') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector('#tz-error')?.textContent).toContain('Mars/Olympus'));
    expect(tz.getAttribute('aria-invalid')).toBe('true');
    tz.value = 'Asia/Taipei';
    (root.querySelector('#tz-save') as HTMLButtonElement).click();
    await vi.waitFor(async () => expect(await timeZoneSetting.getValue()).toBe('Asia/Taipei'));
    expect(root.querySelector('#tz-error')?.textContent).toBe('');
  });

  it('the ignore list: delete an entry, undo puts it back in its place', async () => {
    const root = await mount();
    expect(root.querySelectorAll('#ignores tbody tr').length).toBe(2);
    (root.querySelector('#ignores tbody tr button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelectorAll('#ignores tbody tr').length).toBe(1));
    expect(await ignoresSetting.getValue()).toEqual([entries[1]]);
    (root.querySelector('#ignore-undo') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelectorAll('#ignores tbody tr').length).toBe(2));
    expect(await ignoresSetting.getValue()).toEqual(entries);
    expect(root.querySelector('#ignore-undo')).toBeNull();
  });
});
