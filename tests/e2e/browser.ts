/**
 * One Chromium with the built extension, shared by a test file: every request that is not to
 * the extension is aborted unless a fixture is routed for it, and every request is logged so a
 * test can assert the extension made none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { EXTENSION_DIR, findChromium } from './paths';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** the welcome page the extension opened on install (closed again unless `keepWelcome`) */
  welcome: Page;
  /** every request URL the browser tried, in order */
  requests: string[];
  /** serve `html` at `url` (path match, query and hash ignored) */
  serve(url: string, html: string): Promise<void>;
  /** origin + path of every page served so far */
  served: Set<string>;
  close(): Promise<void>;
}

/** A fresh profile, removed on close; or `opts.userDataDir` (kept, to restart on it). `keepWelcome`: leave the install tab open. */
export async function launchExtensionBrowser(opts: { userDataDir?: string; keepWelcome?: boolean } = {}): Promise<ExtensionBrowser> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'dunwatch-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND',
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const requests: string[] = [];
  const served = new Set<string>();
  context.on('request', (r) => requests.push(r.url()));
  // everything that is not the extension itself is refused, unless a fixture route below serves it
  await context.route((url) => url.protocol !== 'chrome-extension:', (route) => route.abort());
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // a first install opens the welcome page: tests start without it (it would be the active tab)
  const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
  const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
  if (!opts.keepWelcome) await welcome.close();
  return {
    context,
    worker,
    extensionId,
    welcome,
    requests,
    served,
    async serve(url, html) {
      const target = new URL(url);
      served.add(target.origin + target.pathname);
      await context.route(
        (u) => u.origin === target.origin && u.pathname === target.pathname,
        (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
    },
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
