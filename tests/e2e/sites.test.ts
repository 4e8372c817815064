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
import { extractText } from '../../src/page/extract';
import { adapterModules } from '../../src/sites/registry';
import type { FixtureSpec, SiteAdapter } from '../../src/sites/types';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
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

async function scanResults(page: Page, count: number): Promise<number[]> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-dunwatch-state]').length >= n, count, { timeout: 20_000 });
  return page.$$eval('[data-dunwatch-state]', (els) => els.map((e) => Number(e.getAttribute('data-dunwatch-findings'))));
}

/** Ranges registered in the page's highlight registry and in those of its same-origin iframes (Proton). */
const highlightCount = (page: Page) =>
  page.evaluate(() => {
    const wins: { CSS: typeof CSS }[] = [window];
    for (const f of document.querySelectorAll('iframe')) {
      try {
        const w = f.contentWindow as unknown as { CSS?: typeof CSS } | null;
        if (w?.CSS) wins.push(w as { CSS: typeof CSS });
      } catch {
        // cross-origin
      }
    }
    return wins.reduce((n, w) => n + ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'].reduce((m, c) => m + (w.CSS.highlights.get(`dunwatch-${c}`)?.size ?? 0), 0), 0);
  });

/** Ranges registered in the top document only: an iframe's ranges there would never be painted. */
const topHighlightCount = (page: Page) =>
  page.evaluate(() => ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'].reduce((n, c) => n + (CSS.highlights.get(`dunwatch-${c}`)?.size ?? 0), 0));

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
      const got = await scanResults(page, expected.length);
      expect(got).toEqual(expected.map((e) => e.findings));
      expected.forEach((e, i) => {
        if (e.direction === 'outgoing') expect(got[i], `outgoing message ${i} is never flagged`).toBe(0);
      });
      const total = expected.reduce((n, e) => n + e.findings, 0);
      await expect.poll(() => highlightCount(page)).toBe(total);
      // bodies inside iframes are highlighted in the iframe's own registry, where they are painted
      if (adapter.id === 'proton-mail') expect(await topHighlightCount(page), 'Proton bodies live in iframes: nothing in the top registry').toBe(0);
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
      await scanResults(page, expected.length);
      const marker = page.locator('[data-dunwatch-ui="host"] button.marker').first();
      await expect.poll(() => marker.count()).toBeGreaterThan(0);
      await marker.focus();
      await page.keyboard.press('Enter');
      const card = page.locator('[data-dunwatch-ui="host"] [role="dialog"]');
      await card.waitFor({ state: 'visible' });
      const flagged = expected.find((e) => e.findings > 0)!;
      const text = await card.innerText();
      for (const title of flagged.titles) expect(text).toContain(title);
      expect(text).toContain('not legal advice');
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'detached' });
      const focused = await page.evaluate(() => document.querySelector('[data-dunwatch-ui="host"]')?.shadowRoot?.activeElement?.className);
      expect(focused).toBe('marker');
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
      const before = await scanResults(page, expected.length);
      const flaggedIndex = before.findIndex((n) => n > 0);
      expect(flaggedIndex).toBeGreaterThanOrEqual(0);
      // the site renders another copy of the flagged message, as an SPA does when a thread grows
      await page.evaluate((i) => {
        const root = document.querySelectorAll('[data-dunwatch-state]')[i]!;
        const copy = root.cloneNode(true) as Element;
        copy.removeAttribute('data-dunwatch-state');
        copy.removeAttribute('data-dunwatch-findings');
        setTimeout(() => root.parentElement!.append(copy), 300);
      }, flaggedIndex);
      const after = await scanResults(page, expected.length + 1);
      expect(after.filter((n) => n > 0).length).toBe(before.filter((n) => n > 0).length + 1);
    } finally {
      await page.close();
    }
  });
});

describe('privacy', () => {
  it('the extension made no network request: only the routed fixture pages were asked for', () => {
    const fixtureUrls = new Set(cases.map(([, , f]) => new URL(f.url).origin + new URL(f.url).pathname));
    const outside = browser.requests.filter((u) => {
      const url = new URL(u);
      return url.protocol !== 'chrome-extension:' && !fixtureUrls.has(url.origin + url.pathname) && url.protocol !== 'about:' && url.protocol !== 'data:';
    });
    expect(outside).toEqual([]);
  });
});
