// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TabStatus as Status } from '../../extension/messages';
import { useEnglishMessages } from '../test-i18n';
import { NO_SELECTION, TabStatus, type ScanMode } from './TabStatus';

beforeAll(useEnglishMessages);
let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.replaceChildren();
});

function mount(status: Status, tabId: number | undefined, scan: (mode?: ScanMode) => Promise<void>) {
  const box = document.createElement('div');
  document.body.append(box);
  dispose = render(() => <TabStatus status={status} tabId={tabId} scan={scan} />, box);
  return box;
}

describe('popup page status', () => {
  it('a recognised site with counts by category', () => {
    const b = mount({ site: 'gmail', status: 'ok', stats: { messages: 12, flagged: 2, findings: 3, byCategory: { threat: 2, privacy: 1, abuse: 0 } } }, 1, async () => {});
    expect(b.textContent).toContain('Site recognised: Gmail');
    expect(b.textContent).toContain('12 messages checked, 2 flagged.');
    expect([...b.querySelectorAll('li')].map((l) => l.textContent)).toEqual(['Threat2', 'Privacy1']);
  });

  it('says clearly when a recognised site shows no messages (layout may have changed)', () => {
    const b = mount({ site: 'whatsapp', status: 'no-messages', stats: { messages: 0, flagged: 0, findings: 0, byCategory: {} } }, 1, async () => {});
    expect(b.querySelector('[role=note]')?.textContent).toContain('layout may have changed');
  });

  it('a page read by the fallback reader says so plainly and offers the selection check', async () => {
    const scan = vi.fn(async (_mode?: ScanMode) => {});
    const b = mount({ site: 'gmail', status: 'ok', reader: 'fallback', stats: { messages: 3, flagged: 1, findings: 2, byCategory: { threat: 2 } } }, 4, scan);
    expect(b.querySelector('#status-fallback')!.textContent).toBe("This page's layout was not recognised; Dunwatch is reading the visible message text instead.");
    expect(b.textContent).toContain('3 messages checked, 1 flagged.');
    const check = b.querySelector<HTMLButtonElement>('#check-selection')!;
    expect(check.textContent).toBe('Check the selected text');
    check.click();
    await vi.waitFor(() => expect(b.textContent).toContain('Checking the selected text'));
    expect(scan).toHaveBeenCalledWith('selection');
  });

  it('the selection check with nothing selected says what to do, and can be tried again', async () => {
    const b = mount({ site: 'outlook', status: 'no-messages', reader: 'none', stats: { messages: 0, flagged: 0, findings: 0, byCategory: {} } }, 4, async (mode) => {
      if (mode === 'selection') throw new Error(NO_SELECTION);
    });
    expect(b.querySelector('#scan-page')).not.toBeNull();
    b.querySelector<HTMLButtonElement>('#check-selection')!.click();
    await vi.waitFor(() => expect(b.textContent).toContain('Nothing is selected on the page'));
    expect(b.querySelector<HTMLButtonElement>('#check-selection')!.disabled).toBe(false);
  });

  it('a page its adapter reads shows no fallback note and no extra buttons', () => {
    const b = mount({ site: 'gmail', status: 'ok', reader: 'adapter', stats: { messages: 2, flagged: 0, findings: 0, byCategory: {} } }, 1, async () => {});
    expect(b.querySelector('#status-fallback')).toBeNull();
    expect(b.querySelector('button')).toBeNull();
  });

  it('an unsupported page offers "Scan this page", which calls the injection once', async () => {
    const scan = vi.fn(async () => {});
    const b = mount({}, 7, scan);
    const btn = b.querySelector('#scan-page') as HTMLButtonElement;
    expect(btn.textContent).toBe('Scan this page');
    btn.click();
    await vi.waitFor(() => expect(b.textContent).toContain('Scanning this page'));
    expect(scan).toHaveBeenCalledTimes(1);
    expect(btn.disabled).toBe(true);
  });

  it('"Copy diagnostics" copies and says what was (and was not) copied; a failure is shown', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    const copy = vi.fn(async () => {});
    dispose = render(() => <TabStatus status={{ site: 'gmail', status: 'ok', reader: 'adapter', stats: { messages: 2, flagged: 0, findings: 0, byCategory: {} } }} tabId={3} scan={async () => {}} copyDiagnostics={copy} />, box);
    box.querySelector<HTMLButtonElement>('#copy-diagnostics')!.click();
    await vi.waitFor(() => expect(box.querySelector('#diagnostics-note')?.textContent).toContain('No message text, names or addresses'));
    expect(copy).toHaveBeenCalledOnce();
    dispose();
    box.replaceChildren();
    dispose = render(() => <TabStatus status={{}} tabId={3} scan={async () => {}} copyDiagnostics={async () => Promise.reject(new Error('clipboard refused'))} />, box);
    box.querySelector<HTMLButtonElement>('#copy-diagnostics')!.click();
    await vi.waitFor(() => expect(box.querySelector('#diagnostics-note')?.textContent).toBe('Could not copy the diagnostics: clipboard refused'));
  });

  it('a refused injection (browser pages) says so', async () => {
    const b = mount({}, 7, async () => Promise.reject(new Error('Cannot access a chrome:// URL')));
    (b.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(b.textContent).toContain('cannot be scanned'));
  });

  it('no tab: the scan button is disabled', () => {
    const b = mount({}, undefined, async () => {});
    expect((b.querySelector('button') as HTMLButtonElement).disabled).toBe(true);
  });
});
