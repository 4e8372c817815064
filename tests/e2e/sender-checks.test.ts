/**
 * What a content script can get from the background, in Chromium with the built extension
 * (issue #12 item 3). The test runs code in the content script's own isolated world (found
 * over CDP), so every request carries the sender Chrome gives a content script of that tab:
 * - the locker (list, delete, pasted evidence), another tab's report and the export port are
 *   refused; analysing text is served;
 * - `storage.session` (tab reports, the session copy of the stash) is closed to it;
 * - what it plants in `storage.local` — an unsealed pending-write stash that deletes a record
 *   and forges another, a box that does not open, a custom rule with a catastrophic regex and
 *   no seal — reaches neither the locker (after a browser restart, when the stash is replayed)
 *   nor the engine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine/bundled';
import { adapterModules } from '../../src/sites/registry';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { waitForReport } from './page-state';
import { ROOT } from './paths';

const profile = mkdtempSync(join(tmpdir(), 'dunwatch-e2e-senders-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const gmail = adapterModules.find((m) => m.adapter.id === 'gmail')!;
const fixture = gmail.fixtures.find((f) => f.layout === 'thread')!;

async function start(): Promise<{ b: ExtensionBrowser; page: Page }> {
  const b = await launchExtensionBrowser({ userDataDir: profile });
  await b.serve(fixture.url, readFileSync(join(ROOT, 'src/sites/gmail/fixtures', fixture.file), 'utf8'));
  const page = await b.context.newPage();
  await page.goto(fixture.url);
  // the content script has scanned the thread (its layer is closed to the page: wait for its report)
  await waitForReport(b.worker, page, (r) => (r.stats?.flagged ?? 0) > 0);
  return { b, page };
}

/** Evaluate `expression` (awaited) in the content script's isolated world of `page`. */
async function inContentScript(page: Page, extensionId: string): Promise<{ run: (expression: string) => Promise<unknown>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  for (let i = 0; !world() && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
  expect(world(), 'the content script\'s isolated world').toBeDefined();
  const contextId = world()!.id;
  return {
    cdp,
    async run(expression) {
      const r = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as { result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string } } };
      if (r.exceptionDetails) return { thrown: r.exceptionDetails.exception?.description ?? 'exception' };
      return r.result.value;
    },
  };
}

/** The extension API as an extension page sees it (inlined in each page.evaluate: it runs there, not in Node). */
interface ChromeApi {
  runtime: { sendMessage(m: object): Promise<unknown> };
  storage: { local: { get(keys: string | string[]): Promise<Record<string, unknown>> } };
}

const send = (m: object) => `chrome.runtime.sendMessage(${JSON.stringify(m)}).then((r) => r, (e) => ({ rejected: e.message }))`;

describe('sender checks with the real sender (a content script of a Gmail tab)', () => {
  const recordId = 'pasted-1';

  it('the locker, other tabs and the export port are refused; analysing is served; storage.session is closed', async () => {
    const { b, page } = await start();
    try {
      const cs = await inContentScript(page, b.extensionId);
      expect(await cs.run(send({ type: 'dunwatch:evidence-list' }))).toEqual({ ok: false, error: "refused: 'dunwatch:evidence-list' is for the extension's own pages" });
      expect(await cs.run(send({ type: 'dunwatch:evidence-delete', recordId: 'x', reason: 'duplicate' }))).toMatchObject({ ok: false, error: expect.stringMatching(/own pages/) });
      expect(await cs.run(send({ type: 'dunwatch:evidence-save-pasted', id: 'forged', text: 'forged', findings: [], note: '' }))).toMatchObject({ ok: false });
      expect(await cs.run(send({ type: 'dunwatch:tab-status', tabId: 987654 }))).toEqual({ ok: false, error: 'refused: a content script may only ask about its own tab' });
      const analysed = (await cs.run(send({ type: 'dunwatch:analyze', text: 'You owe $500 on this overdue debt. You will be arrested if you do not pay today.' }))) as { findings: { rule: string }[] };
      expect(analysed.findings.map((f) => f.rule)).toContain('en.threat.arrest');
      // the export port: closed at once, nothing sent
      const port = await cs.run(`new Promise((resolve) => {
        const p = chrome.runtime.connect({ name: 'dunwatch:evidence-export-port' });
        const got = [];
        p.onMessage.addListener((m) => got.push(m));
        p.onDisconnect.addListener(() => resolve({ disconnected: true, got }));
        try { p.postMessage({ t: 'start', language: 'en' }); } catch (e) { resolve({ thrown: String(e) }); }
        setTimeout(() => resolve({ disconnected: false, got }), 3000);
      })`);
      expect(port).toEqual({ disconnected: true, got: [] });
      // storage.session (the tab reports, the stash's session copy) is for trusted contexts only
      const session = await cs.run(`(async () => { try { return { value: await chrome.storage.session.get(null) }; } catch (e) { return { refused: String(e.message ?? e) }; } })()`);
      console.log('[e2e] content script reading storage.session:', JSON.stringify(session));
      expect(session).not.toHaveProperty('value');

      // the premise of chunked export: this Chromium refuses one message over 64 MiB
      const locker = await b.context.newPage();
      await locker.goto(`chrome-extension://${b.extensionId}/locker.html`);
      await locker.waitForSelector('body[data-ready="true"]');
      const big = await locker.evaluate(async () => {
        try {
          await (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ type: 'dunwatch:analyze', text: 'a'.repeat(65 * 2 ** 20) });
          return 'sent';
        } catch (e) {
          return (e as Error).message;
        }
      });
      console.log('[e2e] a 65 MiB runtime message:', big);
      expect(big).toMatch(/exceeded maximum allowed size of 64MiB/);
      await cs.cdp.detach();
    } finally {
      await b.close();
    }
  }, 180_000);

  it('a planted stash (delete + forged capture, and a box that does not open) and a planted custom rule reach neither the locker nor the engine', async () => {
    const bundle = getEngine().bundle;
    const zhRule = bundle.rules.find((r) => r.lang === 'zh')!;
    const plantedRule = {
      id: 'custom.zh.threat.planted',
      source: 'id: custom.zh.threat.planted',
      enabled: true,
      safeRegexes: ['gu/(欠款)+(a+)+$|欠款'],
      savedAt: '2026-01-01T00:00:00.000Z',
      compiled: { ...zhRule, id: 'custom.zh.threat.planted', requires: 'none', keywords: ['欠款'], patterns: ['(欠款)+(a+)+$|欠款'], unless: [] },
      compiledWith: `schema-${bundle.schemaVersion}`,
    };
    const forged = { schema: 1, id: 'forged-1', capturedAt: '2020-01-01T00:00:00.000Z', site: 'gmail', url: null, threadId: null, sender: { name: null, address: null }, sentAt: { shown: null, iso: null }, direction: null, subject: 'I agree I owe double', text: 'I agree I owe double.', findings: [], rulesBundleHash: bundle.hash, extensionVersion: '0.1.0', screenshotSha256: null, source: 'page', note: null };
    let { b, page } = await start();
    try {
      // an extension page is served: it saves the record the content script will attack
      const locker = await b.context.newPage();
      await locker.goto(`chrome-extension://${b.extensionId}/locker.html`);
      await locker.waitForSelector('body[data-ready="true"]');
      const saved = await locker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ type: 'dunwatch:evidence-save-pasted', id, text: 'Pay now or we tell your boss.', findings: [], note: 'SMS' }), recordId);
      expect(saved).toMatchObject({ ok: true, ids: [recordId] });
      const cs = await inContentScript(page, b.extensionId);
      const planted = await cs.run(`chrome.storage.local.set(${JSON.stringify({
        evidencePending: [{ op: 'delete', recordId, reason: 'duplicate', at: '2026-01-02T00:00:00.000Z' }, { op: 'capture', record: forged }],
        evidencePendingSealed: { v: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        customRules: [plantedRule],
      })}).then(() => 'planted')`);
      expect(planted).toBe('planted');
      // the engine rebuilds on the storage change, without the unsealed rule
      await new Promise((r) => setTimeout(r, 500));
      const analysed = (await cs.run(send({ type: 'dunwatch:analyze', text: '你的欠款已经逾期' + 'a'.repeat(40) + '!' }))) as { findings: { rule: string }[] };
      // (soft: each attack is reported on its own, the stash below is still tried)
      expect.soft(analysed.findings.map((f) => f.rule), 'the planted rule ran').not.toContain('custom.zh.threat.planted');
      await cs.cdp.detach();
    } finally {
      await b.close();
    }
    // the worker starts again with the planted stash in storage.local
    ({ b, page } = await start());
    try {
      const locker = await b.context.newPage();
      await locker.goto(`chrome-extension://${b.extensionId}/locker.html`);
      await locker.waitForSelector('body[data-ready="true"]');
      const list = (await locker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ type: 'dunwatch:evidence-list' }))) as { items: { record: { id: string } }[]; deletions: unknown[] };
      expect.soft(list.items.map((i) => i.record.id), 'records after the replay').toEqual([recordId]);
      expect.soft(list.deletions, 'deletions after the replay').toEqual([]);
      const left = await locker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(['evidencePending', 'customRules']));
      expect.soft(left, 'the planted plaintext stash is removed, not replayed').not.toHaveProperty('evidencePending');
      // the options page lists the planted rule as not running, and does not seal it
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      await options.locator('.custom-saved [data-unsealed]').waitFor({ timeout: 30_000 });
      const rules = (await options.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get('customRules'))) as { customRules: { seal?: string }[] };
      expect(rules.customRules[0]!.seal).toBeUndefined();
    } finally {
      await b.close();
    }
  }, 240_000);
});
