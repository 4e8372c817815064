/**
 * Every site fixture, served at the site's real URL to the built extension in Chromium:
 * each message the adapter finds carries the scan result the engine gives for its text
 * (computed here in Node with the same adapter, extraction and rules), outgoing messages are
 * never flagged, highlights are registered per category, the card opens and closes from the
 * keyboard, messages added later are picked up, and the extension makes no network request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getEngine } from '../../src/engine/bundled';
import { adapterSource } from '../../src/extension/adapter-source';
import { extractText } from '../../src/page/text-map';
import { rootSelectors } from '../../src/sites/extract';
import { adapterModules } from '../../src/sites/registry';
import type { FixtureSpec, SiteAdapter } from '../../src/sites/types';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { allHooksRenamed, highlightCount, Layer, reportOf, waitForReport, waitForScanned } from './page-state';
import { ROOT } from './paths';

interface Expected {
  direction: string;
  findings: number;
  titles: string[];
}

const engine = getEngine();
const fixtureHtml = (site: string, file: string) => readFileSync(join(ROOT, 'src/sites', site, 'fixtures', file), 'utf8');

/** What the page should show, from the same code the content script runs, on happy-dom. */
async function expectedFor(adapter: SiteAdapter, fixture: FixtureSpec): Promise<Expected[]> {
  const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(fixtureHtml(adapter.id, fixture.file));
  await window.happyDOM.waitUntilComplete();
  const doc = window.document as unknown as Document;
  const source = adapterSource(adapter);
  const out: Expected[] = [];
  for (const root of source.findMessages(doc)) {
    const info = source.info(root);
    if (!info) continue;
    const direction = info.direction === 'outgoing' ? 'outgoing' : 'incoming';
    const result = engine.analyze(extractText(info.body).text, { context: { direction }, uiLang: 'en' });
    out.push({ direction: info.direction, findings: result.findings.length, titles: result.findings.map((f) => f.title) });
  }
  await window.happyDOM.close();
  return out;
}

/** Per-message finding counts of the flagged messages, in page order, from the tab report. */
async function flaggedCounts(page: Page, expected: Expected[]): Promise<{ findings: number; direction: string }[]> {
  const total = expected.reduce((n, e) => n + e.findings, 0);
  const report = await waitForReport(browser.worker, page, (r) => r.stats?.messages === expected.length && r.stats.findings === total, 20_000).catch((e: Error) => {
    throw new Error(`${e.message}\nexpected ${expected.length} messages with ${total} findings`);
  });
  return (report.messages ?? []).filter((m) => m.findings.length).map((m) => ({ findings: m.findings.length, direction: m.direction }));
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtensionBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cases = adapterModules.flatMap((m) => m.fixtures.map((f) => [`${m.adapter.id}/${f.file}`, m.adapter, f] as const));

describe('sites in Chromium', () => {
  it.each(cases)('%s: scan results, highlights, outgoing untouched', async (_name, adapter, fixture) => {
    const expected = await expectedFor(adapter, fixture);
    expect(expected.length, 'the adapter finds messages in its fixture').toBeGreaterThan(0);
    await browser.serve(fixture.url, fixtureHtml(adapter.id, fixture.file));
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      const got = await flaggedCounts(page, expected);
      expect(got).toEqual(expected.filter((e) => e.findings).map((e) => ({ findings: e.findings, direction: e.direction })));
      expect(got.filter((g) => g.direction === 'outgoing'), 'outgoing messages are never flagged').toEqual([]);
      const total = expected.reduce((n, e) => n + e.findings, 0);
      await expect.poll(() => highlightCount(page)).toBe(total);
      // bodies inside iframes are highlighted in the iframe's own registry, where they are painted
      if (adapter.id === 'proton-mail') expect(await highlightCount(page, true), 'Proton bodies live in iframes: nothing in the top registry').toBe(0);
      // nothing on the host's DOM says what was scanned or flagged
      expect(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((a) => a.includes('dunwatch')))).toEqual([]);
      if (fixture.layout === 'thread') expect(total, 'each thread fixture holds a collection message with violations').toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('the card and the page loop (Gmail, WhatsApp)', () => {
  const pick = (site: string) => {
    const m = adapterModules.find((x) => x.adapter.id === site)!;
    return { adapter: m.adapter, fixture: m.fixtures.find((f) => f.layout === 'thread')! };
  };

  it.each([['gmail'], ['whatsapp']])('%s: the marker opens the card by keyboard; Escape returns focus', async (site) => {
    const { adapter, fixture } = pick(site);
    const expected = await expectedFor(adapter, fixture);
    await browser.serve(fixture.url, fixtureHtml(adapter.id, fixture.file));
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      await waitForScanned(browser.worker, page, expected.length);
      const layer = new Layer(page);
      await layer.waitFor('button.marker');
      expect(await page.evaluate(() => [...document.documentElement.children].every((c) => c.shadowRoot === null)), 'the page cannot open our layer').toBe(true);
      await layer.focus('button.marker');
      await page.keyboard.press('Enter');
      await layer.waitFor('[role="dialog"]');
      const flagged = expected.find((e) => e.findings > 0)!;
      const text = (await layer.text('[role="dialog"]')) ?? '';
      for (const title of flagged.titles) expect(text).toContain(title);
      expect(text).toContain('not legal advice');
      await page.keyboard.press('Escape');
      await layer.waitFor('[role="dialog"]', 'detached');
      expect(await layer.activeClass()).toBe('marker');
      // a script on the page cannot press our buttons: a synthetic click does not open the card
      await layer.eval((r) => (r.querySelector('button.marker') as HTMLElement).click());
      await page.waitForTimeout(300);
      expect(await layer.count('[role="dialog"]')).toBe(0);
      await layer.click('button.marker');
      await layer.waitFor('[role="dialog"]');
      await layer.detach();
    } finally {
      await page.close();
    }
  });

  it.each([['gmail'], ['whatsapp']])('%s: a message added later is scanned', async (site) => {
    const { adapter, fixture } = pick(site);
    const expected = await expectedFor(adapter, fixture);
    await browser.serve(fixture.url, fixtureHtml(adapter.id, fixture.file));
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      const before = await waitForScanned(browser.worker, page, expected.length);
      const flaggedIndex = expected.findIndex((e) => e.findings > 0);
      expect(flaggedIndex).toBeGreaterThanOrEqual(0);
      // the site renders another copy of the flagged message, as an SPA does when a thread grows
      await page.evaluate(
        ([selectors, i]) => {
          const css = selectors.find((c) => document.querySelector(c))!;
          const root = document.querySelectorAll(css)[i]!;
          const copy = root.cloneNode(true) as Element;
          setTimeout(() => root.parentElement!.append(copy), 300);
        },
        [rootSelectors(adapter.layouts.thread!), flaggedIndex] as [string[], number],
      );
      const after = await waitForScanned(browser.worker, page, expected.length + 1);
      expect(after.stats!.flagged).toBe(before.stats!.flagged + 1);
    } finally {
      await page.close();
    }
  });
});

describe('classic QQ Mail reads mail in a frame', () => {
  it('the reader iframe (mainFrame) is scanned and the tab reports its messages', async () => {
    const m = adapterModules.find((x) => x.adapter.id === 'qq-mail')!;
    const fixture = m.fixtures.find((f) => f.file === 'thread.html')!;
    const expected = await expectedFor(m.adapter, fixture);
    const top = 'https://mail.qq.com/cgi-bin/frame_html?sid=Xy7AbCdEfGh&r=1';
    await browser.serve(fixture.url, fixtureHtml('qq-mail', fixture.file));
    await browser.serve(top, `<!doctype html><html><head><meta charset="utf-8"><title>QQ邮箱</title></head><body><div id="leftPanel"><ul id="SysFolderList"><li>收件箱</li><li>已发送</li></ul></div><div id="mainFrameContainer"><iframe name="mainFrame" id="mainFrame" src="${fixture.url}" style="width:1000px;height:800px;border:0"></iframe></div></body></html>`);
    const page = await browser.context.newPage();
    try {
      await page.goto(top);
      const total = expected.reduce((n, e) => n + e.findings, 0);
      const report = await waitForReport(browser.worker, page, (r) => r.stats?.messages === expected.length && r.stats.findings === total);
      expect(report.reader).toBe('adapter');
      expect((report.messages ?? []).filter((x) => x.findings.length).map((x) => x.findings.length)).toEqual(expected.filter((e) => e.findings).map((e) => e.findings));
      // the highlights are registered in the frame's own document, where they are painted
      await expect.poll(() => highlightCount(page)).toBe(total);
    } finally {
      await page.close();
    }
  });
});

describe('layout drift on every site: never silent', () => {
  const threads = cases.filter(([, , f]) => f.layout === 'thread');
  const seen: string[] = [];
  afterAll(() => console.log(`[drift] every hook renamed, per fixture: reader, messages found / in the fixture, flagged\n${seen.join('\n')}`));

  it.each(threads)('%s with every class and data attribute renamed: read by its adapter or the fallback, and the collector is flagged', async (name, adapter, fixture) => {
    const html = allHooksRenamed(fixtureHtml(adapter.id, fixture.file));
    await browser.serve(fixture.url, html);
    const page = await browser.context.newPage();
    try {
      await page.goto(fixture.url);
      const report = await waitForReport(browser.worker, page, (r) => r.reader !== undefined && (r.reader === 'none' || (r.stats?.flagged ?? 0) > 0), 25_000).catch(async () => reportOf(browser.worker, page));
      seen.push(`${name}: ${report?.reader}, ${report?.stats?.messages} / ${fixture.expect.messageRoot}, ${report?.stats?.flagged} flagged`);
      expect(report?.reader, 'the page is read by something').not.toBe('none');
      expect(report?.stats?.flagged ?? 0, 'the collector\'s message is flagged').toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('privacy', () => {
  it('the extension made no network request: only the routed fixture pages were asked for', () => {
    expect(browser.served.size).toBeGreaterThan(cases.length / 2);
    const outside = browser.requests.filter((u) => {
      const url = new URL(u);
      return url.protocol !== 'chrome-extension:' && !browser.served.has(url.origin + url.pathname) && url.protocol !== 'about:' && url.protocol !== 'data:';
    });
    expect(outside).toEqual([]);
  });
});
