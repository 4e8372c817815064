/**
 * The extension pages (Solid) in the built extension: paste-and-check in English, Chinese and
 * mixed text through the background engine (findings equal to what the engine gives in Node),
 * several timed messages with a thread finding, HTML in a message stays inert text,
 * the options round trip, interface-language switching, rights-page navigation, axe-core with
 * 0 violations on popup, options and rights pages in light and dark mode, and no network request.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getEngine } from '../../src/engine/bundled';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { ROOT } from './paths';

const EN = 'This is a debt collector. Pay the overdue balance today or we will have you arrested, you deadbeat.';
const ZH = '你欠款已逾期，今天不还钱，我们就把你欠钱的事告诉你单位领导和你的通讯录联系人，你这个老赖。';
const MIXED = `Final notice 最后通知: ${ZH} Pay now or we will have you arrested.`;
const XSS = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> "><svg onload=window.__pwned=3> javascript:window.__pwned=4 {{constructor.constructor("window.__pwned=5")()}}';
// an SMS export: a night-time message, the reader's STOP, and contact after it (US, New York time)
const THREAD = [
  '11/02/2026 23:40 Collector: Pay today or a warrant will be issued for your arrest.',
  '11/03/2026 08:05 Me: STOP. Do not text me again.',
  '11/03/2026 09:10 Collector: This is a debt collector. Pay your overdue balance now.',
].join('\n');
const SHOTS = process.env.DUNWATCH_SCREENSHOTS ? join(ROOT, 'docs/screenshots') : undefined;

const engine = getEngine();
let b: ExtensionBrowser;
const url = (p: string) => `chrome-extension://${b.extensionId}/${p}`;

beforeAll(async () => {
  b = await launchExtensionBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await b?.close();
});

async function open(path: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(url(path));
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function check(page: Page, text: string): Promise<string[]> {
  await page.fill('#message', text);
  await page.waitForFunction(() => (document.getElementById('summary')?.textContent ?? '') !== '', undefined, { timeout: 5_000 });
  return page.$$eval('#findings li.finding h3', (hs) => hs.map((x) => x.textContent ?? ''));
}

async function axe(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const r = await new AxeBuilder({ page }).analyze();
    const summary = r.violations.map((v) => `${label} (${scheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('popup: check a message', () => {
  it('English: shows the engine findings, marked spans, citations and rights links within a second', async () => {
    const page = await open('popup.html');
    const expected = engine.analyze(EN, { jurisdiction: 'us', uiLang: 'en', context: { collection: true } }).findings;
    expect(expected.length).toBeGreaterThan(0);
    // the background builds its engine once, when the popup first wakes it (cold start, logged)
    await page.waitForSelector('body[data-engine-ms]', { timeout: 20_000 });
    console.log(`background engine ready ${await page.getAttribute('body', 'data-engine-ms')} ms after the popup opened`);
    const titles = await check(page, EN);
    // measured in the page: debounce + round trip to the background + rendering after the last keystroke
    expect(Number(await page.getAttribute('#summary', 'data-ms'))).toBeLessThan(1_000);
    expect(titles).toEqual(expected.map((f) => f.title));
    // overlapping findings are split into pieces; each piece names every finding covering it
    const pieces = await page.$$eval('#marked mark', (ms) => ms.map((m) => ({ text: m.textContent ?? '', of: (m.getAttribute('data-finding') ?? '').split(' ') })));
    expect(expected.map((_, i) => pieces.filter((p) => p.of.includes(String(i))).map((p) => p.text).join(''))).toEqual(expected.map((f) => EN.slice(f.start, f.end)));
    expect(await page.textContent('#marked')).toBe(EN);
    const hrefs = await page.$$eval('#findings a, #rights a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toContain('https://www.consumerfinance.gov/complaint/');
    expect(hrefs.some((h) => h.includes('rights.html#rule='))).toBe(true);
    if (SHOTS) await page.locator('main').screenshot({ path: join(SHOTS, 'popup-en.png') });
    await axe(page, 'popup');
    await page.close();
  });

  it('Chinese and mixed text, citations for the chosen jurisdiction (CN)', async () => {
    const page = await open('popup.html');
    await page.selectOption('#jurisdiction', 'cn');
    for (const text of [ZH, MIXED]) {
      const expected = engine.analyze(text, { jurisdiction: 'cn', uiLang: 'en', context: { collection: true } }).findings;
      expect(expected.length).toBeGreaterThan(0);
      expect(await check(page, text)).toEqual(expected.map((f) => f.title));
      const cites = await page.$$eval('#findings li.finding ul a', (as) => as.map((a) => a.textContent ?? ''));
      expect(cites.length).toBeGreaterThan(0);
      expect(cites).toEqual(expected.flatMap((f) => f.citations.map((c) => c.title)));
    }
    await page.close();
  });

  it('HTML and script-like text stays inert text', async () => {
    const page = await open('popup.html');
    await check(page, XSS);
    expect(await page.textContent('#marked')).toBe(XSS);
    expect(await page.$$eval('#marked *', (els) => els.filter((e) => e.tagName !== 'MARK').length)).toBe(0);
    expect(await page.$$eval('main img, main script, main svg', (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('several timed messages: per-message findings, then thread findings (night-time contact, contact after STOP)', async () => {
    const page = await open('popup.html');
    await page.selectOption('#jurisdiction', 'us');
    await page.fill('#message', THREAD);
    await page.waitForSelector('#thread', { timeout: 5_000 });
    expect(await page.textContent('#marked')).toBe(THREAD);
    const perMessage = await page.$$eval('#findings li.finding', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(perMessage.length).toBeGreaterThan(0);
    expect(perMessage.every((t) => t.includes('Collector'))).toBe(true); // labelled by sender, the reader's own line has none
    const threadTitles = await page.$$eval('#thread-findings li.finding h3', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(threadTitles).toContain('Contact after you asked them to stop');
    // the times were read in the reader's zone (the browser's here): the findings name the messages
    expect(await page.textContent('#thread')).toContain('3 messages');
    if (SHOTS) await page.locator('main').screenshot({ path: join(SHOTS, 'popup-thread.png') });
    await axe(page, 'popup thread');
    await page.close();
  });

  it('works from the keyboard: the box has focus, Tab reaches the jurisdiction and every link', async () => {
    const page = await open('popup.html');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
    await page.keyboard.type(EN);
    await page.waitForSelector('#findings li.finding');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('jurisdiction');
    const links = await page.$$eval('#findings a', (as) => as.length);
    const seen = new Set<number>();
    for (let i = 0; i < links + 4; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => [...document.querySelectorAll('#findings a')].indexOf(document.activeElement as Element)));
    }
    seen.delete(-1);
    expect(seen.size).toBe(links);
    await page.close();
  });

  it('an unsupported page offers "Scan this page"', async () => {
    const page = await open('popup.html');
    await page.waitForSelector('#scan-page');
    expect(await page.textContent('#tab-status')).toContain('does not check this page');
    await page.close();
  });
});

describe('options', () => {
  it('round trip: jurisdiction, a rule off, a site off survive a reload; examples shown; axe clean', async () => {
    const page = await open('options.html');
    await page.waitForSelector('#rules input[type=checkbox]');
    await page.selectOption('#jurisdiction', 'hk');
    const rule = engine.analyze(EN, { context: { collection: true } }).findings[0]!.rule;
    await page.uncheck(`[id="rule-${rule}"]`);
    await page.uncheck('#site-gmail');
    await page.waitForFunction(() => document.getElementById('saved')?.textContent !== '');
    expect(await page.$$eval('#rules details li.example', (l) => l.length)).toBeGreaterThan(100);
    await axe(page, 'options');
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await page.$eval('#jurisdiction', (s) => (s as HTMLSelectElement).value)).toBe('hk');
    expect(await page.isChecked(`[id="rule-${rule}"]`)).toBe(false);
    expect(await page.isChecked('#site-gmail')).toBe(false);
    // the popup honours the disabled rule
    const popup = await open('popup.html');
    const titles = await check(popup, EN);
    expect(titles).not.toContain(engine.bundle.rules.find((r) => r.id === rule)!.title.en);
    await page.check(`[id="rule-${rule}"]`);
    await page.check('#site-gmail');
    await page.waitForTimeout(200);
    await popup.close();
    await page.close();
  });

  it('a bad time zone is refused with a message', async () => {
    const page = await open('options.html');
    await page.fill('#time-zone', 'Mars/Olympus');
    await page.click('#tz-save');
    expect(await page.textContent('#tz-error')).toContain('Mars/Olympus');
    await page.fill('#time-zone', 'Asia/Taipei');
    await page.click('#tz-save');
    expect(await page.textContent('#tz-error')).toBe('');
    await page.close();
  });

  it('switching the interface language to 简体中文 changes the popup strings; Chinese paste-and-check', async () => {
    const page = await open('options.html');
    await page.selectOption('#ui-lang', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.body.dataset.ready);
    expect(await page.textContent('h1')).toBe('催收哨兵设置');
    const popup = await open('popup.html');
    await popup.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await popup.textContent('#check-heading')).toBe('检查一条消息');
    await popup.selectOption('#jurisdiction', 'cn');
    const expected = engine.analyze(ZH, { jurisdiction: 'cn', uiLang: 'zh-CN', context: { collection: true } }).findings;
    expect(await check(popup, ZH)).toEqual(expected.map((f) => f.title));
    expect(await popup.textContent('#summary')).toMatch(/[\u4e00-\u9fff]/);
    if (SHOTS) await popup.locator('main').screenshot({ path: join(SHOTS, 'popup-zh-CN.png') });
    await axe(popup, 'popup zh-CN');
    await page.selectOption('#ui-lang', '');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await popup.close();
    await page.close();
  });

  it('switching the interface language to 繁體中文 changes every page, rule titles included', async () => {
    const page = await open('options.html');
    await page.selectOption('#ui-lang', 'zh-TW');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-TW' && document.body.dataset.ready);
    expect(await page.textContent('h1')).toBe('催收哨兵設定');
    const popup = await open('popup.html');
    await popup.waitForFunction(() => document.documentElement.lang === 'zh-TW');
    await popup.selectOption('#jurisdiction', 'tw');
    const expected = engine.analyze(ZH, { jurisdiction: 'tw', uiLang: 'zh-TW', context: { collection: true } }).findings;
    expect(await check(popup, ZH)).toEqual(expected.map((f) => f.title));
    expect(await popup.textContent('#check-heading')).toBe('檢查一條訊息');
    if (SHOTS) await popup.locator('main').screenshot({ path: join(SHOTS, 'popup-zh-TW.png') });
    await axe(popup, 'popup zh-TW');
    await page.selectOption('#ui-lang', '');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await popup.close();
    await page.close();
  });
});

describe('rights pages', () => {
  it('a rule page, then navigation to its jurisdiction page; offline; axe clean', async () => {
    const rule = engine.analyze(EN, { context: { collection: true } }).findings[0]!.rule;
    const page = await open(`rights.html#rule=${rule}&jurisdiction=us`);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('Dunwatch gives information, not legal advice.');
    expect(text).toContain('What is lawful');
    expect(await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')))).toContain('https://www.consumerfinance.gov/complaint/');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'rights-rule.png'), fullPage: true });
    await axe(page, 'rights rule');
    await page.click('a[href="#jurisdiction=us"]');
    await page.waitForFunction(() => location.hash === '#jurisdiction=us');
    expect(await page.textContent('h1')).toContain('United States');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.click('nav a[href="#jurisdiction=cn"]');
    await page.waitForFunction(() => location.hash === '#jurisdiction=cn');
    const cnLinks = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    for (const r of engine.bundle.jurisdictions.cn!.rights) expect(cnLinks).toContain(r.url);
    await axe(page, 'rights jurisdiction');
    await page.close();
  });

  it('the extension pages made no network request', () => {
    expect(b.requests.filter((r) => !r.startsWith('chrome-extension:'))).toEqual([]);
  });
});
