/**
 * The core browser tests again in Firefox (Debian's firefox-esr, the built .output/firefox-mv2,
 * puppeteer-core over WebDriver BiDi): a webmail (Gmail) and a messaging (WhatsApp) fixture and
 * Proton's iframes, served at their real addresses, carry the scan results the engine gives in
 * Node, with highlights registered; the popup's paste check gives the engine's findings; the
 * locker's export button produces a zip whose SHA256SUMS hold; the pages under test ask for
 * nothing but their fixture.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Window } from 'happy-dom';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine/bundled';
import { adapterSource } from '../../src/extension/adapter-source';
import { extractText } from '../../src/page/text-map';
import { adapterModules } from '../../src/sites/registry';
import { ROOT, launchFirefox, type FirefoxSession } from './browser';

const engine = getEngine();
const EN = 'This is a debt collector. Pay the overdue balance today or we will have you arrested, you deadbeat.';

function fixtureOf(site: string) {
  const m = adapterModules.find((x) => x.adapter.id === site)!;
  const fixture = m.fixtures.find((f) => f.layout === 'thread')!;
  return { adapter: m.adapter, fixture, html: readFileSync(join(ROOT, 'src/sites', site, 'fixtures', fixture.file), 'utf8') };
}

/** Findings per message, from the code the content script runs, on happy-dom. */
async function expectedCounts(site: string): Promise<number[]> {
  const { adapter, fixture, html } = fixtureOf(site);
  const window = new Window({ url: fixture.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  const source = adapterSource(adapter);
  const out: number[] = [];
  for (const root of source.findMessages(window.document as unknown as Document)) {
    const info = source.info(root);
    if (!info) continue;
    out.push(engine.analyze(extractText(info.body).text, { context: { direction: info.direction === 'outgoing' ? 'outgoing' : 'incoming' }, uiLang: 'en' }).findings.length);
  }
  await window.happyDOM.close();
  return out;
}

/** Highlight ranges in the page and in its same-origin iframes, and in the top document alone. */
const highlights = (page: Page) =>
  page.evaluate(() => {
    const count = (w: { CSS: typeof CSS }) => ['threat', 'privacy', 'abuse', 'deception', 'harassment', 'unfair'].reduce((n, c) => n + (w.CSS.highlights?.get(`dunwatch-${c}`)?.size ?? 0), 0);
    const frames = [...document.querySelectorAll('iframe')].map((f) => f.contentWindow as unknown as { CSS: typeof CSS } | null).filter((w): w is { CSS: typeof CSS } => Boolean(w?.CSS));
    return { top: count(window), all: count(window) + frames.reduce((n, w) => n + count(w), 0) };
  });

let s: FirefoxSession;

/** The stats of the tab report whose URL is `url`, read from an extension page (storage.session is closed to content scripts). */
async function reportedStats(url: string): Promise<{ messages: number; flagged: number; findings: number } | undefined> {
  const ext = await s.openExtensionPage('popup.html');
  try {
    return await ext.evaluate(async (u: string) => {
      const b = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, { url?: string; stats?: { messages: number; flagged: number; findings: number } }>> } } } }).browser;
      const all = await b.storage.session.get(null);
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab-') && v.url === u);
      return hit?.[1].stats;
    }, url);
  } finally {
    await ext.close();
  }
}
beforeAll(async () => {
  s = await launchFirefox();
});
afterAll(async () => {
  await s?.close();
});

describe('Firefox: sites', () => {
  for (const site of ['gmail', 'whatsapp', 'proton-mail']) {
    it(`${site}: every message carries the engine's scan result, highlights are registered`, async () => {
      const expected = await expectedCounts(site);
      expect(expected.some((n) => n > 0)).toBe(true);
      const { fixture, html } = fixtureOf(site);
      const page = await s.newPage({ [fixture.url]: html });
      try {
        await page.goto(fixture.url);
        // the page carries no Dunwatch state a site could read: compare what the extension reports for the tab
        const want = { messages: expected.length, flagged: expected.filter((n) => n > 0).length, findings: expected.reduce((a, b) => a + b, 0) };
        await expect.poll(async () => (await reportedStats(fixture.url)) ?? null, { timeout: 20_000 }).toMatchObject(want);
        await expect.poll(async () => (await highlights(page)).all, { timeout: 10_000 }).toBeGreaterThan(0);
        // Proton's bodies are in iframes: their ranges live in the iframes' registries, where they are painted
        if (site === 'proton-mail') expect((await highlights(page)).top).toBe(0);
      } finally {
        await page.close();
      }
    });
  }
});

describe('Firefox: popup and locker', () => {
  it("the popup's paste check gives the engine's findings", async () => {
    const expected = engine.analyze(EN, { jurisdiction: 'us', uiLang: 'en', context: { collection: true } }).findings.map((f) => f.title);
    const page = await s.openExtensionPage('popup.html');
    await page.select('#jurisdiction', 'us');
    await page.type('#message', EN);
    await page.waitForFunction(() => (document.getElementById('summary')?.textContent ?? '') !== '', { timeout: 10_000 });
    expect(await page.$$eval('#findings li.finding h3', (hs) => hs.map((h) => h.textContent ?? ''))).toEqual(expected);
    expect(await page.$eval('#marked', (m) => m.textContent)).toBe(EN);
    // save it as evidence for the export below
    await page.click('[data-testid="save-pasted"] button[type="submit"]');
    await page.waitForSelector('[data-testid="save-pasted"] [role="status"][data-state="saved"]', { timeout: 15_000 });
    await page.close();
  });

  it("the locker's export button gives a zip whose SHA256SUMS hold and that holds the saved message", async () => {
    const page = await s.openExtensionPage('locker.html');
    await page.waitForSelector('[data-record-id]', { timeout: 15_000 });
    // keep the zip the page hands to the download, instead of a download Firefox would ask about
    await page.evaluate(() => {
      const w = window as unknown as { __zips: Blob[] };
      w.__zips = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => (b instanceof Blob && w.__zips.push(b), create(b));
      HTMLAnchorElement.prototype.click = function () {};
    });
    await page.click('[data-testid="export"]');
    await page.waitForFunction(() => (window as unknown as { __zips: Blob[] }).__zips.length > 0, { timeout: 20_000 });
    const b64 = await page.evaluate(async () => {
      const bytes = new Uint8Array(await (window as unknown as { __zips: Blob[] }).__zips[0]!.arrayBuffer());
      let bin = '';
      for (const x of bytes) bin += String.fromCharCode(x);
      return btoa(bin);
    });
    const files = unzipSync(new Uint8Array(Buffer.from(b64, 'base64')));
    const sums = strFromU8(files['SHA256SUMS']!).trim().split('\n');
    expect(sums.length).toBeGreaterThan(2);
    for (const line of sums) {
      const [hash, name] = line.split(/\s+\*?/);
      expect(files[name!], name).toBeDefined();
      expect(createHash('sha256').update(files[name!]!).digest('hex'), name).toBe(hash);
    }
    expect(strFromU8(files['evidence.json']!)).toContain('we will have you arrested');
    await page.close();
  });

  it('the pages under test asked for nothing but the served fixtures (the extension added no request to them)', () => {
    // Firefox itself asks each site for /favicon.ico (aborted here like everything not served)
    const outside = s.requests.filter((r) => !r.startsWith('moz-extension://') && !r.startsWith('about:') && !r.startsWith('data:') && new URL(r).pathname !== '/favicon.ico');
    expect(outside.length).toBeGreaterThanOrEqual(3);
    const fixtures = ['gmail', 'whatsapp', 'proton-mail'].map((x) => new URL(fixtureOf(x).fixture.url));
    expect(outside.filter((r) => !fixtures.some((f) => new URL(r).origin === f.origin && new URL(r).pathname === f.pathname))).toEqual([]);
  });
});
