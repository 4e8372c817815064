/**
 * The side panel in the built extension: a Gmail thread fixture is served at its real URL and
 * scanned by the content script; `sidepanel.html?tab=<id>` (the form tests and a panel for one
 * tab use) lists that tab's findings grouped by message, in page order, as the engine gives them
 * in Node; selecting one (click, or j / k from the keyboard) scrolls the page to the message and
 * opens its card; axe-core reports 0 violations in light and dark mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getEngine } from '../../src/engine/bundled';
import { adapterSource } from '../../src/extension/adapter-source';
import type { TabStatus } from '../../src/extension/messages';
import { extractText } from '../../src/page/text-map';
import { adapterModules } from '../../src/sites/registry';
import { PAGE } from '../../src/ui/sidepanel/fixture-messages';
import { buildModel } from '../../src/ui/sidepanel/model';
import { reportFrom } from '../../src/ui/sidepanel/test-report';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { Layer, waitForScanned } from './page-state';
import { EXTENSION_DIR, ROOT } from './paths';

const gmail = adapterModules.find((m) => m.adapter.id === 'gmail')!;
const fixture = gmail.fixtures.find((f) => f.layout === 'thread')!;
const MESSAGE_ROOT = '.adn.ads[data-message-id]';

/**
 * The Gmail thread, plus a later copy of its collection message far down the page (another
 * flagged message to walk to, which the page must scroll to).
 */
function pageHtml(): string {
  const html = readFileSync(join(ROOT, 'src/sites/gmail/fixtures', fixture.file), 'utf8');
  const start = html.indexOf('<!-- 1:');
  const end = html.indexOf('<!-- 2:');
  const copy = html.slice(start, end).replace('#msg-f:1851234567890123456', '#msg-f:1851234567890129999').replace('19b2a3c4d5e6f7a8', '19b2a3c4d5e6ffff');
  const close = html.lastIndexOf('</div></div></div>') + '</div></div></div>'.length;
  return `${html.slice(0, close)}\n<div style="height: 2400px"></div>\n${copy}${html.slice(close)}`;
}

/** Titles of each message's findings in page order, from the same adapter, extraction and engine in Node. */
async function expectedTitles(html: string): Promise<string[][]> {
  const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  const source = adapterSource(gmail.adapter);
  const out: string[][] = [];
  for (const root of source.findMessages(window.document as unknown as Document)) {
    const info = source.info(root);
    if (!info) continue;
    const direction = info.direction === 'outgoing' ? 'outgoing' : 'incoming';
    out.push(getEngine().analyze(extractText(info.body).text, { context: { direction }, uiLang: 'en' }).findings.map((f) => f.title));
  }
  await window.happyDOM.close();
  return out;
}

let b: ExtensionBrowser;
let site: Page;
let tabId: number;
let report: TabStatus;
let expected: string[][];
const html = pageHtml();

/** The background's latest report for the Gmail tab (`session:tab-<id>`), read in the service worker. */
async function gmailReport(): Promise<{ tabId: number; report: TabStatus } | undefined> {
  return b.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    const all = await c.storage.session.get(null);
    for (const [k, v] of Object.entries(all)) {
      const r = v as TabStatus;
      if (k.startsWith('tab-') && r.site === 'gmail' && r.messages?.length) return { tabId: Number(k.slice(4)), report: r };
    }
    return undefined;
  });
}

async function openPanel(query: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html${query}`);
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

/** The message root's top is inside the page's viewport. */
const inView = (page: Page, index: number) =>
  page.$$eval(
    MESSAGE_ROOT,
    (els, i) => {
      const r = els[i]!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    },
    index,
  );

/** The text of the card open on the page ('' when none), read in our closed layer. */
const cardText = async (page: Page) => {
  const layer = new Layer(page);
  try {
    return (await layer.text('[role="dialog"]')) ?? '';
  } finally {
    await layer.detach();
  }
};

beforeAll(async () => {
  b = await launchExtensionBrowser();
});
afterAll(async () => {
  await b?.close();
});

describe('side panel: declared, and the toolbar keeps the popup', () => {
  it('Chrome side_panel with the sidePanel permission; the action click does not open it', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { side_panel?: { default_path: string }; permissions: string[]; action?: { default_popup?: string } };
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    expect(manifest.permissions).toContain('sidePanel');
    expect(manifest.action?.default_popup).toBe('popup.html');
    const behavior = await b.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> } } }).chrome.sidePanel.getPanelBehavior(),
    );
    expect(behavior.openPanelOnActionClick ?? false).toBe(false);
  });
});

describe('side panel on a Gmail thread', () => {
  beforeAll(async () => {
    expected = await expectedTitles(html);
    await b.serve(fixture.url, html);
    site = await b.context.newPage();
    await site.goto(fixture.url);
    await waitForScanned(b.worker, site, expected.length);
    let found: Awaited<ReturnType<typeof gmailReport>>;
    for (let i = 0; i < 100 && !(found = await gmailReport()); i++) await new Promise((r) => setTimeout(r, 200));
    if (!found) throw new Error('no Gmail report with messages in session storage (is the content-script protocol on this branch?)');
    ({ tabId, report } = found);
  });

  it('lists the findings grouped by message, in page order, as the engine gives them', async () => {
    const flagged = expected.filter((titles) => titles.length);
    expect(flagged.length, 'the page holds two flagged messages').toBe(2);
    const panel = await openPanel(`?tab=${tabId}`);
    await panel.waitForSelector('.sp-message');
    const byMessage = await panel.$$eval('article.sp-message', (as) => as.map((a) => [...a.querySelectorAll('.sp-title')].map((t) => t.textContent ?? '')));
    expect(byMessage).toEqual(flagged);
    const heads = await panel.$$eval('article.sp-message h3', (hs) => hs.map((h) => h.textContent ?? ''));
    for (const h of heads) expect(h).toContain('apex-recovery');
    // the conversation's own findings (the content script's thread analysis, which reports a
    // moment after the messages) at the top of their group: the copy came after the reader's
    // "stop contacting my workplace"
    await expect.poll(async () => (await gmailReport())?.report.threads?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    report = (await gmailReport())!.report;
    const threadTitles = report.threads!.flatMap((t) => t.findings.map((f) => f.title));
    await expect.poll(() => panel.$$eval('.sp-title', (ts) => ts.map((t) => t.textContent ?? ''))).toEqual([...threadTitles, ...flagged.flat()]);
    expect(await panel.$$eval('section.sp-group:first-of-type .sp-explain', (ps) => ps.map((p) => p.textContent ?? ''))).toEqual(report.threads!.flatMap((t) => t.findings.map((f) => f.explanation)));
    const summary = await panel.textContent('#sp-summary');
    expect(await panel.getAttribute('#sp-summary', 'aria-live')).toBe('polite');
    expect(summary).toContain(`${flagged.flat().length} possible problems in 2 messages`);
    await axe(panel, 'side panel');
    await panel.close();
  });

  it('selecting a finding scrolls the page to its message and opens its card', async () => {
    const panel = await openPanel(`?tab=${tabId}`);
    await panel.waitForSelector('.sp-message');
    await site.evaluate(() => window.scrollTo(0, 0));
    const last = expected.length - 1;
    expect(await inView(site, last)).toBe(false);
    // the first finding of the second flagged message (the copy at the bottom of the page)
    const target = panel.locator('article.sp-message').nth(1).locator('button.sp-select').first();
    const title = (await target.locator('.sp-title').textContent()) ?? '';
    await target.click();
    await expect.poll(() => inView(site, last), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => cardText(site), { timeout: 5_000 }).toContain(title);
    expect(await panel.textContent('[role=status]')).toBe('');
    await panel.close();
  });

  it('j / k walk the findings in page order and focus each in the panel and on the page', async () => {
    const panel = await openPanel(`?tab=${tabId}`);
    await panel.waitForSelector('.sp-message');
    const titles = await panel.$$eval('.sp-title', (ts) => ts.map((t) => t.textContent ?? ''));
    const focused: string[] = [];
    for (let i = 0; i < titles.length; i++) {
      await panel.keyboard.press('j');
      focused.push(await panel.evaluate(() => document.activeElement?.querySelector('.sp-title')?.textContent ?? ''));
    }
    expect(focused).toEqual(titles);
    expect(await panel.isDisabled('#sp-next')).toBe(true);
    // the page followed: the last finding's message (the copy at the bottom) is in view
    await expect.poll(() => inView(site, expected.length - 1), { timeout: 5_000 }).toBe(true);
    // back to the first message with k: the page scrolls up again and its card shows that finding
    const firstMessageAt = titles.length - expected.filter((t) => t.length).flat().length;
    for (let i = titles.length - 1; i > firstMessageAt; i--) await panel.keyboard.press('k');
    expect(await panel.evaluate(() => document.activeElement?.querySelector('.sp-title')?.textContent)).toBe(titles[firstMessageAt]);
    await expect.poll(() => inView(site, 0), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => cardText(site), { timeout: 5_000 }).toContain(titles[firstMessageAt]!);
    await panel.close();
  });

});

describe('side panel from a stored report (no content script behind it)', () => {
  it('conversation findings at the top, message findings below; selecting one says calmly that the page did not answer; axe clean', async () => {
    const seeded = reportFrom(PAGE);
    await b.worker.evaluate(async (value) => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
      await c.storage.session.set({ 'tab-424242': value });
    }, seeded);
    const panel = await openPanel('?tab=424242');
    await panel.waitForSelector('.sp-message');
    const model = buildModel(seeded);
    expect(await panel.$$eval('.sp-title', (ts) => ts.map((t) => t.textContent ?? ''))).toEqual(model.items.map((i) => i.finding.title));
    expect(await panel.$$eval('section.sp-group:first-of-type .sp-explain', (ps) => ps.map((p) => p.textContent ?? ''))).toEqual(seeded.threads![0]!.findings.map((f) => f.explanation));
    await panel.keyboard.press('j');
    await panel.waitForFunction(() => (document.querySelector('[role=status]')?.textContent ?? '') !== '');
    expect(await panel.textContent('[role=status]')).toContain('Could not show it on the page');
    await axe(panel, 'side panel (stored report)');
    // the report changes: the live summary follows
    await b.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
      await c.storage.session.set({ 'tab-424242': { site: 'gmail', status: 'ok', stats: { messages: 4, flagged: 0, findings: 0, byCategory: {} }, messages: [] } });
    });
    await expect.poll(() => panel.textContent('#sp-summary')).toBe('4 messages checked. Nothing was flagged.');
    await panel.close();
  });

  it('a tab with no report: a calm empty state, axe clean', async () => {
    const panel = await openPanel('?tab=999999');
    await panel.waitForFunction(() => (document.getElementById('sp-summary')?.textContent ?? '') !== '');
    expect(await panel.textContent('#sp-summary')).toContain('Nothing has been checked on this page');
    expect(await panel.$$('button.sp-select')).toHaveLength(0);
    await axe(panel, 'side panel (empty)');
    await panel.close();
  });
});
