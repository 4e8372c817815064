/**
 * What the page loop shows besides highlights, in the built extension: the toolbar badge and
 * the tab report, the "no messages" state of a claimed page, thread findings as a marker at
 * the conversation's top (WhatsApp, Google Messages), focus from the side panel's command, and
 * the overlay fallback for browsers without the CSS Highlight API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine/bundled';
import { analyzeThread, type ThreadMessage } from '../../src/engine/thread/analyze-thread';
import { adapterSource } from '../../src/extension/adapter-source';
import type { TabStatus } from '../../src/extension/messages';
import { extractText } from '../../src/page/extract';
import { toUtc } from '../../src/page/loop';
import { adapterModules } from '../../src/sites/registry';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { ROOT } from './paths';

const engine = getEngine();
/** The extension APIs the service worker sees (playwright evaluates plain JS there). */
type ChromeApi = {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** Fixture edits for the conduct tests: the collector's first WhatsApp message moves to 23:40 the night before. */
const PATCHES: Record<string, (html: string) => string> = {
  whatsapp: (html) => html.replace('[10:02, 28/11/2026]', '[23:40, 27/11/2026]'),
};

const threadFixture = (site: string) => {
  const m = adapterModules.find((x) => x.adapter.id === site)!;
  const fixture = m.fixtures.find((f) => f.layout === 'thread')!;
  const html = readFileSync(join(ROOT, 'src/sites', site, 'fixtures', fixture.file), 'utf8');
  return { adapter: m.adapter, fixture, html: (PATCHES[site] ?? ((h: string) => h))(html), original: html };
};

/** The thread findings the page should show, from the same adapter, extraction and engine, in Node. */
async function expectedThreadTitles(site: string, channel: ThreadMessage['channel']): Promise<string[]> {
  const { adapter, fixture, html } = threadFixture(site);
  const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  const source = adapterSource(adapter);
  const messages: ThreadMessage[] = [];
  source.findMessages(window.document as unknown as Document).forEach((root, i) => {
    const info = source.info(root);
    if (!info || info.direction === 'unknown' || !info.threadId) return;
    const sentAt = toUtc(info.sentAt);
    messages.push({ id: String(i), text: extractText(info.body).text, direction: info.direction, ...(sentAt ? { sentAt } : {}), ...(info.sender ? { sender: info.sender } : {}), channel });
  });
  await window.happyDOM.close();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return analyzeThread(messages, { jurisdiction: 'us', timeZone, uiLang: 'en' }, { analyze: (t, o) => engine.analyze(t, o), bundle: engine.bundle }).findings.map((f) => f.title);
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtensionBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The background's report for the active tab (the page under test; without the "tabs" permission URLs are hidden), and its badge text. */
async function tabReport(): Promise<{ badge: string; status: TabStatus }> {
  return browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    const id = tab!.id!;
    const status = ((await c.storage.session.get(`tab-${id}`)) as Record<string, TabStatus>)[`tab-${id}`] ?? {};
    return { badge: await c.action.getBadgeText({ tabId: id }), status };
  });
}

describe('badge and tab report', () => {
  it('the badge counts flagged messages; the report lists them with sender, time and findings', async () => {
    const { fixture, original } = threadFixture('whatsapp');
    await browser.serve(fixture.url, original);
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      await page.waitForFunction(() => document.querySelectorAll('[data-dunwatch-state]').length >= 4);
      const flagged = await page.locator('[data-dunwatch-state="flagged"]').count();
      expect(flagged).toBeGreaterThan(0);
      await expect.poll(async () => (await tabReport()).badge, { timeout: 10_000 }).toBe(String(flagged));
      const { status } = await tabReport();
      expect(status.site).toBe('whatsapp');
      expect(status.status).toBe('ok');
      expect(status.stats?.flagged).toBe(flagged);
      const listed = status.messages!.filter((m) => m.findings.length);
      expect(listed).toHaveLength(flagged);
      expect(listed[0]!.sender).toBe('Apex Recovery');
      expect(listed[0]!.sentAt).toBe('10:02, 28/11/2026');
      expect(listed[0]!.sentAtIso).toBe(new Date('2026-11-28T10:02').toISOString());
      expect(listed[0]!.text).toContain('post your photo');
      // the side panel's command: scroll to a message and open its card
      const id = listed[0]!.id;
      const opened = await browser.worker.evaluate(async (messageId) => {
        const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        return c.tabs.sendMessage(tab!.id!, { type: 'dunwatch:focus', messageId, finding: 0 });
      }, id);
      expect(opened).toBe(true);
      const card = page.locator('[data-dunwatch-ui="host"] [role="dialog"]');
      await card.waitFor({ state: 'visible' });
      expect(await card.innerText()).toContain(listed[0]!.findings[0]!.title);
    } finally {
      await page.close();
    }
  });

  it('a claimed page that shows no messages says so after a while (a changed layout is visible, not silent)', async () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    await browser.serve(url, '<!doctype html><html><head><title>Gmail</title></head><body><div role="main"><p>Loading…</p></div></body></html>');
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      await expect.poll(async () => (await tabReport()).status.status, { timeout: 20_000, interval: 500 }).toBe('no-messages');
      expect((await tabReport()).badge).toBe('');
    } finally {
      await page.close();
    }
  });
});

describe('conduct over time in the page', () => {
  it.each([
    ['whatsapp', 'chat'],
    ['google-messages', 'sms'],
  ] as const)('%s: thread findings appear as a marker at the conversation top, with their card', async (site, channel) => {
    const titles = await expectedThreadTitles(site, channel);
    expect(titles.length, 'the fixture conversation has a conduct-over-time finding').toBeGreaterThan(0);
    const { fixture, html } = threadFixture(site);
    await browser.serve(fixture.url, html);
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      const marker = page.locator('[data-dunwatch-ui="host"] button.marker.thread');
      await marker.waitFor({ state: 'attached', timeout: 20_000 });
      expect(await marker.getAttribute('aria-label')).toContain(`${titles.length} pattern`);
      await marker.focus();
      await page.keyboard.press('Enter');
      const card = page.locator('[data-dunwatch-ui="host"] [role="dialog"]');
      await card.waitFor({ state: 'visible' });
      const text = await card.innerText();
      for (const t of titles) expect(text).toContain(t);
      // the marker sits above the first message of the conversation
      const [mBox, firstBox] = await Promise.all([marker.boundingBox(), page.locator('[data-dunwatch-state]').first().boundingBox()]);
      expect(mBox!.y).toBeLessThanOrEqual(firstBox!.y);
      // not as text highlights: the number of ranges equals the per-message findings alone
      const perMessage = await page.$$eval('[data-dunwatch-state]', (els) => els.reduce((n, e) => n + Number(e.getAttribute('data-dunwatch-findings')), 0));
      const ranges = await page.evaluate(() => ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'].reduce((n, c) => n + (CSS.highlights.get(`dunwatch-${c}`)?.size ?? 0), 0));
      expect(ranges).toBe(perMessage);
    } finally {
      await page.close();
    }
  });
});

describe('bodies inside iframes (Proton Mail)', () => {
  it('clicking an underlined word inside the message iframe opens its card', async () => {
    const { fixture, html } = threadFixture('proton-mail');
    await browser.serve(fixture.url, html);
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      await page.waitForFunction(() => document.querySelector('[data-dunwatch-state="flagged"]'));
      // the centre of the first registered range, in the top page's coordinates
      const point = await page.waitForFunction(() => {
        for (const f of document.querySelectorAll('iframe')) {
          const w = f.contentWindow as unknown as { CSS: typeof CSS } | null;
          for (const c of ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair']) {
            const h = w?.CSS.highlights.get(`dunwatch-${c}`);
            const range = h ? ([...h][0] as Range | undefined) : undefined;
            if (range) {
              const r = range.getClientRects()[0]!;
              const fr = f.getBoundingClientRect();
              return { x: fr.x + r.x + Math.min(4, r.width / 2), y: fr.y + r.y + r.height / 2 };
            }
          }
        }
        return null;
      });
      const { x, y } = (await point.jsonValue())!;
      await page.mouse.click(x, y);
      const card = page.locator('[data-dunwatch-ui="host"] [role="dialog"]');
      await card.waitFor({ state: 'visible' });
      expect(await card.innerText()).toContain('not legal advice');
    } finally {
      await page.close();
    }
  });
});

describe('marker placement and the overlay fallback (demo inbox)', () => {
  it('without the Highlight API, boxes are drawn under the flagged words in the shadow root and nothing is registered', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/demo.html?overlay=1`);
      await page.waitForFunction(() => document.querySelector('[data-dunwatch-state="flagged"]'));
      const boxes = page.locator('[data-dunwatch-ui="host"] .box');
      await expect.poll(() => boxes.count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'].reduce((n, c) => n + (CSS.highlights.get(`dunwatch-${c}`)?.size ?? 0), 0))).toBe(0);
      // each box lies over a flagged message
      const inside = await page.evaluate(() => {
        const flagged = [...document.querySelectorAll('[data-dunwatch-state="flagged"]')].map((e) => e.getBoundingClientRect());
        const host = document.querySelector('[data-dunwatch-ui="host"]')!.shadowRoot!;
        return [...host.querySelectorAll('.box')].every((b) => {
          const r = b.getBoundingClientRect();
          return flagged.some((f) => r.top >= f.top - 1 && r.bottom <= f.bottom + 1 && r.left >= f.left - 1 && r.right <= f.right + 1);
        });
      });
      expect(inside).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('each message marker sits beside its message, not at the window edge', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.goto(`chrome-extension://${browser.extensionId}/demo.html`);
      await page.waitForFunction(() => document.querySelector('[data-dunwatch-state="flagged"]'));
      const marker = page.locator('[data-dunwatch-ui="host"] button.marker:not(.thread)').first();
      await marker.waitFor({ state: 'attached' });
      await expect
        .poll(async () => {
          const m = await marker.boundingBox();
          const rect = await page.evaluate(() => {
            const r = document.querySelector('[data-dunwatch-state="flagged"]')!.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
          });
          return m !== null && m.y >= rect.top - 2 && m.y <= rect.bottom && m.x >= rect.left && m.x + m.width <= rect.right + 2;
        })
        .toBe(true);
    } finally {
      await page.close();
    }
  });
});
