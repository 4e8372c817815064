// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'solid-js/web';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { customRulesSetting } from '../../extension/custom-rules';
import { sealValid } from '../../extension/custom-rules-seal';
import { openExtensionKeys, useExtensionKeys, type ExtensionKeys } from '../../extension/extension-keys';
import { CUSTOM_EN, CUSTOM_ZH } from '../../rule-compiler/custom-fixtures';
import { substitute } from '../i18n';
import { CustomRulesSection } from './CustomRules';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
});

let dispose: () => void = () => {};
let keys: ExtensionKeys;
beforeEach(() => {
  fakeBrowser.reset();
  keys = openExtensionKeys({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  useExtensionKeys(keys);
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
  document.body.replaceChildren();
  dispose = render(() => <CustomRulesSection />, document.body);
});
afterEach(() => dispose());

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const $$ = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function paste(value: string) {
  const area = $<HTMLTextAreaElement>('#custom-rules-yaml');
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

// a zh rule with a severity the schema does not know (line 4 of its own document)
const BAD = CUSTOM_ZH.replace('severity: high', 'severity: extreme');

describe('CustomRulesSection', () => {
  it('is a labelled section with a labelled textarea, file import and buttons', () => {
    const section = $('section#custom-rules');
    expect(section.getAttribute('aria-labelledby')).toBe('h-custom-rules');
    expect(text($('#h-custom-rules'))).toBe('Custom rules');
    expect(text($('label[for="custom-rules-yaml"]'))).toBe('Rules to add');
    expect($('#custom-rules-file').getAttribute('accept')).toContain('.yml');
    expect($$('button').map((b) => text(b))).toEqual(['Check', 'Save accepted rules']);
    expect(text($('#custom-rules-help'))).toContain('custom.<lang>.<category>.<slug>');
  });

  it('check: the good rule is accepted with its examples passing, the bad one shows line and problem', async () => {
    paste(`${CUSTOM_EN}---\n${BAD}`);
    $('#custom-rules-check').click();
    await vi.waitFor(() => expect($$('.custom-result')).toHaveLength(2), { timeout: 20_000 });
    const [good, bad] = $$('.custom-result');
    expect(good!.dataset.accepted).toBe('yes');
    expect(text(good!)).toContain('Accepted: custom.en.harassment.lunch-calls');
    expect(text(good!)).toContain('Its own examples: 4 of 4 pass.');
    expect(bad!.dataset.accepted).toBe('no');
    expect(text(bad!.querySelector('.custom-errors'))).toMatch(/^Line 21: severity: /);
    expect(text($('#custom-rules-status'))).toBe('1 accepted, 1 with errors.');
    expect(await customRulesSetting.getValue()).toEqual([]);
  });

  it('save stores only the accepted rule; it can be turned off and deleted', async () => {
    paste(`${BAD}\n---\n${CUSTOM_EN}`);
    $('#custom-rules-save').click();
    await vi.waitFor(() => expect($$('.custom-saved')).toHaveLength(1), { timeout: 20_000 });
    expect(text($('#custom-rules-status'))).toBe('Saved 1 rule(s). 1 with errors were not saved.');
    const stored = await customRulesSetting.getValue();
    expect(stored.map((s) => [s.id, s.enabled])).toEqual([['custom.en.harassment.lunch-calls', true]]);
    expect(await sealValid(await keys.get('custom-rules'), stored[0])).toBe(true);
    expect($('[data-unsealed]')).toBeNull();

    const box = $<HTMLInputElement>('.custom-saved input[type=checkbox]');
    expect(box.checked).toBe(true);
    expect(text($(`label[for="${box.id}"]`))).toContain('custom.en.harassment.lunch-calls');
    box.click();
    await vi.waitFor(async () => expect((await customRulesSetting.getValue())[0]?.enabled).toBe(false));
    expect(await sealValid(await keys.get('custom-rules'), (await customRulesSetting.getValue())[0]), 'turned off, sealed again').toBe(true);
    expect(text($('#custom-rules-status'))).toBe('custom.en.harassment.lunch-calls is off.');

    const del = $('.custom-saved button');
    expect(del.getAttribute('aria-label')).toBe('Delete custom.en.harassment.lunch-calls');
    del.click();
    await vi.waitFor(async () => expect(await customRulesSetting.getValue()).toEqual([]));
    await vi.waitFor(() => expect(text($('#custom-rules'))).toContain('No custom rules yet.'));
  });

  it('a stored rule that no longer compiles is listed with its errors', async () => {
    await customRulesSetting.setValue([
      { id: 'custom.en.harassment.lunch-calls', source: CUSTOM_EN.replace('version: 1', 'version: 1\nweight: 2'), enabled: true, safeRegexes: [], savedAt: '2026-11-28T00:00:00Z' },
    ]);
    await vi.waitFor(() => expect($$('.custom-saved')).toHaveLength(1), { timeout: 20_000 });
    const row = $('.custom-saved');
    expect(text(row)).toContain('This rule no longer passes the checks');
    expect(text(row.querySelector('.custom-errors'))).toBe("Line 3: weight: unknown key 'weight'");
  });

  it('a rule stored without this page\'s seal (a content script wrote it) is shown as not running; review puts its YAML in the box, and saving seals it', async () => {
    await customRulesSetting.setValue([{ id: 'custom.en.harassment.lunch-calls', source: CUSTOM_EN, enabled: true, safeRegexes: [], savedAt: '2026-11-28T00:00:00Z' }]);
    await vi.waitFor(() => expect($$('.custom-saved [data-unsealed]')).toHaveLength(1), { timeout: 20_000 });
    expect(text($('.custom-saved [data-unsealed]'))).toContain('Not running: this rule was not saved on this page');
    // the page did not seal it on its own
    expect((await customRulesSetting.getValue())[0]!.seal).toBeUndefined();
    $('.custom-saved [data-unsealed] button').click();
    expect($<HTMLTextAreaElement>('#custom-rules-yaml').value).toBe(CUSTOM_EN);
    $('#custom-rules-save').click();
    await vi.waitFor(async () => expect(await sealValid(await keys.get('custom-rules'), (await customRulesSetting.getValue())[0])).toBe(true), { timeout: 20_000 });
    await vi.waitFor(() => expect($$('.custom-saved [data-unsealed]')).toHaveLength(0));
  });

  it('imports a .yaml file and checks it', async () => {
    const input = $<HTMLInputElement>('#custom-rules-file');
    Object.defineProperty(input, 'files', { value: [new File([CUSTOM_ZH], 'rule.yaml', { type: 'application/yaml' })] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect($$('.custom-result')).toHaveLength(1), { timeout: 20_000 });
    expect($<HTMLTextAreaElement>('#custom-rules-yaml').value).toBe(CUSTOM_ZH);
    expect(text($('.custom-result'))).toContain('Accepted: custom.zh.privacy.wechat-group');
    expect(text($('.custom-result'))).toContain('Its own examples: 2 of 2 pass.');
  });
});
