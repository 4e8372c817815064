/**
 * The evidence locker with the built extension in Chromium (issue #5 item 8): save messages
 * from the Gmail and WhatsApp fixtures (card button, marker button, whole thread, the
 * context-menu path), restart the browser on the same profile and find them still there,
 * export, unzip and run `sha256sum -c SHA256SUMS`, then import the bundle into a fresh
 * profile and see the same records.
 *
 * Screenshots: `tabs.captureVisibleTab` needs activeTab (or <all_urls>); site access from
 * content-script matches is not enough, and a click on a button the content script drew does
 * not grant it. A click on the toolbar button does, for that tab until it navigates: the
 * Gmail capture first "clicks" the toolbar button (CDP Extensions.triggerAction) and gets a
 * screenshot cropped to the message; the WhatsApp captures do not, are saved without one,
 * and the page says why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, verifyBundle } from '../../src/evidence/bundle';
import { sha256Hex } from '../../src/evidence/canonical';
import { fakePng, sampleRecords } from '../../src/evidence/fixtures';
import { Ledger } from '../../src/evidence/ledger';
import { generateInstallKey } from '../../src/evidence/signing';
import { adapterModules } from '../../src/sites/registry';
import { Layer, waitForReport } from './page-state';
import { EXTENSION_DIR, ROOT, findChromium } from './paths';

interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Like browser.ts, but on a profile directory we choose (to restart on the same one). */
async function launch(userDataDir: string): Promise<Session> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND',
      // lets the test press the toolbar button (Extensions.triggerAction), which grants activeTab
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  await context.route((url) => url.protocol !== 'chrome-extension:', (route) => route.abort());
  for (const site of ['gmail', 'whatsapp']) {
    const { fixture } = pick(site);
    const target = new URL(fixture.url);
    const html = readFileSync(join(ROOT, 'src/sites', site, 'fixtures', fixture.file), 'utf8');
    await context.route((u) => u.origin === target.origin && u.pathname === target.pathname, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
  // a first install opens the welcome page: close it, so the page under test is the active tab
  const closeWelcome = (p: Page) => void p.waitForURL(/\/welcome\.html$/, { timeout: 15_000 }).then(() => p.close(), () => undefined);
  context.pages().forEach(closeWelcome);
  context.on('page', closeWelcome);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return { context, worker, extensionId: new URL(worker.url()).host };
}

function pick(site: string) {
  const m = adapterModules.find((x) => x.adapter.id === site)!;
  return { adapter: m.adapter, fixture: m.fixtures.find((f) => f.layout === 'thread')! };
}

/** What a click on the Dunwatch toolbar button does for permissions: activeTab for this tab. */
async function pressToolbarButton(s: Session, page: Page): Promise<void> {
  const cdp = await s.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets' as never, { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; url: string }[] };
  const tab = targetInfos.find((t) => t.url === page.url());
  expect(tab, 'the tab target of the page').toBeDefined();
  await cdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: tab!.targetId } as never);
  await cdp.detach();
}

/** The in-page notice's text ('' when none), read in our closed layer. */
const notice = async (page: Page) => {
  const layer = new Layer(page);
  try {
    return (await layer.text('.notice')) ?? '';
  } finally {
    await layer.detach();
  }
};
/** A real click on a control in our closed layer. */
const press = async (page: Page, selector: string) => {
  const layer = new Layer(page);
  try {
    await layer.waitFor(selector);
    await layer.click(selector);
  } finally {
    await layer.detach();
  }
};

async function openFixture(s: Session, site: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(pick(site).fixture.url);
  const layer = new Layer(page);
  await layer.waitFor('button.marker');
  await layer.detach();
  return page;
}

async function openLocker(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/locker.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function lockerRecords(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval('[data-record-id]', (els) => els.map((e) => ({ id: e.getAttribute('data-record-id')!, text: (e as HTMLElement).innerText })));
}

describe('evidence locker in Chromium', () => {
  const profile = tempDir('dunwatch-e2e-evidence-');
  const saved: { id: string; text: string }[] = [];
  let zipPath = '';

  it('saves from the Gmail card (with a cropped screenshot after the toolbar button) and the WhatsApp marker, thread and context menu (without, saying why)', async () => {
    const s = await launch(profile);
    try {
      // Gmail: the toolbar button was pressed on this tab (activeTab), then the card's "Save as evidence"
      const gmail = await openFixture(s, 'gmail');
      await pressToolbarButton(s, gmail);
      await gmail.bringToFront();
      // the first flagged Gmail message is the collector's (the first message root of the fixture)
      const flaggedBox = (await gmail.locator('div[data-message-id]').first().boundingBox())!;
      await press(gmail, 'button.marker');
      await press(gmail, '[role="dialog"] button.save-message');
      await expect.poll(() => notice(gmail), { timeout: 40_000 }).toBe('Saved to the evidence locker.');

      // WhatsApp: the save button beside the marker (one message), then "Save whole thread" from the card
      const wa = await openFixture(s, 'whatsapp');
      await wa.bringToFront(); // the tab shown (captureVisibleTab takes the window's shown tab; the background checks it is the sender's)
      await press(wa, 'button.save');
      await expect.poll(() => notice(wa), { timeout: 40_000 }).toMatch(/^Saved to the evidence locker\./);
      const messages = (await waitForReport(s.worker, wa, (r) => r.status === 'ok')).stats!.messages;
      await press(wa, 'button.marker');
      await press(wa, '[role="dialog"] button.save-thread');
      await expect.poll(() => notice(wa), { timeout: 40_000 }).toContain(`${messages} messages saved`);

      // the context-menu path: a right-click on a message, then the background's command (what the menu item sends)
      // the collector's first WhatsApp message (the fixture's first message root) is flagged
      const flagged = wa.locator('#main div[data-id]').first();
      await flagged.dispatchEvent('contextmenu');
      // (without the "tabs" permission the worker cannot read tab URLs: send to every tab; only
      // the one that saw the right-click has a target)
      const sentTo = await s.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
        const out: string[] = [];
        for (const tab of await c.tabs.query({})) out.push(String(await c.tabs.sendMessage(tab.id, { type: 'dunwatch:evidence-context-save' }).then(() => 'ok', (e: Error) => e.message)));
        return out;
      });
      expect(sentTo, 'the content script of the right-clicked tab took the command').toContain('ok');
      // (no activeTab on this tab: which refusal headless Chromium gives for a tab that is not in front varies)
      await expect.poll(() => notice(wa), { timeout: 40_000 }).toMatch(/^Saved to the evidence locker\. Saved without a screenshot/);

      const locker = await openLocker(s);
      await expect.poll(async () => (await lockerRecords(locker)).length).toBe(1 + 1 + messages + 1);
      saved.push(...(await lockerRecords(locker)));
      const all = saved.map((r) => r.text).join('\n');
      expect(all).toContain('gmail');
      expect(all).toContain('whatsapp');
      expect(all, 'the whole thread includes the reader\'s own replies').toContain('your reply');
      // the Gmail record: fields, its screenshot cropped to the message, flagged spans as <mark>
      await locker.locator(`[data-record-id="${saved[0]!.id}"] button`).click();
      const view = locker.locator('[data-testid="record-view"]');
      await expect.poll(() => view.innerText()).toContain('Record hash');
      const img = view.locator('[data-testid="screenshot"]');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
      const size = await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight, i.src.slice(0, 5)]);
      expect(size[2]).toBe('blob:');
      expect(Math.abs((size[0] as number) - flaggedBox.width), 'cropped to the message width').toBeLessThanOrEqual(2);
      expect(Math.abs((size[1] as number) - flaggedBox.height), 'cropped to the message height').toBeLessThanOrEqual(2);
      expect(await view.locator('[data-testid="record-text"] mark').count()).toBeGreaterThan(0);
      // a WhatsApp record: no screenshot, and why
      await locker.locator('.locker-record button').first().click();
      await locker.locator(`[data-record-id="${saved[1]!.id}"] button`).click();
      expect(await locker.locator('[data-testid="no-screenshot"]').innerText()).toMatch(/right-click/);
    } finally {
      await s.context.close();
    }
  }, 240_000);

  it('after a browser restart on the same profile the records are still there, the chain verifies, and the export passes sha256sum -c', async () => {
    expect(saved.length).toBeGreaterThan(2);
    const s = await launch(profile);
    try {
      const locker = await openLocker(s);
      await expect.poll(async () => (await lockerRecords(locker)).map((r) => r.id), { timeout: 40_000 }).toEqual(saved.map((r) => r.id));
      await locker.click('[data-testid="verify"]');
      await expect.poll(() => locker.locator('[data-testid="verify-result"]').innerText()).toContain(`The chain verifies: ${saved.length} entries`);

      const [download] = await Promise.all([locker.waitForEvent('download'), locker.click('[data-testid="export"]')]);
      expect(download.suggestedFilename()).toMatch(/^dunwatch-evidence-\d{8}-\d{6}\.zip$/);
      const out = tempDir('dunwatch-e2e-export-');
      zipPath = join(out, download.suggestedFilename());
      await download.saveAs(zipPath);
      const unzipped = join(out, 'bundle');
      execFileSync('unzip', ['-q', zipPath, '-d', unzipped]);
      expect(readdirSync(unzipped).sort()).toEqual(['SHA256SUMS', 'VERIFY.txt', 'evidence.csv', 'evidence.json', 'report.html', 'screenshots', 'signature.json']);
      expect(readdirSync(join(unzipped, 'screenshots'))).toEqual([`${saved[0]!.id}.png`]);
      // the command an advocate runs; throws (non-zero exit) if any file fails
      const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: unzipped, encoding: 'utf8' });
      expect(check.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
      expect(check).toContain(`screenshots/${saved[0]!.id}.png: OK`);
      const evidence = JSON.parse(readFileSync(join(unzipped, 'evidence.json'), 'utf8')) as { entries: { kind: string; payload: { site: string; screenshotSha256: string | null } }[] };
      expect(new Set(evidence.entries.map((e) => e.payload.site))).toEqual(new Set(['gmail', 'whatsapp']));
      expect(evidence.entries.every((e) => e.kind === 'capture')).toBe(true);
      expect(evidence.entries.filter((e) => e.payload.screenshotSha256 !== null).map((e) => e.payload.site)).toEqual(['gmail']);
    } finally {
      await s.context.close();
    }
  }, 180_000);

  it('imports the bundle into a fresh profile (verified and previewed first, marked imported); a tampered copy is refused and changes nothing', async () => {
    expect(zipPath).not.toBe('');
    const s = await launch(tempDir('dunwatch-e2e-fresh-'));
    try {
      const locker = await openLocker(s);
      await locker.waitForSelector('[data-testid="empty"]');
      const bytes = readFileSync(zipPath);
      const bad = Buffer.from(bytes);
      bad[Math.floor(bad.length / 3)]! ^= 0x01;
      await locker.setInputFiles('[data-testid="import"]', { name: 'tampered.zip', mimeType: 'application/zip', buffer: bad });
      await expect.poll(() => locker.locator('[data-testid="import-result"]').innerText()).toContain('refused and nothing was changed');
      expect(await lockerRecords(locker)).toEqual([]);

      await locker.setInputFiles('[data-testid="import"]', { name: 'bundle.zip', mimeType: 'application/zip', buffer: bytes });
      // a preview first: whose key signed it (another profile's: unknown here), what it would add; nothing imported yet
      await locker.waitForSelector('[data-testid="import-preview"]');
      expect(await locker.locator('[data-testid="import-fingerprint"]').getAttribute('data-fingerprint')).toMatch(/^[0-9a-f]{64}$/);
      expect(await locker.locator('[data-testid="import-key"]').getAttribute('data-key-kind')).toBe('unknown');
      expect(await lockerRecords(locker)).toEqual([]);
      await locker.click('[data-testid="import-proceed"]');
      await expect.poll(() => locker.locator('[data-testid="import-result"]').innerText()).toContain(`Imported after verification: ${saved.length} record(s) added (${saved.length} entries), 0 already here.`);
      await expect.poll(async () => (await lockerRecords(locker)).map((r) => r.id)).toEqual(saved.map((r) => r.id));
      expect(await locker.locator('[data-testid="imported-mark"]').count()).toBe(saved.length);
    } finally {
      await s.context.close();
    }
  }, 180_000);
});

/**
 * A locker bigger than one runtime message may be (Chrome refuses a message over 64 MiB): a
 * bundle of 72 records with 1 MiB screenshots each (incompressible, as real PNGs are) is
 * imported into a fresh profile through the locker page, exported again from the browser, and
 * the export is imported into a second fresh profile. Both directions go over ports in 8 MiB
 * chunks. Also: the locker page asks for persistent storage itself and shows what
 * `navigator.storage.persisted()` says, and the manifest has unlimitedStorage.
 */
describe('a locker over 64 MiB', () => {
  const RECORDS = 72;
  const SHOT = 2 ** 20;
  let bigZip = '';
  let exported = '';

  it('is made outside the browser: 72 records with 1 MiB screenshots, a bundle over 64 MiB that verifies', async () => {
    const { records: shapes } = await sampleRecords();
    const ledger = new Ledger();
    const shots = new Map<string, Uint8Array>();
    for (let i = 0; i < RECORDS; i++) {
      const base = shapes[i % 2 === 0 ? 0 : 2]!; // the Gmail and WhatsApp shapes (both have screenshots)
      const id = `big-${String(i).padStart(3, '0')}`;
      const png = fakePng(i + 1, SHOT);
      shots.set(id, png);
      await ledger.capture({ ...base, id, capturedAt: new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 60_000).toISOString(), screenshotSha256: await sha256Hex(png) });
    }
    const zip = await exportBundle(ledger.entries, shots, { exportedAt: '2026-03-02T00:00:00.000Z', softwareVersion: 'dunwatch test', language: 'en', keyPair: await generateInstallKey() });
    expect(zip.length).toBeGreaterThan(64 * 2 ** 20);
    bigZip = join(tempDir('dunwatch-e2e-big-'), 'big.zip');
    writeFileSync(bigZip, zip);
  }, 120_000);

  it('imports into a fresh profile, exports from the browser (the locker page asks for persistent storage and shows it), and the export re-imports into another fresh profile', async () => {
    expect(bigZip).not.toBe('');
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions: string[] };
    expect(manifest.permissions).toContain('unlimitedStorage');
    const s = await launch(tempDir('dunwatch-e2e-big-a-'));
    try {
      const locker = await openLocker(s);
      // what the page shows is what the browser says, asked from the page (workers have no persist())
      const shown = await locker.locator('[data-testid="persistence"]').getAttribute('data-persisted', { timeout: 20_000 });
      const actual = await locker.evaluate(() => navigator.storage.persisted());
      expect(shown).toBe(String(actual));
      console.log(`[e2e] Chromium with unlimitedStorage: navigator.storage.persisted() = ${actual}`);

      let t0 = Date.now();
      await locker.setInputFiles('[data-testid="import"]', bigZip);
      // two steps over one upload: the preview (sent once, in chunks), then "Import" on the same bytes
      await expect.poll(() => locker.locator('[data-testid="import-preview"]').innerText(), { timeout: 180_000 }).toContain(`Would add ${RECORDS} record(s) (${RECORDS} entries); 0 already here.`);
      await locker.click('[data-testid="import-proceed"]');
      await expect.poll(() => locker.locator('[data-testid="import-result"]').innerText(), { timeout: 180_000 }).toContain(`Imported after verification: ${RECORDS} record(s) added (${RECORDS} entries), 0 already here.`);
      const importMs = Date.now() - t0;
      await expect.poll(async () => (await lockerRecords(locker)).length, { timeout: 60_000 }).toBe(RECORDS);

      t0 = Date.now();
      const [download] = await Promise.all([locker.waitForEvent('download', { timeout: 180_000 }), locker.click('[data-testid="export"]')]);
      exported = join(tempDir('dunwatch-e2e-big-export-'), download.suggestedFilename());
      await download.saveAs(exported);
      const exportMs = Date.now() - t0;
      const size = statSync(exported).size;
      console.log(`[e2e] ${RECORDS} records, ${(statSync(bigZip).size / 2 ** 20).toFixed(1)} MiB bundle: import ${importMs} ms, export ${exportMs} ms (${(size / 2 ** 20).toFixed(1)} MiB)`);
      expect(size).toBeGreaterThan(64 * 2 ** 20);
      const v = await verifyBundle(new Uint8Array(readFileSync(exported)));
      expect(v.problems).toEqual([]);
      expect(v.screenshots.size).toBe(RECORDS);
    } finally {
      await s.context.close();
    }

    const again = await launch(tempDir('dunwatch-e2e-big-b-'));
    try {
      const locker = await openLocker(again);
      await locker.waitForSelector('[data-testid="empty"]');
      await locker.setInputFiles('[data-testid="import"]', exported);
      // the browser's export carries the first import's entry too (where those records came from): one entry more
      await expect.poll(() => locker.locator('[data-testid="import-preview"]').innerText(), { timeout: 180_000 }).toContain(`Would add ${RECORDS} record(s) (${RECORDS + 1} entries); 0 already here.`);
      await locker.click('[data-testid="import-proceed"]');
      await expect.poll(() => locker.locator('[data-testid="import-result"]').innerText(), { timeout: 180_000 }).toContain(`Imported after verification: ${RECORDS} record(s) added (${RECORDS + 1} entries), 0 already here.`);
      await expect.poll(async () => (await lockerRecords(locker)).length, { timeout: 60_000 }).toBe(RECORDS);
      // one record's screenshot, read back through the background, is the full 1 MiB picture
      await locker.locator('[data-record-id="big-071"] button').click();
      const img = locker.locator('[data-testid="record-view"] [data-testid="screenshot"]');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.src.startsWith('blob:'))).toBe(true);
      const bytes = await img.evaluate(async (i: HTMLImageElement) => (await (await fetch(i.src)).arrayBuffer()).byteLength);
      expect(bytes).toBe(SHOT);
    } finally {
      await again.context.close();
    }
  }, 600_000);
});
