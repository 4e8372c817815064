/**
 * Custom rules in the built extension (needs CustomRulesSection mounted in options.html and
 * the background answering `dunwatch:analyze` with backgroundEngine()): paste two rules, one
 * bad; check shows the good one accepted with its examples passing and the bad one's line and
 * problem (recheck runs in the page under the extension's CSP); save; the background engine
 * finds the custom rule's hit; turning it off removes it; the section is axe clean and makes
 * no network request.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CUSTOM_EN, CUSTOM_ZH } from '../../src/rule-compiler/custom-fixtures';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';

const HIT = 'Your account is overdue and you owe $300. We will call you every lunchtime until you pay.';
const BAD = CUSTOM_ZH.replace('patterns: ["(发|拉)(到|进)…(微信群|家族群)"]', 'patterns: ["(群+)+发"]');

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchExtensionBrowser();
});
afterAll(async () => {
  await b?.close();
});

async function openOptions(): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.waitForSelector('section#custom-rules');
  return page;
}

/** The rule ids the background engine finds in `text`. */
async function backgroundRules(page: Page, text: string): Promise<string[]> {
  const result = (await page.evaluate(
    (t) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'dunwatch:analyze', text: t, options: { context: { collection: true } } }),
    text,
  )) as { findings: { rule: string }[] };
  return result.findings.map((f) => f.rule);
}

describe('custom rules', () => {
  it('check, save, used by the background engine, turned off; axe clean; offline', async () => {
    const page = await openOptions();
    expect(await backgroundRules(page, HIT)).not.toContain('custom.en.harassment.lunch-calls');

    await page.fill('#custom-rules-yaml', `${CUSTOM_EN}---\n${BAD}`);
    await page.click('#custom-rules-check');
    await page.waitForSelector('.custom-result[data-accepted="no"]', { timeout: 60_000 });
    const results = await page.$$eval('.custom-result', (els) => els.map((e) => ({ ok: e.getAttribute('data-accepted'), text: e.textContent ?? '' })));
    expect(results.map((r) => r.ok)).toEqual(['yes', 'no']);
    expect(results[0]!.text).toContain('Its own examples: 4 of 4 pass.');
    expect(results[1]!.text).toMatch(/Line 27: regular expression .* may backtrack catastrophically/);

    await page.click('#custom-rules-save');
    await page.waitForSelector('.custom-saved[data-rule="custom.en.harassment.lunch-calls"]');
    await expect.poll(() => backgroundRules(page, HIT), { timeout: 10_000 }).toContain('custom.en.harassment.lunch-calls');

    const axe = await new AxeBuilder({ page }).include('section#custom-rules').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // keyboard: Space on the focused checkbox turns the rule off, focus stays on it
    await page.focus('.custom-saved input[type=checkbox]');
    await page.keyboard.press('Space');
    await expect.poll(() => backgroundRules(page, HIT), { timeout: 10_000 }).not.toContain('custom.en.harassment.lunch-calls');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');

    await page.click('.custom-saved button');
    await page.waitForFunction(() => !document.querySelector('.custom-saved'));
    expect(b.requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
    await page.close();
  });
});
