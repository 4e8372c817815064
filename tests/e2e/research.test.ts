/**
 * The research page in the built extension: off by default; opt in, paste a message (checked by
 * the background's engine, redacted in the page with compromise's full tagger), the preview
 * shows placeholders next to the original, export saves a JSON Lines file through a blob
 * download that holds no personal data and reads back with the corpus label schema; axe-core
 * 0 violations in light and dark mode; no network request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readLabel } from '../../src/research/labels';
import { redact } from '../../src/research/redact';
import { SAMPLE_REDACTION, sampleProblems, type ResearchSample } from '../../src/research/sample';
import { adapterModules } from '../../src/sites/registry';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { waitForReport } from './page-state';
import { ROOT } from './paths';

// a name with no honorific or "this is" cue: only compromise's tagger finds it
const TEXT = 'We will tell your employer about this debt, and Maria Gonzalez at your office will hear it too. Call (212) 555-0147 or write to maria.g@example.com.';
const PII = ['Maria Gonzalez', '(212) 555-0147', 'maria.g@example.com'];

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchExtensionBrowser();
});
afterAll(async () => {
  await b?.close();
});

async function axe(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const r = await new AxeBuilder({ page }).analyze();
    expect(r.violations.map((v) => `${label} (${scheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('research page', () => {
  it('opt in, paste, preview with placeholders, export JSON Lines; axe 0 violations; nothing sent', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/research.html`);
    await page.waitForSelector('body[data-ready]');
    await page.waitForSelector('#research-optin:not([disabled])');
    expect(await page.isChecked('#research-optin')).toBe(false); // off by default
    expect(await page.$('#research-paste')).toBeNull();
    await axe(page, 'research (off)');

    await page.check('#research-optin');
    await page.fill('#research-paste', TEXT);
    await page.selectOption('#research-channel', 'email');
    await page.click('#research-add');
    const item = page.locator('li.research-item').first();
    await item.waitFor();

    expect(await item.locator('[data-testid=original]').textContent()).toBe(TEXT);
    const exported = (await item.locator('[data-testid=exported]').textContent()) ?? '';
    expect(exported).toBe('We will tell your employer about this debt, and [NAME] at your office will hear it too. Call [PHONE] or write to [EMAIL].');
    expect(await item.locator('[data-testid=exported] mark').count()).toBeGreaterThan(0);
    await item.locator('select').first().selectOption('correct');
    await item.locator('details summary').click();
    await axe(page, 'research (preview)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#research-export')]);
    expect(download.suggestedFilename()).toMatch(/^dunwatch-research-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const content = readFileSync((await download.path())!, 'utf8');
    for (const p of PII) expect(content).not.toContain(p);
    const lines = content.trimEnd().split('\n').map((l) => JSON.parse(l) as ResearchSample);
    expect(lines).toHaveLength(1);
    const s = lines[0]!;
    expect(sampleProblems(s)).toEqual([]);
    expect(s.text).toBe(exported);
    expect(s).toMatchObject({ channel: 'email', site: 'pasted', user_label: 'correct', lang: 'en' });
    expect(s.rules.length).toBeGreaterThan(0);
    expect(s.rules_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readLabel(s as unknown as Record<string, unknown> & { id: string })).toMatchObject({ id: s.id, is_collection: true, lawful: false, categories: s.engine_categories });
    // the flagged words still line up with the redacted text
    for (const f of s.findings) expect(s.text.slice(f.start, f.end).length).toBeGreaterThan(0);
    expect(await page.textContent('#research-status')).toContain(download.suggestedFilename());

    // turning it off deletes kept reports and hides the tools
    await page.uncheck('#research-optin');
    await page.waitForSelector('#research-paste', { state: 'detached' });
    expect(b.requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
    await page.close();
  });

  it('lists the flagged messages of an open Gmail tab (from its session report), redacted', async () => {
    const gmail = adapterModules.find((m) => m.adapter.id === 'gmail')!;
    const fixture = gmail.fixtures.find((f) => f.layout === 'thread')!;
    await b.serve(fixture.url, readFileSync(join(ROOT, 'src/sites/gmail/fixtures', fixture.file), 'utf8'));
    const mail = await b.context.newPage();
    await mail.goto(fixture.url);
    const report = await waitForReport(b.worker, mail, (r) => r.status === 'ok' && (r.stats?.flagged ?? 0) > 0);
    const flagged = report.stats!.flagged;
    expect(flagged).toBeGreaterThan(0);

    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/research.html`);
    await page.waitForSelector('#research-optin:not([disabled])');
    await page.check('#research-optin');
    const items = page.locator('li.research-item[data-origin=tab]');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(flagged);
    const originals = await items.locator('[data-testid=original]').allTextContents();
    const exported = await items.locator('[data-testid=exported]').allTextContents();
    // the page's redaction (compromise's full tagger in the browser) gives what Node gives
    expect(exported).toEqual(originals.map((o) => redact(o, SAMPLE_REDACTION).text));
    expect((await items.first().locator('h3').textContent()) ?? '').toContain('gmail');
    await page.close();
    await mail.close();
  });
});
