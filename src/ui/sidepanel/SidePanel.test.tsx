// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRoot, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EvidenceSaveAnswer } from '../../extension/evidence-messages';
import type { FocusCommand, TabStatus } from '../../extension/messages';
import { substitute } from '../i18n';
import { PAGE } from './fixture-messages';
import { buildModel } from './model';
import { SidePanel } from './SidePanel';
import { createTabReport, fixedTabFrom, focusInTab, tabReportKey } from './tab-source';
import { reportFrom } from './test-report';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const msg = (key: string, ...subs: string[]) => substitute(en[key]!.message, subs);

const report = reportFrom(PAGE);
const model = buildModel(report);

beforeAll(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => substitute(en[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
});

let dispose: (() => void) | undefined;
beforeEach(() => {
  document.body.replaceChildren();
});
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

function mount(
  initial: TabStatus | undefined,
  options: { tabId?: number; focus?: (tabId: number, c: FocusCommand) => Promise<void>; locker?: boolean; save?: (tabId: number, messageId: string) => Promise<EvidenceSaveAnswer> } = {},
) {
  const [tabId, setTabId] = createSignal<number | undefined>('tabId' in options ? options.tabId : 7);
  const [rep, setReport] = createSignal<TabStatus | undefined>(initial);
  const focus = vi.fn(options.focus ?? (async () => {}));
  const root = document.createElement('div');
  document.body.append(root);
  dispose = render(
    () => <SidePanel tabId={tabId} report={rep} focus={focus} locker={options.locker ? (id) => <p id="locker-here">locker for {id}</p> : undefined} save={options.save} />,
    root,
  );
  return { root, focus, setReport, setTabId };
}

const summary = () => document.getElementById('sp-summary')!;
const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('button.sp-select')];
const key = (k: string, target: EventTarget = document.activeElement ?? document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('side panel: what it lists', () => {
  it('groups by conversation; sender, time, category, severity, title, excerpt; thread findings at the top', () => {
    mount(report);
    const groups = [...document.querySelectorAll('section.sp-group')];
    expect(groups.map((g) => g.querySelector('h2')!.textContent)).toEqual([msg('spConversation', '1'), 'Final notice']);
    const sms = groups[0]!;
    // the conversation's own findings come first, under their heading, with the engine's explanation
    const firstHeads = [...sms.querySelectorAll('h3')].map((h) => h.textContent);
    expect(firstHeads[0]).toBe(msg('spAboutThread'));
    expect(firstHeads.slice(1)).toEqual(['ACME Recovery · 2026-06-10 14:00', 'ACME Recovery · 2026-06-11 03:40']);
    const explanations = [...sms.querySelectorAll('.sp-explain')].map((p) => p.textContent);
    expect(explanations).toEqual(report.threads![0]!.findings.map((f) => f.explanation));
    expect(explanations.join(' ')).toMatch(/may|presumes|asked them to stop/);
    // each finding: tag, severity, title; message findings with their excerpt
    const items = [...document.querySelectorAll('li.sp-finding')];
    expect(items).toHaveLength(model.items.length);
    model.items.forEach((item, i) => {
      const li = items[i]!;
      expect(li.querySelector('.tag')!.className).toBe(`tag cat-${item.finding.category}`);
      expect(li.querySelector('.tag')!.textContent).toBe(msg(`cat_${item.finding.category}`));
      expect(li.querySelector('.sp-sev')!.textContent).toBe(msg(`sev_${item.finding.severity}`));
      expect(li.querySelector('.sp-title')!.textContent).toBe(item.finding.title);
      if (item.kind === 'message') expect(li.querySelector('q')!.textContent).toBe(item.finding.excerpt);
    });
    expect(document.querySelector('time')!.getAttribute('datetime')).toBe('2026-06-10T14:00:00Z');
  });

  it('the live summary counts messages, findings and conversation findings, and updates with the report', () => {
    const { setReport } = mount(report);
    expect(summary().getAttribute('aria-live')).toBe('polite');
    const c = model.counts;
    expect(summary().textContent).toBe(`${msg('spSummary', '5', String(c.findings), '3')} ${msg('spSummaryThreads', String(c.threadFindings))}`);
    setReport(reportFrom(PAGE.filter((m) => m.id === 'e' || m.id === 'd').map(({ threadId: _t, ...m }) => m)));
    const one = buildModel(reportFrom(PAGE.filter((m) => m.id === 'd'))).counts.findings;
    expect(summary().textContent).toBe(msg('spSummary', '2', String(one), '1'));
    // the same live element is updated, not replaced (screen readers announce changes to it)
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
    setReport(reportFrom(PAGE.filter((m) => m.id === 'e')));
    expect(summary().textContent).toBe(msg('spNoFindings', '1'));
    expect(buttons()).toHaveLength(0);
  });

  it('calm empty states: no tab, nothing scanned, scanning, turned off, no messages', () => {
    const { setReport, setTabId } = mount(undefined, { tabId: undefined });
    expect(summary().textContent).toBe(msg('spNoTab'));
    setTabId(3);
    expect(summary().textContent).toBe(msg('spNotScanned'));
    setReport({ site: 'gmail', status: 'scanning' });
    expect(summary().textContent).toBe(msg('statusScanning'));
    setReport({ site: 'gmail', status: 'disabled' });
    expect(summary().textContent).toBe(msg('statusDisabled'));
    setReport({ site: 'gmail', status: 'no-messages' });
    expect(summary().textContent).toBe(msg('statusNoMessages'));
    expect(document.querySelector('nav')).toBeNull();
  });

  it('a message read by the fallback reader says so; the others do not', () => {
    const marked: TabStatus = { ...report, reader: 'fallback', messages: report.messages!.map((m, i) => (i === 0 ? { ...m, fallback: true } : m)) };
    mount(marked);
    const notes = [...document.querySelectorAll('article.sp-message')].map((a) => a.querySelector('.sp-fallback')?.textContent ?? null);
    expect(notes[0]).toBe(msg('sidepanelFallback'));
    expect(notes.slice(1).every((n) => n === null)).toBe(true);
  });

  it('message text with markup stays text', () => {
    const evil = '<img src=x onerror="window.__pwned=1"> <b>bold</b>';
    const r = reportFrom([{ ...PAGE[0]!, sender: evil, text: `${evil} ${PAGE[0]!.text}`, subject: '<script>window.__pwned=2</script>' }]);
    mount(r);
    expect(document.querySelector('img, b, script')).toBeNull();
    expect(document.querySelector('.sp-sender')!.textContent).toBe(evil);
    expect(document.querySelector('h2')!.textContent).toBe('<script>window.__pwned=2</script>');
  });

  it('each message has "Save as evidence": the tab saves it and the panel says what happened', async () => {
    const save = vi.fn(async (): Promise<EvidenceSaveAnswer> => ({ saved: 1, screenshots: 0, pending: false, noScreenshot: 'no activeTab' }));
    mount(report, { save });
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.sp-save button')];
    expect(buttons.length).toBe(document.querySelectorAll('article.sp-message').length);
    buttons[0]!.click();
    await vi.waitFor(() => expect(document.querySelector('.sp-save [role="status"]')!.textContent).toBe(msg('spSavedNoScreenshot')));
    expect(save).toHaveBeenCalledWith(7, expect.any(String));
  });

  it('no save buttons without a saver', () => {
    mount(report);
    expect(document.querySelector('.sp-save')).toBeNull();
  });

  it('leaves a place for the evidence locker, given the tab', () => {
    mount(report, { locker: true });
    expect(document.getElementById('locker-here')!.textContent).toBe('locker for 7');
  });
});

describe('side panel: selecting and previous / next', () => {
  it('click (and Enter, which clicks a button) sends dunwatch:focus for that message and finding', async () => {
    const { focus } = mount(report);
    const d = model.items.findIndex((i) => i.kind === 'message' && i.message.id === 'd');
    buttons()[d]!.click();
    await vi.waitFor(() => expect(focus).toHaveBeenCalledTimes(1));
    expect(focus).toHaveBeenLastCalledWith(7, { type: 'dunwatch:focus', messageId: 'd', finding: 0 });
    expect(buttons()[d]!.getAttribute('aria-current')).toBe('true');
    expect(document.getElementById('sp-position')!.textContent).toBe(msg('spPosition', String(d + 1), String(model.items.length)));
  });

  it('j / k, arrow keys and the buttons walk the findings in page order, focusing each here and on the page', async () => {
    const { focus } = mount(report);
    const expected = model.items.map((i) => i.focus);
    key('j', document.body);
    expect(document.activeElement).toBe(buttons()[0]);
    for (let i = 1; i < model.items.length; i++) {
      key(i % 2 ? 'ArrowDown' : 'j');
      expect(document.activeElement).toBe(buttons()[i]);
    }
    key('j'); // at the end: stays
    expect(document.activeElement).toBe(buttons()[model.items.length - 1]);
    expect((document.getElementById('sp-next') as HTMLButtonElement).disabled).toBe(true);
    await vi.waitFor(() => expect(focus).toHaveBeenCalledTimes(model.items.length + 1));
    expect(focus.mock.calls.slice(0, model.items.length).map((c) => c[1])).toEqual(expected);
    key('k');
    key('ArrowUp');
    expect(document.activeElement).toBe(buttons()[model.items.length - 3]);
    (document.getElementById('sp-prev') as HTMLButtonElement).click();
    expect(document.activeElement).toBe(buttons()[model.items.length - 4]);
    (document.getElementById('sp-next') as HTMLButtonElement).click();
    expect(document.activeElement).toBe(buttons()[model.items.length - 3]);
    expect(document.querySelectorAll('[aria-current="true"]')).toHaveLength(1);
    // the keys are explained on screen
    expect(document.getElementById('sp-keys')!.textContent).toBe(msg('spKeysHelp'));
  });

  it('keys typed in a text field are left alone; arrows outside the list scroll as usual', () => {
    const { focus } = mount(report);
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    key('j', input);
    key('ArrowDown', document.body);
    expect(focus).not.toHaveBeenCalled();
    expect(document.querySelector('[aria-current]')).toBeNull();
  });

  it('when the page does not answer (no content script), says so calmly', async () => {
    mount(report, { focus: async () => Promise.reject(new Error('Could not establish connection')) });
    buttons()[0]!.click();
    await vi.waitFor(() => expect(document.querySelector('[role=status]')!.textContent).toBe(msg('spFocusFailed')));
  });

  it('a new report keeps the selected finding', () => {
    const { setReport } = mount(report);
    const d = model.items.findIndex((i) => i.kind === 'message' && i.message.id === 'd');
    buttons()[d]!.click();
    setReport(reportFrom([{ id: 'z', threadId: 'z', sender: 'New', direction: 'incoming', text: PAGE[0]!.text }, ...PAGE]));
    const current = document.querySelector('[aria-current="true"]')!;
    expect(current.closest('article')!.querySelector('.sp-sender')!.textContent).toBe('Collections <c@x.example>');
  });
});

describe('side panel: which tab, from session storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('?tab=<id> picks the tab; anything else follows the active tab', () => {
    expect(fixedTabFrom('?tab=42')).toBe(42);
    expect(fixedTabFrom('?tab=abc')).toBeUndefined();
    expect(fixedTabFrom('')).toBeUndefined();
  });

  it('a fixed tab: reads its report and follows storage changes (storage.watch)', async () => {
    await fakeBrowser.storage.session.set({ [tabReportKey(42).slice('session:'.length)]: { site: 'gmail', status: 'scanning' } });
    const { source, stop } = createRoot((d) => ({ source: createTabReport(42), stop: d }));
    await vi.waitFor(() => expect(source.loaded()).toBe(true));
    expect(source.tabId()).toBe(42);
    expect(source.report()?.status).toBe('scanning');
    await fakeBrowser.storage.session.set({ 'tab-42': report });
    await vi.waitFor(() => expect(source.report()?.messages).toHaveLength(5));
    await fakeBrowser.storage.session.remove('tab-42');
    await vi.waitFor(() => expect(source.report()).toBeUndefined());
    stop();
  });

  it('follows the active tab of its window (tabs.onActivated) and a navigation to another site (tabs.onUpdated)', async () => {
    const win = (await fakeBrowser.windows.create({ focused: true }))!;
    const mail = await fakeBrowser.tabs.create({ windowId: win.id, url: 'https://mail.google.com/mail/u/0/', active: true });
    const other = await fakeBrowser.tabs.create({ windowId: win.id, url: 'https://example.org/', active: false });
    await fakeBrowser.storage.session.set({ [`tab-${mail.id}`]: report, [`tab-${other.id}`]: { site: 'generic', status: 'no-messages', url: 'https://example.org/' } });
    const { source, stop } = createRoot((d) => ({ source: createTabReport(), stop: d }));
    await vi.waitFor(() => expect(source.report()?.site).toBe('gmail'));
    expect(source.tabId()).toBe(mail.id);
    await fakeBrowser.tabs.update(other.id, { active: true });
    await vi.waitFor(() => expect(source.tabId()).toBe(other.id));
    await vi.waitFor(() => expect(source.report()?.site).toBe('generic'));
    await fakeBrowser.tabs.update(mail.id, { active: true });
    await vi.waitFor(() => expect(source.report()?.site).toBe('gmail'));
    // a tab activated in another window is not this panel's
    await fakeBrowser.tabs.onActivated.trigger({ tabId: other.id!, windowId: win.id! + 100 });
    await new Promise((r) => setTimeout(r, 20));
    expect(source.tabId()).toBe(mail.id);
    // the mail tab goes to another site: its old report is not shown for the new page
    await fakeBrowser.tabs.update(mail.id, { url: 'https://news.example/' });
    await fakeBrowser.tabs.onUpdated.trigger(mail.id!, { url: 'https://news.example/' }, { ...mail, url: 'https://news.example/' });
    await vi.waitFor(() => expect(source.report()).toBeUndefined());
    stop();
  });

  it('focusInTab sends dunwatch:focus to the tab and fails when the page answers that the message is gone', async () => {
    const send = vi.fn(async (_tabId: number, m: FocusCommand) => m.messageId === 'a');
    fakeBrowser.tabs.sendMessage = send as unknown as typeof fakeBrowser.tabs.sendMessage;
    await focusInTab(5, { type: 'dunwatch:focus', messageId: 'a', finding: 1 });
    expect(send).toHaveBeenCalledWith(5, { type: 'dunwatch:focus', messageId: 'a', finding: 1 });
    await expect(focusInTab(5, { type: 'dunwatch:focus', messageId: 'gone' })).rejects.toThrow('not on the page');
  });
});
