/**
 * Store screenshots (1280×800, what the Chrome Web Store and AMO take) in English and Chinese,
 * from the built extension in Chromium: the demo inbox with a card open, the popup's paste
 * check, and the welcome page. Build first (`npx wxt build`); run: npx tsx scripts/store-screenshots.ts
 * Writes docs/store/screenshots/<lang>-<n>-<what>.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, ROOT, findChromium } from '../tests/e2e/paths';

const OUT = join(ROOT, 'docs/store/screenshots');
const SAMPLE = {
  en: 'FINAL NOTICE from Northgate Recovery. Your balance of 1,480 dollars is overdue. Pay by 5pm today or a warrant will be issued for your arrest and we will contact your employer, you deadbeat.',
  'zh-CN': '你在快易贷的借款已逾期12天，欠款3,260元。今天18点前不还款，我们就把你的欠款信息发给你通讯录里的所有人，还要上门找你家人。',
};

async function shoot(lang: 'en' | 'zh-CN'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dunwatch-shots-'));
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    locale: lang,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--lang=${lang}`, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  try {
    await context.route((u) => u.protocol !== 'chrome-extension:', (r) => r.abort());
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await worker.evaluate((l) => (globalThis as unknown as { chrome: { storage: { sync: { set(o: object): Promise<void> } } } }).chrome.storage.sync.set({ uiLang: l, jurisdiction: l === 'en' ? 'us' : 'cn' }), lang);
    const page = await context.newPage();

    await page.goto(`chrome-extension://${id}/demo.html`);
    await page.waitForSelector('[data-dunwatch-state="flagged"]');
    await page.locator('[data-dunwatch-ui="host"] button.marker').first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, `${lang}-1-demo-card.png`) });

    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.waitForSelector('body[data-ready]');
    await page.fill('#message', SAMPLE[lang]);
    await page.waitForSelector('#findings li.finding');
    // the popup is 360 px wide: shown as the toolbar would, centred on a plain backdrop
    await page.addStyleTag({ content: 'html { background: #d9dde3 } body { width: 380px; margin: 16px auto; box-shadow: 0 4px 18px rgb(0 0 0 / 25%); border-radius: 8px; overflow: hidden }' });
    await page.screenshot({ path: join(OUT, `${lang}-2-popup-check.png`) });

    await page.goto(`chrome-extension://${id}/welcome.html`);
    await page.waitForSelector('body[data-ready]');
    await page.screenshot({ path: join(OUT, `${lang}-3-welcome.png`) });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
for (const lang of ['en', 'zh-CN'] as const) await shoot(lang);
console.log(`screenshots in ${OUT}`);
