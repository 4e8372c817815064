/**
 * README screenshots: the built extension (`.output/chrome-mv3`; run `npx wxt build` first) on
 * the Gmail and WhatsApp thread fixtures, served at the sites' real URLs, with the card opened
 * on the first flagged message. Writes docs/screenshots/{gmail,whatsapp}.png (1280x900).
 *
 *   npx wxt build && npx tsx bench/screenshots.ts
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures as gmailFixtures } from '../src/sites/gmail/adapter';
import { fixtures as whatsappFixtures } from '../src/sites/whatsapp/adapter';
import type { FixtureSpec } from '../src/sites/types';
import { launchExtensionBrowser } from '../tests/e2e/browser';
import { Layer, waitForReport } from '../tests/e2e/page-state';
import { EXTENSION_DIR, ROOT } from '../tests/e2e/paths';

const OUT = join(ROOT, 'docs/screenshots');

function threadFixture(list: FixtureSpec[]): FixtureSpec {
  const f = list.find((x) => x.layout === 'thread');
  if (!f) throw new Error('no thread fixture');
  return f;
}

const shots = [
  { site: 'gmail', fixture: threadFixture(gmailFixtures) },
  { site: 'whatsapp', fixture: threadFixture(whatsappFixtures) },
];

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  const browser = await launchExtensionBrowser();
  try {
    for (const { site, fixture } of shots) {
      const html = readFileSync(join(ROOT, 'src/sites', site, 'fixtures', fixture.file), 'utf8');
      await browser.serve(fixture.url, html);
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(fixture.url);
      await waitForReport(browser.worker, page, (r) => (r.stats?.flagged ?? 0) > 0);
      // our layer is a closed shadow root: reached through the DevTools protocol, clicked with the mouse
      const layer = new Layer(page);
      await layer.waitFor('button.marker');
      await layer.click('button.marker');
      await layer.detach();
      await page.waitForTimeout(300);
      const file = join(OUT, `${site}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
