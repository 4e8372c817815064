import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { substitute } from './i18n';
import { renderStatus } from './status';

const win = new Window();
const doc = win.document as unknown as Document;
const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
});
afterAll(() => win.happyDOM.close());

const box = () => doc.createElement('div') as HTMLElement;

describe('popup page status', () => {
  it('a recognised site with counts by category', () => {
    const b = box();
    renderStatus(b, { site: 'gmail', status: 'ok', stats: { messages: 12, flagged: 2, findings: 3, byCategory: { threat: 2, privacy: 1, abuse: 0 } } }, 1, async () => {});
    expect(b.textContent).toContain('Site recognised: Gmail');
    expect(b.textContent).toContain('12 messages checked, 2 flagged.');
    expect([...b.querySelectorAll('li')].map((l) => l.textContent)).toEqual(['Threat2', 'Privacy1']);
  });

  it('says clearly when a recognised site shows no messages (layout may have changed)', () => {
    const b = box();
    renderStatus(b, { site: 'whatsapp', status: 'no-messages', stats: { messages: 0, flagged: 0, findings: 0, byCategory: {} } }, 1, async () => {});
    expect(b.querySelector('[role=note]')?.textContent).toContain('layout may have changed');
  });

  it('an unsupported page offers "Scan this page", which calls the injection once', async () => {
    const b = box();
    const scan = vi.fn(async () => {});
    renderStatus(b, {}, 7, scan);
    const btn = b.querySelector('button') as HTMLButtonElement;
    expect(btn.textContent).toBe('Scan this page');
    btn.click();
    await vi.waitFor(() => expect(b.textContent).toContain('Scanning this page'));
    expect(scan).toHaveBeenCalledTimes(1);
    expect(btn.disabled).toBe(true);
  });

  it('a refused injection (browser pages) says so', async () => {
    const b = box();
    renderStatus(b, {}, 7, async () => Promise.reject(new Error('Cannot access a chrome:// URL')));
    (b.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(b.textContent).toContain('cannot be scanned'));
  });
});
