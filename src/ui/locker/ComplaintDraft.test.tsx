// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'solid-js/web';
import { createSignal } from 'solid-js';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sampleRecords } from '../../evidence/fixtures';
import type { CaptureRecord } from '../../evidence/record';
import type { UiLang } from '../../engine/types';
import { substitute } from '../i18n';
import { ComplaintDraft } from './ComplaintDraft';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

let dispose: (() => void) | undefined;
let host: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  dispose?.();
  host.remove();
  vi.restoreAllMocks();
});

const area = () => host.querySelector('textarea') as HTMLTextAreaElement;

describe('ComplaintDraft', () => {
  it('shows the draft read-only, with the channel link, and follows the props', async () => {
    const { records } = await sampleRecords();
    const [recs, setRecs] = createSignal<CaptureRecord[]>(records);
    const [j, setJ] = createSignal('us');
    const [lang, setLang] = createSignal<UiLang>('en');
    dispose = render(() => <ComplaintDraft records={recs()} jurisdiction={j()} uiLang={lang()} />, host);
    expect(area().readOnly).toBe(true);
    expect(area().value.startsWith('DRAFT FOR YOU TO CHECK — NOT LEGAL ADVICE')).toBe(true);
    expect(area().value).toContain('"we will have you ARRESTED"');
    const link = host.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://www.consumerfinance.gov/complaint/');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(host.textContent).toContain('phone (855) 411-2372');
    // the textarea has a label
    expect(host.querySelector(`label[for="${area().id}"]`)).not.toBeNull();

    setJ('cn');
    setLang('zh-CN');
    expect(area().value.startsWith('草稿，请你核对——不构成法律意见')).toBe(true);
    expect((host.querySelector('a') as HTMLAnchorElement).getAttribute('href')).toBe('https://www.nfra.gov.cn');

    setRecs([]);
    expect(host.textContent).toContain(en.complaintNoneSelected!.message);
  });

  it('message text stays text: markup in a record is not rendered', async () => {
    const { records } = await sampleRecords();
    dispose = render(() => <ComplaintDraft records={records} jurisdiction="us" uiLang="en" />, host);
    expect(host.querySelector('b')).toBeNull(); // the Gmail fixture's text contains <b>Final notice</b>
    expect(area().value).toContain('FINAL NOTICE');
  });

  it('copy writes the exact draft to the clipboard, or selects it when that fails', async () => {
    const { records } = await sampleRecords();
    const writeText = vi.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    dispose = render(() => <ComplaintDraft records={records} jurisdiction="uk" uiLang="en" />, host);
    (host.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(host.textContent).toContain(en.complaintCopied!.message));
    expect(writeText).toHaveBeenCalledWith(area().value);

    writeText.mockRejectedValueOnce(new Error('denied'));
    (host.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(host.textContent).toContain('Could not copy'));
    expect(area().selectionEnd - area().selectionStart).toBe(area().value.length);
  });
});
