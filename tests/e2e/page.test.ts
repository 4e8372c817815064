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
import { extractText } from '../../src/page/text-map';
import { toUtc } from '../../src/page/loop';
import { readableCount } from '../../src/page/reader-switch';
import { isContentFree, type Diagnostics } from '../../src/extension/diagnostics';
import { rootSelectors } from '../../src/sites/extract';
import { adapterModules } from '../../src/sites/registry';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { allHooksRenamed, highlightCount, Layer, tabIdOf, waitForReport } from './page-state';
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

/** How many messages of a fixture the engine flags, from the same adapter and extraction in Node. */
async function expectedFlagged(site: string): Promise<{ messages: number; flagged: number; findings: number }> {
  const { adapter, fixture, original } = threadFixture(site);
  const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(original);
  await window.happyDOM.waitUntilComplete();
  const source = adapterSource(adapter);
  const out = { messages: 0, flagged: 0, findings: 0 };
  for (const root of source.findMessages(window.document as unknown as Document)) {
    const info = source.info(root);
    if (!info) continue;
    const n = engine.analyze(extractText(info.body).text, { context: { direction: info.direction === 'outgoing' ? 'outgoing' : 'incoming' }, uiLang: 'en' }).findings.length;
    out.messages++;
    out.findings += n;
    if (n) out.flagged++;
  }
  await window.happyDOM.close();
  return out;
}

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
      const want = await expectedFlagged('whatsapp');
      await page.goto(fixture.url);
      await waitForReport(browser.worker, page, (r) => r.stats?.messages === want.messages && r.stats.flagged === want.flagged);
      const flagged = want.flagged;
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
      const layer = new Layer(page);
      await layer.waitFor('[role="dialog"]');
      expect(await layer.text('[role="dialog"]')).toContain(listed[0]!.findings[0]!.title);
      await layer.detach();
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
      const layer = new Layer(page);
      await layer.waitFor('button.marker.thread');
      expect(await layer.attr('button.marker.thread', 'aria-label')).toContain(`${titles.length} pattern`);
      await layer.focus('button.marker.thread');
      await page.keyboard.press('Enter');
      await layer.waitFor('[role="dialog"]');
      const text = (await layer.text('[role="dialog"]')) ?? '';
      for (const t of titles) expect(text).toContain(t);
      // the marker sits above the first message of the conversation
      const roots = rootSelectors(threadFixture(site).adapter.layouts.thread!);
      const firstBox = await page.evaluate((sels) => ({ y: document.querySelector(sels.find((c) => document.querySelector(c))!)!.getBoundingClientRect().y }), roots);
      const mBox = await layer.box('button.marker.thread');
      expect(mBox!.y).toBeLessThanOrEqual(firstBox!.y);
      // not as text highlights: the number of ranges equals the per-message findings alone
      const report = await waitForReport(browser.worker, page, (r) => (r.threads?.length ?? 0) > 0);
      expect(await highlightCount(page)).toBe(report.stats!.findings);
      await layer.detach();
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
      await waitForReport(browser.worker, page, (r) => (r.stats?.flagged ?? 0) > 0);
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
      const layer = new Layer(page);
      await layer.waitFor('[role="dialog"]');
      expect(await layer.text('[role="dialog"]')).toContain('not legal advice');
      await layer.detach();
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
      const layer = new Layer(page);
      await layer.waitFor('.box');
      expect(await highlightCount(page)).toBe(0);
      // each box lies over the text of a message body
      const bodies = await page.$$eval('#inbox article', (els) => els.map((e) => {
        const f = e.getBoundingClientRect();
        return { top: f.top, bottom: f.bottom, left: f.left, right: f.right };
      }));
      const boxes = (await layer.eval((r) => [...r.querySelectorAll('.box')].map((b) => {
        const x = b.getBoundingClientRect();
        return { top: x.top, bottom: x.bottom, left: x.left, right: x.right };
      }))) ?? [];
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.every((r) => bodies.some((f) => r.top >= f.top - 1 && r.bottom <= f.bottom + 1 && r.left >= f.left - 1 && r.right <= f.right + 1))).toBe(true);
      await layer.detach();
    } finally {
      await page.close();
    }
  });

  it('each message marker sits beside its message, not at the window edge', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.goto(`chrome-extension://${browser.extensionId}/demo.html`);
      const layer = new Layer(page);
      await layer.waitFor('button.marker:not(.thread)');
      await expect
        .poll(async () => {
          const m = await layer.box('button.marker:not(.thread)');
          // the demo's first message (a final notice with an arrest threat) is flagged, so the first marker is its
          const rect = await page.evaluate(() => {
            const r = document.querySelector('#inbox article')!.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
          });
          return m !== undefined && m.y >= rect.top - 2 && m.y <= rect.bottom && m.x >= rect.left && m.x + m.width <= rect.right + 2;
        })
        .toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('layout drift: the fallback reader', () => {
  it('a claimed page whose adapter selectors all miss is read by the fallback reader; findings drawn and marked; the popup says so and offers the selection check', async () => {
    const { adapter, fixture, original } = threadFixture('gmail');
    const html = allHooksRenamed(original);
    // in Node: no adapter selector matches this page (happy-dom's parser nests Gmail's tables
    // differently from Chromium's, so what the fallback finds is checked in the browser)
    const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    expect(readableCount(adapterSource(adapter), window.document as unknown as Document), 'no adapter selector matches').toEqual({ roots: 0, readable: 0 });
    await window.happyDOM.close();

    await browser.serve(fixture.url, html);
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      // the thread's three messages, each one block (header with sender and date, then the body)
      const report = await waitForReport(browser.worker, page, (r) => r.reader === 'fallback' && r.stats?.messages === fixture.expect.messageRoot && (r.stats?.flagged ?? 0) > 0);
      expect(report.status).toBe('ok');
      const listed = report.messages!.filter((m) => m.findings.length);
      expect(listed.every((m) => m.fallback === true && m.direction === 'unknown')).toBe(true);
      expect(listed[0]!.text, 'the collector\'s threat is the flagged message').toContain('a warrant will be issued for your arrest');
      expect(listed[0]!.findings.map((f) => f.category)).toContain('threat');
      // drawn the same way: highlights, and a marker that says how the message was read
      await expect.poll(() => highlightCount(page)).toBe(report.stats!.findings);
      const layer = new Layer(page);
      await layer.waitFor('button.marker.fallback');
      expect(await layer.attr('button.marker', 'aria-label')).toContain('Read without a site layout');
      await layer.click('button.marker');
      await layer.waitFor('[role="dialog"] .fallback-note');
      expect(await layer.text('[role="dialog"] .fallback-note')).toContain("layout was not recognised");
      await layer.detach();
      // the popup of that tab
      const tabId = await tabIdOf(browser.worker, page);
      expect(tabId).toBeGreaterThan(0);
      const popup = await browser.context.newPage();
      // what the popup writes to the clipboard, kept for the test (headless Chromium cannot grant an extension page clipboard-read)
      await popup.addInitScript(() => {
        Object.defineProperty(navigator.clipboard, 'writeText', { value: async (text: string) => void ((window as unknown as { __copied: string }).__copied = text) });
      });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('body[data-ready="true"]');
      expect(await popup.textContent('#status-fallback')).toBe("This page's layout was not recognised; Dunwatch is reading the visible message text instead.");
      expect(await popup.textContent('#check-selection')).toBe('Check the selected text');
      // "Copy diagnostics": the reader, the layout that did not match, counts; no content
      await popup.click('#copy-diagnostics');
      await popup.waitForSelector('#diagnostics-note');
      expect(await popup.textContent('#diagnostics-note')).toContain('No message text, names or addresses');
      const copied = JSON.parse(await popup.evaluate(() => (window as unknown as { __copied: string }).__copied)) as Diagnostics;
      expect(copied).toMatchObject({ site: 'gmail', adapterVersion: adapter.version, reader: 'fallback', layoutMatched: null, host: 'mail.google.com', decision: { roots: 0, readable: 0 } });
      expect(copied.layouts.map((l) => [l.layout, l.rootSelector, l.counts.messageRoot])).toEqual([['thread', null, 0], ['list', null, 0]]);
      expect(copied.scanned).toMatchObject({ messages: fixture.expect.messageRoot, fallbackMessages: fixture.expect.messageRoot });
      expect(isContentFree(copied)).toBe(true);
      for (const m of report.messages ?? []) expect(JSON.stringify(copied)).not.toContain(m.text.trim().slice(0, 20));
      await popup.close();
    } finally {
      await page.close();
    }
  });
});
