// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { jurisdictionSetting } from '../../extension/settings';
import { useEnglishMessages } from '../test-i18n';
import type { Send } from './check';
import { fakeBackground } from './fake-background';
import { Popup } from './Popup';

beforeAll(useEnglishMessages);
beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});
let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.replaceChildren();
});

function mount(send: Send) {
  const root = document.createElement('div');
  document.body.append(root);
  dispose = render(
    () => (
      <Popup lang="en" jurisdiction="us" disabledRules={[]} disabledCategories={[]} timeZone="America/New_York" locale="en-US" status={{}} tabId={1} send={send} scan={async () => {}} openOptions={() => {}} />
    ),
    root,
  );
  return root;
}

function type(root: HTMLElement, text: string) {
  const box = root.querySelector('#message') as HTMLTextAreaElement;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

const summary = (root: HTMLElement) => root.querySelector('#summary')?.textContent ?? '';

describe('Popup', () => {
  it('the message box has focus; typing checks through the background after a pause and marks the spans', async () => {
    const root = mount(fakeBackground());
    expect(document.activeElement?.id).toBe('message');
    const text = 'Pay today or a warrant will be issued for your arrest.';
    type(root, text);
    expect(summary(root)).toBe(''); // pending: nothing stale is shown
    await vi.waitFor(() => expect(summary(root)).not.toBe(''), { timeout: 3_000 });
    expect(root.querySelector('#marked')?.textContent).toBe(text);
    expect(root.querySelector('#marked mark')?.textContent).toContain('warrant');
    expect(root.querySelectorAll('#findings li.finding').length).toBeGreaterThan(0);
    expect(Number(root.querySelector('#summary')?.getAttribute('data-ms'))).toBeLessThan(1_000);
    expect([...root.querySelectorAll('#rights a')].map((a) => a.getAttribute('href'))).toContain('https://www.consumerfinance.gov/complaint/');
  });

  it('HTML and script-like text stays inert text', async () => {
    const root = mount(fakeBackground());
    const xss = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> we will post your photo on Facebook';
    type(root, xss);
    await vi.waitFor(() => expect(summary(root)).not.toBe(''), { timeout: 3_000 });
    expect(root.querySelector('#marked')?.textContent).toBe(xss);
    expect([...(root.querySelector('#marked')?.querySelectorAll('*') ?? [])].filter((e) => e.tagName !== 'MARK')).toEqual([]);
  });

  it('several timed messages: thread findings under the per-message findings, each labelled with sender and time', async () => {
    const root = mount(fakeBackground());
    type(root, '11/02/2026 23:40 Collector: Pay today or a warrant will be issued for your arrest.\n11/03/2026 08:05 Me: STOP\n11/03/2026 09:10 Collector: Pay now.');
    await vi.waitFor(() => expect(root.querySelector('#thread')).not.toBeNull(), { timeout: 3_000 });
    const titles = [...root.querySelectorAll('#thread-findings li.finding h3')].map((h) => h.textContent);
    expect(titles).toContain('Contact after you asked them to stop');
    expect(root.querySelector('#thread')?.textContent).toContain('3 messages');
    expect(root.querySelector('#findings li.finding')?.textContent).toContain('Collector · 11/02/2026 23:40');
    // thread findings link to the jurisdiction's rights page, not to a rule page that does not exist
    expect(root.querySelector('#thread-findings a[target=_blank]:not([rel])')?.getAttribute('href')).toMatch(/rights\.html#jurisdiction=us$/);
  });

  it('a background that does not answer: a clear message instead of findings', async () => {
    const root = mount(async () => undefined);
    type(root, 'Pay now');
    await vi.waitFor(() => expect(root.querySelector('#check-error')?.textContent).toContain('did not answer'), { timeout: 3_000 });
    expect(root.querySelector('#findings')).toBeNull();
  });

  it('changing the jurisdiction is saved and checks again', async () => {
    const log: unknown[] = [];
    const root = mount(fakeBackground(log));
    type(root, 'Pay today or a warrant will be issued for your arrest.');
    await vi.waitFor(() => expect(summary(root)).not.toBe(''), { timeout: 3_000 });
    const select = root.querySelector('#jurisdiction') as HTMLSelectElement;
    select.value = 'cn';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(log.at(-1)).toMatchObject({ options: { jurisdiction: 'cn' } }), { timeout: 3_000 });
    expect(await jurisdictionSetting.getValue()).toBe('cn');
  });
});
