/**
 * The readiness check's view of the real browser: the DevTools protocol through
 * playwright-core's connectOverCDP, on the port Chromium writes to DevToolsActivePort in the
 * profile (`--remote-debugging-port=0`). Disconnecting leaves the browser running.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DemoDriver, DemoState } from './readiness';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function devToolsPort(profileDir: string, timeoutMs: number): Promise<number> {
  const file = join(profileDir, 'DevToolsActivePort');
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
    const port = existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : NaN;
    if (port > 0) return port;
  }
  throw new Error(`the browser opened no DevTools endpoint within ${Math.round(timeoutMs / 1000)} s`);
}

async function stateOf(page: Page): Promise<DemoState> {
  const counts = await page
    .evaluate(() => ({
      messages: document.querySelectorAll('#inbox article').length,
      // the demo page states what its page loop flagged (entrypoints/demo/main.ts)
      flagged: Number(document.documentElement.dataset.demoFlagged ?? 0),
    }))
    .catch(() => ({ messages: 0, flagged: 0 }));
  return { url: page.url(), title: await page.title().catch(() => ''), ...counts };
}

export class CdpDemoDriver implements DemoDriver {
  private browser: Browser | undefined;
  private page: Page | undefined;
  constructor(private readonly profileDir: string) {}

  async connect(timeoutMs: number): Promise<void> {
    const port = await devToolsPort(this.profileDir, timeoutMs);
    this.browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: timeoutMs });
  }

  async waitForExtension(timeoutMs: number): Promise<string | undefined> {
    const context = this.browser?.contexts()[0];
    if (!context) return undefined;
    const ours = (url: string) => url.startsWith('chrome-extension://') && url.endsWith('/background.js');
    let worker = context.serviceWorkers().find((w) => ours(w.url()));
    worker ??= await context.waitForEvent('serviceworker', { predicate: (w) => ours(w.url()), timeout: timeoutMs }).catch(() => undefined);
    return worker ? new URL(worker.url()).host : undefined;
  }

  async openDemo(url: string, timeoutMs: number): Promise<DemoState> {
    const context = this.browser?.contexts()[0];
    if (!context) throw new Error('no browser window');
    this.page = context.pages()[0] ?? (await context.newPage());
    await this.page.goto(url, { timeout: timeoutMs });
    await this.page.bringToFront();
    await this.page.waitForFunction(() => Number(document.documentElement.dataset.demoFlagged ?? 0) > 0, undefined, { timeout: timeoutMs }).catch(() => undefined);
    // the welcome page may have opened on install: the demo is the tab in front
    await this.page.bringToFront();
    return stateOf(this.page);
  }

  async demoState(): Promise<DemoState | undefined> {
    if (!this.page || this.page.isClosed()) return undefined;
    return stateOf(this.page);
  }

  /** the other tabs (e.g. the welcome page), for the message after a good start */
  otherTabs(): string[] {
    return (this.browser?.contexts()[0]?.pages() ?? []).filter((p) => p !== this.page).map((p) => p.url());
  }

  async disconnect(): Promise<void> {
    // over CDP, close() only drops the connection: the browser keeps running
    await this.browser?.close().catch(() => undefined);
  }
}
