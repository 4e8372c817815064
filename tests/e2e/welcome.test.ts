/**
 * First minutes in the built extension: installing opens the welcome page once; it suggests a
 * jurisdiction from the time zone (then the locale) and writes only what the reader confirms, to
 * the same storage items as the options page; language and time zone; the sample check; the
 * keyboard; axe-core 0 violations in light and dark (welcome, privacy, the popup's "what's new"
 * line); the privacy page names every permission of the manifest; no network request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { EXTENSION_DIR } from './paths';

let b: ExtensionBrowser;
const url = (p: string) => `chrome-extension://${b.extensionId}/${p}`;

beforeAll(async () => {
  b = await launchExtensionBrowser({ keepWelcome: true });
});
afterAll(async () => {
  await b?.close();
});

async function open(path: string, zone?: string): Promise<Page> {
  const page = await b.context.newPage();
  if (zone) await (await b.context.newCDPSession(page)).send('Emulation.setTimezoneOverride', { timezoneId: zone });
  await page.goto(url(path));
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function axe(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const r = await new AxeBuilder({ page }).analyze();
    expect(r.violations.map((v) => `${label} (${scheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const stored = (area: 'sync' | 'local', key: string) =>
  b.worker.evaluate(
    async ({ area, key }) => {
      const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: string): Promise<Record<string, unknown>> }> } }).chrome;
      return (await c.storage[area]!.get(key))[key];
    },
    { area, key },
  );

describe('install', () => {
  it('opens the welcome page once, by itself', async () => {
    const welcome = b.welcome;
    await welcome.waitForSelector('body[data-ready]');
    expect(await welcome.textContent('h1')).toBe('Welcome to Dunwatch');
    await new Promise((r) => setTimeout(r, 500));
    expect(b.context.pages().filter((p) => p.url() === url('welcome.html'))).toHaveLength(1);
    await welcome.close();
  });
});

describe('welcome page', () => {
  it('suggests the jurisdiction from the time zone and writes it only when confirmed', async () => {
    const page = await open('welcome.html', 'Asia/Hong_Kong');
    expect(await page.textContent('#jur-suggested')).toContain('time zone (Asia/Hong_Kong)');
    expect(await page.$eval('#jurisdiction', (s) => (s as HTMLSelectElement).value)).toBe('hk');
    expect(await stored('sync', 'jurisdiction')).toBeUndefined();
    await page.selectOption('#jurisdiction', 'cn');
    await page.click('#jur-confirm');
    await expect.poll(() => stored('sync', 'jurisdiction')).toBe('cn');
    expect(await page.textContent('#jur-confirmed')).toContain('Saved');
    // the options page shows the same stored item
    const options = await open('options.html');
    expect(await options.$eval('#jurisdiction', (s) => (s as HTMLSelectElement).value)).toBe('cn');
    await options.close();
    await page.close();
  });

  it('a zone it cannot place falls back to the browser language', async () => {
    const page = await open('welcome.html', 'UTC');
    expect(await page.textContent('#jur-suggested')).toContain('browser language (en-US)');
    await page.close();
  });

  it('the time zone and the interface language are the options page items; the page reloads in the language', async () => {
    const page = await open('welcome.html');
    await page.fill('#time-zone', 'Asia/Taipei');
    await page.click('#tz-save');
    await expect.poll(() => stored('sync', 'timeZone')).toBe('Asia/Taipei');
    await page.selectOption('#ui-lang', 'zh-TW');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-TW' && document.body.dataset.ready);
    expect(await page.textContent('h1')).toBe('歡迎使用催收哨兵');
    expect(await stored('sync', 'uiLang')).toBe('zh-TW');
    await axe(page, 'welcome zh-TW');
    await page.selectOption('#ui-lang', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.body.dataset.ready);
    expect(await page.textContent('h1')).toBe('欢迎使用催收哨兵');
    await page.selectOption('#ui-lang', '');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset.ready);
    await page.close();
  });

  it('lists every site with its address, what is read there and what never leaves the device', async () => {
    const page = await open('welcome.html');
    const sites = await page.$$eval('#welcome-sites li', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(sites.length).toBe(14);
    expect(sites).toContain('Gmail (mail.google.com)');
    expect(await page.textContent('#h-privacy + ul')).toContain('makes no network requests');
    for (const id of ['where-rights', 'where-locker', 'where-options', 'privacy-link', 'open-demo']) expect(await page.getAttribute(`#${id}`, 'href'), id).toMatch(/^chrome-extension:\/\//);
    await page.close();
  });

  it('from the keyboard: every control in order, and the sample is checked by the background engine', async () => {
    const page = await open('welcome.html');
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
      if (id === 'check-sample') break;
      order.push(id);
    }
    expect(order.slice(0, 5)).toEqual(['jurisdiction', 'jur-confirm', 'ui-lang', 'time-zone', 'tz-save']);
    expect(order).toContain('sample');
    expect(order).toContain('privacy-link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sample-result #findings li.finding', { timeout: 10_000 });
    const titles = await page.$$eval('#sample-result #findings li.finding h3', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    expect(await page.textContent('#marked')).toBe(await page.$eval('#sample', (t) => (t as HTMLTextAreaElement).value));
    await axe(page, 'welcome (sample checked)');
    await page.close();
  });
});

describe('privacy page and the popup after an update', () => {
  it('the privacy page names every permission the manifest asks for; axe clean', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[] };
    const page = await open('privacy.html');
    const text = (await page.textContent('main')) ?? '';
    for (const p of manifest.permissions) expect(text, p).toContain(p);
    expect(text).toContain('makes no network requests');
    await axe(page, 'privacy');
    await page.close();
  });

  it('an update leaves one "what\'s new" line in the popup until dismissed', async () => {
    await b.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ whatsNew: '0.2.0' }));
    const page = await open('popup.html');
    expect(await page.textContent('#whats-new')).toContain('Dunwatch was updated to 0.2.0');
    await axe(page, 'popup with what\'s new');
    await page.click('#whats-new-dismiss');
    expect(await page.$('#whats-new')).toBeNull();
    await expect.poll(() => stored('local', 'whatsNew')).toBeUndefined();
    const again = await open('popup.html');
    expect(await again.$('#whats-new')).toBeNull();
    await again.close();
    await page.close();
  });

  it('made no network request', () => {
    expect(b.requests.filter((r) => !r.startsWith('chrome-extension://'))).toEqual([]);
  });
});
