/**
 * Debian's firefox-esr with the built Firefox extension (.output/firefox-mv2), driven by
 * puppeteer-core over WebDriver BiDi. The extension's internal UUID is fixed by a pref so its
 * pages have a known address; every request that is not to the extension is aborted unless a
 * fixture is served for it (request interception), and every request is logged.
 * BiDi may not navigate to moz-extension: pages, so they are opened by the extension itself:
 * the welcome page it opens on install calls browser.tabs.create.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
export const GECKO_ID = 'dunwatch@dunwatch.invalid';
export const UUID = 'b7c3d9e2-4f1a-4c6b-9d8e-0a1b2c3d4e5f';

export function findFirefox(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((c): c is string => Boolean(c && existsSync(c)));
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid>/ + path */
  url(path: string): string;
  /** every request URL a page tried */
  requests: string[];
  /** a new tab whose requests are served from `fixtures` (path match) or aborted */
  newPage(fixtures?: Record<string, string>): Promise<Page>;
  /** the welcome page the extension opened on install: an extension page to call browser.* from */
  extension: Page;
  /** an extension page (popup.html, locker.html …) in a new tab, opened by the extension */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The tab showing `url` (puppeteer's page.url() stays about:blank for tabs the extension opened:
 * ask the page itself), not one of `except`.
 */
async function pageAt(browser: Browser, url: string, except: Set<Page> = new Set()): Promise<Page> {
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    for (const page of await browser.pages()) {
      if (except.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
  }
  throw new Error(`no tab showed ${url} within 20 s`);
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'dunwatch-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // no traffic of Firefox's own
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US',
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const extension = await pageAt(browser, `moz-extension://${UUID}/welcome.html`);
  await extension.waitForSelector('body[data-ready]', { timeout: 20_000 });
  const requests: string[] = [];
  const session: FirefoxSession = {
    browser,
    url: (path) => `moz-extension://${UUID}/${path}`,
    requests,
    extension,
    async openExtensionPage(path) {
      const url = `moz-extension://${UUID}/${path}`;
      const before = new Set(await browser.pages());
      await extension.evaluate((u) => void (globalThis as unknown as { browser: { tabs: { create(o: object): Promise<unknown> } } }).browser.tabs.create({ url: u }), url);
      const page = await pageAt(browser, url, before);
      await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
      return page;
    },
    async newPage(fixtures = {}) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (r: HTTPRequest) => {
        const u = new URL(r.url());
        requests.push(r.url());
        if (u.protocol === 'moz-extension:' || u.protocol === 'about:' || u.protocol === 'data:') return void r.continue();
        const key = Object.keys(fixtures).find((f) => {
          const t = new URL(f);
          return t.origin === u.origin && t.pathname === u.pathname;
        });
        if (key) return void r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixtures[key]! });
        return void r.abort();
      });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}
